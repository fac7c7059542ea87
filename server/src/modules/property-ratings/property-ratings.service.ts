import {
  RATING_LIMITS,
  ratingSchemeCreateSchema,
  ROLE_PERMISSIONS,
  type MyScoringItemDto,
  type PropertyRatingDto,
  type RatingPeriodCreate,
  type RatingPeriodDto,
  type RatingPeriodListQuery,
  type RatingPeriodSummaryDto,
  type RatingResultDto,
  type RatingSchemeCreate,
  type RatingSchemeDto,
  type RatingScorecardBody,
  type RatingScorecardDto,
  type RatingSource,
  type RatingPublishResult,
  type RatingRemindResult,
  type RectificationDto,
  type RectificationListQuery,
  type CompanyRankingDto,
  type CompanyGradeHistoryDto,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';
import { addDays, chinaDateOf } from '../tickets/working-days.js';
import { cardHundredths, computeRating, type RatingResult, type ScoringScheme } from './rating-scoring.js';
import { periodDates, periodName, seqValid } from './rating-periods.js';
import { publishOne } from './rating-publish.js';
import { remindRatingPeriods } from './rating-reminders.js';
import { companyHistory, companyRanking } from './rating-companies.js';
import * as repo from './property-ratings.repo.js';

const notClosed = (r: repo.RatingRow) =>
  new AppError(409, 'RATING_NOT_OPEN', r.status === 'open' ? `${r.compound_name}的考核尚未结束评分，结束评分、计算总分后才能发布` : `${r.compound_name}的考核结果已经发布`);
const stripPath = ({ compoundPath: _p, ...x }: RectificationDto & { compoundPath: string }): RectificationDto => x;

export const RATING = '考核结果';
export const PERIOD = '考核期';
type StaffSource = 'branch' | 'regulator';

export const patternsFor = (auth: AuthContext, permission: Parameters<typeof scopeFor>[1]) => scopePatterns(scopeFor(auth, permission));

export const scoringScheme = (s: repo.SchemeRow): ScoringScheme => ({
  indicators: s.indicators,
  sources: s.sources,
  grades: s.grades,
  missingSourceRule: s.missing_source_rule,
  surveyMinAnswers: s.survey_min_answers,
});

/** Each source's cards as hundredths, scored over the period's scheme. */
export function cardsBySource(scheme: repo.SchemeRow, cards: readonly { source: RatingSource; scores: Record<string, number> }[]): Partial<Record<RatingSource, number[]>> {
  const out: Partial<Record<RatingSource, number[]>> = {};
  for (const c of cards) (out[c.source] ??= []).push(cardHundredths(scheme.indicators, c.scores));
  return out;
}

/**
 * Which staff sources the user may score at a compound: `branch` with a ratings.score grant at
 * the compound itself; `regulator` with one at a community or above covering it.
 */
export function staffSourcesFor(auth: AuthContext, compoundPath: string): StaffSource[] {
  const grants = auth.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('ratings.score') && compoundPath.startsWith(g.nodePath));
  const out: StaffSource[] = [];
  if (grants.some((g) => g.nodeKind === 'compound')) out.push('branch');
  if (grants.some((g) => g.nodeKind === 'county' || g.nodeKind === 'subdistrict' || g.nodeKind === 'community')) out.push('regulator');
  return out;
}

/** Scores for every indicator of the scheme and nothing else; a 400 naming the first problem. */
export function checkScores(scheme: repo.SchemeRow, scores: Record<string, number>): void {
  for (const i of scheme.indicators) {
    if (scores[i.code] === undefined) throw badRequest(`请为考核指标“${i.name}”打分（0–100 分）`, { indicator: i.code });
  }
  const known = new Set(scheme.indicators.map((i) => i.code));
  const extra = Object.keys(scores).find((k) => !known.has(k));
  if (extra) throw badRequest(`考核指标“${extra}”不在本期考核方案中`, { indicator: extra });
}

