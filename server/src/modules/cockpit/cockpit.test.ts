import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday, type CockpitSummaryDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { expectError, grantNodes } from '../../test/fixtures.js';
import { lastMonths } from '../consultations/consultation-stats.service.js';
import { refreshCockpitSnapshots } from './cockpit.service.js';

let t: TestApp;
let admin: Client;
/** community1's community, branch1's (first) compound in it, and another community. */
let community: { id: number; path: string };
let compound: { id: number; path: string };
let other: { id: number; path: string };

const today = () => chinaToday();
const year = () => Number(today().slice(0, 4));
const month = () => today().slice(0, 7);
const H = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * H);

async function one<T = number>(sql: string, params: unknown[]): Promise<T> {
  const [row] = await t.db.query<{ v: T }>(sql, params);
  return row!.v;
}

/** Forget every snapshot, so the next request computes the figures from the rows as they are now. */
const forget = () => t.db.query('DELETE FROM cockpit_snapshots');

async function summary(c: Client, qs = ''): Promise<CockpitSummaryDto> {
  const res = await c.get(`/api/cockpit/summary${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CockpitSummaryDto;
}

/** Each cockpit figure of a subtree, counted straight from the tables (written independently of cockpit.repo.ts). */
async function expected(path: string) {
  const p = `${path}%`;
  const n = (sql: string, params: unknown[] = []) => one<number>(sql, [p, ...params]);
  const under = (table: string, col = 'node_id', extra = 'true') =>
    n(`SELECT count(*)::int AS v FROM ${table} x WHERE ${extra} AND (SELECT path FROM nodes WHERE id = x.${col}) LIKE $1`);
  const nodes = (kind: string) => n('SELECT count(*)::int AS v FROM nodes WHERE active AND kind = $2 AND path LIKE $1', [kind]);
  const months = lastMonths(12, today());
  const from = new Date(`${months[0]}-01T00:00:00+08:00`);
  const monthStart = new Date(`${month()}-01T00:00:00+08:00`);
  const inTree = 'x.node_id IN (SELECT id FROM nodes WHERE path LIKE $1)';
  const tk = (cond: string, params: unknown[] = []) => n(`SELECT count(*)::int AS v FROM tickets x WHERE ${inTree} AND ${cond}`, params);
  // The ticket-rates definitions (docs/ticket-rates.md) over the tickets reported since `from`.
  const rep = `x.created_at >= $2`;
  const firstAccepted = "coalesce((SELECT min(e.at) FROM ticket_events e WHERE e.ticket_id = x.id AND e.kind = 'accepted'), x.accepted_at)";
  const respondBy = "x.created_at + (SELECT response_hours FROM ticket_categories c WHERE c.id = x.category_id) * interval '1 hour'";
  const rate = (num: number, den: number) => ({ numerator: num, denominator: den, rate: den ? num / den : null });
  const year0 = new Date(`${year()}-01-01T00:00:00+08:00`);
  const year1 = new Date(`${year() + 1}-01-01T00:00:00+08:00`);
  const trend = await Promise.all(
    months.map(async (m) => ({
      month: m,
      received: await tk(`to_char((x.created_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') = $2`, [m]),
      closed: await tk(`to_char((x.closed_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') = $2`, [m]),
    })),
  );
  const latestGrade = `(SELECT r.grade FROM property_ratings r WHERE r.compound_id = c.id AND r.status = 'published' ORDER BY r.published_at DESC, r.id DESC LIMIT 1)`;
  const grades = async (pattern: string) => {
    const g = (cond: string) => one<number>(`SELECT count(*)::int AS v FROM nodes c WHERE c.kind = 'compound' AND c.active AND c.path LIKE $1 AND ${cond}`, [pattern]);
    return { red: await g(`${latestGrade} = 'red'`), green: await g(`${latestGrade} = 'green'`), yellow: await g(`${latestGrade} = 'yellow'`), grey: await g(`${latestGrade} = 'grey'`), unrated: await g(`${latestGrade} IS NULL`) };
  };
  const steps = ['collect', 'propose', 'deliberate', 'implement', 'evaluate'] as const;
  const contest = (await t.db.query<{ id: number; month: string; title: string }>("SELECT id, month, title FROM secretary_contests WHERE status = 'closed' ORDER BY month DESC LIMIT 1"))[0];
  const medal = (m: string) =>
    n(`SELECT count(*)::int AS v FROM secretary_contest_entries e JOIN community_workers w ON w.id = e.worker_id WHERE e.contest_id = $2 AND e.medal = $3 AND (SELECT path FROM nodes WHERE id = w.community_id) LIKE $1`, [contest?.id, m]);
  const budget = await n(`SELECT coalesce(sum(amount_fen), 0)::int AS v FROM budget_lines x WHERE year = $2 AND ${inTree}`, [year()]);
  const approved = await n(
    `SELECT coalesce(sum(d.amount_fen), 0)::int AS v FROM disbursements d JOIN budget_lines x ON x.id = d.budget_line_id WHERE d.status = 'approved' AND x.year = $2 AND ${inTree}`,
    [year()],
  );
  const stationIds = `(SELECT x.id FROM red_stations x WHERE ${inTree})`;
  const nextMonthFirst = new Date(monthStart.getTime() + 32 * 24 * H + 8 * H).toISOString().slice(0, 7);
  const kids = await t.db.query<{ id: number; name: string; kind: string; path: string }>(
    "SELECT id, name, kind, path FROM nodes WHERE parent_id = (SELECT id FROM nodes WHERE path = $1) AND active AND kind IN ('subdistrict','community','compound') ORDER BY code",
    [path],
  );
  return {
    counts: {
      subdistricts: await nodes('subdistrict'),
      communities: await nodes('community'),
      compounds: await nodes('compound'),
      buildings: await nodes('building'),
      stairwells: await nodes('stairwell'),
      branches: await n("SELECT count(*)::int AS v FROM party_orgs o WHERE o.kind = 'branch' AND o.active AND o.id IN (SELECT bc.branch_id FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id WHERE c.path LIKE $1)"),
      jointBranches: await n("SELECT count(*)::int AS v FROM party_orgs o WHERE o.kind = 'branch' AND o.active AND o.branch_mode = 'joint' AND o.id IN (SELECT bc.branch_id FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id WHERE c.path LIKE $1)"),
      partyMembers: await under('party_members'),
      dualRegisteredMembers: await under('party_members', 'node_id', "x.management = 'dual'"),
      stewards: await under('stewards', 'compound_id'),
      redShops: await under('red_shops'),
      gigWorkers: await under('gig_workers'),
      commissioners: await under('commissioners', 'community_id'),
      people: await under('people'),
      stations: await under('red_stations', 'node_id', 'x.active'),
      serviceRooms: await under('service_rooms', 'node_id', 'x.active'),
    },
    tickets: {
      open: await tk("x.status <> 'closed'"),
      overdue: await tk("x.status <> 'closed' AND x.deadline < now()"),
      receivedThisMonth: await tk('x.created_at >= $2', [monthStart]),
      closedThisMonth: await tk('x.closed_at >= $2', [monthStart]),
      ratesFrom: `${months[0]}-01`,
      response: rate(await tk(`${rep} AND ${firstAccepted} <= ${respondBy}`, [from]), await tk(`${rep} AND (${firstAccepted} IS NOT NULL OR ${respondBy} < now())`, [from])),
      resolution: rate(await tk(`${rep} AND x.outcome = 'closed_resolved'`, [from]), await tk(`${rep} AND x.status = 'closed'`, [from])),
      satisfaction: rate(await tk(`${rep} AND x.satisfaction IN ('satisfied','basically_satisfied')`, [from]), await tk(`${rep} AND x.satisfaction IS NOT NULL`, [from])),
      trend,
    },
    consultations: {
      meetings: await n("SELECT count(*)::int AS v FROM consultation_meetings m WHERE m.status = 'held' AND (SELECT n.path FROM topics x JOIN nodes n ON n.id = x.node_id WHERE x.id = m.topic_id) LIKE $1"),
      attendances: await n(
        "SELECT count(*)::int AS v FROM consultation_meeting_attendances a JOIN consultation_meetings m ON m.id = a.meeting_id WHERE m.status = 'held' AND (SELECT n.path FROM topics x JOIN nodes n ON n.id = x.node_id WHERE x.id = m.topic_id) LIKE $1",
      ),
      topicsByStep: Object.fromEntries(await Promise.all(steps.map(async (s) => [s, await n(`SELECT count(*)::int AS v FROM topics x WHERE x.step = $2 AND ${inTree}`, [s])]))),
    },
    volunteering: {
      year: year(),
      hours: Number(
        await n(
          'SELECT coalesce(sum(s.hours), 0)::float8 AS v FROM volunteer_signups s WHERE s.checked_out_at >= $2 AND s.checked_out_at < $3 AND s.activity_id IN (SELECT x.id FROM volunteer_activities x WHERE x.node_id IN (SELECT id FROM nodes WHERE path LIKE $1))',
          [year0, year1],
        ),
      ),
      activeVolunteers: await n(
        'SELECT count(DISTINCT s.resident_id)::int AS v FROM volunteer_signups s WHERE s.checked_out_at >= $2 AND s.checked_out_at < $3 AND s.activity_id IN (SELECT x.id FROM volunteer_activities x WHERE x.node_id IN (SELECT id FROM nodes WHERE path LIKE $1))',
        [year0, year1],
      ),
      pointsIssued: await n(
        "SELECT coalesce(sum(e.delta), 0)::int AS v FROM point_entries e WHERE e.delta > 0 AND e.kind <> 'reversal' AND e.created_at >= $2 AND e.created_at < $3 AND e.person_id IN (SELECT x.id FROM people x WHERE " + inTree + ')',
        [year0, year1],
      ),
      pointsRedeemed: await n(
        'SELECT coalesce(sum(r.points), 0)::int AS v FROM point_redemptions r WHERE r.created_at >= $2 AND r.created_at < $3 AND r.shop_id IN (SELECT x.id FROM red_shops x WHERE ' + inTree + ')',
        [year0, year1],
      ),
    },
    grades: await grades(p),
    contest: contest ? { ...contest, gold: await medal('gold'), silver: await medal('silver'), bronze: await medal('bronze') } : null,
    funding: { year: year(), budgetFen: budget, approvedFen: approved, used: budget ? approved / budget : null },
    stations: {
      visitorsThisMonth: await n(`SELECT coalesce(sum(visitors), 0)::int AS v FROM red_station_visits WHERE station_id IN ${stationIds} AND visited_on >= $2::date AND visited_on < $3::date`, [
        `${month()}-01`,
        `${nextMonthFirst}-01`,
      ]),
    },
    innovation: (
      await t.db.query<{ id: number; title: string }>(
        `SELECT x.id, x.title FROM innovation_cases x WHERE x.status = 'published' AND ${inTree} ORDER BY x.published_at DESC, x.id DESC LIMIT 5`,
        [p],
      )
    ).map((c) => ({ id: c.id, title: c.title })),
    children: await Promise.all(
      kids.map(async (k) => {
        const kp = [`${k.path}%`];
        const c = (sql: string, params: unknown[] = []) => one<number>(sql, [...kp, ...params]);
        return {
          id: k.id,
          name: k.name,
          kind: k.kind,
          openTickets: await c(`SELECT count(*)::int AS v FROM tickets x WHERE ${inTree} AND x.status <> 'closed'`),
          overdueTickets: await c(`SELECT count(*)::int AS v FROM tickets x WHERE ${inTree} AND x.status <> 'closed' AND x.deadline < now()`),
          satisfaction: rate(
            await c(`SELECT count(*)::int AS v FROM tickets x WHERE ${inTree} AND x.created_at >= $2 AND x.satisfaction IN ('satisfied','basically_satisfied')`, [from]),
            await c(`SELECT count(*)::int AS v FROM tickets x WHERE ${inTree} AND x.created_at >= $2 AND x.satisfaction IS NOT NULL`, [from]),
          ),
          compounds: await c("SELECT count(*)::int AS v FROM nodes WHERE kind = 'compound' AND active AND path LIKE $1"),
          grades: await grades(kp[0]!),
        };
      }),
    ),
  };
}

