import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
const f = {} as { community: string; stairwell: string; subdistrict: string; county: string; otherCommunity: string };
const DEMO_KEY = 'xiajin-open311-demo';
// Lists stay arrays even with one item, as a client that knows the specification reads them.
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name) });
const ISO_CHINA = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

const get = (url: string) => t.inject({ method: 'GET', url });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (format: 'json' | 'xml', fields: Record<string, string>) =>
  t.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, payload: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
type Fields = Record<string, string>;
/** The documents as a client parses them (all text, lists as arrays). */
interface XmlDocs {
  errors: { error: { code: string; description: string }[] };
  discovery: { endpoints: { endpoint: { specification: string; formats: { format: string[] } }[] } };
  services: { service: Fields[] };
  service_definition: { service_code: string; attributes: { attribute: { values: { value: Fields[] } }[] } };
  service_requests: { request: Fields[] };
}
const parseXml = (res: LightMyRequestResponse): XmlDocs => {
  expect(res.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
  expect(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return xml.parse(res.body) as XmlDocs;
};

/** The specification's error document, in either format, with the HTTP status repeated inside. */
function expectOpen311Error(res: LightMyRequestResponse, status: number, format: 'json' | 'xml' = 'json'): string {
  expect(res.statusCode, res.body).toBe(status);
  if (format === 'json') {
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json() as { code: number; description: string }[];
    expect(body).toHaveLength(1);
    expect(body[0]!.code).toBe(status);
    expect(body[0]!.description).toMatch(/[\u4e00-\u9fff]/);
    return body[0]!.description;
  }
  const doc = parseXml(res);
  expect(doc.errors.error).toHaveLength(1);
  expect(doc.errors.error[0]!.code).toBe(String(status));
  return doc.errors.error[0]!.description;
}

const nodeCode = async (sql: string) => (await t.db.query<{ code: string }>(sql))[0]!.code;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  f.community = await nodeCode("SELECT code FROM nodes WHERE name = '府前社区'");
  f.stairwell = await nodeCode(`SELECT code FROM nodes WHERE kind = 'stairwell' AND path LIKE (SELECT path FROM nodes WHERE name = '府前社区') || '%' ORDER BY id LIMIT 1`);
  f.subdistrict = await nodeCode("SELECT code FROM nodes WHERE kind = 'subdistrict' ORDER BY id LIMIT 1");
  f.county = await nodeCode('SELECT code FROM nodes WHERE parent_id IS NULL');
  f.otherCommunity = await nodeCode("SELECT code FROM nodes WHERE kind = 'community' AND name <> '府前社区' ORDER BY id LIMIT 1");
});
afterAll(async () => t.close());

