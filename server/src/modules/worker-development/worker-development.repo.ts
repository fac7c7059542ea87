import type { AssessmentIndicator, AssessmentResult, AssessmentRoundKind } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import type { WorkerSummaryRow } from '../community-workers/worker-summary.js';

/** SQL of assessment rounds, their results, training courses, attendance and the training requirement. */

const day = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

/** Scope of a caller as both LIKE patterns (subtrees) and paths (to see rounds and courses held above them). */
export interface Visibility {
  patterns: string[];
  paths: string[];
}
/** A node at `alias` is visible when inside the scope or an ancestor of it (a county round covers a community). */
const nodeVisible = (alias: string, v: number, p: number) =>
  `(${alias}.path LIKE ANY($${v}::text[]) OR EXISTS (SELECT 1 FROM unnest($${p}::text[]) s WHERE s LIKE ${alias}.path || '%'))`;

// ── Workers ─────────────────────────────────────────────────────────────────────────────────
export interface WorkerRow extends WorkerSummaryRow {
  community_path: string;
}
export const WORKER_COLS = `w.id, w.person_id, p.name, p.phone, w.community_id, c.name AS community_name, c.path AS community_path, w.post, w.grade, w.status`;
export const WORKER_FROM = `community_workers w JOIN people p ON p.id = w.person_id JOIN nodes c ON c.id = w.community_id`;


/** A worker inside the given subtrees, or undefined. */
export async function workerInScope(q: Queryable, id: number, patterns: string[]): Promise<WorkerRow | undefined> {
  const [row] = await q.query<WorkerRow>(`SELECT ${WORKER_COLS} FROM ${WORKER_FROM} WHERE w.id = $1 AND c.path LIKE ANY($2::text[])`, [id, patterns]);
  return row;
}

export function activeWorkers(q: Queryable, patterns: string[]): Promise<WorkerRow[]> {
  return q.query<WorkerRow>(`SELECT ${WORKER_COLS} FROM ${WORKER_FROM} WHERE w.status = 'active' AND c.path LIKE ANY($1::text[]) ORDER BY c.path, p.name, w.id`, [patterns]);
}

export function workersInScope(q: Queryable, ids: number[], patterns: string[]): Promise<WorkerRow[]> {
  return q.query<WorkerRow>(`SELECT ${WORKER_COLS} FROM ${WORKER_FROM} WHERE w.id = ANY($1::int[]) AND c.path LIKE ANY($2::text[])`, [ids, patterns]);
}

// ── Nodes ───────────────────────────────────────────────────────────────────────────────────
export interface NodeRow {
  id: number;
  name: string;
  kind: string;
  path: string;
}
export async function getNode(q: Queryable, id: number): Promise<NodeRow | undefined> {
  const [row] = await q.query<NodeRow>('SELECT id, name, kind, path FROM nodes WHERE id = $1', [id]);
  return row;
}

// ── Rounds ──────────────────────────────────────────────────────────────────────────────────
export interface RoundRow {
  id: number;
  name: string;
  year: number;
  kind: AssessmentRoundKind;
  node_id: number;
  node_name: string;
  node_path: string;
  indicators: AssessmentIndicator[];
  deadline: string;
  status: 'open' | 'closed';
  opened_at: Date;
  closed_at: Date | null;
  opened_by_name: string | null;
  workers: number;
  scored: number;
}

/** Rows of the round: active workers of its subtree inside the caller's scope, and any worker it already scored. */
const roundMembers = (round: string, patterns: number) =>
  `FROM community_workers w JOIN nodes c ON c.id = w.community_id
   LEFT JOIN worker_assessment_results x ON x.round_id = ${round}.id AND x.worker_id = w.id
   WHERE c.path LIKE ${round}_n.path || '%' AND c.path LIKE ANY($${patterns}::text[]) AND (w.status = 'active' OR x.id IS NOT NULL)`;

const ROUND_SELECT = `SELECT r.id, r.name, r.year, r.kind, r.node_id, r_n.name AS node_name, r_n.path AS node_path, r.indicators,
    ${day('r.deadline')} AS deadline, r.status, r.opened_at, r.closed_at, u.display_name AS opened_by_name,
    (SELECT count(*)::int ${roundMembers('r', 1)}) AS workers,
    (SELECT count(x.id)::int ${roundMembers('r', 1)}) AS scored
  FROM worker_assessment_rounds r JOIN nodes r_n ON r_n.id = r.node_id LEFT JOIN users u ON u.id = r.opened_by`;

