import type { InnovationCaseValues, InnovationFigure, InnovationStatus, OptionAttachmentType } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';

export interface CaseRow {
  id: number;
  node_id: number;
  node_name: string;
  node_path: string;
  unit_name: string;
  title: string;
  problem: string;
  method: string;
  results: string;
  figures: InnovationFigure[];
  tags: string[];
  status: InnovationStatus;
  submitted_by: number | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  review_note: string | null;
  published_at: Date | null;
  created_by: number | null;
  created_by_name: string | null;
  updated_at: Date;
}

const CASE_COLUMNS = `c.id, c.node_id, n.name AS node_name, n.path AS node_path, c.unit_name, c.title, c.problem, c.method, c.results, c.figures, c.tags,
  c.status, c.submitted_by, c.submitted_at, c.reviewed_at, c.review_note, c.published_at, c.created_by, u.display_name AS created_by_name, c.updated_at`;
const CASE_FROM = 'FROM innovation_cases c JOIN nodes n ON n.id = c.node_id LEFT JOIN users u ON u.id = c.created_by';

/** One case with its node; `forUpdate` locks the case row (inside a transaction). */
export async function getCase(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<CaseRow | undefined> {
  const [row] = await q.query<CaseRow>(`SELECT ${CASE_COLUMNS} ${CASE_FROM} WHERE c.id = $1${opts.forUpdate ? ' FOR UPDATE OF c' : ''}`, [id]);
  return row;
}

export async function insertCase(q: Queryable, v: InnovationCaseValues, userId: number | null): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO innovation_cases (node_id, unit_name, title, problem, method, results, figures, tags, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8::text[],$9) RETURNING id`,
    [v.nodeId, v.unitName, v.title, v.problem, v.method, v.results, JSON.stringify(v.figures), v.tags, userId],
  );
  return row!.id;
}

export async function updateContent(q: Queryable, id: number, v: InnovationCaseValues): Promise<void> {
  await q.query(
    `UPDATE innovation_cases SET node_id = $2, unit_name = $3, title = $4, problem = $5, method = $6, results = $7, figures = $8::jsonb, tags = $9::text[], updated_at = now()
      WHERE id = $1`,
    [id, v.nodeId, v.unitName, v.title, v.problem, v.method, v.results, JSON.stringify(v.figures), v.tags],
  );
}

/** Moves a case to `status`, with the columns of that step. */
export async function setStatus(
  q: Queryable,
  id: number,
  status: InnovationStatus,
  set: { submittedBy?: number | null; reviewedBy?: number | null; note?: string | null; published?: boolean },
): Promise<void> {
  await q.query(
    `UPDATE innovation_cases SET status = $2, updated_at = now(),
       submitted_by = CASE WHEN $3 THEN $4::int ELSE submitted_by END, submitted_at = CASE WHEN $3 THEN now() ELSE submitted_at END,
       reviewed_by = CASE WHEN $5 THEN $6::int ELSE reviewed_by END, reviewed_at = CASE WHEN $5 THEN now() ELSE reviewed_at END,
       review_note = CASE WHEN $7 THEN $8::text ELSE review_note END,
       published_at = CASE WHEN $9 THEN now() ELSE NULL END
     WHERE id = $1`,
    [id, status, set.submittedBy !== undefined, set.submittedBy ?? null, set.reviewedBy !== undefined, set.reviewedBy ?? null, set.note !== undefined, set.note ?? null, set.published === true],
  );
}

/** The library: published cases matching the text and tag, newest first. */
export async function listPublished(q: Queryable, f: { q?: string; tag?: string }, page: { page: number; pageSize: number }): Promise<Page<CaseRow>> {
  const w = publishedWhere(f);
  if (f.tag) w.add('? = ANY(c.tags)', f.tag);
  return pagedQuery<CaseRow, CaseRow>(q, { select: CASE_COLUMNS, fromWhere: `${CASE_FROM} ${w}`, orderBy: 'c.published_at DESC, c.id DESC', params: w.params }, page, (r) => r);
}

/** How many published cases (matching the text) carry each tag, most used first. */
export async function tagCounts(q: Queryable, f: { q?: string }): Promise<{ tag: string; count: number }[]> {
  const w = publishedWhere(f);
  return q.query<{ tag: string; count: number }>(
    `SELECT t.tag, count(*)::int AS count FROM innovation_cases c CROSS JOIN LATERAL unnest(c.tags) AS t(tag) ${w} GROUP BY t.tag ORDER BY count DESC, t.tag`,
    w.params,
  );
}

function publishedWhere(f: { q?: string }): Where {
  const w = new Where().add("c.status = 'published'");
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    w.add('(c.title ILIKE ? OR c.problem ILIKE ? OR c.method ILIKE ? OR c.results ILIKE ? OR c.unit_name ILIKE ?)', like, like, like, like, like);
  }
  return w;
}

/** Cases of the units in the scope: by status, or the ones still in work (draft, submitted, returned). */
export async function listInScope(q: Queryable, patterns: string[], status: InnovationStatus | undefined, page: { page: number; pageSize: number }): Promise<Page<CaseRow>> {
  const w = new Where().add('n.path LIKE ANY(?)', patterns);
  if (status) w.add('c.status = ?', status);
  else w.add("c.status IN ('draft','submitted','returned')");
  return pagedQuery<CaseRow, CaseRow>(q, { select: CASE_COLUMNS, fromWhere: `${CASE_FROM} ${w}`, orderBy: 'c.updated_at DESC, c.id DESC', params: w.params }, page, (r) => r);
}

export async function latestPublished(q: Queryable, limit: number): Promise<CaseRow[]> {
  return q.query<CaseRow>(`SELECT ${CASE_COLUMNS} ${CASE_FROM} WHERE c.status = 'published' ORDER BY c.published_at DESC, c.id DESC LIMIT $1`, [limit]);
}

// ── Attachments ──────────────────────────────────────────────────────────────────────────
export interface AttachmentRow {
  id: number;
  case_id: number;
  file_name: string;
  original_name: string;
  content_type: OptionAttachmentType;
  bytes: number;
  created_at: Date;
}

export async function attachmentsOf(q: Queryable, caseId: number): Promise<AttachmentRow[]> {
  return q.query<AttachmentRow>('SELECT id, case_id, file_name, original_name, content_type, bytes, created_at FROM innovation_attachments WHERE case_id = $1 ORDER BY id', [caseId]);
}

export async function getAttachment(q: Queryable, id: number): Promise<AttachmentRow | undefined> {
  const [row] = await q.query<AttachmentRow>('SELECT id, case_id, file_name, original_name, content_type, bytes, created_at FROM innovation_attachments WHERE id = $1', [id]);
  return row;
}

export async function insertAttachment(
  q: Queryable,
  v: { caseId: number; fileName: string; name: string; contentType: OptionAttachmentType; bytes: number; createdBy: number | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO innovation_attachments (case_id, file_name, original_name, content_type, bytes, created_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
    [v.caseId, v.fileName, v.name, v.contentType, v.bytes, v.createdBy],
  );
  return row!.id;
}

export async function deleteAttachment(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM innovation_attachments WHERE id = $1', [id]);
}
