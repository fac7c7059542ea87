import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceptionDayDetailDto, TicketDetailDto, TicketEscalationResult } from '@xj/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { expectError, userId } from '../../test/fixtures.js';
import { addDays, chinaDateOf, endOfChinaDay } from '../tickets/working-days.js';

let t: TestApp;
const c = {} as Record<'admin' | 'subdistrict1' | 'community1' | 'commissioner1' | 'otherSecretary', Client>;
const f = {} as { community: number; stairwell: number; subdistrict: number; otherSubdistrict: number; otherCommunity: number; commissionerB: number; category: number };
const PASSWORD = 'Reception!Pass2026';
const today = chinaDateOf(new Date());

const one = async <T = { id: number }>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

async function makeUser(username: string, role: string, node: number): Promise<number> {
  const res = await c.admin.post('/api/users', { username, displayName: username, password: PASSWORD, grants: [{ role, nodeId: node }] });
  expect(res.statusCode, res.body).toBe(201);
  await t.db.query('UPDATE users SET must_change_password = false WHERE id = $1', [res.json().id]);
  return res.json().id as number;
}

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['admin', 'subdistrict1', 'community1', 'commissioner1'] as const) c[u] = await t.login(u);
  f.community = (await one('SELECT node_id AS id FROM grants WHERE user_id = $1', [await userId(t.db, 'community1')])).id;
  const communityPath = (await one<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [f.community])).path;
  f.stairwell = (await one("SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE $1 ORDER BY id LIMIT 1", [`${communityPath}%`])).id;
  f.subdistrict = await nodeId(t.db, '银城街道');
  f.otherSubdistrict = (await one("SELECT id FROM nodes WHERE kind = 'subdistrict' AND id <> $1 ORDER BY id LIMIT 1", [f.subdistrict])).id;
  f.otherCommunity = (await one("SELECT id FROM nodes WHERE kind = 'community' AND parent_id = $1 AND id <> $2 ORDER BY id LIMIT 1", [f.subdistrict, f.community])).id;
  f.category = (await one("SELECT id FROM ticket_categories WHERE code = 'repair'")).id;
  // A commissioner with an account in another community of the subdistrict (a possible new owner), and that community's secretary.
  const bUser = await makeUser('rd-commissioner-b', 'commissioner', f.otherCommunity);
  f.commissionerB = (await one('SELECT id FROM commissioners WHERE community_id = $1 AND user_id IS NULL ORDER BY id LIMIT 1', [f.otherCommunity])).id;
  await t.db.query('UPDATE commissioners SET user_id = $1 WHERE id = $2', [bUser, f.commissionerB]);
  await makeUser('rd-secretary-other', 'community_secretary', f.otherCommunity);
  c.otherSecretary = await t.login('rd-secretary-other', PASSWORD);
  // The demo's planned session would take every escalation: these tests plan their own. Its agenda stays
  // (its escalations remain scheduled), so no session created here pulls them in.
  await t.db.query("UPDATE reception_days SET status = 'cancelled' WHERE status = 'planned'");
});
afterAll(async () => t.close());

const report = async (description = '2号楼屋顶漏水，多次反映未解决', extra: Record<string, unknown> = {}) =>
  ok<TicketDetailDto>(await c.community1.post('/api/tickets', { source: 'community_report', categoryId: f.category, nodeId: f.stairwell, description, ...extra }), 201);
const escalate = (client: Client, id: number, reason = '涉及多个部门，社区协调不动') => client.post(`/api/tickets/${id}/escalate`, { reason });
const plan = async (nodeId: number, day: string, place = '县委党校报告厅') => ok<ReceptionDayDetailDto>(await c.admin.post('/api/reception-days', { nodeId, day, place }), 201);
const session = async (id: number) => ok<ReceptionDayDetailDto>(await c.admin.get(`/api/reception-days/${id}`));
const agendaCodes = (rd: ReceptionDayDetailDto) => rd.agenda.map((i) => i.ticket.code);

