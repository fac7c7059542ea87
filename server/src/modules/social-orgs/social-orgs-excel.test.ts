import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { ImportMode } from '@xj/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, importAndWait, xlsxOf } from '../../test/excel.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson, grantNodes, node } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let c1: { id: number; code: string };
let outside: string;

const HEADERS = ['组织名称*', '组织类型*', '所在地编码*', '联系人身份证号', '联系人姓名', '服务项目', '已登记注册'];
const xlsx = (rows: unknown[][]) => xlsxOf('社会组织', HEADERS, rows);
const importNow = (c: Client, file: Buffer, mode: ImportMode) => importAndWait(c, '/api/social-orgs/import', file, mode, { fileName: '社会组织.xlsx' });

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
  [{ code: outside }] = (await t.db.query<{ code: string }>("SELECT code FROM nodes WHERE kind = 'community' AND path NOT LIKE $1 ORDER BY id LIMIT 1", [`${grant!.path}%`])) as [{ code: string }];
});
afterAll(async () => t.close());

describe('social organisations import and export', () => {
  it('downloads a template with the Chinese headers', async () => {
    const res = await community1.get('/api/social-orgs/import/template');
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(HEADERS);
  });

  it('validates every row in both modes, then exports masked unless unmasked with a reason', async () => {
    const contact = await createPerson(admin, c1.id, { name: '导入联系人' });
    const file = await xlsx([
      ['导入银龄志愿队', '志愿服务队', c1.code, contact.idNumber, '导入联系人', '助老、环境整治', '是'],
      ['导入越权组织', '兴趣团体', outside, '', '', '', ''],
      ['导入类型不对', '商会', c1.code, '', '', '', ''],
      ['导入银龄志愿队', '其他', c1.code, '', '', '', '否'],
    ]);
    const expected = [
      { row: 2, column: '组织名称', message: '与文件中第5行的组织（同一所在地、同名）重复' },
      { row: 3, column: '所在地编码', message: `所在地编码“${outside}”不存在或不在您的管辖范围内` },
      { row: 4, column: '组织类型', message: '只能填写：志愿服务队、公益慈善组织、兴趣团体、其他' },
      { row: 5, column: '组织名称', message: '与文件中第2行的组织（同一所在地、同名）重复' },
    ];
    const orgs = () => count(t.db, 'SELECT count(*) FROM social_orgs');
    const o0 = await orgs();
    const refused = await importNow(community1, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 4 });
    expect(refused.errors).toEqual(expected);
    expect(await orgs()).toBe(o0);

    const fixed = await xlsx([
      ['导入银龄志愿队', '志愿服务队', c1.code, contact.idNumber, '导入联系人', '助老、环境整治', '是'],
      ['导入越权组织', '兴趣团体', outside, '', '', '', ''],
    ]);
    const partial = await importNow(community1, fixed, 'valid_rows');
    expect(partial).toMatchObject({ status: 'done', inserted: 1, invalidRows: 1 });
    expect(await orgs()).toBe(o0 + 1);
    const [saved] = await t.db.query<{ kind: string; contact_id: number; services: string[]; registered: boolean }>(
      "SELECT kind, contact_id, services, registered FROM social_orgs WHERE name = '导入银龄志愿队'",
    );
    expect(saved).toEqual({ kind: 'volunteer_team', contact_id: contact.id, services: ['助老', '环境整治'], registered: true });
    // Against the registry: the same name at the same place is refused.
    const again = await importNow(community1, await xlsx([['导入银龄志愿队', '其他', c1.code, '', '', '', '']]), 'valid_rows');
    expect(again.errors).toEqual([{ row: 2, column: '组织名称', message: expect.stringMatching(/已登记同名社会组织（编号 \d+）$/) }]);

    const url = `/api/social-orgs/export?q=${encodeURIComponent('导入银龄志愿队')}`;
    const [header, ...rows] = await sheet(await community1.get(url));
    expect(header).toEqual(['编号', '组织名称', '组织类型', '所在位置', '联系人', '联系人手机号', '联系人身份证号', '服务项目', '已登记注册']);
    expect(rows.map((r) => [r[1], r[2], r[4], r[7], r[8]])).toEqual([['导入银龄志愿队', '志愿服务队', '导入联系人', '助老、环境整治', '是']]);
    expect(JSON.stringify(rows)).not.toContain(contact.phone);
    expect(JSON.stringify(rows)).not.toContain(contact.idNumber);
    const [, plain] = await sheet(await community1.get(`${url}&unmask=true&reason=${encodeURIComponent('核对联系人')}`));
    expect([plain![5], plain![6]]).toEqual([contact.phone, contact.idNumber]);
  });
});
