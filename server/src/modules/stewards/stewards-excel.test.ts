import type { ImportMode } from '@xj/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, importAndWait, xlsxOf } from '../../test/excel.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson, node, testPhone, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let branch1: Client;
let c1: { id: number; code: string; name: string };
let c2: { code: string };
let w1: string;
let w2: string;
let w3: string;

const HEADERS = ['身份证号*', '姓名*', '手机号', '住址编码*', '小区编码*', '服务楼道编码*', '质量监督员', '任职日期'];

const xlsx = (rows: unknown[][]) => xlsxOf('红色管家', HEADERS, rows);


const importNow = (c: Client, file: Buffer, mode: ImportMode) => importAndWait(c, '/api/stewards/import', file, mode, { fileName: '管家.xlsx' });

const stairwellCodes = async (compoundId: number) =>
  (await t.db.query<{ code: string }>(
    "SELECT code FROM nodes WHERE kind = 'stairwell' AND path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' ORDER BY id",
    [compoundId],
  )).map((r) => r.code);

beforeAll(async () => {
  t = await startTestApp();
  [admin, branch1] = (await Promise.all(['admin', 'branch1'].map((u) => t.login(u)))) as [Client, Client];
  const compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  const n1 = await node(t.db, compound1);
  c1 = { id: compound1, code: n1.code, name: n1.name };
  const compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  c2 = { code: (await node(t.db, compound2)).code };
  [w1, w2] = (await stairwellCodes(compound1)) as [string, string];
  w3 = (await stairwellCodes(compound2))[0]!;
});
afterAll(async () => t.close());

describe('stewards import', () => {
  it('downloads a template with the Chinese headers', async () => {
    const res = await branch1.get('/api/stewards/import/template');
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(HEADERS);
  });

  it('validates every row (all or nothing, then the valid rows), links known people and creates unknown ones', async () => {
    const known = await createPerson(admin, c1.id, { name: '导入已有' });
    const other = await createPerson(admin, c1.id, { name: '导入已有乙' });
    const fresh = { idNumber: validIdNumber('19700101'), phone: testPhone() };
    const file = await xlsx([
      [known.idNumber, '导入已有', '', c1.code, c1.code, `${w1}、${w2}`, '是', '2024/3/1'],
      [fresh.idNumber, '导入新建', fresh.phone, c1.code, c1.code, w1, '否', ''],
      [validIdNumber('19700102'), '导入楼道外', '', c1.code, c1.code, w3, '', ''],
      [validIdNumber('19700103'), '导入越权', '', c1.code, c2.code, w3, '', ''],
      [other.idNumber, '别的名字', '', c1.code, c1.code, w1, '', ''],
      [validIdNumber('19700104'), '导入选项', '', c1.code, c1.code, w1, '可能', ''],
    ]);
    const expected = [
      { row: 4, column: '服务楼道编码', message: `“${w3}”不是小区“${c1.name}”内的楼道` },
      { row: 5, column: '小区编码', message: `小区编码“${c2.code}”不存在或不在您的管辖范围内` },
      { row: 6, column: '姓名', message: '与该身份证号已登记的人员姓名“导入已有乙”不一致' },
      { row: 7, column: '质量监督员', message: '只能填写：是、否' },
    ];
    const stewards = () => count(t.db, 'SELECT count(*) FROM stewards');
    const people = () => count(t.db, 'SELECT count(*) FROM people');
    const [s0, p0] = [await stewards(), await people()];

    const refused = await importNow(branch1, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 4 });
    expect(refused.errors).toEqual(expected);
    expect([await stewards(), await people()]).toEqual([s0, p0]);

    const partial = await importNow(branch1, file, 'valid_rows');
    expect(partial).toMatchObject({ status: 'done', inserted: 2, invalidRows: 4 });
    expect(partial.errors).toEqual(expected);
    expect([await stewards(), await people()]).toEqual([s0 + 2, p0 + 1]);

    const [linked] = await t.db.query<{ quality_supervisor: boolean; since: string; n: number }>(
      `SELECT s.quality_supervisor, to_char(s.since, 'YYYY-MM-DD') AS since, (SELECT count(*)::int FROM steward_stairwells WHERE steward_id = s.id) AS n
         FROM stewards s WHERE s.person_id = $1 AND s.compound_id = $2`,
      [known.id, c1.id],
    );
    expect(linked).toEqual({ quality_supervisor: true, since: '2024-03-01', n: 2 });
    const [created] = await t.db.query<{ name: string; phone: string; node_id: number }>(
      'SELECT p.name, p.phone, p.node_id FROM people p JOIN stewards s ON s.person_id = p.id WHERE p.id_number = $1',
      [fresh.idNumber],
    );
    expect(created).toEqual({ name: '导入新建', phone: fresh.phone, node_id: c1.id });

    // The same steward twice is refused, by row.
    const again = await importNow(branch1, await xlsx([[known.idNumber, '导入已有', '', c1.code, c1.code, w1, '', '']]), 'valid_rows');
    expect(again.errors).toEqual([{ row: 2, column: '身份证号', message: expect.stringMatching(new RegExp(`^导入已有已是小区“${c1.name}”的红色管家（编号 \\d+）`)) }]);

    const audits = await t.db.query<{ result: string; details: Record<string, unknown>; node_id: number | null }>(
      "SELECT result, details, node_id FROM audit_log WHERE action = 'steward.import' ORDER BY id",
    );
    expect(audits.map((a) => [a.result, a.details.inserted])).toEqual([['failure', 0], ['success', 2], ['failure', 0]]);
    expect(audits[1]!.node_id).toBe(c1.id);
    const text = JSON.stringify(audits);
    for (const secret of [known.idNumber, fresh.idNumber, fresh.phone]) expect(text).not.toContain(secret);
  });
});
