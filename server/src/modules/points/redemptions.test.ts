import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeeperRedemptionDto, MyPointsDto, PublicPointShopDto, RedemptionCodeDto, RedemptionDto, RedemptionStatsDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError } from '../../test/fixtures.js';
import { ok, verifiedResident, type Resident } from '../../test/cloud-consultation.js';
import { balance, expectLedgerConsistent, member } from '../../test/points.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let compound1: number;
let compound2: number;
/** Two shops of community1's community and one of another community, each with a keeper on the phone. */
let shop1: number;
let shop2: number;
let farShop: number;
let keeper1: Resident;
let keeper2: Resident;
let farKeeper: Resident;

async function shopIn(nodeId: number, keeperId: number, name: string): Promise<number> {
  const [s] = await t.db.query<{ id: number }>(
    "INSERT INTO red_shops (name, node_id, keeper_id, services, honours_points) VALUES ($1, $2, $3, '{理发,日用品}', true) RETURNING id",
    [name, nodeId, keeperId],
  );
  return s!.id;
}

beforeAll(async () => {
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  admin = await t.login('admin');
  community1 = await t.login('community1');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  const k1 = await member(t, admin, compound1, '王店主');
  const k2 = await member(t, admin, compound1, '李店主');
  const k3 = await member(t, admin, compound2, '赵店主');
  [keeper1, keeper2, farKeeper] = [k1.phoneSession, k2.phoneSession, k3.phoneSession];
  shop1 = await shopIn(compound1, k1.id, '积分测试小店一');
  shop2 = await shopIn(compound1, k2.id, '积分测试小店二');
  farShop = await shopIn(compound2, k3.id, '积分测试远处小店');
});
afterAll(async () => t.close());

/** A member with `points` on their balance (a manual award by the community). */
async function memberWith(points: number, name = '张积分'): Promise<{ id: number; phone: Resident }> {
  const m = await member(t, admin, compound1, name);
  if (points) ok(await community1.post(`/api/points/people/${m.id}/adjustments`, { delta: points, reason: '测试初始积分' }), 201);
  return { id: m.id, phone: m.phoneSession };
}
const issue = async (r: Resident) => ok<RedemptionCodeDto>(await r.post('/api/public/points/redemption-code'), 201);
const redeem = (keeper: Resident, shopId: number, code: string, points: number, item = '洗发水一瓶') => keeper.post('/api/public/points/redeem', { shopId, code, points, item });

