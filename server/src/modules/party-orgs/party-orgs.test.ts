import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, contentFingerprint, count, expectError, grantNodes, userId } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let sub1: Client;
let fuqian: number;
let zhongshan: number;
let beiguan: number;
let yincheng: number;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  sub1 = await t.login('subdistrict1');
  fuqian = await nodeId(t.db, '府前社区');
  zhongshan = await nodeId(t.db, '中山社区');
  beiguan = await nodeId(t.db, '北关社区');
  yincheng = await nodeId(t.db, '银城街道');
});
afterAll(async () => t.close());

let seq = 0;
async function newNode(parentId: number, kind: 'compound' | 'community' | 'subdistrict'): Promise<number> {
  const res = await admin.post('/api/nodes', { parentId, kind, name: `新${kind}${++seq}`, code: `PO-${seq}`, ...(kind === 'compound' ? { compoundKind: 'three_no' } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('branches (小区党支部)', () => {
  it('单建: exactly one compound; the branch hangs on the compound’s community', async () => {
    const [a, b] = [await newNode(fuqian, 'compound'), await newNode(fuqian, 'compound')];
    expectError(await admin.post('/api/party-orgs', { kind: 'branch', name: '两小区单建', branchMode: 'standalone', compoundIds: [a, b] }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/party-orgs', { kind: 'branch', name: '无小区', branchMode: 'standalone' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/party-orgs', { kind: 'branch', name: '空小区', branchMode: 'standalone', compoundIds: [] }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/party-orgs', { kind: 'branch', name: '带节点', branchMode: 'standalone', compoundIds: [a], nodeId: fuqian }), 400, 'VALIDATION_FAILED');
    const res = await admin.post('/api/party-orgs', { kind: 'branch', name: '单建支部', branchMode: 'standalone', compoundIds: [a], secretaryName: '王秀英' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'branch', branchMode: 'standalone', nodeId: fuqian, nodeName: '府前社区', secretaryName: '王秀英', active: true });
    expect(res.json().compounds.map((c: { id: number }) => c.id)).toEqual([a]);
    // A duplicated id in the list counts once.
    const dup = await admin.post('/api/party-orgs', { kind: 'branch', name: '单建支部二', branchMode: 'standalone', compoundIds: [b, b] });
    expect(dup.statusCode, dup.body).toBe(201);
  });

  it('联建: two or more compounds of one community', async () => {
    const [a, b, c] = [await newNode(fuqian, 'compound'), await newNode(fuqian, 'compound'), await newNode(fuqian, 'compound')];
    const other = await newNode(zhongshan, 'compound');
    const fp = await contentFingerprint(t.db);
    expectError(await admin.post('/api/party-orgs', { kind: 'branch', name: '一个联建', branchMode: 'joint', compoundIds: [a] }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/party-orgs', { kind: 'branch', name: '跨社区联建', branchMode: 'joint', compoundIds: [a, other] }), 400, 'TREE_SHAPE');
    expectError(await admin.post('/api/party-orgs', { kind: 'branch', name: '建在社区', branchMode: 'joint', compoundIds: [a, fuqian] }), 400, 'TREE_SHAPE');
    expect(await contentFingerprint(t.db)).toBe(fp);
    const res = await admin.post('/api/party-orgs', { kind: 'branch', name: '联建支部', branchMode: 'joint', compoundIds: [a, b, c] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().compounds).toHaveLength(3);
    expect(res.json().nodeId).toBe(fuqian);
  });

  it('a compound belongs to at most one branch (409 DUPLICATE), on create and on update', async () => {
    const { id: branch1Id, compoundIds } = await branchOf(t.db, 'branch1');
    const free = await newNode(fuqian, 'compound');
    const fp = await contentFingerprint(t.db);
    const err = expectError(await admin.post('/api/party-orgs', { kind: 'branch', name: '抢小区', branchMode: 'joint', compoundIds: [free, compoundIds[0]] }), 409, 'DUPLICATE');
    expect(err.message).toContain('已属于支部');
    expect(await contentFingerprint(t.db)).toBe(fp);
    const created = await admin.post('/api/party-orgs', { kind: 'branch', name: '另一个支部', branchMode: 'standalone', compoundIds: [free] });
    expect(created.statusCode).toBe(201);
    expectError(await admin.patch(`/api/party-orgs/${branch1Id}`, { branchMode: 'joint', compoundIds: [compoundIds[0], free] }), 409, 'DUPLICATE');
    expect(await count(t.db, 'SELECT count(*) FROM branch_compounds WHERE compound_id = $1', [free])).toBe(1);
    expect(await count(t.db, 'SELECT count(*) FROM branch_compounds WHERE branch_id = $1', [branch1Id])).toBe(1);
  });

  it('a standalone branch becomes joint by adding a compound; the rules hold on update too', async () => {
    const [a, b] = [await newNode(zhongshan, 'compound'), await newNode(zhongshan, 'compound')];
    const created = await admin.post('/api/party-orgs', { kind: 'branch', name: '先单建', branchMode: 'standalone', compoundIds: [a] });
    const id = created.json().id as number;
    expectError(await admin.patch(`/api/party-orgs/${id}`, { compoundIds: [a, b] }), 400, 'VALIDATION_FAILED'); // still standalone
    expectError(await admin.patch(`/api/party-orgs/${id}`, { branchMode: 'joint' }), 400, 'VALIDATION_FAILED'); // one compound
    const beiguanCompound = await newNode(beiguan, 'compound');
    expectError(await admin.patch(`/api/party-orgs/${id}`, { branchMode: 'joint', compoundIds: [a, beiguanCompound] }), 400, 'TREE_SHAPE');
    const res = await admin.patch(`/api/party-orgs/${id}`, { branchMode: 'joint', compoundIds: [a, b], name: '后联建' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ branchMode: 'joint', name: '后联建', nodeId: zhongshan });
    // Moving the whole branch to the compounds of another community re-anchors it there.
    const [c, d] = [await newNode(beiguan, 'compound'), beiguanCompound];
    const moved = await admin.patch(`/api/party-orgs/${id}`, { compoundIds: [c, d] });
    expect(moved.json().nodeId).toBe(beiguan);
    expect(await count(t.db, 'SELECT count(*) FROM branch_compounds WHERE compound_id = ANY($1)', [[a, b]])).toBe(0);
    // Secretary fields can be cleared; a committee has no compounds.
    const cleared = await admin.patch(`/api/party-orgs/${id}`, { secretaryName: null, secretaryUserId: null, active: false });
    expect(cleared.json()).toMatchObject({ secretaryName: null, secretaryUserId: null, active: false });
    const [committee] = await t.db.query<{ id: number }>("SELECT id FROM party_orgs WHERE kind = 'party_committee' AND node_id = $1", [fuqian]);
    expectError(await admin.patch(`/api/party-orgs/${committee!.id}`, { compoundIds: [a, b] }), 400, 'VALIDATION_FAILED');
  });

  it('the secretary account must exist', async () => {
    const a = await newNode(fuqian, 'compound');
    expectError(await admin.post('/api/party-orgs', { kind: 'branch', name: '幽灵书记', branchMode: 'standalone', compoundIds: [a], secretaryUserId: 999_999 }), 400, 'VALIDATION_FAILED');
    const ok = await admin.post('/api/party-orgs', { kind: 'branch', name: '真书记', branchMode: 'standalone', compoundIds: [a], secretaryUserId: await userId(t.db, 'branch1') });
    expect(ok.statusCode).toBe(201);
    expectError(await admin.patch(`/api/party-orgs/${ok.json().id}`, { secretaryUserId: 999_999 }), 400, 'VALIDATION_FAILED');
  });
});

describe('committees', () => {
  it('one working committee per subdistrict, one party committee per community, each at the right kind of node', async () => {
    const subdistrict = await newNode(await nodeId(t.db, '夏津县'), 'subdistrict');
    const community = await newNode(subdistrict, 'community');
    expectError(await admin.post('/api/party-orgs', { kind: 'working_committee', name: '无节点党工委' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/party-orgs', { kind: 'working_committee', name: '错位党工委', nodeId: community }), 400, 'TREE_SHAPE');
    expectError(await admin.post('/api/party-orgs', { kind: 'party_committee', name: '错位党委', nodeId: subdistrict }), 400, 'TREE_SHAPE');
    expectError(await admin.post('/api/party-orgs', { kind: 'party_committee', name: '带小区党委', nodeId: community, compoundIds: [community] }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/party-orgs', { kind: 'working_committee', name: '带模式党工委', nodeId: subdistrict, branchMode: 'joint' }), 400, 'VALIDATION_FAILED');
    const wc = await admin.post('/api/party-orgs', { kind: 'working_committee', name: '新街道党工委', nodeId: subdistrict });
    expect(wc.statusCode, wc.body).toBe(201);
    expect(wc.json()).toMatchObject({ kind: 'working_committee', nodeId: subdistrict, branchMode: null, compounds: [] });
    expectError(await admin.post('/api/party-orgs', { kind: 'working_committee', name: '第二个党工委', nodeId: subdistrict }), 409, 'DUPLICATE');
    const pc = await admin.post('/api/party-orgs', { kind: 'party_committee', name: '新社区党委', nodeId: community });
    expect(pc.statusCode).toBe(201);
    expectError(await admin.post('/api/party-orgs', { kind: 'party_committee', name: '第二个党委', nodeId: community }), 409, 'DUPLICATE');
    // The seeded ones count too.
    expectError(await admin.post('/api/party-orgs', { kind: 'working_committee', name: '重复', nodeId: yincheng }), 409, 'DUPLICATE');
    expectError(await admin.post('/api/party-orgs', { kind: 'party_committee', name: '重复', nodeId: fuqian }), 409, 'DUPLICATE');
    expect(await count(t.db, "SELECT count(*) FROM party_orgs WHERE node_id = $1", [subdistrict])).toBe(1);
  });
});

describe('scope', () => {
  it('lists are filtered in SQL to each role’s scope', async () => {
    for (const username of ['admin', 'subdistrict1', 'community1', 'branch1', 'branch2', 'commissioner1']) {
      const c = await t.login(username);
      const res = await c.get('/api/party-orgs?pageSize=200');
      expect(res.statusCode).toBe(200);
      const paths = (await grantNodes(t.db, username)).map((g) => `${g.path}%`);
      const expected = await t.db.query<{ id: number }>(
        `SELECT p.id FROM party_orgs p JOIN nodes n ON n.id = p.node_id
          WHERE n.path LIKE ANY($1) OR EXISTS (SELECT 1 FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id WHERE bc.branch_id = p.id AND c.path LIKE ANY($1))
          ORDER BY p.id`,
        [paths],
      );
      const body = res.json() as { data: { id: number }[]; pagination: { total: number } };
      expect(body.pagination.total, username).toBe(expected.length);
      if (expected.length <= 200) expect(body.data.map((p) => p.id).sort((a, b) => a - b)).toEqual(expected.map((e) => e.id));
    }
    const branch1 = await t.login('branch1');
    const own = (await branch1.get('/api/party-orgs')).json().data as { id: number }[];
    expect(own.map((o) => o.id)).toEqual([(await branchOf(t.db, 'branch1')).id]);
  });

  it('out-of-scope records answer 404; writes outside scope 404; read-only roles 403', async () => {
    const { id: b2 } = await branchOf(t.db, 'branch2');
    const { id: b1 } = await branchOf(t.db, 'branch1');
    const community1 = await t.login('community1');
    expectError(await community1.get(`/api/party-orgs/${b2}`), 404, 'NOT_FOUND');
    expect((await community1.get(`/api/party-orgs/${b1}`)).statusCode).toBe(200);
    expectError(await sub1.get(`/api/party-orgs/${b2}`), 404, 'NOT_FOUND');
    expectError(await sub1.patch(`/api/party-orgs/${b2}`, { name: '越界改名' }), 404, 'NOT_FOUND');
    const beiguanCompound = await newNode(beiguan, 'compound');
    expectError(await sub1.post('/api/party-orgs', { kind: 'branch', name: '越界支部', branchMode: 'standalone', compoundIds: [beiguanCompound] }), 404, 'NOT_FOUND');
    expectError(await sub1.post('/api/party-orgs', { kind: 'party_committee', name: '越界党委', nodeId: beiguan }), 404, 'NOT_FOUND');
    expectError(await community1.post('/api/party-orgs', { kind: 'branch', name: '无权', branchMode: 'standalone', compoundIds: [beiguanCompound] }), 403, 'FORBIDDEN');
    expectError(await community1.patch(`/api/party-orgs/${b1}`, { name: '无权' }), 403, 'FORBIDDEN');
    const auditor = await t.login('auditor');
    expectError(await auditor.get('/api/party-orgs'), 403, 'FORBIDDEN');
    // In scope it works.
    const inScope = await newNode(fuqian, 'compound');
    expect((await sub1.post('/api/party-orgs', { kind: 'branch', name: '街道建的支部', branchMode: 'standalone', compoundIds: [inScope] })).statusCode).toBe(201);
    expect((await sub1.patch(`/api/party-orgs/${b1}`, { secretaryName: '李志强' })).statusCode).toBe(200);
  });

  it('a joint branch is visible to the secretary of any one of its compounds', async () => {
    const [a, b] = [await newNode(fuqian, 'compound'), await newNode(fuqian, 'compound')];
    const joint = await admin.post('/api/party-orgs', { kind: 'branch', name: '可见联建', branchMode: 'joint', compoundIds: [a, b] });
    const user = await admin.post('/api/users', { username: 'joint-sec', displayName: '联建书记', password: 'Joint!Pass2026', grants: [{ role: 'branch_secretary', nodeId: b }] });
    expect(user.statusCode).toBe(201);
    await t.db.query('UPDATE users SET must_change_password = false WHERE id = $1', [user.json().id]);
    const sec = await t.login('joint-sec', 'Joint!Pass2026');
    expect((await sec.get(`/api/party-orgs/${joint.json().id}`)).statusCode).toBe(200);
    expect((await sec.get('/api/party-orgs')).json().data.map((p: { id: number }) => p.id)).toEqual([joint.json().id]);
  });
});
