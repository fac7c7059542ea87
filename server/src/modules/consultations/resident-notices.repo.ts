import type { ResidentNoticeDto, ResidentNoticeKind } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { isoOf } from '../person-roles/person-ref.js';

/** How many of a resident's newest notices the phone page lists. */
const LIST_MAX = 100;

export interface NoticeValues {
  residentId: number;
  kind: ResidentNoticeKind;
  topicId: number | null;
  commentId: number | null;
  text: string;
}

export async function insertNotice(q: Queryable, v: NoticeValues): Promise<void> {
  await q.query('INSERT INTO resident_notices (resident_id, kind, topic_id, comment_id, text) VALUES ($1, $2, $3, $4, $5)', [
    v.residentId, v.kind, v.topicId, v.commentId, v.text,
  ]);
}

/** Tells the resident who raised the topic on the phone (if one did); nothing for topics raised on the console. */
export async function noticeTopicRaiser(q: Queryable, topicId: number, kind: ResidentNoticeKind, text: string): Promise<void> {
  await q.query(
    `INSERT INTO resident_notices (resident_id, kind, topic_id, text)
     SELECT raised_by_resident_id, $2, id, $3 FROM topics WHERE id = $1 AND raised_by_resident_id IS NOT NULL`,
    [topicId, kind, text],
  );
}

export async function listNotices(q: Queryable, residentId: number): Promise<{ data: ResidentNoticeDto[]; unread: number }> {
  const rows = await q.query<{ id: number; kind: ResidentNoticeKind; topic_id: number | null; text: string; created_at: Date; read_at: Date | null }>(
    'SELECT id, kind, topic_id, text, created_at, read_at FROM resident_notices WHERE resident_id = $1 ORDER BY id DESC LIMIT $2',
    [residentId, LIST_MAX],
  );
  const [c] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM resident_notices WHERE resident_id = $1 AND read_at IS NULL', [residentId]);
  return {
    data: rows.map((r) => ({ id: r.id, kind: r.kind, topicId: r.topic_id, text: r.text, createdAt: isoOf(r.created_at), read: r.read_at !== null })),
    unread: c!.n,
  };
}

/** Marks every unread notice of the resident read; returns how many. */
export async function markAllRead(q: Queryable, residentId: number): Promise<number> {
  const rows = await q.query('UPDATE resident_notices SET read_at = now() WHERE resident_id = $1 AND read_at IS NULL RETURNING id', [residentId]);
  return rows.length;
}
