import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { HotlineTicketStatusDto, TicketDto } from '@xj/contracts';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, userId } from '../../test/fixtures.js';
import { DEMO_HOTLINE_SECRET, loadConfig } from '../../platform/config.js';
import { buildApp } from '../../platform/http/app.js';
import { deadlineFrom } from '../tickets/working-days.js';
import { loadCalendar } from '../tickets/working-days.repo.js';
import { signHotline } from './hotline.signature.js';

let t: TestApp;
const c = {} as Record<'admin' | 'subdistrict1' | 'community1' | 'commissioner1', Client>;
const f = {} as { community: number; stairwell: string; subdistrict: number; subdistrictCode: string; county: number; commissioner1Name: string };

const one = async <T>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;
const now = () => Math.floor(Date.now() / 1000);

interface SendOptions {
  timestamp?: number | string;
  secret?: string;
  /** Replaces the computed headers (e.g. to drop or mangle one). */
  headers?: Record<string, string | undefined>;
}

/** A request signed the way the hotline signs it: HMAC-SHA256 of "<timestamp>.<raw body>". */
function signed(method: 'GET' | 'POST', url: string, body?: unknown, o: SendOptions = {}): Promise<LightMyRequestResponse> {
  const raw = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = String(o.timestamp ?? now());
  const headers: Record<string, string> = {
    'x-hotline-timestamp': timestamp,
    'x-hotline-signature': signHotline(o.secret ?? DEMO_HOTLINE_SECRET, timestamp, raw),
    ...(raw ? { 'content-type': 'application/json' } : {}),
  };
  for (const [k, v] of Object.entries(o.headers ?? {})) {
    if (v === undefined) delete headers[k];
    else headers[k] = v;
  }
  return t.inject({ method, url, headers, ...(raw ? { payload: raw } : {}) });
}

let seq = 0;
const hotlineCase = (extra: Record<string, unknown> = {}) => ({
  externalId: `12345-2026-${String(++seq).padStart(6, '0')}`,
  content: '小区南门路灯不亮已一周，夜间出行不便',
  category: '设施维修',
  address: '银城街道府前社区南门',
  nodeCode: f.stairwell,
  reporterPhone: '17000001234',
  receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  ...extra,
});
const post = (body: unknown, o?: SendOptions) => signed('POST', '/api/hotline/tickets', body, o);
const status = (externalId: string, o?: SendOptions) => signed('GET', `/api/hotline/tickets/${externalId}`, undefined, o);

function ok(res: LightMyRequestResponse, code = 200): HotlineTicketStatusDto {
  expect(res.statusCode, res.body).toBe(code);
  return res.json() as HotlineTicketStatusDto;
}
const rowOf = (externalId: string) =>
  one<{ id: number; node_id: number; category_code: string; deadline: Date; reporter_phone: string; status: string }>(
    `SELECT t.id, t.node_id, c.code AS category_code, t.deadline, t.reporter_phone, t.status
       FROM tickets t JOIN ticket_categories c ON c.id = t.category_id WHERE t.source = 'hotline' AND t.external_id = $1`,
    [externalId],
  );
const writes = async () => ({
  tickets: await count(t.db, 'SELECT count(*) FROM tickets'),
  events: await count(t.db, 'SELECT count(*) FROM ticket_events'),
  audit: await count(t.db, 'SELECT count(*) FROM audit_log'),
  counters: await count(t.db, 'SELECT coalesce(sum(last), 0) FROM ticket_code_counters'),
});

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['admin', 'subdistrict1', 'community1', 'commissioner1'] as const) c[u] = await t.login(u);
  f.community = (await one<{ id: number }>('SELECT node_id AS id FROM grants WHERE user_id = $1', [await userId(t.db, 'community1')])).id;
  const community = await one<{ path: string; parent_id: number }>('SELECT path, parent_id FROM nodes WHERE id = $1', [f.community]);
  f.stairwell = (await one<{ code: string }>("SELECT code FROM nodes WHERE kind = 'stairwell' AND path LIKE $1 ORDER BY id LIMIT 1", [`${community.path}%`])).code;
  f.subdistrict = community.parent_id;
  expect(f.subdistrict).toBe(await nodeId(t.db, '银城街道'));
  f.subdistrictCode = (await one<{ code: string }>('SELECT code FROM nodes WHERE id = $1', [f.subdistrict])).code;
  f.county = (await one<{ id: number }>('SELECT id FROM nodes WHERE parent_id IS NULL')).id;
  f.commissioner1Name = (
    await one<{ name: string }>('SELECT p.name FROM commissioners m JOIN people p ON p.id = m.person_id WHERE m.user_id = $1', [await userId(t.db, 'commissioner1')])
  ).name;
});
afterAll(async () => t.close());

