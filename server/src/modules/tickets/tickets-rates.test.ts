import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Satisfaction, TicketOutcome, TicketRateFiguresDto, TicketRatesDto, TicketStatus } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, expectError, userId } from '../../test/fixtures.js';

/**
 * Rates on a fixture with known answers: tickets written straight into the database with
 * fixed times in 2019 (China time), so the demo county's own tickets (recent) stay out of
 * the period, and every expected number below can be worked out by hand from the list.
 */
let t: TestApp;
const c = {} as Record<'admin' | 'community1' | 'commissioner1' | 'branch2', Client>;
const f = {} as { communityA: number; communityB: number; stairwellA: number; compoundB: number; commissioner1: number; commissioner1Name: string; ids: number[] };
const PERIOD = 'from=2019-03-01&to=2019-04-30';

interface Fixture {
  at: 'A' | 'B';
  category: 'repair' | 'safety'; // response limits 24 h and 2 h
  /** Report time, China time. */
  reported: string;
  status: TicketStatus;
  owned?: boolean;
  /** Hours after the report; `deadline` may instead be an absolute far-future instant. */
  deadline: number | Date;
  /** Acceptances on the timeline; the ticket's accepted_at is the last one. */
  accepted?: number[];
  handled?: number;
  confirmed?: number;
  closed?: number;
  outcome?: TicketOutcome;
  satisfaction?: Satisfaction;
}

const FIXTURES: Fixture[] = [
  // 1: accepted in 2 h (≤ 24), handled at 30 h (deadline 72 h), closed resolved at 40 h, satisfied.
  { at: 'A', category: 'repair', reported: '2019-03-04T09:00', status: 'closed', deadline: 72, accepted: [2], handled: 30, confirmed: 35, closed: 40, outcome: 'closed_resolved', satisfaction: 'satisfied' },
  // 2: accepted late (30 h), handled late (100 h > 72 h), closed unresolved at 120 h, unsatisfied.
  { at: 'A', category: 'repair', reported: '2019-03-05T09:00', status: 'closed', deadline: 72, accepted: [30], handled: 100, confirmed: 120, closed: 120, outcome: 'closed_unresolved', satisfaction: 'unsatisfied' },
  // 3: safety, accepted in 1 h (≤ 2), handled at 10 h (deadline 24 h), confirmed basically satisfied, not closed.
  { at: 'A', category: 'safety', reported: '2019-03-10T10:00', status: 'confirmed', deadline: 24, accepted: [1], handled: 10, confirmed: 12, satisfaction: 'basically_satisfied' },
  // 4: safety, reported 06:00 China time on 1 April (still 31 March in UTC): an April ticket.
  //    Accepted late (3 h > 2), in progress, past its deadline: late for the on-time rate.
  { at: 'A', category: 'safety', reported: '2019-04-01T06:00', status: 'in_progress', deadline: 24, accepted: [3] },
  // 5: never assigned nor accepted: late for the response and (past deadline) for the on-time rate.
  { at: 'A', category: 'repair', reported: '2019-04-02T08:00', status: 'reported', owned: false, deadline: 72 },
  // 6: assigned, never accepted (late response), deadline far ahead: not yet due for the on-time rate.
  { at: 'A', category: 'repair', reported: '2019-04-03T08:00', status: 'assigned', deadline: new Date('2099-01-01T00:00:00Z') },
  // 7: accepted at 5 h, reassigned and accepted again at 40 h: the response counts the first (in time).
  { at: 'A', category: 'repair', reported: '2019-04-10T08:00', status: 'handled', deadline: 72, accepted: [5, 40], handled: 50 },
  // 8: another community (branch2's compound): accepted late (100 h), handled late, closed resolved, satisfied.
  { at: 'B', category: 'repair', reported: '2019-03-06T09:00', status: 'closed', deadline: 72, accepted: [100], handled: 150, confirmed: 190, closed: 200, outcome: 'closed_resolved', satisfaction: 'satisfied' },
  // 9: 01:00 China time on 1 May (still 30 April in UTC): outside the period.
  { at: 'A', category: 'repair', reported: '2019-05-01T01:00', status: 'closed', deadline: 72, accepted: [1], handled: 2, confirmed: 3, closed: 3, outcome: 'closed_resolved', satisfaction: 'satisfied' },
];

const one = async <T = { id: number }>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;

