import {
  type AssessmentResult,
  type PayLineDto,
  type PaySchemeCreate,
  type PaySchemeDto,
  type PaySheetListQuery,
  type PaySheetStatus,
  type PaySheetSummaryDto,
  type PromotionRulesDto,
  type PromotionRulesUpdate,
  type WorkerEducation,
  type WorkerPost,
  type WorkerQualification,
} from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';
import type { PayComponents } from './pay-computation.js';
import { workerSummaryDto } from '../community-workers/worker-summary.js';

/** SQL of 三岗十八级 pay: scheme versions, promotion rules, pay sheets and their lines. */

const day = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const isoOrNull = (d: Date | null) => (d ? isoOf(d) : null);

// ── Schemes ─────────────────────────────────────────────────────────────────────────────────
interface SchemeRow {
  id: number;
  version: number;
  name: string;
  base_pay: PaySchemeDto['basePay'];
  education: PaySchemeDto['education'];
  qualification: PaySchemeDto['qualification'];
  seniority_per_year: number;
  seniority_cap_years: number;
  bonus: PaySchemeDto['bonus'];
  note: string;
  is_default: boolean;
  created_by_name: string | null;
  created_at: Date;
  sheets: number;
}
const SCHEME_SELECT = `SELECT s.*, u.display_name AS created_by_name,
  (SELECT count(*)::int FROM worker_pay_sheets p WHERE p.scheme_id = s.id) AS sheets
  FROM worker_pay_schemes s LEFT JOIN users u ON u.id = s.created_by`;
const schemeDto = (r: SchemeRow): PaySchemeDto => ({
  id: r.id,
  version: r.version,
  name: r.name,
  basePay: r.base_pay,
  education: r.education,
  qualification: r.qualification,
  seniorityPerYear: r.seniority_per_year,
  seniorityCapYears: r.seniority_cap_years,
  bonus: r.bonus,
  note: r.note,
  isDefault: r.is_default,
  createdByName: r.created_by_name,
  createdAt: isoOf(r.created_at),
  sheets: r.sheets,
});

export async function listSchemes(q: Queryable): Promise<PaySchemeDto[]> {
  return (await q.query<SchemeRow>(`${SCHEME_SELECT} ORDER BY s.version DESC`)).map(schemeDto);
}
export async function currentScheme(q: Queryable): Promise<PaySchemeDto> {
  const [row] = await q.query<SchemeRow>(`${SCHEME_SELECT} ORDER BY s.version DESC LIMIT 1`);
  return schemeDto(row!);
}
export async function getScheme(q: Queryable, id: number): Promise<PaySchemeDto> {
  const [row] = await q.query<SchemeRow>(`${SCHEME_SELECT} WHERE s.id = $1`, [id]);
  return schemeDto(row!);
}

/** A new version, one above the newest (serialised by a table lock). */
export async function insertScheme(q: Queryable, s: PaySchemeCreate, userId: number | null): Promise<{ id: number; version: number }> {
  await q.query('LOCK TABLE worker_pay_schemes IN SHARE ROW EXCLUSIVE MODE');
  const [row] = await q.query<{ id: number; version: number }>(
    `INSERT INTO worker_pay_schemes (version, name, base_pay, education, qualification, seniority_per_year, seniority_cap_years, bonus, note, created_by)
     SELECT coalesce(max(version), 0) + 1, $1, $2::jsonb, $3::jsonb, $4::jsonb, $5, $6, $7::jsonb, $8, $9 FROM worker_pay_schemes
     RETURNING id, version`,
    [s.name, JSON.stringify(s.basePay), JSON.stringify(s.education), JSON.stringify(s.qualification), s.seniorityPerYear, s.seniorityCapYears, JSON.stringify(s.bonus), s.note, userId],
  );
  return row!;
}

