import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { INNOVATION_LIMITS, innovationAttachmentPath, type InnovationCaseDetailDto, type InnovationLatestDto, type InnovationLibraryDto, type InnovationSubmissionsDto } from '@xj/contracts';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, CHINESE, count, expectError } from '../../test/fixtures.js';
import { headerOf, uploadFile } from '../../test/excel.js';
import { ok } from '../../test/cloud-consultation.js';

const dir = mkdtempSync(join(tmpdir(), 'xj-innovation-test-'));
let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let branch2: Client;
let commissioner: Client;
let community: number;
let compound1: number;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const draft = (over: Record<string, unknown> = {}) => ({
  nodeId: community,
  unitName: '府前社区党委',
  title: '楼道议事角',
  problem: '楼道里的小事没人管，居民有话无处说。',
  method: '每个楼道设议事角，红色管家每周收集意见。',
  results: '半年收集意见 120 条，办结 115 条。',
  figures: [{ label: '收集意见', value: 120, unit: '条' }],
  tags: ['楼道治理'],
  ...over,
});
const create = async (c: Client, over: Record<string, unknown> = {}) => ok<InnovationCaseDetailDto>(await c.post('/api/innovation', draft(over)), 201);
const act = (c: Client, id: number, step: string, body: Record<string, unknown> = {}) => c.post(`/api/innovation/${id}/${step}`, body);
const put = (c: Client, id: number, body: unknown) => c.request({ method: 'PUT', url: `/api/innovation/${id}`, payload: body as object });
const upload = (c: Client, id: number, file: Buffer, fileName = '材料.pdf', type = 'application/pdf') => uploadFile(c, `/api/innovation/${id}/attachments`, file, { fileName, type });
const storedFiles = () => readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.')).length;

/** A case taken to published by the county. */
async function published(over: Record<string, unknown> = {}): Promise<InnovationCaseDetailDto> {
  const c = await create(community1, over);
  ok(await act(community1, c.id, 'submit'));
  return ok<InnovationCaseDetailDto>(await act(admin, c.id, 'publish'));
}