/** Scorecards are taken only while the period is open and until its deadline (China date). */
export function assertTakingCards(period: Pick<repo.PeriodRow, 'status' | 'deadline' | 'name'>, rating: Pick<repo.RatingRow, 'status'>, today = chinaDateOf(new Date())): void {
  if (period.status !== 'open' || rating.status !== 'open') throw new AppError(409, 'RATING_NOT_OPEN', `“${period.name}”考核已结束评分，不能再提交或修改评分`);
  if (today > period.deadline) throw new AppError(409, 'RATING_DEADLINE_PASSED', `“${period.name}”考核的评分截止日期 ${period.deadline} 已过，不能再提交或修改评分`);
}

export const resultDto = (r: RatingResult, computedAt: Date | null): RatingResultDto => ({
  total: r.total,
  grade: r.grade,
  rule: r.rule,
  sources: r.sources,
  missingSources: r.missingSources,
  computedAt: computedAt && isoOf(computedAt),
});

export class PropertyRatingsService {
  constructor(private readonly db: Db) {}

  // ── Schemes ───────────────────────────────────────────────────────────────────────────────
  async schemes(): Promise<{ data: RatingSchemeDto[] }> {
    return { data: (await repo.listSchemes(this.db)).map(repo.schemeDto) };
  }

  async currentScheme(): Promise<RatingSchemeDto> {
    return repo.schemeDto(await repo.currentScheme(this.db));
  }