// ── Promotion rules ─────────────────────────────────────────────────────────────────────────
export async function promotionRules(q: Queryable, lock = false): Promise<PromotionRulesDto> {
  const [r] = await q.query<{
    years_at_grade: number; rounds_considered: number; min_competent_results: number; allow_basically_competent: boolean;
    qualified_from_grade: number; qualifications: WorkerQualification[]; is_default: boolean; updated_by_name: string | null; updated_at: Date;
  }>(
    `SELECT r.*, u.display_name AS updated_by_name FROM worker_promotion_rules r LEFT JOIN users u ON u.id = r.updated_by WHERE r.id = 1${lock ? ' FOR UPDATE OF r' : ''}`,
  );
  return {
    yearsAtGrade: r!.years_at_grade,
    roundsConsidered: r!.rounds_considered,
    minCompetentResults: r!.min_competent_results,
    allowBasicallyCompetent: r!.allow_basically_competent,
    qualifiedFromGrade: r!.qualified_from_grade,
    qualifications: r!.qualifications,
    isDefault: r!.is_default,
    updatedByName: r!.updated_by_name,
    updatedAt: isoOf(r!.updated_at),
  };
}
export async function updatePromotionRules(q: Queryable, r: PromotionRulesUpdate, userId: number | null): Promise<void> {
  await q.query(
    `UPDATE worker_promotion_rules SET years_at_grade = $1, rounds_considered = $2, min_competent_results = $3, allow_basically_competent = $4,
       qualified_from_grade = $5, qualifications = $6::text[], is_default = false, updated_by = $7, updated_at = now() WHERE id = 1`,
    [r.yearsAtGrade, r.roundsConsidered, r.minCompetentResults, r.allowBasicallyCompetent, r.qualifiedFromGrade, r.qualifications, userId],
  );
}

// ── Nodes and workers ───────────────────────────────────────────────────────────────────────
export async function getNode(q: Queryable, id: number): Promise<{ id: number; name: string; kind: string; path: string } | undefined> {
  const [row] = await q.query<{ id: number; name: string; kind: string; path: string }>('SELECT id, name, kind, path FROM nodes WHERE id = $1', [id]);
  return row;
}

export interface WorkerRow {
  id: number;
  person_id: number;
  name: string;
  phone: string | null;
  community_id: number;
  community_name: string;
  community_path: string;
  post: WorkerPost;
  grade: number;
  grade_since: string;
  status: 'active' | 'left';
  education: WorkerEducation;
  full_time_education: boolean;
  qualifications: WorkerQualification[];
  service_start: string;
}
const WORKER_SELECT = `SELECT w.id, w.person_id, p.name, p.phone, w.community_id, c.name AS community_name, c.path AS community_path,
    w.post, w.grade, ${day('w.grade_since')} AS grade_since, w.status, w.education, w.full_time_education, w.qualifications,
    ${day('w.service_start')} AS service_start
  FROM community_workers w JOIN people p ON p.id = w.person_id JOIN nodes c ON c.id = w.community_id`;


/** Active workers of a community recruited by the month's last day. */
export function workersForSheet(q: Queryable, communityId: number, monthEnd: string): Promise<WorkerRow[]> {
  return q.query<WorkerRow>(`${WORKER_SELECT} WHERE w.community_id = $1 AND w.status = 'active' AND w.recruited_on <= $2::date ORDER BY w.id`, [communityId, monthEnd]);
}
/** Active workers in scope (optionally of one community). */
export function activeWorkers(q: Queryable, patterns: string[], communityId?: number): Promise<WorkerRow[]> {
  return q.query<WorkerRow>(`${WORKER_SELECT} WHERE w.status = 'active' AND c.path LIKE ANY($1) AND ($2::int IS NULL OR w.community_id = $2) ORDER BY c.path, w.id`, [
    patterns,
    communityId ?? null,
  ]);
}
export async function getWorker(q: Queryable, id: number, lock = false): Promise<WorkerRow | undefined> {
  const [row] = await q.query<WorkerRow>(`${WORKER_SELECT} WHERE w.id = $1${lock ? ' FOR UPDATE OF w' : ''}`, [id]);
  return row;
}

/** Each worker's results in closed annual rounds, newest year first. */
export async function annualResults(q: Queryable, workerIds: number[], beforeYear?: number): Promise<Map<number, AssessmentResult[]>> {
  const rows = await q.query<{ worker_id: number; result: AssessmentResult }>(
    `SELECT res.worker_id, res.result FROM worker_assessment_results res JOIN worker_assessment_rounds r ON r.id = res.round_id
      WHERE r.status = 'closed' AND r.kind = 'annual' AND res.worker_id = ANY($1::int[]) AND ($2::int IS NULL OR r.year < $2)
      ORDER BY res.worker_id, r.year DESC, r.closed_at DESC, r.id DESC`,
    [workerIds, beforeYear ?? null],
  );
  const out = new Map<number, AssessmentResult[]>();
  for (const r of rows) (out.get(r.worker_id) ?? out.set(r.worker_id, []).get(r.worker_id)!).push(r.result);
  return out;
}

export async function promote(q: Queryable, w: WorkerRow, effectiveOn: string, reason: string, userId: number | null): Promise<void> {
  await q.query('UPDATE community_workers SET grade = grade + 1, grade_since = $2, updated_at = now() WHERE id = $1', [w.id, effectiveOn]);
  await q.query(
    `INSERT INTO community_worker_changes (worker_id, kind, from_post, to_post, from_grade, to_grade, effective_on, reason, actor_user_id)
     VALUES ($1, 'promotion', $2, $2, $3, $4, $5, $6, $7)`,
    [w.id, w.post, w.grade, w.grade + 1, effectiveOn, reason, userId],
  );
}

