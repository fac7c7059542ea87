import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDetailDto, MySignupDto, MyVolunteeringDto, PublicActivityDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson, expectError } from '../../test/fixtures.js';
import { ok, verifiedResident, type Resident } from '../../test/cloud-consultation.js';

/** The phone side of volunteer activities: sign-up under concurrency, QR check-in/out, hours, points. */
let t: TestApp;
let community1: Client;
let compound1: number;
let branchId: number;
beforeAll(async () => {
  // Every resident here verifies from one address.
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  community1 = await t.login('community1');
  const branch = await branchOf(t.db, 'branch1');
  compound1 = branch.compoundIds[0]!;
  branchId = branch.id;
});
afterAll(async () => t.close());

const P = '/api/public/volunteers';
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

async function publish(body: Record<string, unknown> = {}): Promise<ActivityDetailDto> {
  return ok<ActivityDetailDto>(
    await community1.post('/api/volunteers/activities', {
      nodeId: compound1, title: '小区环境大扫除', type: 'environment', description: '清理楼道杂物', place: '小区东门', startsAt: inHours(2), endsAt: inHours(5),
      capacity: 5, pointsMode: 'per_hour', points: 10, audience: 'all', ...body,
    }),
    201,
  );
}
/** Moves an activity's window (hours from now), as time passing would. */
const shift = (id: number, startsIn: number, endsIn: number) => t.db.query('UPDATE volunteer_activities SET starts_at = $2, ends_at = $3 WHERE id = $1', [id, inHours(startsIn), inHours(endsIn)]);
const checkedInAgo = (signupId: number, hours: number) => t.db.query('UPDATE volunteer_signups SET checked_in_at = $2 WHERE id = $1', [signupId, inHours(-hours)]);

let phoneSeq = 0;
const plainResident = () => verifiedResident(t, `1393300${String(++phoneSeq).padStart(4, '0')}`);
/** A resident whose phone belongs to a registry person (linked at verification); a party member when asked. */
async function linkedResident(member = false): Promise<{ r: Resident; personId: number }> {
  // A phone of its own: the demo registry's phones share fixtures' test range.
  const phone = `1394400${String(++phoneSeq).padStart(4, '0')}`;
  const person = { ...(await createPerson(community1, compound1, { name: member ? '志愿党员' : '志愿居民', extra: { phone } })), phone };
  if (member) {
    ok(await community1.post('/api/party-members', { personId: person.id, status: 'full', joinedDate: '2015-07-01', branchId, management: 'direct', nodeId: compound1 }), 201);
  }
  const r = await verifiedResident(t, person.phone);
  expect(await count(t.db, 'SELECT count(*) FROM residents WHERE phone = $1 AND person_id = $2', [person.phone, person.id])).toBe(1);
  return { r, personId: person.id };
}

describe('public activities', () => {
  it('anyone sees upcoming published activities (no personal data); cancelled and unknown ones are not listed', async () => {
    const a = await publish({ title: '公开可见的活动' });
    const gone = await publish({ title: '已取消的活动' });
    ok(await community1.post(`/api/volunteers/activities/${gone.id}/cancel`, { reason: '天气原因' }));
    const list = ok<{ data: PublicActivityDto[] }>(await t.inject({ method: 'GET', url: `${P}/activities?pageSize=200` }));
    expect(list.data.map((x) => x.id)).toContain(a.id);
    expect(list.data.map((x) => x.id)).not.toContain(gone.id);
    const one = ok<PublicActivityDto & Record<string, unknown>>(await t.inject({ method: 'GET', url: `${P}/activities/${a.id}` }));
    expect(one).toMatchObject({ id: a.id, title: '公开可见的活动', capacity: 5, signedUpCount: 0, full: false, status: 'published' });
    expect(one.checkinToken).toBeUndefined();
    expectError(await t.inject({ method: 'GET', url: `${P}/activities/2147483647` }), 404, 'NOT_FOUND');
    // Writes need a verified resident.
    expectError(await t.inject({ method: 'POST', url: `${P}/activities/${a.id}/signup` }), 401, 'RESIDENT_UNVERIFIED');
  });
});

