import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportMode } from '@xj/contracts';
import { headerOf, importAndWait, xlsxOf } from '../../test/excel.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, createPerson, grantNodes, node, testPhone, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let mine: { id: number; code: string; name: string };
let otherCode: string;

const HEADERS = ['身份证号*', '姓名*', '手机号', '住址编码*', '社区编码*', '岗位*', '等级*', '定级日期', '职务', '招录批次*', '入职日期*', '学历*', '全日制*', '所学专业', '职业资格', '工龄起算日期'];
const xlsx = (rows: unknown[][]) => xlsxOf('社区工作者', HEADERS, rows);
const importNow = (c: Client, file: Buffer, mode: ImportMode) => importAndWait(c, '/api/workers/import', file, mode, { fileName: '社工.xlsx' });

beforeAll(async () => {
  t = await startTestApp();
  [admin, community1] = (await Promise.all(['admin', 'community1'].map((u) => t.login(u)))) as [Client, Client];
  const [g] = await grantNodes(t.db, 'community1');
  const n = await node(t.db, g!.id);
  mine = { id: n.id, code: n.code, name: n.name };
  const [other] = await t.db.query<{ code: string }>("SELECT code FROM nodes WHERE kind = 'community' AND id <> $1 ORDER BY path LIMIT 1", [mine.id]);
  otherCode = other!.code;
});
afterAll(async () => t.close());

describe('community workers import', () => {
  it('downloads a template with the Chinese headers', async () => {
    const res = await community1.get('/api/workers/import/template');
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(HEADERS);
  });

  it('checks every row (all or nothing, then the valid rows), links known people, creates new ones, writes join rows', async () => {
    const known = await createPerson(admin, mine.id, { name: '导入已有社工' });
    const fresh = { idNumber: validIdNumber('19950101'), phone: testPhone() };
    const row = (idNumber: string, name: string, over: Record<number, unknown> = {}) => {
      const r: unknown[] = [idNumber, name, '', mine.code, mine.code, '社区专职工作者岗', '3', '', '网格员', '2025年第四批', '2025/3/1', '大学本科', '是', '社会工作', '助理社会工作师', ''];
      for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
      return r;
    };
    const file = await xlsx([
      row(known.idNumber, '导入已有社工'),
      row(fresh.idNumber, '导入新社工', { 2: fresh.phone, 5: '副职岗', 6: '9', 14: '社会工作师、助理社会工作师' }),
      row(validIdNumber('19950102'), '导入越权', { 4: otherCode }),
      row(validIdNumber('19950103'), '导入等级', { 6: '19' }),
      row(validIdNumber('19950104'), '导入资格', { 14: '驾驶证' }),
      row(validIdNumber('19950105'), '导入学历', { 11: '博士' }),
    ]);
    const workers = () => count(t.db, 'SELECT count(*) FROM community_workers');
    const people = () => count(t.db, 'SELECT count(*) FROM people');
    const [w0, p0] = [await workers(), await people()];
    const refused = await importNow(community1, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 4 });
    expect(refused.errors.map((e) => [e.row, e.column])).toEqual([[4, '社区编码'], [5, '等级'], [6, '职业资格'], [7, '学历']]);
    expect(refused.errors[0]!.message).toBe(`社区编码“${otherCode}”不存在或不在您的管辖范围内`);
    expect(refused.errors[1]!.message).toContain('1–18');
    expect(refused.errors[2]!.message).toContain('驾驶证');
    expect([await workers(), await people()]).toEqual([w0, p0]);

    const partial = await importNow(community1, file, 'valid_rows');
    expect(partial).toMatchObject({ status: 'done', inserted: 2, invalidRows: 4 });
    expect([await workers(), await people()]).toEqual([w0 + 2, p0 + 1]);
    const [created] = await t.db.query<{ post: string; grade: number; qualifications: string[]; community_id: number; phone: string; joins: number }>(
      `SELECT w.post, w.grade, w.qualifications, w.community_id, p.phone,
              (SELECT count(*)::int FROM community_worker_changes h WHERE h.worker_id = w.id AND h.kind = 'join') AS joins
         FROM community_workers w JOIN people p ON p.id = w.person_id WHERE p.id_number = $1`,
      [fresh.idNumber],
    );
    expect(created).toEqual({ post: 'deputy', grade: 9, qualifications: ['social_worker', 'social_worker_assistant'], community_id: mine.id, phone: fresh.phone, joins: 1 });
    expect(await count(t.db, 'SELECT count(*) FROM community_workers WHERE person_id = $1', [known.id])).toBe(1);

    // A second record for the same person is refused by row.
    const again = await importNow(community1, await xlsx([row(known.idNumber, '导入已有社工')]), 'valid_rows');
    expect(again.errors).toEqual([{ row: 2, column: '身份证号', message: expect.stringMatching(/^导入已有社工已登记为社区工作者（编号 \d+）/) }]);

    const audits = await t.db.query<{ result: string; details: Record<string, unknown>; node_id: number | null }>(
      "SELECT result, details, node_id FROM audit_log WHERE action = 'worker.import' ORDER BY id",
    );
    expect(audits.map((a) => [a.result, a.details.inserted])).toEqual([['failure', 0], ['success', 2], ['failure', 0]]);
    expect(audits[1]!.node_id).toBe(mine.id);
    expect(JSON.stringify(audits)).not.toContain(fresh.phone);
  });
});