// ── Sheets ──────────────────────────────────────────────────────────────────────────────────
export interface SheetRow {
  id: number;
  community_id: number;
  community_name: string;
  community_path: string;
  month: string;
  status: PaySheetStatus;
  scheme_id: number;
  scheme_version: number;
  workers: number;
  total: number;
  computed_at: Date;
  computed_by_name: string | null;
  reviewed_at: Date | null;
  reviewed_by_name: string | null;
  locked_at: Date | null;
  locked_by_name: string | null;
}
const SHEET_COLUMNS = `s.id, s.community_id, c.name AS community_name, c.path AS community_path, s.month, s.status, s.scheme_id, v.version AS scheme_version,
  (SELECT count(*)::int FROM worker_pay_lines l WHERE l.sheet_id = s.id) AS workers, s.total, s.computed_at, cu.display_name AS computed_by_name,
  s.reviewed_at, ru.display_name AS reviewed_by_name, s.locked_at, lu.display_name AS locked_by_name`;
const SHEET_FROM = `FROM worker_pay_sheets s JOIN nodes c ON c.id = s.community_id JOIN worker_pay_schemes v ON v.id = s.scheme_id
  LEFT JOIN users cu ON cu.id = s.computed_by LEFT JOIN users ru ON ru.id = s.reviewed_by LEFT JOIN users lu ON lu.id = s.locked_by`;

export const sheetSummary = (r: SheetRow): PaySheetSummaryDto => ({
  id: r.id,
  communityId: r.community_id,
  communityName: r.community_name,
  month: r.month,
  status: r.status,
  schemeId: r.scheme_id,
  schemeVersion: r.scheme_version,
  workers: r.workers,
  total: r.total,
  computedAt: isoOf(r.computed_at),
  computedByName: r.computed_by_name,
  reviewedAt: isoOrNull(r.reviewed_at),
  reviewedByName: r.reviewed_by_name,
  lockedAt: isoOrNull(r.locked_at),
  lockedByName: r.locked_by_name,
});

export function listSheets(q: Queryable, patterns: string[], f: PaySheetListQuery): Promise<Page<PaySheetSummaryDto>> {
  const w = new Where().add('c.path LIKE ANY(?)', patterns).addIf(f.communityId, 's.community_id = ?', f.communityId).addIf(f.month, 's.month = ?', f.month).addIf(f.status, 's.status = ?', f.status);
  return pagedQuery<SheetRow, PaySheetSummaryDto>(q, { select: SHEET_COLUMNS, fromWhere: `${SHEET_FROM} ${w}`, orderBy: 's.month DESC, c.path, s.id', params: w.params }, f, sheetSummary);
}

export async function getSheet(q: Queryable, id: number, lock = false): Promise<SheetRow | undefined> {
  if (lock) await q.query('SELECT id FROM worker_pay_sheets WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<SheetRow>(`SELECT ${SHEET_COLUMNS} ${SHEET_FROM} WHERE s.id = $1`, [id]);
  return row;
}
export async function sheetIdFor(q: Queryable, communityId: number, month: string): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>('SELECT id FROM worker_pay_sheets WHERE community_id = $1 AND month = $2 FOR UPDATE', [communityId, month]);
  return row?.id;
}

export async function insertSheet(q: Queryable, communityId: number, month: string, schemeId: number, userId: number | null): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO worker_pay_sheets (community_id, month, scheme_id, computed_by) VALUES ($1, $2, $3, $4) RETURNING id',
    [communityId, month, schemeId, userId],
  );
  return row!.id;
}
/** Back to a fresh draft under the given scheme (a recompute clears the review). */
export async function resetSheet(q: Queryable, id: number, schemeId: number, userId: number | null): Promise<void> {
  await q.query(
    `UPDATE worker_pay_sheets SET scheme_id = $2, status = 'draft', computed_by = $3, computed_at = now(), reviewed_by = NULL, reviewed_at = NULL WHERE id = $1`,
    [id, schemeId, userId],
  );
}

export interface LineInsert extends PayComponents {
  workerId: number;
  post: WorkerPost;
  grade: number;
  assessmentResult: AssessmentResult | null;
  adjustment: number;
  adjustmentReason: string | null;
}

