import type {
  MissingSourceRule,
  PropertyRatingSummaryDto,
  RatingGrade,
  RatingIndicator,
  RatingPeriodKind,
  RatingPeriodStatus,
  RatingPeriodSummaryDto,
  RatingSchemeCreate,
  RatingSchemeDto,
  RatingScorecardDto,
  RatingSource,
  RatingSourceWeight,
  RatingStatus,
  RectificationDto,
  RectificationListQuery,
  RectificationStatus,
} from '@xj/contracts';
import { RATING_SOURCES } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';

/** SQL of the assessment: schemes, periods, ratings, scorecards and rectifications. */

const day = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const num = (v: string | number | null) => (v === null ? null : Number(v));

// ── Schemes ─────────────────────────────────────────────────────────────────────────────────
export interface SchemeRow {
  id: number;
  version: number;
  name: string;
  indicators: RatingIndicator[];
  sources: RatingSourceWeight[];
  grades: RatingGrade[];
  missing_source_rule: MissingSourceRule;
  survey_min_answers: number;
  rectification_days: number;
  note: string;
  is_default: boolean;
  created_by_name: string | null;
  created_at: Date;
  periods: number;
}

const SCHEME_SELECT = `SELECT s.*, u.display_name AS created_by_name,
  (SELECT count(*)::int FROM rating_periods p WHERE p.scheme_id = s.id) AS periods
  FROM rating_schemes s LEFT JOIN users u ON u.id = s.created_by`;

export const schemeDto = (r: SchemeRow): RatingSchemeDto => ({
  id: r.id,
  version: r.version,
  name: r.name,
  indicators: r.indicators,
  sources: r.sources,
  grades: r.grades,
  missingSourceRule: r.missing_source_rule,
  surveyMinAnswers: r.survey_min_answers,
  rectificationDays: r.rectification_days,
  note: r.note,
  isDefault: r.is_default,
  createdByName: r.created_by_name,
  createdAt: isoOf(r.created_at),
  periods: r.periods,
});

export function listSchemes(q: Queryable): Promise<SchemeRow[]> {
  return q.query<SchemeRow>(`${SCHEME_SELECT} ORDER BY s.version DESC`);
}

export async function currentScheme(q: Queryable): Promise<SchemeRow> {
  const [row] = await q.query<SchemeRow>(`${SCHEME_SELECT} ORDER BY s.version DESC LIMIT 1`);
  return row!;
}

export async function getScheme(q: Queryable, id: number): Promise<SchemeRow> {
  const [row] = await q.query<SchemeRow>(`${SCHEME_SELECT} WHERE s.id = $1`, [id]);
  return row!;
}

/** A new version, one above the newest (serialised by a lock on the table's newest row). */
export async function insertScheme(q: Queryable, s: RatingSchemeCreate, userId: number | null): Promise<{ id: number; version: number }> {
  await q.query('LOCK TABLE rating_schemes IN SHARE ROW EXCLUSIVE MODE');
  const [row] = await q.query<{ id: number; version: number }>(
    `INSERT INTO rating_schemes (version, name, indicators, sources, grades, missing_source_rule, survey_min_answers, rectification_days, note, created_by)
     SELECT coalesce(max(version), 0) + 1, $1, $2::jsonb, $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9 FROM rating_schemes
     RETURNING id, version`,
    [s.name, JSON.stringify(s.indicators), JSON.stringify(s.sources), JSON.stringify(s.grades), s.missingSourceRule, s.surveyMinAnswers, s.rectificationDays, s.note, userId],
  );
  return row!;
}

// ── Nodes and contracts ─────────────────────────────────────────────────────────────────────
export interface NodeRow {
  id: number;
  name: string;
  kind: string;
  path: string;
  active: boolean;
}

export async function getNode(q: Queryable, id: number): Promise<NodeRow | undefined> {
  const [row] = await q.query<NodeRow>('SELECT id, name, kind, path, active FROM nodes WHERE id = $1', [id]);
  return row;
}

export interface CompoundContractRow {
  compound_id: number;
  compound_name: string;
  compound_path: string;
  contract_id: number | null;
  company_id: number | null;
}

