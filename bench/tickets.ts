// Closed-loop tickets at county scale (DESIGN.md §4): the demo seed topped up to 250,000 tickets
// over the last two years, each with its timeline, then the ticket list, search, detail, the
// commissioner's own list and the rates measured as admin (whole county), community1 (one
// community) and commissioner1 (its own tickets).
// Usage: npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:tickets -w bench
//        BENCH_SECONDS=10 (per endpoint), BENCH_KEEP_DB=1 keeps the database for EXPLAIN ANALYZE.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DeadlineUnit, Satisfaction, TicketEventKind, TicketPriority, TicketSource, TicketStatus } from '@xj/contracts';
import { bulk } from '../server/dist/seed/people-seed.js';
import { CONFIRM_COMMENTS, TICKET_CATEGORIES, TRANSFER_DEPARTMENTS } from '../server/dist/seed/tickets-data.js';
import { rng, SURNAMES } from '../server/dist/seed/xiajin-data.js';
import { addDays, chinaDateOf, deadlineFrom } from '../server/dist/modules/tickets/working-days.js';
import { loadCalendar } from '../server/dist/modules/tickets/working-days.repo.js';
import { DURATION, firstRow, login, pad, PERCENTILE_NOTE, runCases, say, seconds, seedDemo, serverEnv, startNode, table, withBenchDatabase, type Case } from './lib.js';

const SCALE = { tickets: 250_000, days: 730 };
// The seed's reporters are 1700777xxxx; the top-up takes 1702xxxxxxx, the same reserved test range
// (bench:county uses 1701xxxxxxx).
const PHONE_PREFIX = '1702';
// Hotline case numbers: the seed's run 12345-<day>-00001 …; the top-up's start at 100000, so they never meet.
const HOTLINE_SEQ_FROM = 100_000;
const BATCH = 10_000;
const APP_PORT = 3821;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const XIAJIN = { lat: 36.948, lng: 116.002 };

interface Category {
  id: number;
  code: string;
  deadline_amount: number;
  deadline_unit: DeadlineUnit;
  response_hours: number;
}
interface Place {
  nodeId: number;
  code: string;
  communityId: number;
  address: string;
}
interface Commissioner {
  id: number;
  community_id: number;
  user_id: number | null;
  name: string;
}
interface Step {
  kind: TicketEventKind;
  from: TicketStatus | null;
  to: TicketStatus;
  at: Date;
  actor: number | null;
  note: string | null;
  details: Record<string, unknown>;
}

/** A pg client as the server's `Queryable`, so that the seed's `bulk` and `loadCalendar` run on it. */
const queryable = (db: pg.Client) => ({
  query: async <T>(sql: string, params?: readonly unknown[]) => (await db.query(sql, params as unknown[])).rows as T[],
  exec: async (sql: string) => void (await db.query(sql)),
});

/**
 * Adds tickets until there are SCALE.tickets, reported over the last two years (a little more
 * each month, in China daytime hours), spread over the communities in proportion to their
 * stairwells, at a stairwell (55%), a compound (35%) or the community itself, from every channel
 * and category in the demo seed's proportions. Each lives the seed's workflow — automatic
 * assignment to one of its community's commissioners, acceptance (about 95% within the response
 * time), start, a transfer now and then, handling (about 92% on time), a reopening now and then,
 * confirmation with a rating, closure — cut off at the present, so the last weeks are open in
 * every status; of the last 90 days' tickets 2% are stuck (accepted or in progress, long
 * overdue), and a few of the last days' hotline cases still wait in the triage queue. Codes
 * continue each day's counter (and the counters are moved on). One INSERT … SELECT FROM unnest
 * per BATCH tickets and one for their timelines.
 */