beforeAll(async () => {
  t = await startTestApp({ env: { ATTACHMENT_DIR: dir } });
  admin = await t.login('admin');
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  commissioner = await t.login('commissioner1');
  community = await nodeId(t.db, '府前社区');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the state machine', () => {
  it('draft → submitted → returned → submitted → published → withdrawn, each step audited', async () => {
    const c = await create(community1, { tags: [' 楼道治理 ', '楼道治理', '议事'] });
    expect(c).toMatchObject({ status: 'draft', tags: ['楼道治理', '议事'], canEdit: true, canReview: false, createdBy: expect.any(String) });
    const edited = ok<InnovationCaseDetailDto>(await put(community1, c.id, draft({ title: '楼道议事角（修订）', nodeId: compound1 })));
    expect(edited).toMatchObject({ title: '楼道议事角（修订）', nodeId: compound1 });
    expect(ok<InnovationCaseDetailDto>(await act(community1, c.id, 'submit'))).toMatchObject({ status: 'submitted', canEdit: false, submittedAt: expect.any(String) });
    expect(ok<InnovationCaseDetailDto>(await admin.get(`/api/innovation/${c.id}`)).canReview).toBe(true);
    const returned = ok<InnovationCaseDetailDto>(await act(admin, c.id, 'return', { note: '请补充成效数据' }));
    expect(returned).toMatchObject({ status: 'returned', reviewNote: '请补充成效数据' });
    ok(await put(community1, c.id, draft({ figures: [{ label: '办结', value: 115, unit: '条' }, { label: '满意率', value: 98.5, unit: '%' }] })));
    ok(await act(community1, c.id, 'submit'));
    const pub = ok<InnovationCaseDetailDto>(await act(admin, c.id, 'publish'));
    expect(pub).toMatchObject({ status: 'published', publishedAt: expect.any(String), figures: [{ label: '办结', value: 115, unit: '条' }, { label: '满意率', value: 98.5, unit: '%' }] });
    const down = ok<InnovationCaseDetailDto>(await act(admin, c.id, 'unpublish', { reason: '数据有误，暂停展示' }));
    expect(down).toMatchObject({ status: 'withdrawn', publishedAt: null, reviewNote: '数据有误，暂停展示' });
    const actions = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'innovation_case' AND target_id = $1 ORDER BY id", [String(c.id)]);
    expect(actions.map((a) => a.action)).toEqual([
      'innovation.create', 'innovation.update', 'innovation.submit', 'innovation.return', 'innovation.update', 'innovation.submit', 'innovation.publish', 'innovation.unpublish',
    ]);
  });

  it('wrong transitions answer 409 with the state named; the unit may recall or give up', async () => {
    const c = await create(community1);
    for (const [who, step, body] of [[admin, 'publish', {}], [admin, 'return', { note: '不行' }], [admin, 'unpublish', { reason: '不行' }], [community1, 'recall', {}]] as const) {
      const err = expectError(await act(who, c.id, step, body), 409, 'ILLEGAL_TRANSITION');
      expect(err.message).toContain('草稿');
    }
    ok(await act(community1, c.id, 'submit'));
    expectError(await act(community1, c.id, 'submit'), 409, 'ILLEGAL_TRANSITION');
    expectError(await put(community1, c.id, draft()), 409, 'ILLEGAL_TRANSITION');
    expectError(await act(community1, c.id, 'withdraw', { reason: '不做了' }), 409, 'ILLEGAL_TRANSITION');
    expect(ok<InnovationCaseDetailDto>(await act(community1, c.id, 'recall')).status).toBe('draft');
    expect(ok<InnovationCaseDetailDto>(await act(community1, c.id, 'withdraw', { reason: '与其他案例重复' })).status).toBe('withdrawn');
    for (const step of ['submit', 'recall']) expectError(await act(community1, c.id, step), 409, 'ILLEGAL_TRANSITION');
    expectError(await act(admin, c.id, 'publish'), 409, 'ILLEGAL_TRANSITION');

    const p = await published();
    expectError(await act(admin, p.id, 'publish'), 409, 'ILLEGAL_TRANSITION');
    expectError(await put(community1, p.id, draft()), 409, 'ILLEGAL_TRANSITION');
    // Only the county reviews.
    const s = await create(community1);
    ok(await act(community1, s.id, 'submit'));
    expectError(await act(community1, s.id, 'publish'), 403, 'FORBIDDEN');
  });

  it('bad content: tags, figures, nodes outside the scope or below a compound', async () => {
    expectError(await community1.post('/api/innovation', draft({ tags: Array.from({ length: 9 }, (_, i) => `标签${i}`) })), 400, 'VALIDATION_FAILED');
    expectError(await community1.post('/api/innovation', draft({ tags: ['这是一个超过十二个字的很长的标签'] })), 400, 'VALIDATION_FAILED');
    expectError(await community1.post('/api/innovation', draft({ figures: Array.from({ length: 11 }, () => ({ label: '数', value: 1, unit: '' })) })), 400, 'VALIDATION_FAILED');
    expectError(await community1.post('/api/innovation', draft({ title: '短' })), 400, 'VALIDATION_FAILED');
    const other = await nodeId(t.db, '北关社区');
    expectError(await community1.post('/api/innovation', draft({ nodeId: other })), 404, 'NOT_FOUND');
    const [building] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'building' AND path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' LIMIT 1", [community]);
    expect(expectError(await community1.post('/api/innovation', draft({ nodeId: building!.id })), 400).message).toMatch(/街道、社区或小区/);
    expectError(await commissioner.post('/api/innovation', draft()), 403, 'FORBIDDEN');
  });
});