/**
 * Compounds (the given ids, or every active compound under `underPath`) with the property
 * contract covering `onDay` (the latest-starting one when several do).
 */
export function compoundsWithContracts(q: Queryable, opts: { ids?: number[]; underPath?: string }, onDay: string): Promise<CompoundContractRow[]> {
  const where = opts.ids ? 'n.id = ANY($2::int[])' : "n.path LIKE $2 AND n.active";
  return q.query<CompoundContractRow>(
    `SELECT n.id AS compound_id, n.name AS compound_name, n.path AS compound_path, pc.id AS contract_id, pc.company_id
       FROM nodes n
       LEFT JOIN LATERAL (SELECT c.id, c.company_id FROM property_contracts c
                           WHERE c.compound_id = n.id AND c.start_date <= $1::date AND c.end_date >= $1::date
                           ORDER BY c.start_date DESC, c.id DESC LIMIT 1) pc ON true
      WHERE n.kind = 'compound' AND ${where}
      ORDER BY n.path`,
    [onDay, opts.ids ?? `${opts.underPath}%`],
  );
}

/** Compounds among `ids` already assessed in a period of the same kind, year and sequence. */
export function alreadyAssessed(q: Queryable, ids: number[], kind: RatingPeriodKind, year: number, seq: number): Promise<{ compound_id: number; compound_name: string; period_name: string; period_id: number }[]> {
  return q.query(
    `SELECT r.compound_id, n.name AS compound_name, p.name AS period_name, p.id AS period_id
       FROM property_ratings r JOIN rating_periods p ON p.id = r.period_id JOIN nodes n ON n.id = r.compound_id
      WHERE r.compound_id = ANY($1::int[]) AND p.kind = $2 AND p.year = $3 AND p.seq = $4
      ORDER BY n.path`,
    [ids, kind, year, seq],
  );
}

// ── Periods ─────────────────────────────────────────────────────────────────────────────────
export interface PeriodInsert {
  schemeId: number;
  nodeId: number;
  kind: RatingPeriodKind;
  year: number;
  seq: number;
  name: string;
  startsOn: string;
  endsOn: string;
  deadline: string;
  openedBy: number | null;
}

export async function insertPeriod(q: Queryable, p: PeriodInsert): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO rating_periods (scheme_id, node_id, kind, year, seq, name, starts_on, ends_on, deadline, opened_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    [p.schemeId, p.nodeId, p.kind, p.year, p.seq, p.name, p.startsOn, p.endsOn, p.deadline, p.openedBy],
  );
  return row!.id;
}

export async function insertRatings(q: Queryable, periodId: number, rows: { compoundId: number; companyId: number; contractId: number | null }[]): Promise<void> {
  await q.query(
    `INSERT INTO property_ratings (period_id, compound_id, company_id, contract_id)
     SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[])`,
    [periodId, rows.map((r) => r.compoundId), rows.map((r) => r.companyId), rows.map((r) => r.contractId)],
  );
}

export interface PeriodRow {
  id: number;
  scheme_id: number;
  node_id: number;
  node_name: string;
  node_path: string;
  kind: RatingPeriodKind;
  year: number;
  seq: number;
  name: string;
  starts_on: string;
  ends_on: string;
  deadline: string;
  status: RatingPeriodStatus;
  opened_at: Date;
  closed_at: Date | null;
  last_reminded_at: Date | null;
  scheme_version: number;
}

const PERIOD_COLUMNS = `p.id, p.scheme_id, p.node_id, pn.name AS node_name, pn.path AS node_path, p.kind, p.year, p.seq, p.name,
  ${day('p.starts_on')} AS starts_on, ${day('p.ends_on')} AS ends_on, ${day('p.deadline')} AS deadline, p.status, p.opened_at, p.closed_at,
  p.last_reminded_at, s.version AS scheme_version`;
const PERIOD_FROM = 'rating_periods p JOIN nodes pn ON pn.id = p.node_id JOIN rating_schemes s ON s.id = p.scheme_id';

