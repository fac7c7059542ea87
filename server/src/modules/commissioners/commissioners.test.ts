import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError, grantNodes, userId, createPerson } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let commissioner1: Client;
let branch1Compound: number;
let branch2Compound: number;
let community1Id: number;
let community2Id: number; // branch2's community

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  commissioner1 = await t.login('commissioner1');
  branch1Compound = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  branch2Compound = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  community1Id = (await grantNodes(t.db, 'community1'))[0]!.id;
  community2Id = (await branchOf(t.db, 'branch2')).nodeId;
});
afterAll(async () => t.close());

const person = (nodeId: number) => createPerson(admin, nodeId, { name: '周建军', birth: '19820505', male: true });
const rows = async () => ({ commissioners: await count(t.db, 'SELECT count(*) FROM commissioners'), audit: await count(t.db, 'SELECT count(*) FROM audit_log') });

describe('service commissioners (社区服务专员)', () => {
  it('assigns a person to one community, optionally tied to a user account; masked; one audit row per write', async () => {
    const p = await person(community1Id);
    // The demo data may already tie the commissioner1 account to a record: free it for this test.
    await t.db.query('UPDATE commissioners SET user_id = NULL WHERE user_id = $1', [await userId(t.db, 'commissioner1')]);
    const res = await community1.post('/api/commissioners', { personId: p.id, department: '民政局', rank: '副科级', communityId: community1Id, userId: await userId(t.db, 'commissioner1') });
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json();
    expect(record).toMatchObject({ department: '民政局', rank: '副科级', communityId: community1Id, username: 'commissioner1', person: { id: p.id, phone: `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}` } });
    const updated = await community1.patch(`/api/commissioners/${record.id}`, { department: '住建局', rank: null });
    expect(updated.json()).toMatchObject({ department: '住建局', rank: null });
    for (const r of [res, updated, await commissioner1.get(`/api/commissioners/${record.id}`), await community1.get('/api/commissioners?department=住建局')]) {
      expect(r.body).not.toContain(p.phone);
      expect(r.body).not.toContain(p.idNumber);
    }
    expect((await community1.get('/api/commissioners?department=住建局')).json().data.map((c: { id: number }) => c.id)).toContain(record.id);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE target_type = 'commissioner' AND target_id = $1", [String(record.id)])).toBe(2);

    const other = await person(community1Id);
    const before = await rows();
    expectError(await community1.post('/api/commissioners', { personId: p.id, department: '综合执法局', communityId: community1Id }), 409, 'DUPLICATE');
    expect(expectError(await community1.post('/api/commissioners', { personId: other.id, department: '综合执法局', communityId: community1Id, userId: await userId(t.db, 'commissioner1') }), 409, 'DUPLICATE').message).toContain('commissioner1');
    expect(expectError(await community1.post('/api/commissioners', { personId: other.id, department: '综合执法局', communityId: community1Id, userId: 2147483647 }), 400).message).toMatch(/账号不存在/);
    expect(await rows()).toEqual(before);
    expect((await community1.patch(`/api/commissioners/${record.id}`, { userId: null })).json().userId).toBeNull();
  });

  it('is assigned to a community only, inside the caller’s scope; bad input writes nothing', async () => {
    const p = await person(community1Id);
    const before = await rows();
    expect(expectError(await community1.post('/api/commissioners', { personId: p.id, department: '民政局', communityId: branch1Compound }), 400, 'TREE_SHAPE').message).toMatch(/社区/);
    const [subdistrict] = await t.db.query<{ id: number }>('SELECT parent_id AS id FROM nodes WHERE id = $1', [community1Id]);
    expectError(await admin.post('/api/commissioners', { personId: p.id, department: '民政局', communityId: subdistrict!.id }), 400, 'TREE_SHAPE');
    expectError(await community1.post('/api/commissioners', { personId: p.id, department: '民政局', communityId: community2Id }), 404, 'NOT_FOUND');
    expectError(await community1.post('/api/commissioners', { personId: p.id, department: '', communityId: community1Id }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post('/api/commissioners', { personId: p.id, department: '民政局', rank: 'x'.repeat(21), communityId: community1Id }), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post('/api/commissioners', { personId: p.id, department: '民政局', communityId: community1Id }), 404, 'NOT_FOUND');
    expectError(await commissioner1.post('/api/commissioners', { personId: p.id, department: '民政局', communityId: community1Id }), 403, 'FORBIDDEN');
    expect(await rows()).toEqual(before);
  });

  it('is scoped by the assigned community: lists match SQL, branch1 sees none, out-of-scope ids answer 404', async () => {
    const theirs = (await admin.post('/api/commissioners', { personId: (await person(branch2Compound)).id, department: '住建局', communityId: community2Id })).json();
    for (const username of ['admin', 'subdistrict1', 'community1', 'branch1', 'branch2', 'commissioner1']) {
      const c = await t.login(username);
      const patterns = (await grantNodes(t.db, username)).map((g) => `${g.path}%`);
      const expected = await t.db.query<{ id: number }>('SELECT c.id FROM commissioners c JOIN nodes n ON n.id = c.community_id WHERE n.path LIKE ANY($1) ORDER BY c.id', [patterns]);
      const res = await c.get('/api/commissioners?pageSize=200');
      expect(res.json().pagination.total, username).toBe(expected.length);
      if (expected.length <= 200) expect(res.json().data.map((r: { id: number }) => r.id).sort((a: number, b: number) => a - b), username).toEqual(expected.map((e) => e.id));
    }
    expect((await branch1.get('/api/commissioners')).json().pagination.total).toBe(0);
    expectError(await community1.get(`/api/commissioners/${theirs.id}`), 404, 'NOT_FOUND');
    expectError(await commissioner1.get(`/api/commissioners/${theirs.id}`), 404, 'NOT_FOUND');
    expectError(await community1.patch(`/api/commissioners/${theirs.id}`, { rank: '科员' }), 404, 'NOT_FOUND');
    expectError(await admin.patch(`/api/commissioners/${theirs.id}`, { communityId: branch2Compound }), 400, 'TREE_SHAPE');
  });
});