/** Rows in every state the cockpit distinguishes, in community1's community (mostly branch1's compound). */
async function insertFixtures(): Promise<void> {
  const q = t.db;
  const [owner] = await q.query<{ id: number }>('SELECT id FROM commissioners WHERE community_id = $1 ORDER BY id LIMIT 1', [community.id]);
  const [cat] = await q.query<{ id: number }>("SELECT id FROM ticket_categories WHERE code = 'repair'");
  let seq = 0;
  const ticket = async (o: { status: string; created: Date; deadline: Date; accepted?: Date; closed?: Date; outcome?: string; satisfaction?: string }) => {
    seq += 1;
    await q.query(
      `INSERT INTO tickets (code, source, category_id, node_id, description, status, owner_id, deadline, accepted_at, handled_at, confirmed_at, closed_at, outcome, satisfaction, created_at)
       VALUES ($1, 'community_report', $2, $3, '驾驶舱测试工单', $4, $5, $6, $7, $8, $8, $8, $9, $10, $11)`,
      [`XJ20991231-${String(9000 + seq)}`, cat!.id, compound.id, o.status, owner!.id, o.deadline, o.accepted ?? null, o.closed ?? null, o.outcome ?? null, o.satisfaction ?? null, o.created],
    );
  };
  await ticket({ status: 'in_progress', created: ago(300), deadline: ago(10), accepted: ago(299) }); // overdue
  await ticket({ status: 'accepted', created: ago(5), deadline: ago(-100), accepted: ago(1) }); // open, in time
  await ticket({ status: 'assigned', created: ago(100), deadline: ago(-10) }); // not accepted, response overdue
  await ticket({ status: 'closed', created: ago(50), deadline: ago(-10), accepted: ago(49), closed: ago(2), outcome: 'closed_resolved', satisfaction: 'satisfied' });
  await ticket({ status: 'closed', created: ago(60), deadline: ago(-10), accepted: ago(20), closed: ago(3), outcome: 'closed_unresolved', satisfaction: 'unsatisfied' });
  await ticket({ status: 'closed', created: ago(24 * 200), deadline: ago(24 * 190), accepted: ago(24 * 200 - 1), closed: ago(24 * 185), outcome: 'closed_resolved', satisfaction: 'basically_satisfied' });

  // A held meeting with two attendances on a topic of the community.
  const [topic] = await q.query<{ id: number }>('SELECT t.id FROM topics t JOIN nodes n ON n.id = t.node_id WHERE n.path LIKE $1 ORDER BY t.id LIMIT 1', [`${community.path}%`]);
  const [meeting] = await q.query<{ id: number }>(
    `INSERT INTO consultation_meetings (topic_id, form, starts_at, place, status, minutes, decision, held_at, signin_token)
     VALUES ($1, 'roundtable', now() - interval '2 hours', '社区议事厅', 'held', '纪要', '决定', now(), 'cockpitTestToken_01234') RETURNING id`,
    [topic!.id],
  );
  for (const name of ['张三', '李四'])
    await q.query("INSERT INTO consultation_meeting_attendances (meeting_id, source, name, attendee_group) VALUES ($1, 'staff', $2, 'others')", [meeting!.id, name]);

  // Points earned and redeemed this year by a person of the compound.
  const [person] = await q.query<{ id: number }>('SELECT p.id FROM people p JOIN nodes n ON n.id = p.node_id WHERE n.path LIKE $1 ORDER BY p.id LIMIT 1', [`${compound.path}%`]);
  await q.query("INSERT INTO point_entries (person_id, kind, delta, balance_after, rule_code, source_type, source_id) VALUES ($1, 'earn', 37, 37, 'meeting_attendance', 'other', 990001)", [person!.id]);

  // The compound's latest published rating: grey.
  const [rating] = await q.query<{ id: number }>('SELECT id FROM property_ratings WHERE compound_id = $1 ORDER BY id DESC LIMIT 1', [compound.id]);
  if (rating) {
    await q.query("UPDATE property_ratings SET status = 'published', grade = 'grey', computed_at = coalesce(computed_at, now()), published_at = now() + interval '1 minute' WHERE id = $1", [rating.id]);
  }

  // A closed contest (the latest) with medals for two workers of the community.
  const [contest] = await q.query<{ id: number }>(
    `INSERT INTO secretary_contests (month, title, weight_report, weight_visit, weight_test, per_level, time_limit_minutes, test_opens_at, test_closes_at, status, closed_at)
     VALUES ('2099-12', '驾驶舱测试擂台', 40, 30, 30, 2, 30, now() - interval '2 days', now() - interval '1 day', 'closed', now()) RETURNING id`,
  );
  const workers = await q.query<{ id: number }>('SELECT id FROM community_workers WHERE community_id = $1 ORDER BY id LIMIT 3', [community.id]);
  const [w2] = await q.query<{ id: number }>('SELECT id FROM community_workers WHERE community_id = $1 ORDER BY id LIMIT 1', [other.id]);
  const medals = ['gold', 'silver', 'silver'];
  for (const [i, w] of workers.entries()) await q.query('INSERT INTO secretary_contest_entries (contest_id, worker_id, rank, medal) VALUES ($1, $2, $3, $4)', [contest!.id, w.id, i + 1, medals[i]]);
  if (w2) await q.query("INSERT INTO secretary_contest_entries (contest_id, worker_id, rank, medal) VALUES ($1, $2, 9, 'bronze')", [contest!.id, w2.id]);

  // This year's budget lines with approved, pending and rejected disbursements; last year's is not counted.
  const line = async (node: number, kind: string, amount: number, y = year()) =>
    (await q.query<{ id: number }>('INSERT INTO budget_lines (year, node_id, kind, amount_fen) VALUES ($1, $2, $3, $4) ON CONFLICT (year, node_id, kind) DO UPDATE SET amount_fen = EXCLUDED.amount_fen RETURNING id', [y, node, kind, amount]))[0]!.id;
  const work = await line(compound.id, 'party_work_fund', 1_000_000);
  const running = await line(community.id, 'station_running', 500_000);
  await line(compound.id, 'party_work_fund', 9_999_999, year() - 1);
  const pay = (lineId: number, amount: number, status: string) =>
    q.query(
      `INSERT INTO disbursements (budget_line_id, month, payee_name, amount_fen, purpose, status, decided_at) VALUES ($1, $2, '测试收款单位', $3, '测试', $4, ${status === 'pending' ? 'NULL' : 'now()'})`,
      [lineId, month(), amount, status],
    );
  await pay(work, 250_000, 'approved');
  await pay(work, 100_000, 'pending');
  await pay(running, 50_000, 'approved');
  await pay(running, 70_000, 'rejected');

  // A station of the compound with visits this month and last year; a published and a draft case.
  const [station] = await q.query<{ id: number }>(
    `INSERT INTO red_stations (node_id, name, place_kind, services, opening_hours, address, lat, lng) VALUES ($1, '驾驶舱测试驿站', 'park', '{shelter,water}', '8:00-20:00', '测试路1号', 36.95, 116.0) RETURNING id`,
    [compound.id],
  );
  await q.query("INSERT INTO red_station_visits (station_id, visited_on, visitors) VALUES ($1, $2::date, 12), ($1, $2::date - 400, 99)", [station!.id, today()]);
  await q.query(
    `INSERT INTO innovation_cases (node_id, unit_name, title, problem, method, results, status, published_at) VALUES
       ($1, '测试小区党支部', '驾驶舱测试案例', '问题', '做法', '成效', 'published', now() + interval '1 hour'),
       ($1, '测试小区党支部', '未发布的案例', '问题', '做法', '成效', 'draft', NULL)`,
    [compound.id],
  );
}

