import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PointCorrectionDto, PointLeaderboardDto, PointLedgerDto, PointRuleDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError } from '../../test/fixtures.js';
import { ok } from '../../test/cloud-consultation.js';
import { balance, expectLedgerConsistent, member } from '../../test/points.js';
import { earnPoints } from './points.ledger.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
/** A compound of community1's community, and one of another community (branch2's). */
let compound1: number;
let compound2: number;
const actor = { userId: null, name: '测试', ip: null };

beforeAll(async () => {
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  admin = await t.login('admin');
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
});
afterAll(async () => t.close());

const earn = (personId: number, ruleCode: string, sourceId: number, extra: { units?: number; points?: number } = {}) =>
  t.db.tx((q) => earnPoints(q, { personId, ruleCode, source: { type: 'volunteer_attendance', id: sourceId }, actor, ...extra }));
const ledger = async (c: Client, personId: number) => ok<PointLedgerDto>(await c.get(`/api/points/people/${personId}/ledger`));
const adjust = (c: Client, personId: number, delta: number, reason = '测试调整') => c.post(`/api/points/people/${personId}/adjustments`, { delta, reason });
const reverse = (c: Client, personId: number, entryId: number, reason = '录入错误') => c.post(`/api/points/people/${personId}/reversals`, { entryId, reason });

describe('earnPoints (the ledger entry point other modules call)', () => {
  it('rule points × units, rounded half up, or explicit points; idempotent per person, rule and source', async () => {
    const p = await member(t, admin, compound1);
    expect(await earn(p.id, 'volunteer_hour', 1, { units: 2.5 })).toMatchObject({ points: 25 });
    expect(await earn(p.id, 'volunteer_hour', 2, { units: 0.05 })).toMatchObject({ points: 1 });
    expect(await earn(p.id, 'volunteer_activity', 3)).toMatchObject({ points: 5 });
    expect(await earn(p.id, 'volunteer_hour', 4, { points: 7 })).toMatchObject({ points: 7 });
    // The same source under the same rule, again: nothing.
    expect(await earn(p.id, 'volunteer_hour', 1, { units: 2.5 })).toBeNull();
    expect(await earn(p.id, 'volunteer_hour', 4, { points: 7 })).toBeNull();
    // Zero points: no entry.
    expect(await earn(p.id, 'volunteer_hour', 5, { units: 0.01 })).toBeNull();
    expect(await balance(t, p.id)).toBe(38);
    expect(await count(t.db, 'SELECT count(*) FROM point_entries WHERE person_id = $1', [p.id])).toBe(4);
    await expectLedgerConsistent(t);
  });

  it('an inactive rule earns nothing; the county configures rules, others may not', async () => {
    const p = await member(t, admin, compound1);
    const rules = ok<{ data: PointRuleDto[] }>(await branch1.get('/api/points/rules')).data;
    expect(rules.map((r) => r.code).sort()).toEqual(['consultation_comment', 'consultation_vote', 'meeting_attendance', 'steward_duty', 'volunteer_activity', 'volunteer_hour']);
    expect(rules.find((r) => r.code === 'steward_duty')).toMatchObject({ unit: 'month', points: 20, isDefault: true, active: true });
    expectError(await community1.patch('/api/points/rules/consultation_vote', { active: false }), 403, 'FORBIDDEN');
    expectError(await admin.patch('/api/points/rules/no_such_rule', { active: false }), 404, 'NOT_FOUND');
    expectError(await admin.patch('/api/points/rules/consultation_vote', {}), 400, 'VALIDATION_FAILED');
    expectError(await admin.patch('/api/points/rules/consultation_vote', { points: -1 }), 400, 'VALIDATION_FAILED');
    const off = ok<PointRuleDto>(await admin.patch('/api/points/rules/consultation_vote', { active: false, points: 3 }));
    expect(off).toMatchObject({ active: false, points: 3, isDefault: false });
    expect(await earn(p.id, 'consultation_vote', 1)).toBeNull();
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'pointRule.update' AND target_id = 'consultation_vote'")).toBe(1);
    ok(await admin.patch('/api/points/rules/consultation_vote', { active: true }));
    expect(await earn(p.id, 'consultation_vote', 1)).toMatchObject({ points: 3 });
  });
});

