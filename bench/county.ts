// The people registry, one-click query and headline figures at county scale (DESIGN.md §4):
// the demo seed topped up to 200,000 residents and 15,000 party members, then every read
// endpoint measured as admin (whole county) and as branch1 (its compounds).
// Usage: npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:county -w bench
//        BENCH_SECONDS=10 (per endpoint), BENCH_KEEP_DB=1 keeps the database for EXPLAIN ANALYZE.
import pg from 'pg';
import { idCheckChar, isValidIdNumber, isValidPhone } from '@xj/contracts';
import { WORKPLACE_ORGS } from '../server/dist/seed/people-data.js';
import { GIVEN, rng, SURNAMES } from '../server/dist/seed/xiajin-data.js';
import { DURATION, firstRow, login, pad, PERCENTILE_NOTE, runCases, say, seconds, seedDemo, serverEnv, startNode, table, withBenchDatabase, type Case } from './lib.js';

const SCALE = { people: 200_000, partyMembers: 15_000 };
// The demo seed's fictitious region (people-seed.ts): valid check character, no real person.
const FAKE_REGION = '379900';
// The seed's phones are 1700xxxxxxx; the county top-up takes 1701xxxxxxx, the same reserved test range.
const PHONE_PREFIX = '1701';
const BATCH = 20_000;
const APP_PORT = 3811;
const BASELINE_PORT = 3812;

/**
 * Adds fictitious residents (spread evenly over the county's stairwells) until the registry
 * holds SCALE.people, and makes some of them party members of their compound's branch until
 * there are SCALE.partyMembers. One multi-row INSERT … SELECT FROM unnest per batch.
 */
