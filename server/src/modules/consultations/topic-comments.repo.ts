import { maskPhone, type CommentDto, type CommentStatus, type ConsultationStep, type PublicCommentDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';

export interface CommentRow {
  id: number;
  topic_id: number;
  resident_id: number;
  phone: string;
  body: string;
  step: ConsultationStep | null;
  status: CommentStatus;
  hidden_reason: string | null;
  created_at: Date;
}

/** "居民（尾号1234）": the last four digits only, never the whole number. */
export const authorOf = (phone: string) => `居民（尾号${phone.slice(-4)}）`;

export async function insertComment(q: Queryable, v: { topicId: number; residentId: number; body: string; step: ConsultationStep | null }): Promise<{ id: number; created_at: Date }> {
  const [row] = await q.query<{ id: number; created_at: Date }>('INSERT INTO topic_comments (topic_id, resident_id, body, step) VALUES ($1, $2, $3, $4) RETURNING id, created_at', [
    v.topicId, v.residentId, v.body, v.step,
  ]);
  return row!;
}

export async function getComment(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<CommentRow | undefined> {
  const [row] = await q.query<CommentRow>(
    `SELECT c.id, c.topic_id, c.resident_id, r.phone, c.body, c.step, c.status, c.hidden_reason, c.created_at
       FROM topic_comments c JOIN residents r ON r.id = c.resident_id WHERE c.id = $1${opts.forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [id],
  );
  return row;
}

interface PublicRow extends CommentRow {
  mine: boolean;
  reported_by_me: boolean;
}

/** Visible comments, and the resident's own hidden ones (with the reason); newest first. */
export function listPublicComments(q: Queryable, topicId: number, residentId: number | null, page: { page: number; pageSize: number }): Promise<Page<PublicCommentDto>> {
  // $2: the resident (null without a session: visible comments only, none of them theirs).
  const params = [topicId, residentId];
  const me = '$2::int';
  return pagedQuery<PublicRow, PublicCommentDto>(
    q,
    {
      select: `c.id, c.topic_id, c.resident_id, r.phone, c.body, c.step, c.status, c.hidden_reason, c.created_at,
        COALESCE(c.resident_id = ${me}, false) AS mine,
        EXISTS (SELECT 1 FROM topic_comment_reports cr WHERE cr.comment_id = c.id AND cr.resident_id = ${me}) AS reported_by_me`,
      fromWhere: `FROM topic_comments c JOIN residents r ON r.id = c.resident_id WHERE c.topic_id = $1 AND (c.status = 'visible' OR c.resident_id = ${me})`,
      orderBy: 'c.id DESC',
      params,
    },
    page,
    (r) => ({
      id: r.id,
      author: authorOf(r.phone),
      body: r.body,
      step: r.step,
      createdAt: isoOf(r.created_at),
      mine: r.mine,
      status: r.status,
      hiddenReason: r.mine ? r.hidden_reason : null,
      reportedByMe: r.reported_by_me,
    }),
  );
}

interface ConsoleRow extends CommentRow {
  hidden_at: Date | null;
  hidden_by_name: string | null;
  reports: number;
  report_reasons: string[] | null;
}

/** Every comment of a topic for the console, hidden ones too, with their reports; newest first. */
export function listConsoleComments(
  q: Queryable,
  f: { topicId: number; status?: CommentStatus | undefined; reported?: boolean | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<CommentDto>> {
  const reported = 'EXISTS (SELECT 1 FROM topic_comment_reports cr WHERE cr.comment_id = c.id)';
  const where = new Where().add('c.topic_id = ?', f.topicId).addIf(f.status, 'c.status = ?', f.status);
  if (f.reported !== undefined) where.add(f.reported ? reported : `NOT ${reported}`);
  return pagedQuery<ConsoleRow, CommentDto>(
    q,
    {
      select: `c.id, c.topic_id, c.resident_id, r.phone, c.body, c.step, c.status, c.hidden_reason, c.created_at, c.hidden_at, u.display_name AS hidden_by_name,
        (SELECT count(*)::int FROM topic_comment_reports cr WHERE cr.comment_id = c.id) AS reports,
        (SELECT array_agg(cr.reason ORDER BY cr.created_at) FROM topic_comment_reports cr WHERE cr.comment_id = c.id) AS report_reasons`,
      fromWhere: `FROM topic_comments c JOIN residents r ON r.id = c.resident_id LEFT JOIN users u ON u.id = c.hidden_by ${where}`,
      orderBy: 'c.id DESC',
      params: where.params,
    },
    page,
    toCommentDto,
  );
}

export async function consoleComment(q: Queryable, id: number): Promise<CommentDto> {
  const page = await q.query<ConsoleRow>(
    `SELECT c.id, c.topic_id, c.resident_id, r.phone, c.body, c.step, c.status, c.hidden_reason, c.created_at, c.hidden_at, u.display_name AS hidden_by_name,
        (SELECT count(*)::int FROM topic_comment_reports cr WHERE cr.comment_id = c.id) AS reports,
        (SELECT array_agg(cr.reason ORDER BY cr.created_at) FROM topic_comment_reports cr WHERE cr.comment_id = c.id) AS report_reasons
       FROM topic_comments c JOIN residents r ON r.id = c.resident_id LEFT JOIN users u ON u.id = c.hidden_by WHERE c.id = $1`,
    [id],
  );
  return toCommentDto(page[0]!);
}

function toCommentDto(r: ConsoleRow): CommentDto {
  return {
    id: r.id,
    topicId: r.topic_id,
    authorPhone: maskPhone(r.phone)!,
    body: r.body,
    step: r.step,
    createdAt: isoOf(r.created_at),
    status: r.status,
    hiddenReason: r.hidden_reason,
    hiddenAt: r.hidden_at ? isoOf(r.hidden_at) : null,
    hiddenByName: r.hidden_by_name,
    reports: r.reports,
    reportReasons: r.report_reasons ?? [],
  };
}

/** One report per resident per comment: false when this resident had already reported it. */
export async function insertReport(q: Queryable, commentId: number, residentId: number, reason: string): Promise<boolean> {
  const rows = await q.query('INSERT INTO topic_comment_reports (comment_id, resident_id, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING comment_id', [
    commentId, residentId, reason,
  ]);
  return rows.length > 0;
}

export async function hideComment(q: Queryable, id: number, reason: string, userId: number | null): Promise<void> {
  await q.query("UPDATE topic_comments SET status = 'hidden', hidden_reason = $2, hidden_by = $3, hidden_at = now() WHERE id = $1", [id, reason, userId]);
}

/** Visible comments of a topic. */
export async function visibleCommentCount(q: Queryable, topicId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM topic_comments WHERE topic_id = $1 AND status = 'visible'", [topicId]);
  return row!.n;
}