export async function getPeriod(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<PeriodRow | undefined> {
  const [row] = await q.query<PeriodRow>(`SELECT ${PERIOD_COLUMNS} FROM ${PERIOD_FROM} WHERE p.id = $1${opts.forUpdate ? ' FOR UPDATE OF p' : ''}`, [id]);
  return row;
}

/** Per-period counts over the ratings whose compound matches the scope patterns ($1). */
const PERIOD_STATS = `
  JOIN LATERAL (
    SELECT count(*)::int AS compounds, count(*) FILTER (WHERE r.status = 'published')::int AS published
      FROM property_ratings r JOIN nodes c ON c.id = r.compound_id
     WHERE r.period_id = p.id AND c.path LIKE ANY($1::text[])
  ) st ON st.compounds > 0
  LEFT JOIN LATERAL (
    SELECT jsonb_object_agg(g.grade, g.n) AS grades FROM (
      SELECT r.grade, count(*)::int AS n FROM property_ratings r JOIN nodes c ON c.id = r.compound_id
       WHERE r.period_id = p.id AND r.status <> 'open' AND r.grade IS NOT NULL AND c.path LIKE ANY($1::text[])
       GROUP BY r.grade) g
  ) gr ON true`;

type PeriodSummaryRow = PeriodRow & { compounds: number; published: number; grades: Record<string, number> | null };

export const periodSummaryDto = (r: PeriodSummaryRow): RatingPeriodSummaryDto => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  year: r.year,
  seq: r.seq,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  deadline: r.deadline,
  status: r.status,
  nodeId: r.node_id,
  nodeName: r.node_name,
  schemeId: r.scheme_id,
  schemeVersion: r.scheme_version,
  compounds: r.compounds,
  published: r.published,
  grades: r.grades ?? {},
  openedAt: isoOf(r.opened_at),
  closedAt: r.closed_at && isoOf(r.closed_at),
});

