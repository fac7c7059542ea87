import type { ImportMode } from '@xj/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, importAndWait, xlsxOf } from '../../test/excel.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson, node, testPhone, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let c1: { id: number; code: string; name: string };
let m1: { id: number; code: string };
let m2: { code: string };

const HEADERS = ['身份证号*', '姓名*', '手机号', '住址编码*', '派出部门*', '职级', '联系社区编码*'];

const xlsx = (rows: unknown[][]) => xlsxOf('服务专员', HEADERS, rows);
const importNow = (c: Client, file: Buffer, mode: ImportMode) => importAndWait(c, '/api/commissioners/import', file, mode, { fileName: '专员.xlsx' });

const communityOf = async (compoundId: number) => {
  const [row] = await t.db.query<{ id: number; code: string }>('SELECT p.id, p.code FROM nodes c JOIN nodes p ON p.id = c.parent_id WHERE c.id = $1', [compoundId]);
  return row!;
};

beforeAll(async () => {
  t = await startTestApp();
  [admin, community1, branch1] = (await Promise.all(['admin', 'community1', 'branch1'].map((u) => t.login(u)))) as [Client, Client, Client];
  const compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  const n1 = await node(t.db, compound1);
  c1 = { id: n1.id, code: n1.code, name: n1.name };
  m1 = await communityOf(compound1);
  m2 = await communityOf((await branchOf(t.db, 'branch2')).compoundIds[0]!);
});
afterAll(async () => t.close());

describe('commissioners import', () => {
  it('downloads a template with the Chinese headers', async () => {
    const res = await community1.get('/api/commissioners/import/template');
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(HEADERS);
  });

  it('validates every row (all or nothing, then the valid rows), links known people and creates unknown ones', async () => {
    const known = await createPerson(admin, c1.id, { name: '导入已有专员' });
    const serving = await createPerson(admin, c1.id, { name: '导入在册专员' });
    const res = await admin.post('/api/commissioners', { personId: serving.id, department: '县民政局', communityId: m1.id });
    expect(res.statusCode, res.body).toBe(201);
    const servingId = (res.json() as { id: number }).id;
    const fresh = { idNumber: validIdNumber('19750101'), phone: testPhone() };
    const file = await xlsx([
      [known.idNumber, '导入已有专员', '', c1.code, '县人社局', '二级主任科员', m1.code],
      [fresh.idNumber, '导入新专员', fresh.phone, c1.code, '县住建局', '', m1.code],
      [validIdNumber('19750102'), '导入越权', '', c1.code, '县民政局', '', m2.code],
      [validIdNumber('19750103'), '导入小区', '', c1.code, '县民政局', '', c1.code],
      [validIdNumber('19750104'), '导入缺部门', '', c1.code, '', '', m1.code],
      [serving.idNumber, '导入在册专员', '', c1.code, '县民政局', '', m1.code],
    ]);
    const expected = [
      { row: 4, column: '联系社区编码', message: `联系社区编码“${m2.code}”不存在或不在您的管辖范围内` },
      { row: 5, column: '联系社区编码', message: `服务专员的派驻地应为社区，“${c1.name}”是小区` },
      { row: 6, column: '派出部门', message: '派出部门为必填项，不能为空' },
      { row: 7, column: '身份证号', message: `导入在册专员已是社区服务专员（编号 ${servingId}），一人只能登记一次，请直接修改已有记录` },
    ];
    const commissioners = () => count(t.db, 'SELECT count(*) FROM commissioners');
    const people = () => count(t.db, 'SELECT count(*) FROM people');
    const [c0, p0] = [await commissioners(), await people()];

    const refused = await importNow(community1, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 4 });
    expect(refused.errors).toEqual(expected);
    expect([await commissioners(), await people()]).toEqual([c0, p0]);

    const partial = await importNow(community1, file, 'valid_rows');
    expect(partial).toMatchObject({ status: 'done', inserted: 2, invalidRows: 4 });
    expect(partial.errors).toEqual(expected);
    expect([await commissioners(), await people()]).toEqual([c0 + 2, p0 + 1]);

    const rows = await t.db.query<{ person_id: number; department: string; rank: string | null; community_id: number; user_id: number | null }>(
      'SELECT person_id, department, rank, community_id, user_id FROM commissioners WHERE person_id IN ($1, (SELECT id FROM people WHERE id_number = $2)) ORDER BY id',
      [known.id, fresh.idNumber],
    );
    expect(rows).toEqual([
      { person_id: known.id, department: '县人社局', rank: '二级主任科员', community_id: m1.id, user_id: null },
      { person_id: expect.any(Number), department: '县住建局', rank: null, community_id: m1.id, user_id: null },
    ]);
    const [created] = await t.db.query<{ name: string; phone: string; node_id: number }>('SELECT name, phone, node_id FROM people WHERE id_number = $1', [fresh.idNumber]);
    expect(created).toEqual({ name: '导入新专员', phone: fresh.phone, node_id: c1.id });

    const audits = await t.db.query<{ result: string; details: Record<string, unknown>; node_id: number | null }>(
      "SELECT result, details, node_id FROM audit_log WHERE action = 'commissioner.import' ORDER BY id",
    );
    expect(audits.map((a) => [a.result, a.details.inserted, a.details.invalidRows])).toEqual([['failure', 0, 4], ['success', 2, 4]]);
    expect(audits[1]!.node_id).toBe(m1.id);
    const text = JSON.stringify(audits);
    for (const secret of [known.idNumber, fresh.idNumber, fresh.phone]) expect(text).not.toContain(secret);
  });

  it('a branch secretary cannot place a commissioner in their own community: it is outside their compounds', async () => {
    const report = await importNow(branch1, await xlsx([[validIdNumber('19750105'), '导入支部', '', c1.code, '县民政局', '', m1.code]]), 'valid_rows');
    expect(report).toMatchObject({ inserted: 0, invalidRows: 1 });
    expect(report.errors).toEqual([{ row: 2, column: '联系社区编码', message: `联系社区编码“${m1.code}”不存在或不在您的管辖范围内` }]);
  });
});
