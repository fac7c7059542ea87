import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPhone, type TicketDetailDto } from '@xj/contracts';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError, userId } from '../../test/fixtures.js';

/**
 * POST /api/tickets/:id/unmask: the reporter's phone in clear, so that staff can call the
 * reporter back — with tickets.unmask, in scope (or as the ticket's owner), a reason, and an
 * audit row in the same transaction. Every other response keeps the phone masked.
 */
let t: TestApp;
const c = {} as Record<'admin' | 'subdistrict1' | 'community1' | 'commissioner1' | 'branch1' | 'branch2', Client>;
const f = {} as { stairwell: number; branch1Compound: number; otherSubdistrictCompound: number; category: number; commissioner1: number };

const PHONE = '17007770101';
const OTHER_PHONE = '17007770102';

const one = async <T = { id: number }>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['admin', 'subdistrict1', 'community1', 'commissioner1', 'branch1', 'branch2'] as const) c[u] = await t.login(u);
  const community = (await one('SELECT node_id AS id FROM grants WHERE user_id = $1', [await userId(t.db, 'community1')])).id;
  const path = (await one<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [community])).path;
  f.stairwell = (await one("SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE $1 ORDER BY id LIMIT 1", [`${path}%`])).id;
  f.branch1Compound = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  // branch2's compound: another community in another subdistrict (银城街道 is subdistrict1's).
  f.otherSubdistrictCompound = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  const yincheng = await one<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [await nodeId(t.db, '银城街道')]);
  expect((await one<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [f.otherSubdistrictCompound])).path.startsWith(yincheng.path)).toBe(false);
  f.category = (await one('SELECT id FROM ticket_categories WHERE active ORDER BY id LIMIT 1')).id;
  f.commissioner1 = (await one('SELECT id FROM commissioners WHERE user_id = $1', [await userId(t.db, 'commissioner1')])).id;
});
afterAll(async () => t.close());