describe('书记直通车 (escalation)', () => {
  it('only the community secretary over the ticket escalates: a commissioner 403, another community 404', async () => {
    const tk = await report();
    expectError(await escalate(c.commissioner1, tk.id), 403, 'FORBIDDEN');
    expectError(await escalate(c.otherSecretary, tk.id), 404, 'NOT_FOUND');
    // A county admin reads the ticket but is no community secretary.
    expectError(await c.admin.post(`/api/tickets/${tk.id}/escalate`, { reason: '县里直接提' }), 403, 'FORBIDDEN');
    expect((await session0(tk.id)).escalated).toBe(false);
  });

  it('with no planned session it waits unscheduled; the next session created over its area takes it onto the agenda', async () => {
    const tk = await report('小区路灯线路老化，需要住建部门改造');
    const res = ok<TicketEscalationResult>(await escalate(c.community1, tk.id));
    expect(res.escalation.receptionDay).toBeNull();
    expect(res.ticket.escalated).toBe(true);
    expect(res.ticket.status).toBe(tk.status);
    const detail = await session0(tk.id);
    const event = detail.events.at(-1)!;
    expect(event).toMatchObject({ kind: 'escalated', fromStatus: tk.status, toStatus: tk.status, note: '涉及多个部门，社区协调不动' });
    expect(event.actor?.id).toBe(await userId(t.db, 'community1'));
    const audit = await one<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'ticket.escalate' AND target_id = $1", [String(tk.id)]);
    expect(audit.n).toBe(1);

    // Not twice while pending.
    expectError(await escalate(c.community1, tk.id), 409, 'CONFLICT');
    const pending = ok<{ data: { ticketId: number; receptionDay: unknown }[] }>(await c.community1.get('/api/reception-days/pending-escalations'));
    expect(pending.data.find((e) => e.ticketId === tk.id)?.receptionDay).toBeNull();

    // A session of another subdistrict does not take it; one of its own subdistrict does.
    const elsewhere = await plan(f.otherSubdistrict, addDays(today, 7));
    expect(agendaCodes(elsewhere)).not.toContain(tk.code);
    const rd = await plan(f.subdistrict, addDays(today, 7), '银城街道党群服务中心');
    expect(agendaCodes(rd)).toContain(tk.code);
    expect(rd.agenda.find((i) => i.ticket.code === tk.code)?.escalation?.reason).toBe('涉及多个部门，社区协调不动');
  });

  it('lands on the next planned session: the earliest on or after today that covers the ticket', async () => {
    const county = await plan(await nodeId(t.db, '夏津县'), addDays(today, 3));
    const later = await plan(f.subdistrict, addDays(today, 5));
    await plan(f.otherSubdistrict, addDays(today, 1));
    const past = await plan(f.subdistrict, addDays(today, -2));
    const tk = await report('楼道堆放杂物，物业不清理');
    const res = ok<TicketEscalationResult>(await escalate(c.community1, tk.id));
    expect(res.escalation.receptionDay).toMatchObject({ id: county.id, day: addDays(today, 3) });
    expect(agendaCodes(await session(county.id))).toContain(tk.code);
    expect(agendaCodes(await session(later.id))).not.toContain(tk.code);
    expect(agendaCodes(await session(past.id))).not.toContain(tk.code);
  });

  it('a closed ticket cannot be escalated', async () => {
    const tk = await report('已办结的问题');
    await t.db.query("UPDATE tickets SET status = 'closed', outcome = 'closed_resolved', closed_at = now() WHERE id = $1", [tk.id]);
    expectError(await escalate(c.community1, tk.id), 409, 'ILLEGAL_TRANSITION');
  });
});

/** The ticket as the admin sees it. */
async function session0(ticketId: number): Promise<TicketDetailDto> {
  return ok<TicketDetailDto>(await c.admin.get(`/api/tickets/${ticketId}`));
}

