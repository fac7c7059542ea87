import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetailDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, userId } from '../../test/fixtures.js';
import { DEMO_HOTLINE_SECRET } from '../../platform/config.js';
import { signHotline } from '../hotline/hotline.signature.js';

/**
 * The triage queue: a 12345 hotline case without a routable node waits on its subdistrict (or
 * the county) until a manager routes it to a community, where it is assigned as any report is.
 */
let t: TestApp;
const c = {} as Record<'admin' | 'subdistrict1' | 'community1' | 'commissioner1', Client>;
const f = {} as { community: number; stairwell: number; subdistrictCode: string; otherCommunity: number; commissioner1: number };

const one = async <T>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;

let seq = 0;
/** Files a hotline case through the signed intake, naming only the subdistrict: it lands in that subdistrict's triage queue. */
async function triageTicket(): Promise<TicketDetailDto> {
  const raw = JSON.stringify({
    externalId: `12345-TRIAGE-${process.pid}-${++seq}`,
    content: '路口井盖松动，车辆经过声响很大',
    nodeCode: f.subdistrictCode,
    receivedAt: new Date(Date.now() - 600_000).toISOString(),
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await t.inject({
    method: 'POST',
    url: '/api/hotline/tickets',
    payload: raw,
    headers: { 'content-type': 'application/json', 'x-hotline-timestamp': timestamp, 'x-hotline-signature': signHotline(DEMO_HOTLINE_SECRET, timestamp, raw) },
  });
  expect(res.statusCode, res.body).toBe(201);
  const { code } = res.json() as { code: string };
  const { id } = await one<{ id: number }>('SELECT id FROM tickets WHERE code = $1', [code]);
  return detail(id);
}

async function detail(id: number, client = c.admin): Promise<TicketDetailDto> {
  const res = await client.get(`/api/tickets/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TicketDetailDto;
}

const route = (client: Client, id: number, body: Record<string, unknown>) => client.post(`/api/tickets/${id}/route`, body);

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['admin', 'subdistrict1', 'community1', 'commissioner1'] as const) c[u] = await t.login(u);
  f.community = (await one<{ id: number }>('SELECT node_id AS id FROM grants WHERE user_id = $1', [await userId(t.db, 'community1')])).id;
  const community = await one<{ path: string; parent_id: number }>('SELECT path, parent_id FROM nodes WHERE id = $1', [f.community]);
  f.stairwell = (await one<{ id: number }>("SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE $1 ORDER BY id LIMIT 1", [`${community.path}%`])).id;
  const subdistrict = await one<{ code: string; path: string }>('SELECT code, path FROM nodes WHERE id = $1', [community.parent_id]);
  f.subdistrictCode = subdistrict.code;
  f.otherCommunity = (await one<{ id: number }>("SELECT id FROM nodes WHERE kind = 'community' AND path NOT LIKE $1 ORDER BY id LIMIT 1", [`${subdistrict.path}%`])).id;
  f.commissioner1 = (await one<{ id: number }>('SELECT id FROM commissioners WHERE user_id = $1', [await userId(t.db, 'commissioner1')])).id;
});
afterAll(async () => t.close());

describe('POST /api/tickets/:id/route', () => {
  it('a manager routes a triage ticket to a stairwell: it leaves the queue and is assigned to the community commissioner (首问负责)', async () => {
    const tk = await triageTicket();
    expect(tk).toMatchObject({ triage: true, status: 'reported', owner: null, source: 'hotline' });
    const queue = async () => ((await c.subdistrict1.get('/api/tickets?triage=true&pageSize=200')).json() as { data: TicketDetailDto[] }).data.map((x) => x.id);
    expect(await queue()).toContain(tk.id);

    const res = await route(c.subdistrict1, tk.id, { nodeId: f.stairwell, reason: '经核实在府前社区' });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as TicketDetailDto;
    expect(after).toMatchObject({ triage: false, status: 'assigned', nodeId: f.stairwell, communityId: f.community, owner: { commissionerId: f.commissioner1 } });
    expect(after.events.map((e) => e.kind)).toEqual(['reported', 'routed', 'assigned']);
    expect(after.events[1]).toMatchObject({ fromStatus: 'reported', toStatus: 'reported', note: '经核实在府前社区', details: { nodeId: f.stairwell } });
    expect(after.events[2]!.details).toMatchObject({ commissionerId: f.commissioner1, automatic: true });
    expect(await queue()).not.toContain(tk.id);

    // The owner now sees it, and works on it as on any ticket.
    expect((await detail(tk.id, c.commissioner1)).owner?.commissionerId).toBe(f.commissioner1);
    expect((await c.commissioner1.post(`/api/tickets/${tk.id}/accept`)).statusCode).toBe(200);
    const audit = await one<{ node_id: number; details: Record<string, unknown> }>(
      "SELECT node_id, details FROM audit_log WHERE action = 'ticket.route' AND target_id = $1",
      [String(tk.id)],
    );
    expect(audit).toMatchObject({ node_id: f.stairwell, details: { code: tk.code, nodeId: f.stairwell, ownerId: f.commissioner1 } });
  });

  it('assign refuses a triage ticket with 409 pointing to the route step; routing twice is refused', async () => {
    const tk = await triageTicket();
    const err = expectError(await c.admin.post(`/api/tickets/${tk.id}/assign`, { commissionerId: f.commissioner1, reason: '直接派单' }), 409, 'CONFLICT');
    expect(err.message).toContain('分派到社区');
    expect((await detail(tk.id)).events).toHaveLength(1);

    expect((await route(c.admin, tk.id, { nodeId: f.community })).statusCode).toBe(200);
    expect(expectError(await route(c.admin, tk.id, { nodeId: f.community }), 409, 'CONFLICT').message).toContain('不在分拣队列');
  });

  it('bad targets and callers: above community → 400, out of scope → 404, no tickets.manage → 403; nothing changes', async () => {
    const tk = await triageTicket();
    const before = await count(t.db, 'SELECT count(*) FROM ticket_events WHERE ticket_id = $1', [tk.id]);
    expectError(await route(c.subdistrict1, tk.id, { nodeId: tk.nodeId }), 400, 'TREE_SHAPE');
    expectError(await route(c.subdistrict1, tk.id, { nodeId: f.otherCommunity }), 404, 'NOT_FOUND');
    expectError(await route(c.community1, tk.id, { nodeId: f.community }), 403, 'FORBIDDEN');
    expectError(await route(c.commissioner1, tk.id, { nodeId: f.community }), 403, 'FORBIDDEN');
    expectError(await route(c.admin, 2147483647, { nodeId: f.community }), 404, 'NOT_FOUND');
    expectError(await route(c.admin, tk.id, { nodeId: f.community, extra: 1 }), 400, 'VALIDATION_FAILED');
    const after = await detail(tk.id);
    expect(after).toMatchObject({ triage: true, status: 'reported', nodeId: tk.nodeId, owner: null });
    expect(await count(t.db, 'SELECT count(*) FROM ticket_events WHERE ticket_id = $1', [tk.id])).toBe(before);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'ticket.route' AND target_id = $1", [String(tk.id)])).toBe(0);
  });

  it('concurrent routes of one ticket: exactly one succeeds, one assignment', async () => {
    const tk = await triageTicket();
    const results = await Promise.all(Array.from({ length: 5 }, () => route(c.admin, tk.id, { nodeId: f.stairwell })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await count(t.db, "SELECT count(*) FROM ticket_events WHERE ticket_id = $1 AND kind IN ('routed', 'assigned')", [tk.id])).toBe(2);
  });
});

describe('GET /api/tickets/:id escalationPending', () => {
  it('is false, true while 书记直通车 waits for a decision, and the second escalation is refused', async () => {
    const tk = await triageTicket();
    await route(c.admin, tk.id, { nodeId: f.stairwell });
    expect((await detail(tk.id)).escalationPending).toBe(false);
    const res = await c.community1.post(`/api/tickets/${tk.id}/escalate`, { reason: '久拖未决，提请接待日研究' });
    expect(res.statusCode, res.body).toBe(200);
    const after = await detail(tk.id);
    expect(after).toMatchObject({ escalated: true, escalationPending: true });
    expect(after.events.at(-1)).toMatchObject({ kind: 'escalated', note: '久拖未决，提请接待日研究' });
    expectError(await c.community1.post(`/api/tickets/${tk.id}/escalate`, { reason: '再次提交' }), 409, 'CONFLICT');
    await t.db.query('UPDATE ticket_escalations SET resolved_at = now() WHERE ticket_id = $1', [tk.id]);
    expect(await detail(tk.id)).toMatchObject({ escalated: true, escalationPending: false });
  });
});
