import {
  BUDGET_KIND_LABELS,
  BUDGET_KINDS,
  PERSON_PAYEE_KINDS,
  yuanOf,
  type BudgetLineCreate,
  type BudgetLineDto,
  type BudgetLineListQuery,
  type BudgetLineUpdate,
  type DisbursementBatch,
  type DisbursementBatchApproveResult,
  type DisbursementBatchResult,
  type DisbursementCreate,
  type DisbursementDto,
  type DisbursementListQuery,
  type FundingPayeeDto,
  type FundingReportDto,
  type FundingReportQuery,
  type Permission,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import * as repo from './funding.repo.js';

const LINE = '预算行';
const DISBURSEMENT = '拨付申请';
/** Budget lines sit at the county, a subdistrict, a community or a compound. */
const LINE_NODE_KINDS = ['county', 'subdistrict', 'community', 'compound'];
export const EXPORT_CAP = 50_000;

type FundingPermission = Extract<Permission, `funding.${string}`>;
const patternsFor = (auth: AuthContext, p: FundingPermission) => scopePatterns(scopeFor(auth, p));
const kindLabel = (k: keyof typeof BUDGET_KIND_LABELS) => BUDGET_KIND_LABELS[k].zh;
const lineLabel = (l: repo.LineRow) => `${l.year}年${l.node_name}${kindLabel(l.kind)}`;

/** Loads a line the caller may read; outside the permission's subtree it is 403, outside the read scope 404. */
async function lineIn(q: Queryable, auth: AuthContext, id: number, perm: FundingPermission, lock = false): Promise<repo.LineRow> {
  const l = await repo.getLine(q, id, lock);
  if (!l || !pathInScope(l.node_path, scopeFor(auth, 'funding.read'))) throw notFound(LINE);
  if (!pathInScope(l.node_path, scopeFor(auth, perm))) {
    throw new AppError(403, 'FORBIDDEN', perm === 'funding.approve' ? `没有审批${l.node_name}经费的权限，请由上级审批` : `没有管理${l.node_name}经费的权限`);
  }
  return l;
}

/** Why a person may not be paid from a stipend or allowance line, or null when they may. */
async function payeeRefusal(q: Queryable, l: repo.LineRow, personId: number): Promise<string | null> {
  if (!PERSON_PAYEE_KINDS.includes(l.kind)) return null;
  const [ok] = await repo.eligiblePayees(q, l.kind, l.node_path, personId);
  if (ok) return null;
  return l.kind === 'steward_stipend'
    ? `该人员不是${l.node_name}范围内的现任红色管家，不能领取红色管家补贴`
    : `该人员不是${l.node_name}范围内的现任小区党支部书记，不能领取书记补贴`;
}

export class FundingService {
  constructor(private readonly db: Db) {}

  // ── Budget lines ──────────────────────────────────────────────────────────────────────────
  listLines(auth: AuthContext, query: BudgetLineListQuery): Promise<Page<BudgetLineDto>> {
    return repo.listLines(this.db, patternsFor(auth, 'funding.read'), query);
  }
  exportLines(auth: AuthContext, query: Omit<BudgetLineListQuery, 'page' | 'pageSize'>): Promise<BudgetLineDto[]> {
    return repo.allLines(this.db, patternsFor(auth, 'funding.read'), query, EXPORT_CAP);
  }
  async getLine(auth: AuthContext, id: number): Promise<BudgetLineDto> {
    return repo.lineDto(await lineIn(this.db, auth, id, 'funding.read'));
  }

  async createLine(auth: AuthContext, input: BudgetLineCreate, actor: Actor): Promise<BudgetLineDto> {
    return this.db.tx(async (q) => {
      const node = await nodeInScope(q, input.nodeId, scopeFor(auth, 'funding.manage'));
      if (!LINE_NODE_KINDS.includes(node.kind)) throw badRequest('预算行应设在县、街道、社区或小区，请选择其中一级', { nodeId: input.nodeId });
      if (await repo.lineIdFor(q, input.year, node.id, input.kind)) {
        throw new AppError(409, 'DUPLICATE', `${input.year}年${node.name}已有“${kindLabel(input.kind)}”预算行，请修改原预算行的金额`);
      }
      const id = await repo.insertLine(q, { ...input, note: input.note || null }, actor.userId);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'budgetLine.create', targetType: 'budget_line', targetId: id, nodeId: node.id, result: 'success',
        details: { year: input.year, kind: input.kind, amountFen: input.amountFen },
      });
      return repo.lineDto((await repo.getLine(q, id))!);
    });
  }

  async updateLine(auth: AuthContext, id: number, input: BudgetLineUpdate, actor: Actor): Promise<BudgetLineDto> {
    return this.db.tx(async (q) => {
      const l = await lineIn(q, auth, id, 'funding.manage', true);
      const amountFen = input.amountFen ?? l.amount_fen;
      const approved = await repo.approvedSum(q, id);
      if (amountFen < approved) {
        throw new AppError(409, 'FUNDING_BELOW_APPROVED', `${lineLabel(l)}已批准拨付 ¥${yuanOf(approved)}，预算不能低于已批准金额`, { approvedFen: approved });
      }
      const note = input.note !== undefined ? input.note || null : l.note;
      await repo.updateLine(q, id, amountFen, note);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'budgetLine.update', targetType: 'budget_line', targetId: id, nodeId: l.node_id, result: 'success',
        details: { before: { amountFen: l.amount_fen, note: l.note }, after: { amountFen, note } },
      });
      return repo.lineDto((await repo.getLine(q, id))!);
    });
  }

  async deleteLine(auth: AuthContext, id: number, actor: Actor): Promise<void> {
    await this.db.tx(async (q) => {
      const l = await lineIn(q, auth, id, 'funding.manage', true);
      if (l.disbursements > 0) throw conflict(`${lineLabel(l)}已有 ${l.disbursements} 笔拨付记录，不能删除；如需调整请修改预算金额`);
      await repo.deleteLine(q, id);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'budgetLine.delete', targetType: 'budget_line', targetId: id, nodeId: l.node_id, result: 'success',
        details: { year: l.year, kind: l.kind, amountFen: l.amount_fen },
      });
    });
  }

  async payees(auth: AuthContext, id: number): Promise<{ data: FundingPayeeDto[] }> {
    const l = await lineIn(this.db, auth, id, 'funding.read');
    return { data: PERSON_PAYEE_KINDS.includes(l.kind) ? await repo.eligiblePayees(this.db, l.kind, l.node_path) : [] };
  }

  // ── Disbursements ─────────────────────────────────────────────────────────────────────────
  listDisbursements(auth: AuthContext, query: DisbursementListQuery): Promise<Page<DisbursementDto>> {
    return repo.listDisbursements(this.db, patternsFor(auth, 'funding.read'), query);
  }
  exportDisbursements(auth: AuthContext, query: Omit<DisbursementListQuery, 'page' | 'pageSize'>): Promise<DisbursementDto[]> {
    return repo.allDisbursements(this.db, patternsFor(auth, 'funding.read'), query, EXPORT_CAP);
  }

  private static checkMonth(l: repo.LineRow, month: string): void {
    if (Number(month.slice(0, 4)) !== l.year) throw badRequest(`${lineLabel(l)}只能拨付${l.year}年内的月份，请选择 ${l.year}-01 至 ${l.year}-12`, { month });
  }

  async request(auth: AuthContext, input: DisbursementCreate, actor: Actor): Promise<DisbursementDto> {
    return this.db.tx(async (q) => {
      const l = await lineIn(q, auth, input.budgetLineId, 'funding.manage', true);
      FundingService.checkMonth(l, input.month);
      const personKind = PERSON_PAYEE_KINDS.includes(l.kind);
      if (personKind && input.personId === undefined) throw badRequest(`${kindLabel(l.kind)}应发给具体人员，请选择领款人员`, { personId: null });
      if (input.personId !== undefined) {
        const person = await repo.personInScope(q, input.personId, patternsFor(auth, 'funding.read'));
        if (!person) throw notFound('人员');
        const refusal = await payeeRefusal(q, l, person.id);
        if (refusal) throw new AppError(400, 'FUNDING_PAYEE_INELIGIBLE', refusal, { personId: person.id });
        const existing = await repo.activeFor(q, l.id, input.month, [person.id]);
        if (existing.size) throw new AppError(409, 'DUPLICATE', `${person.name}${input.month}已有${kindLabel(l.kind)}拨付申请（每人每月一笔），请勿重复申请`);
      }
      const [id] = await repo.insertDisbursements(q, l.id, input.month, input.amountFen, input.purpose, actor.userId, [
        { personId: input.personId ?? null, payeeName: input.personId === undefined ? input.payeeName! : null },
      ]);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'disbursement.request', targetType: 'disbursement', targetId: id!, nodeId: l.node_id, result: 'success',
        details: { budgetLineId: l.id, month: input.month, personId: input.personId ?? null, payeeName: input.payeeName ?? null, amountFen: input.amountFen },
      });
      return repo.disbursementDto((await repo.getDisbursement(q, id!))!);
    });
  }

  /** One pending request per eligible person for the month, skipping those already requested or paid; one transaction. */
  async requestBatch(auth: AuthContext, input: DisbursementBatch, actor: Actor): Promise<DisbursementBatchResult> {
    return this.db.tx(async (q) => {
      const l = await lineIn(q, auth, input.budgetLineId, 'funding.manage', true);
      FundingService.checkMonth(l, input.month);
      if (!PERSON_PAYEE_KINDS.includes(l.kind)) throw badRequest(`批量申请只适用于红色管家补贴和小区党支部书记补贴；${kindLabel(l.kind)}请逐笔申请`, { budgetLineId: l.id });
      const people = await repo.eligiblePayees(q, l.kind, l.node_path);
      if (!people.length) throw badRequest(`${l.node_name}范围内没有现任${l.kind === 'steward_stipend' ? '红色管家' : '小区党支部书记'}，无可申请人员`, { budgetLineId: l.id });
      const existing = await repo.activeFor(q, l.id, input.month, people.map((p) => p.personId));
      const fresh = people.filter((p) => !existing.has(p.personId));
      const ids = await repo.insertDisbursements(q, l.id, input.month, input.amountFen, input.purpose, actor.userId, fresh.map((p) => ({ personId: p.personId, payeeName: null })));
      const newId = new Map(fresh.map((p, i) => [p.personId, ids[i]!]));
      await appendAudit(q, {
        ...actorEntry(actor), action: 'disbursement.requestBatch', targetType: 'budget_line', targetId: l.id, nodeId: l.node_id, result: 'success',
        details: { month: input.month, amountFen: input.amountFen, created: fresh.length, skipped: existing.size, disbursementIds: ids },
      });
      return {
        created: fresh.length,
        skipped: existing.size,
        results: people.map((p) => ({
          personId: p.personId,
          name: p.name,
          outcome: newId.has(p.personId) ? ('created' as const) : ('exists' as const),
          disbursementId: newId.get(p.personId) ?? existing.get(p.personId) ?? null,
        })),
      };
    });
  }

  /**
   * Approves one pending request under a row lock on its budget line, so that concurrent
   * approvals can never together take the line's approved total above its budget.
   */
  private async approveIn(q: Queryable, auth: AuthContext, id: number, actor: Actor): Promise<DisbursementDto> {
    const first = await repo.getDisbursement(q, id);
    if (!first || !pathInScope(first.node_path, scopeFor(auth, 'funding.read'))) throw notFound(DISBURSEMENT);
    const l = await lineIn(q, auth, first.budget_line_id, 'funding.approve', true);
    const d = (await repo.getDisbursement(q, id, true))!;
    if (d.status !== 'pending') throw new AppError(409, 'ILLEGAL_TRANSITION', `该拨付申请已${d.status === 'approved' ? '批准' : '驳回'}，只有待审批的申请可以审批`);
    if (d.requested_by !== null && d.requested_by === actor.userId) {
      throw new AppError(403, 'FUNDING_SELF_APPROVAL', '不能审批自己提交的拨付申请，请由其他有审批权限的人员审批');
    }
    const approved = await repo.approvedSum(q, l.id);
    if (approved + d.amount_fen > l.amount_fen) {
      throw new AppError(
        409,
        'FUNDING_OVER_BUDGET',
        `超出预算：${lineLabel(l)}预算 ¥${yuanOf(l.amount_fen)}，已批准 ¥${yuanOf(approved)}，剩余 ¥${yuanOf(l.amount_fen - approved)}，本笔 ¥${yuanOf(d.amount_fen)}`,
        { budgetFen: l.amount_fen, approvedFen: approved, amountFen: d.amount_fen },
      );
    }
    await repo.decide(q, id, 'approved', actor.userId, null);
    await appendAudit(q, {
      ...actorEntry(actor), action: 'disbursement.approve', targetType: 'disbursement', targetId: id, nodeId: l.node_id, result: 'success',
      details: { budgetLineId: l.id, month: d.month, amountFen: d.amount_fen, approvedAfterFen: approved + d.amount_fen },
    });
    return repo.disbursementDto((await repo.getDisbursement(q, id))!);
  }

  approve(auth: AuthContext, id: number, actor: Actor): Promise<DisbursementDto> {
    return this.db.tx((q) => this.approveIn(q, auth, id, actor));
  }

  /** Each request by the same rules, in one transaction; refusals are reported per item and do not stop the others. */
  async approveBatch(auth: AuthContext, ids: number[], actor: Actor): Promise<DisbursementBatchApproveResult> {
    const unique = [...new Set(ids)];
    return this.db.tx(async (q) => {
      const results: DisbursementBatchApproveResult['results'] = [];
      for (const id of unique) {
        try {
          await this.approveIn(q, auth, id, actor);
          results.push({ id, ok: true, code: null, message: null });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          results.push({ id, ok: false, code: e.code, message: e.message });
        }
      }
      const approved = results.filter((r) => r.ok).length;
      return { approved, refused: results.length - approved, results };
    });
  }

  async reject(auth: AuthContext, id: number, reason: string, actor: Actor): Promise<DisbursementDto> {
    return this.db.tx(async (q) => {
      const first = await repo.getDisbursement(q, id);
      if (!first || !pathInScope(first.node_path, scopeFor(auth, 'funding.read'))) throw notFound(DISBURSEMENT);
      const l = await lineIn(q, auth, first.budget_line_id, 'funding.approve', true);
      const d = (await repo.getDisbursement(q, id, true))!;
      if (d.status !== 'pending') throw new AppError(409, 'ILLEGAL_TRANSITION', `该拨付申请已${d.status === 'approved' ? '批准' : '驳回'}，只有待审批的申请可以驳回`);
      if (d.requested_by !== null && d.requested_by === actor.userId) {
        throw new AppError(403, 'FUNDING_SELF_APPROVAL', '不能审批自己提交的拨付申请，请由其他有审批权限的人员审批');
      }
      await repo.decide(q, id, 'rejected', actor.userId, reason);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'disbursement.reject', targetType: 'disbursement', targetId: id, nodeId: l.node_id, result: 'success',
        details: { budgetLineId: l.id, month: d.month, amountFen: d.amount_fen, reason },
      });
      return repo.disbursementDto((await repo.getDisbursement(q, id))!);
    });
  }

  // ── Budget versus actual ──────────────────────────────────────────────────────────────────
  async report(auth: AuthContext, query: FundingReportQuery): Promise<FundingReportDto> {
    const scope = scopeFor(auth, 'funding.read');
    const nodeId = query.nodeId ?? Number(scope.paths[0]?.split('/').at(-2));
    if (!nodeId) throw notFound('节点');
    const node = await nodeInScope(this.db, nodeId, scope);
    const { year } = query;
    const figures = (r?: repo.SumRow) => repo.figuresOf(r?.budget ?? 0, r?.approved ?? 0, r?.pending ?? 0);
    const [[total], kinds, children, childSums, monthly] = await Promise.all([
      repo.sums(this.db, year, node.path, "'all'"),
      repo.sums(this.db, year, node.path, 'l.kind'),
      repo.childNodes(this.db, node.id),
      repo.sums(this.db, year, node.path, repo.CHILD_KEY),
      repo.monthlyApproved(this.db, year, node.path),
    ]);
    const byChild = new Map(childSums.map((r) => [r.key, r]));
    const own = byChild.get('');
    const byNode: FundingReportDto['byNode'] = [
      ...(own ? [{ nodeId: node.id, nodeName: node.name, nodeKind: node.kind, own: true, hasChildren: false, ...figures(own) }] : []),
      ...children
        .filter((c) => byChild.has(String(c.id)))
        .map((c) => ({ nodeId: c.id, nodeName: c.name, nodeKind: c.kind, own: false, hasChildren: c.has_children, ...figures(byChild.get(String(c.id))) })),
    ];
    const perMonth = new Map(monthly.map((m) => [m.month, m.approved]));
    return {
      year,
      node: { id: node.id, name: node.name, kind: node.kind },
      totals: figures(total),
      byKind: BUDGET_KINDS.map((kind) => ({ kind, ...figures(kinds.find((k) => k.key === kind)) })),
      byNode,
      monthly: Array.from({ length: 12 }, (_, i) => {
        const month = `${year}-${String(i + 1).padStart(2, '0')}`;
        return { month, approvedFen: perMonth.get(month) ?? 0 };
      }),
      computedAt: new Date().toISOString(),
    };
  }
}
