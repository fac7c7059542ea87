import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TICKET_ACTIONS,
  TICKET_STATUS_LABELS,
  TICKET_STATUSES,
  type TicketAction,
  type TicketDetailDto,
  type TicketStatus,
} from '@xj/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, userId } from '../../test/fixtures.js';
import { TICKET_TRANSITIONS } from './tickets.state.js';
import { addDays, chinaDateOf } from './working-days.js';

let t: TestApp;
const c = {} as Record<
  'admin' | 'subdistrict1' | 'community1' | 'commissioner1' | 'branch1' | 'branch2' | 'otherSecretary' | 'commissionerB' | 'emptySecretary' | 'emptyCommissioner',
  Client
>;
const f = {} as {
  community: number;
  stairwell: number;
  emptyCommunity: number;
  otherCommunity: number;
  commissioner1: number;
  commissionerB: number;
  category: Record<string, number>;
  clientsByUser: Map<number, Client>;
};
const PASSWORD = 'Ticket!Pass2026';

/** A user with one grant, ready to sign in (the initial-password change is skipped for the test). */
async function makeUser(username: string, role: string, node: number): Promise<number> {
  const res = await c.admin.post('/api/users', { username, displayName: username, password: PASSWORD, grants: [{ role, nodeId: node }] });
  expect(res.statusCode, res.body).toBe(201);
  await t.db.query('UPDATE users SET must_change_password = false WHERE id = $1', [res.json().id]);
  return res.json().id as number;
}

const one = async <T = { id: number }>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['admin', 'subdistrict1', 'community1', 'commissioner1', 'branch1', 'branch2'] as const) c[u] = await t.login(u);
  f.community = (await one('SELECT node_id AS id FROM grants WHERE user_id = $1', [await userId(t.db, 'community1')])).id;
  const communityPath = (await one<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [f.community])).path;
  f.stairwell = (await one("SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE $1 ORDER BY id LIMIT 1", [`${communityPath}%`])).id;
  f.commissioner1 = (await one('SELECT id FROM commissioners WHERE user_id = $1', [await userId(t.db, 'commissioner1')])).id;
  const subdistrict = await nodeId(t.db, '银城街道');
  f.otherCommunity = (await one("SELECT id FROM nodes WHERE kind = 'community' AND parent_id = $1 AND id <> $2 ORDER BY id LIMIT 1", [subdistrict, f.community])).id;
  const empty = await c.admin.post('/api/nodes', { parentId: subdistrict, kind: 'community', name: '工单测试社区', code: 'TK-EMPTY' });
  expect(empty.statusCode, empty.body).toBe(201);
  f.emptyCommunity = empty.json().id;
  f.category = Object.fromEntries((await t.db.query<{ code: string; id: number }>('SELECT code, id FROM ticket_categories')).map((r) => [r.code, r.id]));

  // A commissioner with an account in another community of the same subdistrict, and a secretary there.
  const bUser = await makeUser('tk-commissioner-b', 'commissioner', f.otherCommunity);
  f.commissionerB = (await one('SELECT id FROM commissioners WHERE community_id = $1 AND user_id IS NULL ORDER BY id LIMIT 1', [f.otherCommunity])).id;
  await t.db.query('UPDATE commissioners SET user_id = $1 WHERE id = $2', [bUser, f.commissionerB]);
  await makeUser('tk-secretary-other', 'community_secretary', f.otherCommunity);
  c.commissionerB = await t.login('tk-commissioner-b', PASSWORD);
  c.otherSecretary = await t.login('tk-secretary-other', PASSWORD);
  // The community without commissioners gets a secretary and a commissioner account (no commissioner record, so no owner).
  await makeUser('tk-secretary-empty', 'community_secretary', f.emptyCommunity);
  await makeUser('tk-commissioner-empty', 'commissioner', f.emptyCommunity);
  c.emptySecretary = await t.login('tk-secretary-empty', PASSWORD);
  c.emptyCommissioner = await t.login('tk-commissioner-empty', PASSWORD);
  f.clientsByUser = new Map([
    [await userId(t.db, 'commissioner1'), c.commissioner1],
    [bUser, c.commissionerB],
  ]);
});
afterAll(async () => t.close());

const report = (client: Client, body: Record<string, unknown> = {}) =>
  client.post('/api/tickets', { source: 'community_report', categoryId: f.category.repair, nodeId: f.stairwell, description: '3号楼1单元楼道灯不亮', ...body });