describe('discovery and services', () => {
  it('discovery names the v2 endpoint and both formats', async () => {
    const res = await get('/open311/discovery.json');
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json();
    expect(doc.changeset).toMatch(ISO_CHINA);
    expect(doc.key_service).toMatch(/open311:key-create/);
    expect(doc.endpoints).toEqual([
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: expect.stringMatching(/\/open311\/v2$/), changeset: doc.changeset, type: 'production', formats: ['text/xml', 'application/json'] },
    ]);
    const x = parseXml(await get('/open311/v2/discovery.xml')).discovery;
    expect(x.endpoints.endpoint[0]!.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(x.endpoints.endpoint[0]!.formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('services are the active ticket categories, in JSON and XML', async () => {
    await t.db.query("UPDATE ticket_categories SET active = false WHERE code = 'other'");
    try {
      const res = await get('/open311/v2/services.json');
      expect(res.statusCode, res.body).toBe(200);
      const services = res.json() as Record<string, unknown>[];
      expect(services.map((s) => s.service_code)).toEqual(['sanitation', 'property', 'repair', 'dispute', 'safety']);
      expect(services[0]).toEqual({
        service_code: 'sanitation', service_name: '环境卫生', description: expect.stringContaining('address_id'),
        metadata: true, type: 'realtime', keywords: '环境卫生, sanitation', group: '社区治理',
      });
      const x = parseXml(await get('/open311/v2/services.xml')).services.service;
      expect(x).toHaveLength(5);
      expect(x[4]).toMatchObject({ service_code: 'safety', service_name: '安全隐患', metadata: 'true', type: 'realtime' });
      expectOpen311Error(await get('/open311/v2/services/other.json'), 404);
    } finally {
      await t.db.query("UPDATE ticket_categories SET active = true WHERE code = 'other'");
    }
  });

  it('a service definition lists its attributes; an unknown service is 404', async () => {
    const def = (await get('/open311/v2/services/repair.json')).json();
    expect(def.service_code).toBe('repair');
    expect(def.attributes.map((a: { code: string; variable: boolean }) => [a.code, a.variable])).toEqual([['LOCATION', false], ['PRIORITY', true]]);
    expect(def.attributes[1]).toMatchObject({ datatype: 'singlevaluelist', required: false, order: 2 });
    expect(def.attributes[1].values).toEqual([{ key: 'normal', name: '一般' }, { key: 'high', name: '较急' }, { key: 'urgent', name: '紧急' }]);
    const x = parseXml(await get('/open311/v2/services/repair.xml')).service_definition;
    expect(x.service_code).toBe('repair');
    expect(x.attributes.attribute[1]!.values.value.map((v) => v.key)).toEqual(['normal', 'high', 'urgent']);
    expect(expectOpen311Error(await get('/open311/v2/services/no_such.json'), 404)).toMatch(/no_such/);
    expectOpen311Error(await get('/open311/v2/services/no_such.xml'), 404, 'xml');
  });

  it('one jurisdiction is served: the county code, any other is 404', async () => {
    expect((await get(`/open311/v2/services.json?jurisdiction_id=${f.county}`)).statusCode).toBe(200);
    expectOpen311Error(await get('/open311/v2/services.json?jurisdiction_id=elsewhere'), 404);
    expectOpen311Error(await get('/open311/v2/services.xml?jurisdiction_id=elsewhere'), 404, 'xml');
  });

  it('unknown paths and formats answer in the error format', async () => {
    expectOpen311Error(await get('/open311/v2/nothing.xml'), 404, 'xml');
    expectOpen311Error(await get('/open311/v2/nothing'), 404);
    expectOpen311Error(await get('/open311/v2/services.html'), 400);
    expectOpen311Error(await get('/open311/v2/services.json?unknown=1'), 400);
  });
});

describe('POST requests', () => {
  const valid = () => ({
    api_key: DEMO_KEY, service_code: 'repair', address_id: f.stairwell, lat: '36.948', long: '116.002', address_string: '府前街 8 号 2 单元',
    description: '楼道灯不亮', first_name: '小明', last_name: '王', phone: '13900001111', email: 'wang@example.cn', device_id: 'dev-1',
    account_id: 'acc-7', media_url: 'https://img.example.cn/1.jpg', 'attribute[PRIORITY]': 'high',
  });

  it('files a ticket assigned to the community commissioner and answers its id (JSON)', async () => {
    const res = await post('json', valid());
    expect(res.statusCode, res.body).toBe(201);
    const [created] = res.json();
    expect(created).toEqual({ service_request_id: expect.stringMatching(/^XJ\d{8}-\d{4}$/), token: expect.stringMatching(/^[0-9a-f]{32}$/), service_notice: expect.stringMatching(/\+08:00/), account_id: 'acc-7' });
    const [ticket] = await t.db.query<Record<string, unknown>>(
      `SELECT t.source, t.status, t.priority, t.reporter_name, t.reporter_phone, t.address, t.lat, t.description, c.code AS category, u.username AS owner
         FROM tickets t JOIN ticket_categories c ON c.id = t.category_id JOIN commissioners o ON o.id = t.owner_id JOIN users u ON u.id = o.user_id WHERE t.code = $1`,
      [created.service_request_id],
    );
    expect(ticket).toEqual({
      source: 'open311', status: 'assigned', priority: 'high', reporter_name: '王小明', reporter_phone: '13900001111', address: '府前街 8 号 2 单元',
      lat: 36.948, description: '楼道灯不亮', category: 'repair', owner: 'commissioner1',
    });
    const [row] = await t.db.query<Record<string, unknown>>(
      'SELECT r.email, r.media_url, r.device_id, r.attributes, k.name, k.last_used_at IS NOT NULL AS used FROM open311_requests r JOIN open311_api_keys k ON k.id = r.api_key_id WHERE r.token = $1',
      [created.token],
    );
    expect(row).toEqual({ email: 'wang@example.cn', media_url: 'https://img.example.cn/1.jpg', device_id: 'dev-1', attributes: { PRIORITY: 'high' }, name: '演示客户端', used: true });
    const [audit] = await t.db.query<{ actor_name: string; actor_user_id: number | null }>(
      "SELECT actor_name, actor_user_id FROM audit_log WHERE action = 'ticket.create' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toEqual({ actor_name: 'open311:演示客户端', actor_user_id: null });
  });

  it('answers in XML, and takes a JSON body too', async () => {
    const res = await post('xml', { api_key: DEMO_KEY, service_code: 'sanitation', address_id: f.community, description: '垃圾未清运' });
    expect(res.statusCode, res.body).toBe(201);
    const req = parseXml(res).service_requests.request;
    expect(req).toHaveLength(1);
    expect(req[0]!.service_request_id).toMatch(/^XJ\d{8}-\d{4}$/);
    expect(req[0]!.account_id).toBe('');
    const j = await t.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { api_key: DEMO_KEY, service_code: 'safety', address_id: f.community, attribute: { PRIORITY: 'urgent' } } });
    expect(j.statusCode, j.body).toBe(201);
    const [ticket] = await t.db.query<{ priority: string; description: string }>('SELECT priority, description FROM tickets WHERE code = $1', [j.json()[0].service_request_id]);
    // Without a description the service's name stands for it.
    expect(ticket).toEqual({ priority: 'urgent', description: '安全隐患' });
  });

  it('a missing, wrong or revoked api_key is 403 and writes nothing', async () => {
    const before = await count(t.db, 'SELECT count(*) FROM tickets');
    const { api_key: _key, ...noKey } = valid();
    expect(expectOpen311Error(await post('json', noKey), 403)).toMatch(/api_key/);
    expectOpen311Error(await post('json', { ...valid(), api_key: 'not-a-key' }), 403);
    expectOpen311Error(await post('xml', { ...valid(), api_key: 'not-a-key' }), 403, 'xml');
    const created = await admin.post('/api/open311-keys', { name: '测试客户端' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key } = created.json();
    expect((await post('json', { ...valid(), api_key: key })).statusCode).toBe(201);
    expect((await admin.post(`/api/open311-keys/${id}/revoke`)).statusCode).toBe(200);
    expectOpen311Error(await post('json', { ...valid(), api_key: key }), 403);
    expect(await count(t.db, 'SELECT count(*) FROM tickets')).toBe(before + 1);
  });

  it('bad requests are 400 in the error format and write nothing', async () => {
    const before = { tickets: await count(t.db, 'SELECT count(*) FROM tickets'), used: (await t.db.query<{ at: Date }>("SELECT last_used_at AS at FROM open311_api_keys WHERE name = '演示客户端'"))[0]!.at };
    const { service_code: _code, ...noService } = valid();
    expect(expectOpen311Error(await post('json', noService), 400)).toMatch(/service_code/);
    expectOpen311Error(await post('xml', noService), 400, 'xml');
    // No location at all: neither address_id nor coordinates nor an address.
    const { address_id: _id, lat: _lat, long: _long, address_string: _address, ...nowhere } = valid();
    expect(expectOpen311Error(await post('json', nowhere), 400)).toMatch(/^缺少位置.*address_id/);
    expect(expectOpen311Error(await post('xml', nowhere), 400, 'xml')).toMatch(/缺少位置/);
    const cases: Record<string, string>[] = [
      { ...valid(), service_code: 'no_such' },
      // An address_id that is not ours is refused, even with coordinates beside it (not guessed into triage).
      { ...valid(), address_id: 'NO-SUCH-CODE' },
      { ...valid(), lat: '95' },
      { ...valid(), lat: 'north' },
      { ...valid(), phone: '12345' },
      { ...valid(), email: 'not-an-email' },
      { ...valid(), media_url: 'javascript:alert(1)' },
      { ...valid(), description: 'x'.repeat(2001) },
      { ...valid(), 'attribute[PRIORITY]': 'panic' },
      { ...valid(), 'attribute[COLOUR]': 'red' },
      { ...valid(), jurisdiction_id: 'elsewhere' },
      { ...valid(), is_admin: 'true' },
    ];
    for (const c of cases) {
      const res = await post('json', c);
      expect([400, 404], `${JSON.stringify(c)}: ${res.body}`).toContain(res.statusCode);
      expectOpen311Error(res, res.statusCode);
    }
    const twice = await t.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: `${form(valid())}&service_code=safety`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectOpen311Error(twice, 400);
    expectOpen311Error(await t.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: '{"api_key":', headers: { 'content-type': 'application/json' } }), 400);
    expectOpen311Error(await t.inject({ method: 'POST', url: '/open311/v2/requests.xml', payload: '<a/>', headers: { 'content-type': 'application/xml' } }), 415, 'xml');
    expect(await count(t.db, 'SELECT count(*) FROM tickets')).toBe(before.tickets);
    // A refused request does not even mark the key as used.
    expect((await t.db.query<{ at: Date }>("SELECT last_used_at AS at FROM open311_api_keys WHERE name = '演示客户端'"))[0]!.at).toEqual(before.used);
  });
});

describe('POST requests without a grid code: the triage queue', () => {
  const ticketOf = async (code: string) =>
    (await t.db.query<{ id: number; status: string; owner_id: number | null; node_code: string; kind: string; lat: number | null; lng: number | null; address: string | null }>(
      'SELECT t.id, t.status, t.owner_id, n.code AS node_code, n.kind, t.lat, t.lng, t.address FROM tickets t JOIN nodes n ON n.id = t.node_id WHERE t.code = $1',
      [code],
    ))[0]!;
  const accepted = async (fields: Record<string, string>, format: 'json' | 'xml' = 'json') => {
    const res = await post(format, { api_key: DEMO_KEY, service_code: 'sanitation', description: '路边垃圾堆积多日', ...fields });
    expect(res.statusCode, res.body).toBe(201);
    return format === 'json' ? (res.json()[0] as Record<string, string>) : parseXml(res).service_requests.request[0]!;
  };

  it('coordinates only: accepted into the county\'s queue, published without a grid code, then routed by a manager and assigned', async () => {
    const created = await accepted({ lat: '36.951', long: '116.004', address_string: '府前街与银城路交叉口东侧' });
    expect(created).toEqual({ service_request_id: expect.stringMatching(/^XJ\d{8}-\d{4}$/), token: expect.stringMatching(/^[0-9a-f]{32}$/), service_notice: expect.stringMatching(/待分拣.*\+08:00/), account_id: null });
    const code = created.service_request_id!;
    const ticket = await ticketOf(code);
    expect(ticket).toMatchObject({ status: 'reported', owner_id: null, node_code: f.county, kind: 'county', lat: 36.951, lng: 116.004, address: '府前街与银城路交叉口东侧' });

    // The console shows it in the triage queue, unassigned, with the reporter's coordinates and address.
    const detail = await admin.get(`/api/tickets/${ticket.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ triage: true, status: 'reported', owner: null, source: 'open311', lat: 36.951, lng: 116.004, address: '府前街与银城路交叉口东侧' });
    expect(detail.json().events.map((e: { kind: string }) => e.kind)).toEqual(['reported']);
    const queue = (await admin.get('/api/tickets?triage=true&source=open311&pageSize=100')).json() as { data: { code: string }[] };
    expect(queue.data.map((x) => x.code)).toContain(code);
    // A subdistrict admin does not see the county's queue.
    const sub1 = await t.login('subdistrict1');
    expectError(await sub1.get(`/api/tickets/${ticket.id}`), 404, 'NOT_FOUND');
    const [audit] = await t.db.query<{ node_id: number; details: Record<string, unknown> }>(
      "SELECT node_id, details FROM audit_log WHERE action = 'ticket.create' AND target_id = $1",
      [String(ticket.id)],
    );
    expect(audit!.details).toMatchObject({ source: 'open311', triage: true, ownerId: null });

    // GET: open, no owner's agency, no grid code yet, the coordinates and address as given.
    const [waiting] = (await get(`/open311/v2/requests/${code}.json`)).json();
    expect(waiting).toMatchObject({ service_request_id: code, status: 'open', agency_responsible: null, address_id: null, lat: 36.951, long: 116.004, address: '府前街与银城路交叉口东侧', status_notes: expect.stringContaining('待分拣') });

    // A county admin routes it to the community: it is assigned there (首问负责) and published with the community's code.
    const communityId = (await t.db.query<{ id: number }>('SELECT id FROM nodes WHERE code = $1', [f.community]))[0]!.id;
    const routed = await admin.post(`/api/tickets/${ticket.id}/route`, { nodeId: communityId, reason: '按坐标核实在府前社区' });
    expect(routed.statusCode, routed.body).toBe(200);
    const commissioner1 = (await t.db.query<{ id: number; department: string }>("SELECT c.id, c.department FROM commissioners c JOIN users u ON u.id = c.user_id WHERE u.username = 'commissioner1'"))[0]!;
    expect(routed.json()).toMatchObject({ triage: false, status: 'assigned', nodeId: communityId, owner: { commissionerId: commissioner1.id }, lat: 36.951 });
    expect(routed.json().events.map((e: { kind: string }) => e.kind)).toEqual(['reported', 'routed', 'assigned']);
    const [after] = (await get(`/open311/v2/requests/${code}.json`)).json();
    expect(after).toMatchObject({ status: 'open', address_id: f.community, agency_responsible: commissioner1.department, lat: 36.951, long: 116.004 });
  });

  it('an address alone goes to the county\'s queue; a subdistrict\'s code to that subdistrict\'s, where its admin sees it; the county\'s code to the county\'s', async () => {
    const byAddress = await ticketOf((await accepted({ address_string: '北城街道某小区门口' }, 'xml')).service_request_id!);
    expect(byAddress).toMatchObject({ status: 'reported', owner_id: null, node_code: f.county, lat: null, address: '北城街道某小区门口' });

    const sub = await ticketOf((await accepted({ address_id: f.subdistrict, lat: '36.94', long: '116.01' })).service_request_id!);
    expect(sub).toMatchObject({ status: 'reported', owner_id: null, node_code: f.subdistrict, kind: 'subdistrict', lat: 36.94 });
    const sub1 = await t.login('subdistrict1');
    const [sub1Node] = await t.db.query<{ code: string }>("SELECT n.code FROM grants g JOIN nodes n ON n.id = g.node_id JOIN users u ON u.id = g.user_id WHERE u.username = 'subdistrict1'");
    expect(sub1Node!.code).toBe(f.subdistrict);
    const queue = (await sub1.get('/api/tickets?triage=true&pageSize=200')).json() as { data: { id: number }[] };
    expect(queue.data.map((x) => x.id)).toContain(sub.id);

    const county = await ticketOf((await accepted({ address_id: f.county })).service_request_id!);
    expect(county).toMatchObject({ status: 'reported', owner_id: null, node_code: f.county });
  });

  it('a valid grid code wins over coordinates: filed there and assigned at once', async () => {
    const created = await accepted({ address_id: f.otherCommunity, lat: '36.951', long: '116.004' });
    expect(created.service_notice).not.toMatch(/待分拣/);
    const ticket = await ticketOf(created.service_request_id!);
    expect(ticket).toMatchObject({ node_code: f.otherCommunity, lat: 36.951 });
    expect(ticket.status).not.toBe('reported');
    expect(ticket.owner_id).not.toBeNull();
  });

  it('an inactive grid code is refused, not queued', async () => {
    const [stairwell] = await t.db.query<{ id: number; code: string }>("SELECT id, code FROM nodes WHERE kind = 'stairwell' AND code <> $1 ORDER BY id DESC LIMIT 1", [f.stairwell]);
    await t.db.query('UPDATE nodes SET active = false WHERE id = $1', [stairwell!.id]);
    try {
      const before = await count(t.db, 'SELECT count(*) FROM tickets');
      const res = await post('json', { api_key: DEMO_KEY, service_code: 'repair', address_id: stairwell!.code, lat: '36.951', long: '116.004' });
      expect(expectOpen311Error(res, 400)).toContain(stairwell!.code);
      expect(await count(t.db, 'SELECT count(*) FROM tickets')).toBe(before);
    } finally {
      await t.db.query('UPDATE nodes SET active = true WHERE id = $1', [stairwell!.id]);
    }
  });
});

describe('GET requests, one request, tokens', () => {
  const ids = {} as { open: string; closed: string; old: string; token: string; console: string };

  beforeAll(async () => {
    // The demo's own Open311 requests are withdrawn from publication: these lists must show exactly what this block files.
    await t.db.query('DELETE FROM open311_requests');
    const file = async (fields: Record<string, string>) => {
      const res = await post('json', { api_key: DEMO_KEY, address_id: f.community, ...fields });
      expect(res.statusCode, res.body).toBe(201);
      return res.json()[0] as { service_request_id: string; token: string };
    };
    const open = await file({ service_code: 'dispute', description: '邻居噪音' });
    ids.open = open.service_request_id;
    ids.token = open.token;
    ids.closed = (await file({ service_code: 'property', description: '电梯故障' })).service_request_id;
    ids.old = (await file({ service_code: 'property', description: '半年前的问题' })).service_request_id;
    await t.db.query("UPDATE tickets SET created_at = now() - interval '200 days' WHERE code = $1", [ids.old]);
    // The closed one goes the whole way: owner handles, the community secretary confirms and closes.
    const commissioner = await t.login('commissioner1');
    const secretary = await t.login('community1');
    const id = (await t.db.query<{ id: number }>('SELECT id FROM tickets WHERE code = $1', [ids.closed]))[0]!.id;
    for (const [who, step, body] of [
      [commissioner, 'accept', {}], [commissioner, 'start', {}], [commissioner, 'handle', { resultNote: '已更换电梯部件' }],
      [secretary, 'confirm', { resolved: true, satisfaction: 'satisfied', comment: '居民满意' }], [secretary, 'close', { note: '办结归档' }],
    ] as const) {
      const res = await who.post(`/api/tickets/${id}/${step}`, body);
      expect(res.statusCode, `${step}: ${res.body}`).toBe(200);
    }
    // A ticket from another channel is not published through Open311.
    const reported = await admin.post('/api/tickets', { source: 'resident_report', categoryId: 1, nodeId: (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE name = '府前社区'"))[0]!.id, description: '控制台上报' });
    expect(reported.statusCode, reported.body).toBe(201);
    ids.console = reported.json().code;
  });

  const codesOf = async (qs: string) => {
    const res = await get(`/open311/v2/requests.json${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { service_request_id: string }[]).map((r) => r.service_request_id);
  };

  it('by default: Open311 requests of the last 90 days, newest first', async () => {
    const codes = await codesOf('');
    expect(codes).toContain(ids.open);
    expect(codes).toContain(ids.closed);
    expect(codes).not.toContain(ids.old);
    expect(codes).not.toContain(ids.console);
    expect(codes.indexOf(ids.closed)).toBeLessThan(codes.indexOf(ids.open));
  });

  it('filters by status, service_code and dates; service_request_id overrides the rest', async () => {
    expect(await codesOf('?status=closed')).toEqual([ids.closed]);
    const open = await codesOf('?status=open');
    expect(open).toContain(ids.open);
    expect(open).not.toContain(ids.closed);
    expect((await codesOf('?status=open,closed')).length).toBe(open.length + 1);
    expect(await codesOf('?service_code=dispute')).toEqual([ids.open]);
    expect(await codesOf('?service_code=property,dispute&status=closed')).toEqual([ids.closed]);
    const day = (offset: number) => encodeURIComponent(new Date(Date.now() + offset * 86_400_000).toISOString().replace('Z', '+00:00'));
    expect(await codesOf(`?start_date=${day(-210)}&end_date=${day(-190)}`)).toEqual([ids.old]);
    expect(await codesOf(`?start_date=${day(-210)}`)).toEqual([ids.old]);
    expect(await codesOf(`?end_date=${day(-150)}`)).toEqual([ids.old]);
    expect(await codesOf(`?service_request_id=${ids.old},${ids.open},${ids.console}&status=closed`)).toEqual([ids.open, ids.old]);
    for (const qs of [`?start_date=${day(-200)}&end_date=${day(0)}`, `?start_date=${day(0)}&end_date=${day(-1)}`, '?start_date=yesterday', '?start_date=2026-01-05', '?status=pending', '?status=', '?page=2']) {
      expectOpen311Error(await get(`/open311/v2/requests.json${qs}`), 400);
    }
    expectOpen311Error(await get('/open311/v2/requests.xml?status=pending'), 400, 'xml');
  });

  it('a request carries the specification fields: status, notes, agency, China-time datetimes', async () => {
    const [closed] = (await get(`/open311/v2/requests/${ids.closed}.json`)).json();
    const [department] = await t.db.query<{ department: string }>("SELECT o.department FROM commissioners o JOIN users u ON u.id = o.user_id WHERE u.username = 'commissioner1'");
    expect(closed).toEqual({
      service_request_id: ids.closed, status: 'closed', status_notes: '办结归档', service_name: '物业服务', service_code: 'property', description: '电梯故障',
      agency_responsible: department!.department, service_notice: null, requested_datetime: expect.stringMatching(ISO_CHINA),
      updated_datetime: expect.stringMatching(ISO_CHINA), expected_datetime: expect.stringMatching(ISO_CHINA),
      address: null, address_id: f.community, zipcode: null, lat: null, long: null, media_url: null,
    });
    const x = parseXml(await get(`/open311/v2/requests/${ids.open}.xml`)).service_requests.request;
    expect(x).toHaveLength(1);
    expect(x[0]).toMatchObject({ service_request_id: ids.open, status: 'open', service_code: 'dispute', address_id: f.community, status_notes: '' });
    expect(x[0]!.requested_datetime).toMatch(ISO_CHINA);
    const list = parseXml(await get('/open311/v2/requests.xml?status=closed')).service_requests.request;
    expect(list.map((r) => r.service_request_id)).toEqual([ids.closed]);
  });

  it('an unknown or non-Open311 request is 404', async () => {
    expectOpen311Error(await get('/open311/v2/requests/XJ20000101-0001.json'), 404);
    expectOpen311Error(await get(`/open311/v2/requests/${ids.console}.xml`), 404, 'xml');
  });

  it('tokens map to the service_request_id', async () => {
    expect((await get(`/open311/v2/tokens/${ids.token}.json`)).json()).toEqual([{ service_request_id: ids.open, token: ids.token }]);
    expect(parseXml(await get(`/open311/v2/tokens/${ids.token}.xml`)).service_requests.request[0]).toEqual({ service_request_id: ids.open, token: ids.token });
    expectOpen311Error(await get(`/open311/v2/tokens/${'0'.repeat(32)}.json`), 404);
    expectOpen311Error(await get('/open311/v2/tokens/nonsense.xml'), 404, 'xml');
  });
});

describe('API keys (console)', () => {
  it('a county admin creates, lists and revokes keys; the plain key is shown once and never stored', async () => {
    const res = await admin.post('/api/open311-keys', { name: '县政务服务平台' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: '县政务服务平台', keyPrefix: created.key.slice(0, 10), revokedAt: null, lastUsedAt: null, createdBy: { name: '县委组织部管理员' } });
    expect(created.key).toMatch(/^xj311_[A-Za-z0-9_-]{32}$/);
    const list = await admin.get('/api/open311-keys');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.key);
    expect(list.json().data.map((k: { name: string }) => k.name)).toContain('演示客户端');
    expect(await count(t.db, 'SELECT count(*) FROM open311_api_keys WHERE key_hash = $1 OR key_prefix = $1', [created.key])).toBe(0);
    const revoked = await admin.post(`/api/open311-keys/${created.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expectError(await admin.post(`/api/open311-keys/${created.id}/revoke`), 409, 'CONFLICT');
    expectError(await admin.post('/api/open311-keys/999999/revoke'), 404, 'NOT_FOUND');
    const audits = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'open311_key' AND target_id = $1 ORDER BY id", [String(created.id)]);
    expect(audits.map((a) => a.action)).toEqual(['open311.key.create', 'open311.key.revoke']);
  });

  it('only a county admin manages keys', async () => {
    for (const user of ['subdistrict1', 'community1', 'auditor']) {
      const c = await t.login(user);
      expectError(await c.get('/api/open311-keys'), 403, 'FORBIDDEN');
      expectError(await c.post('/api/open311-keys', { name: 'x' }), 403, 'FORBIDDEN');
    }
    expectError(await t.inject({ method: 'GET', url: '/api/open311-keys' }), 401);
  });
});