async function insertTicket(fx: Fixture, i: number, category: Record<string, number>): Promise<number> {
  const base = new Date(`${fx.reported}:00+08:00`).getTime();
  const at = (h: number | undefined) => (h === undefined ? null : new Date(base + h * 3_600_000));
  const owned = fx.owned ?? true;
  const owner = !owned ? null : fx.at === 'A' ? f.commissioner1 : (await one('SELECT id FROM commissioners WHERE community_id = $1 ORDER BY id LIMIT 1', [f.communityB])).id;
  const accepted = fx.accepted ?? [];
  const { id } = await one(
    `INSERT INTO tickets (code, source, category_id, node_id, description, status, owner_id, deadline, assigned_at, accepted_at, handled_at,
       confirmed_at, closed_at, outcome, satisfaction, created_at, updated_at)
     VALUES ($1, 'community_report', $2, $3, '统计测试工单', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
    [
      `XJ20190101-${9000 + i}`, category[fx.category], fx.at === 'A' ? f.stairwellA : f.compoundB, fx.status, owner,
      fx.deadline instanceof Date ? fx.deadline : at(fx.deadline), owned ? at(0) : null, at(accepted.at(-1)), at(fx.handled),
      at(fx.confirmed), at(fx.closed), fx.outcome ?? null, fx.satisfaction ?? null, at(0),
    ],
  );
  const events: [string, string | null, string, Date][] = [['reported', null, 'reported', at(0)!]];
  if (owned) events.push(['assigned', 'reported', 'assigned', at(0)!]);
  for (const h of accepted) events.push(['accepted', 'assigned', 'accepted', at(h)!]);
  for (const [kind, from, to, when] of events) {
    await t.db.query('INSERT INTO ticket_events (ticket_id, kind, from_status, to_status, at) VALUES ($1, $2, $3, $4, $5)', [id, kind, from, to, when]);
  }
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['admin', 'community1', 'commissioner1', 'branch2'] as const) c[u] = await t.login(u);
  f.communityA = (await one('SELECT node_id AS id FROM grants WHERE user_id = $1', [await userId(t.db, 'community1')])).id;
  const pathA = (await one<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [f.communityA])).path;
  f.stairwellA = (await one("SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE $1 ORDER BY id LIMIT 1", [`${pathA}%`])).id;
  f.compoundB = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  f.communityB = (await one('SELECT parent_id AS id FROM nodes WHERE id = $1', [f.compoundB])).id;
  const me = await one<{ id: number; name: string }>(
    'SELECT c.id, p.name FROM commissioners c JOIN people p ON p.id = c.person_id WHERE c.user_id = $1',
    [await userId(t.db, 'commissioner1')],
  );
  f.commissioner1 = me.id;
  f.commissioner1Name = me.name;
  const category = Object.fromEntries((await t.db.query<{ code: string; id: number }>('SELECT code, id FROM ticket_categories')).map((r) => [r.code, r.id]));
  f.ids = [];
  for (const [i, fx] of FIXTURES.entries()) f.ids.push(await insertTicket(fx, i, category));
});
afterAll(async () => t.close());

async function rates(client: Client, query: string): Promise<TicketRatesDto> {
  const res = await client.get(`/api/tickets/rates?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TicketRatesDto;
}

type Pair = [number, number];
/** The figures a group must show, from its counts, numerators and denominators. */
function expected(o: {
  counts: [reported: number, accepted: number, handled: number, closed: number, confirmed: number];
  response: Pair;
  onTime: Pair;
  resolution: Pair;
  satisfaction: Pair;
  strict: Pair;
  toAccept: [hours: number | null, count: number];
  toClose: [hours: number | null, count: number];
}): TicketRateFiguresDto {
  const ratio = ([n, d]: Pair) => ({ numerator: n, denominator: d, rate: d === 0 ? null : n / d });
  const [reported, accepted, handled, closed, confirmed] = o.counts;
  return {
    counts: { reported, accepted, handled, closed, confirmed },
    response: ratio(o.response),
    onTime: ratio(o.onTime),
    resolution: ratio(o.resolution),
    satisfaction: ratio(o.satisfaction),
    strictSatisfaction: ratio(o.strict),
    hoursToAccept: { hours: o.toAccept[0], count: o.toAccept[1] },
    hoursToClose: { hours: o.toClose[0], count: o.toClose[1] },
  };
}

/** Community A in the period: tickets 1–7. */
const COMMUNITY_A = expected({
  counts: [7, 5, 4, 2, 3],
  response: [3, 7], // in time: 1, 3, 7; due: the five accepted + 5 and 6 (limit passed)
  onTime: [3, 6], // on time: 1, 3, 7; due: the four handled + 4 and 5 (past deadline); 6 not yet due
  resolution: [1, 2],
  satisfaction: [2, 3],
  strict: [1, 3],
  toAccept: [8.2, 5], // (2 + 30 + 1 + 3 + 5) / 5
  toClose: [80, 2], // (40 + 120) / 2
});
const COMMUNITY_B = expected({
  counts: [1, 1, 1, 1, 1], response: [0, 1], onTime: [0, 1], resolution: [1, 1], satisfaction: [1, 1], strict: [1, 1], toAccept: [100, 1], toClose: [200, 1],
});
const NOTHING = expected({
  counts: [0, 0, 0, 0, 0], response: [0, 0], onTime: [0, 0], resolution: [0, 0], satisfaction: [0, 0], strict: [0, 0], toAccept: [null, 0], toClose: [null, 0],
});

const strip = ({ key: _k, label: _l, ...figures }: TicketRatesDto['groups'][number]) => figures;

describe('GET /api/tickets/rates', () => {
  it('by community: each community and the county overall, with numerators and denominators', async () => {
    const r = await rates(c.admin, `groupBy=community&${PERIOD}`);
    expect(r).toMatchObject({ groupBy: 'community', from: '2019-03-01', to: '2019-04-30', node: null });
    expect(r.overall).toEqual(
      expected({
        counts: [8, 6, 5, 3, 4],
        response: [3, 8],
        onTime: [3, 7],
        resolution: [2, 3],
        satisfaction: [3, 4],
        strict: [2, 4],
        toAccept: [23.5, 6], // (41 + 100) / 6
        toClose: [120, 3], // (40 + 120 + 200) / 3
      }),
    );
    const byKey = new Map(r.groups.map((g) => [g.key, g]));
    expect([...byKey.keys()].sort()).toEqual([String(f.communityA), String(f.communityB)].sort());
    expect(strip(byKey.get(String(f.communityA))!)).toEqual(COMMUNITY_A);
    expect(strip(byKey.get(String(f.communityB))!)).toEqual(COMMUNITY_B);
    expect(byKey.get(String(f.communityA))!.label).toBe('府前社区');
  });

  it('by month: China months of the report; a month with nothing closed or rated has null rates, not NaN', async () => {
    const r = await rates(c.community1, `groupBy=month&${PERIOD}`);
    expect(r.overall).toEqual(COMMUNITY_A);
    expect(r.groups.map((g) => [g.key, g.label])).toEqual([['2019-03', '2019-03'], ['2019-04', '2019-04']]);
    expect(strip(r.groups[0]!)).toEqual(
      expected({ counts: [3, 3, 3, 2, 3], response: [2, 3], onTime: [2, 3], resolution: [1, 2], satisfaction: [2, 3], strict: [1, 3], toAccept: [11, 3], toClose: [80, 2] }),
    );
    expect(strip(r.groups[1]!)).toEqual(
      expected({ counts: [4, 2, 1, 0, 0], response: [1, 4], onTime: [1, 3], resolution: [0, 0], satisfaction: [0, 0], strict: [0, 0], toAccept: [4, 2], toClose: [null, 0] }),
    );
    expect(r.groups[1]!.resolution.rate).toBeNull();
  });

  it('by category', async () => {
    const r = await rates(c.community1, `groupBy=category&${PERIOD}`);
    expect(r.groups.map((g) => g.label)).toEqual(['设施维修', '安全隐患']);
    expect(strip(r.groups[0]!)).toEqual(
      expected({ counts: [5, 3, 3, 2, 2], response: [2, 5], onTime: [2, 4], resolution: [1, 2], satisfaction: [1, 2], strict: [1, 2], toAccept: [12.33, 3], toClose: [80, 2] }),
    );
    expect(strip(r.groups[1]!)).toEqual(
      expected({ counts: [2, 2, 1, 0, 1], response: [1, 2], onTime: [1, 2], resolution: [0, 0], satisfaction: [1, 1], strict: [0, 1], toAccept: [2, 2], toClose: [null, 0] }),
    );
  });

  it('by commissioner: the owner, and the unassigned tickets as their own group', async () => {
    const r = await rates(c.community1, `groupBy=commissioner&${PERIOD}`);
    expect(r.groups.map((g) => [g.key, g.label])).toEqual([[String(f.commissioner1), f.commissioner1Name], ['none', null]]);
    expect(strip(r.groups[0]!)).toEqual(
      expected({ counts: [6, 5, 4, 2, 3], response: [3, 6], onTime: [3, 5], resolution: [1, 2], satisfaction: [2, 3], strict: [1, 3], toAccept: [8.2, 5], toClose: [80, 2] }),
    );
    expect(strip(r.groups[1]!)).toEqual(
      expected({ counts: [1, 0, 0, 0, 0], response: [0, 1], onTime: [0, 1], resolution: [0, 0], satisfaction: [0, 0], strict: [0, 0], toAccept: [null, 0], toClose: [null, 0] }),
    );
  });

  it("scope: another community's tickets never reach a scoped user's rates", async () => {
    const own = await rates(c.community1, `groupBy=community&${PERIOD}`);
    expect(own.overall).toEqual(COMMUNITY_A);
    expect(own.groups.map((g) => g.key)).toEqual([String(f.communityA)]);
    expect((await rates(c.commissioner1, `groupBy=community&${PERIOD}`)).overall).toEqual(COMMUNITY_A);
    const branch = await rates(c.branch2, `groupBy=commissioner&${PERIOD}`);
    expect(branch.overall).toEqual(COMMUNITY_B);
    // A node out of scope is not there at all.
    expectError(await c.community1.get(`/api/tickets/rates?nodeId=${f.communityB}&${PERIOD}`), 404);
    expectError(await c.branch2.get(`/api/tickets/rates?nodeId=${f.communityA}`), 404);
  });

  it('nodeId narrows to a subtree the caller may see', async () => {
    const r = await rates(c.admin, `nodeId=${f.communityB}&${PERIOD}`);
    expect(r.node).toMatchObject({ id: f.communityB, kind: 'community' });
    expect(r.overall).toEqual(COMMUNITY_B);
    expect((await rates(c.community1, `nodeId=${f.stairwellA}&groupBy=month&${PERIOD}`)).overall).toEqual(COMMUNITY_A);
  });

  it('the period is in China dates, both ends included', async () => {
    // Ticket 9 (1 May 01:00 China time) counts in May, ticket 4 (1 April 06:00) in April.
    const may = await rates(c.community1, 'groupBy=month&from=2019-05-01&to=2019-05-31');
    expect(may.groups.map((g) => g.key)).toEqual(['2019-05']);
    expect(may.overall.counts.reported).toBe(1);
    expect((await rates(c.community1, 'from=2019-04-01&to=2019-04-01')).overall.counts.reported).toBe(1);
    expect((await rates(c.community1, 'from=2019-03-31&to=2019-03-31')).overall.counts.reported).toBe(0);
  });

  it('nothing in the period: zero counts and null rates and averages (no NaN, no 500)', async () => {
    for (const groupBy of ['community', 'commissioner', 'category', 'month']) {
      const r = await rates(c.admin, `groupBy=${groupBy}&from=2000-01-01&to=2000-12-31`);
      expect(r.overall).toEqual(NOTHING);
      expect(r.groups).toEqual([]);
    }
  });

  it('a ticket still inside its response limit and before its deadline is not yet counted for either rate', async () => {
    const compound = await c.admin.post('/api/nodes', { parentId: f.communityA, kind: 'compound', name: '统计测试小区', code: 'RATES-X', compoundKind: 'commercial' });
    expect(compound.statusCode, compound.body).toBe(201);
    const node = compound.json().id as number;
    const safety = (await one("SELECT id FROM ticket_categories WHERE code = 'safety'")).id;
    // Reported an hour ago (limit 2 h, deadline in 23 h), and three hours ago (limit passed, not accepted).
    for (const [i, hoursAgo] of [[1, 1], [2, 3]] as const) {
      await t.db.query(
        `INSERT INTO tickets (code, source, category_id, node_id, description, status, owner_id, deadline, assigned_at, created_at, updated_at)
         VALUES ($1, 'community_report', $2, $3, '统计测试工单', 'assigned', $4, now() + interval '23 hours', now() - $5 * interval '1 hour',
                 now() - $5 * interval '1 hour', now())`,
        [`XJ20190102-${9100 + i}`, safety, node, f.commissioner1, hoursAgo],
      );
    }
    const r = await rates(c.community1, `nodeId=${node}`);
    expect(r.overall.counts.reported).toBe(2);
    expect(r.overall.response).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(r.overall.onTime).toEqual({ numerator: 0, denominator: 0, rate: null });
  });

  it('bad input is a 400 in Chinese; /rates does not collide with /:id', async () => {
    expectError(await c.admin.get('/api/tickets/rates?groupBy=owner'), 400);
    expectError(await c.admin.get('/api/tickets/rates?from=2019-13-01'), 400);
    expectError(await c.admin.get('/api/tickets/rates?from=2019-05-01&to=2019-04-01'), 400);
    expectError(await c.admin.get('/api/tickets/rates?period=2019'), 400);
    expectError(await c.admin.get('/api/tickets/rates?nodeId=0'), 400);
    expectError(await t.inject({ method: 'GET', url: '/api/tickets/rates' }), 401);
    // The static path wins over the parametric one, which still serves tickets.
    expect((await c.admin.get('/api/tickets/rates')).json()).toHaveProperty('overall');
    const ticket = await c.admin.get(`/api/tickets/${f.ids[0]}`);
    expect(ticket.statusCode, ticket.body).toBe(200);
    expect(ticket.json()).toMatchObject({ id: f.ids[0], status: 'closed' });
  });
});
