import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { ImportMode } from '@xj/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, importAndWait, xlsxOf } from '../../test/excel.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson, expectError, node, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let branch1: Client;
let community1: Client;
let c1: { id: number; code: string; name: string };
let c2: { code: string };
/** Party members P[0..4] and non-members N[0..2], all living in c1. */
const P: { id: number; idNumber: string; phone: string; name: string }[] = [];
const N: { id: number; idNumber: string; phone: string; name: string }[] = [];

const HEADERS = ['小区编码*', '任期开始*', '任期结束*', '选举日期*', '成员身份证号*', '成员姓名*', '职务*'];
const xlsx = (rows: unknown[][]) => xlsxOf('业委会成员', HEADERS, rows);
const importNow = (c: Client, file: Buffer, mode: ImportMode) => importAndWait(c, '/api/owners-committees/import', file, mode, { fileName: '业委会.xlsx' });

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
  [admin, branch1, community1] = (await Promise.all(['admin', 'branch1', 'community1'].map((u) => t.login(u)))) as [Client, Client, Client];
  const b1 = await branchOf(t.db, 'branch1');
  const n1 = await node(t.db, b1.compoundIds[0]!);
  c1 = { id: n1.id, code: n1.code, name: n1.name };
  c2 = { code: (await node(t.db, (await branchOf(t.db, 'branch2')).compoundIds[0]!)).code };
  for (let i = 0; i < 5; i++) {
    const p = await createPerson(admin, c1.id, { name: `导入党员${i + 1}` });
    const m = await admin.post('/api/party-members', { personId: p.id, status: 'full', joinedDate: '2000-07-01', branchId: b1.id, management: 'direct', nodeId: c1.id });
    expect(m.statusCode, m.body).toBe(201);
    P.push({ ...p, name: `导入党员${i + 1}` });
  }
  for (let i = 0; i < 3; i++) N.push({ ...(await createPerson(admin, c1.id, { name: `导入群众${i + 1}` })), name: `导入群众${i + 1}` });
});
afterAll(async () => t.close());

