import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DualMemberList, RedemptionStatsDto } from '@xj/contracts';
import { startTestApp, type TestApp } from '../test/harness.js';
import { branchOf } from '../test/fixtures.js';
import { VOLUNTEER_FIGURES } from './volunteers-seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const rows = <T>(sql: string, params: unknown[] = []) => t.db.query<T>(sql, params);
const n = async (sql: string, params: unknown[] = []) => Number((await rows<{ n: number }>(sql, params))[0]!.n);

describe('demo dual registration, volunteering and points', () => {
  it('workplace organisations at every community; an approved registration behind every dual member, at their compound', async () => {
    expect(await n('SELECT count(*)::int AS n FROM workplace_orgs')).toBeGreaterThanOrEqual(55);
    expect(await n("SELECT count(*)::int AS n FROM nodes c WHERE c.kind = 'community' AND NOT EXISTS (SELECT 1 FROM workplace_orgs w WHERE w.community_id = c.id)")).toBe(0);
    const duals = await n("SELECT count(*)::int AS n FROM party_members WHERE management = 'dual'");
    expect(duals).toBeGreaterThan(800);
    expect(await n("SELECT count(*)::int AS n FROM dual_registrations WHERE status = 'approved'")).toBe(duals);
    // Approved: the person is a dual member at that compound, under the membership named, with the workplace as approval writes it.
    expect(
      await n(
        `SELECT count(*)::int AS n FROM dual_registrations r LEFT JOIN party_members m ON m.id = r.party_member_id LEFT JOIN workplace_orgs w ON w.id = r.workplace_org_id
          WHERE r.status = 'approved' AND (m.id IS NULL OR m.person_id <> r.person_id OR m.management <> 'dual' OR m.node_id <> r.compound_id
             OR m.workplace_org <> COALESCE(w.name, r.workplace_org_name) OR r.decided_at IS NULL OR r.decided_at > now() OR r.created_at > r.decided_at)`,
      ),
    ).toBe(0);
    // A registered organisation is one of the compound's community.
    expect(
      await n(
        `SELECT count(*)::int AS n FROM dual_registrations r JOIN nodes c ON c.id = r.compound_id JOIN workplace_orgs w ON w.id = r.workplace_org_id
          WHERE w.community_id <> c.parent_id`,
      ),
    ).toBe(0);
    expect(await n("SELECT count(*)::int AS n FROM dual_registrations WHERE workplace_org_id IS NOT NULL AND status = 'approved'")).toBeGreaterThan(duals / 2);
    // Pending (on the phone, by a linked resident) and declined (with a reason) ones for people who are not dual members.
    expect(await n("SELECT count(*)::int AS n FROM dual_registrations WHERE status = 'pending'")).toBe(VOLUNTEER_FIGURES.pending);
    expect(await n("SELECT count(*)::int AS n FROM dual_registrations WHERE status = 'declined' AND decline_reason IS NOT NULL")).toBe(VOLUNTEER_FIGURES.declined);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM dual_registrations r LEFT JOIN residents res ON res.id = r.resident_id
          WHERE r.status IN ('pending','declined') AND (EXISTS (SELECT 1 FROM party_members m WHERE m.person_id = r.person_id)
             OR (r.source = 'phone') <> (res.person_id IS NOT DISTINCT FROM r.person_id AND r.resident_id IS NOT NULL))`,
      ),
    ).toBe(0);
  });

  it('a year of activities over every community and many compounds; sign-ups within capacity, attendance consistent', async () => {
    const total = await n('SELECT count(*)::int AS n FROM volunteer_activities');
    expect(total).toBeGreaterThanOrEqual(550);
    expect(total).toBeLessThanOrEqual(650);
    const months = await n("SELECT count(DISTINCT to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'))::int AS n FROM volunteer_activities WHERE starts_at < now() AND starts_at > now() - interval '1 year'");
    expect(months).toBeGreaterThanOrEqual(12);
    expect(await n("SELECT count(DISTINCT type)::int AS n FROM volunteer_activities")).toBe(6);
    expect(await n("SELECT count(*)::int AS n FROM nodes c WHERE c.kind = 'community' AND NOT EXISTS (SELECT 1 FROM volunteer_activities a JOIN nodes x ON x.id = a.node_id WHERE x.id = c.id OR x.parent_id = c.id)")).toBe(0);
    expect(await n("SELECT count(DISTINCT a.node_id)::int AS n FROM volunteer_activities a JOIN nodes x ON x.id = a.node_id WHERE x.kind = 'compound'")).toBeGreaterThan(80);
    const upcoming = await n("SELECT count(*)::int AS n FROM volunteer_activities WHERE status = 'published' AND starts_at > now()");
    expect(upcoming).toBe(VOLUNTEER_FIGURES.upcoming);
    expect(await n("SELECT count(*)::int AS n FROM volunteer_activities WHERE status = 'cancelled'")).toBeGreaterThan(5);
    expect(await n("SELECT count(*)::int AS n FROM volunteer_activities WHERE status = 'closed' AND (ends_at > now() OR closed_at < ends_at)")).toBe(0);
    expect(await n('SELECT count(DISTINCT checkin_token)::int - count(*)::int AS n FROM volunteer_activities')).toBe(0);
    expect(await n("SELECT count(*)::int AS n FROM volunteer_activities a WHERE (SELECT count(*) FROM volunteer_signups s WHERE s.activity_id = a.id AND s.status = 'signed_up') > a.capacity")).toBe(0);
    // Nothing in the future but upcoming activities; hours as the check-out computes them; no-shows only in closed activities.
    expect(await n('SELECT count(*)::int AS n FROM volunteer_signups WHERE created_at > now() OR checked_out_at > now() OR cancelled_at > now()')).toBe(0);
    expect(await n('SELECT count(*)::int AS n FROM volunteer_signups s JOIN volunteer_activities a ON a.id = s.activity_id WHERE s.hours > round(extract(epoch FROM a.ends_at - a.starts_at) / 3600, 1)')).toBe(0);
    expect(await n("SELECT count(*)::int AS n FROM volunteer_signups s JOIN volunteer_activities a ON a.id = s.activity_id WHERE s.no_show AND a.status <> 'closed'")).toBe(0);
    expect(await n("SELECT count(*)::int AS n FROM volunteer_signups s JOIN volunteer_activities a ON a.id = s.activity_id WHERE a.status = 'closed' AND s.status = 'signed_up' AND s.checked_in_at IS NULL AND NOT s.no_show")).toBe(0);
    expect(await n('SELECT count(*)::int AS n FROM volunteer_signups WHERE no_show')).toBeGreaterThan(100);
    expect(await n('SELECT count(*)::int AS n FROM volunteer_signups WHERE checked_out_at IS NOT NULL')).toBeGreaterThan(4000);
    // A members-only activity has only party members.
    expect(
      await n(
        `SELECT count(*)::int AS n FROM volunteer_signups s JOIN volunteer_activities a ON a.id = s.activity_id
          WHERE a.audience = 'members' AND NOT EXISTS (SELECT 1 FROM party_members m WHERE m.person_id = s.person_id)`,
      ),
    ).toBe(0);
  });

  it('the ledger: every attended sign-up of a linked person earned once; balances are running sums, never negative', async () => {
    expect(
      await n(
        `SELECT count(*)::int AS n FROM volunteer_signups s LEFT JOIN point_entries e ON e.id = s.points_entry_id
          WHERE s.person_id IS NOT NULL AND s.checked_out_at IS NOT NULL AND s.points IS NOT NULL
            AND (e.id IS NULL OR e.kind <> 'earn' OR e.source_type <> 'volunteer_attendance' OR e.source_id <> s.id OR e.delta <> s.points OR e.person_id <> s.person_id)`,
      ),
    ).toBe(0);
    expect(await n("SELECT count(*)::int AS n FROM point_entries WHERE source_type = 'volunteer_attendance'")).toBe(await n('SELECT count(*)::int AS n FROM volunteer_signups WHERE points_entry_id IS NOT NULL'));
    for (const source of ['consultation_participation', 'steward_duty', 'correction', 'redemption']) {
      expect(await n('SELECT count(*)::int AS n FROM point_entries WHERE source_type = $1', [source]), source).toBeGreaterThan(0);
    }
    expect(await n("SELECT count(*)::int AS n FROM point_entries WHERE kind = 'reversal'")).toBeGreaterThan(0);
    expect(
      await n(`SELECT count(*)::int AS n FROM point_entries r JOIN point_entries o ON o.id = r.reverses_entry_id WHERE r.delta <> -o.delta OR r.person_id <> o.person_id OR r.created_at < o.created_at`),
    ).toBe(0);
    // balance_after is the running sum in id order, never negative, and the account holds the sum.
    expect(
      await n(
        `SELECT count(*)::int AS n FROM (SELECT balance_after, sum(delta) OVER (PARTITION BY person_id ORDER BY id) AS running FROM point_entries) x
          WHERE balance_after <> running OR balance_after < 0`,
      ),
    ).toBe(0);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM (SELECT person_id, sum(delta) AS s FROM point_entries GROUP BY person_id) e FULL JOIN point_accounts a ON a.person_id = e.person_id
          WHERE a.balance IS DISTINCT FROM e.s`,
      ),
    ).toBe(0);
    expect(await n('SELECT count(*)::int AS n FROM point_entries WHERE created_at > now()')).toBe(0);
    // Entries in time order: ids follow created_at.
    expect(await n('SELECT count(*)::int AS n FROM (SELECT created_at, lag(created_at) OVER (ORDER BY id) AS prev FROM point_entries) x WHERE created_at < prev')).toBe(0);
  });

  it('~1,500 redemptions at the red shops, each with its used code, by the shop keeper, never the keeper\'s own', async () => {
    const count = await n('SELECT count(*)::int AS n FROM point_redemptions');
    expect(count).toBeGreaterThanOrEqual(1300);
    expect(count).toBeLessThanOrEqual(1800);
    expect(await n('SELECT count(DISTINCT shop_id)::int AS n FROM point_redemptions')).toBeGreaterThanOrEqual(35);
    expect(await n('SELECT count(*)::int AS n FROM red_shops WHERE NOT honours_points')).toBe(0);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM point_redemptions r JOIN point_redemption_codes c ON c.id = r.code_id JOIN red_shops s ON s.id = r.shop_id
           JOIN residents k ON k.id = r.keeper_resident_id LEFT JOIN point_entries e ON e.redemption_id = r.id
          WHERE c.person_id <> r.person_id OR c.used_at IS NULL OR c.closed_at IS NULL OR c.used_at > c.expires_at OR c.created_at > r.created_at
             OR k.person_id IS DISTINCT FROM s.keeper_id OR s.keeper_id = r.person_id
             OR e.id IS NULL OR e.delta <> -r.points OR e.person_id <> r.person_id OR e.created_at <> r.created_at`,
      ),
    ).toBe(0);

    const admin = await t.login('admin');
    // A year with at least three months of the demo's redemptions in it.
    const year = Number(new Date(Date.now() + 8 * 3_600_000 - 90 * 86_400_000).toISOString().slice(0, 4));
    const res = await admin.get(`/api/points/redemptions/stats?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json() as RedemptionStatsDto;
    expect(stats.data.length).toBeGreaterThan(50);
    expect(new Set(stats.data.map((s) => `${s.shopId}/${s.month}`)).size).toBe(stats.data.length);
    expect(new Set(stats.data.map((s) => s.month)).size).toBeGreaterThanOrEqual(3);
  });

  it('branch1 sees its compounds\' dual members, with their workplace, registration and service', async () => {
    const branch1 = await t.login('branch1');
    const res = await branch1.get('/api/volunteers/members?pageSize=200');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as DualMemberList;
    const { compoundIds } = await branchOf(t.db, 'branch1');
    const expected = await n("SELECT count(*)::int AS n FROM party_members WHERE management = 'dual' AND node_id = ANY($1::int[])", [compoundIds]);
    expect(expected).toBeGreaterThan(0);
    expect(list.data).toHaveLength(expected);
    for (const m of list.data) {
      expect(compoundIds).toContain(m.compoundId);
      expect(m).toMatchObject({ approvedAt: expect.any(String), registeredAt: expect.any(String), workplaceOrgName: expect.any(String) });
      expect(m.person.phone).toMatch(/\*{4}/);
    }
    expect(list.data.some((m) => m.totalHours > 0)).toBe(true);
    expect(list.data.some((m) => m.workplaceOrgId !== null)).toBe(true);
  });

  it('one summary audit row', async () => {
    const audit = await rows<{ details: Record<string, number> }>("SELECT details FROM audit_log WHERE action = 'seed.volunteers'");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ upcomingActivities: VOLUNTEER_FIGURES.upcoming, pendingRegistrations: VOLUNTEER_FIGURES.pending });
  });
});
