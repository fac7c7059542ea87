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

const HEADERS = ['身份证号*', '姓名*', '手机号', '住址编码*', '类型*', '平台企业', '居住地编码'];

const xlsx = (rows: unknown[][]) => xlsxOf('新就业群体', HEADERS, rows);
const importNow = (c: Client, file: Buffer, mode: ImportMode) => importAndWait(c, '/api/gig-workers/import', file, mode, { fileName: '骑手.xlsx' });

beforeAll(async () => {
  t = await startTestApp();
  [admin, branch1] = (await Promise.all(['admin', 'branch1'].map((u) => t.login(u)))) as [Client, Client];
  const n1 = await node(t.db, (await branchOf(t.db, 'branch1')).compoundIds[0]!);
  c1 = { id: n1.id, code: n1.code, name: n1.name };
  c2 = { code: (await node(t.db, (await branchOf(t.db, 'branch2')).compoundIds[0]!)).code };
});
afterAll(async () => t.close());

describe('gig workers import', () => {
  it('downloads a template with the Chinese headers', async () => {
    const res = await branch1.get('/api/gig-workers/import/template');
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(HEADERS);
  });

  it('validates every row (all or nothing, then the valid rows), links known people and creates unknown ones', async () => {
    const known = await createPerson(admin, c1.id, { name: '导入已有骑手' });
    const worker = await createPerson(admin, c1.id, { name: '导入在册骑手' });
    const res = await admin.post('/api/gig-workers', { personId: worker.id, type: 'courier' });
    expect(res.statusCode, res.body).toBe(201);
    const workerId = (res.json() as { id: number }).id;
    const fresh = { idNumber: validIdNumber('19900101'), phone: testPhone() };
    const twin = validIdNumber('19900102');
    const file = await xlsx([
      [known.idNumber, '导入已有骑手', '', c1.code, '快递员', '顺丰速运', ''],
      [fresh.idNumber, '导入新骑手', fresh.phone, c1.code, '外卖骑手', '美团', c1.code],
      [validIdNumber('19900103'), '导入越权', '', c1.code, '外卖骑手', '', c2.code],
      [validIdNumber('19900104'), '导入类型', '', c1.code, '司机', '', ''],
      [worker.idNumber, '导入在册骑手', '', c1.code, '网约车司机', '', ''],
      [validIdNumber('19900105'), '导入平台', '', c1.code, '其他', 'x'.repeat(51), ''],
      [twin, '导入重复', '', c1.code, '快递员', '', ''],
      [twin, '导入重复', '', c1.code, '快递员', '', ''],
    ]);
    const expected = [
      { row: 4, column: '居住地编码', message: `居住地编码“${c2.code}”不存在或不在您的管辖范围内` },
      { row: 5, column: '类型', message: '只能填写：快递员、外卖骑手、网约车司机、其他' },
      { row: 6, column: '身份证号', message: `导入在册骑手已是新就业群体（编号 ${workerId}），一人只能登记一次，请直接修改已有记录` },
      { row: 7, column: '平台企业', message: expect.stringMatching(/50/) },
      { row: 8, column: '身份证号', message: '与文件中第9行的身份证号重复' },
      { row: 9, column: '身份证号', message: '与文件中第8行的身份证号重复' },
    ];
    const workers = () => count(t.db, 'SELECT count(*) FROM gig_workers');
    const people = () => count(t.db, 'SELECT count(*) FROM people');
    const [w0, p0] = [await workers(), await people()];

    const refused = await importNow(branch1, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 6 });
    expect(refused.errors).toEqual(expected);
    expect([await workers(), await people()]).toEqual([w0, p0]);

    const partial = await importNow(branch1, file, 'valid_rows');
    expect(partial).toMatchObject({ status: 'done', inserted: 2, invalidRows: 6 });
    expect(partial.errors).toEqual(expected);
    expect([await workers(), await people()]).toEqual([w0 + 2, p0 + 1]);

    const rows = await t.db.query<{ person_id: number; type: string; platform: string | null; node_id: number }>(
      'SELECT person_id, type, platform, node_id FROM gig_workers WHERE person_id IN ($1, (SELECT id FROM people WHERE id_number = $2)) ORDER BY id',
      [known.id, fresh.idNumber],
    );
    expect(rows).toEqual([
      { person_id: known.id, type: 'courier', platform: '顺丰速运', node_id: c1.id },
      { person_id: expect.any(Number), type: 'delivery_rider', platform: '美团', node_id: c1.id },
    ]);
    const [created] = await t.db.query<{ name: string; phone: string; node_id: number }>('SELECT name, phone, node_id FROM people WHERE id_number = $1', [fresh.idNumber]);
    expect(created).toEqual({ name: '导入新骑手', phone: fresh.phone, node_id: c1.id });

    // Importing the same file again refuses the rows written the first time, by row.
    const again = await importNow(branch1, await xlsx([[known.idNumber, '导入已有骑手', '', c1.code, '快递员', '', '']]), 'valid_rows');
    expect(again.errors).toEqual([{ row: 2, column: '身份证号', message: expect.stringMatching(/^导入已有骑手已是新就业群体（编号 \d+）/) }]);

    const audits = await t.db.query<{ result: string; details: Record<string, unknown>; node_id: number | null }>(
      "SELECT result, details, node_id FROM audit_log WHERE action = 'gigWorker.import' ORDER BY id",
    );
    expect(audits.map((a) => [a.result, a.details.inserted, a.details.invalidRows])).toEqual([['failure', 0, 6], ['success', 2, 6], ['failure', 0, 1]]);
    expect(audits[1]!.node_id).toBe(c1.id);
    const text = JSON.stringify(audits);
    for (const secret of [known.idNumber, fresh.idNumber, fresh.phone]) expect(text).not.toContain(secret);
  });
});