describe('scope', () => {
  it("another community's user cannot see a draft or submission (404); the county's scope covers it", async () => {
    const c = await create(branch1, { nodeId: compound1, unitName: '府前社区第一支部' });
    ok(await branch1.get(`/api/innovation/${c.id}`));
    ok(await community1.get(`/api/innovation/${c.id}`));
    for (const who of [branch2, commissioner]) expectError(await who.get(`/api/innovation/${c.id}`), 404, 'NOT_FOUND');
    expectError(await put(branch2, c.id, draft({ nodeId: compound1 })), 404, 'NOT_FOUND');
    expectError(await act(branch2, c.id, 'submit'), 404, 'NOT_FOUND');
    const mine = ok<InnovationSubmissionsDto>(await branch1.get('/api/innovation/submissions?pageSize=200'));
    expect(mine.data.map((x) => x.id)).toContain(c.id);
    expect(ok<InnovationSubmissionsDto>(await branch2.get('/api/innovation/submissions?pageSize=200')).data.map((x) => x.id)).not.toContain(c.id);

    ok(await act(branch1, c.id, 'submit'));
    expect(ok<InnovationCaseDetailDto>(await admin.get(`/api/innovation/${c.id}`)).status).toBe('submitted');
    expectError(await branch2.get(`/api/innovation/${c.id}`), 404, 'NOT_FOUND');
    const queue = ok<InnovationSubmissionsDto>(await admin.get('/api/innovation/submissions?status=submitted&pageSize=200'));
    expect(queue.data.every((x) => x.status === 'submitted')).toBe(true);
    expect(queue.data.map((x) => x.id)).toContain(c.id);

    ok(await act(admin, c.id, 'publish'));
    for (const who of [branch2, commissioner]) expect(ok<InnovationCaseDetailDto>(await who.get(`/api/innovation/${c.id}`))).toMatchObject({ status: 'published', canEdit: false, canReview: false });
    expectError(await commissioner.get('/api/innovation/submissions'), 403, 'FORBIDDEN');
  });
});