/** The response, reduced to what `expected` computes. */
function comparable(s: CockpitSummaryDto) {
  const { node: _n, roots: _r, breadcrumb: _b, mapTileUrl: _m, computedAt: _c, compoundsByKind: _k, ...rest } = s;
  return {
    ...rest,
    contest: s.contest ? { id: s.contest.id, month: s.contest.month, title: s.contest.title, gold: s.contest.gold, silver: s.contest.silver, bronze: s.contest.bronze } : null,
    funding: { year: s.funding.year, budgetFen: s.funding.budgetFen, approvedFen: s.funding.approvedFen, used: s.funding.used },
    stations: { visitorsThisMonth: s.stations.visitorsThisMonth },
    innovation: s.innovation.map((c) => ({ id: c.id, title: c.title })),
  };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  const [c] = await grantNodes(t.db, 'community1');
  community = { id: c!.id, path: c!.path };
  const [b] = await grantNodes(t.db, 'branch1');
  compound = { id: b!.id, path: b!.path };
  const [o] = await t.db.query<{ id: number; path: string }>("SELECT id, path FROM nodes WHERE kind = 'community' AND id <> $1 AND active ORDER BY code LIMIT 1", [community.id]);
  other = o!;
  await insertFixtures();
  await forget();
});
afterAll(async () => t.close());

