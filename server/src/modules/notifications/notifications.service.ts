import type { NotificationDto, NotificationList, NotificationListQuery } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import type { AuthContext } from '../../platform/auth/scope.js';
import { chinaDateOf } from '../tickets/working-days.js';
import * as repo from './notifications.repo.js';

/** The overdue-reminder job's work (on the job's lock transaction); the number of reminders added. */
export function remindOverdueTickets(q: Queryable, now = new Date()): Promise<number> {
  return repo.insertOverdueReminders(q, now, chinaDateOf(now));
}

/** Each user reads and marks only their own notifications; anyone else's id is a 404. */
export class NotificationsService {
  constructor(private readonly db: Db) {}

  async list(auth: AuthContext, query: NotificationListQuery): Promise<NotificationList> {
    const unread = query.unread === undefined ? undefined : query.unread === 'true';
    const page = await repo.listOwn(this.db, auth.user.id, unread, query);
    return { ...page, unread: await repo.unreadCount(this.db, auth.user.id) };
  }

  markRead(auth: AuthContext, id: number, actor: Actor): Promise<NotificationDto> {
    return this.db.tx(async (q) => {
      const n = await repo.markRead(q, auth.user.id, id);
      if (!n) throw notFound('通知');
      await appendAudit(q, { ...actorEntry(actor), action: 'notification.read', targetType: 'notification', targetId: id, result: 'success', details: { kind: n.kind } });
      return n;
    });
  }
}