describe('signing up', () => {
  it('20 concurrent sign-ups for 5 places: exactly 5 succeed, the rest are ACTIVITY_FULL', async () => {
    const a = await publish({ capacity: 5 });
    const residents: Resident[] = [];
    for (let i = 0; i < 20; i++) residents.push(await plainResident());
    const results = await Promise.all(residents.map((r) => r.post(`${P}/activities/${a.id}/signup`)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(15);
    for (const r of refused) expectError(r, 409, 'ACTIVITY_FULL');
    expect(await count(t.db, "SELECT count(*) FROM volunteer_signups WHERE activity_id = $1 AND status = 'signed_up'", [a.id])).toBe(5);
    const pub = ok<PublicActivityDto>(await t.inject({ method: 'GET', url: `${P}/activities/${a.id}` }));
    expect(pub).toMatchObject({ signedUpCount: 5, full: true });
  });

  it('a second sign-up answers the first; cancelling before the start frees the place; after the start both are refused', async () => {
    const a = await publish({ capacity: 1 });
    const r = await plainResident();
    const first = ok<MySignupDto>(await r.post(`${P}/activities/${a.id}/signup`), 201);
    expect(first).toMatchObject({ status: 'signed_up', checkedInAt: null, hours: null, activity: { id: a.id, title: a.title } });
    expect(ok<MySignupDto>(await r.post(`${P}/activities/${a.id}/signup`)).signupId).toBe(first.signupId);
    const other = await plainResident();
    expectError(await other.post(`${P}/activities/${a.id}/signup`), 409, 'ACTIVITY_FULL');
    expect(ok<MySignupDto>(await r.delete(`${P}/activities/${a.id}/signup`)).status).toBe('cancelled');
    expectError(await r.delete(`${P}/activities/${a.id}/signup`), 404, 'NOT_FOUND');
    const taken = ok<MySignupDto>(await other.post(`${P}/activities/${a.id}/signup`), 201);
    await shift(a.id, -0.5, 2);
    expectError(await other.delete(`${P}/activities/${a.id}/signup`), 409, 'CONFLICT');
    expectError(await r.post(`${P}/activities/${a.id}/signup`), 409, 'CONFLICT');
    expect(ok<MyVolunteeringDto>(await other.get(`${P}/me`)).signups.map((s) => s.signupId)).toEqual([taken.signupId]);
    // Resident writes are audited with the resident (masked phone) as the actor.
    const audits = await t.db.query<{ actor_user_id: number | null; actor_name: string }>(
      "SELECT actor_user_id, actor_name FROM audit_log WHERE action IN ('volunteerActivity.signUp', 'volunteerActivity.cancelSignUp') AND target_id = $1",
      [String(a.id)],
    );
    expect(audits).toHaveLength(3);
    for (const row of audits) expect(row).toMatchObject({ actor_user_id: null, actor_name: expect.stringMatching(/^居民 1\d{2}\*{4}\d{4}$/) });
  });

  it('a members-only activity refuses a resident who is not a party member (403) and takes a member', async () => {
    const a = await publish({ audience: 'members' });
    expectError(await (await plainResident()).post(`${P}/activities/${a.id}/signup`), 403, 'FORBIDDEN');
    expectError(await (await linkedResident(false)).r.post(`${P}/activities/${a.id}/signup`), 403, 'FORBIDDEN');
    const member = await linkedResident(true);
    expect(ok<MySignupDto>(await member.r.post(`${P}/activities/${a.id}/signup`), 201).status).toBe('signed_up');
    expect(await count(t.db, 'SELECT count(*) FROM volunteer_signups WHERE activity_id = $1 AND person_id = $2', [a.id, member.personId])).toBe(1);
  });
});

describe('QR check-in and check-out', () => {
  it('opens 30 minutes before the start; hours are check-out minus check-in, capped and rounded down to 0.1 h; repeats answer the same times', async () => {
    const a = await publish({ startsAt: inHours(2), endsAt: inHours(5) });
    const r = await plainResident();
    const stranger = await plainResident();
    const s = ok<MySignupDto>(await r.post(`${P}/activities/${a.id}/signup`), 201);
    expect(expectError(await r.post(`${P}/checkin/${a.checkinToken}`), 409, 'CONFLICT').details).toMatchObject({ reason: 'not_open' });
    expectError(await r.post(`${P}/checkout/${a.checkinToken}`), 409, 'CONFLICT');
    await shift(a.id, 0.4, 3.4); // 24 minutes ahead: open
    expect(expectError(await stranger.post(`${P}/checkin/${a.checkinToken}`), 409, 'CONFLICT').details).toMatchObject({ reason: 'not_signed_up' });
    const inside = ok<MySignupDto>(await r.post(`${P}/checkin/${a.checkinToken}`));
    expect(inside.checkedInAt).not.toBeNull();
    expect(ok<MySignupDto>(await r.post(`${P}/checkin/${a.checkinToken}`)).checkedInAt).toBe(inside.checkedInAt);
    await shift(a.id, -2, 1);
    await checkedInAgo(s.signupId, 1.5);
    const out = ok<MySignupDto>(await r.post(`${P}/checkout/${a.checkinToken}`));
    expect(out.hours).toBe(1.5);
    expect(out.points).toBeNull(); // no registry person linked: no points
    const again = ok<MySignupDto>(await r.post(`${P}/checkout/${a.checkinToken}`));
    expect(again).toMatchObject({ checkedOutAt: out.checkedOutAt, hours: 1.5 });
    expectError(await r.post(`${P}/checkin/A${a.checkinToken.slice(1, -1)}A`), 404, 'NOT_FOUND');
  });

  it('hours are capped to the activity\'s length, and check-out closes 2 hours after the end', async () => {
    const a = await publish();
    const early = await plainResident();
    const late = await plainResident();
    const s1 = ok<MySignupDto>(await early.post(`${P}/activities/${a.id}/signup`), 201);
    const s2 = ok<MySignupDto>(await late.post(`${P}/activities/${a.id}/signup`), 201);
    await shift(a.id, -1, 1); // a 2-hour activity under way
    ok(await early.post(`${P}/checkin/${a.checkinToken}`));
    ok(await late.post(`${P}/checkin/${a.checkinToken}`));
    await checkedInAgo(s1.signupId, 5);
    expect(ok<MySignupDto>(await early.post(`${P}/checkout/${a.checkinToken}`)).hours).toBe(2);
    await shift(a.id, -5, -2.5);
    expect(expectError(await late.post(`${P}/checkout/${a.checkinToken}`), 409, 'CONFLICT').details).toMatchObject({ reason: 'closed' });
    expect(await count(t.db, 'SELECT count(*) FROM volunteer_signups WHERE id = $1 AND checked_out_at IS NULL', [s2.signupId])).toBe(1);
    const audits = await t.db.query<{ actor_name: string; details: { via: string } }>("SELECT actor_name, details FROM audit_log WHERE action = 'volunteerActivity.checkOut' AND target_id = $1", [String(a.id)]);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details.via).toBe('qr');
  });

  it('a linked resident\'s check-out records the hours and credits the points to the person (per hour and per activity)', async () => {
    const { r, personId } = await linkedResident(true);
    const perHour = await publish({ pointsMode: 'per_hour', points: 10 });
    const perActivity = await publish({ pointsMode: 'per_activity', points: 8 });
    const ids: Record<string, number> = {};
    for (const a of [perHour, perActivity]) {
      ids[a.pointsMode] = ok<MySignupDto>(await r.post(`${P}/activities/${a.id}/signup`), 201).signupId;
      await shift(a.id, -2, 1);
      ok(await r.post(`${P}/checkin/${a.checkinToken}`));
      await checkedInAgo(ids[a.pointsMode]!, 1.55);
    }
    const hourly = ok<MySignupDto>(await r.post(`${P}/checkout/${perHour.checkinToken}`));
    expect(hourly).toMatchObject({ hours: 1.5, points: 15 });
    const once = ok<MySignupDto>(await r.post(`${P}/checkout/${perActivity.checkinToken}`));
    expect(once).toMatchObject({ hours: 1.5, points: 8 });
    const entries = await t.db.query<{ delta: number; rule_code: string; source_id: string }>(
      "SELECT delta, rule_code, source_id::text FROM point_entries WHERE person_id = $1 AND source_type = 'volunteer_attendance' ORDER BY id",
      [personId],
    );
    expect(entries).toEqual([
      { delta: 15, rule_code: 'volunteer_hour', source_id: String(ids.per_hour) },
      { delta: 8, rule_code: 'volunteer_activity', source_id: String(ids.per_activity) },
    ]);
    expect((await t.db.query<{ balance: number }>('SELECT balance FROM point_accounts WHERE person_id = $1', [personId]))[0]?.balance).toBe(23);
    // A repeated check-out credits nothing more.
    ok(await r.post(`${P}/checkout/${perHour.checkinToken}`));
    expect(await count(t.db, 'SELECT count(*) FROM point_entries WHERE person_id = $1', [personId])).toBe(2);
    const me = ok<MyVolunteeringDto>(await r.get(`${P}/me`));
    expect(me.totals).toEqual({ activities: 2, hours: 3, points: 23 });
  });
});