function ok(res: LightMyRequestResponse, status = 200): TicketDetailDto {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as TicketDetailDto;
}

/** The owner's client; a ticket nobody owns yet is tried by a commissioner who can see it. */
const ownerClient = (tk: TicketDetailDto) => (tk.owner ? f.clientsByUser.get(tk.owner.userId!)! : c.emptyCommissioner);
const secretaryOf = (tk: TicketDetailDto) => (tk.communityId === f.emptyCommunity ? c.emptySecretary : c.community1);
const get = async (id: number) => ok(await c.admin.get(`/api/tickets/${id}`));

/** The right actor and a valid body for each step (assign: to a commissioner other than the owner). */
function act(action: TicketAction, tk: TicketDetailDto, confirm: Record<string, unknown> = { resolved: true, satisfaction: 'satisfied' }): Promise<LightMyRequestResponse> {
  const url = `/api/tickets/${tk.id}/${action}`;
  switch (action) {
    case 'assign':
      return c.admin.post(url, { commissionerId: tk.owner?.commissionerId === f.commissioner1 ? f.commissionerB : f.commissioner1, reason: '按街道安排改派' });
    case 'accept':
    case 'start':
      return ownerClient(tk).post(url);
    case 'transfer':
      return ownerClient(tk).post(url, { department: '县住建局', reason: '需更换线路' });
    case 'handle':
      return ownerClient(tk).post(url, { resultNote: '已更换灯具并恢复照明' });
    case 'confirm':
      return secretaryOf(tk).post(url, confirm);
    case 'close':
      return secretaryOf(tk).post(url, { note: '归档' });
  }
}

const PATH: [TicketAction, TicketStatus][] = [
  ['accept', 'accepted'],
  ['start', 'in_progress'],
  ['handle', 'handled'],
  ['confirm', 'confirmed'],
  ['close', 'closed'],
];

/** A fresh ticket in `status`, reached through the API along the normal path. */
async function ticketIn(status: TicketStatus): Promise<TicketDetailDto> {
  if (status === 'reported') return ok(await report(c.admin, { nodeId: f.emptyCommunity }), 201);
  let tk = ok(await report(c.community1), 201);
  for (const [action, to] of PATH) {
    if (tk.status === status) break;
    tk = ok(await act(action, tk));
    expect(tk.status).toBe(to);
  }
  expect(tk.status).toBe(status);
  return tk;
}

