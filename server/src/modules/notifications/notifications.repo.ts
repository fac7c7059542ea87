import type { NotificationDto, NotificationKind } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';

interface NotificationRow {
  id: string | number;
  kind: NotificationKind;
  ticket_id: number | null;
  ticket_code: string | null;
  message: string;
  created_at: Date;
  read_at: Date | null;
}

const toDto = (r: NotificationRow): NotificationDto => ({
  id: Number(r.id),
  kind: r.kind,
  ticketId: r.ticket_id,
  ticketCode: r.ticket_code,
  message: r.message,
  createdAt: isoOf(r.created_at),
  readAt: r.read_at && isoOf(r.read_at),
});

const COLUMNS = 'x.id, x.kind, x.ticket_id, t.code AS ticket_code, x.message, x.created_at, x.read_at';
const FROM = 'FROM notifications x LEFT JOIN tickets t ON t.id = x.ticket_id';

/** The user's own notifications, unread first, then newest first. */
export function listOwn(q: Queryable, userId: number, unread: boolean | undefined, page: { page: number; pageSize: number }): Promise<Page<NotificationDto>> {
  const where = new Where().add('x.user_id = ?', userId);
  if (unread !== undefined) where.add(unread ? 'x.read_at IS NULL' : 'x.read_at IS NOT NULL');
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: '(x.read_at IS NOT NULL), x.created_at DESC, x.id DESC', params: where.params }, page, toDto);
}

export async function unreadCount(q: Queryable, userId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
  return row!.n;
}

/** Marks one of the user's notifications read (kept as first read); undefined when it is not theirs. */
export async function markRead(q: Queryable, userId: number, id: number): Promise<NotificationDto | undefined> {
  const [row] = await q.query<{ id: number }>('UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id', [id, userId]);
  if (!row) return undefined;
  const [full] = await q.query<NotificationRow>(`SELECT ${COLUMNS} ${FROM} WHERE x.id = $1`, [id]);
  return toDto(full!);
}

/**
 * One overdue reminder per open overdue ticket, recipient and China day: to the owner's user
 * and to every community secretary granted at the ticket's community (enabled accounts only).
 * The unique index makes a second run on the same day add nothing. Returns the rows added.
 */
export async function insertOverdueReminders(q: Queryable, now: Date, chinaDay: string): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `WITH overdue AS (
       SELECT t.id, t.code, t.owner_id, c.name AS category, cm.id AS community_id, cm.name AS community,
              to_char(t.deadline AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM-DD HH24:MI') AS due
         FROM tickets t JOIN ticket_categories c ON c.id = t.category_id JOIN nodes n ON n.id = t.node_id
         JOIN nodes cm ON cm.id = CASE WHEN n.depth >= 2 THEN split_part(n.path, '/', 4)::int ELSE n.id END
        WHERE t.status <> 'closed' AND t.deadline < $1
     ), recipients AS (
       SELECT o.id AS ticket_id, cmr.user_id, o.code, o.category, o.community, o.due, '负责' AS why
         FROM overdue o JOIN commissioners cmr ON cmr.id = o.owner_id WHERE cmr.user_id IS NOT NULL
       UNION
       SELECT o.id, g.user_id, o.code, o.category, o.community, o.due, '督办'
         FROM overdue o JOIN grants g ON g.node_id = o.community_id AND g.role = 'community_secretary'
     )
     INSERT INTO notifications (user_id, kind, ticket_id, message, day)
     SELECT r.user_id, 'ticket_overdue', r.ticket_id,
            format('您%s的工单 %s（%s，%s）已超过办理期限 %s，请尽快办理。', r.why, r.code, r.category, r.community, r.due), $2::date
       FROM recipients r JOIN users u ON u.id = r.user_id WHERE NOT u.disabled
     ON CONFLICT (kind, ticket_id, user_id, day) DO NOTHING
     RETURNING id`,
    [now, chinaDay],
  );
  return rows.length;
}