export function listPeriods(
  q: Queryable,
  patterns: string[],
  filter: { status?: RatingPeriodStatus | undefined; year?: number | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<RatingPeriodSummaryDto>> {
  const where = new Where().add('true = ?', true);
  where.addIf(filter.status, 'p.status = ?', filter.status);
  where.addIf(filter.year, 'p.year = ?', filter.year);
  // $1 is the scope: shift the Where's numbering by one.
  const conds = where.toString().replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + 1}`);
  return pagedQuery(
    q,
    { select: `${PERIOD_COLUMNS}, st.compounds, st.published, gr.grades`, fromWhere: `FROM ${PERIOD_FROM} ${PERIOD_STATS} ${conds}`, orderBy: 'p.ends_on DESC, p.id DESC', params: [patterns, ...where.params] },
    page,
    periodSummaryDto,
  );
}

export async function periodSummary(q: Queryable, id: number, patterns: string[]): Promise<RatingPeriodSummaryDto | undefined> {
  const [row] = await q.query<PeriodSummaryRow>(`SELECT ${PERIOD_COLUMNS}, st.compounds, st.published, gr.grades FROM ${PERIOD_FROM} ${PERIOD_STATS} WHERE p.id = $2`, [patterns, id]);
  return row && periodSummaryDto(row);
}

/** The newest closed period with a rating in scope. */
export async function latestClosedPeriod(q: Queryable, patterns: string[]): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>(
    `SELECT p.id FROM rating_periods p WHERE p.status = 'closed'
        AND EXISTS (SELECT 1 FROM property_ratings r JOIN nodes c ON c.id = r.compound_id WHERE r.period_id = p.id AND c.path LIKE ANY($1::text[]))
      ORDER BY p.ends_on DESC, p.id DESC LIMIT 1`,
    [patterns],
  );
  return row?.id;
}

export async function closePeriod(q: Queryable, id: number, userId: number | null): Promise<void> {
  await q.query("UPDATE rating_periods SET status = 'closed', closed_by = $2, closed_at = now() WHERE id = $1", [id, userId]);
}

// ── Ratings ─────────────────────────────────────────────────────────────────────────────────
export interface RatingRow {
  id: number;
  period_id: number;
  period_name: string;
  period_ends_on: string;
  compound_id: number;
  compound_name: string;
  compound_path: string;
  community_id: number;
  community_name: string;
  company_id: number;
  company_name: string;
  status: RatingStatus;
  total: string | null;
  grade: string | null;
  breakdown: unknown;
  missing_sources: RatingSource[];
  computed_at: Date | null;
  contract_review_flag: boolean;
  published_at: Date | null;
  survey_min_answers: number;
  scheme_id: number;
  /** Scorecards per source. */
  counts: Partial<Record<RatingSource, number>> | null;
}

const RATING_COLUMNS = `r.id, r.period_id, p.name AS period_name, ${day('p.ends_on')} AS period_ends_on, r.compound_id, c.name AS compound_name, c.path AS compound_path,
  cm.id AS community_id, cm.name AS community_name, r.company_id, co.name AS company_name, r.status, r.total, r.grade, r.breakdown, r.missing_sources,
  r.computed_at, r.contract_review_flag, r.published_at, s.survey_min_answers, p.scheme_id,
  (SELECT jsonb_object_agg(x.source, x.n) FROM (SELECT sc.source, count(*)::int AS n FROM rating_scorecards sc WHERE sc.rating_id = r.id GROUP BY sc.source) x) AS counts`;
const RATING_FROM = `property_ratings r JOIN rating_periods p ON p.id = r.period_id JOIN rating_schemes s ON s.id = p.scheme_id
  JOIN nodes c ON c.id = r.compound_id JOIN nodes cm ON cm.id = c.parent_id JOIN property_companies co ON co.id = r.company_id`;

export function progressOf(r: Pick<RatingRow, 'counts' | 'survey_min_answers'>): PropertyRatingSummaryDto['progress'] {
  return RATING_SOURCES.map((source) => {
    const n = r.counts?.[source] ?? 0;
    return { source, scorecards: n, complete: source === 'survey' ? n >= r.survey_min_answers : n > 0 };
  });
}

export const ratingSummaryDto = (r: RatingRow): PropertyRatingSummaryDto => ({
  id: r.id,
  periodId: r.period_id,
  periodName: r.period_name,
  compoundId: r.compound_id,
  compoundName: r.compound_name,
  communityName: r.community_name,
  companyId: r.company_id,
  companyName: r.company_name,
  status: r.status,
  total: num(r.total),
  grade: r.grade,
  missingSources: r.missing_sources,
  progress: progressOf(r),
  contractReviewFlag: r.contract_review_flag,
  publishedAt: r.published_at && isoOf(r.published_at),
});

export async function getRating(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<RatingRow | undefined> {
  const [row] = await q.query<RatingRow>(`SELECT ${RATING_COLUMNS} FROM ${RATING_FROM} WHERE r.id = $1${opts.forUpdate ? ' FOR UPDATE OF r' : ''}`, [id]);
  return row;
}

export function ratingsOfPeriod(q: Queryable, periodId: number, patterns: string[]): Promise<RatingRow[]> {
  return q.query<RatingRow>(`SELECT ${RATING_COLUMNS} FROM ${RATING_FROM} WHERE r.period_id = $1 AND c.path LIKE ANY($2::text[]) ORDER BY c.path`, [periodId, patterns]);
}

/** Ratings of a company in scope, newest period first. */
export function ratingsOfCompany(q: Queryable, companyId: number, patterns: string[]): Promise<RatingRow[]> {
  return q.query<RatingRow>(
    `SELECT ${RATING_COLUMNS} FROM ${RATING_FROM} WHERE r.company_id = $1 AND c.path LIKE ANY($2::text[]) ORDER BY p.ends_on DESC, p.id DESC, c.path`,
    [companyId, patterns],
  );
}

/** Open ratings of open periods over compounds matching the patterns (the scorer's work list). */
export function openRatingsIn(q: Queryable, patterns: string[]): Promise<(RatingRow & { deadline: string })[]> {
  return q.query(
    `SELECT ${RATING_COLUMNS}, ${day('p.deadline')} AS deadline FROM ${RATING_FROM}
      WHERE p.status = 'open' AND r.status = 'open' AND c.path LIKE ANY($1::text[]) ORDER BY p.deadline, c.path`,
    [patterns],
  );
}

export async function freezeRating(q: Queryable, id: number, result: { total: number | null; grade: string | null; missingSources: RatingSource[] }, breakdown: unknown): Promise<void> {
  await q.query(
    "UPDATE property_ratings SET status = 'closed', total = $2, grade = $3, breakdown = $4::jsonb, missing_sources = $5::text[], computed_at = now() WHERE id = $1",
    [id, result.total, result.grade, JSON.stringify(breakdown), result.missingSources],
  );
}

export async function publishRating(q: Queryable, id: number, userId: number | null): Promise<void> {
  await q.query("UPDATE property_ratings SET status = 'published', published_by = $2, published_at = now() WHERE id = $1", [id, userId]);
}

export async function flagRating(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE property_ratings SET contract_review_flag = true WHERE id = $1', [id]);
}

/** The same company's previous published rating at the compound (an earlier period end), with its scheme's grades. */
export async function previousPublished(q: Queryable, r: { compound_id: number; company_id: number; period_ends_on: string }): Promise<{ id: number; grade: string | null; grades: RatingGrade[]; period_name: string } | undefined> {
  const [row] = await q.query<{ id: number; grade: string | null; grades: RatingGrade[]; period_name: string }>(
    `SELECT r.id, r.grade, s.grades, p.name AS period_name FROM property_ratings r JOIN rating_periods p ON p.id = r.period_id JOIN rating_schemes s ON s.id = p.scheme_id
      WHERE r.compound_id = $1 AND r.company_id = $2 AND r.status = 'published' AND p.ends_on < $3::date
      ORDER BY p.ends_on DESC, p.id DESC LIMIT 1`,
    [r.compound_id, r.company_id, r.period_ends_on],
  );
  return row;
}

// ── Scorecards ──────────────────────────────────────────────────────────────────────────────
export interface ScorecardRow {
  id: number;
  rating_id: number;
  source: RatingSource;
  scores: Record<string, number>;
  score: string;
  comment: string | null;
  by_name: string | null;
  user_id: number | null;
  submitted_at: Date;
  updated_at: Date;
}

export const scorecardDto = (r: ScorecardRow): RatingScorecardDto => ({
  id: r.id,
  ratingId: r.rating_id,
  source: r.source,
  scores: r.scores,
  score: Number(r.score),
  comment: r.comment,
  byName: r.by_name,
  submittedAt: isoOf(r.submitted_at),
  updatedAt: isoOf(r.updated_at),
});

const CARD_SELECT = `SELECT sc.id, sc.rating_id, sc.source, sc.scores, sc.score, sc.comment, sc.user_id, sc.submitted_at, sc.updated_at,
  CASE WHEN sc.source IN ('branch','regulator') THEN u.display_name WHEN sc.source = 'survey' THEN NULL ELSE pe.name END AS by_name
  FROM rating_scorecards sc LEFT JOIN users u ON u.id = sc.user_id LEFT JOIN people pe ON pe.id = sc.person_id`;

export function scorecardsOf(q: Queryable, ratingIds: number[]): Promise<ScorecardRow[]> {
  return q.query<ScorecardRow>(`${CARD_SELECT} WHERE sc.rating_id = ANY($1::int[]) ORDER BY sc.rating_id, sc.source, sc.id`, [ratingIds]);
}

export async function getScorecard(q: Queryable, id: number): Promise<ScorecardRow> {
  const [row] = await q.query<ScorecardRow>(`${CARD_SELECT} WHERE sc.id = $1`, [id]);
  return row!;
}

/** Inserts or revises the one branch or regulator card of a rating. */
export async function upsertStaffCard(
  q: Queryable,
  c: { ratingId: number; source: 'branch' | 'regulator'; userId: number | null; scores: Record<string, number>; score: number; comment: string | null },
): Promise<{ id: number; created: boolean }> {
  const [row] = await q.query<{ id: number; created: boolean }>(
    `INSERT INTO rating_scorecards (rating_id, source, user_id, scores, score, comment) VALUES ($1,$2,$3,$4::jsonb,$5,$6)
     ON CONFLICT (rating_id, source) WHERE source IN ('branch','regulator')
     DO UPDATE SET user_id = EXCLUDED.user_id, scores = EXCLUDED.scores, score = EXCLUDED.score, comment = EXCLUDED.comment, updated_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [c.ratingId, c.source, c.userId, JSON.stringify(c.scores), c.score, c.comment],
  );
  return row!;
}

