import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketRatesDto } from '@xj/contracts';
import { startTestApp, type TestApp } from '../test/harness.js';
import { userId } from '../test/fixtures.js';
import { remindOverdueTickets } from '../modules/notifications/notifications.service.js';
import { TICKET_FIGURES } from './tickets-seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const one = async <T>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;
const countBy = async (column: string, where = 'true') =>
  Object.fromEntries((await t.db.query<{ k: string; n: number }>(`SELECT ${column} AS k, count(*)::int AS n FROM tickets WHERE ${where} GROUP BY 1`)).map((r) => [r.k, r.n]));

describe('demo tickets', () => {
  it('two years of tickets, nearly all closed, from every source and category, down to stairwells', async () => {
    const span = await one<{ n: number; days: number }>("SELECT count(*)::int AS n, extract(day FROM now() - min(created_at))::int AS days FROM tickets");
    expect(span.n).toBe(TICKET_FIGURES.tickets);
    expect(span.days).toBeGreaterThan(700);
    expect(span.days).toBeLessThanOrEqual(TICKET_FIGURES.days);

    const status = await countBy('status');
    expect(status.closed! / span.n).toBeGreaterThan(0.9);
    for (const s of ['reported', 'assigned', 'accepted', 'in_progress', 'handled', 'confirmed']) expect(status[s], s).toBeGreaterThan(0);
    const outcome = await countBy('outcome', "status = 'closed'");
    expect(outcome.closed_resolved! / status.closed!).toBeGreaterThan(0.9);
    expect(outcome.closed_unresolved).toBeGreaterThan(0);

    const source = await countBy('source');
    expect((source.community_report! + source.resident_report!) / span.n).toBeGreaterThan(0.5);
    expect(source.hotline! / span.n).toBeGreaterThan(0.15);
    expect(source.reception_day).toBeGreaterThan(0);
    expect(source.open311).toBeGreaterThan(0);
    expect(Object.keys(await countBy('category_id')).length).toBe(6);
    expect(Object.keys(await countBy('(SELECT kind FROM nodes n WHERE n.id = node_id)'))).toEqual(expect.arrayContaining(['community', 'compound', 'stairwell']));

    // Hotline cases carry their case number (and the hash a replay is compared with); Open311 ones their request.
    expect((await one<{ n: number }>("SELECT count(*)::int AS n FROM tickets WHERE source = 'hotline' AND (external_id IS NULL OR content_hash IS NULL)")).n).toBe(0);
    expect((await one<{ n: number }>("SELECT count(*)::int AS n FROM tickets t WHERE source = 'open311' AND NOT EXISTS (SELECT 1 FROM open311_requests r WHERE r.ticket_id = t.id)")).n).toBe(0);
    // Phones from the reserved test range only.
    expect((await one<{ n: number }>("SELECT count(*)::int AS n FROM tickets WHERE reporter_phone IS NOT NULL AND reporter_phone NOT LIKE '1700%'")).n).toBe(0);
  });

  it('owners are commissioners of the ticket\'s community; the demo commissioner has open work in each step', async () => {
    const foreign = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM tickets t JOIN nodes n ON n.id = t.node_id JOIN commissioners c ON c.id = t.owner_id WHERE n.path NOT LIKE '%/' || c.community_id || '/%'",
    );
    expect(foreign.n).toBe(0);
    const unowned = await one<{ n: number }>("SELECT count(*)::int AS n FROM tickets t JOIN nodes n ON n.id = t.node_id WHERE t.owner_id IS NULL AND n.kind <> 'subdistrict'");
    expect(unowned.n).toBe(0);
    const mine = await t.db.query<{ status: string }>(
      "SELECT DISTINCT t.status FROM tickets t JOIN commissioners c ON c.id = t.owner_id WHERE c.user_id = $1 AND t.status <> 'closed'",
      [await userId(t.db, 'commissioner1')],
    );
    expect(mine.map((r) => r.status).sort()).toEqual(['accepted', 'assigned', 'confirmed', 'handled', 'in_progress']);
  });

  it('timestamps follow the workflow, and every step is on the timeline in order', async () => {
    const bad = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM tickets WHERE (
         assigned_at < created_at OR accepted_at < assigned_at OR handled_at < accepted_at OR confirmed_at < handled_at OR closed_at < confirmed_at
         OR updated_at > now() OR (status = 'closed') <> (closed_at IS NOT NULL)
         OR (status NOT IN ('reported','assigned')) <> (accepted_at IS NOT NULL)
         OR (status IN ('handled','confirmed','closed') AND (handled_at IS NULL OR result_note IS NULL))
         OR (status IN ('confirmed','closed')) <> (confirmed_at IS NOT NULL) OR (confirmed_at IS NULL) <> (satisfaction IS NULL)
       ) IS TRUE`,
    );
    expect(bad.n).toBe(0);
    // The last timeline entry leads to the ticket's status; entries are in time order; each closed ticket's steps are all there.
    const timeline = await one<{ mismatched: number; unordered: number; incomplete: number; missing: number }>(
      `WITH e AS (SELECT ticket_id, kind, to_status, at, lag(at) OVER w AS prev_at, row_number() OVER (PARTITION BY ticket_id ORDER BY id DESC) AS from_end
                    FROM ticket_events WINDOW w AS (PARTITION BY ticket_id ORDER BY id))
       SELECT (SELECT count(*)::int FROM tickets t JOIN e ON e.ticket_id = t.id AND e.from_end = 1 WHERE e.to_status <> t.status) AS mismatched,
              (SELECT count(*)::int FROM e WHERE at < prev_at) AS unordered,
              (SELECT count(*)::int FROM tickets t WHERE t.status = 'closed' AND (SELECT array_agg(DISTINCT kind) FROM ticket_events x WHERE x.ticket_id = t.id)
                 @> ARRAY['reported','assigned','accepted','started','handled','closed'] IS NOT TRUE) AS incomplete,
              (SELECT count(*)::int FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events x WHERE x.ticket_id = t.id AND x.kind = 'reported' AND x.at = t.created_at)) AS missing`,
    );
    expect(timeline).toEqual({ mismatched: 0, unordered: 0, incomplete: 0, missing: 0 });
    // Ticket numbers go on from the seeded ones: the counter of each day is at its last code.
    const counters = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM tickets t JOIN ticket_code_counters c ON c.day = to_date(substr(t.code, 3, 8), 'YYYYMMDD') WHERE split_part(t.code, '-', 2)::int > c.last",
    );
    expect(counters.n).toBe(0);
  });

  it('some tickets are overdue; the county-wide rates look like a real county\'s', async () => {
    const overdue = await one<{ n: number }>("SELECT count(*)::int AS n FROM tickets WHERE deadline < now() AND status <> 'closed'");
    expect(overdue.n).toBeGreaterThanOrEqual(10);
    // The hourly reminder job copes with them, the triage queue's included.
    expect(await remindOverdueTickets(t.db)).toBeGreaterThan(0);
    const admin = await t.login('admin');
    const res = await admin.get('/api/tickets/rates?groupBy=community');
    expect(res.statusCode, res.body).toBe(200);
    const { overall } = res.json() as TicketRatesDto;
    expect(overall.response.rate).toBeGreaterThan(0.9);
    expect(overall.response.rate).toBeLessThan(0.99);
    expect(overall.onTime.rate).toBeGreaterThan(0.8);
    expect(overall.onTime.rate).toBeLessThan(0.95);
    expect(overall.satisfaction.rate).toBeGreaterThan(0.88);
    expect(overall.satisfaction.rate).toBeLessThan(0.98);
    expect(overall.strictSatisfaction.rate).toBeLessThan(overall.satisfaction.rate!);
  });

  it('twelve monthly reception days held with minutes and decisions; the next one planned with pending escalations', async () => {
    const days = await t.db.query<{ day: string; status: string; minutes: string | null; items: number; decided: number; attendees: number }>(
      `SELECT to_char(rd.day, 'YYYY-MM-DD') AS day, rd.status, rd.minutes,
              (SELECT count(*)::int FROM reception_day_items i WHERE i.reception_day_id = rd.id) AS items,
              (SELECT count(*)::int FROM reception_day_items i WHERE i.reception_day_id = rd.id AND i.decided_at IS NOT NULL) AS decided,
              (SELECT count(*)::int FROM reception_day_attendees a WHERE a.reception_day_id = rd.id) AS attendees
         FROM reception_days rd ORDER BY rd.day`,
    );
    const held = days.filter((d) => d.status === 'held');
    expect(held).toHaveLength(TICKET_FIGURES.receptionDays);
    expect(new Set(held.map((d) => d.day.slice(0, 7))).size).toBe(TICKET_FIGURES.receptionDays);
    for (const d of held) {
      expect(d.minutes).toBeTruthy();
      expect(d.items).toBeGreaterThan(0);
      expect(d.decided).toBe(d.items);
      expect(d.attendees).toBeGreaterThan(2);
    }
    const planned = days.filter((d) => d.status === 'planned');
    expect(planned).toHaveLength(1);
    expect(planned[0]!.day > held.at(-1)!.day).toBe(true);
    expect(planned[0]!.items).toBeGreaterThan(0);
    expect(planned[0]!.decided).toBe(0);

    // Escalated tickets: flagged, on the timeline, resolved exactly when decided.
    const escalations = await one<{ total: number; pending: number; inconsistent: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE e.resolved_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE NOT t.escalated OR (e.resolved_at IS NULL) <> (i.decided_at IS NULL) OR t.status = 'closed' AND e.resolved_at IS NULL
                OR NOT EXISTS (SELECT 1 FROM ticket_events x WHERE x.ticket_id = t.id AND x.kind = 'escalated')
                OR (i.decided_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ticket_events x WHERE x.ticket_id = t.id AND x.kind = 'reception_decided')))::int AS inconsistent
         FROM ticket_escalations e JOIN tickets t ON t.id = e.ticket_id JOIN reception_day_items i ON i.escalation_id = e.id`,
    );
    expect(escalations.pending).toBe(planned[0]!.items);
    expect(escalations.total).toBeGreaterThan(escalations.pending);
    expect(escalations.inconsistent).toBe(0);
    // community1 sees pending escalations of its own community.
    const community1 = await t.login('community1');
    const pending = (await community1.get('/api/reception-days/pending-escalations')).json() as { data: unknown[] };
    expect(pending.data.length).toBeGreaterThan(0);
  });

  it('a few decisions hand a ticket to the community\'s commissioner who can sign in, as the API records it', async () => {
    const rows = await t.db.query<{
      ticket_id: number; new_owner_id: number; owner_id: number; username: string; same_community: boolean; previous_owner_id: number | null; previous_has_account: boolean;
      event_to: string; event_details: Record<string, unknown>; event_at: Date; decided_at: Date; assigned_at: Date; accepted_by: number | null; accepted_at: Date | null;
      owner_user: number;
    }>(
      `SELECT i.ticket_id, i.new_owner_id, t.owner_id, u.username, u.id AS owner_user, (nc.community_id = pc.community_id) AS same_community,
              (e.details->>'previousOwnerId')::int AS previous_owner_id, pc.user_id IS NOT NULL AS previous_has_account,
              e.to_status AS event_to, e.details AS event_details, e.at AS event_at, i.decided_at, t.assigned_at,
              a.actor_user_id AS accepted_by, a.at AS accepted_at
         FROM reception_day_items i JOIN tickets t ON t.id = i.ticket_id
         JOIN commissioners nc ON nc.id = i.new_owner_id JOIN users u ON u.id = nc.user_id
         JOIN ticket_events e ON e.ticket_id = t.id AND e.kind = 'reception_decided'
         LEFT JOIN commissioners pc ON pc.id = (e.details->>'previousOwnerId')::int
         LEFT JOIN LATERAL (SELECT actor_user_id, at FROM ticket_events x WHERE x.ticket_id = t.id AND x.kind = 'accepted' AND x.id > e.id ORDER BY x.id LIMIT 1) a ON true
        WHERE i.new_owner_id IS NOT NULL ORDER BY i.decided_at`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.username))).toEqual(new Set(['commissioner1', 'commissioner2']));
    for (const r of rows) {
      // The new owner is the ticket's owner now, took it from a colleague of the same community without an account, and accepted it again.
      expect(r).toMatchObject({ owner_id: r.new_owner_id, same_community: true, previous_has_account: false, event_to: 'assigned', accepted_by: r.owner_user });
      expect(r.previous_owner_id).not.toBe(r.new_owner_id);
      expect(r.event_details).toMatchObject({ commissionerId: r.new_owner_id, previousOwnerId: r.previous_owner_id, itemId: expect.any(Number), receptionDayId: expect.any(Number) });
      expect(new Date(r.event_at).getTime()).toBe(new Date(r.decided_at).getTime());
      expect(new Date(r.assigned_at).getTime()).toBe(new Date(r.decided_at).getTime());
      expect(new Date(r.accepted_at!).getTime()).toBeGreaterThan(new Date(r.decided_at).getTime());
    }
    // commissioner2 signs in and sees the ticket handed to them.
    const commissioner2 = await t.login('commissioner2');
    const theirs = rows.find((r) => r.username === 'commissioner2')!;
    const res = await commissioner2.get(`/api/tickets/${theirs.ticket_id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['reception_decided', 'accepted']));
  });

  it('one audit row sums the seeding up, none per ticket', async () => {
    const rows = await t.db.query<{ action: string; details: Record<string, number> }>("SELECT action, details FROM audit_log WHERE action LIKE 'seed.%' OR action LIKE 'ticket.%' ORDER BY id");
    expect(rows.map((r) => r.action)).toEqual(['seed.tickets', 'seed.consultations', 'seed.volunteers', 'seed.cadreOpinions', 'seed.propertyRatings', 'seed.communityWorkers', 'seed.workerDevelopment', 'seed.workerPay', 'seed.secretaryContest', 'seed.innovation', 'seed.funding', 'seed.demo']);
    expect(rows[0]!.details).toMatchObject({ tickets: TICKET_FIGURES.tickets, receptionDays: TICKET_FIGURES.receptionDays });
  });
});