describe('POST /api/hotline/tickets', () => {
  it('a validly signed case → 201, routed by its node code and assigned to the community commissioner (首问负责)', async () => {
    const body = hotlineCase();
    const res = ok(await post(body), 201);
    expect(res).toMatchObject({ externalId: body.externalId, status: 'assigned', triage: false, owner: { name: f.commissioner1Name }, confirmation: null });
    expect(res.code).toMatch(/^XJ\d{8}-\d{4}$/);

    const row = await rowOf(body.externalId);
    expect(row).toMatchObject({ category_code: 'repair', reporter_phone: '17000001234', status: 'assigned' });
    // The category's rule (5 working days) runs from when the hotline received the call.
    const received = new Date(body.receivedAt);
    const calendar = await loadCalendar(t.db, received.toISOString().slice(0, 10));
    expect(new Date(row.deadline).toISOString()).toBe(deadlineFrom(received, { amount: 5, unit: 'working_days' }, calendar).toISOString());

    const events = await t.db.query<{ kind: string; actor_user_id: number | null; details: Record<string, unknown> }>(
      'SELECT kind, actor_user_id, details FROM ticket_events WHERE ticket_id = $1 ORDER BY id',
      [row.id],
    );
    expect(events.map((e) => e.kind)).toEqual(['reported', 'assigned']);
    expect(events[0]).toMatchObject({ actor_user_id: null, details: { source: 'hotline', externalId: body.externalId, category: '设施维修', nodeCode: f.stairwell } });
    expect(events[1]!.details).toMatchObject({ automatic: true });
    const audit = await one<{ actor_user_id: number | null; actor_name: string; details: Record<string, unknown> }>(
      "SELECT actor_user_id, actor_name, details FROM audit_log WHERE action = 'ticket.create' AND target_id = $1",
      [String(row.id)],
    );
    expect(audit).toMatchObject({ actor_user_id: null, actor_name: '12345热线', details: { source: 'hotline', externalId: body.externalId, triage: false } });

    // The commissioner finds it among their tickets, the reporter's phone masked.
    const mine = (await c.commissioner1.get('/api/tickets?mine=true&source=hotline')).json() as { data: TicketDto[] };
    const listed = mine.data.find((x) => x.code === res.code)!;
    expect(listed).toMatchObject({ source: 'hotline', triage: false, communityId: f.community, reporterPhone: '170****1234' });
  });

  it('bad or missing signatures and stale or future timestamps → 401, nothing written', async () => {
    const body = hotlineCase();
    const raw = JSON.stringify(body);
    const before = await writes();
    const ts = String(now());
    const cases: [SendOptions, string][] = [
      [{ headers: { 'x-hotline-signature': undefined } }, 'HOTLINE_SIGNATURE_INVALID'],
      [{ headers: { 'x-hotline-timestamp': undefined } }, 'HOTLINE_SIGNATURE_INVALID'],
      [{ headers: { 'x-hotline-timestamp': undefined, 'x-hotline-signature': undefined } }, 'HOTLINE_SIGNATURE_INVALID'],
      [{ secret: 'not-the-shared-secret' }, 'HOTLINE_SIGNATURE_INVALID'],
      [{ headers: { 'x-hotline-signature': 'sha256=' + '0'.repeat(64) } }, 'HOTLINE_SIGNATURE_INVALID'],
      [{ headers: { 'x-hotline-signature': signHotline(DEMO_HOTLINE_SECRET, ts, raw).slice(7) } }, 'HOTLINE_SIGNATURE_INVALID'],
      [{ headers: { 'x-hotline-signature': 'sha256=xyz' } }, 'HOTLINE_SIGNATURE_INVALID'],
      [{ timestamp: 'yesterday' }, 'HOTLINE_SIGNATURE_INVALID'],
      // Signed for another timestamp than the one sent.
      [{ headers: { 'x-hotline-timestamp': String(now() - 1), 'x-hotline-signature': signHotline(DEMO_HOTLINE_SECRET, String(now() + 7), raw) } }, 'HOTLINE_SIGNATURE_INVALID'],
      [{ timestamp: now() - 301 }, 'HOTLINE_TIMESTAMP_OUT_OF_WINDOW'],
      // A margin over 300 s: the server reads its clock later than the test does.
      [{ timestamp: now() + 310 }, 'HOTLINE_TIMESTAMP_OUT_OF_WINDOW'],
      [{ timestamp: 0 }, 'HOTLINE_TIMESTAMP_OUT_OF_WINDOW'],
    ];
    for (const [o, code] of cases) expectError(await post(raw, o), 401, code);
    // A signature over other bytes than those sent (same JSON, other spacing) fails too.
    const other = signHotline(DEMO_HOTLINE_SECRET, ts, JSON.stringify(body, null, 2));
    expectError(await post(raw, { timestamp: ts, headers: { 'x-hotline-signature': other } }), 401, 'HOTLINE_SIGNATURE_INVALID');
    // Unsigned callers learn nothing about the body's schema.
    expectError(await post('{"nothing":1}', { secret: 'wrong-secret-wrong' }), 401, 'HOTLINE_SIGNATURE_INVALID');
    // No session needed, and a session is no substitute for the signature.
    expectError(await c.admin.post('/api/hotline/tickets', body), 401, 'HOTLINE_SIGNATURE_INVALID');
    expect(await writes()).toEqual(before);
    // The same request within the window is accepted.
    ok(await post(raw, { timestamp: now() - 290 }), 201);
  });

  it('a replay of the same case answers the same ticket with 200, writing nothing', async () => {
    const body = hotlineCase();
    const first = ok(await post(body), 201);
    const before = await writes();
    const again = ok(await post(body), 200);
    expect(again).toEqual(first);
    // Key order and spacing do not make it another case.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 1);
    expect(ok(await post(reordered), 200).code).toBe(first.code);
    expect(await writes()).toEqual(before);
  });

  it('20 concurrent identical requests file exactly one ticket (one 201, nineteen 200)', async () => {
    const body = hotlineCase({ externalId: 'CONCURRENT-0001' });
    const before = await writes();
    const results = await Promise.all(Array.from({ length: 20 }, () => post(body)));
    const codes = results.map((r) => r.statusCode).sort((a, b) => a - b);
    expect(codes, results.map((r) => r.body).join('\n')).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(results.map((r) => (r.json() as HotlineTicketStatusDto).code)).size).toBe(1);
    expect(await count(t.db, "SELECT count(*) FROM tickets WHERE source = 'hotline' AND external_id = 'CONCURRENT-0001'")).toBe(1);
    const after = await writes();
    // One ticket, its two timeline entries, one audit row, one ticket number used (no gaps from the losers).
    expect(after).toEqual({ tickets: before.tickets + 1, events: before.events + 2, audit: before.audit + 1, counters: before.counters + 1 });
  });

  it('the same case number with other content → 409, the first ticket unchanged', async () => {
    const body = hotlineCase();
    const first = ok(await post(body), 201);
    const before = await writes();
    for (const change of [{ content: '路灯已修好，又坏了' }, { nodeCode: f.subdistrictCode }, { deadline: new Date(Date.now() + 86_400_000).toISOString() }]) {
      const err = expectError(await post({ ...body, ...change }), 409, 'HOTLINE_EXTERNAL_ID_CONFLICT');
      expect(err.message).toContain(body.externalId);
    }
    expect(await writes()).toEqual(before);
    expect(ok(await status(body.externalId)).code).toBe(first.code);
  });

  it('a case without a routable node goes to the triage queue of its subdistrict, or of the county', async () => {
    const bySubdistrict = hotlineCase({ nodeCode: f.subdistrictCode });
    const unknown = hotlineCase({ nodeCode: 'NO-SUCH-NODE' });
    const none = hotlineCase({ nodeCode: undefined, address: undefined, category: undefined, reporterPhone: undefined });
    for (const body of [bySubdistrict, unknown, none]) expect(ok(await post(body), 201)).toMatchObject({ status: 'reported', triage: true, owner: null });
    expect((await rowOf(bySubdistrict.externalId)).node_id).toBe(f.subdistrict);
    expect((await rowOf(unknown.externalId)).node_id).toBe(f.county);
    expect(await rowOf(none.externalId)).toMatchObject({ node_id: f.county, category_code: 'other' });

    const queue = async (client: Client) => ((await client.get('/api/tickets?triage=true&pageSize=200')).json() as { data: TicketDto[] }).data;
    // The demo data has triage cases of its own: these three are told apart by id.
    const ours = new Set(await Promise.all([bySubdistrict, unknown, none].map(async (b) => (await rowOf(b.externalId)).id)));
    const admin = await queue(c.admin);
    expect(admin.every((x) => x.triage && x.status === 'reported')).toBe(true);
    expect(admin.length).toBe(await count(t.db, "SELECT count(*) FROM tickets t JOIN nodes n ON n.id = t.node_id WHERE n.depth < 2"));
    expect(admin.filter((x) => ours.has(x.id))).toHaveLength(3);
    const sub = await queue(c.subdistrict1);
    expect(sub.every((x) => x.nodeId === f.subdistrict)).toBe(true);
    const mine = sub.filter((x) => ours.has(x.id));
    expect(mine.map((x) => x.nodeId)).toEqual([f.subdistrict]);
    expect(mine[0]).toMatchObject({ communityId: f.subdistrict, communityName: '银城街道', source: 'hotline' });
    expect(await queue(c.community1)).toEqual([]);
    expect(await queue(c.commissioner1)).toEqual([]);
    // The ordinary lists keep working with triage tickets in them.
    expect((await c.admin.get('/api/tickets?triage=false&pageSize=200')).json().data.some((x: TicketDto) => x.triage)).toBe(false);
    expect((await c.admin.get(`/api/tickets/${(await rowOf(bySubdistrict.externalId)).id}`)).statusCode).toBe(200);
  });

  it('category by code or name (else 其他) and the hotline’s own deadline', async () => {
    const byCode = hotlineCase({ category: 'sanitation' });
    const unknown = hotlineCase({ category: '噪音扰民' });
    const deadline = '2031-01-06T18:00:00+08:00';
    const withDeadline = hotlineCase({ deadline });
    for (const body of [byCode, unknown, withDeadline]) ok(await post(body), 201);
    expect((await rowOf(byCode.externalId)).category_code).toBe('sanitation');
    expect((await rowOf(unknown.externalId)).category_code).toBe('other');
    expect(new Date((await rowOf(withDeadline.externalId)).deadline).toISOString()).toBe(new Date(deadline).toISOString());
    expect(ok(await status(withDeadline.externalId)).deadline).toBe(new Date(deadline).toISOString());
  });

  it('invalid signed bodies → 400; a case received in the future → 400', async () => {
    const before = await writes();
    expectError(await post({ ...hotlineCase(), receivedAt: '昨天' }), 400, 'VALIDATION_FAILED');
    expectError(await post({ ...hotlineCase(), externalId: '中文编号' }), 400, 'VALIDATION_FAILED');
    expectError(await post({ ...hotlineCase(), extra: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await post({ ...hotlineCase(), reporterPhone: '123' }), 400, 'VALIDATION_FAILED');
    expectError(await post({ ...hotlineCase(), deadline: '2020-01-01T00:00:00Z' }), 400, 'VALIDATION_FAILED');
    expectError(await post({ ...hotlineCase(), receivedAt: new Date(Date.now() + 3_600_000).toISOString() }), 400, 'VALIDATION_FAILED');
    expectError(await post('{"externalId":'), 400, 'MALFORMED_JSON');
    expect(await writes()).toEqual(before);
  });
});

describe('GET /api/hotline/tickets/:externalId', () => {
  it('reports status, owner, result and the secretary’s confirmation for the follow-up call', async () => {
    const body = hotlineCase();
    const filed = ok(await post(body), 201);
    const id = (await rowOf(body.externalId)).id;
    expect(ok(await status(body.externalId))).toEqual(filed);

    for (const [step, payload] of [['accept', undefined], ['start', undefined], ['handle', { resultNote: '已更换南门路灯灯具' }]] as const) {
      const res = await c.commissioner1.post(`/api/tickets/${id}/${step}`, payload);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(ok(await status(body.externalId))).toMatchObject({ status: 'handled', resultNote: '已更换南门路灯灯具', confirmation: null });
    expect(ok(await status(body.externalId)).handledAt).not.toBeNull();

    const confirmed = await c.community1.post(`/api/tickets/${id}/confirm`, { resolved: true, satisfaction: 'satisfied', comment: '居民表示满意' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const s = ok(await status(body.externalId));
    expect(s).toMatchObject({
      status: 'confirmed',
      owner: { name: f.commissioner1Name },
      resultNote: '已更换南门路灯灯具',
      confirmation: { resolved: true, satisfaction: 'satisfied', comment: '居民表示满意' },
      outcome: null,
    });
    expect(s.owner!.department.length).toBeGreaterThan(0);
    // Nothing about the reporter goes back out.
    expect(JSON.stringify(s)).not.toMatch(/170\d*1234|reporter/);
  });

  it('unknown → 404; unsigned or wrongly signed → 401 (the signed string is "<timestamp>." and an empty body)', async () => {
    expectError(await status('NO-SUCH-CASE'), 404, 'NOT_FOUND');
    expectError(await status('NO-SUCH-CASE', { headers: { 'x-hotline-signature': undefined } }), 401, 'HOTLINE_SIGNATURE_INVALID');
    expectError(await status('NO-SUCH-CASE', { secret: 'another-secret-value' }), 401, 'HOTLINE_SIGNATURE_INVALID');
    expectError(await status('NO-SUCH-CASE', { timestamp: now() - 1000 }), 401, 'HOTLINE_TIMESTAMP_OUT_OF_WINDOW');
    expectError(await c.admin.get('/api/hotline/tickets/NO-SUCH-CASE'), 401, 'HOTLINE_SIGNATURE_INVALID');
  });
});

describe('HOTLINE_SECRET', () => {
  it('demo mode has the documented default; elsewhere none, and the intake answers 503', async () => {
    expect(loadConfig({ DEMO_MODE: 'true' }).hotlineSecret).toBe('xiajin-hotline-demo');
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y' }).hotlineSecret).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', HOTLINE_SECRET: 'county-secret-0123456789' }).hotlineSecret).toBe('county-secret-0123456789');
    expect(() => loadConfig({ HOTLINE_SECRET: 'short' })).toThrow(/HOTLINE_SECRET/);

    // The same database under a configuration without a secret (not closed: that would close the shared database).
    const bare = await buildApp(loadConfig({ DATA_DIR: 'memory://', DEMO_MODE: 'false' }), t.db, { logger: false });
    const ts = String(now());
    const res = await bare.inject({ method: 'GET', url: '/api/hotline/tickets/ANY-1', headers: { 'x-hotline-timestamp': ts, 'x-hotline-signature': signHotline(DEMO_HOTLINE_SECRET, ts, '') } });
    expect(expectError(res, 503, 'HOTLINE_DISABLED').message).toContain('HOTLINE_SECRET');
  });
});
