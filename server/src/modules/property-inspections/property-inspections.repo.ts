import type { InspectionDto, InspectionSeverity, RatingGrade, RatingIndicator, RatingSource } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';

/** SQL of the phone side of the property assessment: inspections and photos, phone roles, member scorecards, the survey, public grades. */

const CHINA_DAY = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date`;
const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

// ── Inspections ─────────────────────────────────────────────────────────────────────────────
export interface InspectionRow {
  id: number;
  compound_id: number;
  compound_name: string;
  compound_path: string;
  steward_name: string;
  steward_person_id: number;
  resident_id: number | null;
  indicator_code: string;
  indicator_name: string;
  severity: InspectionSeverity;
  finding: string;
  lat: number | null;
  lng: number | null;
  ticket_id: number | null;
  ticket_code: string | null;
  photo_ids: number[];
  created_at: Date;
}

const SELECT = `i.id, i.compound_id, c.name AS compound_name, c.path AS compound_path, p.name AS steward_name, s.person_id AS steward_person_id, i.resident_id,
  i.indicator_code, i.indicator_name, i.severity, i.finding, i.lat::float8 AS lat, i.lng::float8 AS lng, i.ticket_id, t.code AS ticket_code,
  (SELECT coalesce(json_agg(ph.id ORDER BY ph.id), '[]'::json) FROM property_inspection_photos ph WHERE ph.inspection_id = i.id) AS photo_ids, i.created_at`;
const FROM = `FROM property_inspections i JOIN nodes c ON c.id = i.compound_id JOIN stewards s ON s.id = i.steward_id
  JOIN people p ON p.id = s.person_id LEFT JOIN tickets t ON t.id = i.ticket_id`;

export function toInspectionDto(r: InspectionRow): InspectionDto {
  return {
    id: r.id, compoundId: r.compound_id, compoundName: r.compound_name, stewardName: r.steward_name,
    indicatorCode: r.indicator_code, indicatorName: r.indicator_name, severity: r.severity, finding: r.finding,
    lat: r.lat, lng: r.lng, photoIds: r.photo_ids, ticketId: r.ticket_id, ticketCode: r.ticket_code, createdAt: r.created_at.toISOString(),
  };
}

export async function getInspection(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<InspectionRow | undefined> {
  if (opts.forUpdate) await q.query('SELECT id FROM property_inspections WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<InspectionRow>(`SELECT ${SELECT} ${FROM} WHERE i.id = $1`, [id]);
  return row;
}

export interface InspectionFilter {
  scopePatterns?: string[];
  compoundId?: number | undefined;
  stewardPersonId?: number;
  severity?: InspectionSeverity | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function listInspections(q: Queryable, f: InspectionFilter, page: { page: number; pageSize: number }): Promise<Page<InspectionDto>> {
  const w = new Where()
    .addIf(f.scopePatterns, 'c.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.compoundId, 'i.compound_id = ?', f.compoundId)
    .addIf(f.stewardPersonId, 's.person_id = ?', f.stewardPersonId)
    .addIf(f.severity, 'i.severity = ?', f.severity)
    .addIf(f.from, `${CHINA_DAY('i.created_at')} >= ?::date`, f.from)
    .addIf(f.to, `${CHINA_DAY('i.created_at')} <= ?::date`, f.to);
  return pagedQuery<InspectionRow, InspectionDto>(q, { select: SELECT, fromWhere: `${FROM} ${w}`, orderBy: 'i.created_at DESC, i.id DESC', params: w.params }, page, toInspectionDto);
}

export async function insertInspection(
  q: Queryable,
  v: { compoundId: number; stewardId: number; residentId: number; indicatorCode: string; indicatorName: string; severity: InspectionSeverity; finding: string; lat: number | null; lng: number | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO property_inspections (compound_id, steward_id, resident_id, indicator_code, indicator_name, severity, finding, lat, lng)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [v.compoundId, v.stewardId, v.residentId, v.indicatorCode, v.indicatorName, v.severity, v.finding, v.lat, v.lng],
  );
  return row!.id;
}

export async function setInspectionTicket(q: Queryable, id: number, ticketId: number): Promise<void> {
  await q.query('UPDATE property_inspections SET ticket_id = $2 WHERE id = $1', [id, ticketId]);
}

/** The ticket category an inspection's ticket takes by default: 物业服务. */
export async function propertyCategoryId(q: Queryable): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>("SELECT id FROM ticket_categories WHERE code = 'property'");
  return row?.id;
}

export async function countPhotos(q: Queryable, inspectionId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM property_inspection_photos WHERE inspection_id = $1', [inspectionId]);
  return row!.n;
}

export async function insertPhoto(q: Queryable, v: { inspectionId: number; fileName: string; contentType: string; bytes: number }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO property_inspection_photos (inspection_id, file_name, content_type, bytes) VALUES ($1,$2,$3,$4) RETURNING id',
    [v.inspectionId, v.fileName, v.contentType, v.bytes],
  );
  return row!.id;
}

export async function getPhoto(q: Queryable, inspectionId: number, photoId: number): Promise<{ file_name: string; content_type: 'image/jpeg' | 'image/png' } | undefined> {
  const [row] = await q.query<{ file_name: string; content_type: 'image/jpeg' | 'image/png' }>(
    'SELECT file_name, content_type FROM property_inspection_photos WHERE id = $1 AND inspection_id = $2',
    [photoId, inspectionId],
  );
  return row;
}

// ── Who the resident is ─────────────────────────────────────────────────────────────────────
export interface CompoundRole {
  compound_id: number;
  compound_name: string;
  compound_path: string;
}

export function stewardships(q: Queryable, personId: number): Promise<(CompoundRole & { steward_id: number })[]> {
  return q.query(
    `SELECT s.id AS steward_id, c.id AS compound_id, c.name AS compound_name, c.path AS compound_path
       FROM stewards s JOIN nodes c ON c.id = s.compound_id
      WHERE s.person_id = $1 AND c.active ORDER BY c.name, c.id`,
    [personId],
  );
}

/** Committees whose term covers today (China date). */
export function committeeSeats(q: Queryable, personId: number): Promise<(CompoundRole & { position: 'director' | 'deputy_director' | 'member' })[]> {
  return q.query(
    `SELECT c.id AS compound_id, c.name AS compound_name, c.path AS compound_path, m.position
       FROM owners_committee_members m JOIN owners_committees oc ON oc.id = m.committee_id JOIN nodes c ON c.id = oc.compound_id
      WHERE m.person_id = $1 AND c.active AND oc.term_start <= ${TODAY} AND oc.term_end >= ${TODAY}
      ORDER BY c.name, c.id`,
    [personId],
  );
}

// ── Schemes and ratings ─────────────────────────────────────────────────────────────────────
export interface SchemeRow {
  id: number;
  version: number;
  indicators: RatingIndicator[];
  grades: RatingGrade[];
}

export async function currentScheme(q: Queryable): Promise<SchemeRow> {
  const [row] = await q.query<SchemeRow>('SELECT id, version, indicators, grades FROM rating_schemes ORDER BY version DESC LIMIT 1');
  return row!;
}

export interface RatingRow {
  id: number;
  compound_id: number;
  compound_name: string;
  company_name: string;
  status: 'open' | 'closed' | 'published';
  period_name: string;
  period_status: 'open' | 'closed';
  deadline: string;
  /** Today (China date) is on or before the deadline. */
  before_deadline: boolean;
  indicators: RatingIndicator[];
}

const RATING_SELECT = `r.id, r.compound_id, c.name AS compound_name, co.name AS company_name, r.status, p.name AS period_name, p.status AS period_status,
  to_char(p.deadline, 'YYYY-MM-DD') AS deadline, (${TODAY} <= p.deadline) AS before_deadline, sc.indicators`;
const RATING_FROM = `FROM property_ratings r JOIN rating_periods p ON p.id = r.period_id JOIN rating_schemes sc ON sc.id = p.scheme_id
  JOIN nodes c ON c.id = r.compound_id JOIN property_companies co ON co.id = r.company_id`;

export async function getRating(q: Queryable, id: number): Promise<RatingRow | undefined> {
  const [row] = await q.query<RatingRow>(`SELECT ${RATING_SELECT} ${RATING_FROM} WHERE r.id = $1`, [id]);
  return row;
}

/** Ratings of these compounds that still take scorecards (open period, today ≤ deadline). */
export function openRatingsOf(q: Queryable, compoundIds: number[]): Promise<RatingRow[]> {
  if (compoundIds.length === 0) return Promise.resolve([]);
  return q.query<RatingRow>(
    `SELECT ${RATING_SELECT} ${RATING_FROM}
      WHERE r.compound_id = ANY($1) AND r.status = 'open' AND p.status = 'open' AND ${TODAY} <= p.deadline
      ORDER BY p.deadline, r.id`,
    [compoundIds],
  );
}

export interface CardRow {
  id: number;
  rating_id: number;
  source: RatingSource;
  scores: Record<string, number>;
  score: number;
  comment: string | null;
  by_name: string | null;
  submitted_at: Date;
  updated_at: Date;
}

export function memberCards(q: Queryable, ratingIds: number[], personId: number): Promise<CardRow[]> {
  if (ratingIds.length === 0) return Promise.resolve([]);
  return q.query<CardRow>(
    `SELECT k.id, k.rating_id, k.source, k.scores, k.score::float8 AS score, k.comment, p.name AS by_name, k.submitted_at, k.updated_at
       FROM rating_scorecards k LEFT JOIN people p ON p.id = k.person_id
      WHERE k.rating_id = ANY($1) AND k.person_id = $2 AND k.source IN ('stewards','owners_committee')`,
    [ratingIds, personId],
  );
}

/** One card per member and source: a second submission revises it. Returns the card's id and whether it was new. */
export async function upsertMemberCard(
  q: Queryable,
  v: { ratingId: number; source: 'stewards' | 'owners_committee'; personId: number; residentId: number; scores: Record<string, number>; score: number; comment: string | null },
): Promise<{ id: number; created: boolean }> {
  const [row] = await q.query<{ id: number; created: boolean }>(
    `INSERT INTO rating_scorecards (rating_id, source, person_id, resident_id, scores, score, comment)
     VALUES ($1,$2,$3,$4,$5::jsonb,$6,$7)
     ON CONFLICT (rating_id, source, person_id) WHERE source IN ('owners_committee','stewards')
     DO UPDATE SET scores = EXCLUDED.scores, score = EXCLUDED.score, comment = EXCLUDED.comment, resident_id = EXCLUDED.resident_id, updated_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [v.ratingId, v.source, v.personId, v.residentId, JSON.stringify(v.scores), v.score, v.comment],
  );
  return row!;
}

