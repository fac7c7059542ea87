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

const person = (nodeId: number) => createPerson(admin, nodeId, { name: '赵小龙', birth: '19950707', male: true });
const rows = async () => ({ workers: await count(t.db, 'SELECT count(*) FROM gig_workers'), audit: await count(t.db, 'SELECT count(*) FROM audit_log') });

describe('gig workers (新就业群体)', () => {
  it('registers a person once, at their home node by default, masked; one audit row per write', async () => {
    const p = await person(branch1Compound);
    const res = await branch1.post('/api/gig-workers', { personId: p.id, type: 'delivery_rider', platform: '美团' });
    expect(res.statusCode, res.body).toBe(201);
    const worker = res.json();
    expect(worker).toMatchObject({ type: 'delivery_rider', platform: '美团', nodeId: branch1Compound, person: { id: p.id, name: '赵小龙', phone: `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}` } });
    const updated = await branch1.patch(`/api/gig-workers/${worker.id}`, { type: 'courier', platform: null });
    expect(updated.json()).toMatchObject({ type: 'courier', platform: null });
    for (const r of [res, updated, await community1.get(`/api/gig-workers/${worker.id}`), await community1.get('/api/gig-workers?type=courier&pageSize=200')]) {
      expect(r.body).not.toContain(p.phone);
      expect(r.body).not.toContain(p.idNumber);
    }
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE target_type = 'gig_worker' AND target_id = $1", [String(worker.id)])).toBe(2);
    const before = await rows();
    const dup = expectError(await community1.post('/api/gig-workers', { personId: p.id, type: 'other' }), 409, 'DUPLICATE');
    expect(dup.message).toContain(`编号 ${worker.id}`);
    expect(await rows()).toEqual(before);
    expect((await admin.get(`/api/gig-workers?q=赵小龙&nodeId=${branch1Compound}`)).json().data.map((w: { id: number }) => w.id)).toContain(worker.id);
  });

  it('refuses bad input and writes outside scope; nothing is written', async () => {
    const mine = await person(branch1Compound);
    const theirs = await person(branch2Compound);
    const commissioner1 = await t.login('commissioner1');
    const before = await rows();
    expectError(await branch1.post('/api/gig-workers', { personId: mine.id, type: 'pilot' }), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post('/api/gig-workers', { personId: mine.id }), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post('/api/gig-workers', { personId: mine.id, type: 'courier', platform: 'x'.repeat(51) }), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post('/api/gig-workers', { personId: theirs.id, type: 'courier' }), 404, 'NOT_FOUND');
    expectError(await branch1.post('/api/gig-workers', { personId: mine.id, type: 'courier', nodeId: branch2Compound }), 404, 'NOT_FOUND');
    expectError(await branch1.post('/api/gig-workers', { personId: mine.id, type: 'courier', nodeId: community1Id }), 404, 'NOT_FOUND');
    const [subdistrict] = await t.db.query<{ id: number }>('SELECT parent_id AS id FROM nodes WHERE id = $1', [community1Id]);
    expectError(await admin.post('/api/gig-workers', { personId: mine.id, type: 'courier', nodeId: subdistrict!.id }), 400, 'TREE_SHAPE');
    expectError(await commissioner1.post('/api/gig-workers', { personId: mine.id, type: 'courier' }), 403, 'FORBIDDEN');
    expect(await rows()).toEqual(before);
  });

  it('is scoped by home node: community1 sees its community, branch1 only its compound; lists match SQL', async () => {
    const theirs = (await admin.post('/api/gig-workers', { personId: (await person(branch2Compound)).id, type: 'ride_hailing', platform: '滴滴' })).json();
    for (const username of ['admin', 'subdistrict1', 'community1', 'branch1', 'branch2', 'commissioner1']) {
      const c = await t.login(username);
      const patterns = (await grantNodes(t.db, username)).map((g) => `${g.path}%`);
      const expected = await t.db.query<{ id: number }>('SELECT g.id FROM gig_workers g JOIN nodes n ON n.id = g.node_id WHERE n.path LIKE ANY($1) ORDER BY g.id', [patterns]);
      const res = await c.get('/api/gig-workers?pageSize=200');
      expect(res.json().pagination.total, username).toBe(expected.length);
      if (expected.length <= 200) expect(res.json().data.map((w: { id: number }) => w.id).sort((a: number, b: number) => a - b), username).toEqual(expected.map((e) => e.id));
    }
    expectError(await branch1.get(`/api/gig-workers/${theirs.id}`), 404, 'NOT_FOUND');
    expectError(await community1.get(`/api/gig-workers/${theirs.id}`), 404, 'NOT_FOUND');
    expectError(await community1.patch(`/api/gig-workers/${theirs.id}`, { type: 'other' }), 404, 'NOT_FOUND');
    expectError(await admin.get('/api/gig-workers?type=pilot'), 400, 'VALIDATION_FAILED');
  });
});
