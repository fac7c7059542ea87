import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_PHOTO_LIMITS, type PublicTicketCreated, type PublicTicketStatusDto, type TicketDetailDto } from '@xj/contracts';
import type { InjectOptions } from 'fastify';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, userId } from '../../test/fixtures.js';
import { multipartFile } from '../../test/excel.js';

const photoDir = mkdtempSync(join(tmpdir(), 'xj-photos-test-'));
let t: TestApp;
let commissioner1: Client;
let community1: Client;
let branch2: Client;
const f = {} as { community: number; stairwell: number; commissioner1: number; category: number };

const PHONE = '13912345678';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const report = (body: Record<string, unknown> = {}) =>
  t.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: { categoryId: f.category, nodeId: f.stairwell, description: '楼道灯坏了，晚上看不见', reporterName: '王居民', reporterPhone: PHONE, ...body },
  });
const track = (code: string, key?: string) => t.inject({ method: 'GET', url: `/api/public/tickets/${code}`, headers: key === undefined ? {} : { 'x-tracking-key': key } });
const photoRequest = (file: Buffer, opts: { type?: string; fileName?: string } = {}): Pick<InjectOptions, 'payload' | 'headers'> => {
  const { payload, contentType } = multipartFile(file, { fileName: opts.fileName ?? 'photo.png', type: opts.type ?? 'image/png' });
  return { payload, headers: { 'content-type': contentType } };
};
const publicPhoto = (code: string, key: string, file: Buffer, opts: { type?: string; fileName?: string } = {}) => {
  const r = photoRequest(file, opts);
  return t.inject({ method: 'POST', url: `/api/public/tickets/${code}/photos`, payload: r.payload, headers: { ...r.headers, 'x-tracking-key': key } });
};
const staffPhoto = (c: Client, id: number, stage: string, file: Buffer) => c.request({ method: 'POST', url: `/api/tickets/${id}/photos?stage=${stage}`, ...photoRequest(file) });
const ticketOf = async (code: string) => (await t.db.query<{ id: number }>('SELECT id FROM tickets WHERE code = $1', [code]))[0]!.id;
const photoFiles = () => readdirSync(photoDir, { recursive: true }).filter((f) => String(f).includes('.')).length;

beforeAll(async () => {
  t = await startTestApp({ env: { PHOTO_DIR: photoDir } });
  commissioner1 = await t.login('commissioner1');
  community1 = await t.login('community1');
  branch2 = await t.login('branch2');
  const [c] = await t.db.query<{ id: number; community_id: number }>('SELECT id, community_id FROM commissioners WHERE user_id = $1', [await userId(t.db, 'commissioner1')]);
  f.commissioner1 = c!.id;
  f.community = c!.community_id;
  f.category = (await t.db.query<{ id: number }>("SELECT id FROM ticket_categories WHERE code = 'repair'"))[0]!.id;
});
afterAll(async () => {
  await t.close();
  rmSync(photoDir, { recursive: true, force: true });
});

describe('places and categories for residents', () => {
  it('walks community → compound → building → stairwell with id, name and kind only', async () => {
    const communities = (await t.inject({ method: 'GET', url: '/api/public/nodes' })).json().data as { id: number; kind: string }[];
    expect(communities.map((n) => n.id)).toContain(f.community);
    expect(communities.every((n) => n.kind === 'community')).toBe(true);
    let parent = f.community;
    for (const kind of ['compound', 'building', 'stairwell']) {
      const res = await t.inject({ method: 'GET', url: `/api/public/nodes?parentId=${parent}` });
      expect(res.statusCode, res.body).toBe(200);
      const data = res.json().data as { id: number; name: string; kind: string }[];
      expect(data.length).toBeGreaterThan(0);
      for (const n of data) expect(Object.keys(n).sort()).toEqual(['id', 'kind', 'name']);
      expect(data.every((n) => n.kind === kind)).toBe(true);
      parent = data[0]!.id;
    }
    f.stairwell = parent;
    // A stairwell has no children to pick; the county and subdistricts are not places to open either.
    expectError(await t.inject({ method: 'GET', url: `/api/public/nodes?parentId=${parent}` }), 404, 'NOT_FOUND');
    const county = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'county'"))[0]!.id;
    expectError(await t.inject({ method: 'GET', url: `/api/public/nodes?parentId=${county}` }), 404, 'NOT_FOUND');
    expectError(await t.inject({ method: 'GET', url: '/api/public/nodes?parentId=abc' }), 400, 'VALIDATION_FAILED');
    const categories = (await t.inject({ method: 'GET', url: '/api/public/ticket-categories' })).json().data;
    expect(categories.map((c: { id: number }) => c.id)).toContain(f.category);
    expect(Object.keys(categories[0]).sort()).toEqual(['id', 'name']);
  });
});