async function report(client: Client, nodeId: number, reporterPhone?: string): Promise<TicketDetailDto> {
  const res = await client.post('/api/tickets', {
    source: 'resident_report', categoryId: f.category, nodeId, description: '楼道堆放杂物，需回访反映人核实', reporterName: '李阿姨',
    ...(reporterPhone ? { reporterPhone } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as TicketDetailDto;
}

const unmask = (client: Client, id: number, body: unknown) => client.post(`/api/tickets/${id}/unmask`, body);
const audits = (id: number) =>
  t.db.query<{ actor_name: string; node_id: number; target_type: string; result: string; details: { field: string; reason: string; code: string } }>(
    "SELECT actor_name, node_id, target_type, result, details FROM audit_log WHERE action = 'ticket.unmask' AND target_id = $1 ORDER BY id",
    [String(id)],
  );

describe('POST /api/tickets/:id/unmask', () => {
  it("gives the commissioner the reporter's full phone, with an audit row naming field and reason", async () => {
    const tk = await report(c.community1, f.stairwell, PHONE);
    expect(tk.reporterPhone).toBe(maskPhone(PHONE));
    const res = await unmask(c.commissioner1, tk.id, { reason: '  回访反映人，核实处理结果  ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ field: 'reporterPhone', value: PHONE });
    expect(await audits(tk.id)).toEqual([
      { actor_name: 'commissioner1', node_id: f.stairwell, target_type: 'ticket', result: 'success', details: { code: tk.code, field: 'reporterPhone', reason: '回访反映人，核实处理结果' } },
    ]);
    // The community secretary may look too; each look is its own row.
    expect((await unmask(c.community1, tk.id, { reason: '书记电话回访满意度' })).json()).toEqual({ field: 'reporterPhone', value: PHONE });
    expect((await audits(tk.id)).map((a) => [a.actor_name, a.details.reason])).toEqual([
      ['commissioner1', '回访反映人，核实处理结果'],
      ['community1', '书记电话回访满意度'],
    ]);
  });

  it('needs a reason of at least 4 characters: missing, blank or short → 400 in Chinese, nothing audited', async () => {
    const tk = await report(c.community1, f.stairwell, PHONE);
    expectError(await unmask(c.commissioner1, tk.id, {}), 400, 'VALIDATION_FAILED');
    expect(expectError(await unmask(c.commissioner1, tk.id, { reason: '    ' }), 400, 'VALIDATION_FAILED').message).toMatch(/查看原因/);
    expect(expectError(await unmask(c.commissioner1, tk.id, { reason: ' 回访 ' }), 400, 'VALIDATION_FAILED').message).toMatch(/查看原因/);
    expectError(await unmask(c.commissioner1, tk.id, { reason: 'x'.repeat(201) }), 400, 'VALIDATION_FAILED');
    expectError(await unmask(c.commissioner1, tk.id, { reason: '回访反映人', field: 'phone' }), 400, 'VALIDATION_FAILED');
    expect(await audits(tk.id)).toEqual([]);
  });

  it('needs tickets.unmask: a branch secretary (who may read the ticket) gets 403, nothing audited', async () => {
    const tk = await report(c.community1, f.branch1Compound, PHONE);
    expect((await c.branch1.get(`/api/tickets/${tk.id}`)).statusCode).toBe(200);
    const before = await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'ticket.unmask'");
    expectError(await unmask(c.branch1, tk.id, { reason: '回访反映人' }), 403, 'FORBIDDEN');
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'ticket.unmask'")).toBe(before);
  });

  it('answers 404 for a ticket outside the caller’s scope, and for one that does not exist', async () => {
    const tk = await report(c.admin, f.otherSubdistrictCompound, OTHER_PHONE);
    for (const client of [c.commissioner1, c.community1, c.subdistrict1]) {
      expectError(await unmask(client, tk.id, { reason: '回访反映人' }), 404, 'NOT_FOUND');
    }
    expectError(await unmask(c.admin, 2147483647, { reason: '回访反映人' }), 404, 'NOT_FOUND');
    expect(await audits(tk.id)).toEqual([]);
    // The county admin's scope holds it.
    expect((await unmask(c.admin, tk.id, { reason: '县级督办回访' })).json()).toEqual({ field: 'reporterPhone', value: OTHER_PHONE });
  });

  it('lets the owner call back a ticket assigned to them outside their own community (首问负责)', async () => {
    const tk = await report(c.admin, f.otherSubdistrictCompound, OTHER_PHONE);
    expectError(await unmask(c.commissioner1, tk.id, { reason: '回访反映人' }), 404, 'NOT_FOUND');
    const assigned = await c.admin.post(`/api/tickets/${tk.id}/assign`, { commissionerId: f.commissioner1, reason: '跨社区协办' });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await unmask(c.commissioner1, tk.id, { reason: '回访反映人' })).json()).toEqual({ field: 'reporterPhone', value: OTHER_PHONE });
    // Ownership is the commissioner's, not the secretary's: community1 still cannot.
    expectError(await unmask(c.community1, tk.id, { reason: '回访反映人' }), 404, 'NOT_FOUND');
    expect((await audits(tk.id)).map((a) => a.actor_name)).toEqual(['commissioner1']);
  });

  it('answers null for a ticket without a reporter phone, and still audits the look', async () => {
    const tk = await report(c.community1, f.stairwell);
    expect(tk.reporterPhone).toBeNull();
    expect((await unmask(c.commissioner1, tk.id, { reason: '回访反映人' })).json()).toEqual({ field: 'reporterPhone', value: null });
    expect((await audits(tk.id)).map((a) => a.details)).toEqual([{ code: tk.code, field: 'reporterPhone', reason: '回访反映人' }]);
  });

  it('leaves every other response masked: detail and list, before and after unmasking', async () => {
    const tk = await report(c.community1, f.stairwell, PHONE);
    expect((await unmask(c.commissioner1, tk.id, { reason: '回访反映人' })).statusCode).toBe(200);
    for (const client of [c.commissioner1, c.community1, c.admin]) {
      const detail = await client.get(`/api/tickets/${tk.id}`);
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json().reporterPhone).toBe('170****0101');
      expect(detail.body).not.toContain(PHONE);
      const list = await client.get(`/api/tickets?q=${tk.code}`);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().data.map((r: { id: number; reporterPhone: string }) => [r.id, r.reporterPhone])).toEqual([[tk.id, '170****0101']]);
      expect(list.body).not.toContain(PHONE);
    }
  });
});
