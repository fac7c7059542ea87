import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, contentFingerprint, expectError, tableCounts, userId } from '../../test/fixtures.js';

/**
 * Every write route against every kind of bad input: each answers a 4xx in the platform's
 * error shape with a Chinese message, never a 5xx, and leaves no row behind.
 */
let t: TestApp;
let admin: Client;
let auditor: Client;
let before: { counts: Record<string, number>; fp: string };

const ids = {} as { community: number; compound: number; org: number; user: number; grant: number; person: number };
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  auditor = await t.login('auditor');
  ids.community = await nodeId(t.db, '府前社区');
  ids.compound = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  ids.org = (await branchOf(t.db, 'branch1')).id;
  ids.user = await userId(t.db, 'commissioner1');
  ids.grant = (await t.db.query<{ id: number }>('SELECT id FROM grants WHERE user_id = $1', [ids.user]))[0]!.id;
  ids.person = (await t.db.query<{ id: number }>("INSERT INTO people (name, node_id) VALUES ('坏输入居民', $1) RETURNING id", [ids.compound]))[0]!.id;
  before = { counts: await tableCounts(t.db), fp: await contentFingerprint(t.db) };
});
afterAll(async () => t.close());

interface WriteRoute {
  name: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  url: (id?: string) => string;
  /** A body that would pass validation (or undefined for routes without one). */
  valid?: () => Record<string, unknown>;
  /** Fields set to a value of the wrong type. */
  wrongType?: Record<string, unknown>;
  /** Fields set to an over-long value. */
  tooLong?: Record<string, unknown>;
  anonymous?: boolean;
  hasId?: boolean;
}

const long = (n: number) => 'x'.repeat(n + 1);
const ROUTES: WriteRoute[] = [
  { name: 'POST /api/auth/login', method: 'POST', url: () => '/api/auth/login', anonymous: true, valid: () => ({ username: 'admin', password: 'Wrong!Pass2026' }), wrongType: { password: 123 }, tooLong: { username: long(40) } },
  { name: 'POST /api/auth/password', method: 'POST', url: () => '/api/auth/password', valid: () => ({ currentPassword: 'Xiajin@2026', newPassword: 'Another!Pass2026' }), wrongType: { currentPassword: true }, tooLong: { newPassword: `Aa1!${long(124)}` } },
  { name: 'POST /api/auth/logout', method: 'POST', url: () => '/api/auth/logout' },
  {
    name: 'POST /api/nodes',
    method: 'POST',
    url: () => '/api/nodes',
    valid: () => ({ parentId: ids.community, kind: 'compound', name: '坏输入小区', code: 'BAD-1', compoundKind: 'commercial' }),
    wrongType: { name: 123 },
    tooLong: { name: long(100) },
  },
  { name: 'PATCH /api/nodes/:id', method: 'PATCH', hasId: true, url: (id = String(ids.compound)) => `/api/nodes/${id}`, valid: () => ({ name: '坏输入改名' }), wrongType: { name: ['a'] }, tooLong: { code: long(40) } },
  { name: 'POST /api/nodes/:id/move', method: 'POST', hasId: true, url: (id = String(ids.compound)) => `/api/nodes/${id}/move`, valid: () => ({ parentId: ids.community }), wrongType: { parentId: { id: 1 } }, tooLong: { parentId: '9'.repeat(40) } },
  { name: 'POST /api/nodes/:id/deactivate', method: 'POST', hasId: true, url: (id = String(ids.compound)) => `/api/nodes/${id}/deactivate` },
  { name: 'POST /api/nodes/:id/activate', method: 'POST', hasId: true, url: (id = String(ids.compound)) => `/api/nodes/${id}/activate` },
  {
    name: 'POST /api/party-orgs',
    method: 'POST',
    url: () => '/api/party-orgs',
    valid: () => ({ kind: 'party_committee', name: '坏输入党委', nodeId: ids.community }),
    wrongType: { compoundIds: 'abc' },
    tooLong: { name: long(100) },
  },
  { name: 'PATCH /api/party-orgs/:id', method: 'PATCH', hasId: true, url: (id = String(ids.org)) => `/api/party-orgs/${id}`, valid: () => ({ name: '坏输入支部' }), wrongType: { active: 'yes' }, tooLong: { secretaryName: long(60) } },
  {
    name: 'POST /api/users',
    method: 'POST',
    url: () => '/api/users',
    valid: () => ({ username: 'bad-input', displayName: '坏输入', password: 'Bad!Input2026', grants: [{ role: 'commissioner', nodeId: ids.community }] }),
    wrongType: { grants: { role: 'commissioner' } },
    tooLong: { displayName: long(60) },
  },
  { name: 'PATCH /api/users/:id', method: 'PATCH', hasId: true, url: (id = String(ids.user)) => `/api/users/${id}`, valid: () => ({ displayName: '坏输入' }), wrongType: { disabled: 'true' }, tooLong: { displayName: long(60) } },
  { name: 'POST /api/users/:id/reset-password', method: 'POST', hasId: true, url: (id = String(ids.user)) => `/api/users/${id}/reset-password`, valid: () => ({ password: 'Bad!Input2026' }), wrongType: { password: 12345678901 }, tooLong: { password: `Aa1!${long(124)}` } },
  { name: 'POST /api/users/:id/unlock', method: 'POST', hasId: true, url: (id = String(ids.user)) => `/api/users/${id}/unlock` },
  { name: 'POST /api/users/:id/grants', method: 'POST', hasId: true, url: (id = String(ids.user)) => `/api/users/${id}/grants`, valid: () => ({ role: 'community_secretary', nodeId: ids.community }), wrongType: { role: 7 }, tooLong: { role: long(40) } },
  { name: 'POST /api/people', method: 'POST', url: () => '/api/people', valid: () => ({ name: '坏输入', nodeId: ids.compound }), wrongType: { nodeId: 'abc' }, tooLong: { name: long(50) } },
  { name: 'PATCH /api/people/:id', method: 'PATCH', hasId: true, url: (id = String(ids.person)) => `/api/people/${id}`, valid: () => ({ notes: '坏输入' }), wrongType: { gender: 1 }, tooLong: { notes: long(2000) } },
  { name: 'POST /api/people/:id/unmask', method: 'POST', hasId: true, url: (id = String(ids.person)) => `/api/people/${id}/unmask`, valid: () => ({ field: 'phone', reason: '坏输入测试' }), wrongType: { field: 3 }, tooLong: { reason: long(200) } },
  { name: 'DELETE /api/users/:id/grants/:grantId', method: 'DELETE', hasId: true, url: (id = String(ids.user)) => `/api/users/${id}/grants/${ids.grant}` },
];

