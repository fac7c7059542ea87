import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetailDto, TicketDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, grantNodes, testPhone, userId } from '../../test/fixtures.js';

let t: TestApp;
let community1: Client;
let commissioner1: Client;
let branch2: Client;
let auditor: Client;
let stairwell: number;
let repairCategory: number;
/** A word only this file's tickets carry in their description. */
const MARK = '导出测试工单';

async function sheet(res: LightMyRequestResponse): Promise<[string[], ...string[][]]> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
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

const report = async (description: string, body: Record<string, unknown> = {}): Promise<TicketDetailDto> => {
  const res = await community1.post('/api/tickets', { source: 'community_report', categoryId: repairCategory, nodeId: stairwell, description, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

const q = (text: string) => encodeURIComponent(text);

beforeAll(async () => {
  t = await startTestApp();
  [community1, commissioner1, branch2, auditor] = (await Promise.all(['community1', 'commissioner1', 'branch2', 'auditor'].map((u) => t.login(u)))) as [Client, Client, Client, Client];
  const [community] = await grantNodes(t.db, 'community1');
  [{ id: stairwell }] = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE $1 ORDER BY id LIMIT 1", [`${community!.path}%`])) as [{ id: number }];
  [{ id: repairCategory }] = (await t.db.query<{ id: number }>("SELECT id FROM ticket_categories WHERE code = 'repair'")) as [{ id: number }];
});
afterAll(async () => t.close());

describe('ticket export', () => {
  let withPhone: TicketDetailDto;
  let accepted: TicketDetailDto;
  let phone: string;

  beforeAll(async () => {
    phone = testPhone();
    withPhone = await report(`${MARK}：楼道灯不亮`, { reporterName: '王大爷', reporterPhone: phone, address: '3号楼1单元', priority: 'high' });
    accepted = await report(`${MARK}：下水道堵塞`);
    const res = await commissioner1.post(`/api/tickets/${accepted.id}/accept`, { note: '马上去看' });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('exports the filtered list with Chinese headers and labels; the reporter phone stays masked', async () => {
    const exports = () => count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'ticket.export' AND result = 'success'");
    const before = await exports();
    const res = await community1.get(`/api/tickets/export?q=${q(MARK)}`);
    const [header, ...rows] = await sheet(res);
    expect(header.slice(0, 12)).toEqual(['工单编号', '来源', '类别', '社区', '所在位置', '地址', '问题描述', '反映人', '反映人电话', '紧急程度', '状态', '负责人']);
    expect(rows.map((r) => r[0]).sort()).toEqual([withPhone.code, accepted.code].sort());
    const row = rows.find((r) => r[0] === withPhone.code)!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('来源')).toBe('社区上报');
    expect(cell('地址')).toBe('3号楼1单元');
    expect(cell('反映人')).toBe('王大爷');
    expect(cell('反映人电话')).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(cell('紧急程度')).toBe('较急');
    expect(cell('状态')).toBe('已派单');
    expect(cell('负责人')).toBe(withPhone.owner!.name);
    expect(cell('是否超期')).toBe('否');
    expect(cell('上报时间')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows.find((r) => r[0] === accepted.code)![header.indexOf('状态')]).toBe('已接单');
    // No plain phone anywhere in the file.
    expect(res.rawPayload.includes(Buffer.from(phone))).toBe(false);
    expect(await exports()).toBe(before + 1);
    const [audit] = await t.db.query<{ details: { rowCount: number; filters: Record<string, unknown> }; actor_user_id: number }>(
      "SELECT details, actor_user_id FROM audit_log WHERE action = 'ticket.export' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toMatchObject({ actor_user_id: await userId(t.db, 'community1'), details: { rowCount: 2, filters: { q: MARK } } });
  });

  it('filters exactly like the list: status, mine', async () => {
    const [, ...acceptedRows] = await sheet(await community1.get(`/api/tickets/export?q=${q(MARK)}&status=accepted`));
    expect(acceptedRows.map((r) => r[0])).toEqual([accepted.code]);
    const list = await commissioner1.get(`/api/tickets?mine=true&q=${q(MARK)}`);
    expect(list.statusCode).toBe(200);
    const [, ...mine] = await sheet(await commissioner1.get(`/api/tickets/export?mine=true&q=${q(MARK)}`));
    expect(mine.map((r) => r[0]).sort()).toEqual((list.json().data as TicketDto[]).map((x) => x.code).sort());
    expect(mine).toHaveLength(2);
  });

  it("shows nobody another community's tickets", async () => {
    const [header, ...rows] = await sheet(await branch2.get(`/api/tickets/export?q=${q(MARK)}`));
    expect(header[0]).toBe('工单编号');
    expect(rows).toEqual([]);
  });

  it('offers no plain-text export and refuses bad filters and callers without tickets.read', async () => {
    const plain = expectError(await community1.get(`/api/tickets/export?unmask=true&reason=${q('核对反映人电话')}`), 400);
    expect(plain.message).toContain('报告人电话始终脱敏');
    expectError(await community1.get('/api/tickets/export?status=nonsense'), 400);
    expectError(await community1.get('/api/tickets/export?page=2'), 400);
    expectError(await auditor.get('/api/tickets/export'), 403);
  });
});

describe('open tickets by deadline (the commissioner\'s "my tickets")', () => {
  it('lists only open tickets, the earliest deadline first', async () => {
    const a = await report(`${MARK}：排序一`);
    const b = await report(`${MARK}：排序二`);
    const closed = await report(`${MARK}：已关闭`);
    // Deadlines set directly: a is overdue, b due later; the closed one would come first if it were listed.
    await t.db.query("UPDATE tickets SET deadline = now() - interval '5 hours' WHERE id = $1", [a.id]);
    await t.db.query("UPDATE tickets SET deadline = now() + interval '2 days' WHERE id = $1", [b.id]);
    await t.db.query("UPDATE tickets SET deadline = now() - interval '30 days', status = 'closed', outcome = 'closed_resolved', closed_at = now() WHERE id = $1", [closed.id]);
    const res = await commissioner1.get(`/api/tickets?mine=true&open=true&sort=deadline&q=${q(MARK)}&pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().data as TicketDto[];
    expect(rows.map((r) => r.id)).not.toContain(closed.id);
    expect(rows.every((r) => r.status !== 'closed')).toBe(true);
    const deadlines = rows.map((r) => Date.parse(r.deadline));
    expect(deadlines).toEqual([...deadlines].sort((x, y) => x - y));
    expect(rows[0]).toMatchObject({ id: a.id, overdue: true });
    expect(rows.findIndex((r) => r.id === a.id)).toBeLessThan(rows.findIndex((r) => r.id === b.id));
    const closedOnly = await community1.get(`/api/tickets?open=false&q=${q(MARK)}`);
    expect((closedOnly.json().data as TicketDto[]).map((r) => r.id)).toEqual([closed.id]);
    expectError(await community1.get('/api/tickets?sort=priority'), 400);
  });
});
