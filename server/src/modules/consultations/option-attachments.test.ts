import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { OPTION_ATTACHMENT_LIMITS, optionAttachmentPath, type PublicTopicDto, type TopicDetailDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, CHINESE, count, expectError } from '../../test/fixtures.js';
import { uploadFile } from '../../test/excel.js';
import { collectTopic, ok } from '../../test/cloud-consultation.js';

const dir = mkdtempSync(join(tmpdir(), 'xj-attachments-test-'));
let t: TestApp;
let community1: Client;
let branch1: Client;
let branch2: Client;
let compound1: number;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A ZIP of stored (uncompressed) entries: a Word file when it has word/ entries, else a plain archive. */
function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, fileName, data);
    centrals.push(central, fileName);
    offset += head.length + fileName.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const storedFiles = () => readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.')).length;
const attachmentRows = () => count(t.db, 'SELECT count(*) FROM topic_option_attachments');
const url = (topicId: number, optionId: number) => `/api/consultations/topics/${topicId}/options/${optionId}/attachments`;
const upload = (c: Client, topicId: number, optionId: number, file: Buffer, fileName = '方案.pdf', type = 'application/pdf') =>
  uploadFile(c, url(topicId, optionId), file, { fileName, type });
const act = (topicId: number, action: string, body: Record<string, unknown> = {}) => community1.post(`/api/consultations/topics/${topicId}/${action}`, body);

/** A public topic at 提方案 with one plan option. */
async function proposeTopic(title: string): Promise<{ topic: TopicDetailDto; optionId: number }> {
  const topic = await collectTopic(t, community1, title, compound1);
  ok(await act(topic.id, 'advance', { record: '收集到居民诉求' }));
  const withOption = ok<TopicDetailDto>(await act(topic.id, 'options', { title: '方案一', cost: 120000 }));
  return { topic: withOption, optionId: withOption.options[0]!.id };
}

