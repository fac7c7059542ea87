import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { ImportMode } from '@xj/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, importAndWait, xlsxOf } from '../../test/excel.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson, expectError, node, testPhone, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let branch: { id: number; name: string };
let c1: { id: number; code: string; name: string };
let c2: { code: string };
/** The branch's current secretary, whose open term any new current term would overlap. */
let sitting: { name: string; termStart: string };

const HEADERS = ['身份证号*', '姓名*', '手机号', '住址编码*', '支部小区编码*', '书记来源*', '任期开始*', '任期结束'];

const xlsx = (rows: unknown[][]) => xlsxOf('支部书记', HEADERS, rows);
const importNow = (c: Client, file: Buffer, mode: ImportMode) => importAndWait(c, '/api/branch-secretaries/import', file, mode, { fileName: '书记.xlsx' });

async function sheet(res: LightMyRequestResponse): Promise<string[][]> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push(Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).text)));
  return out;
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, community1, branch1] = (await Promise.all(['admin', 'community1', 'branch1'].map((u) => t.login(u)))) as [Client, Client, Client];
  const b1 = await branchOf(t.db, 'branch1');
  const n1 = await node(t.db, b1.compoundIds[0]!);
  c1 = { id: n1.id, code: n1.code, name: n1.name };
  c2 = { code: (await node(t.db, (await branchOf(t.db, 'branch2')).compoundIds[0]!)).code };
  branch = (await t.db.query<{ id: number; name: string }>('SELECT id, name FROM party_orgs WHERE id = $1', [b1.id]))[0]!;
  const open = async () =>
    (await t.db.query<{ name: string; term_start: string }>(
      "SELECT p.name, to_char(s.term_start, 'YYYY-MM-DD') AS term_start FROM branch_secretaries s JOIN people p ON p.id = s.person_id WHERE s.branch_id = $1 AND s.term_end IS NULL",
      [branch.id],
    ))[0];
  if (!(await open())) {
    const p = await createPerson(admin, c1.id, { name: '现任书记' });
    expect((await admin.post('/api/branch-secretaries', { branchId: branch.id, personId: p.id, background: 'teacher', termStart: '2023-03-01' })).statusCode).toBe(201);
  }
  const o = (await open())!;
  sitting = { name: o.name, termStart: o.term_start };
});
afterAll(async () => t.close());

describe('branch secretaries import', () => {
  it('downloads a template with the Chinese headers', async () => {
    const res = await branch1.get('/api/branch-secretaries/import/template');
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(HEADERS);
  });

  it('validates every row (all or nothing, then the valid rows), refuses overlapping terms, links known people and creates unknown ones', async () => {
    expect(sitting.termStart > '2012-12-31').toBe(true);
    const known = await createPerson(admin, c1.id, { name: '导入已有书记' });
    const fresh = { idNumber: validIdNumber('19600101'), phone: testPhone() };
    const file = await xlsx([
      [known.idNumber, '导入已有书记', '', c1.code, c1.code, '退休干部', '2005-01-01', '2007-12-31'],
      [fresh.idNumber, '导入新书记', fresh.phone, c1.code, c1.code, '教师', '2008/1/1', '2009年12月31日'],
      [validIdNumber('19600102'), '导入现任重叠', '', c1.code, c1.code, '其他', sitting.termStart, ''],
      [validIdNumber('19600103'), '导入文件重叠甲', '', c1.code, c1.code, '其他', '2010-01-01', '2011-06-30'],
      [validIdNumber('19600104'), '导入文件重叠乙', '', c1.code, c1.code, '其他', '2011-01-01', '2012-12-31'],
      [validIdNumber('19600105'), '导入越权', '', c1.code, c2.code, '其他', '2010-01-01', ''],
      [validIdNumber('19600106'), '导入倒序', '', c1.code, c1.code, '其他', '2004-01-01', '2003-01-01'],
      [validIdNumber('19600107'), '导入来源', '', c1.code, c1.code, '书记', '2004-01-01', ''],
    ]);
    const expected = [
      { row: 4, column: '任期开始', message: `支部“${branch.name}”的书记${sitting.name}任期 ${sitting.termStart} 至 今，与新任期重叠；一个支部同一时间只有一位书记，请先结束其任期` },
      { row: 5, column: '任期开始', message: '与文件中第6行同一支部的任期重叠；一个支部同一时间只有一位书记' },
      { row: 6, column: '任期开始', message: '与文件中第5行同一支部的任期重叠；一个支部同一时间只有一位书记' },
      { row: 7, column: '支部小区编码', message: `支部小区编码“${c2.code}”不存在或不在您的管辖范围内` },
      { row: 8, column: '任期结束', message: '任期结束日期不能早于开始日期' },
      { row: 9, column: '书记来源', message: '只能填写：原村书记、原单位书记、教师、退休民警、退休干部、其他' },
    ];
    const secretaries = () => count(t.db, 'SELECT count(*) FROM branch_secretaries');
    const people = () => count(t.db, 'SELECT count(*) FROM people');
    const [s0, p0] = [await secretaries(), await people()];

    const refused = await importNow(branch1, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 6 });
    expect(refused.errors).toEqual(expected);
    expect([await secretaries(), await people()]).toEqual([s0, p0]);

    const partial = await importNow(branch1, file, 'valid_rows');
    expect(partial).toMatchObject({ status: 'done', inserted: 2, invalidRows: 6 });
    expect(partial.errors).toEqual(expected);
    expect([await secretaries(), await people()]).toEqual([s0 + 2, p0 + 1]);

    const rows = await t.db.query<{ id_number: string; branch_id: number; background: string; term_start: string; term_end: string | null }>(
      `SELECT p.id_number, s.branch_id, s.background, to_char(s.term_start, 'YYYY-MM-DD') AS term_start, to_char(s.term_end, 'YYYY-MM-DD') AS term_end
         FROM branch_secretaries s JOIN people p ON p.id = s.person_id WHERE p.id_number = ANY($1::text[]) ORDER BY s.id`,
      [[known.idNumber, fresh.idNumber]],
    );
    expect(rows).toEqual([
      { id_number: known.idNumber, branch_id: branch.id, background: 'retired_cadre', term_start: '2005-01-01', term_end: '2007-12-31' },
      { id_number: fresh.idNumber, branch_id: branch.id, background: 'teacher', term_start: '2008-01-01', term_end: '2009-12-31' },
    ]);
    const [created] = await t.db.query<{ name: string; phone: string; node_id: number }>('SELECT name, phone, node_id FROM people WHERE id_number = $1', [fresh.idNumber]);
    expect(created).toEqual({ name: '导入新书记', phone: fresh.phone, node_id: c1.id });

    // The terms written now stand in the way of an overlapping one.
    const again = await importNow(branch1, await xlsx([[validIdNumber('19600108'), '导入再重叠', '', c1.code, c1.code, '其他', '2006-01-01', '2006-12-31']]), 'valid_rows');
    expect(again.errors).toEqual([{ row: 2, column: '任期开始', message: expect.stringContaining('的书记导入已有书记任期 2005-01-01 至 2007-12-31，与新任期重叠') }]);

    const audits = await t.db.query<{ result: string; details: Record<string, unknown>; node_id: number | null }>(
      "SELECT result, details, node_id FROM audit_log WHERE action = 'branchSecretary.import' ORDER BY id",
    );
    expect(audits.map((a) => [a.result, a.details.inserted, a.details.invalidRows])).toEqual([['failure', 0, 6], ['success', 2, 6], ['failure', 0, 1]]);
    expect(audits[1]!.node_id).toBe(c1.id);
    const text = JSON.stringify(audits);
    for (const secret of [known.idNumber, fresh.idNumber, fresh.phone]) expect(text).not.toContain(secret);
  });
});

