import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList, TicketDetailDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { expectError, userId } from '../../test/fixtures.js';
import { remindOverdueTickets } from './notifications.service.js';

let t: TestApp;
let community1: Client;
let commissioner1: Client;
let admin: Client;
let ticket: TicketDetailDto;

const one = async <T = { id: number }>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;
/** The job's run function, on a transaction as the scheduler gives it. */
const runJob = (now = new Date()) => t.db.tx((q) => remindOverdueTickets(q, now));
const recipientsOf = async (ticketId: number) =>
  (await t.db.query<{ user_id: number }>('SELECT user_id FROM notifications WHERE ticket_id = $1 ORDER BY user_id', [ticketId])).map((r) => r.user_id);

beforeAll(async () => {
  t = await startTestApp();
  [community1, commissioner1, admin] = await Promise.all([t.login('community1'), t.login('commissioner1'), t.login('admin')]);
  const community = (await one('SELECT node_id AS id FROM grants WHERE user_id = $1', [await userId(t.db, 'community1')])).id;
  const category = (await one("SELECT id FROM ticket_categories WHERE code = 'repair'")).id;
  const res = await community1.post('/api/tickets', { source: 'community_report', categoryId: category, nodeId: community, description: '小区大门道闸损坏' });
  expect(res.statusCode, res.body).toBe(201);
  ticket = res.json();
  // Overdue since yesterday (a test shortcut for five working days passing).
  await t.db.query("UPDATE tickets SET deadline = now() - interval '1 day' WHERE id = $1", [ticket.id]);
});
afterAll(async () => t.close());

describe('overdue reminders', () => {
  it('remind the owner and the community secretaries once per ticket and day', async () => {
    const expected = [
      await userId(t.db, 'commissioner1'),
      ...(await t.db.query<{ user_id: number }>("SELECT user_id FROM grants WHERE role = 'community_secretary' AND node_id = $1", [ticket.communityId])).map((r) => r.user_id),
    ].sort((a, b) => a - b);
    expect(expected).toContain(await userId(t.db, 'community1'));
    expect(ticket.owner?.userId).toBe(await userId(t.db, 'commissioner1'));

    expect(await runJob()).toBeGreaterThanOrEqual(expected.length);
    expect(await recipientsOf(ticket.id)).toEqual(expected);
    // Again the same day: nothing new (for any ticket).
    expect(await runJob()).toBe(0);
    expect(await recipientsOf(ticket.id)).toEqual(expected);
    // The next day: one more each.
    await runJob(new Date(Date.now() + 86_400_000));
    expect(await recipientsOf(ticket.id)).toEqual(expected.flatMap((u) => [u, u]));
  });

  it('closed or not yet overdue tickets get no reminder', async () => {
    const [row] = await t.db.query<{ id: number }>("SELECT id FROM tickets WHERE id <> $1 AND deadline > now() AND status <> 'closed' LIMIT 1", [ticket.id]);
    if (row) expect(await recipientsOf(row.id)).toEqual([]);
    const before = (await recipientsOf(ticket.id)).length;
    await t.db.query("UPDATE tickets SET status = 'closed', outcome = 'closed_resolved', closed_at = now() WHERE id = $1", [ticket.id]);
    await runJob(new Date(Date.now() + 2 * 86_400_000));
    expect((await recipientsOf(ticket.id)).length).toBe(before);
    await t.db.query("UPDATE tickets SET status = 'assigned', outcome = NULL, closed_at = NULL WHERE id = $1", [ticket.id]);
  });
});

describe('GET /api/notifications and POST /api/notifications/:id/read', () => {
  it('each user sees only their own, unread first, and marks them read; another user’s id is a 404', async () => {
    // Other overdue tickets (demo data) may remind the same user: look at this ticket's.
    const mine = (l: NotificationList) => l.data.filter((n) => n.ticketId === ticket.id);
    const all = (await commissioner1.get('/api/notifications?pageSize=200')).json() as NotificationList;
    const list = { ...all, data: mine(all) };
    expect(list.data.length).toBe(2);
    expect(list.data.every((n) => n.ticketCode === ticket.code && n.kind === 'ticket_overdue' && n.readAt === null)).toBe(true);
    expect(list.data[0]!.message).toContain(ticket.code);
    expect(list.data[0]!.message).toMatch(/超过办理期限/);

    // Mark the newest read: the older unread one now comes first.
    const newest = list.data[0]!;
    const read = await commissioner1.post(`/api/notifications/${newest.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const after = (await commissioner1.get('/api/notifications?pageSize=200')).json() as NotificationList;
    expect(after.unread).toBe(all.unread - 1);
    expect(mine(after).map((n) => n.id)).toEqual([list.data[1]!.id, newest.id]);
    // Unread first: every unread one comes before the first read one.
    const firstRead = after.data.findIndex((n) => n.readAt !== null);
    expect(after.data.slice(firstRead).every((n) => n.readAt !== null)).toBe(true);
    expect(mine((await commissioner1.get('/api/notifications?unread=true&pageSize=200')).json() as NotificationList).map((n) => n.id)).toEqual([list.data[1]!.id]);
    const audit = await one<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'notification.read' AND target_id = $1", [String(newest.id)]);
    expect(audit.n).toBe(1);

    // Someone else's notification: not found, and not marked.
    expectError(await community1.post(`/api/notifications/${list.data[1]!.id}/read`), 404, 'NOT_FOUND');
    expect(((await commissioner1.get('/api/notifications')).json() as NotificationList).unread).toBe(all.unread - 1);
    // The county admin is neither owner nor secretary: no reminders.
    expect(((await admin.get('/api/notifications')).json() as NotificationList).data).toEqual([]);
    expect((await t.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});
