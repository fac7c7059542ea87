import { DEGREE_EDUCATIONS, maskIdNumber, maskPhone, type WorkerChangeDto, type WorkerDto, type WorkerEducation, type WorkerPost, type WorkerQualification, type WorkerStatus } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { matchPerson } from '../people/people.repo.js';
import { isoDate } from '../person-roles/person-ref.js';

/** SQL of the worker registry: workers with their person and community, history rows, counts. */

const DEGREES = DEGREE_EDUCATIONS as readonly string[];
const DEGREE_SQL = `w.education IN (${DEGREES.map((d) => `'${d}'`).join(', ')})`;

interface WorkerRow {
  id: number;
  person_id: number;
  name: string;
  phone: string | null;
  id_number: string | null;
  community_id: number;
  community_name: string;
  community_path: string;
  post: WorkerPost;
  grade: number;
  grade_since: string;
  position: string | null;
  batch: string;
  recruited_on: string;
  education: WorkerEducation;
  full_time_education: boolean;
  degree_major: string | null;
  qualifications: WorkerQualification[];
  service_start: string;
  service_years: number;
  years_at_grade: number;
  status: WorkerStatus;
  left_on: string | null;
  created_at: Date;
  updated_at: Date;
}

/** `$1` is today (China date): years count to today, or to the day the worker left. */
const SELECT = `w.id, w.person_id, p.name, p.phone, p.id_number, w.community_id, c.name AS community_name, c.path AS community_path,
  w.post, w.grade, ${isoDate('w.grade_since')} AS grade_since, w.position, w.batch, ${isoDate('w.recruited_on')} AS recruited_on,
  w.education, w.full_time_education, w.degree_major, w.qualifications, ${isoDate('w.service_start')} AS service_start,
  GREATEST(extract(year FROM age(COALESCE(w.left_on, $1::date), w.service_start)), 0)::int AS service_years,
  GREATEST(extract(year FROM age(COALESCE(w.left_on, $1::date), w.grade_since)), 0)::int AS years_at_grade,
  w.status, ${isoDate('w.left_on')} AS left_on, w.created_at, w.updated_at`;
const FROM = 'FROM community_workers w JOIN people p ON p.id = w.person_id JOIN nodes c ON c.id = w.community_id';

export type WorkerRecord = WorkerDto & { communityPath: string };

