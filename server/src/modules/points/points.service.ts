import { POINT_LIMITS, type PointAdjustmentCreate, type PointCorrectionDto, type PointLeaderboardDto, type PointLeaderboardQuery, type PointLedgerDto, type PointLedgerQuery, type PointReversalCreate, type PointRuleDto, type PointRuleUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { conflict, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import type { Permission } from '@xj/contracts';
import { subtreeOf } from '../person-roles/person-ref.js';
import * as repo from './points.repo.js';

/**
 * The console side of points (积分): earning rules (points.configure), a person's ledger and
 * the monthly leaderboard (points.read), and corrections (points.manage) — reversing entries
 * and manual adjustments, never edits. A person's points are in scope where their home node is;
 * out of scope → 404. Every write is one transaction with its audit row.
 */
export class PointsService {
  constructor(private readonly db: Db) {}

  async rules(): Promise<{ data: PointRuleDto[] }> {
    return { data: await repo.listRules(this.db) };
  }

  async updateRule(code: string, patch: PointRuleUpdate, actor: Actor): Promise<PointRuleDto> {
    return this.db.tx(async (q) => {
      const before = await repo.getRule(q, code, { forUpdate: true });
      if (!before) throw notFound('积分规则');
      const after = await repo.updateRule(q, code, patch);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'pointRule.update', targetType: 'point_rule', targetId: code, result: 'success',
        details: { before: { points: before.points, active: before.active, name: before.name }, after: { points: after.points, active: after.active, name: after.name } },
      });
      return after;
    });
  }

  async ledger(auth: AuthContext, personId: number, page: PointLedgerQuery): Promise<PointLedgerDto> {
    const p = await this.person(this.db, auth, personId, 'points.read');
    const entries = await repo.ledgerPage(this.db, p.id, page);
    return { personId: p.id, name: p.name, balance: await repo.balanceOf(this.db, p.id), ...entries };
  }

  /** A reversing entry of −delta; an entry is reversed at most once, and never below a zero balance. */
  async reverse(auth: AuthContext, personId: number, input: PointReversalCreate, actor: Actor): Promise<PointCorrectionDto> {
    return this.db.tx(async (q) => {
      const p = await this.person(q, auth, personId, 'points.manage');
      await repo.lockBalance(q, p.id);
      const original = await repo.getEntry(q, input.entryId, p.id);
      if (!original) throw notFound('积分记录');
      if (original.kind === 'reversal') throw conflict('冲正记录不能再冲正，如需调整请使用人工调整');
      if (original.reversedByEntryId !== null) throw conflict('这条积分记录已经冲正过');
      const entry = await repo.appendEntry(q, {
        personId: p.id, kind: 'reversal', delta: -original.delta, sourceType: 'correction', sourceId: original.id, reversesEntryId: original.id,
        note: input.reason, actorUserId: actor.userId,
      });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'points.reverse', targetType: 'person', targetId: p.id, nodeId: p.node_id, result: 'success',
        details: { entryId: entry.id, reversesEntryId: original.id, delta: -original.delta, balanceAfter: entry.balanceAfter, reason: input.reason },
      });
      return { entry: (await repo.getEntry(q, entry.id))!, balance: entry.balanceAfter };
    });
  }

  /** A manual award or deduction, with its reason; never below a zero balance. */
  async adjust(auth: AuthContext, personId: number, input: PointAdjustmentCreate, actor: Actor): Promise<PointCorrectionDto> {
    return this.db.tx(async (q) => {
      const p = await this.person(q, auth, personId, 'points.manage');
      const entry = await repo.appendEntry(q, { personId: p.id, kind: 'adjustment', delta: input.delta, sourceType: 'correction', note: input.reason, actorUserId: actor.userId });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'points.adjust', targetType: 'person', targetId: p.id, nodeId: p.node_id, result: 'success',
        details: { entryId: entry.id, delta: input.delta, balanceAfter: entry.balanceAfter, reason: input.reason },
      });
      return { entry: (await repo.getEntry(q, entry.id))!, balance: entry.balanceAfter };
    });
  }

  async leaderboard(auth: AuthContext, query: PointLeaderboardQuery): Promise<PointLeaderboardDto> {
    const scope = scopeFor(auth, 'points.read');
    const subtreePath = (await subtreeOf(this.db, query.nodeId, scope)) ?? null;
    const data = await repo.leaderboard(this.db, { scopePatterns: scopePatterns(scope), subtreePath, month: query.month, limit: POINT_LIMITS.leaderboardSize });
    return { month: query.month, data };
  }

  private async person(q: Queryable, auth: AuthContext, id: number, permission: Permission): Promise<repo.PersonRow> {
    const p = await repo.getPerson(q, id);
    if (!p || !pathInScope(p.node_path, scopeFor(auth, permission))) throw notFound('人员');
    return p;
  }
}