  /** A new version that becomes current; periods already open keep theirs. */
  async createScheme(input: RatingSchemeCreate, actor: Actor): Promise<RatingSchemeDto> {
    // The route parses the body already; parsed again here so a caller outside HTTP gets the same rules.
    const parsed = ratingSchemeCreateSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError(400, 'RATING_SCHEME_INVALID', issue.message, { path: issue.path });
    }
    return this.db.tx(async (q) => {
      const { id, version } = await repo.insertScheme(q, parsed.data, actor.userId);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ratingScheme.create', targetType: 'rating_scheme', targetId: id, result: 'success',
        details: { version, name: parsed.data.name, sources: parsed.data.sources, indicators: parsed.data.indicators.map((i) => `${i.code}:${i.weight}`) },
      });
      return repo.schemeDto(await repo.getScheme(q, id));
    });
  }

  // ── Periods ───────────────────────────────────────────────────────────────────────────────
  listPeriods(auth: AuthContext, query: RatingPeriodListQuery): Promise<Page<RatingPeriodSummaryDto>> {
    return repo.listPeriods(this.db, patternsFor(auth, 'ratings.read'), query, query);
  }

  private async periodDto(q: Queryable, auth: AuthContext, id: number): Promise<RatingPeriodDto> {
    const patterns = patternsFor(auth, 'ratings.read');
    const summary = await repo.periodSummary(q, id, patterns);
    if (!summary) throw notFound(PERIOD);
    const scheme = await repo.getScheme(q, summary.schemeId);
    const ratings = await repo.ratingsOfPeriod(q, id, patterns);
    return { ...summary, scheme: repo.schemeDto(scheme), ratings: ratings.map(repo.ratingSummaryDto) };
  }

  getPeriod(auth: AuthContext, id: number): Promise<RatingPeriodDto> {
    return this.periodDto(this.db, auth, id);
  }

  /** A period the caller manages: opened at a node in their ratings.manage scope; 404 when they cannot see it at all. */
  async managedPeriod(q: Queryable, auth: AuthContext, id: number): Promise<repo.PeriodRow> {
    const period = await repo.getPeriod(q, id, { forUpdate: true });
    if (!period || !(await repo.periodSummary(q, id, patternsFor(auth, 'ratings.read')))) throw notFound(PERIOD);
    if (!pathInScope(period.node_path, scopeFor(auth, 'ratings.manage'))) {
      throw new AppError(403, 'FORBIDDEN', `“${period.name}”考核由${period.node_name}组织，只有该单位可以结束评分或催办`);
    }
    return period;
  }

  async createPeriod(auth: AuthContext, input: RatingPeriodCreate, actor: Actor): Promise<RatingPeriodDto> {
    if (!seqValid(input.kind, input.seq)) throw badRequest(input.kind === 'quarter' ? '季度应为 1–4' : input.kind === 'half_year' ? '半年应为 1（上半年）或 2（下半年）' : '年度考核的序号应为 1');
    const { startsOn, endsOn } = periodDates(input.kind, input.year, input.seq);
    const today = chinaDateOf(new Date());
    if (input.deadline <= startsOn) throw badRequest(`评分截止日期应晚于考核期开始日期 ${startsOn}`);
    const latest = addDays(endsOn, RATING_LIMITS.deadlineMaxDaysAfterEnd);
    if (input.deadline > latest) throw badRequest(`评分截止日期最晚为考核期结束后 ${RATING_LIMITS.deadlineMaxDaysAfterEnd} 天（${latest}）`);
    if (input.deadline < today) throw badRequest('评分截止日期不能早于今天');
    const name = periodName(input.kind, input.year, input.seq);

    return this.db.tx(async (q) => {
      const node = await repo.getNode(q, input.nodeId);
      if (!node || !pathInScope(node.path, scopeFor(auth, 'ratings.manage'))) throw notFound('组织节点');
      if (!['county', 'subdistrict', 'community'].includes(node.kind)) throw badRequest('考核期应在县、街道或社区开启');

      let compounds: repo.CompoundContractRow[];
      if (input.compoundIds) {
        const ids = [...new Set(input.compoundIds)];
        compounds = await repo.compoundsWithContracts(q, { ids }, endsOn);
        const found = new Set(compounds.map((c) => c.compound_id));
        const missing = ids.find((id) => !found.has(id));
        if (missing !== undefined) throw notFound('小区');
        const outside = compounds.find((c) => !c.compound_path.startsWith(node.path));
        if (outside) throw badRequest(`“${outside.compound_name}”不在${node.name}范围内`, { compoundId: outside.compound_id });
        const noContract = compounds.find((c) => c.company_id === null);
        if (noContract) throw badRequest(`“${noContract.compound_name}”在 ${endsOn} 没有有效的物业服务合同，无法考核物业企业`, { compoundId: noContract.compound_id });
        const dup = (await repo.alreadyAssessed(q, ids, input.kind, input.year, input.seq))[0];
        if (dup) throw conflict(`“${dup.compound_name}”已在“${dup.period_name}”考核（编号 ${dup.period_id}）中，不能重复考核`, { compoundId: dup.compound_id, periodId: dup.period_id });
      } else {
        const all = (await repo.compoundsWithContracts(q, { underPath: node.path }, endsOn)).filter((c) => c.company_id !== null);
        if (all.length === 0) throw badRequest(`${node.name}范围内没有在 ${endsOn} 有有效物业服务合同的小区`);
        const taken = new Set((await repo.alreadyAssessed(q, all.map((c) => c.compound_id), input.kind, input.year, input.seq)).map((d) => d.compound_id));
        compounds = all.filter((c) => !taken.has(c.compound_id));
        if (compounds.length === 0) throw conflict(`${node.name}范围内有物业服务合同的小区都已在${name}考核中`);
      }

      const scheme = await repo.currentScheme(q);
      const id = await repo.insertPeriod(q, { schemeId: scheme.id, nodeId: node.id, kind: input.kind, year: input.year, seq: input.seq, name, startsOn, endsOn, deadline: input.deadline, openedBy: actor.userId });
      await repo.insertRatings(q, id, compounds.map((c) => ({ compoundId: c.compound_id, companyId: c.company_id!, contractId: c.contract_id })));
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ratingPeriod.open', targetType: 'rating_period', targetId: id, nodeId: node.id, result: 'success',
        details: { name, kind: input.kind, year: input.year, seq: input.seq, deadline: input.deadline, schemeVersion: scheme.version, compounds: compounds.map((c) => c.compound_id) },
      });
      return this.periodDto(q, auth, id);
    });
  }

  /** Computes and freezes every rating of the period with its scheme. */
  async closePeriod(auth: AuthContext, id: number, actor: Actor): Promise<RatingPeriodDto> {
    return this.db.tx(async (q) => {
      const period = await this.managedPeriod(q, auth, id);
      if (period.status !== 'open') throw new AppError(409, 'RATING_NOT_OPEN', `“${period.name}”考核已经结束评分`);
      const scheme = await repo.getScheme(q, period.scheme_id);
      const ratings = await repo.ratingsOfPeriod(q, id, ['/%']);
      const cards = await repo.scorecardsOf(q, ratings.map((r) => r.id));
      const grades: Record<string, number> = {};
      for (const r of ratings) {
        const result = computeRating(scoringScheme(scheme), cardsBySource(scheme, cards.filter((c) => c.rating_id === r.id)));
        await repo.freezeRating(q, r.id, result, result);
        if (result.grade) grades[result.grade] = (grades[result.grade] ?? 0) + 1;
      }
      await repo.closePeriod(q, id, actor.userId);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ratingPeriod.close', targetType: 'rating_period', targetId: id, nodeId: period.node_id, result: 'success',
        details: { name: period.name, ratings: ratings.length, grades, schemeVersion: scheme.version },
      });
      return this.periodDto(q, auth, id);
    });
  }

  // ── Ratings ───────────────────────────────────────────────────────────────────────────────
  /** A rating in the caller's ratings.read scope, else 404. */
  async visibleRating(q: Queryable, auth: AuthContext, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.RatingRow> {
    const r = await repo.getRating(q, id, opts);
    if (!r || !pathInScope(r.compound_path, scopeFor(auth, 'ratings.read'))) throw notFound(RATING);
    return r;
  }

  async getRating(auth: AuthContext, id: number): Promise<PropertyRatingDto> {
    return ratingDto(this.db, auth, await this.visibleRating(this.db, auth, id));
  }

  /** The branch or regulator card: revisable while the period is open, until its deadline. */
  async putStaffCard(auth: AuthContext, id: number, source: StaffSource, body: RatingScorecardBody, actor: Actor): Promise<RatingScorecardDto> {
    return this.db.tx(async (q) => {
      const rating = await this.visibleRating(q, auth, id, { forUpdate: true });
      if (!staffSourcesFor(auth, rating.compound_path).includes(source)) {
        throw new AppError(403, 'RATING_NOT_SCORER', source === 'branch' ? '只有该小区党支部书记可以提交“小区党支部”评分' : '只有社区（或上级）考核人员可以提交“社区/物业行业主管”评分');
      }
      const period = (await repo.getPeriod(q, rating.period_id))!;
      assertTakingCards(period, rating);
      const scheme = await repo.getScheme(q, period.scheme_id);
      checkScores(scheme, body.scores);
      const score = cardHundredths(scheme.indicators, body.scores) / 100;
      const card = await repo.upsertStaffCard(q, { ratingId: id, source, userId: actor.userId, scores: body.scores, score, comment: body.comment || null });
      await appendAudit(q, {
        ...actorEntry(actor), action: card.created ? 'ratingScorecard.submit' : 'ratingScorecard.revise', targetType: 'property_rating', targetId: id,
        nodeId: rating.compound_id, result: 'success', details: { source, scorecardId: card.id, score, scores: body.scores, periodId: period.id },
      });
      return repo.scorecardDto(await repo.getScorecard(q, card.id));
    });
  }

  // ── Publishing and reminders ──────────────────────────────────────────────────────────────
  async publishRating(auth: AuthContext, id: number, actor: Actor): Promise<PropertyRatingDto> {
    return this.db.tx(async (q) => {
      const r = await repo.getRating(q, id, { forUpdate: true });
      if (!r || !pathInScope(r.compound_path, scopeFor(auth, 'ratings.publish'))) throw notFound(RATING);
      if (r.status !== 'closed') throw notClosed(r);
      await publishOne(q, r, actor);
      return ratingDto(q, auth, (await repo.getRating(q, id))!);
    });
  }

  /** Publishes every closed rating of the period in the caller's ratings.publish scope. */
  async publishPeriod(auth: AuthContext, id: number, actor: Actor): Promise<RatingPublishResult> {
    return this.db.tx(async (q) => {
      const period = await repo.getPeriod(q, id, { forUpdate: true });
      const mine = period ? await repo.ratingsOfPeriod(q, id, patternsFor(auth, 'ratings.publish')) : [];
      if (!period || mine.length === 0) throw notFound(PERIOD);
      if (period.status !== 'closed') throw new AppError(409, 'RATING_NOT_OPEN', `“${period.name}”考核尚未结束评分，结束评分、计算总分后才能发布`);
      const out: RatingPublishResult = { published: 0, rectifications: 0, flagged: 0 };
      for (const r of mine.filter((x) => x.status === 'closed')) {
        const done = await publishOne(q, r, actor);
        out.published++;
        if (done.rectification) out.rectifications++;
        if (done.flagged) out.flagged++;
      }
      return out;
    });
  }

  async remind(auth: AuthContext, id: number, actor: Actor): Promise<RatingRemindResult> {
    return this.db.tx(async (q) => {
      const period = await this.managedPeriod(q, auth, id);
      if (period.status !== 'open') throw new AppError(409, 'RATING_NOT_OPEN', `“${period.name}”考核已结束评分，无需催办`);
      const done = await remindRatingPeriods(q, { only: id, actor });
      if (done.periods === 0) throw conflict('今天已经催办过该考核期，请明天再催办');
      return { notifications: done.notifications, missing: done.missing };
    });
  }

  // ── Rectifications ────────────────────────────────────────────────────────────────────────
  listRectifications(auth: AuthContext, query: RectificationListQuery): Promise<Page<RectificationDto>> {
    return repo.listRectifications(this.db, patternsFor(auth, 'ratings.read'), query);
  }

  private async managedRectification(q: Queryable, auth: AuthContext, id: number): Promise<RectificationDto & { compoundPath: string }> {
    const x = await repo.getRectification(q, id, { forUpdate: true });
    if (!x || !pathInScope(x.compoundPath, scopeFor(auth, 'ratings.manage'))) throw notFound('整改通知');
    return x;
  }

  /** The company's report of what it fixed, entered by the community (may be replaced until verified). */
  async reportRectification(auth: AuthContext, id: number, report: string, actor: Actor): Promise<RectificationDto> {
    return this.db.tx(async (q) => {
      const x = await this.managedRectification(q, auth, id);
      if (x.status === 'verified') throw conflict('该整改通知已验收，不能再修改整改情况');
      await repo.reportRectification(q, id, report);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ratingRectification.report', targetType: 'rating_rectification', targetId: id, nodeId: x.compoundId, result: 'success',
        details: { ratingId: x.ratingId, companyId: x.companyId, overdue: x.overdue },
      });
      return stripPath((await repo.getRectification(q, id))!);
    });
  }

  async verifyRectification(auth: AuthContext, id: number, note: string, actor: Actor): Promise<RectificationDto> {
    return this.db.tx(async (q) => {
      const x = await this.managedRectification(q, auth, id);
      if (x.status !== 'reported') throw conflict(x.status === 'open' ? '物业企业尚未报告整改情况，报告后才能验收' : '该整改通知已经验收');
      await repo.verifyRectification(q, id, note, actor.userId);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ratingRectification.verify', targetType: 'rating_rectification', targetId: id, nodeId: x.compoundId, result: 'success',
        details: { ratingId: x.ratingId, companyId: x.companyId, note },
      });
      return stripPath((await repo.getRectification(q, id))!);
    });
  }

  // ── Companies and exports ─────────────────────────────────────────────────────────────────
  companies(auth: AuthContext, periodId: number | undefined): Promise<CompanyRankingDto> {
    return companyRanking(this.db, auth, periodId);
  }

  companyHistory(auth: AuthContext, id: number): Promise<CompanyGradeHistoryDto> {
    return companyHistory(this.db, auth, id);
  }

  /** The period in scope with each rating's per-source scores (frozen, or live while open). */
  async periodForExport(auth: AuthContext, id: number): Promise<{ period: RatingPeriodDto; sourceScores: Map<number, Partial<Record<string, number | null>>> }> {
    const period = await this.periodDto(this.db, auth, id);
    const ids = period.ratings.map((r) => r.id);
    const scheme = await repo.getScheme(this.db, period.schemeId);
    const cards = await repo.scorecardsOf(this.db, ids);
    const rows = await Promise.all(ids.map((rid) => repo.getRating(this.db, rid)));
    const sourceScores = new Map<number, Partial<Record<string, number | null>>>();
    for (const r of rows) {
      if (!r) continue;
      const result = r.status === 'open' ? computeRating(scoringScheme(scheme), cardsBySource(scheme, cards.filter((c) => c.rating_id === r.id))) : (r.breakdown as RatingResult);
      sourceScores.set(r.id, Object.fromEntries(result.sources.map((s) => [s.source, s.missing ? null : s.score])));
    }
    return { period, sourceScores };
  }

  /** The caller's staff scoring work in open periods. */
  async myScoring(auth: AuthContext): Promise<{ data: MyScoringItemDto[] }> {
    const rows = await repo.openRatingsIn(this.db, patternsFor(auth, 'ratings.score'));
    const cards = await repo.scorecardsOf(this.db, rows.map((r) => r.id));
    const data: MyScoringItemDto[] = [];
    for (const r of rows) {
      for (const source of staffSourcesFor(auth, r.compound_path)) {
        const card = cards.find((c) => c.rating_id === r.id && c.source === source);
        data.push({
          ratingId: r.id, periodId: r.period_id, periodName: r.period_name, deadline: r.deadline, compoundName: r.compound_name, companyName: r.company_name,
          source, submitted: !!card, score: card ? Number(card.score) : null,
        });
      }
    }
    return { data };
  }
}

