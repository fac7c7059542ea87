import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson } from '../../test/fixtures.js';
import { ok } from '../../test/cloud-consultation.js';
import { balance, expectLedgerConsistent } from '../../test/points.js';
import { creditStewardDuty, previousChinaMonth } from './steward-duty.js';

let t: TestApp;
let admin: Client;
let branch1: Client;
let compound1: number;
let stairwell: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  branch1 = await t.login('branch1');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  // The demo's 1,935 stewards would be credited too; dated after the months used here, they are not.
  await t.db.query("UPDATE stewards SET since = '2031-01-01'");
  [{ id: stairwell }] = (await t.db.query<{ id: number }>(
    "SELECT w.id FROM nodes w WHERE w.kind = 'stairwell' AND w.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' ORDER BY w.id LIMIT 1",
    [compound1],
  )) as [{ id: number }];
});
afterAll(async () => t.close());

/** A person made steward of compound1 since `since`; answers the person and the steward ids. */
async function steward(name: string, since: string): Promise<{ personId: number; stewardId: number }> {
  const person = await createPerson(branch1, compound1, { name });
  const s = ok<{ id: number }>(await branch1.post('/api/stewards', { personId: person.id, compoundId: compound1, stairwellIds: [stairwell], since }), 201);
  return { personId: person.id, stewardId: s.id };
}
const dutyEntries = (personId: number) =>
  t.db.query<{ source_id: string; delta: number; note: string }>(
    "SELECT source_id::text, delta, note FROM point_entries WHERE person_id = $1 AND rule_code = 'steward_duty' AND source_type = 'steward_duty' ORDER BY id",
    [personId],
  );
const run = (now: Date) => t.db.tx((q) => creditStewardDuty(q, now));
const runAudits = () => count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'points.stewardDuty'");

describe('previousChinaMonth', () => {
  it('is the month before the China-time month, across a year end', () => {
    // 2027-01-01 00:30 in China is still 2026-12-31 in UTC.
    expect(previousChinaMonth(new Date('2026-12-31T16:30:00Z'))).toMatchObject({ firstDay: '2026-12-01', key: 202612 });
    expect(previousChinaMonth(new Date('2026-12-31T15:30:00Z'))).toMatchObject({ firstDay: '2026-11-01', key: 202611 });
    expect(previousChinaMonth(new Date('2030-03-15T04:00:00Z'))).toMatchObject({ firstDay: '2030-02-01', key: 203002, year: 2030, month: 2 });
  });
});

describe('monthly steward duty (楼栋管家履职)', () => {
  it('credits the stewards in post for the whole previous month, once; not those who started later or left', async () => {
    // The run on 2030-03-01 09:00 China time credits February 2030.
    const now = new Date('2030-03-01T01:00:00Z');
    const whole = await steward('全月管家', '2029-06-01');
    const fromFirst = await steward('月初上任管家', '2030-02-01');
    const late = await steward('月中上任管家', '2030-02-10');
    const left = await steward('已离任管家', '2028-01-01');
    ok(await branch1.delete(`/api/stewards/${left.stewardId}`));

    const audits = await runAudits();
    const credited = await run(now);
    expect(credited).toBe(2);
    for (const s of [whole, fromFirst]) {
      expect(await dutyEntries(s.personId)).toEqual([{ source_id: '203002', delta: 20, note: '2030年2月楼栋管家履职' }]);
      expect(await balance(t, s.personId)).toBe(20);
    }
    expect(await dutyEntries(late.personId)).toEqual([]);
    expect(await dutyEntries(left.personId)).toEqual([]);
    expect(await runAudits()).toBe(audits + 1);
    const [audit] = await t.db.query<{ details: { month: string; credited: number } }>("SELECT details FROM audit_log WHERE action = 'points.stewardDuty' ORDER BY id DESC LIMIT 1");
    expect(audit!.details).toMatchObject({ month: '2030-02', credited });

    // Hourly reruns in the same month credit nobody again and write no audit row.
    expect(await run(new Date('2030-03-01T02:00:00Z'))).toBe(0);
    expect(await run(new Date('2030-03-20T02:00:00Z'))).toBe(0);
    expect(await dutyEntries(whole.personId)).toHaveLength(1);
    expect(await runAudits()).toBe(audits + 1);

    // The next month: the steward who started mid-February has now served all of March.
    expect(await run(new Date('2030-04-01T01:00:00Z'))).toBe(3);
    expect((await dutyEntries(late.personId)).map((e) => e.source_id)).toEqual(['203003']);
    expect((await dutyEntries(whole.personId)).map((e) => e.source_id)).toEqual(['203002', '203003']);
    await expectLedgerConsistent(t);
  });

  it('credits nothing while the rule is inactive', async () => {
    const s = await steward('规则停用管家', '2029-01-01');
    ok(await admin.patch('/api/points/rules/steward_duty', { active: false }));
    try {
      expect(await run(new Date('2030-05-01T01:00:00Z'))).toBe(0);
      expect(await dutyEntries(s.personId)).toEqual([]);
    } finally {
      ok(await admin.patch('/api/points/rules/steward_duty', { active: true }));
    }
  });
});
