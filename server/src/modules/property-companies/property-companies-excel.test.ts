import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { creditCodeCheckChar, type ImportMode } from '@xj/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, importAndWait, uploadFile, xlsxOf } from '../../test/excel.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError, grantNodes, node } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let c1: { id: number; code: string };
let outside: string;

const COMPANY_HEADERS = ['企业名称*', '统一社会信用代码*', '联系人', '联系电话', '已建立党组织', '党组织名称', '物业行业党委'];
const CONTRACT_HEADERS = ['企业统一社会信用代码*', '小区编码*', '合同开始日期*', '合同结束日期*', '收费标准'];
const importNow = (c: Client, path: string, file: Buffer, mode: ImportMode) => importAndWait(c, path, file, mode, { fileName: '物业.xlsx' });
let seq = 0;
/** A valid credit code, different on every call. */
const creditCode = () => {
  const first17 = `91371427MA3${String(++seq).padStart(6, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

async function sheet(res: LightMyRequestResponse): Promise<[string[], ...string[][]]> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(row.getCell(i).text);
    out.push(cells);
  });
  return out as [string[], ...string[][]];
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, community1] = (await Promise.all(['admin', 'community1'].map((u) => t.login(u)))) as [Client, Client];
  const n1 = await node(t.db, (await branchOf(t.db, 'branch1')).compoundIds[0]!);
  c1 = { id: n1.id, code: n1.code };
  const [grant] = await grantNodes(t.db, 'community1');
  [{ code: outside }] = (await t.db.query<{ code: string }>("SELECT code FROM nodes WHERE kind = 'compound' AND path NOT LIKE $1 ORDER BY id LIMIT 1", [`${grant!.path}%`])) as [{ code: string }];
});
afterAll(async () => t.close());

describe('property companies import and export', () => {
  it('downloads the templates with the Chinese headers', async () => {
    expect(await headerOf((await admin.get('/api/property-companies/import/template')).rawPayload)).toEqual(COMPANY_HEADERS);
    expect(await headerOf((await community1.get('/api/property-contracts/import/template')).rawPayload)).toEqual(CONTRACT_HEADERS);
  });

  it('validates company rows (credit code check character, duplicates in the file and the registry, party organisation) in both modes', async () => {
    const taken = creditCode();
    const created = await admin.post('/api/property-companies', { name: '已登记物业', creditCode: taken });
    expect(created.statusCode, created.body).toBe(201);
    const [good, twice] = [creditCode(), creditCode()];
    const broken = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const file = await xlsxOf('物业企业', COMPANY_HEADERS, [
      ['导入红心物业', good.toLowerCase(), '张经理', '05342345678', '是', '导入红心物业党支部', '夏津县物业行业党委'],
      ['导入校验位错', broken, '', '', '', '', ''],
      ['导入重复甲', twice, '', '', '', '', ''],
      ['导入重复乙', twice, '', '', '', '', ''],
      ['导入已登记', taken, '', '', '', '', ''],
      ['导入缺党组织名', creditCode(), '', '', '是', '', ''],
    ]);
    const expected = [
      { row: 3, column: '统一社会信用代码', message: '统一社会信用代码校验位不正确，请核对' },
      { row: 4, column: '统一社会信用代码', message: '与文件中第5行的统一社会信用代码重复' },
      { row: 5, column: '统一社会信用代码', message: '与文件中第4行的统一社会信用代码重复' },
      { row: 6, column: '统一社会信用代码', message: `该统一社会信用代码已登记：已登记物业（编号 ${created.json().id}）` },
      { row: 7, column: '党组织名称', message: '已建立党组织的企业请填写党组织名称' },
    ];
    const companies = () => count(t.db, 'SELECT count(*) FROM property_companies');
    const n0 = await companies();
    const path = '/api/property-companies/import';
    const refused = await importNow(admin, path, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 5 });
    expect(refused.errors).toEqual(expected);
    expect(await companies()).toBe(n0);
    const partial = await importNow(admin, path, file, 'valid_rows');
    expect(partial).toMatchObject({ status: 'done', inserted: 1, invalidRows: 5 });
    expect(partial.errors).toEqual(expected);
    const [saved] = await t.db.query<{ credit_code: string; has_party_org: boolean; contact_phone: string }>(
      "SELECT credit_code, has_party_org, contact_phone FROM property_companies WHERE name = '导入红心物业'",
    );
    expect(saved).toEqual({ credit_code: good, has_party_org: true, contact_phone: '05342345678' });

    // The registry is kept at county and subdistrict level, as through the API.
    const res = await uploadFile(community1, `${path}?wait=true`, file);
    expectError(res, 403, 'FORBIDDEN');

    const [header, ...rows] = await sheet(await community1.get(`/api/property-companies/export?q=${encodeURIComponent('导入红心物业')}`));
    expect(header).toEqual(['编号', '企业名称', '统一社会信用代码', '联系人', '联系电话', '已建立党组织', '党组织名称', '物业行业党委']);
    expect(rows.map((r) => [r[1], r[2], r[5], r[6]])).toEqual([['导入红心物业', good, '是', '导入红心物业党支部']]);
    expect(rows[0]![4]).not.toBe('05342345678');
  });

  it('imports service contracts with the rules of POST /api/property-contracts (scope, company, overlaps)', async () => {
    const code = creditCode();
    const company = await admin.post('/api/property-companies', { name: '导入合同物业', creditCode: code });
    expect(company.statusCode, company.body).toBe(201);
    const existing = await community1.post('/api/property-contracts', { companyId: company.json().id, compoundId: c1.id, startDate: '1990-01-01', endDate: '1990-12-31' });
    expect(existing.statusCode, existing.body).toBe(201);
    const file = await xlsxOf('物业服务合同', CONTRACT_HEADERS, [
      [code, c1.code, '1991-01-01', '1992-12-31', '0.6元/平方米·月'],
      [code, c1.code, '1990-06-01', '1990-08-31', ''],
      [code, c1.code, '1992-06-01', '1993-12-31', ''],
      [code, outside, '1991-01-01', '1992-12-31', ''],
      [creditCode(), c1.code, '1994-01-01', '1994-12-31', ''],
      [code, c1.code, '1996-01-01', '1995-12-31', ''],
    ]);
    const compoundName = (await node(t.db, c1.id)).name;
    const overlap = (row: number) => `与文件中第${row}行“${compoundName}”的合同期重叠，同一小区的合同期不能重叠`;
    const expected = [
      { row: 2, column: '合同开始日期', message: overlap(4) },
      { row: 3, column: '合同开始日期', message: expect.stringContaining(`在 1990-01-01 至 1990-12-31 已有服务合同（导入合同物业，合同编号 ${existing.json().id}）`) },
      { row: 4, column: '合同开始日期', message: overlap(2) },
      { row: 5, column: '小区编码', message: `小区编码“${outside}”不存在或不在您的管辖范围内` },
      { row: 6, column: '企业统一社会信用代码', message: '该统一社会信用代码的企业未在物业企业名录登记，请先导入或登记企业' },
      { row: 7, column: '合同结束日期', message: '合同结束日期不能早于开始日期' },
    ];
    const contracts = () => count(t.db, 'SELECT count(*) FROM property_contracts WHERE compound_id = $1', [c1.id]);
    const k0 = await contracts();
    const path = '/api/property-contracts/import';
    const refused = await importNow(community1, path, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 6 });
    expect(refused.errors).toEqual(expected);
    const ok = await importNow(community1, path, await xlsxOf('物业服务合同', CONTRACT_HEADERS, [[code, c1.code, '1991-01-01', '1992-12-31', '0.6元/平方米·月']]), 'valid_rows');
    expect(ok).toMatchObject({ status: 'done', inserted: 1, invalidRows: 0 });
    expect(await contracts()).toBe(k0 + 1);
  });
});