describe('reception days', () => {
  it('reading needs tickets.read over or within its area; planning needs tickets.manage over its node', async () => {
    const rd = await plan(f.subdistrict, addDays(today, 9));
    // The community secretary sees the subdistrict's session (it covers the community) but cannot change it.
    expect(ok<ReceptionDayDetailDto>(await c.community1.get(`/api/reception-days/${rd.id}`)).id).toBe(rd.id);
    expectError(await c.community1.patch(`/api/reception-days/${rd.id}`, { place: '改地点' }), 403, 'FORBIDDEN');
    // The subdistrict admin sees a county session but may not change it; another subdistrict's session is a 404.
    const county = await plan(await nodeId(t.db, '夏津县'), addDays(today, 30));
    expect((await c.subdistrict1.get(`/api/reception-days/${county.id}`)).statusCode).toBe(200);
    expectError(await c.subdistrict1.patch(`/api/reception-days/${county.id}`, { place: '改地点' }), 403, 'FORBIDDEN');
    const other = await plan(f.otherSubdistrict, addDays(today, 9));
    expectError(await c.subdistrict1.get(`/api/reception-days/${other.id}`), 404, 'NOT_FOUND');
    expectError(await c.subdistrict1.post('/api/reception-days', { nodeId: f.otherSubdistrict, day: today, place: 'x' }), 404, 'NOT_FOUND');
    expectError(await c.admin.post('/api/reception-days', { nodeId: f.community, day: today, place: 'x' }), 400, 'TREE_SHAPE');
    const list = ok<{ data: { id: number }[] }>(await c.subdistrict1.get('/api/reception-days?pageSize=200'));
    expect(list.data.map((d) => d.id)).toEqual(expect.arrayContaining([rd.id, county.id]));
    expect(list.data.map((d) => d.id)).not.toContain(other.id);
  });

  it('a decision reassigns and extends in one step, with a "接待日决定" timeline entry; then the session is held', async () => {
    const rd = await plan(f.subdistrict, today, '银城街道会议室');
    const tk = await report('单元门禁损坏，业主委员会与物业互相推诿');
    ok(await escalate(c.community1, tk.id));
    let s = await session(rd.id);
    const item = s.agenda.find((i) => i.ticket.code === tk.code)!;
    expect(item).toBeDefined();

    // Attendees: added and removed by the session's managers only.
    s = ok(await c.subdistrict1.post(`/api/reception-days/${rd.id}/attendees`, { name: '王县长', role: 'county_leader', position: '副县长' }));
    s = ok(await c.subdistrict1.post(`/api/reception-days/${rd.id}/attendees`, { name: '李书记', role: 'community_secretary', position: '府前社区书记' }));
    s = ok(await c.subdistrict1.post(`/api/reception-days/${rd.id}/attendees`, { name: '临时', role: 'other' }));
    s = ok(await c.subdistrict1.delete(`/api/reception-days/${rd.id}/attendees/${s.attendees.at(-1)!.id}`));
    expect(s.attendees.map((a) => a.name)).toEqual(['王县长', '李书记']);

    // Holding needs every item decided.
    const undecided = expectError(await c.subdistrict1.post(`/api/reception-days/${rd.id}/hold`, { minutes: '会议纪要' }), 409, 'CONFLICT');
    expect(undecided.message).toContain(tk.code);
    expectError(await c.community1.post(`/api/reception-days/${rd.id}/agenda/${item.id}/decide`, { decision: '越权' }), 403, 'FORBIDDEN');

    const newDeadline = addDays(today, 15);
    s = ok(await c.subdistrict1.post(`/api/reception-days/${rd.id}/agenda/${item.id}/decide`, { decision: '由县住建局牵头，改由专员B负责', newOwnerId: f.commissionerB, newDeadline }));
    const decided = s.agenda.find((i) => i.id === item.id)!;
    expect(decided).toMatchObject({ decision: '由县住建局牵头，改由专员B负责', newOwner: { commissionerId: f.commissionerB }, newDeadline: endOfChinaDay(newDeadline).toISOString() });
    const after = await session0(tk.id);
    expect(after.owner?.commissionerId).toBe(f.commissionerB);
    expect(after.status).toBe('assigned');
    expect(after.deadline).toBe(endOfChinaDay(newDeadline).toISOString());
    const event = after.events.at(-1)!;
    expect(event).toMatchObject({ kind: 'reception_decided', fromStatus: tk.status, toStatus: 'assigned', note: '由县住建局牵头，改由专员B负责' });
    expect(event.details).toMatchObject({ receptionDayId: rd.id, commissionerId: f.commissionerB, previousOwnerId: tk.owner!.commissionerId });
    // The escalation is resolved: the ticket may be escalated again later, and is no longer pending.
    const pending = ok<{ data: { ticketId: number }[] }>(await c.admin.get('/api/reception-days/pending-escalations'));
    expect(pending.data.map((e) => e.ticketId)).not.toContain(tk.id);
    expectError(await c.subdistrict1.post(`/api/reception-days/${rd.id}/agenda/${item.id}/decide`, { decision: '再决定一次' }), 409, 'CONFLICT');

    // A deadline-only decision on a ticket added by hand leaves the owner alone.
    const manual = await report('广场健身器材损坏');
    s = ok(await c.subdistrict1.post(`/api/reception-days/${rd.id}/agenda`, { ticketId: manual.id }));
    expectError(await c.subdistrict1.post(`/api/reception-days/${rd.id}/agenda`, { ticketId: manual.id }), 409, 'CONFLICT');
    const manualItem = s.agenda.find((i) => i.ticket.id === manual.id)!;
    expect(manualItem.escalation).toBeNull();
    expectError(await c.subdistrict1.post(`/api/reception-days/${rd.id}/agenda/${manualItem.id}/decide`, { decision: '延期', newDeadline: addDays(today, -1) }), 400);
    ok(await c.subdistrict1.post(`/api/reception-days/${rd.id}/agenda/${manualItem.id}/decide`, { decision: '延期至下月底', newDeadline: addDays(today, 30) }));
    const manualAfter = await session0(manual.id);
    expect(manualAfter.owner?.commissionerId).toBe(manual.owner!.commissionerId);
    expect(manualAfter.status).toBe(manual.status);
    expect(manualAfter.events.at(-1)).toMatchObject({ kind: 'reception_decided', fromStatus: manual.status, toStatus: manual.status });

    s = ok(await c.subdistrict1.post(`/api/reception-days/${rd.id}/hold`, { minutes: '会议听取了社区书记汇报，逐件研究并作出决定。' }));
    expect(s.status).toBe('held');
    expect(s.heldAt).not.toBeNull();
    expectError(await c.subdistrict1.post(`/api/reception-days/${rd.id}/attendees`, { name: '迟到', role: 'other' }), 409);
    const audits = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'reception_day.%' AND (target_id = $1 OR details->>'receptionDayId' = $1) ORDER BY id", [String(rd.id)]);
    expect(audits.map((a) => a.action)).toEqual([
      'reception_day.create', 'reception_day.attendee_add', 'reception_day.attendee_add', 'reception_day.attendee_add', 'reception_day.attendee_remove',
      'reception_day.decide', 'reception_day.agenda_add', 'reception_day.decide', 'reception_day.hold',
    ]);
  });

  it('a future session cannot be held; cancelling one moves its undecided escalations to the next session', async () => {
    const tk = await report('地下车库积水');
    const res = ok<TicketEscalationResult>(await escalate(c.community1, tk.id));
    const first = res.escalation.receptionDay!.id;
    expectError(await c.admin.post(`/api/reception-days/${first}/hold`, { minutes: '提前开' }), 409, 'CONFLICT');
    ok(await c.admin.patch(`/api/reception-days/${first}`, { status: 'cancelled' }));
    const moved = (await session(first)).agenda.map((i) => i.ticket.code);
    expect(moved).not.toContain(tk.code);
    const pending = ok<{ data: { ticketId: number; receptionDay: { id: number } | null }[] }>(await c.admin.get('/api/reception-days/pending-escalations'));
    const now = pending.data.find((e) => e.ticketId === tk.id)!;
    expect(now.receptionDay?.id).not.toBe(first);
    expect(now.receptionDay).not.toBeNull();
    expectError(await c.admin.patch(`/api/reception-days/${first}`, { place: '已取消的' }), 409, 'CONFLICT');
  });

  it('printable minutes: A4 HTML with date, place, attendees and decisions, and no phone or ID number', async () => {
    const rd = await plan(f.subdistrict, today, '府前社区党群服务中心');
    const phone = '13912345678';
    const idNumber = '379900199001011234';
    const tk = await report(`居民张某（电话${phone}，身份证${idNumber}）反映楼顶防水层破损`, { reporterPhone: '13800001111', reporterName: '张某' });
    ok(await escalate(c.community1, tk.id, `居民多次来电 ${phone}`));
    let s = ok<ReceptionDayDetailDto>(await c.admin.post(`/api/reception-days/${rd.id}/attendees`, { name: '赵书记', role: 'subdistrict_secretary', position: '银城街道党工委书记' }));
    const item = s.agenda.find((i) => i.ticket.code === tk.code)!;
    s = ok(await c.admin.post(`/api/reception-days/${rd.id}/agenda/${item.id}/decide`, { decision: `由县住建局三日内维修，回访居民${phone}`, newDeadline: addDays(today, 10) }));
    s = ok(await c.admin.post(`/api/reception-days/${rd.id}/hold`, { minutes: '会议研究了防水维修问题 <script>alert(1)</script>' }));

    const res = await c.community1.get(`/api/reception-days/${rd.id}/minutes.html`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).toContain('@page { size: A4');
    expect(html).toContain(rd.day);
    expect(html).toContain('府前社区党群服务中心');
    expect(html).toContain('赵书记');
    expect(html).toContain(tk.code);
    expect(html).toContain('由县住建局三日内维修');
    expect(html).toContain(`办理期限调整为 ${addDays(today, 10)}`);
    expect(html).not.toContain(phone);
    expect(html).not.toContain(idNumber);
    expect(html).not.toContain('13800001111');
    expect(html).toContain('139****5678');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/<script|src="http/);
    // Out of scope: another community's secretary does not see this subdistrict's ticket in the minutes.
    const other = await c.otherSecretary.get(`/api/reception-days/${rd.id}/minutes.html`);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain(tk.code);
  });
});
