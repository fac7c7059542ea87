import { meetingSignInPath, PUBLIC_TOPIC_STATUSES, type ConsultationStep, type PublicTopicItemDto, type TopicStatus } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';

/**
 * Anyone may read a topic that screening accepted (active, evaluated, closed after
 * acceptance): a topic closed while still screening was never accepted and stays private.
 */
export const PUBLIC_CONDITION = 't.status = ANY(?::text[]) AND t.screened_at IS NOT NULL';
export const isPublic = (t: { status: TopicStatus; screened_at: Date | null }) =>
  (PUBLIC_TOPIC_STATUSES as readonly TopicStatus[]).includes(t.status) && t.screened_at !== null;

interface ItemRow {
  id: number;
  title: string;
  community_name: string;
  node_name: string;
  category_name: string | null;
  status: TopicStatus;
  step: ConsultationStep | null;
  supports: number;
  comments: number;
  created_at: Date;
  rejection_reason: string | null;
}

const ITEM_SELECT = `t.id, t.title, c.name AS community_name, n.name AS node_name, ac.name AS category_name, t.status, t.step, t.created_at, t.rejection_reason,
  (SELECT count(*)::int FROM topic_supports s WHERE s.topic_id = t.id) AS supports,
  (SELECT count(*)::int FROM topic_comments tc WHERE tc.topic_id = t.id AND tc.status = 'visible') AS comments`;
const ITEM_FROM = `FROM topics t JOIN nodes n ON n.id = t.node_id
  JOIN nodes c ON c.id = CASE WHEN n.kind = 'community' THEN n.id ELSE n.parent_id END
  LEFT JOIN agenda_categories ac ON ac.id = t.category_id`;

const toItem = (r: ItemRow): PublicTopicItemDto => ({
  id: r.id,
  title: r.title,
  communityName: r.community_name,
  nodeName: r.node_name,
  categoryName: r.category_name,
  status: r.status,
  step: r.step,
  supports: r.supports,
  comments: r.comments,
  createdAt: isoOf(r.created_at),
});

/** Public topics, newest first, optionally one community's. */
export function listPublicTopics(q: Queryable, f: { communityId?: number | undefined }, page: { page: number; pageSize: number }): Promise<Page<PublicTopicItemDto>> {
  const where = new Where().add(PUBLIC_CONDITION, PUBLIC_TOPIC_STATUSES).addIf(f.communityId, 'c.id = ?', f.communityId);
  return pagedQuery(q, { select: ITEM_SELECT, fromWhere: `${ITEM_FROM} ${where}`, orderBy: 't.created_at DESC, t.id DESC', params: where.params }, page, toItem);
}

/** How many topics the resident's phone page lists as theirs. */
const MINE_MAX = 100;

/** The topics a resident raised, newest first, with the screening outcome. */
export async function residentTopics(q: Queryable, residentId: number): Promise<(PublicTopicItemDto & { rejectionReason: string | null })[]> {
  const rows = await q.query<ItemRow>(`SELECT ${ITEM_SELECT} ${ITEM_FROM} WHERE t.raised_by_resident_id = $1 ORDER BY t.id DESC LIMIT $2`, [residentId, MINE_MAX]);
  return rows.map((r) => ({ ...toItem(r), rejectionReason: r.rejection_reason }));
}

/** What the topics repository's row leaves out: who raised it on the phone, and when screened. */
export async function publicFacts(q: Queryable, topicId: number): Promise<{ raised_by_resident_id: number | null; screened_at: Date | null } | undefined> {
  const [row] = await q.query<{ raised_by_resident_id: number | null; screened_at: Date | null }>('SELECT raised_by_resident_id, screened_at FROM topics WHERE id = $1', [topicId]);
  return row;
}

export async function setRaisedByResident(q: Queryable, topicId: number, residentId: number): Promise<void> {
  await q.query('UPDATE topics SET raised_by_resident_id = $2 WHERE id = $1', [topicId, residentId]);
}

/** Topics the resident raised in the last hour (the per-resident limit). */
export async function raisedInLastHour(q: Queryable, residentId: number): Promise<{ n: number; oldest: Date | null }> {
  const [row] = await q.query<{ n: number; oldest: Date | null }>(
    "SELECT count(*)::int AS n, min(created_at) AS oldest FROM topics WHERE raised_by_resident_id = $1 AND created_at > now() - interval '1 hour'",
    [residentId],
  );
  return row!;
}

/** Planned and held meetings, oldest first: place and time only, the sign-in page only while planned. */
export async function publicMeetings(q: Queryable, topicId: number): Promise<{ form: string; startsAt: string; place: string; status: string; signInPath: string | null }[]> {
  const rows = await q.query<{ form: string; starts_at: Date; place: string; status: string; signin_token: string }>(
    "SELECT form, starts_at, place, status, signin_token FROM consultation_meetings WHERE topic_id = $1 AND status IN ('planned', 'held') ORDER BY starts_at, id",
    [topicId],
  );
  return rows.map((r) => ({ form: r.form, startsAt: isoOf(r.starts_at), place: r.place, status: r.status, signInPath: r.status === 'planned' ? meetingSignInPath(r.signin_token) : null }));
}

// ── Support (支持) ───────────────────────────────────────────────────────────

/** One row per resident (the primary key): false when the resident had already supported it. */
export async function insertSupport(q: Queryable, topicId: number, residentId: number): Promise<boolean> {
  const rows = await q.query('INSERT INTO topic_supports (topic_id, resident_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING topic_id', [topicId, residentId]);
  return rows.length > 0;
}

export async function supportCount(q: Queryable, topicId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM topic_supports WHERE topic_id = $1', [topicId]);
  return row!.n;
}

export async function hasSupported(q: Queryable, topicId: number, residentId: number): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM topic_supports WHERE topic_id = $1 AND resident_id = $2', [topicId, residentId]);
  return rows.length > 0;
}
