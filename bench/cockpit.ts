// The cockpit at county scale (DESIGN.md §4: p95 ≤ 50 ms with 250,000 tickets and 2,000,000 points
// entries): the demo seed topped up in SQL, then GET /api/cockpit/summary measured as admin (county,
// and a community by ?nodeId=), community1 and branch1, after one cold computation per node (timed
// on its own: that is what the snapshot job and an on-demand refresh cost).
// Usage: npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:cockpit -w bench
//        BENCH_SECONDS=10 (per endpoint), BENCH_KEEP_DB=1 keeps the database for EXPLAIN ANALYZE.
import pg from 'pg';
import { DURATION, firstRow, login, PERCENTILE_NOTE, runCases, say, seconds, seedDemo, serverEnv, startNode, table, withBenchDatabase, type Case } from './lib.js';

const SCALE = { tickets: 250_000, points: 2_000_000, days: 730 };
const APP_PORT = 3831;
const BATCH = 250_000;

/**
 * Tickets up to 250,000 over the last two years on the demo's compounds and stairwells: most closed
 * (resolved, rated), the last weeks open in every status, some overdue. Codes use the fixed day
 * 19990101, which the seed never does. No timeline rows: the rates fall back to `accepted_at`.
 */
async function loadTickets(db: pg.Client): Promise<void> {
  const t0 = performance.now();
  const { n: have } = await firstRow<{ n: number }>(db, 'SELECT count(*)::int AS n FROM tickets');
  const add = SCALE.tickets - have;
  await db.query(
    `WITH places AS (SELECT array_agg(n.id ORDER BY n.id) AS ids FROM nodes n WHERE n.kind IN ('compound','stairwell') AND n.active),
          owners AS (SELECT c.community_id, array_agg(c.id ORDER BY c.id) AS ids FROM commissioners c GROUP BY c.community_id),
          g AS (SELECT i, now() - ((i::float8 / $1) * $2 * interval '1 day') - (i % 9) * interval '1 hour' AS at FROM generate_series(1, $1::int) i)
     INSERT INTO tickets (code, source, category_id, node_id, description, status, owner_id, deadline, accepted_at, handled_at, confirmed_at, closed_at, outcome, satisfaction, created_at)
     SELECT 'XJ19990101-' || lpad(g.i::text, 6, '0'), 'community_report', 1 + g.i % 6, x.node_id, '县级规模测试工单',
            s.status, o.ids[1 + g.i % cardinality(o.ids)], g.at + interval '5 days',
            CASE WHEN s.status <> 'assigned' THEN g.at + (g.i % 30) * interval '1 hour' END,
            CASE WHEN s.status IN ('handled','confirmed','closed') THEN g.at + (2 + g.i % 5) * interval '1 day' END,
            CASE WHEN s.status IN ('confirmed','closed') THEN g.at + (3 + g.i % 5) * interval '1 day' END,
            CASE WHEN s.status = 'closed' THEN g.at + (3 + g.i % 5) * interval '1 day' END,
            CASE WHEN s.status = 'closed' THEN CASE WHEN g.i % 33 = 0 THEN 'closed_unresolved' ELSE 'closed_resolved' END END,
            CASE WHEN s.status IN ('confirmed','closed') THEN (ARRAY['satisfied','satisfied','basically_satisfied','unsatisfied'])[1 + g.i % 4] END,
            g.at
       FROM g CROSS JOIN places p
       CROSS JOIN LATERAL (SELECT p.ids[(1 + (g.i::bigint * 7919) % cardinality(p.ids))::int] AS node_id) x
       JOIN nodes n ON n.id = x.node_id
       JOIN owners o ON o.community_id = split_part(n.path, '/', 4)::int
       CROSS JOIN LATERAL (SELECT CASE
            WHEN g.at < now() - interval '20 days' THEN 'closed'
            ELSE (ARRAY['assigned','accepted','in_progress','handled','confirmed','closed'])[1 + g.i % 6] END AS status) s`,
    [add, SCALE.days],
  );
  const { n: now } = await firstRow<{ n: number }>(db, 'SELECT count(*)::int AS n FROM tickets');
  say(`  tickets: ${now.toLocaleString()} (+${add.toLocaleString()} asked) in ${seconds(t0)}`);
}