describe('cockpit summary', () => {
  it('the fixtures are in place: every section has something to count in community1', async () => {
    const s = await summary(await t.login('community1'));
    expect(s.node).toMatchObject({ id: community.id, kind: 'community' });
    expect(s.tickets.open).toBeGreaterThanOrEqual(3);
    expect(s.tickets.overdue).toBeGreaterThanOrEqual(1);
    expect(s.consultations.meetings).toBeGreaterThanOrEqual(1);
    expect(s.volunteering.pointsIssued).toBeGreaterThanOrEqual(37);
    expect(s.contest).toMatchObject({ month: '2099-12', title: '驾驶舱测试擂台', gold: 1, silver: 2, bronze: 0 });
    expect(s.contest!.byCommunity).toEqual([{ id: community.id, name: expect.any(String), gold: 1, silver: 2, bronze: 0 }]);
    expect(s.funding.byKind).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'station_running' }), expect.objectContaining({ kind: 'party_work_fund' })]));
    expect(s.stations.visitorsThisMonth).toBeGreaterThanOrEqual(12);
    expect(s.stations.points).toEqual(expect.arrayContaining([expect.objectContaining({ name: '驾驶舱测试驿站', lat: 36.95, lng: 116, visitors: 12 })]));
    expect(s.innovation[0]).toMatchObject({ title: '驾驶舱测试案例', unitName: '测试小区党支部' });
    expect(s.tickets.trend).toHaveLength(12);
    expect(s.tickets.trend.at(-1)!.month).toBe(month());
    expect(Math.abs(Date.parse(s.computedAt) - Date.now())).toBeLessThan(60_000);
  });

  it.each([
    ['admin', 'county'],
    ['community1', 'community'],
    ['branch1', 'compound'],
  ])('%s: every figure of its %s equals a direct SQL count', async (username) => {
    await forget();
    const c = username === 'admin' ? admin : await t.login(username);
    const s = await summary(c);
    const [root] = await grantNodes(t.db, username);
    expect(s.node.id).toBe(root!.id);
    expect(comparable(s)).toEqual(await expected(root!.path));
  });

  it('a subdistrict asked by node id: the same figures, children are its communities', async () => {
    await forget();
    const [sub] = await t.db.query<{ id: number; path: string }>('SELECT id, path FROM nodes WHERE id = (SELECT parent_id FROM nodes WHERE id = $1)', [community.id]);
    const s = await summary(admin, `?nodeId=${sub!.id}`);
    expect(comparable(s)).toEqual(await expected(sub!.path));
    expect(s.children.map((k) => k.kind)).toEqual(s.children.map(() => 'community'));
    expect(s.children.map((k) => k.id)).toContain(community.id);
    expect(s.breadcrumb.map((b) => b.kind)).toEqual(['county', 'subdistrict']);
  });

  it('drill-down respects scope: other communities answer 404; a branch sees only its compound', async () => {
    const community1 = await t.login('community1');
    expectError(await community1.get(`/api/cockpit/summary?nodeId=${other.id}`), 404, 'NOT_FOUND');
    const mine = await summary(community1);
    expect(mine.breadcrumb).toEqual([{ id: community.id, name: expect.any(String), kind: 'community' }]);
    const kids = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE parent_id = $1 AND active AND kind = 'compound' ORDER BY code", [community.id]);
    expect(mine.children.map((k) => k.id)).toEqual(kids.map((k) => k.id));
    const drilled = await summary(community1, `?nodeId=${compound.id}`);
    expect(drilled.breadcrumb.map((b) => b.id)).toEqual([community.id, compound.id]);

    const branch1 = await t.login('branch1');
    const b = await summary(branch1);
    expect(b.node.id).toBe(compound.id);
    expect(b.breadcrumb.map((x) => x.id)).toEqual([compound.id]);
    expect(b.roots.map((x) => x.id)).toEqual((await grantNodes(t.db, 'branch1')).map((g) => g.id));
    expect(b.children).toEqual([]);
    expectError(await branch1.get(`/api/cockpit/summary?nodeId=${community.id}`), 404, 'NOT_FOUND');
    const [sibling] = await t.db.query<{ id: number }>('SELECT id FROM nodes WHERE parent_id = $1 AND id <> ALL($2::int[]) AND kind = $3 LIMIT 1', [
      community.id,
      (await grantNodes(t.db, 'branch1')).map((g) => g.id),
      'compound',
    ]);
    expectError(await branch1.get(`/api/cockpit/summary?nodeId=${sibling!.id}`), 404, 'NOT_FOUND');
    expectError(await (await t.login('auditor')).get('/api/cockpit/summary'), 403, 'FORBIDDEN');
    expectError(await admin.get('/api/cockpit/summary?nodeId=abc'), 400, 'VALIDATION_FAILED');
  });

  it('snapshots: a fresh one is served as is; the job and a stale one recompute', async () => {
    await forget();
    const first = await summary(admin);
    await t.db.query("UPDATE tickets SET status = 'in_progress', outcome = NULL, closed_at = NULL WHERE code = 'XJ20991231-9004'");
    const cached = await summary(admin);
    expect(cached.computedAt).toBe(first.computedAt);
    expect(cached.tickets.open).toBe(first.tickets.open);
    expect(await refreshCockpitSnapshots(t.db)).toBe(await one("SELECT count(*)::int AS v FROM nodes WHERE active AND kind IN ('county','subdistrict','community')", []));
    const refreshed = await summary(admin);
    expect(refreshed.tickets.open).toBe(first.tickets.open + 1);
    expect(Date.parse(refreshed.computedAt)).toBeGreaterThan(Date.parse(first.computedAt));
    // Concurrent requests for a node without a snapshot share one computation.
    await forget();
    const together = await Promise.all([summary(admin), summary(admin), summary(admin)]);
    expect(new Set(together.map((x) => x.computedAt)).size).toBe(1);
    // A compound's snapshot is made on demand, and remade once older than the limit.
    await summary(admin, `?nodeId=${compound.id}`);
    await t.db.query("UPDATE cockpit_snapshots SET computed_at = computed_at - interval '11 minutes' WHERE node_id = $1", [compound.id]);
    const stale = await one<string>('SELECT computed_at::text AS v FROM cockpit_snapshots WHERE node_id = $1', [compound.id]);
    const again = await summary(admin, `?nodeId=${compound.id}`);
    expect(Date.parse(again.computedAt)).toBeGreaterThan(Date.parse(stale));
    expect(comparable(again)).toEqual(await expected(compound.path));
  });

  it('MAP_TILE_URL reaches the response (null when unset)', async () => {
    expect((await summary(admin)).mapTileUrl).toBeNull();
    const withMap = await startTestApp({ env: { MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' } });
    try {
      const s = await summary(await withMap.login('admin'));
      expect(s.mapTileUrl).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    } finally {
      await withMap.close();
    }
  });
});