/** A rating in full: the live result while open, the frozen one after. */
export async function ratingDto(q: Queryable, auth: AuthContext, r: repo.RatingRow): Promise<PropertyRatingDto> {
  const period = (await repo.getPeriod(q, r.period_id))!;
  const summary = (await repo.periodSummary(q, r.period_id, patternsFor(auth, 'ratings.read')))!;
  const scheme = await repo.getScheme(q, period.scheme_id);
  const cards = await repo.scorecardsOf(q, [r.id]);
  const result: RatingResultDto =
    r.status === 'open'
      ? resultDto(computeRating(scoringScheme(scheme), cardsBySource(scheme, cards)), null)
      : resultDto(r.breakdown as RatingResult, r.computed_at);
  const inspections = await repo.inspectionsDuring(q, r.compound_id, period.starts_on, period.ends_on, 5);
  const survey = cards.filter((c) => c.source === 'survey');
  const surveyMeans = Object.fromEntries(
    scheme.indicators.map((i) => [i.code, survey.length ? Math.round((survey.reduce((a, c) => a + (c.scores[i.code] ?? 0), 0) / survey.length) * 100) / 100 : null]),
  );
  const today = chinaDateOf(new Date());
  const taking = period.status === 'open' && r.status === 'open' && today <= period.deadline;
  return {
    ...repo.ratingSummaryDto(r),
    period: summary,
    scheme: repo.schemeDto(scheme),
    result,
    scorecards: cards.map(repo.scorecardDto),
    evidence: {
      inspections: { total: inspections.counts.good + inspections.counts.minor + inspections.counts.serious, ...inspections.counts },
      latest: inspections.latest.map((i) => ({
        id: i.id, indicatorName: i.indicator_name, severity: i.severity, finding: i.finding, stewardName: i.steward_name, photos: i.photos, ticketId: i.ticket_id,
        createdAt: isoOf(i.created_at),
      })),
      surveyMeans,
    },
    rectification: await repo.rectificationOfRating(q, r.id),
    canScore: taking ? staffSourcesFor(auth, r.compound_path) : [],
    canPublish: r.status === 'closed' && pathInScope(r.compound_path, scopeFor(auth, 'ratings.publish')),
  };
}