describe('branch secretaries export', () => {
  it('is masked by default; unmasking needs people.unmask and a reason, and is audited', async () => {
    const p = await createPerson(admin, c1.id, { name: '导出书记' });
    const res = await admin.post('/api/branch-secretaries', { branchId: branch.id, personId: p.id, background: 'retired_police', termStart: '2001-01-01', termEnd: '2002-12-31' });
    expect(res.statusCode, res.body).toBe(201);
    const filter = `branchId=${branch.id}&q=${encodeURIComponent('导出书记')}`;

    const [header, row] = (await sheet(await branch1.get(`/api/branch-secretaries/export?${filter}`))) as [string[], string[]];
    expect(header).toEqual(['编号', '姓名', '手机号', '身份证号', '党支部', '覆盖小区', '书记来源', '任期开始', '任期结束', '是否在任']);
    expect(row.slice(1, 5)).toEqual(['导出书记', `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`, `${p.idNumber.slice(0, 6)}********${p.idNumber.slice(-4)}`, branch.name]);
    expect(row[5]).toContain(c1.name);
    expect(row.slice(6)).toEqual(['退休民警', '2001-01-01', '2002-12-31', '否']);

    const reason = encodeURIComponent('组织关系核对');
    expectError(await branch1.get(`/api/branch-secretaries/export?${filter}&unmask=true&reason=${reason}`), 403, 'FORBIDDEN');
    expectError(await community1.get(`/api/branch-secretaries/export?${filter}&unmask=true`), 400, 'VALIDATION_FAILED');
    const [, plain] = (await sheet(await community1.get(`/api/branch-secretaries/export?${filter}&unmask=true&reason=${reason}`))) as [string[], string[]];
    expect([plain[2], plain[3]]).toEqual([p.phone, p.idNumber]);

    const audits = await t.db.query<{ result: string; actor_name: string; details: Record<string, unknown> }>(
      "SELECT result, actor_name, details FROM audit_log WHERE action = 'branchSecretary.export' ORDER BY id",
    );
    expect(audits.map((a) => [a.result, a.actor_name, a.details.unmasked])).toEqual([['success', 'branch1', false], ['denied', 'branch1', true], ['success', 'community1', true]]);
    expect(audits[2]!.details).toMatchObject({ reason: '组织关系核对', rowCount: 1 });
    expect(JSON.stringify(audits)).not.toContain(p.idNumber);
  });
});