describe('reporting and automatic assignment (首问负责)', () => {
  it('a report is assigned in the same request to the commissioner of its community', async () => {
    const tk = ok(await report(c.community1, { reporterName: '王大爷', reporterPhone: '13912345678', address: '府前街1号', lat: 37.05, lng: 116.2, priority: 'high' }), 201);
    expect(tk).toMatchObject({ status: 'assigned', source: 'community_report', priority: 'high', communityId: f.community, nodeId: f.stairwell, overdue: false });
    expect(tk.owner).toMatchObject({ commissionerId: f.commissioner1, userId: await userId(t.db, 'commissioner1') });
    expect(tk.code).toMatch(new RegExp(`^XJ${chinaDateOf(new Date()).replaceAll('-', '')}-\\d{4}$`));
    expect(tk.events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([['reported', null, 'reported'], ['assigned', 'reported', 'assigned']]);
    expect(tk.events[0]!.actor?.id).toBe(await userId(t.db, 'community1'));
    expect(tk.events[1]).toMatchObject({ actor: null, details: { commissionerId: f.commissioner1, automatic: true } });
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'ticket.create' AND target_id = $1", [String(tk.id)])).toBe(1);
  });

  it('the reporter phone is masked in every response and stored in full', async () => {
    const tk = ok(await report(c.community1, { reporterPhone: '13912345678' }), 201);
    expect(tk.reporterPhone).toBe('139****5678');
    expect((await get(tk.id)).reporterPhone).toBe('139****5678');
    const list = (await c.admin.get(`/api/tickets?q=${tk.code}`)).json();
    expect(list.data.map((x: TicketDetailDto) => x.reporterPhone)).toEqual(['139****5678']);
    expect((await one<{ reporter_phone: string }>('SELECT reporter_phone FROM tickets WHERE id = $1', [tk.id])).reporter_phone).toBe('13912345678');
  });

  it('a community without a commissioner leaves the ticket reported, in the subdistrict’s unassigned queue', async () => {
    const tk = ok(await report(c.subdistrict1, { nodeId: f.emptyCommunity }), 201);
    expect(tk).toMatchObject({ status: 'reported', owner: null });
    const queue = (await c.subdistrict1.get('/api/tickets?status=reported')).json();
    expect(queue.data.map((x: TicketDetailDto) => x.id)).toContain(tk.id);
    const assigned = ok(await c.subdistrict1.post(`/api/tickets/${tk.id}/assign`, { commissionerId: f.commissionerB, reason: '该社区暂无服务专员' }));
    expect(assigned).toMatchObject({ status: 'assigned', owner: { commissionerId: f.commissionerB } });
    // The owner sees and works on what they own, even outside their own community.
    ok(await c.commissionerB.post(`/api/tickets/${tk.id}/accept`));
    expect((await c.commissionerB.get('/api/tickets?mine=true')).json().data.map((x: TicketDetailDto) => x.id)).toContain(tk.id);
  });

  it('refuses a node above community level, unpaired coordinates, an unknown category and an out-of-scope node', async () => {
    expectError(await report(c.admin, { nodeId: await nodeId(t.db, '银城街道') }), 400, 'TREE_SHAPE');
    expectError(await report(c.admin, { lat: 37.05 }), 400, 'VALIDATION_FAILED');
    expectError(await report(c.admin, { lat: 91, lng: 116 }), 400, 'VALIDATION_FAILED');
    expectError(await report(c.admin, { categoryId: 999999 }), 400, 'VALIDATION_FAILED');
    expectError(await report(c.admin, { source: 'hotline' }), 400, 'VALIDATION_FAILED');
    expectError(await report(c.branch2, {}), 404, 'NOT_FOUND');
    expectError(await report(c.community1, { reporterPhone: '12345' }), 400, 'VALIDATION_FAILED');
  });

  it('the deadline follows the category: working days skip holidays and count make-up days from the database calendar', async () => {
    // Whatever today is: three days off, then every day a working day (weekends made up), so two working days end on day 5.
    const today = chinaDateOf(new Date());
    for (let i = 1; i <= 3; i++) await t.db.query("INSERT INTO holidays (day, name) VALUES ($1, '测试假期')", [addDays(today, i)]);
    for (let i = 4; i <= 10; i++) {
      const day = addDays(today, i);
      if ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) await t.db.query("INSERT INTO workdays (day, name) VALUES ($1, '测试调休')", [day]);
    }
    const cat = (await one("INSERT INTO ticket_categories (code, name, deadline_amount, deadline_unit, response_hours) VALUES ('test_two_days', '测试两日', 2, 'working_days', 24) RETURNING id")).id;
    const tk = ok(await report(c.community1, { categoryId: cat }), 201);
    expect(tk.deadline).toBe(new Date(`${addDays(today, 5)}T23:59:59+08:00`).toISOString());

    const urgent = ok(await report(c.community1, { categoryId: f.category.safety }), 201);
    expect(Date.parse(urgent.deadline) - Date.parse(urgent.createdAt)).toBe(24 * 3_600_000);
    await t.db.query('DELETE FROM holidays');
    await t.db.query('DELETE FROM workdays');
  });

  it('lists the categories', async () => {
    const cats = (await c.branch1.get('/api/tickets/categories')).json().data as { code: string; deadlineUnit: string }[];
    expect(cats.map((x) => x.code)).toEqual(expect.arrayContaining(['sanitation', 'property', 'repair', 'dispute', 'safety', 'other']));
  });
});

