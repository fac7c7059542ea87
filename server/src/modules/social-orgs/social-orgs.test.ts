import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError, grantNodes, testPhone, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let branch1Compound: number;
let branch2Compound: number;
let community1Id: number;
let subdistrict1Id: number;
let countyId: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch1Compound = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  branch2Compound = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  community1Id = (await grantNodes(t.db, 'community1'))[0]!.id;
  subdistrict1Id = (await grantNodes(t.db, 'subdistrict1'))[0]!.id;
  countyId = (await grantNodes(t.db, 'admin'))[0]!.id;
});
afterAll(async () => t.close());

const rows = async () => ({ orgs: await count(t.db, 'SELECT count(*) FROM social_orgs'), audit: await count(t.db, 'SELECT count(*) FROM audit_log') });

describe('social organisations (社会组织)', () => {
  it('creates, updates and lists an organisation with a masked contact; one audit row per write', async () => {
    const phone = testPhone();
    const idNumber = validIdNumber('19850920', false);
    const contact = (await admin.post('/api/people', { name: '刘桂兰', phone, idNumber, nodeId: community1Id })).json();
    const res = await community1.post('/api/social-orgs', { name: '府前志愿服务队', kind: 'volunteer_team', nodeId: community1Id, contactId: contact.id, services: ['助老', '环境整治'] });
    expect(res.statusCode, res.body).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ kind: 'volunteer_team', registered: false, services: ['助老', '环境整治'], contact: { id: contact.id, name: '刘桂兰', phone: `${phone.slice(0, 3)}****${phone.slice(-4)}` } });
    const updated = await community1.patch(`/api/social-orgs/${org.id}`, { registered: true, kind: 'charity' });
    expect(updated.json()).toMatchObject({ registered: true, kind: 'charity' });
    for (const r of [res, updated, await community1.get(`/api/social-orgs/${org.id}`), await community1.get('/api/social-orgs?kind=charity&registered=true')]) {
      expect(r.body).not.toContain(phone);
      expect(r.body).not.toContain(idNumber);
    }
    expect((await community1.get('/api/social-orgs?kind=charity&registered=true')).json().data.map((o: { id: number }) => o.id)).toContain(org.id);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE target_type = 'social_org' AND target_id = $1", [String(org.id)])).toBe(2);
    // A subdistrict-wide organisation is allowed; the county is not a place.
    expect((await admin.post('/api/social-orgs', { name: '街道书画协会', kind: 'interest_group', nodeId: subdistrict1Id })).statusCode).toBe(201);
  });

  it('refuses bad input and writes outside scope; nothing is written', async () => {
    const before = await rows();
    expectError(await admin.post('/api/social-orgs', { name: '县级组织', kind: 'other', nodeId: countyId }), 400, 'TREE_SHAPE');
    expectError(await admin.post('/api/social-orgs', { name: '怪组织', kind: 'club', nodeId: community1Id }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/social-orgs', { name: '无类型', nodeId: community1Id }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post('/api/social-orgs', { name: '越界组织', kind: 'other', nodeId: branch2Compound }), 404, 'NOT_FOUND');
    expectError(await branch1.post('/api/social-orgs', { name: '支部组织', kind: 'other', nodeId: branch1Compound }), 403, 'FORBIDDEN');
    expect(await rows()).toEqual(before);
  });

  it('is scoped by node: lists match SQL, out-of-scope ids answer 404', async () => {
    const theirs = (await admin.post('/api/social-orgs', { name: '外社区组织', kind: 'other', nodeId: branch2Compound })).json();
    const mine = (await admin.post('/api/social-orgs', { name: '本小区组织', kind: 'other', nodeId: branch1Compound })).json();
    for (const username of ['admin', 'subdistrict1', 'community1', 'branch1', 'branch2']) {
      const c = await t.login(username);
      const patterns = (await grantNodes(t.db, username)).map((g) => `${g.path}%`);
      const expected = await t.db.query<{ id: number }>('SELECT o.id FROM social_orgs o JOIN nodes n ON n.id = o.node_id WHERE n.path LIKE ANY($1) ORDER BY o.id', [patterns]);
      const res = await c.get('/api/social-orgs?pageSize=200');
      expect(res.json().pagination.total, username).toBe(expected.length);
      if (expected.length <= 200) expect(res.json().data.map((o: { id: number }) => o.id).sort((a: number, b: number) => a - b)).toEqual(expected.map((e) => e.id));
    }
    expect((await branch1.get(`/api/social-orgs/${mine.id}`)).statusCode).toBe(200);
    expectError(await branch1.get(`/api/social-orgs/${theirs.id}`), 404, 'NOT_FOUND');
    expectError(await community1.patch(`/api/social-orgs/${theirs.id}`, { name: '越界' }), 404, 'NOT_FOUND');
  });
});