describe('corrections: reversing entries and adjustments, never edits, never below zero', () => {
  it('a reversal adds −delta once; a second reversal, or one that would go negative, is refused; both audited', async () => {
    const p = await member(t, admin, compound1);
    const a = (await earn(p.id, 'volunteer_hour', 10, { units: 3 }))!;
    const b = (await earn(p.id, 'volunteer_activity', 11))!;
    const rev = ok<PointCorrectionDto>(await reverse(community1, p.id, a.entryId), 201);
    expect(rev).toMatchObject({ balance: 5, entry: { kind: 'reversal', delta: -30, reversesEntryId: a.entryId, note: '录入错误' } });
    expect(expectError(await reverse(community1, p.id, a.entryId), 409, 'CONFLICT').message).toMatch(/已经冲正/);
    expectError(await reverse(community1, p.id, rev.entry.id), 409, 'CONFLICT');
    // Spend 5 of the remaining 5, then reversing the 5 earned would go negative.
    ok(await adjust(community1, p.id, -5, '线下兑换补录'), 201);
    expectError(await reverse(community1, p.id, b.entryId), 409, 'INSUFFICIENT_POINTS');
    const l = await ledger(community1, p.id);
    expect(l.balance).toBe(0);
    expect(l.data.map((e) => e.kind)).toEqual(['adjustment', 'reversal', 'earn', 'earn']);
    expect(l.data.find((e) => e.id === a.entryId)).toMatchObject({ reversedByEntryId: rev.entry.id, label: '志愿服务时长' });
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action IN ('points.reverse', 'points.adjust') AND target_id = $1", [String(p.id)])).toBe(2);
    // Another person's entry is not found under this person.
    const other = await member(t, admin, compound1);
    expectError(await reverse(community1, other.id, b.entryId), 404, 'NOT_FOUND');
    await expectLedgerConsistent(t);
  });

  it('an adjustment below zero is refused (409) and leaves nothing behind', async () => {
    const p = await member(t, admin, compound1);
    ok(await adjust(community1, p.id, 40), 201);
    const audits = await count(t.db, 'SELECT count(*) FROM audit_log');
    expectError(await adjust(community1, p.id, -41), 409, 'INSUFFICIENT_POINTS');
    expect(await count(t.db, 'SELECT count(*) FROM audit_log')).toBe(audits);
    expect(await count(t.db, 'SELECT count(*) FROM point_entries WHERE person_id = $1', [p.id])).toBe(1);
    expectError(await adjust(community1, p.id, 0), 400, 'VALIDATION_FAILED');
    expectError(await adjust(community1, p.id, 10_001), 400, 'VALIDATION_FAILED');
    ok(await adjust(community1, p.id, -40), 201);
    expect(await balance(t, p.id)).toBe(0);
  });

  it('the database refuses a negative balance and any change to a ledger entry', async () => {
    const p = await member(t, admin, compound1);
    ok(await adjust(community1, p.id, 10), 201);
    await expect(t.db.query('UPDATE point_accounts SET balance = -1 WHERE person_id = $1', [p.id])).rejects.toThrow(/check/i);
    await expect(t.db.query('UPDATE point_entries SET delta = 100 WHERE person_id = $1', [p.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM point_entries WHERE person_id = $1', [p.id])).rejects.toThrow(/append-only/);
    expect(await balance(t, p.id)).toBe(10);
  });
});

describe('scope', () => {
  it('a person outside the user\'s subtree is 404 for reading and correcting; a branch secretary reads but cannot correct', async () => {
    const far = await member(t, admin, compound2);
    ok(await adjust(admin, far.id, 10), 201);
    expectError(await community1.get(`/api/points/people/${far.id}/ledger`), 404, 'NOT_FOUND');
    expectError(await adjust(community1, far.id, 5), 404, 'NOT_FOUND');
    expectError(await community1.get(`/api/points/people/2147483647/ledger`), 404, 'NOT_FOUND');
    const near = await member(t, admin, compound1);
    expect((await ledger(branch1, near.id)).balance).toBe(0);
    expectError(await adjust(branch1, near.id, 5), 403, 'FORBIDDEN');
    expectError(await community1.get(`/api/points/leaderboard?nodeId=${compound2}&month=2026-01`), 404, 'NOT_FOUND');
  });

  it('the monthly leaderboard ranks what people earned in the month within the subtree, phones masked', async () => {
    const compound = (await branchOf(t.db, 'branch1')).compoundIds[1] ?? compound1;
    const a = await member(t, admin, compound, '榜首居民');
    const b = await member(t, admin, compound, '次席居民');
    await earn(a.id, 'volunteer_hour', 100, { units: 50 }); // 500, more than anyone else in the demo's month
    await earn(b.id, 'volunteer_hour', 101, { units: 45 });
    ok(await adjust(community1, b.id, -100), 201); // spending does not lower what was earned
    const month = (await t.db.query<{ m: string }>("SELECT to_char(now() AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM') AS m"))[0]!.m;
    const board = ok<PointLeaderboardDto>(await community1.get(`/api/points/leaderboard?nodeId=${compound}&month=${month}`));
    expect(board.data.slice(0, 2)).toMatchObject([
      { rank: 1, personId: a.id, name: '榜首居民', points: 500 },
      { rank: 2, personId: b.id, name: '次席居民', points: 450 },
    ]);
    expect(board.data[0]!.phone).toMatch(/^177\*{4}\d{4}$/);
    expect(ok<PointLeaderboardDto>(await community1.get(`/api/points/leaderboard?nodeId=${compound}&month=2001-01`)).data).toEqual([]);
    expectError(await community1.get('/api/points/leaderboard?month=2026-13'), 400, 'VALIDATION_FAILED');
    await expectLedgerConsistent(t);
  });
});
