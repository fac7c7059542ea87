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
let c1: { id: number; code: string; name: string };
let c2: { code: string };

const HEADERS = ['身份证号*', '姓名*', '手机号', '住址编码*', '类别*', '级别*', '联系点编码'];

const xlsx = (rows: unknown[][]) => xlsxOf('两代表一委员', HEADERS, rows);
const importNow = (c: Client, file: Buffer, mode: ImportMode) => importAndWait(c, '/api/deputies/import', file, mode, { fileName: '代表.xlsx' });

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
  const n1 = await node(t.db, (await branchOf(t.db, 'branch1')).compoundIds[0]!);
  c1 = { id: n1.id, code: n1.code, name: n1.name };
  c2 = { code: (await node(t.db, (await branchOf(t.db, 'branch2')).compoundIds[0]!)).code };
});
afterAll(async () => t.close());

describe('deputies import', () => {
  it('downloads a template with the Chinese headers', async () => {
    const res = await branch1.get('/api/deputies/import/template');
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(HEADERS);
  });

  it('validates every row (all or nothing, then the valid rows); one person may hold several seats, each once', async () => {
    const known = await createPerson(admin, c1.id, { name: '导入已有代表' });
    const seated = await createPerson(admin, c1.id, { name: '导入在册代表' });
    const res = await admin.post('/api/deputies', { personId: seated.id, body: 'npc', level: 'county' });
    expect(res.statusCode, res.body).toBe(201);
    const seatId = (res.json() as { id: number }).id;
    const fresh = { idNumber: validIdNumber('19680101'), phone: testPhone() };
    const twin = validIdNumber('19680102');
    const file = await xlsx([
      [known.idNumber, '导入已有代表', '', c1.code, '人大代表', '县级', ''],
      [known.idNumber, '导入已有代表', '', c1.code, '政协委员', '县级', ''],
      [fresh.idNumber, '导入新代表', fresh.phone, c1.code, '党代表', '市级', c1.code],
      [fresh.idNumber, '导入新代表', fresh.phone, c1.code, '人大代表', '县级', ''],
      [twin, '导入重复', '', c1.code, '人大代表', '省级', ''],
      [twin, '导入重复', '', c1.code, '人大代表', '省级', ''],
      [validIdNumber('19680103'), '导入越权', '', c1.code, '人大代表', '县级', c2.code],
      [seated.idNumber, '导入在册代表', '', c1.code, '人大代表', '县级', ''],
      [fresh.idNumber, '别的名字', '', c1.code, '政协委员', '市级', ''],
      [validIdNumber('19680104'), '导入级别', '', c1.code, '政协委员', '乡级', ''],
    ]);
    const expected = [
      { row: 6, column: '类别', message: '与文件中第7行重复：同一人的省级人大代表只能登记一次' },
      { row: 7, column: '类别', message: '与文件中第6行重复：同一人的省级人大代表只能登记一次' },
      { row: 8, column: '联系点编码', message: `联系点编码“${c2.code}”不存在或不在您的管辖范围内` },
      { row: 9, column: '类别', message: `导入在册代表已是县级人大代表（编号 ${seatId}），请直接修改已有记录` },
      { row: 10, column: '姓名', message: '与文件中第4行同一身份证号的姓名“导入新代表”不一致' },
      { row: 11, column: '级别', message: '只能填写：县级、市级、省级、全国' },
    ];
    const deputies = () => count(t.db, 'SELECT count(*) FROM deputies');
    const people = () => count(t.db, 'SELECT count(*) FROM people');
    const [d0, p0] = [await deputies(), await people()];

    const refused = await importNow(branch1, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 6 });
    expect(refused.errors).toEqual(expected);
    expect([await deputies(), await people()]).toEqual([d0, p0]);

    const partial = await importNow(branch1, file, 'valid_rows');
    expect(partial).toMatchObject({ status: 'done', inserted: 4, invalidRows: 6 });
    expect(partial.errors).toEqual(expected);
    // The new person named on two rows is created once.
    expect([await deputies(), await people()]).toEqual([d0 + 4, p0 + 1]);

    const seats = await t.db.query<{ id_number: string; body: string; level: string; node_id: number }>(
      `SELECT p.id_number, d.body, d.level, d.node_id FROM deputies d JOIN people p ON p.id = d.person_id
        WHERE p.id_number = ANY($1::text[]) ORDER BY d.id`,
      [[known.idNumber, fresh.idNumber]],
    );
    expect(seats).toEqual([
      { id_number: known.idNumber, body: 'npc', level: 'county', node_id: c1.id },
      { id_number: known.idNumber, body: 'cppcc', level: 'county', node_id: c1.id },
      { id_number: fresh.idNumber, body: 'party_congress', level: 'city', node_id: c1.id },
      { id_number: fresh.idNumber, body: 'npc', level: 'county', node_id: c1.id },
    ]);
    const [created] = await t.db.query<{ name: string; phone: string }>('SELECT name, phone FROM people WHERE id_number = $1', [fresh.idNumber]);
    expect(created).toEqual({ name: '导入新代表', phone: fresh.phone });

    const audits = await t.db.query<{ result: string; details: Record<string, unknown>; node_id: number | null }>(
      "SELECT result, details, node_id FROM audit_log WHERE action = 'deputy.import' ORDER BY id",
    );
    expect(audits.map((a) => [a.result, a.details.inserted, a.details.invalidRows])).toEqual([['failure', 0, 6], ['success', 4, 6]]);
    expect(audits[1]!.node_id).toBe(c1.id);
    const text = JSON.stringify(audits);
    for (const secret of [known.idNumber, fresh.idNumber, fresh.phone]) expect(text).not.toContain(secret);
  });
});