// ── Evidence ────────────────────────────────────────────────────────────────────────────────
export interface InspectionEvidenceRow {
  id: number;
  indicator_name: string;
  severity: 'good' | 'minor' | 'serious';
  finding: string;
  steward_name: string;
  photos: number;
  ticket_id: number | null;
  created_at: Date;
}

/** A compound's inspections recorded within the period's China dates. */
export async function inspectionsDuring(q: Queryable, compoundId: number, startsOn: string, endsOn: string, latest: number): Promise<{ counts: { good: number; minor: number; serious: number }; latest: InspectionEvidenceRow[] }> {
  const within = `i.compound_id = $1 AND (i.created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date`;
  const [c] = await q.query<{ good: number; minor: number; serious: number }>(
    `SELECT count(*) FILTER (WHERE severity = 'good')::int AS good, count(*) FILTER (WHERE severity = 'minor')::int AS minor,
            count(*) FILTER (WHERE severity = 'serious')::int AS serious FROM property_inspections i WHERE ${within}`,
    [compoundId, startsOn, endsOn],
  );
  const rows = await q.query<InspectionEvidenceRow>(
    `SELECT i.id, i.indicator_name, i.severity, i.finding, pe.name AS steward_name, i.ticket_id, i.created_at,
            (SELECT count(*)::int FROM property_inspection_photos ph WHERE ph.inspection_id = i.id) AS photos
       FROM property_inspections i JOIN stewards st ON st.id = i.steward_id JOIN people pe ON pe.id = st.person_id
      WHERE ${within} ORDER BY i.created_at DESC, i.id DESC LIMIT $4`,
    [compoundId, startsOn, endsOn, latest],
  );
  return { counts: c!, latest: rows };
}