describe('owners committees import', () => {
  it('downloads a template with the Chinese headers', async () => {
    const res = await branch1.get('/api/owners-committees/import/template');
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(HEADERS);
  });

  it('checks every committee as a whole: exactly 60% party members is refused on each of its rows, above 60% is imported', async () => {
    const term60 = [c1.code, '1991-01-01', '1993-12-31', '1990-12-20'];
    const term67 = [c1.code, '1994-01-01', '1996-12-31', '1993/12/20'];
    const file = await xlsx([
      [...term60, P[0]!.idNumber, P[0]!.name, '主任'],
      [...term60, P[1]!.idNumber, P[1]!.name, '委员'],
      [...term60, P[2]!.idNumber, P[2]!.name, '委员'],
      [...term60, N[0]!.idNumber, N[0]!.name, '委员'],
      [...term60, N[1]!.idNumber, N[1]!.name, '副主任'],
      [...term67, P[3]!.idNumber, P[3]!.name, '主任'],
      [...term67, P[4]!.idNumber, P[4]!.name, '委员'],
      [...term67, N[2]!.idNumber, N[2]!.name, '委员'],
      [c2.code, '1994-01-01', '1996-12-31', '1993-12-20', P[0]!.idNumber, P[0]!.name, '委员'],
      [c1.code, '1997-01-01', '1999-12-31', '1996-12-20', validIdNumber('19700101'), '未登记', '委员'],
      [c1.code, '1997-01-01', '1999-12-31', '1996-12-20', N[0]!.idNumber, N[0]!.name, '秘书长'],
    ]);
    const share = `小区“${c1.name}”任期 1991-01-01 至 1993-12-31 的业委会：业委会党员占比 60.0%，须高于 60%`;
    const expected = [
      ...[2, 3, 4, 5, 6].map((row) => ({ row, column: '小区编码', message: share })),
      { row: 10, column: '小区编码', message: `小区编码“${c2.code}”不存在或不在您的管辖范围内` },
      { row: 11, column: '成员身份证号', message: '该身份证号的人员未登记或不在您的管辖范围内，请先在人员库登记' },
      { row: 12, column: '职务', message: '只能填写：主任、副主任、委员' },
    ];
    const committees = () => count(t.db, 'SELECT count(*) FROM owners_committees WHERE compound_id = $1', [c1.id]);
    const before = await committees();

    const refused = await importNow(branch1, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 8 });
    expect(refused.errors).toEqual(expected);
    expect(await committees()).toBe(before);

    const partial = await importNow(branch1, file, 'valid_rows');
    expect(partial).toMatchObject({ status: 'done', inserted: 3, invalidRows: 8 });
    expect(partial.errors).toEqual(expected);
    expect(await committees()).toBe(before + 1);
    const [saved] = await t.db.query<{ id: number; election_date: string }>(
      "SELECT id, to_char(election_date, 'YYYY-MM-DD') AS election_date FROM owners_committees WHERE compound_id = $1 AND term_start = '1994-01-01'",
      [c1.id],
    );
    expect(saved!.election_date).toBe('1993-12-20');
    const detail = (await branch1.get(`/api/owners-committees/${saved!.id}`)).json();
    expect(detail).toMatchObject({ memberCount: 3, partyMemberCount: 2 });
    expect(detail.members.map((m: { person: { id: number }; position: string }) => [m.person.id, m.position])).toEqual([
      [P[3]!.id, 'director'], [P[4]!.id, 'member'], [N[2]!.id, 'member'],
    ]);

    // The same term again overlaps the committee just saved: refused on every row.
    const again = await importNow(branch1, await xlsx([[...term67, P[3]!.idNumber, P[3]!.name, '主任'], [...term67, P[4]!.idNumber, P[4]!.name, '委员'], [...term67, P[0]!.idNumber, P[0]!.name, '委员']]), 'valid_rows');
    expect(again).toMatchObject({ inserted: 0, invalidRows: 3 });
    expect(again.errors.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(again.errors[0]!.message).toContain('该小区已有业委会（任期 1994-01-01 至 1996-12-31）');

    const audits = await t.db.query<{ result: string; details: Record<string, unknown> }>("SELECT result, details FROM audit_log WHERE action = 'ownersCommittee.import' ORDER BY id");
    expect(audits.map((a) => [a.result, a.details.inserted])).toEqual([['failure', 0], ['success', 3], ['failure', 0]]);
    const text = JSON.stringify(audits);
    for (const p of [...P, ...N]) expect(text).not.toContain(p.idNumber);
  });

  it('exports one row per member, masked by default, in clear with a reason and people.unmask', async () => {
    const filter = `nodeId=${c1.id}`;
    const [header, ...rows] = await sheet(await branch1.get(`/api/owners-committees/export?${filter}`));
    expect(header).toEqual(['业委会编号', '小区', '小区编码', '任期开始', '任期结束', '选举日期', '本届在任', '成员姓名', '手机号', '身份证号', '职务', '党员']);
    const mine = rows.filter((r) => r[3] === '1994-01-01');
    expect(mine.map((r) => [r[7], r[10], r[11]])).toEqual([[P[3]!.name, '主任', '是'], [P[4]!.name, '委员', '是'], [N[2]!.name, '委员', '否']]);
    const all = JSON.stringify(rows);
    for (const p of [P[3]!, P[4]!, N[2]!]) {
      expect(all).not.toContain(p.phone);
      expect(all).not.toContain(p.idNumber);
    }
    expect(mine[0]![9]).toContain('*');

    const reason = encodeURIComponent('核对业委会名单');
    expectError(await branch1.get(`/api/owners-committees/export?${filter}&unmask=true&reason=${reason}`), 403, 'FORBIDDEN');
    const [h2, ...plain] = await sheet(await community1.get(`/api/owners-committees/export?${filter}&unmask=true&reason=${reason}`));
    const row = plain.find((r) => r[3] === '1994-01-01' && r[7] === P[3]!.name)!;
    expect([row[h2.indexOf('手机号')], row[h2.indexOf('身份证号')]]).toEqual([P[3]!.phone, P[3]!.idNumber]);
  });
});