async function loadCountyScale(db: pg.Client): Promise<void> {
  const t0 = performance.now();
  const rand = rng(20260101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const { rows: stairwells } = await db.query<{ id: number; compound_id: number }>(
    `SELECT id, split_part(path, '/', 5)::int AS compound_id FROM nodes WHERE kind = 'stairwell' AND active ORDER BY id`,
  );
  const { rows: branches } = await db.query<{ compound_id: number; branch_id: number }>('SELECT compound_id, branch_id FROM branch_compounds');
  const branchOf = new Map(branches.map((b) => [b.compound_id, b.branch_id]));
  const [counts] = (await db.query<{ people: number; members: number }>('SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM party_members) AS members')).rows;
  const taken = new Set((await db.query<{ id_number: string }>('SELECT id_number FROM people WHERE id_number IS NOT NULL')).rows.map((r) => r.id_number));
  const newPeople = SCALE.people - counts!.people;
  let membersLeft = SCALE.partyMembers - counts!.members;
  say(`  demo seed: ${counts!.people} people, ${counts!.members} party members, ${stairwells.length} stairwells; adding ${newPeople} people, ${membersLeft} party members`);

  const day0 = Date.UTC(1935, 0, 1);
  const days = Math.floor((Date.UTC(2015, 11, 31) - day0) / 86_400_000);
  const people = Array.from({ length: newPeople }, (_, k) => {
    const male = rand() < 0.5;
    const birth = new Date(day0 + Math.floor(rand() * days) * 86_400_000).toISOString().slice(0, 10);
    let idNumber = '';
    do {
      // Sequence digits: odd for men, even for women (GB 11643), drawn again on a clash.
      const first17 = `${FAKE_REGION}${birth.replace(/-/g, '')}${pad(Math.floor(rand() * 500) * 2 + (male ? 1 : 0), 3)}`;
      idNumber = first17 + idCheckChar(first17);
    } while (taken.has(idNumber));
    taken.add(idNumber);
    const stairwell = stairwells[Math.floor((k * stairwells.length) / newPeople)]!;
    return { name: pick(SURNAMES) + pick(GIVEN), gender: male ? 'male' : 'female', birth, phone: `${PHONE_PREFIX}${pad(k, 7)}`, idNumber, stairwell };
  });
  for (const p of people.slice(0, 1000)) {
    if (!isValidIdNumber(p.idNumber) || !isValidPhone(p.phone)) throw new Error(`generated an invalid person: ${JSON.stringify(p)}`);
  }

  // Members among adults (born by 2005) whose compound has a branch, drawn evenly over the list.
  let eligibleLeft = people.filter((p) => p.birth < '2006' && branchOf.has(p.stairwell.compound_id)).length;
  for (let start = 0; start < people.length; start += BATCH) {
    const batch = people.slice(start, start + BATCH);
    const { rows: ids } = await db.query<{ id: number }>(
      `INSERT INTO people (name, gender, birth_date, phone, id_number, node_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::int[]) RETURNING id`,
      [batch.map((p) => p.name), batch.map((p) => p.gender), batch.map((p) => p.birth), batch.map((p) => p.phone), batch.map((p) => p.idNumber), batch.map((p) => p.stairwell.id)],
    );
    const members: unknown[][] = [];
    batch.forEach((p, i) => {
      if (!(p.birth < '2006' && branchOf.has(p.stairwell.compound_id))) return;
      if (membersLeft > 0 && rand() < membersLeft / eligibleLeft) {
        const dual = rand() < 0.2;
        const joined = `${Number(p.birth.slice(0, 4)) + 18 + Math.floor(rand() * 8)}-${p.birth.slice(5, 7)}-01`;
        const compound = p.stairwell.compound_id;
        members.push([ids[i]!.id, rand() < 0.95 ? 'full' : 'probationary', joined < '2026' ? joined : '2025-07-01', branchOf.get(compound), dual ? 'dual' : 'direct', dual ? pick(WORKPLACE_ORGS) : null, compound]);
        membersLeft--;
      }
      eligibleLeft--;
    });
    await db.query(
      `INSERT INTO party_members (person_id, status, joined_date, branch_id, management, workplace_org, node_id)
       SELECT * FROM unnest($1::int[], $2::text[], $3::date[], $4::int[], $5::text[], $6::text[], $7::int[])`,
      [0, 1, 2, 3, 4, 5, 6].map((c) => members.map((m) => m[c])),
    );
    say(`  people ${pad(start + batch.length, 6)}/${newPeople}  (+${members.length} party members)  ${seconds(t0)}`);
  }
  await db.query('ANALYZE');
  const [after] = (await db.query<{ people: number; members: number }>('SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM party_members) AS members')).rows;
  say(`  loaded and analysed in ${seconds(t0)}: ${after!.people} people, ${after!.members} party members`);
}

/** The endpoints and their arguments, chosen from the loaded data (common surname, branch1's residents). */
async function casesFor(db: pg.Client): Promise<Case[]> {
  const one = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => firstRow<R>(db, sql, params);
  const { surname } = await one<{ surname: string }>('SELECT left(name, 1) AS surname FROM people GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
  const { community } = await one<{ community: number }>("SELECT id AS community FROM nodes WHERE kind = 'community' ORDER BY code LIMIT 1");
  // A resident of branch1's first compound, with a two-character given name, is found by both users.
  const resident = await one<{ id: number; name: string; phone: string }>(
    `SELECT p.id, p.name, p.phone FROM people p JOIN nodes n ON n.id = p.node_id
      WHERE n.path LIKE (SELECT c.path || '%' FROM grants g JOIN users u ON u.id = g.user_id JOIN nodes c ON c.id = g.node_id
                          WHERE u.username = 'branch1' ORDER BY c.code LIMIT 1)
        AND length(p.name) = 3 AND p.phone IS NOT NULL ORDER BY p.id LIMIT 1`,
  );
  const last4 = resident.phone.slice(-4);
  const fragment = resident.name.slice(1);
  const q = encodeURIComponent;
  const both = (name: string, path: string, target: Case['target']): Case[] => [
    { name, user: 'admin', path, target },
    { name, user: 'branch1', path, target },
  ];
  return [
    ...both('GET /api/people?page=1&pageSize=20', '/api/people?page=1&pageSize=20', 'list'),
    { name: 'baseline Fastify + pg, same query', user: 'baseline', path: '/baseline/people', target: 'list', yardstick: true, port: BASELINE_PORT },
    ...both(`GET /api/people?q=${surname}`, `/api/people?q=${q(surname)}`, 'list'),
    { name: 'GET /api/people?nodeId=<community>', user: 'admin', path: `/api/people?nodeId=${community}`, target: 'list' },
    ...both('GET /api/people/<id>', `/api/people/${resident.id}`, 'detail'),
    ...both(`GET /api/search?q=${last4} (phone)`, `/api/search?q=${last4}`, 'search'),
    ...both(`GET /api/search?q=${fragment} (name)`, `/api/search?q=${q(fragment)}`, 'search'),
    ...both('GET /api/stats/headline', '/api/stats/headline', 'cockpit'),
    ...both('GET /api/cockpit/summary', '/api/cockpit/summary', 'cockpit'),
    ...both('GET /api/party-members?page=1', '/api/party-members?page=1', 'list'),
    ...both('GET /api/stewards?page=1', '/api/stewards?page=1', 'list'),
  ];
}

await withBenchDatabase(`xj_bench_county_${process.pid}`, async ({ url, db, children }) => {
  say('[1/3] demo seed (built server on an empty database)');
  await seedDemo(url, APP_PORT);

  say('[2/3] county scale');
  await loadCountyScale(db);
  const cases = await casesFor(db);

  say(`[3/3] autocannon, 10 connections, ${DURATION} s per endpoint`);
  const t0 = performance.now();
  children.push(await startNode(['server/dist/main.js'], APP_PORT, serverEnv(url)));
  children.push(await startNode(['--import', 'tsx', 'bench/baseline-server.ts'], BASELINE_PORT, { DATABASE_URL: url }));
  const cookies = { admin: await login(APP_PORT, 'admin'), branch1: await login(APP_PORT, 'branch1') };
  const rows = await runCases(cases, { port: APP_PORT, cookies });
  console.log(`\n${table(rows)}\n`);
  const rate = (user: string, path: string) => rows.find((r) => r.c.user === user && r.c.path === path)?.m?.result.requests.average;
  const app = rate('admin', '/api/people?page=1&pageSize=20');
  const baseline = rate('baseline', '/baseline/people');
  if (app && baseline) console.log(`GET /api/people as admin: ${((app / baseline) * 100).toFixed(0)}% of the baseline's throughput (target ≥ 60%)`);
  console.log(PERCENTILE_NOTE);
  say(`measured in ${seconds(t0)}`);
});