describe('the whole loop', () => {
  it('accept → start → involve a department → handle → the community secretary confirms → close', async () => {
    let tk = ok(await report(c.community1), 201);
    tk = ok(await c.commissioner1.post(`/api/tickets/${tk.id}/accept`, { note: '收到' }));
    expect(tk.acceptedAt).not.toBeNull();
    tk = ok(await c.commissioner1.post(`/api/tickets/${tk.id}/start`));
    tk = ok(await c.commissioner1.post(`/api/tickets/${tk.id}/transfer`, { department: '县住建局', reason: '需更换线路' }));
    expect(tk).toMatchObject({ status: 'in_progress', owner: { commissionerId: f.commissioner1 } });
    expectError(await c.commissioner1.post(`/api/tickets/${tk.id}/handle`, {}), 400, 'VALIDATION_FAILED');
    tk = ok(await c.commissioner1.post(`/api/tickets/${tk.id}/handle`, { resultNote: '已更换灯具' }));
    expect(tk).toMatchObject({ status: 'handled', resultNote: '已更换灯具' });
    expectError(await c.commissioner1.post(`/api/tickets/${tk.id}/confirm`, { resolved: true, satisfaction: 'satisfied' }), 403, 'FORBIDDEN');
    tk = ok(await c.community1.post(`/api/tickets/${tk.id}/confirm`, { resolved: true, satisfaction: 'basically_satisfied', comment: '居民认可' }));
    expect(tk).toMatchObject({ status: 'confirmed', satisfaction: 'basically_satisfied', confirmationNote: '居民认可', outcome: null });
    tk = ok(await c.community1.post(`/api/tickets/${tk.id}/close`));
    expect(tk).toMatchObject({ status: 'closed', outcome: 'closed_resolved', overdue: false });
    expect(tk.closedAt).not.toBeNull();
    expect(tk.events.map((e) => e.kind)).toEqual(['reported', 'assigned', 'accepted', 'started', 'transferred', 'handled', 'confirmed', 'closed']);
    expect(tk.events.find((e) => e.kind === 'transferred')).toMatchObject({ note: '需更换线路', details: { department: '县住建局' }, fromStatus: 'in_progress', toStatus: 'in_progress' });
    expect(tk.events.filter((e) => e.actor).every((e) => typeof e.at === 'string' && e.actor!.name.length > 0)).toBe(true);
    const audits = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'ticket' AND target_id = $1 ORDER BY id", [String(tk.id)]);
    expect(audits.map((a) => a.action)).toEqual(['ticket.create', 'ticket.accept', 'ticket.start', 'ticket.transfer', 'ticket.handle', 'ticket.confirm', 'ticket.close']);
  });

  it('"not resolved" reopens the ticket to its owner; the secretary may instead close it as unresolved', async () => {
    let tk = await ticketIn('handled');
    expectError(await c.community1.post(`/api/tickets/${tk.id}/confirm`, { resolved: false, satisfaction: 'unsatisfied' }), 400, 'VALIDATION_FAILED');
    tk = ok(await c.community1.post(`/api/tickets/${tk.id}/confirm`, { resolved: false, satisfaction: 'unsatisfied', comment: '灯仍然不亮' }));
    expect(tk).toMatchObject({ status: 'in_progress', satisfaction: null, outcome: null });
    expect(tk.events.at(-1)).toMatchObject({ kind: 'reopened', fromStatus: 'handled', toStatus: 'in_progress', note: '灯仍然不亮', details: { resolved: false } });
    tk = ok(await c.commissioner1.post(`/api/tickets/${tk.id}/handle`, { resultNote: '再次维修' }));
    tk = ok(await c.community1.post(`/api/tickets/${tk.id}/confirm`, { resolved: false, satisfaction: 'unsatisfied', comment: '需整体改造，转接待日', closeUnresolved: true }));
    expect(tk).toMatchObject({ status: 'closed', outcome: 'closed_unresolved', satisfaction: 'unsatisfied' });
    expectError(await c.community1.post(`/api/tickets/${tk.id}/confirm`, { resolved: true, satisfaction: 'satisfied', closeUnresolved: true }), 400, 'VALIDATION_FAILED');
  });
});