function send(r: WriteRoute, opts: Partial<InjectOptions> & { url?: string }): Promise<LightMyRequestResponse> {
  const o = { method: r.method, url: opts.url ?? r.url(), ...opts } as InjectOptions;
  return r.anonymous ? t.inject(o) : admin.request(o);
}
const json = (r: WriteRoute, payload: string, url?: string) => send(r, { payload, headers: { 'content-type': 'application/json' }, ...(url ? { url } : {}) });

describe.each(ROUTES)('$name', (r) => {
  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    for (const payload of ['{"a":', '{a:1}', "{'a':1}", '[1,', '\u0000', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}']) {
      expectError(await json(r, payload), 400, 'MALFORMED_JSON');
    }
  });

  it('unknown fields → 400 VALIDATION_FAILED', async () => {
    const err = expectError(await json(r, JSON.stringify({ ...(r.valid?.() ?? {}), isAdmin: true })), 400, 'VALIDATION_FAILED');
    expect(err.message).toMatch(/请求体不正确/);
  });

  it('a body that is not an object → 400', async () => {
    for (const payload of ['[]', '"text"', '42', 'true']) expectError(await json(r, payload), 400, 'VALIDATION_FAILED');
    if (r.valid) expectError(await json(r, 'null'), 400);
  });

  it('a body over 1 MiB → 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ ...(r.valid?.() ?? {}), padding: 'x'.repeat(1_100_000) });
    expectError(await json(r, big), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a content type other than JSON → 415', async () => {
    const cases: [string, string][] = [
      ['text/plain', JSON.stringify(r.valid?.() ?? {})],
      ['application/x-www-form-urlencoded', 'name=x&code=y'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
      ['application/xml', '<a/>'],
    ];
    for (const [type, payload] of cases) expectError(await send(r, { payload, headers: { 'content-type': type } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe.each(ROUTES.filter((r) => r.valid))('$name (fields)', (r) => {
  it('wrong types, over-long strings, missing fields and NUL characters → 400', async () => {
    const valid = r.valid!();
    expectError(await json(r, JSON.stringify({ ...valid, ...r.wrongType })), 400, 'VALIDATION_FAILED');
    expectError(await json(r, JSON.stringify({ ...valid, ...r.tooLong })), 400, 'VALIDATION_FAILED');
    expectError(await json(r, '{}'), 400, 'VALIDATION_FAILED');
    // Every text field with a NUL character inside (passwords are opaque and may hold any character).
    for (const [k, v] of Object.entries(valid)) {
      if (typeof v !== 'string' || /password/i.test(k)) continue;
      const res = await json(r, JSON.stringify({ ...valid, [k]: `${v.slice(0, 3)}\u0000${v.slice(3)}` }));
      expect(res.statusCode, `${k}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${k}: ${res.body}`).toBeLessThan(500);
      expectError(res, res.statusCode);
    }
  });
});

describe.each(ROUTES.filter((r) => r.hasId))('$name (path ids)', (r) => {
  it('bad path ids → 400 or 404, never 5xx', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '99999999999', '2147483648', '%00', '%E0%A4%A', '1;DROP TABLE nodes']) {
      const res = await send(r, { url: r.url(id), ...(r.valid ? { payload: r.valid() } : {}) });
      expect([400, 404], `${id}: ${res.body}`).toContain(res.statusCode);
      expectError(res, res.statusCode);
    }
    const missing = await send(r, { url: r.url('2147483647'), ...(r.valid ? { payload: r.valid() } : {}) });
    expectError(missing, 404, 'NOT_FOUND');
  });
});

describe('list queries', () => {
  const lists: [string, () => Client][] = [
    ['/api/nodes', () => admin],
    ['/api/party-orgs', () => admin],
    ['/api/users', () => admin],
    ['/api/audit', () => auditor],
  ];
  it.each(lists)('%s refuses bad paging and unknown parameters with 400', async (url, client) => {
    for (const qs of ['page=0', 'page=-1', 'page=abc', 'page=1.5', 'pageSize=0', 'pageSize=100000', 'pageSize=201', 'unknown=1', 'page=1&page=2', 'q=' + 'x'.repeat(101)]) {
      const err = expectError(await client().get(`${url}?${qs}`), 400, 'VALIDATION_FAILED');
      expect(err.message).toMatch(/查询参数不正确/);
    }
    const ok = await client().get(`${url}?page=2&pageSize=200`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().pagination).toMatchObject({ page: 2, pageSize: 200 });
  });

  it('filters with bad values answer 400, never 5xx', async () => {
    const bad: [Client, string][] = [
      [admin, '/api/nodes?kind=palace'],
      [admin, '/api/nodes?parentId=abc'],
      [admin, '/api/nodes?includeInactive=yes'],
      [admin, '/api/nodes?compoundKind=villa'],
      [admin, '/api/party-orgs?kind=club'],
      [admin, '/api/users?role=king'],
      [admin, '/api/cockpit/summary?nodeId=0'],
      [admin, '/api/cockpit/summary?page=1'],
      [auditor, '/api/audit?result=maybe'],
      [auditor, '/api/audit?from=yesterday'],
      [auditor, '/api/audit?to=2026-13-40'],
      [auditor, '/api/audit?from=0000-01-01'],
      [auditor, '/api/audit?nodeId=-5'],
    ];
    for (const [c, url] of bad) {
      const res = await c.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expectError(res, 400);
    }
    // Text with NUL characters or LIKE wildcards in searches and filters.
    for (const [c, url] of [
      [admin, '/api/nodes?q=%00'],
      [admin, '/api/users?q=a%00b'],
      [admin, '/api/party-orgs?q=%00'],
      [auditor, '/api/audit?actor=%00'],
      [auditor, '/api/audit?action=%00'],
    ] as const) {
      const res = await c.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
    }
    expect((await admin.get('/api/nodes?q=%25%5F')).json().pagination.total).toBe(0);
  });
});

describe('URLs', () => {
  it('an undecodable URL or an unknown route answers in the error shape too', async () => {
    for (const url of ['/api/nodes/%E0%A4%A', '/api/%ZZ', '/api/party-orgs/%C0%AF']) {
      const res = await admin.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expectError(res, 400, 'VALIDATION_FAILED');
    }
    expectError(await t.inject({ method: 'GET', url: '/api/nodes/%E0%A4%A' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.get('/api/no-such-thing'), 404, 'NOT_FOUND');
    expectError(await admin.request({ method: 'PUT', url: `/api/nodes/${ids.compound}`, payload: {} }), 404, 'NOT_FOUND');
  });
});

describe('after all of it', () => {
  it('no row was written, changed or removed', async () => {
    expect(await tableCounts(t.db)).toEqual(before.counts);
    expect(await contentFingerprint(t.db)).toBe(before.fp);
    // The signed-in session survived every bad request, logout included.
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });
});