async function loadTickets(db: pg.Client): Promise<void> {
  const t0 = performance.now();
  const q = queryable(db);
  const rand = rng(20260415);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const now = new Date();
  const today = chinaDateOf(now);
  const later = (at: Date, ms: number) => new Date(at.getTime() + Math.max(60_000, Math.round(ms)));
  const atChina = (day: string, hour: number, minute = 0) => new Date(`${day}T${pad(hour, 2)}:${pad(minute, 2)}:00+08:00`);

  const nodes = await q.query<{ id: number; kind: string; name: string; code: string; parent_id: number | null }>(
    "SELECT id, kind, name, code, parent_id FROM nodes WHERE kind IN ('subdistrict','community','compound','building','stairwell') AND active ORDER BY id",
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const subdistricts = nodes.filter((n) => n.kind === 'subdistrict');
  const communities = nodes.filter((n) => n.kind === 'community');
  const places = new Map<number, { compounds: Place[]; stairwells: Place[] }>(communities.map((c) => [c.id, { compounds: [], stairwells: [] }]));
  for (const n of nodes) {
    if (n.kind === 'compound') places.get(n.parent_id!)?.compounds.push({ nodeId: n.id, code: n.code, communityId: n.parent_id!, address: n.name });
    if (n.kind === 'stairwell') {
      const building = byId.get(n.parent_id!)!;
      const compound = byId.get(building.parent_id!)!;
      places.get(compound.parent_id!)?.stairwells.push({ nodeId: n.id, code: n.code, communityId: compound.parent_id!, address: `${compound.name}${building.name}${n.name}` });
    }
  }
  // Bigger communities report more: weighted by their stairwells (at least one share each).
  const communityWeights = communities.flatMap((c) => Array<typeof c>(Math.max(1, Math.round(places.get(c.id)!.stairwells.length / 10))).fill(c));
  const categories = await q.query<Category>('SELECT id, code, deadline_amount, deadline_unit, response_hours FROM ticket_categories WHERE active ORDER BY id');
  const weighted = categories.flatMap((c) => Array<Category>(TICKET_CATEGORIES[c.code]?.weight ?? 5).fill(c));
  const commissioners = await q.query<Commissioner>('SELECT c.id, c.community_id, c.user_id, p.name FROM commissioners c JOIN people p ON p.id = c.person_id ORDER BY c.id');
  const commissionersOf = new Map(communities.map((c) => [c.id, commissioners.filter((o) => o.community_id === c.id)]));
  const users = new Map((await q.query<{ id: number; username: string }>('SELECT id, username FROM users')).map((u) => [u.username, u.id]));
  const secretaryCommunity = (await q.query<{ node_id: number }>("SELECT g.node_id FROM grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'community1' LIMIT 1"))[0]?.node_id;
  const secretaryUser = (communityId: number) => (communityId === secretaryCommunity ? (users.get('community1') ?? null) : null);
  const [open311Key] = await q.query<{ id: number }>('SELECT id FROM open311_api_keys WHERE revoked_at IS NULL ORDER BY id LIMIT 1');
  const calendar = await loadCalendar(q, addDays(today, -SCALE.days - 10));
  const counters = new Map((await q.query<{ day: string; last: number }>("SELECT to_char(day, 'YYYY-MM-DD') AS day, last FROM ticket_code_counters")).map((r) => [r.day, r.last]));
  const { count: existing } = await firstRow<{ count: number }>(db, 'SELECT count(*)::int AS count FROM tickets');
  const total = SCALE.tickets - existing;
  say(`  demo seed: ${existing} tickets, ${communities.length} communities, ${commissioners.length} commissioners; adding ${total}`);

  // When: a little more each month (as the seed), China daytime; in order, so ids follow created_at.
  const reportedAt: number[] = [];
  while (reportedAt.length < total) {
    const back = Math.floor(rand() * SCALE.days);
    if (rand() > (0.8 + 0.4 * (1 - back / SCALE.days)) / 1.2) continue;
    const at = atChina(addDays(today, -back), between(7, 20), between(0, 59)).getTime() + between(0, 59) * 1000;
    if (at < now.getTime() - 10 * 60_000) reportedAt.push(at);
  }
  reportedAt.sort((a, b) => a - b);

  const deadlines = new Map<string, Date>();
  const deadlineOf = (at: Date, c: Category): Date => {
    const rule = { amount: c.deadline_amount, unit: c.deadline_unit };
    if (rule.unit === 'hours') return deadlineFrom(at, rule, calendar);
    const key = `${chinaDateOf(at)}/${rule.amount}`;
    return deadlines.get(key) ?? deadlines.set(key, deadlineFrom(at, rule, calendar)).get(key)!;
  };
  const iso = (x: Date | undefined | null) => (x ? x.toISOString() : null);
  let hotlineSeq = HOTLINE_SEQ_FROM;
  let events = 0;

  for (let start = 0; start < total; start += BATCH) {
    const ticketRows: unknown[][] = [];
    const timelines: Step[][] = [];
    const open311: boolean[] = [];
    for (let k = start; k < Math.min(total, start + BATCH); k++) {
      const at0 = new Date(reportedAt[k]!);
      const ageDays = (now.getTime() - at0.getTime()) / DAY;
      const r = rand();
      let source: TicketSource = r < 0.33 ? 'community_report' : r < 0.63 ? 'resident_report' : r < 0.89 ? 'hotline' : r < 0.95 ? 'reception_day' : 'open311';
      if (source === 'open311' && !open311Key) source = 'resident_report';
      const triage = source === 'hotline' && ageDays < 3 && rand() < 0.03;
      const community = pick(communityWeights);
      const category = pick(weighted);
      const texts = TICKET_CATEGORIES[category.code] ?? TICKET_CATEGORIES.other!;
      let place: Place;
      if (triage) {
        const sub = pick(subdistricts);
        place = { nodeId: sub.id, code: sub.code, communityId: 0, address: `${sub.name}${pick(['某小区', '银城路附近', '北环路附近'])}` };
      } else {
        const ps = places.get(community.id)!;
        const level = rand();
        place =
          level < 0.55 && ps.stairwells.length ? pick(ps.stairwells)
          : level < 0.9 && ps.compounds.length ? pick(ps.compounds)
          : { nodeId: community.id, code: community.code, communityId: community.id, address: `${community.name}${pick(['辖区主干道', '党群服务中心周边', '农贸市场周边'])}` };
      }
      const cs = triage ? [] : (commissionersOf.get(community.id) ?? []);
      const owner = cs.length ? pick(cs) : null;
      const withReporter = source !== 'community_report';
      const reporterPhone = withReporter ? `${PHONE_PREFIX}${pad(k, 7)}` : null;
      const priority: TicketPriority = category.code === 'safety' ? (rand() < 0.6 ? 'urgent' : 'high') : rand() < 0.85 ? 'normal' : rand() < 0.8 ? 'high' : 'urgent';
      const geo = (source === 'resident_report' || source === 'open311') && rand() < 0.7;
      const description = pick(texts.problems);
      const reportedBy = source === 'community_report' ? secretaryUser(place.communityId) : null;
      const deadline = deadlineOf(at0, category);
      const stop: TicketStatus | undefined = ageDays > 20 && ageDays < 90 && rand() < 0.02 ? (rand() < 0.3 ? 'accepted' : 'in_progress') : undefined;

      const reported: Record<string, unknown> = { source };
      let externalId: string | null = null;
      let contentHash: string | null = null;
      if (source === 'hotline') {
        externalId = `12345-${chinaDateOf(at0).replaceAll('-', '')}-${++hotlineSeq}`;
        const input = { externalId, content: description, category: category.code, address: place.address, ...(triage ? {} : { nodeCode: place.code }), reporterPhone, receivedAt: at0.toISOString() };
        contentHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
        Object.assign(reported, { externalId, receivedAt: at0.toISOString(), category: category.code, nodeCode: triage ? null : place.code, triage });
      }

      // The life of the ticket, as tickets-seed.ts lives it (without the reception days).
      const steps: Step[] = [];
      let status: TicketStatus = 'reported';
      let at = at0;
      const ownerUser = owner?.user_id ?? null;
      const secretary = secretaryUser(place.communityId);
      const push = (kind: TicketEventKind, to: TicketStatus, when: Date, actor: number | null, note: string | null = null, details: Record<string, unknown> = {}) => {
        at = when.getTime() > at.getTime() || steps.length === 0 ? when : later(at, 0);
        steps.push({ kind, from: steps.length === 0 ? null : status, to, at, actor, note, details });
        status = to;
        return stop === to;
      };
      // Each `push` returns true when the ticket stops there; the chain ends at the first true.
      const live = (): void => {
        if (push('reported', 'reported', at, reportedBy, null, reported) || !owner) return;
        if (push('assigned', 'assigned', new Date(at.getTime() + 1000), null, null, { commissionerId: owner.id, commissionerName: owner.name, automatic: true })) return;
        const limit = category.response_hours * HOUR;
        if (push('accepted', 'accepted', later(at, rand() < 0.955 ? limit * (0.02 + 0.9 * rand() ** 2) : limit * (1.05 + 1.5 * rand())), ownerUser)) return;
        if (push('started', 'in_progress', later(at, HOUR * (0.2 + 12 * rand())), ownerUser)) return;
        if (rand() < 0.1) push('transferred', status, later(at, HOUR * (1 + 20 * rand())), ownerUser, '需要相关部门配合办理', { department: pick(TRANSFER_DEPARTMENTS) });
        const onTime = rand() < 0.925 && deadline.getTime() > at.getTime() + HOUR;
        const handledAt = onTime ? later(at, (deadline.getTime() - at.getTime()) * (0.1 + 0.85 * rand() ** 1.3)) : later(new Date(Math.max(deadline.getTime(), at.getTime())), HOUR * (2 + 120 * rand()));
        const result = pick(texts.results);
        push('handled', 'handled', handledAt, ownerUser, result);
        if (rand() < 0.03) {
          push('reopened', 'in_progress', later(at, HOUR * (2 + 48 * rand())), secretary, '居民反映问题仍未解决', { resolved: false, satisfaction: 'unsatisfied' });
          push('handled', 'handled', later(at, DAY * (1 + 3 * rand())), ownerUser, result);
        }
        const s = rand();
        const unresolved = rand() < 0.03;
        const satisfaction: Satisfaction = unresolved ? (rand() < 0.6 ? 'unsatisfied' : 'basically_satisfied') : s < 0.78 ? 'satisfied' : s < 0.945 ? 'basically_satisfied' : 'unsatisfied';
        const comment = pick(unresolved ? CONFIRM_COMMENTS.unsatisfied : CONFIRM_COMMENTS[satisfaction]);
        const confirmAt = later(at, HOUR * (2 + 70 * rand()));
        if (unresolved) push('closed', 'closed', confirmAt, secretary, comment, { resolved: false, satisfaction });
        else {
          push('confirmed', 'confirmed', confirmAt, secretary, comment, { resolved: true, satisfaction });
          push('closed', 'closed', later(at, HOUR * (0.2 + 40 * rand())), secretary);
        }
      };
      live();
      // Stuck tickets end where they stopped; every other one is cut off at the present.
      const lived = steps.filter((st) => st.at.getTime() <= now.getTime() - 60_000);
      const last = (kind: TicketEventKind) => [...lived].reverse().find((st) => st.kind === kind);
      const final = lived.at(-1)!;
      const closed = last('closed');
      const rated = [...lived].reverse().find((st) => st.kind === 'confirmed' || (st.kind === 'closed' && st.details.resolved === false));
      // Counters continue each day's numbering after the seed's.
      const day = chinaDateOf(at0);
      const n = (counters.get(day) ?? 0) + 1;
      counters.set(day, n);
      ticketRows.push([
        `XJ${day.replaceAll('-', '')}-${pad(n, 4)}`, source, category.id, place.nodeId, place.address,
        geo ? Number((XIAJIN.lat + (rand() - 0.5) * 0.06).toFixed(6)) : null, geo ? Number((XIAJIN.lng + (rand() - 0.5) * 0.06).toFixed(6)) : null,
        description, withReporter && source !== 'hotline' ? `${pick(SURNAMES)}${pick(['先生', '女士', '大爷', '阿姨'])}` : null, reporterPhone, priority,
        final.to, final.to === 'reported' ? null : (owner?.id ?? null), reportedBy, iso(deadline),
        iso(last('assigned')?.at), iso(last('accepted')?.at), iso(last('handled')?.at), iso(rated?.at), iso(closed?.at),
        closed ? (closed.details.resolved === false ? 'closed_unresolved' : 'closed_resolved') : null,
        (rated?.details.satisfaction as string | undefined) ?? null, last('handled')?.note ?? null, rated?.note ?? null,
        iso(at0), iso(final.at), externalId, contentHash,
      ]);
      timelines.push(lived);
      open311.push(source === 'open311');
    }
    const ids = await bulk(
      q,
      'tickets',
      ['code', 'source', 'category_id', 'node_id', 'address', 'lat', 'lng', 'description', 'reporter_name', 'reporter_phone', 'priority', 'status', 'owner_id',
        'reported_by', 'deadline', 'assigned_at', 'accepted_at', 'handled_at', 'confirmed_at', 'closed_at', 'outcome', 'satisfaction', 'result_note',
        'confirmation_note', 'created_at', 'updated_at', 'external_id', 'content_hash'],
      ['text', 'text', 'int', 'int', 'text', 'float8', 'float8', 'text', 'text', 'text', 'text', 'text', 'int',
        'int', 'timestamptz', 'timestamptz', 'timestamptz', 'timestamptz', 'timestamptz', 'timestamptz', 'text', 'text', 'text',
        'text', 'timestamptz', 'timestamptz', 'text', 'text'],
      ticketRows,
      'RETURNING id',
    );
    const eventRows = timelines.flatMap((steps, i) => steps.map((s) => [ids[i]!.id, s.kind, s.from, s.to, s.actor, s.note, JSON.stringify(s.details), iso(s.at)]));
    await bulk(q, 'ticket_events', ['ticket_id', 'kind', 'from_status', 'to_status', 'actor_user_id', 'note', 'details', 'at'], ['int', 'text', 'text', 'text', 'int', 'text', 'text>jsonb', 'timestamptz'], eventRows);
    if (open311Key) {
      const filed = ids.flatMap((r, i) => (open311[i] ? [[r.id, Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join(''), open311Key.id]] : []));
      await bulk(q, 'open311_requests', ['ticket_id', 'token', 'api_key_id'], ['int', 'text', 'int'], filed);
    }
    events += eventRows.length;
    say(`  tickets ${pad(start + ticketRows.length, 6)}/${total}  (+${eventRows.length} events)  ${seconds(t0)}`);
  }
  await db.query(
    `INSERT INTO ticket_code_counters (day, last) SELECT * FROM unnest($1::date[], $2::int[])
     ON CONFLICT (day) DO UPDATE SET last = excluded.last`,
    [[...counters.keys()], [...counters.values()]],
  );
  // Two years of tickets are mostly settled: vacuumed, so the visibility map is set (as autovacuum
  // would have it; it may be off on a benchmark server) and index-only scans can skip the heap.
  await db.query('VACUUM ANALYZE');
  const { rows } = await db.query<{ status: string; n: number; overdue: number }>(
    "SELECT status, count(*)::int AS n, count(*) FILTER (WHERE deadline < now() AND status <> 'closed')::int AS overdue FROM tickets GROUP BY status ORDER BY n DESC",
  );
  const [after] = (await db.query<{ tickets: number; events: number }>('SELECT (SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM ticket_events) AS events')).rows;
  say(`  loaded, vacuumed and analysed in ${seconds(t0)}: ${after!.tickets} tickets, ${after!.events} events (+${events})`);
  say(`  by status: ${rows.map((r) => `${r.status} ${r.n}${r.overdue ? ` (${r.overdue} overdue)` : ''}`).join(', ')}`);
}

/** The endpoints and their arguments, chosen from the loaded data (a code and a closed ticket of community1's community). */
async function casesFor(db: pg.Client): Promise<Case[]> {
  const one = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => firstRow<R>(db, sql, params);
  const { path: home } = await one<{ path: string }>(
    "SELECT n.path FROM grants g JOIN users u ON u.id = g.user_id JOIN nodes n ON n.id = g.node_id WHERE u.username = 'community1' LIMIT 1",
  );
  // A closed ticket of the last month in community1's community, with the full chain on its timeline.
  const ticket = await one<{ id: number; code: string; events: number }>(
    `SELECT t.id, t.code, (SELECT count(*)::int FROM ticket_events e WHERE e.ticket_id = t.id) AS events
       FROM tickets t JOIN nodes n ON n.id = t.node_id
      WHERE n.path LIKE $1 AND t.status = 'closed' AND t.created_at > now() - interval '30 days'
      ORDER BY t.created_at DESC LIMIT 1`,
    [`${home}%`],
  );
  const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
  const month = addDays(today, -29);
  // The rates page's default period: the last twelve months, this one included, from the 1st.
  const yearFrom = (() => {
    const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - 11);
    return d.toISOString().slice(0, 10);
  })();
  const fragment = '电梯'; // two characters, in "电梯多次故障停运，物业维修不及时" (property)
  const longFragment = '化粪池堵塞'; // five characters (sanitation)
  const q = encodeURIComponent;
  const as = (users: string[], name: string, path: string, target: Case['target']): Case[] => users.map((user) => ({ name, user, path, target }));
  const both = ['admin', 'community1'];
  return [
    ...as([...both, 'commissioner1'], 'GET /api/tickets?page=1&pageSize=20', '/api/tickets?page=1&pageSize=20', 'list'),
    ...as(both, 'GET /api/tickets?status=in_progress', '/api/tickets?status=in_progress', 'list'),
    ...as(both, 'GET /api/tickets?status=closed', '/api/tickets?status=closed', 'list'),
    ...as(both, 'GET /api/tickets?overdue=true&sort=deadline', '/api/tickets?overdue=true&sort=deadline', 'list'),
    ...as(both, 'GET /api/tickets?q=<code>', `/api/tickets?q=${ticket.code.toLowerCase()}`, 'search'),
    ...as(both, `GET /api/tickets?q=${fragment}`, `/api/tickets?q=${q(fragment)}`, 'search'),
    ...as(both, `GET /api/tickets?q=${longFragment}`, `/api/tickets?q=${q(longFragment)}`, 'search'),
    ...as(both, `GET /api/tickets/<id> (${ticket.events} events)`, `/api/tickets/${ticket.id}`, 'detail'),
    ...as(['commissioner1'], 'GET /api/tickets?mine=true&open=true&sort=deadline&pageSize=200', '/api/tickets?mine=true&open=true&sort=deadline&pageSize=200', 'list'),
    ...as(['commissioner1'], 'GET /api/tickets?mine=true', '/api/tickets?mine=true', 'list'),
    ...as(both, 'GET /api/tickets/rates?groupBy=community, 30 days', `/api/tickets/rates?groupBy=community&from=${month}&to=${today}`, 'cockpit'),
    ...as(both, 'GET /api/tickets/rates?groupBy=community, 12 months', `/api/tickets/rates?groupBy=community&from=${yearFrom}&to=${today}`, 'cockpit'),
    ...as(both, 'GET /api/tickets/rates?groupBy=month, 12 months', `/api/tickets/rates?groupBy=month&from=${yearFrom}&to=${today}`, 'cockpit'),
    ...as(['community1'], 'GET /api/tickets/rates?groupBy=commissioner, 12 months', `/api/tickets/rates?groupBy=commissioner&from=${yearFrom}&to=${today}`, 'cockpit'),
  ];
}

await withBenchDatabase(`xj_bench_tickets_${process.pid}`, async ({ url, db, children }) => {
  say('[1/3] demo seed (built server on an empty database)');
  await seedDemo(url, APP_PORT);

  say('[2/3] county scale: tickets');
  await loadTickets(db);
  const cases = await casesFor(db);

  say(`[3/3] autocannon, 10 connections, ${DURATION} s per endpoint`);
  const t0 = performance.now();
  children.push(await startNode(['server/dist/main.js'], APP_PORT, serverEnv(url)));
  const cookies: Record<string, string> = {};
  for (const user of ['admin', 'community1', 'commissioner1']) cookies[user] = await login(APP_PORT, user);
  const rows = await runCases(cases, { port: APP_PORT, cookies });
  console.log(`\n${table(rows)}\n`);
  console.log(PERCENTILE_NOTE);
  say(`measured in ${seconds(t0)}`);
});
