import {
  paySchemeCreateSchema,
  type PayAdjustment,
  type PaySchemeCreate,
  type PaySchemeDto,
  type PaySheetCompute,
  type PaySheetDto,
  type PaySheetListQuery,
  type PaySheetSummaryDto,
  type PayTotals,
  type PromotionApply,
  type PromotionDueDto,
  type PromotionResultDto,
  type PromotionRulesDto,
  type PromotionRulesUpdate,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { chinaDateOf } from '../tickets/working-days.js';
import { computePay, monthEnd } from './pay-computation.js';
import { isDue, promotionChecks } from './promotion-eligibility.js';
import * as repo from './worker-pay.repo.js';
import { workerSummaryDto } from '../community-workers/worker-summary.js';

const SHEET = '工资表';
const WORKER = '社区工作者';
const COMMUNITY = '社区';
type Perm = 'workers.read' | 'workers.manage' | 'workers.configure';
const patternsFor = (auth: AuthContext, p: Perm) => scopePatterns(scopeFor(auth, p));
const lockedError = (s: repo.SheetRow) => new AppError(409, 'PAY_SHEET_LOCKED', `${s.community_name}${s.month}的工资表已锁定，不能重新计算或修改`);

export function sheetTotals(lines: PaySheetDto['lines']): PayTotals {
  const t: PayTotals = { base: 0, education: 0, qualification: 0, seniority: 0, bonus: 0, adjustment: 0, total: 0 };
  for (const l of lines) for (const k of Object.keys(t) as (keyof PayTotals)[]) t[k] += l[k];
  return t;
}

/**
 * Computes (or recomputes) a community's sheet for a month with the current scheme: one frozen
 * line per active worker, keeping the adjustments already made for workers still on it. The
 * bonus comes from each worker's latest closed annual round of an earlier year. Refuses a locked
 * sheet. Also used by the demo seed.
 */
export async function computeSheet(q: Queryable, communityId: number, month: string, userId: number | null): Promise<{ id: number; created: boolean; workers: number; total: number }> {
  const scheme = await repo.currentScheme(q);
  let id = await repo.sheetIdFor(q, communityId, month);
  const created = id === undefined;
  if (id !== undefined) {
    const s = (await repo.getSheet(q, id))!;
    if (s.status === 'locked') throw lockedError(s);
  }
  const adjustments = id === undefined ? new Map() : await repo.existingAdjustments(q, id);
  if (id === undefined) id = await repo.insertSheet(q, communityId, month, scheme.id, userId);
  else await repo.resetSheet(q, id, scheme.id, userId);
  const workers = await repo.workersForSheet(q, communityId, monthEnd(month));
  const results = await repo.annualResults(q, workers.map((w) => w.id), Number(month.slice(0, 4)));
  const lines: repo.LineInsert[] = workers.map((w) => {
    const assessmentResult = results.get(w.id)?.[0] ?? null;
    const pay = computePay(
      scheme,
      { post: w.post, grade: w.grade, education: w.education, fullTimeEducation: w.full_time_education, qualifications: w.qualifications, serviceStart: w.service_start, assessmentResult },
      month,
    );
    const adj = adjustments.get(w.id);
    return { ...pay, workerId: w.id, post: w.post, grade: w.grade, assessmentResult, adjustment: adj?.amount ?? 0, adjustmentReason: adj?.reason ?? null };
  });
  await repo.replaceLines(q, id, lines);
  return { id, created, workers: lines.length, total: lines.reduce((s, l) => s + l.total + l.adjustment, 0) };
}

export class WorkerPayService {
  constructor(private readonly db: Db) {}

  // ── Scheme ────────────────────────────────────────────────────────────────────────────────
  async schemes(): Promise<{ data: PaySchemeDto[] }> {
    return { data: await repo.listSchemes(this.db) };
  }
  currentScheme(): Promise<PaySchemeDto> {
    return repo.currentScheme(this.db);
  }
  async createScheme(input: PaySchemeCreate, actor: Actor): Promise<PaySchemeDto> {
    const parsed = paySchemeCreateSchema.parse(input);
    return this.db.tx(async (q) => {
      const { id, version } = await repo.insertScheme(q, parsed, actor.userId);
      await appendAudit(q, { ...actorEntry(actor), action: 'workerPayScheme.create', targetType: 'worker_pay_scheme', targetId: id, result: 'success', details: { version, name: parsed.name } });
      return repo.getScheme(q, id);
    });
  }

  // ── Promotion rules ───────────────────────────────────────────────────────────────────────
  promotionRules(): Promise<PromotionRulesDto> {
    return repo.promotionRules(this.db);
  }
  async updatePromotionRules(input: PromotionRulesUpdate, actor: Actor): Promise<PromotionRulesDto> {
    return this.db.tx(async (q) => {
      const before = await repo.promotionRules(q, true);
      await repo.updatePromotionRules(q, input, actor.userId);
      const { updatedAt: _a, updatedByName: _b, isDefault: _c, ...was } = before;
      await appendAudit(q, { ...actorEntry(actor), action: 'workerPromotionRules.update', targetType: 'worker_promotion_rules', targetId: 1, result: 'success', details: { before: was, after: input } });
      return repo.promotionRules(q);
    });
  }

  // ── Sheets ────────────────────────────────────────────────────────────────────────────────
  listSheets(auth: AuthContext, query: PaySheetListQuery): Promise<Page<PaySheetSummaryDto>> {
    return repo.listSheets(this.db, patternsFor(auth, 'workers.read'), query);
  }

  private async sheetIn(q: Queryable, auth: AuthContext, id: number, perm: Perm, lock = false): Promise<repo.SheetRow> {
    const s = await repo.getSheet(q, id, lock);
    if (!s || !pathInScope(s.community_path, scopeFor(auth, 'workers.read'))) throw notFound(SHEET);
    if (!pathInScope(s.community_path, scopeFor(auth, perm))) throw new AppError(403, 'FORBIDDEN', '没有处理该工资表的权限');
    return s;
  }

  private async detail(q: Queryable, id: number): Promise<PaySheetDto> {
    const s = (await repo.getSheet(q, id))!;
    const lines = await repo.sheetLines(q, id);
    return { ...repo.sheetSummary(s), lines, totals: sheetTotals(lines) };
  }

  async getSheet(auth: AuthContext, id: number): Promise<PaySheetDto> {
    await this.sheetIn(this.db, auth, id, 'workers.read');
    return this.detail(this.db, id);
  }

  async compute(auth: AuthContext, input: PaySheetCompute, actor: Actor): Promise<PaySheetDto> {
    if (input.month > chinaDateOf(new Date()).slice(0, 7)) throw badRequest('不能计算未来月份的工资表', { month: input.month });
    return this.db.tx(async (q) => {
      const node = await repo.getNode(q, input.communityId);
      if (!node || !pathInScope(node.path, scopeFor(auth, 'workers.manage'))) throw notFound(COMMUNITY);
      if (node.kind !== 'community') throw badRequest('工资表按社区计算，请选择一个社区', { communityId: input.communityId });
      const out = await computeSheet(q, node.id, input.month, actor.userId);
      await appendAudit(q, {
        ...actorEntry(actor), action: out.created ? 'workerPaySheet.compute' : 'workerPaySheet.recompute', targetType: 'worker_pay_sheet', targetId: out.id, nodeId: node.id,
        result: 'success', details: { month: input.month, workers: out.workers, total: out.total },
      });
      return this.detail(q, out.id);
    });
  }

  async adjust(auth: AuthContext, id: number, input: PayAdjustment, actor: Actor): Promise<PaySheetDto> {
    return this.db.tx(async (q) => {
      const s = await this.sheetIn(q, auth, id, 'workers.manage', true);
      if (s.status === 'locked') throw lockedError(s);
      if (s.status !== 'draft') throw new AppError(409, 'PAY_SHEET_NOT_DRAFT', '工资表已审核，只有草稿可以调整；请重新计算生成草稿后再调整');
      const ok = await repo.setAdjustment(q, id, input.workerId, input.amount, input.amount === 0 ? null : input.reason);
      if (!ok) throw notFound(`该工资表中的${WORKER}`);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'workerPaySheet.adjust', targetType: 'worker_pay_sheet', targetId: id, nodeId: s.community_id, result: 'success',
        details: { workerId: input.workerId, amount: input.amount, reason: input.reason },
      });
      return this.detail(q, id);
    });
  }

  async review(auth: AuthContext, id: number, actor: Actor): Promise<PaySheetDto> {
    return this.transition(auth, id, 'reviewed', 'workers.manage', actor);
  }
  async lock(auth: AuthContext, id: number, actor: Actor): Promise<PaySheetDto> {
    return this.transition(auth, id, 'locked', 'workers.configure', actor);
  }

  private async transition(auth: AuthContext, id: number, to: 'reviewed' | 'locked', perm: Perm, actor: Actor): Promise<PaySheetDto> {
    return this.db.tx(async (q) => {
      const s = await this.sheetIn(q, auth, id, perm, true);
      if (s.status === 'locked') throw lockedError(s);
      const from = to === 'reviewed' ? 'draft' : 'reviewed';
      if (s.status !== from) throw new AppError(409, 'ILLEGAL_TRANSITION', to === 'reviewed' ? '工资表已审核' : '工资表须先审核再锁定');
      await repo.setStatus(q, id, to, actor.userId);
      await appendAudit(q, {
        ...actorEntry(actor), action: to === 'reviewed' ? 'workerPaySheet.review' : 'workerPaySheet.lock', targetType: 'worker_pay_sheet', targetId: id,
        nodeId: s.community_id, result: 'success', details: { month: s.month, total: s.total },
      });
      return this.detail(q, id);
    });
  }

  // ── Promotions ────────────────────────────────────────────────────────────────────────────
  async due(auth: AuthContext, communityId?: number): Promise<{ data: PromotionDueDto[]; rules: PromotionRulesDto }> {
    const rules = await repo.promotionRules(this.db);
    const workers = await repo.activeWorkers(this.db, patternsFor(auth, 'workers.read'), communityId);
    const results = await repo.annualResults(this.db, workers.map((w) => w.id));
    const today = chinaDateOf(new Date());
    const data: PromotionDueDto[] = [];
    for (const w of workers) {
      const checks = promotionChecks(rules, { grade: w.grade, gradeSince: w.grade_since, qualifications: w.qualifications, results: results.get(w.id) ?? [] }, today);
      if (isDue(checks)) data.push({ worker: workerSummaryDto(w), gradeSince: w.grade_since, toGrade: w.grade + 1, checks });
    }
    return { data, rules };
  }

  async promote(auth: AuthContext, input: PromotionApply, actor: Actor): Promise<PromotionResultDto> {
    return this.db.tx(async (q) => {
      const w = await repo.getWorker(q, input.workerId, true);
      if (!w || !pathInScope(w.community_path, scopeFor(auth, 'workers.read'))) throw notFound(WORKER);
      if (!pathInScope(w.community_path, scopeFor(auth, 'workers.configure'))) throw new AppError(403, 'FORBIDDEN', '晋级由县级审定');
      if (w.status !== 'active') throw new AppError(409, 'PROMOTION_NOT_ELIGIBLE', `${w.name}已离岗，不能晋级`);
      const rules = await repo.promotionRules(q);
      const results = await repo.annualResults(q, [w.id]);
      const today = chinaDateOf(new Date());
      const checks = promotionChecks(rules, { grade: w.grade, gradeSince: w.grade_since, qualifications: w.qualifications, results: results.get(w.id) ?? [] }, today);
      const failed = checks.filter((c) => !c.met);
      if (failed.length) throw new AppError(409, 'PROMOTION_NOT_ELIGIBLE', `${w.name}尚不符合晋级条件：${failed.map((c) => c.detail).join('；')}`, { checks });
      await repo.promote(q, w, today, input.reason, actor.userId);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'worker.promote', targetType: 'community_worker', targetId: w.id, nodeId: w.community_id, result: 'success',
        details: { fromGrade: w.grade, toGrade: w.grade + 1, post: w.post, reason: input.reason },
      });
      return { workerId: w.id, fromGrade: w.grade, toGrade: w.grade + 1, effectiveOn: today };
    });
  }
}