describe('the library', () => {
  it('searches text and tags among published cases only, newest first, with tag counts', async () => {
    const a = await published({ title: '琥珀议事法', tags: ['琥珀', '共享'], problem: '停车难' });
    const b = await published({ title: '邻里琥珀圈', tags: ['琥珀'], method: '琥珀积分兑换' });
    const c = await published({ title: '阳台花园', results: '居民自发参与，琥珀色的花开满楼道', tags: ['绿化'] });
    const hidden = await create(community1, { title: '琥珀草稿', tags: ['琥珀'] });

    const all = ok<InnovationLibraryDto>(await commissioner.get(`/api/innovation?q=${encodeURIComponent('琥珀')}`));
    expect(all.data.map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect(all.data.map((x) => x.id)).not.toContain(hidden.id);
    expect(all.pagination.total).toBe(3);
    expect(all.tags).toEqual([{ tag: '琥珀', count: 2 }, { tag: '共享', count: 1 }, { tag: '绿化', count: 1 }]);

    const tagged = ok<InnovationLibraryDto>(await commissioner.get(`/api/innovation?tag=${encodeURIComponent('琥珀')}&pageSize=200`));
    expect(tagged.data.map((x) => x.id)).toEqual([b.id, a.id]);
    const byUnit = ok<InnovationLibraryDto>(await commissioner.get(`/api/innovation?q=${encodeURIComponent('琥珀')}&tag=${encodeURIComponent('共享')}`));
    expect(byUnit.data.map((x) => x.id)).toEqual([a.id]);
    const paged = ok<InnovationLibraryDto>(await commissioner.get(`/api/innovation?q=${encodeURIComponent('琥珀')}&pageSize=2&page=2`));
    expect(paged.data.map((x) => x.id)).toEqual([a.id]);
    expect(ok<InnovationLibraryDto>(await commissioner.get('/api/innovation?q=%25_')).data).toEqual([]);
    for (const qs of ['pageSize=0', 'unknown=1', `tag=${'x'.repeat(13)}`]) expectError(await commissioner.get(`/api/innovation?${qs}`), 400, 'VALIDATION_FAILED');
  });

  it('exports the library (with its filters) as a workbook', async () => {
    const res = await commissioner.get(`/api/innovation/export?tag=${encodeURIComponent('琥珀')}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(await headerOf(res.rawPayload)).toEqual(['案例标题', '申报单位', '所属节点', '发布日期', '标签', '针对的问题', '主要做法', '取得的成效', '成效数据']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const titles = wb.worksheets[0]!.getColumn(1).values.slice(2);
    expect(titles).toEqual(['邻里琥珀圈', '琥珀议事法']);
    expectError(await commissioner.get('/api/innovation/export?page=1'), 400, 'VALIDATION_FAILED');
  });

  it('latest: published cases, newest first, at most `limit`', async () => {
    const first = await published({ title: '最新案例甲' });
    const second = await published({ title: '最新案例乙' });
    const latest = ok<InnovationLatestDto>(await commissioner.get('/api/innovation/latest?limit=3'));
    expect(latest.data).toHaveLength(3);
    expect(latest.data.slice(0, 2).map((x) => x.id)).toEqual([second.id, first.id]);
    const times = latest.data.map((x) => Date.parse(x.publishedAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const published_ = await count(t.db, "SELECT count(*) FROM innovation_cases WHERE status = 'published'");
    expect(ok<InnovationLatestDto>(await commissioner.get('/api/innovation/latest?limit=20')).data).toHaveLength(Math.min(20, published_));
    for (const qs of ['limit=0', 'limit=21', 'limit=abc']) expectError(await commissioner.get(`/api/innovation/latest?${qs}`), 400, 'VALIDATION_FAILED');
  });
});

describe('attachments', () => {
  it('a real PDF is accepted and downloads as the same bytes; readers of the case may download it', async () => {
    const c = await create(community1);
    const withFile = ok<InnovationCaseDetailDto>(await upload(community1, c.id, PDF, '经验材料(初稿).pdf'), 201);
    const [a] = withFile.attachments;
    expect(a).toMatchObject({ name: '经验材料(初稿).pdf', contentType: 'application/pdf', bytes: PDF.length });
    const res = await community1.get(innovationAttachmentPath(a!.id));
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Not yet published: another community's reader gets 404, after publishing 200.
    expectError(await branch2.get(innovationAttachmentPath(a!.id)), 404, 'NOT_FOUND');
    ok(await act(community1, c.id, 'submit'));
    expectError(await upload(community1, c.id, PDF), 409, 'ILLEGAL_TRANSITION');
    expectError(await community1.delete(`/api/innovation/${c.id}/attachments/${a!.id}`), 409, 'ILLEGAL_TRANSITION');
    ok(await act(admin, c.id, 'publish'));
    expect((await branch2.get(innovationAttachmentPath(a!.id))).statusCode).toBe(200);
    expectError(await commissioner.get(innovationAttachmentPath(2147483647)), 404, 'NOT_FOUND');
    const [audit] = await t.db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'innovation.attachment' AND target_id = $1", [String(c.id)]);
    expect(audit?.details).toMatchObject({ attachmentId: a!.id, name: a!.name, bytes: PDF.length });
  });

  it('refuses a renamed text file, a file too big and a sixth file, leaving no row and no file', async () => {
    const c = await create(community1);
    const files = storedFiles();
    const rows = await count(t.db, 'SELECT count(*) FROM innovation_attachments');
    const err = expectError(await upload(community1, c.id, Buffer.from('这只是一个改了扩展名的文本文件'), '材料.pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(err.message).toMatch(CHINESE);
    const big = Buffer.concat([PDF, Buffer.alloc(INNOVATION_LIMITS.attachmentBytes + 1 - PDF.length)]);
    expectError(await upload(community1, c.id, big), 413, 'PAYLOAD_TOO_LARGE');
    expect(storedFiles()).toBe(files);
    expect(await count(t.db, 'SELECT count(*) FROM innovation_attachments')).toBe(rows);

    ok(await upload(community1, c.id, PNG, '现场.png', 'image/png'), 201);
    for (let i = 1; i < INNOVATION_LIMITS.attachmentsMax; i++) ok(await upload(community1, c.id, PDF, `第${i}份.pdf`), 201);
    expect(expectError(await upload(community1, c.id, PDF), 409, 'CONFLICT').message).toContain(String(INNOVATION_LIMITS.attachmentsMax));
    expect(storedFiles()).toBe(files + INNOVATION_LIMITS.attachmentsMax);
    expectError(await upload(branch2, c.id, PDF), 404, 'NOT_FOUND');
  });

  it('deleting one removes its row and file while the case is a draft', async () => {
    const c = await create(community1);
    const a = ok<InnovationCaseDetailDto>(await upload(community1, c.id, PDF), 201).attachments[0]!;
    const files = storedFiles();
    const other = await create(community1);
    expectError(await community1.delete(`/api/innovation/${other.id}/attachments/${a.id}`), 404, 'NOT_FOUND');
    expect(ok<InnovationCaseDetailDto>(await community1.delete(`/api/innovation/${c.id}/attachments/${a.id}`)).attachments).toEqual([]);
    expect(storedFiles()).toBe(files - 1);
    expectError(await community1.get(innovationAttachmentPath(a.id)), 404, 'NOT_FOUND');
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'innovation.attachment.delete' AND target_id = $1", [String(c.id)])).toBe(1);
  });
});