// ── Rectifications ──────────────────────────────────────────────────────────────────────────
export async function insertRectification(q: Queryable, r: { ratingId: number; companyId: number; compoundId: number; deadline: string }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO rating_rectifications (rating_id, company_id, compound_id, deadline) VALUES ($1,$2,$3,$4) RETURNING id',
    [r.ratingId, r.companyId, r.compoundId, r.deadline],
  );
  return row!.id;
}

interface RectificationRow {
  id: number;
  rating_id: number;
  period_name: string;
  compound_id: number;
  compound_name: string;
  compound_path: string;
  company_id: number;
  company_name: string;
  grade: string;
  total: string | null;
  deadline: string;
  overdue: boolean;
  status: RectificationStatus;
  report: string | null;
  reported_at: Date | null;
  verify_note: string | null;
  verified_by_name: string | null;
  verified_at: Date | null;
  created_at: Date;
}

const RECT_COLUMNS = `x.id, x.rating_id, p.name AS period_name, x.compound_id, c.name AS compound_name, c.path AS compound_path, x.company_id, co.name AS company_name,
  r.grade, r.total, ${day('x.deadline')} AS deadline, (x.status = 'open' AND x.deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date) AS overdue,
  x.status, x.report, x.reported_at, x.verify_note, vu.display_name AS verified_by_name, x.verified_at, x.created_at`;
const RECT_FROM = `rating_rectifications x JOIN property_ratings r ON r.id = x.rating_id JOIN rating_periods p ON p.id = r.period_id
  JOIN nodes c ON c.id = x.compound_id JOIN property_companies co ON co.id = x.company_id LEFT JOIN users vu ON vu.id = x.verified_by`;

const rectificationDto = (r: RectificationRow): RectificationDto => ({
  id: r.id,
  ratingId: r.rating_id,
  periodName: r.period_name,
  compoundId: r.compound_id,
  compoundName: r.compound_name,
  companyId: r.company_id,
  companyName: r.company_name,
  grade: r.grade,
  total: num(r.total),
  deadline: r.deadline,
  overdue: r.overdue,
  status: r.status,
  report: r.report,
  reportedAt: r.reported_at && isoOf(r.reported_at),
  verifyNote: r.verify_note,
  verifiedByName: r.verified_by_name,
  verifiedAt: r.verified_at && isoOf(r.verified_at),
  createdAt: isoOf(r.created_at),
});

