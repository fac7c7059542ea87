import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { contentFingerprint, count, expectError, grantNodes, userId } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let sub1: Client;
let county: number;
let yincheng: number;
let beicheng: number;
let fuqian: number;
let zhongshan: number;
let beiguan: number;
let fuqianCompound: number;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  sub1 = await t.login('subdistrict1');
  county = await nodeId(t.db, '夏津县');
  yincheng = await nodeId(t.db, '银城街道');
  beicheng = await nodeId(t.db, '北城街道');
  fuqian = await nodeId(t.db, '府前社区');
  zhongshan = await nodeId(t.db, '中山社区');
  beiguan = await nodeId(t.db, '北关社区');
  fuqianCompound = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE parent_id = $1 AND kind = 'compound' ORDER BY id LIMIT 1", [fuqian]))[0]!.id;
});
afterAll(async () => t.close());

const PASSWORD = 'Start!Pass2026';
async function createUser(as: Client, username: string, grants: { role: string; nodeId: number }[]): Promise<number> {
  const res = await as.post('/api/users', { username, displayName: `用户${username}`, password: PASSWORD, grants });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('creating accounts', () => {
  it('creates an account that must change its password, with grants at nodes of the right kind', async () => {
    const res = await admin.post('/api/users', { username: 'new.secretary', displayName: '新书记', password: PASSWORD, grants: [{ role: 'community_secretary', nodeId: fuqian }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ username: 'new.secretary', displayName: '新书记', mustChangePassword: true, disabled: false, locked: false });
    expect(res.json().grants).toEqual([expect.objectContaining({ role: 'community_secretary', nodeId: fuqian, nodeKind: 'community', nodeName: '府前社区' })]);
    expect(JSON.stringify(res.json())).not.toMatch(/argon2|password_hash|passwordHash/);
  });

  it('role ↔ node kind: each role is granted only at its kind of node', async () => {
    const fp = await contentFingerprint(t.db);
    const wrong: [string, number][] = [
      ['county_admin', yincheng],
      ['subdistrict_admin', fuqian],
      ['community_secretary', yincheng],
      ['branch_secretary', fuqian],
      ['commissioner', fuqianCompound],
      ['auditor', yincheng],
    ];
    for (const [role, nodeId] of wrong) {
      const err = expectError(await admin.post('/api/users', { username: `wrong-${role}`, displayName: '错级', password: PASSWORD, grants: [{ role, nodeId }] }), 400, 'VALIDATION_FAILED');
      expect(err.message).toContain('只能授予在');
    }
    expect(await contentFingerprint(t.db)).toBe(fp);
    const right: [string, number][] = [
      ['county_admin', county],
      ['subdistrict_admin', beicheng],
      ['community_secretary', zhongshan],
      ['branch_secretary', fuqianCompound],
      ['commissioner', fuqian],
      ['auditor', county],
    ];
    for (const [role, nodeId] of right) await createUser(admin, `right-${role}`.replace(/_/g, '-'), [{ role, nodeId }]);
  });

  it('duplicate usernames answer 409 DUPLICATE, whatever their case', async () => {
    expectError(await admin.post('/api/users', { username: 'ADMIN', displayName: '冒名', password: PASSWORD, grants: [{ role: 'commissioner', nodeId: fuqian }] }), 409, 'DUPLICATE');
    expectError(await admin.post('/api/users', { username: 'community1', displayName: '冒名', password: PASSWORD, grants: [{ role: 'commissioner', nodeId: fuqian }] }), 409, 'DUPLICATE');
    expect(await count(t.db, "SELECT count(*) FROM users WHERE lower(username) = 'admin'")).toBe(1);
  });

  it('a grant on a deactivated node is refused', async () => {
    const res = await admin.post('/api/nodes', { parentId: yincheng, kind: 'community', name: '停用社区', code: 'U-OFF-1' });
    const off = res.json().id as number;
    await admin.post(`/api/nodes/${off}/deactivate`);
    expectError(await admin.post('/api/users', { username: 'on-off', displayName: '停用', password: PASSWORD, grants: [{ role: 'commissioner', nodeId: off }] }), 409, 'NODE_INACTIVE');
  });
});

describe('the manager’s scope', () => {
  it('subdistrict1 grants inside its subdistrict only: the county or the other subdistrict answer 404', async () => {
    const fp = await contentFingerprint(t.db);
    for (const [role, nodeId] of [['county_admin', county], ['auditor', county], ['subdistrict_admin', beicheng], ['community_secretary', beiguan]] as const) {
      expectError(await sub1.post('/api/users', { username: 'outside', displayName: '越界', password: PASSWORD, grants: [{ role, nodeId }] }), 404, 'NOT_FOUND');
    }
    // One bad grant among good ones: nothing is created.
    expectError(
      await sub1.post('/api/users', { username: 'outside', displayName: '越界', password: PASSWORD, grants: [{ role: 'commissioner', nodeId: fuqian }, { role: 'commissioner', nodeId: beiguan }] }),
      404,
      'NOT_FOUND',
    );
    expect(await contentFingerprint(t.db)).toBe(fp);
    const id = await createUser(sub1, 'sub1-made', [{ role: 'subdistrict_admin', nodeId: yincheng }]);
    expectError(await sub1.post(`/api/users/${id}/grants`, { role: 'commissioner', nodeId: beiguan }), 404, 'NOT_FOUND');
    expectError(await sub1.post(`/api/users/${id}/grants`, { role: 'county_admin', nodeId: county }), 404, 'NOT_FOUND');
    const added = await sub1.post(`/api/users/${id}/grants`, { role: 'commissioner', nodeId: zhongshan });
    expect(added.statusCode, added.body).toBe(201);
    expectError(await sub1.post(`/api/users/${id}/grants`, { role: 'commissioner', nodeId: zhongshan }), 409, 'DUPLICATE');
    expectError(await sub1.post(`/api/users/${id}/grants`, { role: 'commissioner', nodeId: fuqianCompound }), 400, 'VALIDATION_FAILED');
  });

  it('an account with a grant outside the manager’s scope can be seen but not managed (403)', async () => {
    const id = await createUser(admin, 'two-places', [{ role: 'commissioner', nodeId: fuqian }, { role: 'commissioner', nodeId: beiguan }]);
    expect((await sub1.get(`/api/users/${id}`)).statusCode).toBe(200);
    const fp = await contentFingerprint(t.db);
    const grantId = (await t.db.query<{ id: number }>('SELECT id FROM grants WHERE user_id = $1 AND node_id = $2', [id, fuqian]))[0]!.id;
    const attempts = [
      sub1.patch(`/api/users/${id}`, { displayName: '改名' }),
      sub1.patch(`/api/users/${id}`, { disabled: true }),
      sub1.post(`/api/users/${id}/reset-password`, { password: 'Other!Pass2026' }),
      sub1.post(`/api/users/${id}/unlock`),
      sub1.post(`/api/users/${id}/grants`, { role: 'commissioner', nodeId: zhongshan }),
      sub1.delete(`/api/users/${id}/grants/${grantId}`),
    ];
    for (const res of await Promise.all(attempts)) expectError(res, 403, 'FORBIDDEN');
    expect(await contentFingerprint(t.db)).toBe(fp);
    // The county admin can.
    expect((await admin.patch(`/api/users/${id}`, { displayName: '县里改名' })).statusCode).toBe(200);
  });

  it('accounts entirely outside the scope answer 404 to reads and writes', async () => {
    const branch2 = await userId(t.db, 'branch2');
    const adminId = await userId(t.db, 'admin');
    for (const id of [branch2, adminId, 99_999]) {
      expectError(await sub1.get(`/api/users/${id}`), 404, 'NOT_FOUND');
      expectError(await sub1.patch(`/api/users/${id}`, { displayName: 'x' }), 404, 'NOT_FOUND');
      expectError(await sub1.post(`/api/users/${id}/unlock`), 404, 'NOT_FOUND');
    }
  });

  it('lists are filtered in SQL: a manager sees accounts with a grant in scope (and grant-less ones only county-wide)', async () => {
    const noGrants = await createUser(admin, 'grantless', [{ role: 'commissioner', nodeId: fuqian }]);
    await admin.delete(`/api/users/${noGrants}/grants/${(await t.db.query<{ id: number }>('SELECT id FROM grants WHERE user_id = $1', [noGrants]))[0]!.id}`);
    for (const [username, c] of [['admin', admin], ['subdistrict1', sub1]] as const) {
      const res = await c.get('/api/users?pageSize=200');
      expect(res.statusCode).toBe(200);
      const paths = (await grantNodes(t.db, username)).map((g) => `${g.path}%`);
      const whole = username === 'admin';
      const expected = await t.db.query<{ id: number }>(
        `SELECT u.id FROM users u WHERE EXISTS (SELECT 1 FROM grants g JOIN nodes n ON n.id = g.node_id WHERE g.user_id = u.id AND n.path LIKE ANY($1))
            OR ($2 AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.user_id = u.id)) ORDER BY u.id`,
        [paths, whole],
      );
      const body = res.json() as { data: { id: number }[]; pagination: { total: number } };
      expect(body.pagination.total, username).toBe(expected.length);
      expect(body.data.map((u) => u.id).sort((a, b) => a - b)).toEqual(expected.map((e) => e.id));
      expect(body.data.some((u) => u.id === noGrants)).toBe(whole);
    }
    const subList = (await sub1.get('/api/users?pageSize=200')).json().data.map((u: { username: string }) => u.username);
    expect(subList).toEqual(expect.arrayContaining(['subdistrict1', 'community1', 'branch1', 'commissioner1']));
    expect(subList).not.toContain('branch2');
    expect(subList).not.toContain('admin');
    const byRole = (await admin.get('/api/users?role=auditor')).json();
    expect(byRole.pagination.total).toBe(await count(t.db, "SELECT count(DISTINCT user_id) FROM grants WHERE role = 'auditor'"));
    const search = (await admin.get('/api/users?q=branch')).json();
    const matching = await t.db.query<{ username: string }>("SELECT username FROM users WHERE username ILIKE '%branch%' OR display_name ILIKE '%branch%' ORDER BY username");
    expect(search.data.map((u: { username: string }) => u.username).sort()).toEqual(matching.map((m) => m.username));
    expect(matching.map((m) => m.username)).toEqual(expect.arrayContaining(['branch1', 'branch2']));
    // LIKE wildcards in the search text are matched literally.
    expect((await admin.get('/api/users?q=%25')).json().pagination.total).toBe(0);
    expect((await admin.get('/api/users?q=_')).json().pagination.total).toBe(await count(t.db, "SELECT count(*) FROM users WHERE strpos(username, '_') > 0 OR strpos(display_name, '_') > 0"));
  });
});

describe('account changes', () => {
  it('nobody manages their own account here: not even the county admin can disable themselves', async () => {
    const me = await userId(t.db, 'admin');
    expectError(await admin.patch(`/api/users/${me}`, { disabled: true }), 403, 'FORBIDDEN');
    expectError(await admin.post(`/api/users/${me}/reset-password`, { password: 'Self!Reset2026' }), 403, 'FORBIDDEN');
    expectError(await admin.post(`/api/users/${me}/grants`, { role: 'auditor', nodeId: county }), 403, 'FORBIDDEN');
    expect((await t.db.query<{ disabled: boolean }>('SELECT disabled FROM users WHERE id = $1', [me]))[0]!.disabled).toBe(false);
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('disabling an account ends its sessions; enabling lets it sign in again', async () => {
    const c = await t.login('commissioner1');
    const id = await userId(t.db, 'commissioner1');
    const res = await sub1.patch(`/api/users/${id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expectError(await c.get('/api/auth/me'), 401, 'SESSION_EXPIRED');
    expect(await count(t.db, 'SELECT count(*) FROM sessions WHERE user_id = $1', [id])).toBe(0);
    expectError(await t.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'commissioner1', password: DEMO_PASSWORD } }), 403, 'ACCOUNT_DISABLED');
    expect((await sub1.patch(`/api/users/${id}`, { disabled: false })).statusCode).toBe(200);
    expect((await t.login('commissioner1')).me).toBeTruthy();
  });

  it('reset-password forces a change and ends the user’s sessions', async () => {
    const c = await t.login('branch1');
    const id = await userId(t.db, 'branch1');
    const res = await sub1.post(`/api/users/${id}/reset-password`, { password: 'Reset!Pass2026' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    expectError(await c.get('/api/auth/me'), 401, 'SESSION_EXPIRED');
    expect(await count(t.db, 'SELECT count(*) FROM sessions WHERE user_id = $1', [id])).toBe(0);
    expectError(await t.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'branch1', password: DEMO_PASSWORD } }), 401, 'INVALID_CREDENTIALS');
    const again = await t.login('branch1', 'Reset!Pass2026');
    expectError(await again.get('/api/nodes'), 403, 'PASSWORD_CHANGE_REQUIRED');
  });

  it('unlock clears a lockout', async () => {
    const id = await userId(t.db, 'community1');
    for (let i = 0; i < 5; i++) await t.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'community1', password: 'Wrong#Pass1' } });
    expectError(await t.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'community1', password: DEMO_PASSWORD } }), 403, 'ACCOUNT_LOCKED');
    expect((await sub1.get(`/api/users/${id}`)).json().locked).toBe(true);
    const res = await sub1.post(`/api/users/${id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json().locked).toBe(false);
    expect((await t.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'community1', password: DEMO_PASSWORD } })).statusCode).toBe(200);
  });

  it('adding and removing grants changes the user’s scope at once', async () => {
    const id = await createUser(admin, 'scoped', [{ role: 'commissioner', nodeId: fuqian }]);
    await t.db.query('UPDATE users SET must_change_password = false WHERE id = $1', [id]);
    const c = await t.login('scoped', PASSWORD);
    const before = (await c.get('/api/nodes?kind=community')).json().pagination.total;
    expect(before).toBe(1);
    const added = await admin.post(`/api/users/${id}/grants`, { role: 'commissioner', nodeId: beiguan });
    expect(added.statusCode).toBe(201);
    expect((await c.get('/api/nodes?kind=community')).json().pagination.total).toBe(2);
    const grantId = (added.json().grants as { id: number; nodeId: number }[]).find((g) => g.nodeId === beiguan)!.id;
    const removed = await admin.delete(`/api/users/${id}/grants/${grantId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().grants.map((g: { nodeId: number }) => g.nodeId)).toEqual([fuqian]);
    expect((await c.get('/api/nodes?kind=community')).json().pagination.total).toBe(1);
    expectError(await admin.delete(`/api/users/${id}/grants/${grantId}`), 404, 'NOT_FOUND');
    // A grant of another user cannot be removed through this user.
    const otherGrant = (await t.db.query<{ id: number }>("SELECT g.id FROM grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'community1'"))[0]!.id;
    expectError(await admin.delete(`/api/users/${id}/grants/${otherGrant}`), 404, 'NOT_FOUND');
    expect(await count(t.db, 'SELECT count(*) FROM grants WHERE id = $1', [otherGrant])).toBe(1);
  });
});