describe('redemption codes', () => {
  it('8 digits, ten minutes, only a hash stored; a resident not in the registry is told to register their phone', async () => {
    const m = await memberWith(0);
    const c = await issue(m.phone);
    expect(c.code).toMatch(/^\d{8}$/);
    const ttl = new Date(c.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000 + 5000);
    const stored = await t.db.query<{ code_hash: string }>('SELECT code_hash FROM point_redemption_codes WHERE person_id = $1', [m.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.code_hash).not.toContain(c.code);
    const stranger = await verifiedResident(t, '17799990001');
    expect(expectError(await stranger.post('/api/public/points/redemption-code'), 409, 'RESIDENT_NOT_LINKED').message).toMatch(/社区登记手机号/);
    expectError(await stranger.get('/api/public/points/me'), 409, 'RESIDENT_NOT_LINKED');
    expectError(await t.inject({ method: 'POST', url: '/api/public/points/redemption-code' }), 401, 'RESIDENT_UNVERIFIED');
  });

  it('single use: a used code, an expired code and a superseded code are all REDEMPTION_CODE_INVALID', async () => {
    const m = await memberWith(100);
    const c = await issue(m.phone);
    ok<KeeperRedemptionDto>(await redeem(keeper1, shop1, c.code, 10), 201);
    expectError(await redeem(keeper1, shop1, c.code, 10), 409, 'REDEMPTION_CODE_INVALID');
    const late = await issue(m.phone);
    await t.db.query("UPDATE point_redemption_codes SET expires_at = now() - interval '1 second' WHERE person_id = $1 AND closed_at IS NULL", [m.id]);
    expectError(await redeem(keeper1, shop1, late.code, 10), 409, 'REDEMPTION_CODE_INVALID');
    // A member holds at most three open codes: the fourth closes the oldest.
    const codes = [await issue(m.phone), await issue(m.phone), await issue(m.phone), await issue(m.phone)];
    expect(await count(t.db, 'SELECT count(*) FROM point_redemption_codes WHERE person_id = $1 AND closed_at IS NULL', [m.id])).toBe(3);
    expectError(await redeem(keeper1, shop1, codes[0]!.code, 10), 409, 'REDEMPTION_CODE_INVALID');
    ok(await redeem(keeper1, shop1, codes[3]!.code, 10), 201);
    expect(await balance(t, m.id)).toBe(80);
    await expectLedgerConsistent(t);
  });
});

describe('redeeming at a red shop', () => {
  it('the points leave the balance atomically: code closed, redemption, ledger entry and audit row; the keeper sees a masked name, not the balance', async () => {
    const m = await memberWith(100, '张三丰');
    const c = await issue(m.phone);
    const audits = await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'points.redeem'");
    const r = ok<KeeperRedemptionDto & Record<string, unknown>>(await redeem(keeper1, shop1, c.code, 30, '大米五斤'), 201);
    expect(r).toMatchObject({ memberName: '张**', points: 30, item: '大米五斤' });
    // Exactly these fields: nothing tells the keeper the member's balance (70 now) or full name.
    expect(Object.keys(r).sort()).toEqual(['createdAt', 'item', 'memberName', 'points', 'redemptionId']);
    expect(JSON.stringify(r)).not.toContain('张三丰');
    expect(await balance(t, m.id)).toBe(70);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'points.redeem'")).toBe(audits + 1);
    const [entry] = await t.db.query<{ kind: string; delta: number; redemption_id: number; actor_resident_id: number | null }>(
      'SELECT kind, delta, redemption_id, actor_resident_id FROM point_entries WHERE person_id = $1 ORDER BY id DESC LIMIT 1',
      [m.id],
    );
    expect(entry).toMatchObject({ kind: 'redemption', delta: -30, redemption_id: r.redemptionId });
    expect(entry!.actor_resident_id).not.toBeNull();
    // The member's statement.
    const me = ok<MyPointsDto>(await m.phone.get('/api/public/points/me'));
    expect(me.balance).toBe(70);
    expect(me.thisMonthEarned).toBe(100);
    expect(me.entries[0]).toMatchObject({ kind: 'redemption', delta: -30, label: expect.stringContaining('积分测试小店一') });
    // The shop's history, for its keeper only.
    const history = ok<{ data: KeeperRedemptionDto[] }>(await keeper1.get(`/api/public/points/shops/${shop1}/redemptions`));
    expect(history.data[0]).toMatchObject({ redemptionId: r.redemptionId, memberName: '张**', points: 30 });
    expectError(await keeper2.get(`/api/public/points/shops/${shop1}/redemptions`), 403, 'FORBIDDEN');
    expectError(await keeper2.get('/api/public/points/shops/2147483647/redemptions'), 404, 'NOT_FOUND');
  });

  it('more than the balance → 409 INSUFFICIENT_POINTS and the code stays usable', async () => {
    const m = await memberWith(50);
    const c = await issue(m.phone);
    expect(expectError(await redeem(keeper1, shop1, c.code, 51), 409, 'INSUFFICIENT_POINTS').message).not.toMatch(/50/);
    ok(await redeem(keeper1, shop1, c.code, 50), 201);
    expect(await balance(t, m.id)).toBe(0);
  });

  it('only the shop\'s keeper may redeem (403); a shop that does not honour points → 409; an unknown shop → 404', async () => {
    const m = await memberWith(50);
    const c = await issue(m.phone);
    expectError(await redeem(keeper2, shop1, c.code, 10), 403, 'FORBIDDEN');
    expectError(await redeem(m.phone, shop1, c.code, 10), 403, 'FORBIDDEN');
    expectError(await redeem(keeper1, 2147483647, c.code, 10), 404, 'NOT_FOUND');
    await t.db.query('UPDATE red_shops SET honours_points = false WHERE id = $1', [shop2]);
    expectError(await redeem(keeper2, shop2, c.code, 10), 409, 'CONFLICT');
    await t.db.query('UPDATE red_shops SET honours_points = true WHERE id = $1', [shop2]);
    expect(await balance(t, m.id)).toBe(50);
    expect(ok<{ data: PublicPointShopDto[] }>(await keeper1.get('/api/public/points/my-shops')).data.map((s) => s.id)).toEqual([shop1]);
    expect(ok<{ data: PublicPointShopDto[] }>(await m.phone.get('/api/public/points/my-shops')).data).toEqual([]);
  });

  it('wrong codes are limited per shop (guessing stops after ten in ten minutes; other shops are unaffected)', async () => {
    const k = await member(t, admin, compound1, '孙店主');
    const guessed = await shopIn(compound1, k.id, '积分测试猜码小店');
    for (let i = 0; i < 10; i++) expectError(await redeem(k.phoneSession, guessed, String(10_000_000 + i), 1), 409, 'REDEMPTION_CODE_INVALID');
    expectError(await redeem(k.phoneSession, guessed, '00000000', 1), 429, 'RATE_LIMITED');
    expectError(await redeem(keeper1, shop1, '00000000', 1), 409, 'REDEMPTION_CODE_INVALID');
  });
});

describe('no double spending under concurrency', () => {
  it('the same code redeemed by two keepers at once → exactly one 201', async () => {
    const m = await memberWith(100);
    const c = await issue(m.phone);
    const results = await Promise.all([redeem(keeper1, shop1, c.code, 70), redeem(keeper2, shop2, c.code, 70)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('REDEMPTION_CODE_INVALID');
    expect(await balance(t, m.id)).toBe(30);
  });

  it('two codes of one member (one per shop visit) redeemed at once for 70 + 70 with a balance of 100 → exactly one succeeds', async () => {
    const m = await memberWith(100);
    const [a, b] = [await issue(m.phone), await issue(m.phone)];
    const results = await Promise.all([redeem(keeper1, shop1, a.code, 70), redeem(keeper2, shop2, b.code, 70)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('INSUFFICIENT_POINTS');
    expect(await balance(t, m.id)).toBe(30);
    expect(await count(t.db, 'SELECT count(*) FROM point_redemptions WHERE person_id = $1', [m.id])).toBe(1);
    await expectLedgerConsistent(t);
  });
});

describe('the console and the public list', () => {
  it('redemptions and statistics within the scope of the shop\'s node; the public list has no personal data', async () => {
    const m = await memberWith(40, '钱多多');
    ok(await redeem(farKeeper, farShop, (await issue(m.phone)).code, 15), 201);
    ok(await redeem(keeper1, shop1, (await issue(m.phone)).code, 5), 201);
    const mine = ok<{ data: RedemptionDto[] }>(await community1.get('/api/points/redemptions?pageSize=200')).data;
    expect(mine.some((r) => r.shopId === shop1 && r.memberName === '钱多多' && r.memberPhone?.includes('****'))).toBe(true);
    expect(mine.some((r) => r.shopId === farShop)).toBe(false);
    expectError(await community1.get(`/api/points/redemptions?shopId=${farShop}`), 404, 'NOT_FOUND');
    const county = ok<{ data: RedemptionDto[] }>(await admin.get(`/api/points/redemptions?shopId=${farShop}`)).data;
    expect(county.map((r) => r.points)).toContain(15);
    const year = new Date().getUTCFullYear();
    const stats = ok<RedemptionStatsDto>(await admin.get(`/api/points/redemptions/stats?year=${year}`));
    expect(stats.data.some((s) => s.shopId === farShop && s.points >= 15)).toBe(true);
    const local = ok<RedemptionStatsDto>(await community1.get(`/api/points/redemptions/stats?year=${year}`));
    expect(local.data.some((s) => s.shopId === farShop)).toBe(false);
    expect(local.data.some((s) => s.shopId === shop1)).toBe(true);
    // A redemption taken back on the console: a reversing entry gives the points back.
    const [spent] = await t.db.query<{ id: number }>("SELECT id FROM point_entries WHERE person_id = $1 AND kind = 'redemption' ORDER BY id DESC LIMIT 1", [m.id]);
    ok(await community1.post(`/api/points/people/${m.id}/reversals`, { entryId: spent!.id, reason: '商品退回' }), 201);
    expect(await balance(t, m.id)).toBe(25);
    const pub = await t.inject({ method: 'GET', url: '/api/public/points/shops' });
    const shops = ok<{ data: PublicPointShopDto[] }>(pub).data;
    expect(shops.find((s) => s.id === shop1)).toMatchObject({ name: '积分测试小店一', services: ['理发', '日用品'] });
    expect(pub.body).not.toMatch(/王店主|1772/);
    await expectLedgerConsistent(t);
  });
});
