import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError, grantNodes, createPerson } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1Compound: number;
let branch2Compound: number;
let community1Id: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  branch1Compound = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  branch2Compound = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  community1Id = (await grantNodes(t.db, 'community1'))[0]!.id;
});
afterAll(async () => t.close());

const person = (nodeId: number) => createPerson(admin, nodeId, { name: '孙丽华', birth: '19680101', male: false });
const rows = async () => ({ deputies: await count(t.db, 'SELECT count(*) FROM deputies'), audit: await count(t.db, 'SELECT count(*) FROM audit_log') });

describe('deputies (两代表一委员)', () => {
  it('records each body and level once per person, masked; one audit row per write', async () => {
    const p = await person(community1Id);
    const res = await community1.post('/api/deputies', { personId: p.id, body: 'npc', level: 'county' });
    expect(res.statusCode, res.body).toBe(201);
    const deputy = res.json();
    expect(deputy).toMatchObject({ body: 'npc', level: 'county', nodeId: community1Id, person: { id: p.id, phone: `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}` } });
    // The same person in another body is a second record; the same seat twice is refused.
    const cppcc = await community1.post('/api/deputies', { personId: p.id, body: 'cppcc', level: 'county', nodeId: branch1Compound });
    expect(cppcc.statusCode, cppcc.body).toBe(201);
    const before = await rows();
    expect(expectError(await community1.post('/api/deputies', { personId: p.id, body: 'npc', level: 'county' }), 409, 'DUPLICATE').message).toContain('县级人大代表');
    expectError(await community1.patch(`/api/deputies/${cppcc.json().id}`, { body: 'npc' }), 409, 'DUPLICATE');
    expect(await rows()).toEqual(before);
    const updated = await community1.patch(`/api/deputies/${deputy.id}`, { level: 'city' });
    expect(updated.json().level).toBe('city');
    for (const r of [res, cppcc, updated, await community1.get('/api/deputies?body=npc&level=city')]) {
      expect(r.body).not.toContain(p.phone);
      expect(r.body).not.toContain(p.idNumber);
    }
    expect((await community1.get('/api/deputies?body=npc&level=city&pageSize=200')).json().data.map((d: { id: number }) => d.id)).toContain(deputy.id);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE target_type = 'deputy' AND target_id = $1", [String(deputy.id)])).toBe(2);
  });

  it('refuses bad input and writes outside scope; nothing is written', async () => {
    const mine = await person(branch1Compound);
    const theirs = await person(branch2Compound);
    const before = await rows();
    expectError(await community1.post('/api/deputies', { personId: mine.id, body: 'senate', level: 'county' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post('/api/deputies', { personId: mine.id, body: 'npc', level: 'village' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post('/api/deputies', { personId: theirs.id, body: 'npc', level: 'county' }), 404, 'NOT_FOUND');
    expectError(await community1.post('/api/deputies', { personId: mine.id, body: 'npc', level: 'county', nodeId: branch2Compound }), 404, 'NOT_FOUND');
    expect(await rows()).toEqual(before);
  });

  it('is scoped by node: lists match SQL, out-of-scope ids answer 404', async () => {
    const theirs = (await admin.post('/api/deputies', { personId: (await person(branch2Compound)).id, body: 'party_congress', level: 'province' })).json();
    for (const username of ['admin', 'subdistrict1', 'community1', 'branch1', 'branch2', 'commissioner1']) {
      const c = await t.login(username);
      const patterns = (await grantNodes(t.db, username)).map((g) => `${g.path}%`);
      const expected = await t.db.query<{ id: number }>('SELECT d.id FROM deputies d JOIN nodes n ON n.id = d.node_id WHERE n.path LIKE ANY($1) ORDER BY d.id', [patterns]);
      const res = await c.get('/api/deputies?pageSize=200');
      expect(res.json().pagination.total, username).toBe(expected.length);
      if (expected.length <= 200) expect(res.json().data.map((d: { id: number }) => d.id).sort((a: number, b: number) => a - b), username).toEqual(expected.map((e) => e.id));
    }
    expectError(await community1.get(`/api/deputies/${theirs.id}`), 404, 'NOT_FOUND');
    expectError(await community1.patch(`/api/deputies/${theirs.id}`, { level: 'county' }), 404, 'NOT_FOUND');
  });
});