describe('deputies export', () => {
  it('is masked by default; unmasking needs people.unmask and a reason, and is audited', async () => {
    const p = await createPerson(admin, c1.id, { name: '导出代表' });
    expect((await admin.post('/api/deputies', { personId: p.id, body: 'cppcc', level: 'city' })).statusCode).toBe(201);
    const filter = `nodeId=${c1.id}&q=${encodeURIComponent('导出代表')}`;

    const [header, row] = (await sheet(await branch1.get(`/api/deputies/export?${filter}`))) as [string[], string[]];
    expect(header).toEqual(['编号', '姓名', '手机号', '身份证号', '类别', '级别', '联系点']);
    expect(row.slice(1)).toEqual(['导出代表', `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`, `${p.idNumber.slice(0, 6)}********${p.idNumber.slice(-4)}`, '政协委员', '市级', c1.name]);

    const reason = encodeURIComponent('换届资格核对');
    expectError(await branch1.get(`/api/deputies/export?${filter}&unmask=true&reason=${reason}`), 403, 'FORBIDDEN');
    expectError(await community1.get(`/api/deputies/export?${filter}&unmask=true`), 400, 'VALIDATION_FAILED');
    const [, plain] = (await sheet(await community1.get(`/api/deputies/export?${filter}&unmask=true&reason=${reason}`))) as [string[], string[]];
    expect([plain[2], plain[3]]).toEqual([p.phone, p.idNumber]);

    const audits = await t.db.query<{ result: string; actor_name: string; details: Record<string, unknown> }>(
      "SELECT result, actor_name, details FROM audit_log WHERE action = 'deputy.export' ORDER BY id",
    );
    expect(audits.map((a) => [a.result, a.actor_name, a.details.unmasked])).toEqual([['success', 'branch1', false], ['denied', 'branch1', true], ['success', 'community1', true]]);
    expect(audits[2]!.details).toMatchObject({ reason: '换届资格核对', rowCount: 1 });
    expect(JSON.stringify(audits)).not.toContain(p.idNumber);
  });
});
