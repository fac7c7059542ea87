import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESIDENT_CODE_RULES, RESIDENT_COOKIE } from '@xj/contracts';
import { nodeId, startTestApp, type TestApp } from '../../test/harness.js';
import { CHINESE, count, expectError } from '../../test/fixtures.js';

let t: TestApp;
beforeAll(async () => {
  // Every request here comes from one address: its hourly limit is tested on an app of its own below.
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
});
afterAll(async () => t.close());

const sendCode = (phone: string, app: TestApp = t, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/public/resident/code', payload: { phone }, headers });
const verify = (phone: string, code: string, headers: Record<string, string> = {}) =>
  t.inject({ method: 'POST', url: '/api/public/resident/verify', payload: { phone, code }, headers });
const outbox = async (phone: string): Promise<string> => {
  const res = await t.inject({ method: 'GET', url: `/api/public/dev/sms-outbox?phone=${phone}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { code: string }).code;
};
const cookieOf = (res: LightMyRequestResponse) => {
  const c = res.cookies.find((x) => x.name === RESIDENT_COOKIE);
  if (!c) throw new Error(`no resident cookie: ${res.statusCode} ${res.body}`);
  return c;
};
const me = (cookie: string) => t.inject({ method: 'GET', url: '/api/public/resident/me', headers: { cookie: `${RESIDENT_COOKIE}=${cookie}` } });
/** Moves a phone's codes into the past, as if the seconds had gone by. */
const age = (phone: string, seconds: number) =>
  t.db.query(
    `UPDATE resident_codes SET created_at = created_at - make_interval(secs => $2), expires_at = expires_at - make_interval(secs => $2) WHERE phone = $1`,
    [phone, seconds],
  );
const wrongOf = (code: string) => String((Number(code) + 1) % 10 ** RESIDENT_CODE_RULES.length).padStart(RESIDENT_CODE_RULES.length, '0');

async function verified(phone: string): Promise<string> {
  expect((await sendCode(phone)).statusCode).toBe(200);
  const res = await verify(phone, await outbox(phone));
  expect(res.statusCode, res.body).toBe(200);
  return cookieOf(res).value;
}

describe('verification by SMS code', () => {
  it('sends a code, verifies it, sets an httpOnly SameSite=Lax resident cookie and /me answers the resident', async () => {
    const phone = '13900000001';
    const sent = await sendCode(' 139 0000 0001 ');
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ phoneMasked: '139****0001', expiresInSeconds: 300, resendAfterSeconds: 60 });
    const code = await outbox(phone);
    expect(code).toMatch(/^\d{6}$/);
    // Only a salted hash is stored.
    const [row] = await t.db.query<{ code_hash: string; expires_in: number }>(
      `SELECT code_hash, extract(epoch FROM expires_at - created_at)::int AS expires_in FROM resident_codes WHERE phone = $1`,
      [phone],
    );
    expect(row!.code_hash).toMatch(/^scrypt\$/);
    expect(row!.code_hash).not.toContain(code);
    expect(row!.expires_in).toBe(300);

    const res = await verify(phone, code);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ phoneMasked: '139****0001' });
    const cookie = cookieOf(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 30 * 24 * 3600 });
    const session = await t.db.query<{ id: string; days: number }>(
      `SELECT s.id, round(extract(epoch FROM s.expires_at - s.created_at) / 86400)::int AS days FROM resident_sessions s JOIN residents r ON r.id = s.resident_id WHERE r.phone = $1`,
      [phone],
    );
    expect(session).toHaveLength(1);
    expect(session[0]!.id).not.toBe(cookie.value);
    expect(session[0]!.days).toBe(30);

    const who = await me(cookie.value);
    expect(who.statusCode, who.body).toBe(200);
    const residentId = (await t.db.query<{ id: number }>('SELECT id FROM residents WHERE phone = $1', [phone]))[0]!.id;
    expect(who.json()).toEqual({ verified: true, phoneMasked: '139****0001', residentId });

    // The code is spent.
    expectError(await verify(phone, code), 400, 'RESIDENT_CODE_MISSING');
    // Audited, without the phone.
    const [audit] = await t.db.query<{ actor_name: string; target_id: string; details: Record<string, unknown> }>(
      `SELECT actor_name, target_id, details FROM audit_log WHERE action = 'resident.verify' AND result = 'success' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ actor_name: '居民 139****0001', target_id: String(residentId) });
    expect(JSON.stringify(audit)).not.toContain(phone);
  });

  it('keeps residents and staff apart: no resident session is a 401, and neither cookie opens the other side', async () => {
    expectError(await t.inject({ method: 'GET', url: '/api/public/resident/me' }), 401, 'RESIDENT_UNVERIFIED');
    expectError(await me('not-a-real-token'), 401, 'RESIDENT_UNVERIFIED');
    const staff = await t.login('community1');
    expectError(await staff.get('/api/public/resident/me'), 401, 'RESIDENT_UNVERIFIED');
    const token = await verified('13900000002');
    const asStaff = await t.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${RESIDENT_COOKIE}=${token}` } });
    expectError(asStaff, 401, 'UNAUTHENTICATED');
  });

  it('counts wrong codes and refuses the sixth attempt even with the right code', async () => {
    const phone = '13900000003';
    await sendCode(phone);
    const code = await outbox(phone);
    for (let left = RESIDENT_CODE_RULES.maxAttempts - 1; left >= 0; left--) {
      const err = expectError(await verify(phone, wrongOf(code)), 400, 'RESIDENT_CODE_WRONG');
      expect(err.details).toEqual({ remainingAttempts: left });
      expect(err.message).toContain(left > 0 ? `还可以再试 ${left} 次` : '请重新获取验证码');
    }
    expect(await count(t.db, 'SELECT attempts FROM resident_codes WHERE phone = $1', [phone])).toBe(5);
    const locked = await verify(phone, code);
    const err = expectError(locked, 429, 'RESIDENT_CODE_LOCKED');
    expect(err.message).toMatch(/错误次数过多.*秒后重新获取/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect((err.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(await count(t.db, 'SELECT count(*) FROM residents WHERE phone = $1', [phone])).toBe(0);
    // Wrong attempts are audited as failures.
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'resident.verify' AND result = 'failure' AND actor_name = '居民 139****0003'")).toBe(5);

    // A new code (after the minute) starts afresh and the old one is gone for good.
    await age(phone, 61);
    expect((await sendCode(phone)).statusCode).toBe(200);
    const fresh = await outbox(phone);
    if (fresh !== code) expectError(await verify(phone, code), 400, 'RESIDENT_CODE_WRONG');
    expect((await verify(phone, fresh)).statusCode).toBe(200);
  });

  it('refuses an expired code', async () => {
    const phone = '13900000004';
    await sendCode(phone);
    const code = await outbox(phone);
    await t.db.query(`UPDATE resident_codes SET expires_at = now() - interval '1 second' WHERE phone = $1`, [phone]);
    const err = expectError(await verify(phone, code), 400, 'RESIDENT_CODE_EXPIRED');
    expect(err.message).toBe('验证码已过期，请重新获取');
    expect(await count(t.db, 'SELECT count(*) FROM resident_sessions s JOIN residents r ON r.id = s.resident_id WHERE r.phone = $1', [phone])).toBe(0);
  });

  it('accepts a code just before it expires', async () => {
    const phone = '13900000005';
    await sendCode(phone);
    const code = await outbox(phone);
    await age(phone, RESIDENT_CODE_RULES.ttlSeconds - 5);
    expect((await verify(phone, code)).statusCode).toBe(200);
  });

  it('sends at most one code per phone per minute and ten per 24 hours', async () => {
    const phone = '13900000006';
    expect((await sendCode(phone)).statusCode).toBe(200);
    const again = await sendCode(phone);
    const err = expectError(again, 429, 'RATE_LIMITED');
    expect(err.message).toMatch(/验证码发送过于频繁，请 \d+ 秒后再试/);
    const wait = Number(again.headers['retry-after']);
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await count(t.db, 'SELECT count(*) FROM resident_codes WHERE phone = $1', [phone])).toBe(1);
    for (let i = 2; i <= RESIDENT_CODE_RULES.perDay; i++) {
      await age(phone, 61);
      expect((await sendCode(phone)).statusCode, `code ${i}`).toBe(200);
    }
    await age(phone, 61);
    const daily = expectError(await sendCode(phone), 429, 'RATE_LIMITED');
    expect(daily.message).toMatch(/24 小时内获取验证码已达 10 次/);
    // Only the newest code is open.
    expect(await count(t.db, 'SELECT count(*) FROM resident_codes WHERE phone = $1 AND closed_at IS NULL', [phone])).toBe(1);
  });

  it('signing out ends the session', async () => {
    const token = await verified('13900000007');
    expect((await me(token)).statusCode).toBe(200);
    const out = await t.inject({ method: 'POST', url: '/api/public/resident/sign-out', headers: { cookie: `${RESIDENT_COOKIE}=${token}` } });
    expect(out.statusCode, out.body).toBe(200);
    const cleared = out.cookies.find((c) => c.name === RESIDENT_COOKIE);
    expect(cleared?.value).toBe('');
    expectError(await me(token), 401, 'RESIDENT_UNVERIFIED');
    expect(await count(t.db, "SELECT count(*) FROM resident_sessions s JOIN residents r ON r.id = s.resident_id WHERE r.phone = '13900000007'")).toBe(0);
    // Signing out without a session is harmless.
    expect((await t.inject({ method: 'POST', url: '/api/public/resident/sign-out' })).statusCode).toBe(200);
  });

  it('links the resident to the registry person with that phone (only when exactly one has it)', async () => {
    const node = await nodeId(t.db, '府前社区');
    const [person] = await t.db.query<{ id: number }>("INSERT INTO people (name, node_id, phone) VALUES ('验证居民', $1, '13900000008') RETURNING id", [node]);
    await verified('13900000008');
    expect((await t.db.query<{ person_id: number | null }>("SELECT person_id FROM residents WHERE phone = '13900000008'"))[0]!.person_id).toBe(person!.id);

    await t.db.query("INSERT INTO people (name, node_id, phone) VALUES ('同号甲', $1, '13900000009'), ('同号乙', $1, '13900000009')", [node]);
    await verified('13900000009');
    expect((await t.db.query<{ person_id: number | null }>("SELECT person_id FROM residents WHERE phone = '13900000009'"))[0]!.person_id).toBeNull();

    await verified('13900000010');
    expect((await t.db.query<{ person_id: number | null }>("SELECT person_id FROM residents WHERE phone = '13900000010'"))[0]!.person_id).toBeNull();
  });

  it('refuses cross-site POSTs (Origin of another host, Sec-Fetch-Site: cross-site) and bad input', async () => {
    const phone = '13900000011';
    expectError(await sendCode(phone, t, { origin: 'https://evil.example' }), 403, 'CSRF_FAILED');
    expectError(await sendCode(phone, t, { 'sec-fetch-site': 'cross-site' }), 403, 'CSRF_FAILED');
    expect(await count(t.db, 'SELECT count(*) FROM resident_codes WHERE phone = $1', [phone])).toBe(0);
    expect((await sendCode(phone, t, { origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    const code = await outbox(phone);
    expectError(await verify(phone, code, { origin: 'null' }), 403, 'CSRF_FAILED');
    const token = cookieOf(await verify(phone, code)).value;
    const out = await t.inject({ method: 'POST', url: '/api/public/resident/sign-out', headers: { cookie: `${RESIDENT_COOKIE}=${token}`, origin: 'https://evil.example' } });
    expectError(out, 403, 'CSRF_FAILED');
    expect((await me(token)).statusCode).toBe(200);

    for (const p of ['12345', '02112345678', '1390000001x', '']) {
      const err = expectError(await sendCode(p), 400, 'VALIDATION_FAILED');
      expect(err.message).toMatch(CHINESE);
    }
    expectError(await verify(phone, '12345'), 400, 'VALIDATION_FAILED');
    expectError(await verify('13900000099', '123456'), 400, 'RESIDENT_CODE_MISSING');
  });
});

describe('the demo SMS outbox', () => {
  it('answers 404 for a phone without messages', async () => {
    expectError(await t.inject({ method: 'GET', url: '/api/public/dev/sms-outbox?phone=13900000098' }), 404, 'NOT_FOUND');
    expectError(await t.inject({ method: 'GET', url: '/api/public/dev/sms-outbox?phone=abc' }), 400, 'VALIDATION_FAILED');
  });

  it('is not registered outside demo mode, and limits codes per client address', async () => {
    const prod = await startTestApp({ seed: false, env: { DEMO_MODE: 'false', RESIDENT_CODES_PER_IP_PER_HOUR: '2' } });
    try {
      expectError(await prod.inject({ method: 'GET', url: '/api/public/dev/sms-outbox?phone=13900000001' }), 404, 'NOT_FOUND');
      expect((await sendCode('13900000021', prod)).statusCode).toBe(200);
      expect((await sendCode('13900000022', prod)).statusCode).toBe(200);
      const limited = await sendCode('13900000023', prod);
      expect(expectError(limited, 429, 'RATE_LIMITED').message).toMatch(/当前网络获取验证码过于频繁/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
      // Another address is not concerned.
      const other = await prod.inject({ method: 'POST', url: '/api/public/resident/code', payload: { phone: '13900000023' }, remoteAddress: '10.1.2.3' });
      expect(other.statusCode, other.body).toBe(200);
    } finally {
      await prod.close();
    }
    // A second app migrates a database of its own.
  }, 180_000);
});

describe('the HTTP SMS adapter', () => {
  let server: Server;
  let status = 200;
  const received: { body: unknown; auth: string | undefined }[] = [];
  let sms: TestApp;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ body: JSON.parse(body) as unknown, auth: req.headers.authorization });
        res.writeHead(status).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    sms = await startTestApp({
      seed: false,
      env: { SMS_PROVIDER: 'http', SMS_HTTP_URL: `http://127.0.0.1:${port}/send`, SMS_HTTP_TOKEN: 'sms-secret', SMS_TEMPLATE: '验证码{code}，5分钟内有效' },
    });
  }, 180_000);
  afterAll(async () => {
    await sms.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts the templated message; a provider failure is a 503 that leaves no code behind', async () => {
    expect((await sendCode('13900000031', sms)).statusCode).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]!.auth).toBe('Bearer sms-secret');
    expect(received[0]!.body).toEqual({ phone: '13900000031', message: expect.stringMatching(/^验证码\d{6}，5分钟内有效$/) });

    status = 502;
    const failed = await sendCode('13900000032', sms);
    expect(expectError(failed, 503, 'SMS_UNAVAILABLE').message).toBe('短信发送失败，请稍后再试');
    expect(await count(sms.db, "SELECT count(*) FROM resident_codes WHERE phone = '13900000032'")).toBe(0);
    // So the resident may try again at once.
    status = 200;
    expect((await sendCode('13900000032', sms)).statusCode).toBe(200);
  });

  it('has no demo outbox, even in demo mode', async () => {
    expectError(await sms.inject({ method: 'GET', url: '/api/public/dev/sms-outbox?phone=13900000031' }), 404, 'NOT_FOUND');
  });
});