/** Points entries up to 2,000,000 (earnings of the registry's people over two years), in batches. */
async function loadPoints(db: pg.Client): Promise<void> {
  const t0 = performance.now();
  const { n: have } = await firstRow<{ n: number }>(db, 'SELECT count(*)::int AS n FROM point_entries');
  const add = SCALE.points - have;
  for (let from = 0; from < add; from += BATCH) {
    const size = Math.min(BATCH, add - from);
    await db.query(
      `WITH people_ids AS (SELECT array_agg(id ORDER BY id) AS ids FROM people)
       INSERT INTO point_entries (person_id, kind, delta, balance_after, rule_code, source_type, source_id, created_at)
       SELECT p.ids[(1 + (i::bigint * 104729) % cardinality(p.ids))::int], 'earn', 1 + i % 20, 1000, 'meeting_attendance', 'other', 50000000 + i,
              now() - ((i::float8 / $3) * $4 * interval '1 day')
         FROM generate_series($1::int, $2::int) i CROSS JOIN people_ids p`,
      [from + 1, from + size, add, SCALE.days],
    );
  }
  const { n: now } = await firstRow<{ n: number }>(db, 'SELECT count(*)::int AS n FROM point_entries');
  say(`  points entries: ${now.toLocaleString()} in ${seconds(t0)}`);
}

async function casesFor(db: pg.Client): Promise<Case[]> {
  const { id: community } = await firstRow<{ id: number }>(
    db,
    "SELECT n.id FROM grants g JOIN users u ON u.id = g.user_id JOIN nodes n ON n.id = g.node_id WHERE u.username = 'community1' LIMIT 1",
  );
  const as = (user: string, name: string, path: string): Case => ({ name, user, path, target: 'cockpit' });
  return [
    as('admin', 'GET /api/cockpit/summary (county)', '/api/cockpit/summary'),
    as('admin', 'GET /api/cockpit/summary?nodeId=<community>', `/api/cockpit/summary?nodeId=${community}`),
    as('community1', 'GET /api/cockpit/summary (its community)', '/api/cockpit/summary'),
    as('branch1', 'GET /api/cockpit/summary (its compound)', '/api/cockpit/summary'),
  ];
}

await withBenchDatabase(`xj_bench_cockpit_${process.pid}`, async ({ url, db, children }) => {
  say('[1/4] demo seed (built server on an empty database)');
  await seedDemo(url, APP_PORT);

  say('[2/4] county scale: tickets and points entries');
  await loadTickets(db);
  await loadPoints(db);
  let t0 = performance.now();
  await db.query('VACUUM ANALYZE');
  say(`  VACUUM ANALYZE in ${seconds(t0)}`);
  const cases = await casesFor(db);

  children.push(await startNode(['server/dist/main.js'], APP_PORT, serverEnv(url)));
  const cookies: Record<string, string> = {};
  for (const user of ['admin', 'community1', 'branch1']) cookies[user] = await login(APP_PORT, user);

  say('[3/4] cold: each node computed once without a snapshot (what the job and an on-demand refresh cost)');
  await db.query('DELETE FROM cockpit_snapshots');
  for (const c of cases) {
    t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${APP_PORT}${c.path}`, { headers: { cookie: cookies[c.user]! } });
    await res.text();
    say(`  ${c.name} as ${c.user}: HTTP ${res.status}, ${(performance.now() - t0).toFixed(0)} ms`);
  }

  say(`[4/4] autocannon from the snapshots, 10 connections, ${DURATION} s per endpoint`);
  t0 = performance.now();
  const rows = await runCases(cases, { port: APP_PORT, cookies });
  console.log(`\n${table(rows)}\n`);
  console.log(PERCENTILE_NOTE);
  say(`measured in ${seconds(t0)}`);
});