export function listRectifications(q: Queryable, patterns: string[], query: RectificationListQuery): Promise<Page<RectificationDto>> {
  const where = new Where().add('c.path LIKE ANY(?::text[])', patterns);
  where.addIf(query.status, 'x.status = ?', query.status);
  where.addIf(query.companyId, 'x.company_id = ?', query.companyId);
  return pagedQuery(
    q,
    { select: RECT_COLUMNS, fromWhere: `FROM ${RECT_FROM} ${where}`, orderBy: "(x.status = 'verified'), x.deadline, x.id DESC", params: where.params },
    query,
    rectificationDto,
  );
}

export async function getRectification(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<(RectificationDto & { compoundPath: string }) | undefined> {
  const [row] = await q.query<RectificationRow>(`SELECT ${RECT_COLUMNS} FROM ${RECT_FROM} WHERE x.id = $1${opts.forUpdate ? ' FOR UPDATE OF x' : ''}`, [id]);
  return row && { ...rectificationDto(row), compoundPath: row.compound_path };
}

export async function rectificationOfRating(q: Queryable, ratingId: number): Promise<RectificationDto | null> {
  const [row] = await q.query<RectificationRow>(`SELECT ${RECT_COLUMNS} FROM ${RECT_FROM} WHERE x.rating_id = $1`, [ratingId]);
  return row ? rectificationDto(row) : null;
}

export async function reportRectification(q: Queryable, id: number, report: string): Promise<void> {
  await q.query("UPDATE rating_rectifications SET status = 'reported', report = $2, reported_at = now() WHERE id = $1", [id, report]);
}

export async function verifyRectification(q: Queryable, id: number, note: string, userId: number | null): Promise<void> {
  await q.query("UPDATE rating_rectifications SET status = 'verified', verify_note = $2, verified_by = $3, verified_at = now() WHERE id = $1", [id, note, userId]);
}

// ── Companies ───────────────────────────────────────────────────────────────────────────────
export async function companyName(q: Queryable, id: number): Promise<string | undefined> {
  const [row] = await q.query<{ name: string }>('SELECT name FROM property_companies WHERE id = $1', [id]);
  return row?.name;
}

// ── Notifications ───────────────────────────────────────────────────────────────────────────
/** Enabled users granted one of `roles` exactly at `nodeId`. */
export async function usersGrantedAt(q: Queryable, nodeId: number, roles: readonly string[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    'SELECT DISTINCT u.id FROM grants g JOIN users u ON u.id = g.user_id WHERE g.node_id = $1 AND g.role = ANY($2::text[]) AND NOT u.disabled ORDER BY u.id',
    [nodeId, roles],
  );
  return rows.map((r) => r.id);
}

/** The compound's branch secretary users: the covering branch's secretary account and users with a branch-secretary grant at the compound. */
export async function branchSecretaryUsers(q: Queryable, compoundId: number): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `SELECT DISTINCT u.id FROM (
        SELECT b.secretary_user_id AS user_id FROM branch_compounds bc JOIN party_orgs b ON b.id = bc.branch_id WHERE bc.compound_id = $1 AND b.active
        UNION SELECT g.user_id FROM grants g WHERE g.node_id = $1 AND g.role = 'branch_secretary'
      ) x JOIN users u ON u.id = x.user_id WHERE NOT u.disabled ORDER BY u.id`,
    [compoundId],
  );
  return rows.map((r) => r.id);
}

export async function notify(q: Queryable, userIds: number[], kind: 'rating_submission_due' | 'rating_rectification' | 'rating_contract_review', message: string, chinaDay: string): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await q.query<{ id: number }>(
    `INSERT INTO notifications (user_id, kind, ticket_id, message, day) SELECT u, $2::text, NULL::int, $3::text, $4::date FROM unnest($1::int[]) AS u RETURNING id`,
    [userIds, kind, message.slice(0, 500), chinaDay],
  );
  return rows.length;
}