function toRecord(r: WorkerRow): WorkerRecord {
  const hasDegree = DEGREES.includes(r.education);
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    phone: maskPhone(r.phone),
    idNumber: maskIdNumber(r.id_number),
    communityId: r.community_id,
    communityName: r.community_name,
    communityPath: r.community_path,
    post: r.post,
    grade: r.grade,
    status: r.status,
    position: r.position,
    gradeSince: r.grade_since,
    batch: r.batch,
    recruitedOn: r.recruited_on,
    education: r.education,
    fullTimeEducation: r.full_time_education,
    degreeMajor: r.degree_major,
    qualifications: r.qualifications ?? [],
    serviceStart: r.service_start,
    serviceYears: r.service_years,
    yearsAtGrade: r.years_at_grade,
    hasDegree,
    fullTimeDegree: hasDegree && r.full_time_education,
    leftOn: r.left_on,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export interface WorkerFilter {
  scopePatterns: string[];
  subtreePath?: string | undefined;
  post?: WorkerPost | undefined;
  grade?: number | undefined;
  status?: WorkerStatus | undefined;
  education?: WorkerEducation | undefined;
  fullTimeDegree?: boolean | undefined;
  batch?: string | undefined;
  q?: string | undefined;
}

function workerWhere(today: string, f: WorkerFilter): Where {
  const where = new Where()
    .add('?::date IS NOT NULL', today)
    .add('c.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'c.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.post, 'w.post = ?', f.post)
    .addIf(f.grade, 'w.grade = ?', f.grade)
    .addIf(f.status, 'w.status = ?', f.status)
    .addIf(f.education, 'w.education = ?', f.education)
    .addIf(f.batch, 'w.batch = ?', f.batch);
  if (f.fullTimeDegree !== undefined) where.add(f.fullTimeDegree ? `(${DEGREE_SQL} AND w.full_time_education)` : `NOT (${DEGREE_SQL} AND w.full_time_education)`);
  if (f.q) matchPerson(where, f.q);
  return where;
}

export function listWorkers(q: Queryable, today: string, f: WorkerFilter, page: { page: number; pageSize: number }): Promise<Page<WorkerRecord>> {
  const where = workerWhere(today, f);
  const orderBy = "c.path, CASE w.post WHEN 'head' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, w.grade DESC, w.id";
  return pagedQuery(q, { select: SELECT, fromWhere: `${FROM} ${where}`, orderBy, params: where.params }, page, toRecord);
}

export async function getWorker(q: Queryable, today: string, id: number, opts: { forUpdate?: boolean } = {}): Promise<WorkerRecord | undefined> {
  const [row] = await q.query<WorkerRow>(`SELECT ${SELECT} ${FROM} WHERE w.id = $2${opts.forUpdate ? ' FOR UPDATE OF w' : ''}`, [today, id]);
  return row && toRecord(row);
}

export async function workerOfPerson(q: Queryable, personId: number): Promise<{ id: number; community_path: string } | undefined> {
  const [row] = await q.query<{ id: number; community_path: string }>(
    'SELECT w.id, c.path AS community_path FROM community_workers w JOIN nodes c ON c.id = w.community_id WHERE w.person_id = $1',
    [personId],
  );
  return row;
}

export async function workersOfPeople(q: Queryable, personIds: number[]): Promise<Map<number, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await q.query<{ id: number; person_id: number }>('SELECT id, person_id FROM community_workers WHERE person_id = ANY($1::int[])', [personIds]);
  return new Map(rows.map((r) => [r.person_id, r.id]));
}

export interface WorkerValues {
  communityId: number;
  post: WorkerPost;
  grade: number;
  gradeSince: string;
  position: string | null;
  batch: string;
  recruitedOn: string;
  education: WorkerEducation;
  fullTimeEducation: boolean;
  degreeMajor: string | null;
  qualifications: WorkerQualification[];
  serviceStart: string;
}

