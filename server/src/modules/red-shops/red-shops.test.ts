import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError, grantNodes, createPerson } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let branch1Compound: number;
let branch2Compound: number;
let community1Id: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch1Compound = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  branch2Compound = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  community1Id = (await grantNodes(t.db, 'community1'))[0]!.id;
});
afterAll(async () => t.close());

const person = (nodeId: number) => createPerson(admin, nodeId, { name: '张建国', birth: '19700315', male: true });
const rows = async () => ({ shops: await count(t.db, 'SELECT count(*) FROM red_shops'), audit: await count(t.db, 'SELECT count(*) FROM audit_log') });

describe('red shops (红色商铺)', () => {
  it('creates and updates a shop with its keeper shown masked; one audit row per write', async () => {
    const keeper = await person(branch1Compound);
    const res = await community1.post('/api/red-shops', {
      name: '红心便民超市', nodeId: branch1Compound, keeperId: keeper.id, services: ['代收快递', ' 爱心雨伞 '], honoursPoints: true, joinedDate: '2024-05-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const shop = res.json();
    expect(shop).toMatchObject({ name: '红心便民超市', nodeId: branch1Compound, services: ['代收快递', '爱心雨伞'], honoursPoints: true, joinedDate: '2024-05-01' });
    expect(shop.keeper).toEqual({ id: keeper.id, name: '张建国', phone: `${keeper.phone.slice(0, 3)}****${keeper.phone.slice(-4)}`, nodeName: expect.any(String) });
    const updated = await community1.patch(`/api/red-shops/${shop.id}`, { honoursPoints: false, services: [], keeperId: null, joinedDate: null });
    expect(updated.json()).toMatchObject({ honoursPoints: false, services: [], keeper: null, joinedDate: null });
    await community1.patch(`/api/red-shops/${shop.id}`, { keeperId: keeper.id });
    for (const r of [res, updated, await branch1.get(`/api/red-shops/${shop.id}`), await community1.get('/api/red-shops?pageSize=200'), await admin.get('/api/red-shops?q=红心便民')]) {
      expect([200, 201]).toContain(r.statusCode);
      expect(r.body).not.toContain(keeper.phone);
      expect(r.body).not.toContain(keeper.idNumber);
    }
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE target_type = 'red_shop' AND target_id = $1", [String(shop.id)])).toBe(3);
    const [audit] = await t.db.query<{ details: unknown }>("SELECT details FROM audit_log WHERE action = 'redShop.create' AND target_id = $1", [String(shop.id)]);
    expect(JSON.stringify(audit!.details)).not.toContain(keeper.phone);
    expect((await admin.get(`/api/red-shops?honoursPoints=false&nodeId=${branch1Compound}&q=红心便民`)).json().data).toHaveLength(1);
  });

  it('refuses bad input with Chinese messages and writes nothing', async () => {
    const outsider = await person(branch2Compound);
    const before = await rows();
    const base = { name: '坏商铺', nodeId: branch1Compound };
    expectError(await community1.post('/api/red-shops', { ...base, services: Array.from({ length: 21 }, (_, i) => `服务${i}`) }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post('/api/red-shops', { ...base, services: ['  '] }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post('/api/red-shops', { ...base, joinedDate: '2024-13-01' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post('/api/red-shops', { ...base, honoursPoints: 'yes' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post('/api/red-shops', { name: '', nodeId: branch1Compound }), 400, 'VALIDATION_FAILED');
    const [subdistrict] = await t.db.query<{ id: number }>("SELECT parent_id AS id FROM nodes WHERE id = $1", [community1Id]);
    expectError(await admin.post('/api/red-shops', { ...base, nodeId: subdistrict!.id }), 400, 'TREE_SHAPE');
    // A keeper the caller cannot see, a missing keeper, a node outside the caller's scope.
    expectError(await community1.post('/api/red-shops', { ...base, keeperId: outsider.id }), 404, 'NOT_FOUND');
    expectError(await community1.post('/api/red-shops', { ...base, keeperId: 2147483647 }), 404, 'NOT_FOUND');
    expectError(await community1.post('/api/red-shops', { ...base, nodeId: branch2Compound }), 404, 'NOT_FOUND');
    expectError(await branch1.post('/api/red-shops', base), 403, 'FORBIDDEN');
    expect(await rows()).toEqual(before);
  });

  it('is scoped by node: lists match SQL per role, out-of-scope ids answer 404', async () => {
    const mine = (await community1.post('/api/red-shops', { name: '支部小区商铺', nodeId: branch1Compound })).json();
    const theirs = (await admin.post('/api/red-shops', { name: '外社区商铺', nodeId: branch2Compound })).json();
    for (const username of ['admin', 'subdistrict1', 'community1', 'branch1', 'branch2', 'commissioner1']) {
      const c = await t.login(username);
      const patterns = (await grantNodes(t.db, username)).map((g) => `${g.path}%`);
      const expected = await t.db.query<{ id: number }>('SELECT s.id FROM red_shops s JOIN nodes n ON n.id = s.node_id WHERE n.path LIKE ANY($1) ORDER BY s.id', [patterns]);
      const res = await c.get('/api/red-shops?pageSize=200');
      expect(res.json().pagination.total, username).toBe(expected.length);
      if (expected.length <= 200) expect(res.json().data.map((s: { id: number }) => s.id).sort((a: number, b: number) => a - b), username).toEqual(expected.map((e) => e.id));
    }
    expect((await branch1.get('/api/red-shops?pageSize=200')).json().data.every((s: { nodeId: number }) => s.nodeId !== branch2Compound)).toBe(true);
    expect((await branch1.get(`/api/red-shops/${mine.id}`)).statusCode).toBe(200);
    expectError(await branch1.get(`/api/red-shops/${theirs.id}`), 404, 'NOT_FOUND');
    expectError(await community1.get(`/api/red-shops/${theirs.id}`), 404, 'NOT_FOUND');
    expectError(await community1.patch(`/api/red-shops/${theirs.id}`, { name: '越界' }), 404, 'NOT_FOUND');
    expectError(await community1.patch(`/api/red-shops/${mine.id}`, { nodeId: branch2Compound }), 404, 'NOT_FOUND');
    expectError(await community1.get(`/api/red-shops?nodeId=${branch2Compound}`), 404, 'NOT_FOUND');
    expectError(await admin.get('/api/red-shops?honoursPoints=1'), 400, 'VALIDATION_FAILED');
    expectError(await (await t.login('auditor')).get('/api/red-shops'), 403, 'FORBIDDEN');
  });
});