/** Replaces a sheet's lines and sets its total. */
export async function replaceLines(q: Queryable, sheetId: number, lines: LineInsert[]): Promise<void> {
  await q.query('DELETE FROM worker_pay_lines WHERE sheet_id = $1', [sheetId]);
  if (lines.length) {
    const cols = ['worker_id', 'post', 'grade', 'base', 'education', 'qualification', 'service_years', 'seniority', 'assessment_result', 'bonus', 'adjustment', 'adjustment_reason', 'total'] as const;
    const values: unknown[] = [];
    const tuples = lines.map((l) => {
      const row = [l.workerId, l.post, l.grade, l.base, l.education, l.qualification, l.serviceYears, l.seniority, l.assessmentResult, l.bonus, l.adjustment, l.adjustmentReason, l.total + l.adjustment];
      const start = values.length + 2;
      values.push(...row);
      return `($1, ${row.map((_, i) => `$${start + i}`).join(', ')})`;
    });
    await q.query(`INSERT INTO worker_pay_lines (sheet_id, ${cols.join(', ')}) VALUES ${tuples.join(', ')}`, [sheetId, ...values]);
  }
  await refreshTotal(q, sheetId);
}

export async function refreshTotal(q: Queryable, sheetId: number): Promise<void> {
  await q.query('UPDATE worker_pay_sheets SET total = (SELECT coalesce(sum(total), 0)::int FROM worker_pay_lines WHERE sheet_id = $1) WHERE id = $1', [sheetId]);
}

export async function existingAdjustments(q: Queryable, sheetId: number): Promise<Map<number, { amount: number; reason: string }>> {
  const rows = await q.query<{ worker_id: number; adjustment: number; adjustment_reason: string }>(
    'SELECT worker_id, adjustment, adjustment_reason FROM worker_pay_lines WHERE sheet_id = $1 AND adjustment <> 0',
    [sheetId],
  );
  return new Map(rows.map((r) => [r.worker_id, { amount: r.adjustment, reason: r.adjustment_reason }]));
}

/** Sets a line's adjustment (0 clears it); false when the worker has no line on the sheet. */
export async function setAdjustment(q: Queryable, sheetId: number, workerId: number, amount: number, reason: string | null): Promise<boolean> {
  const rows = await q.query<{ id: number }>(
    `UPDATE worker_pay_lines SET total = base + education + qualification + seniority + bonus + $3, adjustment = $3, adjustment_reason = $4
      WHERE sheet_id = $1 AND worker_id = $2 RETURNING id`,
    [sheetId, workerId, amount, reason],
  );
  if (!rows.length) return false;
  await refreshTotal(q, sheetId);
  return true;
}

export async function setStatus(q: Queryable, id: number, status: 'reviewed' | 'locked', userId: number | null): Promise<void> {
  const col = status === 'reviewed' ? 'reviewed' : 'locked';
  await q.query(`UPDATE worker_pay_sheets SET status = $2, ${col}_by = $3, ${col}_at = now() WHERE id = $1`, [id, status, userId]);
}

export async function sheetLines(q: Queryable, sheetId: number): Promise<PayLineDto[]> {
  const rows = await q.query<
    Pick<WorkerRow, 'person_id' | 'name' | 'phone' | 'community_id' | 'community_name' | 'status'> & {
      id: number; worker_id: number; worker_post: WorkerPost; worker_grade: number; post: WorkerPost; grade: number; base: number; education: number;
      qualification: number; service_years: number; seniority: number; assessment_result: AssessmentResult | null; bonus: number; adjustment: number;
      adjustment_reason: string | null; total: number;
    }
  >(
    `SELECT l.*, w.person_id, p.name, p.phone, w.community_id, c.name AS community_name, w.post AS worker_post, w.grade AS worker_grade, w.status
       FROM worker_pay_lines l JOIN community_workers w ON w.id = l.worker_id JOIN people p ON p.id = w.person_id JOIN nodes c ON c.id = w.community_id
      WHERE l.sheet_id = $1 ORDER BY CASE l.post WHEN 'head' THEN 1 WHEN 'deputy' THEN 2 ELSE 3 END, l.grade DESC, l.id`,
    [sheetId],
  );
  return rows.map((r) => ({
    id: r.id,
    worker: workerSummaryDto({ ...r, id: r.worker_id, post: r.worker_post, grade: r.worker_grade }),
    post: r.post,
    grade: r.grade,
    base: r.base,
    education: r.education,
    qualification: r.qualification,
    serviceYears: r.service_years,
    seniority: r.seniority,
    assessmentResult: r.assessment_result,
    bonus: r.bonus,
    adjustment: r.adjustment,
    adjustmentReason: r.adjustment_reason,
    total: r.total,
  }));
}