export function listRounds(q: Queryable, v: Visibility, f: { year?: number | undefined; status?: string | undefined }): Promise<RoundRow[]> {
  return q.query<RoundRow>(
    `${ROUND_SELECT} WHERE ${nodeVisible('r_n', 1, 2)} AND ($3::int IS NULL OR r.year = $3) AND ($4::text IS NULL OR r.status = $4)
     ORDER BY r.year DESC, r.opened_at DESC, r.id DESC`,
    [v.patterns, v.paths, f.year ?? null, f.status ?? null],
  );
}

export async function getRound(q: Queryable, id: number, v: Visibility, opts: { forUpdate?: boolean } = {}): Promise<RoundRow | undefined> {
  if (opts.forUpdate) await q.query('SELECT id FROM worker_assessment_rounds WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<RoundRow>(`${ROUND_SELECT} WHERE r.id = $3 AND ${nodeVisible('r_n', 1, 2)}`, [v.patterns, v.paths, id]);
  return row;
}

export async function insertRound(
  q: Queryable,
  r: { name: string; year: number; kind: string; nodeId: number; indicators: AssessmentIndicator[]; deadline: string; openedBy: number | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO worker_assessment_rounds (name, year, kind, node_id, indicators, deadline, opened_by) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING id`,
    [r.name, r.year, r.kind, r.nodeId, JSON.stringify(r.indicators), r.deadline, r.openedBy],
  );
  return row!.id;
}

export async function closeRound(q: Queryable, id: number): Promise<void> {
  await q.query(`UPDATE worker_assessment_rounds SET status = 'closed', closed_at = now() WHERE id = $1`, [id]);
}

export interface ResultRow extends WorkerRow {
  result_id: number | null;
  scores: Record<string, number> | null;
  total: string | null;
  result: AssessmentResult | null;
  comment: string | null;
  scored_by_name: string | null;
  scored_at: Date | null;
}

/** The round's members (see roundMembers) with their results, by community then name. */
export function roundRows(q: Queryable, round: Pick<RoundRow, 'id' | 'node_path'>, patterns: string[]): Promise<ResultRow[]> {
  return q.query<ResultRow>(
    `SELECT ${WORKER_COLS}, x.id AS result_id, x.scores, x.total, x.result, x.comment, su.display_name AS scored_by_name, x.scored_at
       FROM ${WORKER_FROM}
       LEFT JOIN worker_assessment_results x ON x.round_id = $1 AND x.worker_id = w.id
       LEFT JOIN users su ON su.id = x.scored_by
      WHERE c.path LIKE $2 || '%' AND c.path LIKE ANY($3::text[]) AND (w.status = 'active' OR x.id IS NOT NULL)
      ORDER BY c.path, w.post, w.grade DESC, p.name, w.id`,
    [round.id, round.node_path, patterns],
  );
}

export async function existingResult(q: Queryable, roundId: number, workerId: number): Promise<{ id: number; total: string; result: AssessmentResult } | undefined> {
  const [row] = await q.query<{ id: number; total: string; result: AssessmentResult }>(
    'SELECT id, total, result FROM worker_assessment_results WHERE round_id = $1 AND worker_id = $2 FOR UPDATE',
    [roundId, workerId],
  );
  return row;
}

export async function upsertResult(
  q: Queryable,
  r: { roundId: number; workerId: number; scores: Record<string, number>; total: string; result: AssessmentResult; comment: string | null; scoredBy: number | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO worker_assessment_results (round_id, worker_id, scores, total, result, comment, scored_by)
     VALUES ($1, $2, $3::jsonb, $4::numeric, $5, $6, $7)
     ON CONFLICT (round_id, worker_id) DO UPDATE SET scores = EXCLUDED.scores, total = EXCLUDED.total, result = EXCLUDED.result,
       comment = EXCLUDED.comment, scored_by = EXCLUDED.scored_by, updated_at = now()
     RETURNING id`,
    [r.roundId, r.workerId, JSON.stringify(r.scores), r.total, r.result, r.comment, r.scoredBy],
  );
  return row!.id;
}

export interface WorkerAssessmentRow {
  round_id: number;
  round_name: string;
  year: number;
  kind: AssessmentRoundKind;
  round_status: 'open' | 'closed';
  total: string;
  result: AssessmentResult;
  comment: string | null;
  scored_at: Date;
}
export function workerAssessments(q: Queryable, workerId: number): Promise<WorkerAssessmentRow[]> {
  return q.query<WorkerAssessmentRow>(
    `SELECT r.id AS round_id, r.name AS round_name, r.year, r.kind, r.status AS round_status, x.total, x.result, x.comment, x.scored_at
       FROM worker_assessment_results x JOIN worker_assessment_rounds r ON r.id = x.round_id
      WHERE x.worker_id = $1 ORDER BY r.year DESC, r.opened_at DESC, r.id DESC`,
    [workerId],
  );
}

// ── Training ────────────────────────────────────────────────────────────────────────────────
export interface CourseRow {
  id: number;
  title: string;
  organiser: string;
  node_id: number;
  node_name: string;
  node_path: string;
  starts_on: string;
  ends_on: string;
  hours_tenths: number;
  mode: 'online' | 'offline';
  required: boolean;
  attendees: number;
}

const COURSE_SELECT = `SELECT k.id, k.title, k.organiser, k.node_id, k_n.name AS node_name, k_n.path AS node_path,
    ${day('k.starts_on')} AS starts_on, ${day('k.ends_on')} AS ends_on, k.hours_tenths, k.mode, k.required,
    (SELECT count(*)::int FROM worker_training_attendance a JOIN community_workers w ON w.id = a.worker_id JOIN nodes c ON c.id = w.community_id
      WHERE a.course_id = k.id AND c.path LIKE ANY($1::text[])) AS attendees
  FROM worker_training_courses k JOIN nodes k_n ON k_n.id = k.node_id`;

export function listCourses(q: Queryable, v: Visibility, year: number | undefined): Promise<CourseRow[]> {
  return q.query<CourseRow>(
    `${COURSE_SELECT} WHERE ${nodeVisible('k_n', 1, 2)} AND ($3::int IS NULL OR extract(year FROM k.starts_on)::int = $3)
     ORDER BY k.starts_on DESC, k.id DESC`,
    [v.patterns, v.paths, year ?? null],
  );
}

export async function getCourse(q: Queryable, id: number, v: Visibility): Promise<CourseRow | undefined> {
  const [row] = await q.query<CourseRow>(`${COURSE_SELECT} WHERE k.id = $3 AND ${nodeVisible('k_n', 1, 2)}`, [v.patterns, v.paths, id]);
  return row;
}

export async function insertCourse(
  q: Queryable,
  c: { title: string; organiser: string; nodeId: number; startsOn: string; endsOn: string; hoursTenths: number; mode: string; required: boolean; createdBy: number | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO worker_training_courses (title, organiser, node_id, starts_on, ends_on, hours_tenths, mode, required, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [c.title, c.organiser, c.nodeId, c.startsOn, c.endsOn, c.hoursTenths, c.mode, c.required, c.createdBy],
  );
  return row!.id;
}

export interface AttendanceRow extends WorkerRow {
  attendance_id: number;
  course_id: number;
  hours_tenths: number;
  passed: boolean;
  certificate_no: string | null;
  recorded_at: Date;
}
export function courseAttendance(q: Queryable, courseId: number, patterns: string[]): Promise<AttendanceRow[]> {
  return q.query<AttendanceRow>(
    `SELECT ${WORKER_COLS}, a.id AS attendance_id, a.course_id, a.hours_tenths, a.passed, a.certificate_no, a.recorded_at
       FROM worker_training_attendance a JOIN ${WORKER_FROM} ON w.id = a.worker_id
      WHERE a.course_id = $1 AND c.path LIKE ANY($2::text[]) ORDER BY c.path, p.name, w.id`,
    [courseId, patterns],
  );
}

export async function upsertAttendance(
  q: Queryable,
  a: { courseId: number; workerId: number; hoursTenths: number; passed: boolean; certificateNo: string | null; recordedBy: number | null },
): Promise<void> {
  await q.query(
    `INSERT INTO worker_training_attendance (course_id, worker_id, hours_tenths, passed, certificate_no, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (course_id, worker_id) DO UPDATE SET hours_tenths = EXCLUDED.hours_tenths, passed = EXCLUDED.passed,
       certificate_no = EXCLUDED.certificate_no, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
    [a.courseId, a.workerId, a.hoursTenths, a.passed, a.certificateNo, a.recordedBy],
  );
}

export interface WorkerTrainingRow {
  course_id: number;
  title: string;
  organiser: string;
  starts_on: string;
  ends_on: string;
  mode: 'online' | 'offline';
  required: boolean;
  hours_tenths: number;
  passed: boolean;
  certificate_no: string | null;
}
export function workerTraining(q: Queryable, workerId: number): Promise<WorkerTrainingRow[]> {
  return q.query<WorkerTrainingRow>(
    `SELECT k.id AS course_id, k.title, k.organiser, ${day('k.starts_on')} AS starts_on, ${day('k.ends_on')} AS ends_on, k.mode, k.required,
            a.hours_tenths, a.passed, a.certificate_no
       FROM worker_training_attendance a JOIN worker_training_courses k ON k.id = a.course_id
      WHERE a.worker_id = $1 ORDER BY k.starts_on DESC, k.id DESC`,
    [workerId],
  );
}

/** Requirement in tenths of an hour, or undefined while the county has not set one. */
export async function requirement(q: Queryable): Promise<{ required_hours_tenths: number; updated_at: Date } | undefined> {
  const [row] = await q.query<{ required_hours_tenths: number; updated_at: Date }>('SELECT required_hours_tenths, updated_at FROM worker_training_settings WHERE id = 1');
  return row;
}

export async function setRequirement(q: Queryable, tenths: number, userId: number | null): Promise<void> {
  await q.query(
    `INSERT INTO worker_training_settings (id, required_hours_tenths, updated_by) VALUES (1, $1, $2)
     ON CONFLICT (id) DO UPDATE SET required_hours_tenths = EXCLUDED.required_hours_tenths, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [tenths, userId],
  );
}

export interface YearHoursRow extends WorkerRow {
  hours_tenths: number;
  courses: number;
}
/**
 * Every active worker in scope with the hours attended at courses starting in the year (a
 * course counts for the year it starts in), fewest hours first.
 */
export function yearHours(q: Queryable, year: number, patterns: string[]): Promise<YearHoursRow[]> {
  return q.query<YearHoursRow>(
    `SELECT ${WORKER_COLS}, coalesce(t.hours, 0)::int AS hours_tenths, coalesce(t.courses, 0)::int AS courses
       FROM ${WORKER_FROM}
       LEFT JOIN (SELECT a.worker_id, sum(a.hours_tenths) AS hours, count(*) AS courses
                    FROM worker_training_attendance a JOIN worker_training_courses k ON k.id = a.course_id
                   WHERE extract(year FROM k.starts_on)::int = $1 GROUP BY a.worker_id) t ON t.worker_id = w.id
      WHERE w.status = 'active' AND c.path LIKE ANY($2::text[])
      ORDER BY coalesce(t.hours, 0), c.path, p.name, w.id`,
    [year, patterns],
  );
}

/** A worker's hours per year (tenths), newest first. */
export function workerYears(q: Queryable, workerId: number): Promise<{ year: number; hours_tenths: number }[]> {
  return q.query<{ year: number; hours_tenths: number }>(
    `SELECT extract(year FROM k.starts_on)::int AS year, sum(a.hours_tenths)::int AS hours_tenths
       FROM worker_training_attendance a JOIN worker_training_courses k ON k.id = a.course_id
      WHERE a.worker_id = $1 GROUP BY 1 ORDER BY 1 DESC`,
    [workerId],
  );
}

export interface ExportRow extends WorkerRow {
  title: string;
  organiser: string;
  starts_on: string;
  ends_on: string;
  mode: 'online' | 'offline';
  required: boolean;
  hours_tenths: number;
  passed: boolean;
  certificate_no: string | null;
}
/** Every attendance in the year for workers in scope, for the Excel record. */
export function yearAttendance(q: Queryable, year: number, patterns: string[]): Promise<ExportRow[]> {
  return q.query<ExportRow>(
    `SELECT ${WORKER_COLS}, k.title, k.organiser, ${day('k.starts_on')} AS starts_on, ${day('k.ends_on')} AS ends_on, k.mode, k.required,
            a.hours_tenths, a.passed, a.certificate_no
       FROM worker_training_attendance a JOIN worker_training_courses k ON k.id = a.course_id JOIN ${WORKER_FROM} ON w.id = a.worker_id
      WHERE extract(year FROM k.starts_on)::int = $1 AND c.path LIKE ANY($2::text[])
      ORDER BY c.path, p.name, w.id, k.starts_on, k.id`,
    [year, patterns],
  );
}
