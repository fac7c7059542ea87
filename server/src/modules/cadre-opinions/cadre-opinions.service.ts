import {
  CADRE_OPINION_LIMITS,
  ROLE_PERMISSIONS,
  type CadreOpinionAnswerBody,
  type CadreOpinionCreate,
  type CadreOpinionDto,
  type CadreOpinionListQuery,
  type CadreOpinionRemindResult,
  type CadreOpinionStatsDto,
  type CadreOpinionStatsQuery,
  type CadreOpinionSummaryDto,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, type AuthContext } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { addDays, chinaDateOf } from '../tickets/working-days.js';
import { personInScope } from '../people/people.service.js';
import { takeEvidence } from './cadre-opinions.evidence.js';
import { remindCadreOpinions } from './cadre-opinions.reminders.js';
import { cadreOpinionStats } from './cadre-opinions.stats.js';
import * as repo from './cadre-opinions.repo.js';

const WHAT = '征求意见';

/**
 * Cadre opinions (干部征求意见). Stricter than the usual scope: only the organisation department
 * (cadreOpinions.request over the compound) and the one branch a request is routed to see it;
 * community and subdistrict staff do not, even though the compound is in their subtree.
 */
export class CadreOpinionsService {
  constructor(private readonly db: Db) {}

  /** Everything for the requesters; the user's own branches for branch secretaries; nothing otherwise. */
  private async visibility(q: Queryable, auth: AuthContext): Promise<repo.Visibility | null> {
    if (auth.permissions.has('cadreOpinions.request')) return { all: true };
    if (!auth.permissions.has('cadreOpinions.answer')) return null;
    const grantNodes = auth.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('cadreOpinions.answer')).map((g) => g.nodeId);
    return { all: false, branchIds: await repo.branchesOfUser(q, auth.user.id, grantNodes) };
  }

  private canSee(auth: AuthContext, v: repo.Visibility | null, row: repo.CadreOpinionRow): boolean {
    if (!v) return false;
    if (v.all) return pathInScope(row.compound_path, scopeFor(auth, 'cadreOpinions.request'));
    return v.branchIds.includes(row.branch_id);
  }

  private async load(q: Queryable, auth: AuthContext, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.CadreOpinionRow> {
    const row = await repo.getRequest(q, id, opts);
    if (!row || !this.canSee(auth, await this.visibility(q, auth), row)) throw notFound(WHAT);
    return row;
  }

  async list(auth: AuthContext, query: CadreOpinionListQuery): Promise<Page<CadreOpinionSummaryDto>> {
    const v = await this.visibility(this.db, auth);
    if (!v) throw forbidden('只有县委组织部和干部居住小区的党支部可以查看干部征求意见');
    return repo.listRequests(this.db, v, query, query);
  }

  /** Every successful view is audited: who read which cadre's evidence and answer. */
  async get(auth: AuthContext, id: number, actor: Actor): Promise<CadreOpinionDto> {
    return this.db.tx(async (q) => {
      const row = await this.load(q, auth, id);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'cadreOpinion.view', targetType: 'cadre_opinion', targetId: id, nodeId: row.compound_id, result: 'success',
        details: { personId: row.person_id, branchId: row.branch_id, status: row.status },
      });
      return repo.toDto(row);
    });
  }

  /** Routed from the cadre's home: the compound on their address path and the branch covering it. */
  async create(auth: AuthContext, input: CadreOpinionCreate, actor: Actor): Promise<CadreOpinionDto> {
    const today = chinaDateOf(new Date());
    if (input.deadline <= today) throw badRequest('答复期限最早为明天');
    if (input.deadline > addDays(today, CADRE_OPINION_LIMITS.deadlineMaxDays)) throw badRequest(`答复期限不能晚于 ${CADRE_OPINION_LIMITS.deadlineMaxDays} 天后`);
    return this.db.tx(async (q) => {
      const person = await personInScope(q, input.personId, scopeFor(auth, 'people.read'));
      const home = (await repo.homeOf(q, person.id))!;
      if (!home.compound_id) {
        throw conflict(`${person.name}登记的住址（${home.node_name}）不在任何小区内，无法确定向哪个小区党支部征求意见，请先核实其住址`, { reason: 'no_compound' });
      }
      if (!home.branch_id) {
        throw conflict(`${person.name}居住的“${home.compound_name}”尚未设立小区党支部，无法征求意见`, { reason: 'no_branch', compoundId: home.compound_id });
      }
      if (!pathInScope(home.compound_path!, scopeFor(auth, 'cadreOpinions.request'))) throw notFound('人员');
      const existing = await repo.pendingOfPerson(q, person.id, input.purpose);
      if (existing) throw new AppError(409, 'DUPLICATE', `已就同一事项向该干部居住小区党支部征求意见（编号 ${existing}），正在等待答复`, { existingId: existing });
      const id = await repo.insertRequest(q, {
        personId: person.id, compoundId: home.compound_id, branchId: home.branch_id, purpose: input.purpose, post: input.post,
        requestedBy: actor.userId, deadline: input.deadline, evidence: await takeEvidence(q, person.id, new Date()),
      });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'cadreOpinion.create', targetType: 'cadre_opinion', targetId: id, nodeId: home.compound_id, result: 'success',
        details: { personId: person.id, branchId: home.branch_id, purpose: input.purpose, deadline: input.deadline },
      });
      return repo.toDto((await repo.getRequest(q, id))!);
    });
  }

  /** Only the routed branch's secretary, only while pending. */
  async answer(auth: AuthContext, id: number, input: CadreOpinionAnswerBody, actor: Actor): Promise<CadreOpinionDto> {
    return this.db.tx(async (q) => {
      const row = await repo.getRequest(q, id, { forUpdate: true });
      const v = await this.visibility(q, auth);
      if (!row || !v || v.all || !v.branchIds.includes(row.branch_id)) throw notFound(WHAT);
      if (row.status !== 'pending') throw conflict(row.status === 'answered' ? '该征求意见已答复，不能重复答复' : '该征求意见已撤回，无需答复');
      await repo.answerRequest(q, id, input.answer, input.text, actor.userId);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'cadreOpinion.answer', targetType: 'cadre_opinion', targetId: id, nodeId: row.compound_id, result: 'success',
        details: { personId: row.person_id, branchId: row.branch_id, answer: input.answer, overdue: row.overdue },
      });
      return repo.toDto((await repo.getRequest(q, id))!);
    });
  }

  async withdraw(auth: AuthContext, id: number, reason: string, actor: Actor): Promise<CadreOpinionDto> {
    return this.db.tx(async (q) => {
      const row = await this.load(q, auth, id, { forUpdate: true });
      if (row.status !== 'pending') throw conflict('只能撤回待答复的征求意见');
      await repo.withdrawRequest(q, id, reason);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'cadreOpinion.withdraw', targetType: 'cadre_opinion', targetId: id, nodeId: row.compound_id, result: 'success',
        details: { personId: row.person_id, reason },
      });
      return repo.toDto((await repo.getRequest(q, id))!);
    });
  }

  /** A fresh snapshot of the evidence, while the branch has not answered yet. */
  async refreshEvidence(auth: AuthContext, id: number, actor: Actor): Promise<CadreOpinionDto> {
    return this.db.tx(async (q) => {
      const row = await this.load(q, auth, id, { forUpdate: true });
      if (row.status !== 'pending') throw conflict('只能更新待答复征求意见的材料');
      await repo.replaceEvidence(q, id, await takeEvidence(q, row.person_id, new Date()));
      await appendAudit(q, {
        ...actorEntry(actor), action: 'cadreOpinion.refreshEvidence', targetType: 'cadre_opinion', targetId: id, nodeId: row.compound_id, result: 'success',
        details: { personId: row.person_id },
      });
      return repo.toDto((await repo.getRequest(q, id))!);
    });
  }

  /** The organisation department chases one pending request now (at most once a day). */
  async remind(auth: AuthContext, id: number, actor: Actor): Promise<CadreOpinionRemindResult> {
    return this.db.tx(async (q) => {
      const row = await this.load(q, auth, id, { forUpdate: true });
      if (row.status !== 'pending') throw conflict('只能催办待答复的征求意见');
      const done = await remindCadreOpinions(q, { only: id, actor });
      if (done.requests === 0) throw conflict('今天已经催办过该征求意见，请明天再催办');
      return { reminded: true, notifications: done.notifications };
    });
  }

  async stats(query: CadreOpinionStatsQuery): Promise<CadreOpinionStatsDto> {
    if (query.from && query.to && query.from > query.to) throw badRequest('开始日期不能晚于结束日期');
    return cadreOpinionStats(this.db, query);
  }
}