export async function getCard(q: Queryable, id: number): Promise<CardRow> {
  const [row] = await q.query<CardRow>(
    `SELECT k.id, k.rating_id, k.source, k.scores, k.score::float8 AS score, k.comment, p.name AS by_name, k.submitted_at, k.updated_at
       FROM rating_scorecards k LEFT JOIN people p ON p.id = k.person_id WHERE k.id = $1`,
    [id],
  );
  return row!;
}

/** The survey answer, once per resident (the unique index decides between concurrent answers): the id, or null when already answered. */
export async function insertSurveyAnswer(q: Queryable, v: { ratingId: number; residentId: number; scores: Record<string, number>; score: number; comment: string | null }): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO rating_scorecards (rating_id, source, resident_id, scores, score, comment)
     VALUES ($1,'survey',$2,$3::jsonb,$4,$5)
     ON CONFLICT (rating_id, resident_id) WHERE source = 'survey' DO NOTHING RETURNING id`,
    [v.ratingId, v.residentId, JSON.stringify(v.scores), v.score, v.comment],
  );
  return row?.id ?? null;
}

export async function hasAnswered(q: Queryable, ratingId: number, residentId: number): Promise<boolean> {
  const [row] = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM rating_scorecards WHERE rating_id = $1 AND resident_id = $2 AND source = 'survey'", [ratingId, residentId]);
  return row!.n > 0;
}

// ── Public grades ───────────────────────────────────────────────────────────────────────────
export interface PublicCompoundRow {
  id: number;
  name: string;
  community_name: string;
  grade: string | null;
  grades: RatingGrade[] | null;
}

const LATEST_PUBLISHED = `LEFT JOIN LATERAL (
    SELECT r.grade, sc.grades FROM property_ratings r JOIN rating_periods p ON p.id = r.period_id JOIN rating_schemes sc ON sc.id = p.scheme_id
     WHERE r.compound_id = c.id AND r.status = 'published' ORDER BY p.ends_on DESC, r.published_at DESC LIMIT 1) g ON true`;

export function searchCompounds(q: Queryable, text: string | undefined): Promise<PublicCompoundRow[]> {
  const like = text ? `%${likeEscape(text)}%` : null;
  return q.query<PublicCompoundRow>(
    `SELECT c.id, c.name, coalesce(cm.name, '') AS community_name, g.grade, g.grades
       FROM nodes c LEFT JOIN nodes cm ON cm.id = c.parent_id ${LATEST_PUBLISHED}
      WHERE c.kind = 'compound' AND c.active AND ($1::text IS NULL OR c.name ILIKE $1 OR cm.name ILIKE $1)
      ORDER BY (g.grade IS NULL), c.name, c.id LIMIT 20`,
    [like],
  );
}

export async function publicCompound(q: Queryable, id: number): Promise<(PublicCompoundRow & { company_name: string | null }) | undefined> {
  const [row] = await q.query<PublicCompoundRow & { company_name: string | null }>(
    `SELECT c.id, c.name, coalesce(cm.name, '') AS community_name, g.grade, g.grades,
            (SELECT co.name FROM property_contracts k JOIN property_companies co ON co.id = k.company_id
              WHERE k.compound_id = c.id AND k.start_date <= ${TODAY} AND k.end_date >= ${TODAY} ORDER BY k.start_date DESC LIMIT 1) AS company_name
       FROM nodes c LEFT JOIN nodes cm ON cm.id = c.parent_id ${LATEST_PUBLISHED}
      WHERE c.id = $1 AND c.kind = 'compound' AND c.active`,
    [id],
  );
  return row;
}

export interface PublishedRow {
  period_name: string;
  ends_on: string;
  total: number | null;
  grade: string | null;
  grades: RatingGrade[];
  breakdown: { sources?: { source: RatingSource; score: number | null; missing: boolean }[] } | null;
  published_at: Date;
  company_name: string;
  rectification_status: 'open' | 'reported' | 'verified' | null;
  rectification_deadline: string | null;
  contract_review_flag: boolean;
}

export function publishedRatings(q: Queryable, compoundId: number): Promise<PublishedRow[]> {
  return q.query<PublishedRow>(
    `SELECT p.name AS period_name, to_char(p.ends_on, 'YYYY-MM-DD') AS ends_on, r.total::float8 AS total, r.grade, sc.grades, r.breakdown, r.published_at,
            co.name AS company_name, rr.status AS rectification_status, to_char(rr.deadline, 'YYYY-MM-DD') AS rectification_deadline, r.contract_review_flag
       FROM property_ratings r JOIN rating_periods p ON p.id = r.period_id JOIN rating_schemes sc ON sc.id = p.scheme_id
       JOIN property_companies co ON co.id = r.company_id LEFT JOIN rating_rectifications rr ON rr.rating_id = r.id
      WHERE r.compound_id = $1 AND r.status = 'published'
      ORDER BY p.ends_on DESC, r.published_at DESC LIMIT 40`,
    [compoundId],
  );
}

export interface ContractReviewRow {
  id: number;
  compound_name: string;
  company_name: string;
  period_name: string;
  grade: string | null;
  grades: RatingGrade[];
  published_at: Date;
}

/** Published ratings flagged for the owners' committee (low twice in a row) in these compounds, over the last year. */
export function contractReviews(q: Queryable, compoundIds: number[]): Promise<ContractReviewRow[]> {
  if (!compoundIds.length) return Promise.resolve([]);
  return q.query<ContractReviewRow>(
    `SELECT r.id, c.name AS compound_name, co.name AS company_name, p.name AS period_name, r.grade, sc.grades, r.published_at
       FROM property_ratings r JOIN rating_periods p ON p.id = r.period_id JOIN rating_schemes sc ON sc.id = p.scheme_id
       JOIN nodes c ON c.id = r.compound_id JOIN property_companies co ON co.id = r.company_id
      WHERE r.compound_id = ANY($1) AND r.status = 'published' AND r.contract_review_flag AND r.published_at > now() - interval '1 year'
      ORDER BY r.published_at DESC, r.id DESC`,
    [compoundIds],
  );
}