describe('who may act', () => {
  it('only the owner handles: another commissioner 403, a role without tickets.handle 403', async () => {
    const tk = await ticketIn('assigned');
    expectError(await c.commissionerB.post(`/api/tickets/${tk.id}/accept`), 404, 'NOT_FOUND'); // not theirs and not their community
    expectError(await c.branch1.post(`/api/tickets/${tk.id}/accept`), 403, 'FORBIDDEN');
    expectError(await c.admin.post(`/api/tickets/${tk.id}/accept`), 403, 'FORBIDDEN');
    const moved = ok(await act('assign', tk));
    expect(moved.owner?.commissionerId).toBe(f.commissionerB);
    expectError(await c.commissioner1.post(`/api/tickets/${tk.id}/accept`), 403, 'FORBIDDEN'); // still sees it (community), no longer owns it
    ok(await c.commissionerB.post(`/api/tickets/${tk.id}/accept`));
  });

  it('only the community secretary over the ticket confirms: commissioner 403, another community’s secretary 404', async () => {
    const tk = await ticketIn('handled');
    const body = { resolved: true, satisfaction: 'satisfied' };
    expectError(await c.commissioner1.post(`/api/tickets/${tk.id}/confirm`, body), 403, 'FORBIDDEN');
    expectError(await c.admin.post(`/api/tickets/${tk.id}/confirm`, body), 403, 'FORBIDDEN');
    expectError(await c.otherSecretary.post(`/api/tickets/${tk.id}/confirm`, body), 404, 'NOT_FOUND');
    ok(await c.community1.post(`/api/tickets/${tk.id}/confirm`, body));
  });

  it('assign needs tickets.manage and a commissioner with an account in the manager’s scope', async () => {
    const tk = await ticketIn('assigned');
    expectError(await c.community1.post(`/api/tickets/${tk.id}/assign`, { commissionerId: f.commissionerB, reason: 'x' }), 403, 'FORBIDDEN');
    const noAccount = (await one('SELECT id FROM commissioners WHERE community_id = $1 AND user_id IS NULL ORDER BY id LIMIT 1', [f.community])).id;
    expectError(await c.admin.post(`/api/tickets/${tk.id}/assign`, { commissionerId: noAccount, reason: '改派' }), 400, 'VALIDATION_FAILED');
    const elsewhere = (await one("SELECT c.id FROM commissioners c JOIN nodes n ON n.id = c.community_id WHERE n.parent_id <> (SELECT parent_id FROM nodes WHERE id = $1) ORDER BY c.id LIMIT 1", [f.community])).id;
    expectError(await c.subdistrict1.post(`/api/tickets/${tk.id}/assign`, { commissionerId: elsewhere, reason: '改派' }), 404, 'NOT_FOUND');
    expectError(await c.admin.post(`/api/tickets/${tk.id}/assign`, { commissionerId: f.commissioner1, reason: '改派' }), 409, 'CONFLICT');
  });

  it('out of scope is 404, like a missing id; lists show only the scope', async () => {
    const tk = await ticketIn('assigned');
    expectError(await c.branch2.get(`/api/tickets/${tk.id}`), 404, 'NOT_FOUND');
    expectError(await c.otherSecretary.get(`/api/tickets/${tk.id}`), 404, 'NOT_FOUND');
    expectError(await c.admin.get('/api/tickets/2147483647'), 404, 'NOT_FOUND');
    // A branch secretary sees the tickets of their compounds, not one filed at the community itself.
    const atCommunity = ok(await report(c.community1, { nodeId: f.community }), 201);
    expectError(await c.branch1.get(`/api/tickets/${atCommunity.id}`), 404, 'NOT_FOUND');
    expect((await c.community1.get(`/api/tickets/${atCommunity.id}`)).statusCode).toBe(200);
    const inBranch2 = (await c.branch2.get('/api/tickets?pageSize=200')).json();
    expect(inBranch2.data.map((x: TicketDetailDto) => x.id)).not.toContain(tk.id);
    expect(inBranch2.data.map((x: TicketDetailDto) => x.id)).not.toContain(atCommunity.id);
    expect(inBranch2.pagination.total).toBe(
      await count(
        t.db,
        `SELECT count(*) FROM tickets t JOIN nodes n ON n.id = t.node_id
          WHERE EXISTS (SELECT 1 FROM grants g JOIN users u ON u.id = g.user_id JOIN nodes gn ON gn.id = g.node_id WHERE u.username = 'branch2' AND n.path LIKE gn.path || '%')`,
      ),
    );
    const community1 = (await c.community1.get('/api/tickets?pageSize=200')).json();
    expect(community1.data.every((x: TicketDetailDto) => x.communityId === f.community)).toBe(true);
    expect(community1.pagination.total).toBe(await count(t.db, "SELECT count(*) FROM tickets t JOIN nodes n ON n.id = t.node_id WHERE n.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%'", [f.community]));
  });
});

