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
let branchId: number;

const HEADERS = ['身份证号*', '姓名*', '手机号', '住址编码*', '党员状态*', '入党日期*', '管理方式*', '工作单位党组织', '小区编码*'];

const xlsx = (rows: unknown[][]) => xlsxOf('党员', HEADERS, rows);


const importNow = (c: Client, file: Buffer, mode: ImportMode) => importAndWait(c, '/api/party-members/import', file, mode, { fileName: '党员.xlsx' });

beforeAll(async () => {
  t = await startTestApp();
  [admin, branch1] = (await Promise.all(['admin', 'branch1'].map((u) => t.login(u)))) as [Client, Client];
  const b1 = await branchOf(t.db, 'branch1');
  branchId = b1.id;
  const n1 = await node(t.db, b1.compoundIds[0]!);
  c1 = { id: n1.id, code: n1.code, name: n1.name };
  c2 = { code: (await node(t.db, (await branchOf(t.db, 'branch2')).compoundIds[0]!)).code };
});
afterAll(async () => t.close());

describe('party members import', () => {
  it('downloads a template with the Chinese headers', async () => {
    const res = await branch1.get('/api/party-members/import/template');
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(HEADERS);
  });

  it('validates every row (all or nothing, then the valid rows), links known people and creates unknown ones', async () => {
    const known = await createPerson(admin, c1.id, { name: '导入已有' });
    const member = await createPerson(admin, c1.id, { name: '导入党员甲' });
    const res = await admin.post('/api/party-members', { personId: member.id, status: 'full', joinedDate: '1999-07-01', branchId, management: 'direct', nodeId: c1.id });
    expect(res.statusCode, res.body).toBe(201);
    const memberId = (res.json() as { id: number }).id;
    const fresh = { idNumber: validIdNumber('19700201'), phone: testPhone() };
    const twin = validIdNumber('19700202');
    const file = await xlsx([
      [known.idNumber, '导入已有', '', c1.code, '正式', '2001-07-01', '直管', '', c1.code],
      [fresh.idNumber, '导入新建', fresh.phone, c1.code, '预备', '2025年7月1日', '双报到', '夏津县人民医院党委', c1.code],
      [validIdNumber('19700203'), '导入缺单位', '', c1.code, '正式', '2001-07-01', '双报到', '', c1.code],
      [validIdNumber('19700204'), '导入越权', '', c1.code, '正式', '2001-07-01', '直管', '', c2.code],
      [member.idNumber, '导入党员甲', '', c1.code, '正式', '2001-07-01', '直管', '', c1.code],
      [validIdNumber('19700205'), '导入日期', '', c1.code, '正式', '2001-13-01', '直管', '', c1.code],
      [twin, '导入重复', '', c1.code, '正式', '2001-07-01', '直管', '', c1.code],
      [twin, '导入重复', '', c1.code, '正式', '2001-07-01', '直管', '', c1.code],
    ]);
    const expected = [
      { row: 4, column: '工作单位党组织', message: '双报到党员须填写工作单位党组织' },
      { row: 5, column: '小区编码', message: `小区编码“${c2.code}”不存在或不在您的管辖范围内` },
      { row: 6, column: '身份证号', message: `导入党员甲已登记为党员（编号 ${memberId}），一人只能登记一次` },
      { row: 7, column: '入党日期', message: '日期格式应为 YYYY-MM-DD' },
      { row: 8, column: '身份证号', message: '与文件中第9行的身份证号重复' },
      { row: 9, column: '身份证号', message: '与文件中第8行的身份证号重复' },
    ];
    const members = () => count(t.db, 'SELECT count(*) FROM party_members');
    const people = () => count(t.db, 'SELECT count(*) FROM people');
    const [m0, p0] = [await members(), await people()];

    const refused = await importNow(branch1, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 6 });
    expect(refused.errors).toEqual(expected);
    expect([await members(), await people()]).toEqual([m0, p0]);

    const partial = await importNow(branch1, file, 'valid_rows');
    expect(partial).toMatchObject({ status: 'done', inserted: 2, invalidRows: 6 });
    expect(partial.errors).toEqual(expected);
    expect([await members(), await people()]).toEqual([m0 + 2, p0 + 1]);

    const rows = await t.db.query<{ person_id: number; status: string; joined: string; branch_id: number; management: string; workplace_org: string | null; node_id: number }>(
      `SELECT person_id, status, to_char(joined_date, 'YYYY-MM-DD') AS joined, branch_id, management, workplace_org, node_id
         FROM party_members WHERE person_id IN ($1, (SELECT id FROM people WHERE id_number = $2)) ORDER BY id`,
      [known.id, fresh.idNumber],
    );
    expect(rows).toEqual([
      { person_id: known.id, status: 'full', joined: '2001-07-01', branch_id: branchId, management: 'direct', workplace_org: null, node_id: c1.id },
      { person_id: expect.any(Number), status: 'probationary', joined: '2025-07-01', branch_id: branchId, management: 'dual', workplace_org: '夏津县人民医院党委', node_id: c1.id },
    ]);
    const [created] = await t.db.query<{ name: string; phone: string }>('SELECT name, phone FROM people WHERE id_number = $1', [fresh.idNumber]);
    expect(created).toEqual({ name: '导入新建', phone: fresh.phone });

    const audits = await t.db.query<{ result: string; details: Record<string, unknown>; node_id: number | null }>(
      "SELECT result, details, node_id FROM audit_log WHERE action = 'partyMember.import' ORDER BY id",
    );
    expect(audits.map((a) => [a.result, a.details.inserted, a.details.invalidRows])).toEqual([['failure', 0, 6], ['success', 2, 6]]);
    expect(audits[1]!.node_id).toBe(c1.id);
    const text = JSON.stringify(audits);
    for (const secret of [known.idNumber, fresh.idNumber, fresh.phone]) expect(text).not.toContain(secret);
  });
});
