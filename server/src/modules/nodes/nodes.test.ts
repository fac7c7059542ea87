import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, contentFingerprint, count, expectError, grantNodes, node } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let sub1: Client;
let fuqian: number; // 府前社区, community1's community (银城街道)
let zhongshan: number; // 中山社区, another community of 银城街道
let beiguan: number; // 北关社区, in 北城街道
let yincheng: number;
let beicheng: number;
let county: number;
beforeAll(async () => {
  // The default session cache stays on: scope changes must show at once on this node anyway.
  t = await startTestApp();
  admin = await t.login('admin');
  sub1 = await t.login('subdistrict1');
  fuqian = await nodeId(t.db, '府前社区');
  zhongshan = await nodeId(t.db, '中山社区');
  beiguan = await nodeId(t.db, '北关社区');
  yincheng = await nodeId(t.db, '银城街道');
  beicheng = await nodeId(t.db, '北城街道');
  county = await nodeId(t.db, '夏津县');
});
afterAll(async () => t.close());

let seq = 0;
const code = (p = 'T') => `${p}-${++seq}`;
async function create(parentId: number, kind: string, extra: Record<string, unknown> = {}, as: Client = admin): Promise<number> {
  const res = await as.post('/api/nodes', { parentId, kind, name: `${kind}-${++seq}`, code: code(), ...(kind === 'compound' ? { compoundKind: 'commercial' } : {}), ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

/** Every node of a subtree must have the path and depth its ancestors give it. */
async function expectConsistentSubtree(rootId: number): Promise<void> {
  const bad = await count(
    t.db,
    `SELECT count(*) FROM nodes c JOIN nodes p ON p.id = c.parent_id
      WHERE c.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%'
        AND (c.path <> p.path || c.id || '/' OR c.depth <> p.depth + 1)`,
    [rootId],
  );
  expect(bad).toBe(0);
}

describe('create and rename', () => {
  it('creates nodes of the right kind under a parent, with path and depth from the parent', async () => {
    const compound = await create(fuqian, 'compound', { compoundKind: 'work_unit' });
    const building = await create(compound, 'building');
    const stairwell = await create(building, 'stairwell');
    const c = await node(t.db, compound);
    const s = await node(t.db, stairwell);
    expect(c.path).toBe(`${(await node(t.db, fuqian)).path}${compound}/`);
    expect(c.depth).toBe(3);
    expect(s.path).toBe(`${c.path}${building}/${stairwell}/`);
    expect(s.depth).toBe(5);
    const detail = await admin.get(`/api/nodes/${stairwell}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().ancestors.map((a: { id: number }) => a.id)).toEqual([county, yincheng, fuqian, compound, building]);
    expect(detail.json().compoundKind).toBeNull();
  });

  it('renames a node and changes its code; duplicate codes and sibling names answer 409 DUPLICATE', async () => {
    const a = await create(fuqian, 'compound');
    const b = await create(fuqian, 'compound');
    const renamed = await admin.patch(`/api/nodes/${a}`, { name: '新名小区', code: 'NEW-CODE-1', compoundKind: 'three_no' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '新名小区', code: 'NEW-CODE-1', compoundKind: 'three_no' });
    expectError(await admin.patch(`/api/nodes/${b}`, { name: '新名小区' }), 409, 'DUPLICATE');
    expectError(await admin.patch(`/api/nodes/${b}`, { code: 'NEW-CODE-1' }), 409, 'DUPLICATE');
    const existing = (await node(t.db, zhongshan)).code;
    expectError(await admin.patch(`/api/nodes/${b}`, { code: existing }), 409, 'DUPLICATE');
    expectError(await admin.post('/api/nodes', { parentId: fuqian, kind: 'compound', name: '新名小区', code: code(), compoundKind: 'commercial' }), 409, 'DUPLICATE');
    expectError(await admin.post('/api/nodes', { parentId: zhongshan, kind: 'compound', name: 'other', code: 'NEW-CODE-1', compoundKind: 'commercial' }), 409, 'DUPLICATE');
    // The same name under another parent is fine (every compound has a 1号楼).
    const buildingsNamedOne = await count(t.db, "SELECT count(*) FROM nodes WHERE name = '1号楼'");
    expect(buildingsNamedOne).toBeGreaterThan(100);
    expect((await admin.post('/api/nodes', { parentId: a, kind: 'building', name: '1号楼', code: code() })).statusCode).toBe(201);
    // Renaming a node to its own name is not a duplicate.
    expect((await admin.patch(`/api/nodes/${b}`, { name: (await node(t.db, b)).name })).statusCode).toBe(200);
    // The root county can be renamed only to a free code.
    expectError(await admin.patch(`/api/nodes/${county}`, { code: existing }), 409, 'DUPLICATE');
  });

  it('compounds need a compound kind; other nodes cannot have one', async () => {
    expectError(await admin.post('/api/nodes', { parentId: fuqian, kind: 'compound', name: '无类型', code: code() }), 400, 'VALIDATION_FAILED');
    const compound = await create(fuqian, 'compound');
    expectError(await admin.post('/api/nodes', { parentId: compound, kind: 'building', name: '楼', code: code(), compoundKind: 'commercial' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.patch(`/api/nodes/${fuqian}`, { compoundKind: 'commercial' }), 400, 'VALIDATION_FAILED');
    expect(await count(t.db, "SELECT count(*) FROM nodes WHERE kind <> 'compound' AND compound_kind IS NOT NULL")).toBe(0);
  });

  it('impossible shapes answer 400 TREE_SHAPE', async () => {
    const fp = await contentFingerprint(t.db);
    const cases: [number, string][] = [
      [fuqian, 'building'], // a building directly under a community
      [yincheng, 'compound'], // a compound under a subdistrict
      [county, 'community'],
      [fuqian, 'subdistrict'],
      [fuqian, 'county'],
    ];
    for (const [parentId, kind] of cases) {
      const err = expectError(
        await admin.post('/api/nodes', { parentId, kind, name: `错-${kind}`, code: code(), ...(kind === 'compound' ? { compoundKind: 'commercial' } : {}) }),
        400,
        'TREE_SHAPE',
      );
      expect(err.message).toMatch(/只能|最末一级/);
    }
    const [stairwell] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'stairwell' LIMIT 1");
    expectError(await admin.post('/api/nodes', { parentId: stairwell!.id, kind: 'stairwell', name: '地下室', code: code() }), 400, 'TREE_SHAPE');
    expect(await contentFingerprint(t.db)).toBe(fp);
  });

  it('subdistrict admins create inside their scope only; read-only roles cannot create', async () => {
    expect(await create(fuqian, 'compound', {}, sub1)).toBeGreaterThan(0);
    expectError(await sub1.post('/api/nodes', { parentId: beiguan, kind: 'compound', name: '越界小区', code: code(), compoundKind: 'commercial' }), 404, 'NOT_FOUND');
    expectError(await sub1.post('/api/nodes', { parentId: county, kind: 'subdistrict', name: '越权街道', code: code() }), 404, 'NOT_FOUND');
    const community1 = await t.login('community1');
    expectError(await community1.post('/api/nodes', { parentId: fuqian, kind: 'compound', name: '无权小区', code: code(), compoundKind: 'commercial' }), 403, 'FORBIDDEN');
  });
});

describe('move', () => {
  it('carries the whole subtree in one step: paths and depths of every descendant follow', async () => {
    // A compound with buildings and stairwells, moved to another community.
    const compound = await create(fuqian, 'compound');
    const buildings = [await create(compound, 'building'), await create(compound, 'building')];
    for (const b of buildings) {
      await create(b, 'stairwell');
      await create(b, 'stairwell');
    }
    const before = await t.db.query<{ id: number; depth: number }>("SELECT id, depth FROM nodes WHERE path LIKE $1 ORDER BY id", [`${(await node(t.db, compound)).path}%`]);
    expect(before).toHaveLength(7);

    const res = await admin.post(`/api/nodes/${compound}/move`, { parentId: zhongshan });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: compound, parentId: zhongshan, depth: 3 });
    const newPath = `${(await node(t.db, zhongshan)).path}${compound}/`;
    const after = await t.db.query<{ id: number; depth: number; path: string }>('SELECT id, depth, path FROM nodes WHERE id = ANY($1) ORDER BY id', [before.map((b) => b.id)]);
    for (const [i, row] of after.entries()) {
      expect(row.path.startsWith(newPath)).toBe(true);
      expect(row.depth).toBe(before[i]!.depth);
    }
    await expectConsistentSubtree(zhongshan);
    expect(await count(t.db, 'SELECT count(*) FROM nodes WHERE path LIKE $1', [`${(await node(t.db, fuqian)).path}${compound}/%`])).toBe(0);
    const audit = await t.db.query<{ details: { subtreeSize: number } }>("SELECT details FROM audit_log WHERE action = 'node.move' AND target_id = $1", [String(compound)]);
    expect(audit[0]!.details.subtreeSize).toBe(7);
  });

  it('moves a community with its whole subtree to the other subdistrict, and depths change where levels change', async () => {
    const community = await create(yincheng, 'community');
    const compound = await create(community, 'compound');
    const building = await create(compound, 'building');
    await create(building, 'stairwell');
    expect((await admin.post(`/api/nodes/${community}/move`, { parentId: beicheng })).statusCode).toBe(200);
    await expectConsistentSubtree(beicheng);
    expect((await node(t.db, building)).path).toBe(`${(await node(t.db, beicheng)).path}${community}/${compound}/${building}/`);
    // subdistrict1 no longer sees any of it.
    for (const id of [community, compound, building]) expectError(await sub1.get(`/api/nodes/${id}`), 404, 'NOT_FOUND');
  });

  it('the moved subtree becomes invisible to the old scope and visible to the new one, at once', async () => {
    const branch1 = await t.login('branch1');
    const community1 = await t.login('community1');
    const commissioner1 = await t.login('commissioner1');
    const branch2 = await t.login('branch2');
    const { compoundIds, id: branchId } = await branchOf(t.db, 'branch1');
    const compound = compoundIds[0]!;
    const [branch2Community] = await grantNodes(t.db, 'branch2').then(async (g) => [(await node(t.db, g[0]!.id)).parent_id!]);

    // Read before the move, so that sessions are warm.
    for (const c of [branch1, community1, commissioner1]) expect((await c.get(`/api/nodes/${compound}`)).statusCode).toBe(200);
    expectError(await branch2.get(`/api/nodes/${compound}`), 404, 'NOT_FOUND');
    const community1Before = (await community1.get('/api/nodes?kind=compound&pageSize=1')).json().pagination.total as number;

    // subdistrict1 cannot move it out of its own scope.
    expectError(await sub1.post(`/api/nodes/${compound}/move`, { parentId: branch2Community }), 404, 'NOT_FOUND');

    const res = await admin.post(`/api/nodes/${compound}/move`, { parentId: branch2Community });
    expect(res.statusCode, res.body).toBe(200);

    for (const c of [community1, commissioner1, sub1]) expectError(await c.get(`/api/nodes/${compound}`), 404, 'NOT_FOUND');
    expect((await community1.get('/api/nodes?kind=compound&pageSize=1')).json().pagination.total).toBe(community1Before - 1);
    // The branch secretary still sees their own compound where it now is, and its buildings.
    const mine = await branch1.get(`/api/nodes/${compound}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().parentId).toBe(branch2Community);
    const buildings = await branch1.get(`/api/nodes?parentId=${compound}&pageSize=200`);
    expect(buildings.json().pagination.total).toBe(await count(t.db, "SELECT count(*) FROM nodes WHERE parent_id = $1 AND active", [compound]));
    expect(buildings.json().pagination.total).toBeGreaterThan(0);
    // The standalone branch followed its compound to the new community.
    expect((await t.db.query<{ node_id: number }>('SELECT node_id FROM party_orgs WHERE id = $1', [branchId]))[0]!.node_id).toBe(branch2Community);
    expectError(await community1.get(`/api/party-orgs/${branchId}`), 404, 'NOT_FOUND');
    expect((await branch1.get(`/api/party-orgs/${branchId}`)).statusCode).toBe(200);

    // Moving back restores everything.
    expect((await admin.post(`/api/nodes/${compound}/move`, { parentId: fuqian })).statusCode).toBe(200);
    expect((await community1.get(`/api/nodes/${compound}`)).statusCode).toBe(200);
    expect((await branch1.get(`/api/nodes/${compound}`)).statusCode).toBe(200);
    expect((await t.db.query<{ node_id: number }>('SELECT node_id FROM party_orgs WHERE id = $1', [branchId]))[0]!.node_id).toBe(fuqian);
    await expectConsistentSubtree(county);
  });

  it('a compound of a joint branch cannot be moved (409), and nothing changes', async () => {
    const [joint] = await t.db.query<{ compound_id: number }>(
      "SELECT bc.compound_id FROM branch_compounds bc JOIN party_orgs p ON p.id = bc.branch_id WHERE p.branch_mode = 'joint' ORDER BY bc.compound_id LIMIT 1",
    );
    const { parent_id } = await node(t.db, joint!.compound_id);
    const target = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'community' AND id <> $1 LIMIT 1", [parent_id]))[0]!.id;
    const fp = await contentFingerprint(t.db);
    expectError(await admin.post(`/api/nodes/${joint!.compound_id}/move`, { parentId: target }), 409, 'CONFLICT');
    expect(await contentFingerprint(t.db)).toBe(fp);
  });

  it('impossible shapes answer 400 TREE_SHAPE and cycles 400 TREE_CYCLE; the root cannot move', async () => {
    const fp = await contentFingerprint(t.db);
    const [compound] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'compound' AND parent_id = $1 ORDER BY id LIMIT 1", [fuqian]);
    const [building] = await t.db.query<{ id: number }>('SELECT id FROM nodes WHERE parent_id = $1 ORDER BY id LIMIT 1', [compound!.id]);
    expectError(await admin.post(`/api/nodes/${fuqian}/move`, { parentId: compound!.id }), 400, 'TREE_CYCLE'); // under its own descendant
    const otherCompound = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'compound' AND parent_id = $1 ORDER BY id LIMIT 1", [zhongshan]))[0]!.id;
    expectError(await admin.post(`/api/nodes/${fuqian}/move`, { parentId: otherCompound }), 400, 'TREE_SHAPE'); // a community under a compound
    expectError(await admin.post(`/api/nodes/${building!.id}/move`, { parentId: fuqian }), 400, 'TREE_SHAPE'); // a building under a community
    expectError(await admin.post(`/api/nodes/${compound!.id}/move`, { parentId: yincheng }), 400, 'TREE_SHAPE'); // a compound under a subdistrict
    expectError(await admin.post(`/api/nodes/${yincheng}/move`, { parentId: yincheng }), 400, 'TREE_CYCLE'); // under itself
    expectError(await admin.post(`/api/nodes/${yincheng}/move`, { parentId: fuqian }), 400, 'TREE_CYCLE'); // under its own child
    expectError(await admin.post(`/api/nodes/${compound!.id}/move`, { parentId: compound!.id }), 400, 'TREE_CYCLE');
    expectError(await admin.post(`/api/nodes/${county}/move`, { parentId: yincheng }), 400);
    expectError(await admin.post(`/api/nodes/${county}/move`, { parentId: county }), 400);
    expect(await contentFingerprint(t.db)).toBe(fp);
    await expectConsistentSubtree(county);
  });

  it('a move under a deactivated node, or to a parent with a same-named child, is refused', async () => {
    const target = await create(yincheng, 'community');
    const a = await create(fuqian, 'compound', { name: '同名小区' });
    await create(target, 'compound', { name: '同名小区' });
    expectError(await admin.post(`/api/nodes/${a}/move`, { parentId: target }), 409, 'DUPLICATE');
    expect((await admin.post(`/api/nodes/${target}/deactivate`)).statusCode).toBe(200);
    const b = await create(fuqian, 'compound');
    expectError(await admin.post(`/api/nodes/${b}/move`, { parentId: target }), 409, 'NODE_INACTIVE');
    expect((await node(t.db, b)).parent_id).toBe(fuqian);
  });
});

describe('deactivate and activate', () => {
  it('deactivating a node deactivates its subtree; activating restores it', async () => {
    const compound = await create(fuqian, 'compound');
    const building = await create(compound, 'building');
    await create(building, 'stairwell');
    await create(building, 'stairwell');
    const res = await admin.post(`/api/nodes/${compound}/deactivate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);
    const subtree = `${(await node(t.db, compound)).path}%`;
    expect(await count(t.db, 'SELECT count(*) FROM nodes WHERE path LIKE $1 AND active', [subtree])).toBe(0);
    expect(await count(t.db, 'SELECT count(*) FROM nodes WHERE path LIKE $1', [subtree])).toBe(4);
    // Hidden from lists unless asked for.
    const listed = await admin.get(`/api/nodes?parentId=${fuqian}&pageSize=200`);
    expect(listed.json().data.map((n: { id: number }) => n.id)).not.toContain(compound);
    const all = await admin.get(`/api/nodes?parentId=${fuqian}&pageSize=200&includeInactive=true`);
    expect(all.json().data.map((n: { id: number }) => n.id)).toContain(compound);
    // Nothing can be created under it, and a child cannot be activated alone.
    expectError(await admin.post('/api/nodes', { parentId: building, kind: 'stairwell', name: '新单元', code: code() }), 409, 'NODE_INACTIVE');
    expectError(await admin.post(`/api/nodes/${building}/activate`), 409, 'NODE_INACTIVE');

    const back = await admin.post(`/api/nodes/${compound}/activate`);
    expect(back.json().active).toBe(true);
    expect(await count(t.db, 'SELECT count(*) FROM nodes WHERE path LIKE $1 AND NOT active', [subtree])).toBe(0);
  });

  it('the county root cannot be deactivated', async () => {
    expectError(await admin.post(`/api/nodes/${county}/deactivate`), 400, 'TREE_SHAPE');
    expect((await node(t.db, county)).active).toBe(true);
  });

  it('a deactivated community takes its grants out of its users' + "'" + ' scope', async () => {
    const community = await create(yincheng, 'community');
    await create(community, 'compound');
    const created = await admin.post('/api/users', { username: 'short-lived', displayName: '临时书记', password: 'Temp!Pass2026', grants: [{ role: 'community_secretary', nodeId: community }] });
    expect(created.statusCode).toBe(201);
    const uid = created.json().id as number;
    await t.db.query('UPDATE users SET must_change_password = false WHERE id = $1', [uid]);
    const secretary = await t.login('short-lived', 'Temp!Pass2026');
    expect((await secretary.get('/api/nodes?kind=compound')).json().pagination.total).toBe(1);
    expect((await admin.post(`/api/nodes/${community}/deactivate`)).statusCode).toBe(200);
    expect((await secretary.get('/api/auth/me')).json().grants).toEqual([]);
    expectError(await secretary.get('/api/nodes'), 403, 'FORBIDDEN');
  });
});
