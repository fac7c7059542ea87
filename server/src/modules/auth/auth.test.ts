import { ROLE_PERMISSIONS } from '@xj/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CHINESE, count, expectError, grantNodes, userId } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  // No session cache: every request asks the database, so SQL changes to sessions show at once.
  t = await startTestApp({ env: { SESSION_CACHE_SECONDS: '0' } });
  admin = await t.login('admin');
});
afterAll(async () => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies
    .filter((c) => c.name === 'xj_sid')
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');

/** Creates an account through the API as admin (it must change its initial password). */
async function createUser(username: string, password = 'Init!Pass2026'): Promise<number> {
  const [community] = await grantNodes(t.db, 'community1');
  const res = await admin.post('/api/users', { username, displayName: `测试${username}`, password, grants: [{ role: 'community_secretary', nodeId: community!.id }] });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

describe('sign-in', () => {
  it('answers the signed-in context and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await login('community1', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const me = res.json() as { user: { username: string }; csrfToken: string; permissions: string[]; grants: { role: string }[] };
    expect(me.user.username).toBe('community1');
    expect(me.csrfToken.length).toBeGreaterThan(20);
    expect(me.grants.map((g) => g.role)).toEqual(['community_secretary']);
    expect(me.permissions.sort()).toEqual([...ROLE_PERMISSIONS.community_secretary].sort());
    expect(me.permissions).not.toContain('nodes.write');
    const cookie = res.cookies.find((c) => c.name === 'xj_sid');
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Strict');
    expect(cookie!.path).toBe('/');
    // The token itself is never stored: only its hash.
    expect(await count(t.db, 'SELECT count(*) FROM sessions WHERE id = $1', [cookie!.value])).toBe(0);
    const again = await t.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieOf(res) } });
    expect(again.statusCode).toBe(200);
    expect(again.json().user.username).toBe('community1');
  });

  it('usernames are case-insensitive', async () => {
    expect((await login('Community1', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('a wrong password and an unknown user both answer 401 INVALID_CREDENTIALS with the same message', async () => {
    const wrong = expectError(await login('auditor', 'Wrong#Pass2026'), 401, 'INVALID_CREDENTIALS');
    const unknown = expectError(await login('nobody-here', 'Wrong#Pass2026'), 401, 'INVALID_CREDENTIALS');
    expect(wrong.message).toBe(unknown.message);
    // The failure does not lock after one attempt.
    expect((await login('auditor', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('stores argon2id hashes only', async () => {
    const rows = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const r of rows) expect(r.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('a disabled account cannot sign in (403 ACCOUNT_DISABLED)', async () => {
    const id = await createUser('disabled-user');
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expectError(await login('disabled-user', 'Init!Pass2026'), 403, 'ACCOUNT_DISABLED');
    // …and a wrong password still says only "wrong credentials".
    expectError(await login('disabled-user', 'Nope!Pass2026'), 401, 'INVALID_CREDENTIALS');
  });
});

describe('lockout', () => {
  it('5 wrong passwords lock the account for 15 minutes; the right password then answers 403 ACCOUNT_LOCKED', async () => {
    const id = await userId(t.db, 'commissioner1');
    for (let i = 1; i <= 4; i++) expectError(await login('commissioner1', `Wrong#${i}pass`), 401, 'INVALID_CREDENTIALS');
    const fifth = expectError(await login('commissioner1', 'Wrong#5pass'), 403, 'ACCOUNT_LOCKED');
    expect(fifth.message).toContain('15');
    const [row] = await t.db.query<{ minutes: number }>(
      'SELECT extract(epoch FROM locked_until - now()) / 60 AS minutes FROM users WHERE id = $1',
      [id],
    );
    expect(Number(row!.minutes)).toBeGreaterThan(14);
    expect(Number(row!.minutes)).toBeLessThanOrEqual(15);

    expectError(await login('commissioner1', DEMO_PASSWORD), 403, 'ACCOUNT_LOCKED');
    // The lock shows in user management.
    const seen = await admin.get(`/api/users/${id}`);
    expect(seen.json().locked).toBe(true);

    // Fifteen minutes later (moved in SQL) the right password works again and the counter restarts.
    await t.db.query("UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1", [id]);
    expect((await login('commissioner1', DEMO_PASSWORD)).statusCode).toBe(200);
    const [after] = await t.db.query<{ failed_attempts: number; locked_until: Date | null }>('SELECT failed_attempts, locked_until FROM users WHERE id = $1', [id]);
    expect(after!.failed_attempts).toBe(0);
    expect(after!.locked_until).toBeNull();
  });

  it('a successful sign-in resets the failure counter', async () => {
    for (let i = 0; i < 4; i++) expectError(await login('branch2', 'Wrong#pass1'), 401, 'INVALID_CREDENTIALS');
    expect((await login('branch2', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expectError(await login('branch2', 'Wrong#pass1'), 401, 'INVALID_CREDENTIALS');
    expect((await login('branch2', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('ends after 30 idle minutes (401 SESSION_EXPIRED) and is removed from the database', async () => {
    const c = await t.login('branch1');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    const uid = await userId(t.db, 'branch1');
    // 29 idle minutes: still valid.
    await t.db.query("UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1", [uid]);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    await t.db.query("UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1", [uid]);
    expectError(await c.get('/api/auth/me'), 401, 'SESSION_EXPIRED');
    expectError(await c.get('/api/nodes'), 401, 'SESSION_EXPIRED');
    expect(await count(t.db, 'SELECT count(*) FROM sessions WHERE user_id = $1', [uid])).toBe(0);
  });

  it('ends at its absolute expiry however active it is', async () => {
    const c = await t.login('branch1');
    const uid = await userId(t.db, 'branch1');
    await t.db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [uid]);
    expectError(await c.get('/api/auth/me'), 401, 'SESSION_EXPIRED');
  });

  it('no cookie answers 401 UNAUTHENTICATED; a forged cookie 401 SESSION_EXPIRED', async () => {
    expectError(await t.inject({ method: 'GET', url: '/api/auth/me' }), 401, 'UNAUTHENTICATED');
    expectError(await t.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'xj_sid=forged-token' } }), 401, 'SESSION_EXPIRED');
  });

  it('logout ends the session on the server: the old cookie answers 401', async () => {
    const c = await t.login('subdistrict1');
    const before = await count(t.db, 'SELECT count(*) FROM sessions');
    const res = await c.post('/api/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((x) => x.name === 'xj_sid')?.value).toBe('');
    expect(await count(t.db, 'SELECT count(*) FROM sessions')).toBe(before - 1);
    expectError(await c.get('/api/auth/me'), 401, 'SESSION_EXPIRED');
    expectError(await c.get('/api/nodes'), 401, 'SESSION_EXPIRED');
  });
});

describe('CSRF', () => {
  it('a cookie-authenticated POST, PATCH or DELETE without or with a wrong X-CSRF-Token answers 403 CSRF_FAILED and writes nothing', async () => {
    const [community] = await grantNodes(t.db, 'community1');
    const other = await t.login('admin');
    const nodesBefore = await count(t.db, 'SELECT count(*) FROM nodes');
    const auditBefore = await count(t.db, 'SELECT count(*) FROM audit_log');
    const [grant] = await t.db.query<{ id: number; user_id: number }>("SELECT g.id, g.user_id FROM grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'community1'");
    const attempts = [
      { method: 'POST' as const, url: '/api/nodes', payload: { parentId: community!.id, kind: 'compound', name: 'CSRF小区', code: 'CSRF-1', compoundKind: 'commercial' } },
      { method: 'PATCH' as const, url: `/api/nodes/${community!.id}`, payload: { name: '被篡改的社区' } },
      { method: 'DELETE' as const, url: `/api/users/${grant!.user_id}/grants/${grant!.id}` },
    ];
    for (const a of attempts) {
      for (const token of [undefined, 'wrong-token', other.csrfToken]) {
        const headers: Record<string, string> = { cookie: admin.cookie };
        if (token) headers['x-csrf-token'] = token;
        expectError(await t.inject({ ...a, headers }), 403, 'CSRF_FAILED');
      }
    }
    expect(await count(t.db, 'SELECT count(*) FROM nodes')).toBe(nodesBefore);
    expect(await count(t.db, 'SELECT count(*) FROM audit_log')).toBe(auditBefore);
    expect((await t.db.query<{ name: string }>('SELECT name FROM nodes WHERE id = $1', [community!.id]))[0]!.name).toBe(community!.name);
    expect(await count(t.db, 'SELECT count(*) FROM grants WHERE id = $1', [grant!.id])).toBe(1);
    // A GET needs no token.
    expect((await t.inject({ method: 'GET', url: '/api/nodes', headers: { cookie: admin.cookie } })).statusCode).toBe(200);
  });

  it('a cross-origin sign-in answers 403; the same origin signs in', async () => {
    const host = 'gov.example.cn';
    expectError(await login('admin', DEMO_PASSWORD, { host, origin: 'https://evil.example.com' }), 403, 'CSRF_FAILED');
    expectError(await login('admin', DEMO_PASSWORD, { host, origin: 'null' }), 403, 'CSRF_FAILED');
    expect((await login('admin', DEMO_PASSWORD, { host, origin: `https://${host}` })).statusCode).toBe(200);
  });
});

describe('passwords', () => {
  it('the password policy is public and enforced on change, create and reset with a Chinese message', async () => {
    const policy = await t.inject({ method: 'GET', url: '/api/auth/password-policy' });
    expect(policy.json()).toEqual({ minLength: 10, minClasses: 3 });

    const c = await t.login('branch2');
    for (const weak of ['short1!A', 'alllowercaseletters', 'branch2-Pass!2026']) {
      const err = expectError(await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: weak }), 400, 'PASSWORD_POLICY');
      expect(err.message).toMatch(/^密码不符合要求/);
    }
    expectError(await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }), 400, 'PASSWORD_POLICY');
    expectError(await c.post('/api/auth/password', { currentPassword: 'Not-the-current1', newPassword: 'Fresh!Pass2026' }), 400, 'PASSWORD_WRONG');

    const [community] = await grantNodes(t.db, 'community1');
    const created = expectError(
      await admin.post('/api/users', { username: 'weakling', displayName: '弱密码', password: 'password', grants: [{ role: 'community_secretary', nodeId: community!.id }] }),
      400,
      'PASSWORD_POLICY',
    );
    expect(created.message).toMatch(CHINESE);
    expect(await count(t.db, "SELECT count(*) FROM users WHERE username = 'weakling'")).toBe(0);

    const id = await createUser('reset-target');
    const hashBefore = (await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id]))[0]!.password_hash;
    expectError(await admin.post(`/api/users/${id}/reset-password`, { password: 'abc' }), 400, 'PASSWORD_POLICY');
    const hashAfter = (await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id]))[0]!.password_hash;
    expect(hashAfter).toBe(hashBefore);
  });

  it('a changed password works, the old one no longer does, and other sessions of the user end', async () => {
    const first = await t.login('branch2');
    const second = await t.login('branch2');
    const res = await first.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Branch@Two2027' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expectError(await second.get('/api/auth/me'), 401, 'SESSION_EXPIRED');
    expectError(await login('branch2', DEMO_PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await login('branch2', 'Branch@Two2027')).statusCode).toBe(200);
    const [row] = await t.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'branch2'");
    expect(row!.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('an account created with an initial password must change it before anything else', async () => {
    await createUser('newcomer', 'Init!Pass2026');
    const c = await t.login('newcomer', 'Init!Pass2026');
    expect((c.me as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
    expectError(await c.get('/api/nodes'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectError(await c.get('/api/cockpit/summary'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectError(await c.get('/api/party-orgs'), 403, 'PASSWORD_CHANGE_REQUIRED');
    const me = await c.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    const changed = await c.post('/api/auth/password', { currentPassword: 'Init!Pass2026', newPassword: 'Mine!Own2026x' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await c.get('/api/nodes')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
  });
});

describe('security headers', () => {
  it('are present on API answers', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/api/nodes/abc']) {
      const res = await t.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