describe('the state table', () => {
  const cases = TICKET_STATUSES.flatMap((status) => TICKET_ACTIONS.map((action) => [status, action] as const));

  it.each(cases)('from %s, %s', async (status, action) => {
    const tk = await ticketIn(status);
    const rule = TICKET_TRANSITIONS[action];
    const res = await act(action, tk);
    if (rule.from.includes(status)) {
      const after = ok(res);
      if (rule.to === 'same') expect(after.status).toBe(status);
      else expect(rule.to).toContain(after.status);
      expect(after.events.length).toBe(tk.events.length + 1);
      expect(after.events.at(-1)!.fromStatus).toBe(status);
    } else {
      const err = expectError(res, 409, 'ILLEGAL_TRANSITION');
      expect(err.message).toContain(`当前状态为“${TICKET_STATUS_LABELS[status].zh}”`);
      expect(err.details).toMatchObject({ status, action });
      const unchanged = await get(tk.id);
      expect(unchanged.status).toBe(status);
      expect(unchanged.events.length).toBe(tk.events.length);
    }
  });

  it('concurrent identical steps: exactly one succeeds, one timeline entry', async () => {
    const tk = await ticketIn('assigned');
    const results = await Promise.all(Array.from({ length: 8 }, () => c.commissioner1.post(`/api/tickets/${tk.id}/accept`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(await count(t.db, "SELECT count(*) FROM ticket_events WHERE ticket_id = $1 AND kind = 'accepted'", [tk.id])).toBe(1);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'ticket.accept' AND target_id = $1", [String(tk.id)])).toBe(1);
  });

  it('the timeline is append-only in the database', async () => {
    const tk = await ticketIn('assigned');
    await expect(t.db.query('UPDATE ticket_events SET note = $1 WHERE ticket_id = $2', ['改写', tk.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM ticket_events WHERE ticket_id = $1', [tk.id])).rejects.toThrow(/append-only/);
  });
});

describe('lists', () => {
  it('filter by status, overdue, source, owner, mine, node and text; overdue is derived from the deadline', async () => {
    const late = await ticketIn('accepted');
    await t.db.query("UPDATE tickets SET deadline = now() - interval '1 hour' WHERE id = $1", [late.id]);
    expect((await get(late.id)).overdue).toBe(true);
    const ids = async (qs: string, client = c.admin) => ((await client.get(`/api/tickets?pageSize=200&${qs}`)).json().data as TicketDetailDto[]).map((x) => x.id);
    expect(await ids('overdue=true')).toContain(late.id);
    expect(await ids('overdue=false')).not.toContain(late.id);
    expect(await ids('status=accepted')).toContain(late.id);
    expect(await ids('status=closed')).not.toContain(late.id);
    expect(await ids('source=reception_day')).not.toContain(late.id);
    expect(await ids(`ownerId=${f.commissioner1}`)).toContain(late.id);
    expect(await ids('mine=true', c.commissioner1)).toContain(late.id);
    expect(await ids('mine=true', c.admin)).toEqual([]);
    expect(await ids(`nodeId=${f.community}`)).toContain(late.id);
    expect(await ids(`nodeId=${f.otherCommunity}`)).not.toContain(late.id);
    expect(await ids(`q=${late.code.toLowerCase()}`)).toEqual([late.id]);
    expect(await ids('q=楼道灯')).toContain(late.id);
    expectError(await c.community1.get(`/api/tickets?nodeId=${await nodeId(t.db, '北城街道')}`), 404, 'NOT_FOUND');
    for (const qs of ['status=lost', 'overdue=maybe', 'source=mail', 'page=0', 'unknown=1']) expectError(await c.admin.get(`/api/tickets?${qs}`), 400, 'VALIDATION_FAILED');
    // Closing clears the flag even past the deadline.
    await t.db.query("UPDATE tickets SET deadline = now() - interval '1 hour' WHERE id = $1", [(await ticketIn('closed')).id]);
    expect((await c.admin.get('/api/tickets?overdue=true&status=closed')).json().pagination.total).toBe(0);
  });

  it('the commissioner with an account and the fewest open tickets gets the next report', async () => {
    const second = (await one('SELECT id FROM commissioners WHERE community_id = $1 AND user_id IS NULL ORDER BY id LIMIT 1', [f.community])).id;
    const u = await makeUser('tk-commissioner-c', 'commissioner', f.community);
    await t.db.query('UPDATE commissioners SET user_id = $1 WHERE id = $2', [u, second]);
    const tk = ok(await report(c.community1), 201);
    expect(tk.owner?.commissionerId).toBe(second); // commissioner1 holds many open tickets by now
  });
});