describe('a resident reports and tracks', () => {
  let created: PublicTicketCreated;

  it('files a resident report without an account, assigned to the community commissioner (首问负责)', async () => {
    const audits = await count(t.db, 'SELECT count(*) FROM audit_log');
    const res = await report({ lat: 37.05, lng: 116.2, address: '府前街1号' });
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(created.code).toMatch(/^XJ\d{8}-\d{4,6}$/);
    expect(created.trackingKey.length).toBeGreaterThanOrEqual(22);
    const [row] = await t.db.query<{ source: string; status: string; owner_id: number; reported_by: number | null; reporter_phone: string }>(
      'SELECT source, status, owner_id, reported_by, reporter_phone FROM tickets WHERE code = $1',
      [created.code],
    );
    expect(row).toMatchObject({ source: 'resident_report', status: 'assigned', owner_id: f.commissioner1, reported_by: null, reporter_phone: PHONE });
    // Only the key's hash is kept.
    const [key] = await t.db.query<{ key_hash: string }>('SELECT key_hash FROM ticket_tracking_keys k JOIN tickets t ON t.id = k.ticket_id WHERE t.code = $1', [created.code]);
    expect(key!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key!.key_hash).not.toContain(created.trackingKey);
    expect(await count(t.db, 'SELECT count(*) FROM audit_log')).toBe(audits + 1);
    // The owner finds it among their tickets.
    const mine = (await commissioner1.get('/api/tickets?mine=true')).json().data as { code: string }[];
    expect(mine.map((m) => m.code)).toContain(created.code);
  });

  it('shows the public status with the right key only, without names or phones', async () => {
    const res = await track(created.code, created.trackingKey);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as PublicTicketStatusDto;
    expect(s).toMatchObject({ code: created.code, status: 'assigned', closedAt: null, outcome: null, resultNote: null, photoCount: 0 });
    expect(s.timeline.map((e) => e.kind)).toEqual(['reported', 'assigned']);
    const commissionerName = (await t.db.query<{ name: string }>('SELECT p.name FROM commissioners c JOIN people p ON p.id = c.person_id WHERE c.id = $1', [f.commissioner1]))[0]!.name;
    for (const secret of [PHONE, PHONE.slice(-4), '王居民', commissionerName, '府前街1号']) expect(res.body).not.toContain(secret);
    // Lower-case codes are fine; a wrong key, another ticket's key or none is refused.
    expect((await track(created.code.toLowerCase(), created.trackingKey)).statusCode).toBe(200);
    const k = created.trackingKey;
    expectError(await track(created.code, `${k[0] === 'B' ? 'C' : 'B'}${k.slice(1)}`), 404, 'NOT_FOUND');
    expectError(await track(created.code, 'x'.repeat(22)), 404, 'NOT_FOUND');
    expectError(await track(created.code), 400, 'VALIDATION_FAILED');
    expectError(await track('XJ20990101-9999', created.trackingKey), 404, 'NOT_FOUND');
    expectError(await track('not-a-code', created.trackingKey), 400, 'VALIDATION_FAILED');
    const other = (await report()).json() as PublicTicketCreated;
    expectError(await track(created.code, other.trackingKey), 404, 'NOT_FOUND');
    // A ticket reported in the console has no tracking key at all.
    const consoleTicket = await community1.post('/api/tickets', { source: 'community_report', categoryId: f.category, nodeId: f.stairwell, description: '控制台上报' });
    expect(consoleTicket.statusCode, consoleTicket.body).toBe(201);
    expectError(await track(consoleTicket.json().code, created.trackingKey), 404, 'NOT_FOUND');
  });

  it('refuses bad reports with 400 and writes nothing', async () => {
    const before = await count(t.db, 'SELECT count(*) FROM tickets');
    const subdistrict = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'subdistrict' ORDER BY id LIMIT 1"))[0]!.id;
    for (const [body, code] of [
      [{ reporterPhone: undefined }, 'VALIDATION_FAILED'],
      [{ reporterPhone: '12345' }, 'VALIDATION_FAILED'],
      [{ reporterName: '' }, 'VALIDATION_FAILED'],
      [{ lat: 37 }, 'VALIDATION_FAILED'],
      [{ source: 'hotline' }, 'VALIDATION_FAILED'],
      [{ nodeId: subdistrict }, 'TREE_SHAPE'],
    ] as const) {
      expectError(await report(body), 400, code);
    }
    expectError(await report({ nodeId: 2_000_000_000 }), 404, 'NOT_FOUND');
    await t.db.query("UPDATE ticket_categories SET active = false WHERE code = 'other'");
    const other = (await t.db.query<{ id: number }>("SELECT id FROM ticket_categories WHERE code = 'other'"))[0]!.id;
    expectError(await report({ categoryId: other }), 400, 'VALIDATION_FAILED');
    await t.db.query("UPDATE ticket_categories SET active = true WHERE code = 'other'");
    expect(await count(t.db, 'SELECT count(*) FROM tickets')).toBe(before);
  });

  it('takes up to six photos checked by content; a renamed text file or an oversize one is refused and leaves no file', async () => {
    const id = await ticketOf(created.code);
    const files = photoFiles();
    const text = Buffer.from('这不是图片，只是改了扩展名的文本文件\n'.repeat(20));
    const refused = expectError(await publicPhoto(created.code, created.trackingKey, text, { fileName: 'photo.jpg', type: 'image/jpeg' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(refused.message).toMatch(/JPEG、PNG 或 WebP/);
    expectError(await publicPhoto(created.code, created.trackingKey, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), { fileName: 'a.svg', type: 'image/svg+xml' }), 415);
    const huge = Buffer.concat([PNG, Buffer.alloc(TICKET_PHOTO_LIMITS.bytes)]);
    expectError(await publicPhoto(created.code, created.trackingKey, huge), 413, 'PAYLOAD_TOO_LARGE');
    expectError(await publicPhoto(created.code, 'y'.repeat(22), PNG), 404, 'NOT_FOUND');
    expectError(await t.inject({ method: 'POST', url: `/api/public/tickets/${created.code}/photos`, payload: { file: 'x' }, headers: { 'x-tracking-key': created.trackingKey } }), 400);
    expect(photoFiles()).toBe(files);
    expect(await count(t.db, 'SELECT count(*) FROM ticket_photos')).toBe(0);

    for (let i = 0; i < TICKET_PHOTO_LIMITS.perStage; i++) {
      const res = await publicPhoto(created.code, created.trackingKey, PNG);
      expect(res.statusCode, res.body).toBe(201);
    }
    expectError(await publicPhoto(created.code, created.trackingKey, PNG), 409, 'CONFLICT');
    expect(photoFiles()).toBe(files + TICKET_PHOTO_LIMITS.perStage);
    const rows = await t.db.query<{ file_name: string; content_type: string; width: number; height: number; stage: string; created_by: number | null }>(
      'SELECT file_name, content_type, width, height, stage, created_by FROM ticket_photos WHERE ticket_id = $1',
      [id],
    );
    expect(rows[0]).toMatchObject({ content_type: 'image/png', width: 1, height: 1, stage: 'report', created_by: null });
    expect(rows[0]!.file_name).toMatch(/^\d{4}\/\d{2}\/[\w-]+\.png$/);
    expect((await track(created.code, created.trackingKey)).json().photoCount).toBe(TICKET_PHOTO_LIMITS.perStage);
  });

  it('serves photos only to users who can see the ticket, with the stored type and nosniff', async () => {
    const id = await ticketOf(created.code);
    const detail = (await commissioner1.get(`/api/tickets/${id}`)).json() as TicketDetailDto;
    expect(detail.photos).toHaveLength(TICKET_PHOTO_LIMITS.perStage);
    const url = detail.photos![0]!.url;
    const res = await commissioner1.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toMatch(/^private/);
    expect(res.rawPayload.equals(PNG)).toBe(true);
    expect((await community1.get(url)).statusCode).toBe(200);
    expectError(await branch2.get(url), 404, 'NOT_FOUND');
    expectError(await t.inject({ method: 'GET', url }), 401, 'UNAUTHENTICATED');
    // A photo id under another ticket's id is not found either.
    const otherId = (await t.db.query<{ id: number }>('SELECT id FROM tickets WHERE id <> $1 ORDER BY id LIMIT 1', [id]))[0]!.id;
    expectError(await commissioner1.get(`/api/tickets/${otherId}/photos/${detail.photos![0]!.id}`), 404, 'NOT_FOUND');
  });

  it('lets reporters add report photos and only the owner add handling photos, once accepted', async () => {
    const id = await ticketOf(created.code);
    expectError(await staffPhoto(community1, id, 'report', PNG), 409, 'CONFLICT'); // six report photos already
    expectError(await staffPhoto(commissioner1, id, 'handle', PNG), 409, 'CONFLICT'); // not accepted yet
    expect((await commissioner1.post(`/api/tickets/${id}/accept`)).statusCode).toBe(200);
    expectError(await staffPhoto(community1, id, 'handle', PNG), 403, 'FORBIDDEN');
    expectError(await staffPhoto(branch2, id, 'handle', PNG), 404, 'NOT_FOUND');
    const res = await staffPhoto(commissioner1, id, 'handle', PNG);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ stage: 'handle', url: expect.stringMatching(new RegExp(`^/api/tickets/${id}/photos/\\d+$`)) });
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'ticket.photo' AND target_id = $1::text", [id])).toBe(TICKET_PHOTO_LIMITS.perStage + 1);
    expectError(await commissioner1.request({ method: 'POST', url: `/api/tickets/${id}/photos?stage=later`, ...photoRequest(PNG) }), 400, 'VALIDATION_FAILED');
    // The resident's window closes once the owner has accepted.
    const fresh = (await report()).json() as PublicTicketCreated;
    expect((await commissioner1.post(`/api/tickets/${await ticketOf(fresh.code)}/accept`)).statusCode).toBe(200);
    expectError(await publicPhoto(fresh.code, fresh.trackingKey, PNG), 409, 'CONFLICT');
    expect((await track(fresh.code, fresh.trackingKey)).json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['reported', 'assigned', 'accepted']);
  });
});

describe('rate limit', () => {
  it('answers 429 once an address has spent its reports for the hour', async () => {
    const limited = await startTestApp({ seed: false, env: { PUBLIC_REPORT_RATE_LIMIT_PER_HOUR: '2', PHOTO_DIR: photoDir } });
    try {
      const post = () => limited.inject({ method: 'POST', url: '/api/public/tickets', payload: {} });
      expectError(await post(), 400, 'VALIDATION_FAILED');
      expectError(await post(), 400, 'VALIDATION_FAILED');
      expectError(await post(), 429, 'RATE_LIMITED');
      expect((await limited.inject({ method: 'GET', url: '/api/public/ticket-categories' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
