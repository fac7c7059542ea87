import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { MeetingDetailDto, TopicDetailDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, expectError } from '../../test/fixtures.js';

// jsqr is CommonJS whose types say `export default`: under NodeNext the function is `.default`.
const jsQR = jsQRModule.default;

let t: TestApp;
let community1: Client;
let branch2: Client;
let compound1: number;
let parking: number;

beforeAll(async () => {
  t = await startTestApp();
  community1 = await t.login('community1');
  branch2 = await t.login('branch2');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  parking = (await t.db.query<{ id: number }>("SELECT id FROM agenda_categories WHERE code = 'parking'"))[0]!.id;
});
afterAll(async () => t.close());

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return res.json() as T;
};
const act = (id: number, action: string, body: Record<string, unknown> = {}) => community1.post(`/api/consultations/topics/${id}/${action}`, body);

/** A topic raised by community1 in its compound; screened in (public) unless `screen` is false. */
async function topic(title: string, screen = true): Promise<TopicDetailDto> {
  const created = ok<TopicDetailDto>(await community1.post('/api/consultations/topics', { title, description: '居民多次反映，希望协商解决', nodeId: compound1, source: 'community' }), 201);
  return screen ? ok<TopicDetailDto>(await act(created.id, 'screen', { categoryId: parking })) : created;
}

const decode = (png: Buffer) => {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data;
};
/** The QR code embedded in a poster as a data: PNG, decoded. */
const posterQr = (html: string) => {
  const m = /<img[^>]+src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/.exec(html);
  expect(m, 'poster has a data: PNG image').not.toBeNull();
  return decode(Buffer.from(m![1]!, 'base64'));
};
const expectPrintable = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['cache-control']).toBe('private, no-store');
  expect(res.body).toMatch(/@page\s*\{\s*size:\s*A4/);
  expect(res.body).not.toMatch(/<script/i);
};

describe('topic QR code and poster', () => {
  it('the PNG opens the topic\'s phone page on this site', async () => {
    const tp = await topic('小区路灯维修');
    const res = await community1.get(`/api/consultations/topics/${tp.id}/qr.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(decode(res.rawPayload)).toBe(`http://localhost:80/m/consult/${tp.id}`);
  });

  it('the A4 poster: escaped title, community, instruction, URL and a QR code that opens the page', async () => {
    const tp = await topic('<b>车棚</b> & "充电" 13912345678');
    const res = await community1.get(`/api/consultations/topics/${tp.id}/poster.html`);
    expectPrintable(res);
    const html = res.body;
    expect(html).not.toContain('<b>车棚</b>');
    expect(html).toContain('&#60;b&#62;车棚&#60;/b&#62; &#38; &#34;充电&#34;');
    // A phone number in free text is masked like everywhere else.
    expect(html).not.toContain('13912345678');
    expect(html).toContain(tp.communityName);
    expect(html).toContain('扫码参与云商量');
    expect(html).toContain(`http://localhost:80/m/consult/${tp.id}`);
    expect(posterQr(html)).toBe(`http://localhost:80/m/consult/${tp.id}`);
  });

  it('a topic not yet public (screening) has no QR code: 409', async () => {
    const tp = await topic('尚在审查的议题', false);
    expectError(await community1.get(`/api/consultations/topics/${tp.id}/qr.png`), 409, 'CONFLICT');
    expectError(await community1.get(`/api/consultations/topics/${tp.id}/poster.html`), 409, 'CONFLICT');
  });

  it('out of the reader\'s scope (another community\'s branch secretary) or missing: 404', async () => {
    const tp = await topic('府前社区的议题');
    expectError(await branch2.get(`/api/consultations/topics/${tp.id}/qr.png`), 404, 'NOT_FOUND');
    expectError(await branch2.get(`/api/consultations/topics/${tp.id}/poster.html`), 404, 'NOT_FOUND');
    expectError(await community1.get('/api/consultations/topics/2147483647/poster.html'), 404, 'NOT_FOUND');
    expectError(await community1.get('/api/consultations/topics/abc/qr.png'), 400, 'VALIDATION_FAILED');
  });
});

describe('meeting poster', () => {
  it('form, time, place and a sign-in QR code; no attendee data; out of scope 404', async () => {
    const tp = await topic('楼道堆物清理');
    ok(await act(tp.id, 'advance', { record: '收集到居民诉求' }));
    ok(await act(tp.id, 'options', { title: '方案一' }));
    ok(await act(tp.id, 'advance'));
    const m = ok<MeetingDetailDto>(
      await community1.post('/api/consultations/meetings', { topicId: tp.id, form: 'roundtable', startsAt: '2026-12-01T14:30:00+08:00', endsAt: '2026-12-01T16:00:00+08:00', place: '党群服务中心<二楼>' }),
      201,
    );
    ok(await community1.post(`/api/consultations/meetings/${m.id}/attendees`, { name: '张参会', group: 'resident_reps', phone: '13900001111' }), 201);
    const res = await community1.get(`/api/consultations/meetings/${m.id}/poster.html`);
    expectPrintable(res);
    const html = res.body;
    expect(html).toContain('圆桌会议');
    expect(html).toContain('2026-12-01 14:30 至 2026-12-01 16:00');
    expect(html).toContain('党群服务中心&#60;二楼&#62;');
    expect(html).toContain('扫码签到');
    expect(html).not.toContain('张参会');
    expect(html).not.toContain('1111');
    expect(posterQr(html)).toBe(`http://localhost:80${m.signInPath}`);
    expectError(await branch2.get(`/api/consultations/meetings/${m.id}/poster.html`), 404, 'NOT_FOUND');
  });
});
