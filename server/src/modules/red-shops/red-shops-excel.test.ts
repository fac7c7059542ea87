import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { ImportMode } from '@xj/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, importAndWait, xlsxOf } from '../../test/excel.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson, expectError, grantNodes, node, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let c1: { id: number; code: string; name: string };
let community: { code: string };
let outside: string;

const HEADERS = ['商铺名称*', '地址编码*', '负责人身份证号', '负责人姓名', '服务项目', '积分兑换', '加入日期'];
const xlsx = (rows: unknown[][]) => xlsxOf('红色商铺', HEADERS, rows);
const importNow = (c: Client, file: Buffer, mode: ImportMode) => importAndWait(c, '/api/red-shops/import', file, mode, { fileName: '商铺.xlsx' });

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
  [admin, community1, branch1] = (await Promise.all(['admin', 'community1', 'branch1'].map((u) => t.login(u)))) as [Client, Client, Client];
  const n1 = await node(t.db, (await branchOf(t.db, 'branch1')).compoundIds[0]!);
  c1 = { id: n1.id, code: n1.code, name: n1.name };
  const [grant] = await grantNodes(t.db, 'community1');
  community = { code: (await node(t.db, grant!.id)).code };
  [{ code: outside }] = (await t.db.query<{ code: string }>("SELECT code FROM nodes WHERE kind = 'compound' AND path NOT LIKE $1 ORDER BY id LIMIT 1", [`${grant!.path}%`])) as [{ code: string }];
});
afterAll(async () => t.close());

describe('red shops import', () => {
  it('downloads a template with the Chinese headers', async () => {
    const res = await community1.get('/api/red-shops/import/template');
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(HEADERS);
  });

  it('validates every row (all or nothing, then the valid rows): place in scope, keeper by ID number, no duplicate shop', async () => {
    const keeper = await createPerson(admin, c1.id, { name: '导入店主' });
    const existing = await community1.post('/api/red-shops', { name: '已有商铺', nodeId: c1.id });
    expect(existing.statusCode, existing.body).toBe(201);
    const file = await xlsx([
      ['导入红心超市', c1.code, keeper.idNumber, '导入店主', '代收快递、免费打气,饮水', '是', '2024/3/1'],
      ['导入社区小店', community.code, '', '', '', '', ''],
      ['导入越权商铺', outside, '', '', '', '', ''],
      ['导入姓名不符', c1.code, keeper.idNumber, '别人', '', '', ''],
      ['导入重复', c1.code, '', '', '', '', ''],
      ['导入重复', c1.code, '', '', '', '', ''],
      ['已有商铺', c1.code, '', '', '', '', ''],
      ['导入未登记', c1.code, validIdNumber('19700101'), '某人', '', '', ''],
      ['导入缺姓名', c1.code, keeper.idNumber, '', '', '否', ''],
    ]);
    const expected = [
      { row: 4, column: '地址编码', message: `地址编码“${outside}”不存在或不在您的管辖范围内` },
      { row: 5, column: '负责人姓名', message: '与该身份证号已登记的人员姓名“导入店主”不一致' },
      { row: 6, column: '商铺名称', message: '与文件中第7行的商铺（同一地址、同名）重复' },
      { row: 7, column: '商铺名称', message: '与文件中第6行的商铺（同一地址、同名）重复' },
      { row: 8, column: '商铺名称', message: `“${c1.name}”已登记同名红色商铺（编号 ${existing.json().id}）` },
      { row: 9, column: '负责人身份证号', message: '该身份证号的人员未登记或不在您的管辖范围内，请先在人员库登记' },
      { row: 10, column: '负责人姓名', message: '填写了负责人身份证号，请同时填写负责人姓名' },
    ];
    const shops = () => count(t.db, 'SELECT count(*) FROM red_shops');
    const s0 = await shops();

    const refused = await importNow(community1, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 7 });
    expect(refused.errors).toEqual(expected);
    expect(await shops()).toBe(s0);

    const partial = await importNow(community1, file, 'valid_rows');
    expect(partial).toMatchObject({ status: 'done', inserted: 2, invalidRows: 7 });
    expect(partial.errors).toEqual(expected);
    expect(await shops()).toBe(s0 + 2);
    const [shop] = await t.db.query<{ keeper_id: number; services: string[]; honours_points: boolean; joined_date: string; node_id: number }>(
      "SELECT keeper_id, services, honours_points, to_char(joined_date, 'YYYY-MM-DD') AS joined_date, node_id FROM red_shops WHERE name = '导入红心超市'",
    );
    expect(shop).toEqual({ keeper_id: keeper.id, services: ['代收快递', '免费打气', '饮水'], honours_points: true, joined_date: '2024-03-01', node_id: c1.id });

    const audits = await t.db.query<{ result: string; details: Record<string, unknown> }>("SELECT result, details FROM audit_log WHERE action = 'redShop.import' ORDER BY id");
    expect(audits.map((a) => [a.result, a.details.inserted])).toEqual([['failure', 0], ['success', 2]]);
    expect(JSON.stringify(audits)).not.toContain(keeper.idNumber);

    // A branch secretary reads shops but does not keep them.
    expectError(await branch1.request({ method: 'POST', url: '/api/red-shops/import?wait=true', payload: file, headers: { 'content-type': 'application/octet-stream' } }), 403);

    // The export: the keeper masked by default, in clear with a reason.
    const [header, ...rows] = await sheet(await community1.get(`/api/red-shops/export?q=${encodeURIComponent('导入红心超市')}`));
    expect(rows).toHaveLength(1);
    expect(rows[0]![header.indexOf('负责人身份证号')]).not.toBe(keeper.idNumber);
    expect(JSON.stringify(rows)).not.toContain(keeper.phone);
    const [h2, ...plain] = await sheet(await community1.get(`/api/red-shops/export?q=${encodeURIComponent('导入红心超市')}&unmask=true&reason=${encodeURIComponent('核对店主信息')}`));
    expect([plain[0]![h2.indexOf('负责人手机号')], plain[0]![h2.indexOf('负责人身份证号')]]).toEqual([keeper.phone, keeper.idNumber]);
  });
});