export async function insertWorker(q: Queryable, personId: number, v: WorkerValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO community_workers (person_id, community_id, post, grade, grade_since, position, batch, recruited_on, education,
       full_time_education, degree_major, qualifications, service_start)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text[], $13) RETURNING id`,
    [personId, v.communityId, v.post, v.grade, v.gradeSince, v.position, v.batch, v.recruitedOn, v.education, v.fullTimeEducation, v.degreeMajor, v.qualifications, v.serviceStart],
  );
  return row!.id;
}

export async function updateWorker(q: Queryable, id: number, v: WorkerValues & { status: WorkerStatus; leftOn: string | null }): Promise<void> {
  await q.query(
    `UPDATE community_workers SET community_id = $2, post = $3, grade = $4, grade_since = $5, position = $6, batch = $7, recruited_on = $8,
       education = $9, full_time_education = $10, degree_major = $11, qualifications = $12::text[], service_start = $13,
       status = $14, left_on = $15, updated_at = now()
     WHERE id = $1`,
    [id, v.communityId, v.post, v.grade, v.gradeSince, v.position, v.batch, v.recruitedOn, v.education, v.fullTimeEducation, v.degreeMajor, v.qualifications, v.serviceStart, v.status, v.leftOn],
  );
}

export interface ChangeValues {
  workerId: number;
  kind: WorkerChangeDto['kind'];
  fromPost: WorkerPost | null;
  toPost: WorkerPost | null;
  fromGrade: number | null;
  toGrade: number | null;
  fromCommunityId: number | null;
  toCommunityId: number | null;
  effectiveOn: string;
  reason: string;
  actorUserId: number | null;
}

export async function insertChange(q: Queryable, c: ChangeValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO community_worker_changes (worker_id, kind, from_post, to_post, from_grade, to_grade, from_community_id, to_community_id, effective_on, reason, actor_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [c.workerId, c.kind, c.fromPost, c.toPost, c.fromGrade, c.toGrade, c.fromCommunityId, c.toCommunityId, c.effectiveOn, c.reason, c.actorUserId],
  );
  return row!.id;
}

export async function historyOf(q: Queryable, workerId: number): Promise<WorkerChangeDto[]> {
  const rows = await q.query<{
    id: number; kind: WorkerChangeDto['kind']; from_post: WorkerPost | null; to_post: WorkerPost | null; from_grade: number | null; to_grade: number | null;
    from_community_name: string | null; to_community_name: string | null; effective_on: string; reason: string; actor_name: string | null; created_at: Date;
  }>(
    `SELECT h.id, h.kind, h.from_post, h.to_post, h.from_grade, h.to_grade, fc.name AS from_community_name, tc.name AS to_community_name,
            ${isoDate('h.effective_on')} AS effective_on, h.reason, u.display_name AS actor_name, h.created_at
       FROM community_worker_changes h
       LEFT JOIN nodes fc ON fc.id = h.from_community_id LEFT JOIN nodes tc ON tc.id = h.to_community_id
       LEFT JOIN users u ON u.id = h.actor_user_id
      WHERE h.worker_id = $1 ORDER BY h.effective_on DESC, h.id DESC`,
    [workerId],
  );
  return rows.map((r) => ({
    id: r.id, kind: r.kind, fromPost: r.from_post, toPost: r.to_post, fromGrade: r.from_grade, toGrade: r.to_grade,
    fromCommunityName: r.from_community_name, toCommunityName: r.to_community_name, effectiveOn: r.effective_on, reason: r.reason,
    actorName: r.actor_name, createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** Counts of the active workers under the scope (and subtree), grouped every way the console charts. */
export async function workerCounts(q: Queryable, f: { scopePatterns: string[]; subtreePath?: string | undefined }) {
  const where = new Where().add('c.path LIKE ANY(?)', f.scopePatterns).addIf(f.subtreePath, 'c.path LIKE ?', `${f.subtreePath}%`);
  const base = `FROM community_workers w JOIN nodes c ON c.id = w.community_id ${where}`;
  const active = `${base} AND w.status = 'active'`;
  const run = <T>(sql: string) => q.query<T>(sql, where.params);
  const [statuses, byPostGrade, byBatch, byEducation, byCommunity] = await Promise.all([
    run<{ status: WorkerStatus; count: number; degree: number }>(
      `SELECT w.status, count(*)::int AS count, count(*) FILTER (WHERE ${DEGREE_SQL} AND w.full_time_education)::int AS degree ${base} GROUP BY w.status`,
    ),
    run<{ post: WorkerPost; grade: number; count: number }>(`SELECT w.post, w.grade, count(*)::int AS count ${active} GROUP BY w.post, w.grade ORDER BY w.post, w.grade`),
    run<{ batch: string; count: number }>(`SELECT w.batch, count(*)::int AS count ${active} GROUP BY w.batch ORDER BY min(w.recruited_on), w.batch`),
    run<{ education: WorkerEducation; full_time: boolean; count: number }>(
      `SELECT w.education, w.full_time_education AS full_time, count(*)::int AS count ${active} GROUP BY w.education, w.full_time_education ORDER BY w.education, w.full_time_education DESC`,
    ),
    run<{ community_id: number; community_name: string; count: number }>(
      `SELECT w.community_id, c.name AS community_name, count(*)::int AS count ${active} GROUP BY w.community_id, c.name, c.path ORDER BY c.path`,
    ),
  ]);
  return { statuses, byPostGrade, byBatch, byEducation, byCommunity };
}