beforeAll(async () => {
  t = await startTestApp({ env: { ATTACHMENT_DIR: dir } });
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('plan option attachments', () => {
  it('a PDF is listed on the console and the phone page and downloads as the same bytes, type and name', async () => {
    const { topic, optionId } = await proposeTopic('小区加装充电桩');
    const detail = ok<TopicDetailDto>(await upload(community1, topic.id, optionId, PDF, '加装充电桩 方案(初稿).pdf'), 201);
    const [a] = detail.options[0]!.attachments;
    expect(detail.options[0]!.attachments).toHaveLength(1);
    expect(a).toEqual({ id: expect.any(Number), name: '加装充电桩 方案(初稿).pdf', contentType: 'application/pdf', bytes: PDF.length, createdAt: expect.any(String) });
    expect(ok<TopicDetailDto>(await community1.get(`/api/consultations/topics/${topic.id}`)).options[0]!.attachments).toEqual([a]);
    expect(ok<PublicTopicDto>(await t.inject({ method: 'GET', url: `/api/public/consultations/topics/${topic.id}` })).options[0]!.attachments).toEqual([a]);
    expect(storedFiles()).toBe(1);

    for (const res of [await branch1.get(optionAttachmentPath(a!.id, 'console')), await t.inject({ method: 'GET', url: optionAttachmentPath(a!.id, 'public') })]) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.rawPayload.equals(PDF)).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('private, no-store');
      const disposition = String(res.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(disposition).toContain('%28'); // RFC 5987 leaves no parenthesis unencoded
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('加装充电桩 方案(初稿).pdf');
    }

    const [audit] = await t.db.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM audit_log WHERE action = 'topic.optionAttachment' AND target_id = $1",
      [String(topic.id)],
    );
    expect(audit).toMatchObject({ details: { optionId, attachmentId: a!.id, name: a!.name, contentType: 'application/pdf', bytes: PDF.length } });
  });

  it('takes Word and Excel files and images, checked by content; cleans the name and fixes its extension', async () => {
    const { topic, optionId } = await proposeTopic('楼道堆物清理');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('预算').addRow(['项目', '金额']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const docx = zipOf({ '[Content_Types].xml': DOCX_TYPES, 'word/document.xml': '<w:document/>' });
    ok(await upload(community1, topic.id, optionId, xlsx, '预算表.xlsx', 'application/octet-stream'), 201);
    ok(await upload(community1, topic.id, optionId, docx, '说明.docx', 'application/octet-stream'), 201);
    // A path, a reversed-text character and the wrong extension: the shown name keeps none of them.
    const last = ok<TopicDetailDto>(await upload(community1, topic.id, optionId, PNG, '..\\..\\etc/现场\u202Egnp.照片.txt', 'text/plain'), 201);
    expect(last.options[0]!.attachments.map((a) => [a.name, a.contentType])).toEqual([
      ['预算表.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['说明.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['现场gnp.照片.txt.png', 'image/png'],
    ]);
    const long = ok<TopicDetailDto>(await upload(community1, topic.id, optionId, PDF, `${'很长的名字'.repeat(40)}.PDF`), 201);
    const name = long.options[0]!.attachments[3]!.name;
    expect([...name].length).toBe(OPTION_ATTACHMENT_LIMITS.nameMax);
    expect(name.endsWith('很.pdf')).toBe(true);
  });

  it('refuses what is not an allowed type, too big or one too many, and leaves no row and no file', async () => {
    const { topic, optionId } = await proposeTopic('小区绿化补种');
    const rows = await attachmentRows();
    const files = storedFiles();
    for (const [file, name] of [
      [Buffer.from('这是一个改了扩展名的文本文件'), '方案.pdf'],
      [zipOf({ 'notes.txt': 'hello' }), '方案.docx'],
      [Buffer.from('<html><script>alert(1)</script></html>'), '方案.png'],
    ] as const) {
      const err = expectError(await upload(community1, topic.id, optionId, file, name), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(err.message).toMatch(CHINESE);
    }
    const big = Buffer.concat([PDF, Buffer.alloc(OPTION_ATTACHMENT_LIMITS.bytes + 1 - PDF.length)]);
    expect(expectError(await upload(community1, topic.id, optionId, big), 413, 'PAYLOAD_TOO_LARGE').message).toMatch(CHINESE);
    expect(await attachmentRows()).toBe(rows);
    expect(storedFiles()).toBe(files);

    for (let i = 0; i < OPTION_ATTACHMENT_LIMITS.perOption; i++) ok(await upload(community1, topic.id, optionId, PDF, `第${i + 1}份.pdf`), 201);
    expect(expectError(await upload(community1, topic.id, optionId, PDF), 409, 'CONFLICT').message).toMatch(CHINESE);
    expect(await attachmentRows()).toBe(rows + OPTION_ATTACHMENT_LIMITS.perOption);
    expect(storedFiles()).toBe(files + OPTION_ATTACHMENT_LIMITS.perOption);
  });

  it('only the topic’s manager, at 提方案 or 议事项, on one of its own options', async () => {
    const { topic, optionId } = await proposeTopic('单元门禁维修');
    const other = await proposeTopic('健身器材更换');
    const files = storedFiles();
    expectError(await upload(branch1, topic.id, optionId, PDF), 403, 'FORBIDDEN');
    expectError(await upload(branch2, topic.id, optionId, PDF), 403, 'FORBIDDEN');
    expectError(await upload(community1, topic.id, other.optionId, PDF), 404, 'NOT_FOUND');
    expectError(await upload(community1, 2147483647, optionId, PDF), 404, 'NOT_FOUND');
    const early = await collectTopic(t, community1, '停车位划线', compound1);
    expectError(await upload(community1, early.id, optionId, PDF), 409, 'ILLEGAL_TRANSITION');

    // 议事项 still takes files; 快办理 does not, nor may they be removed then.
    ok(await act(topic.id, 'advance'));
    const kept = ok<TopicDetailDto>(await upload(community1, topic.id, optionId, PDF, '会议材料.pdf'), 201).options[0]!.attachments[0]!;
    ok(await act(topic.id, 'decision', { decision: '采用方案一', optionId }));
    ok(await act(topic.id, 'advance', { record: '议事会表决通过' }));
    const late = expectError(await upload(community1, topic.id, optionId, PDF), 409, 'ILLEGAL_TRANSITION');
    expect(late.message).toMatch(/提方案.*议事项/);
    expectError(await community1.delete(`${url(topic.id, optionId)}/${kept.id}`), 409, 'ILLEGAL_TRANSITION');
    expect(storedFiles()).toBe(files + 1);
  });

  it('downloads: out of scope or unknown → 404; the public one only for a public topic', async () => {
    const { topic, optionId } = await proposeTopic('垃圾分类亭');
    const a = ok<TopicDetailDto>(await upload(community1, topic.id, optionId, PDF), 201).options[0]!.attachments[0]!;
    expectError(await branch2.get(optionAttachmentPath(a.id, 'console')), 404, 'NOT_FOUND');
    expectError(await community1.get(optionAttachmentPath(2147483647, 'console')), 404, 'NOT_FOUND');
    expectError(await t.inject({ method: 'GET', url: optionAttachmentPath(2147483647, 'public') }), 404, 'NOT_FOUND');
    expectError(await t.inject({ method: 'GET', url: optionAttachmentPath(a.id, 'console') }), 401);
    // No step produces an unscreened topic with options; the rule is checked on a row set so.
    await t.db.query('UPDATE topics SET screened_at = NULL WHERE id = $1', [topic.id]);
    expectError(await t.inject({ method: 'GET', url: optionAttachmentPath(a.id, 'public') }), 404, 'NOT_FOUND');
    expect((await community1.get(optionAttachmentPath(a.id, 'console'))).statusCode).toBe(200);
    await t.db.query('UPDATE topics SET screened_at = now() WHERE id = $1', [topic.id]);
    expect((await t.inject({ method: 'GET', url: optionAttachmentPath(a.id, 'public') })).statusCode).toBe(200);
  });

  it('removing one deletes its row and file and writes an audit row', async () => {
    const { topic, optionId } = await proposeTopic('门口减速带');
    const a = ok<TopicDetailDto>(await upload(community1, topic.id, optionId, PDF, '减速带.pdf'), 201).options[0]!.attachments[0]!;
    const files = storedFiles();
    expectError(await branch1.delete(`${url(topic.id, optionId)}/${a.id}`), 403, 'FORBIDDEN');
    const other = await proposeTopic('楼顶防水');
    expectError(await community1.delete(`${url(other.topic.id, other.optionId)}/${a.id}`), 404, 'NOT_FOUND');
    const after = ok<TopicDetailDto>(await community1.delete(`${url(topic.id, optionId)}/${a.id}`));
    expect(after.options[0]!.attachments).toEqual([]);
    expect(storedFiles()).toBe(files - 1);
    expectError(await community1.get(optionAttachmentPath(a.id, 'console')), 404, 'NOT_FOUND');
    expectError(await community1.delete(`${url(topic.id, optionId)}/${a.id}`), 404, 'NOT_FOUND');
    const [audit] = await t.db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'topic.optionAttachment.delete' AND target_id = $1", [String(topic.id)]);
    expect(audit?.details).toMatchObject({ optionId, attachmentId: a.id, name: '减速带.pdf' });
  });
});
