import type { Queryable } from '../../platform/db.js';

/**
 * The cockpit's SQL. Every query counts what lies in the subtree of one node (`path LIKE $1`, the
 * node's path followed by %); the per-child queries attribute each row to the child on its path
 * (`split_part(path, '/', depth + 3)`), as the headline figures do.
 */

export interface KindCount {
  kind: string;
  compound_kind: string | null;
  n: number;
}

export function countNodesByKind(q: Queryable, pattern: string): Promise<KindCount[]> {
  return q.query(`SELECT kind, compound_kind, count(*)::int AS n FROM nodes WHERE path LIKE $1 AND active GROUP BY kind, compound_kind`, [pattern]);
}

export async function countBranches(q: Queryable, pattern: string): Promise<{ total: number; joint: number }> {
  const [row] = await q.query<{ total: number; joint: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE p.branch_mode = 'joint')::int AS joint
       FROM party_orgs p WHERE p.kind = 'branch' AND p.active AND EXISTS (
         SELECT 1 FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id WHERE bc.branch_id = p.id AND c.path LIKE $1)`,
    [pattern],
  );
  return row ?? { total: 0, joint: 0 };
}

/** People in the registry, active stations and service rooms. */
export async function registryCounts(q: Queryable, pattern: string): Promise<{ people: number; stations: number; service_rooms: number }> {
  const [row] = await q.query<{ people: number; stations: number; service_rooms: number }>(
    `SELECT (SELECT count(*)::int FROM people p JOIN nodes n ON n.id = p.node_id WHERE n.path LIKE $1) AS people,
            (SELECT count(*)::int FROM red_stations s JOIN nodes n ON n.id = s.node_id WHERE s.active AND n.path LIKE $1) AS stations,
            (SELECT count(*)::int FROM service_rooms r JOIN nodes n ON n.id = r.node_id WHERE r.active AND n.path LIKE $1) AS service_rooms`,
    [pattern],
  );
  return row!;
}

/** Open and overdue now (overdue as the ticket list derives it), received and closed in [monthStart, now). */
export async function ticketCounts(
  q: Queryable,
  pattern: string,
  monthStart: string,
): Promise<{ open: number; overdue: number; received: number; closed: number }> {
  const [row] = await q.query<{ open: number; overdue: number; received: number; closed: number }>(
    `SELECT count(*) FILTER (WHERE t.status <> 'closed')::int AS open,
            count(*) FILTER (WHERE t.status <> 'closed' AND t.deadline < now())::int AS overdue,
            count(*) FILTER (WHERE t.created_at >= $2)::int AS received,
            count(*) FILTER (WHERE t.closed_at >= $2)::int AS closed
       FROM tickets t JOIN nodes n ON n.id = t.node_id
      WHERE n.path LIKE $1 AND (t.status <> 'closed' OR t.created_at >= $2 OR t.closed_at >= $2)`,
    [pattern, monthStart],
  );
  return row!;
}

const chinaMonth = (column: string) => `to_char((${column} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;

/** Tickets reported per China month and closed per China month, from `from` on. */
export async function ticketTrend(q: Queryable, pattern: string, from: string): Promise<{ month: string; received: number; closed: number }[]> {
  return q.query(
    `SELECT month, sum(received)::int AS received, sum(closed)::int AS closed FROM (
       SELECT ${chinaMonth('t.created_at')} AS month, count(*) AS received, 0 AS closed
         FROM tickets t JOIN nodes n ON n.id = t.node_id WHERE n.path LIKE $1 AND t.created_at >= $2 GROUP BY 1
       UNION ALL
       SELECT ${chinaMonth('t.closed_at')}, 0, count(*)
         FROM tickets t JOIN nodes n ON n.id = t.node_id WHERE n.path LIKE $1 AND t.closed_at >= $2 GROUP BY 1
     ) x GROUP BY month ORDER BY month`,
    [pattern, from],
  );
}

/** Per child: open, overdue, and the satisfaction counts over tickets reported from `from` on. */
export function ticketsByChild(
  q: Queryable,
  pattern: string,
  depth: number,
  from: string,
): Promise<{ child: number; open: number; overdue: number; rated: number; satisfied: number }[]> {
  return q.query(
    `SELECT split_part(n.path, '/', $2::int + 3)::int AS child,
            count(*) FILTER (WHERE t.status <> 'closed')::int AS open,
            count(*) FILTER (WHERE t.status <> 'closed' AND t.deadline < now())::int AS overdue,
            count(*) FILTER (WHERE t.created_at >= $3 AND t.satisfaction IS NOT NULL)::int AS rated,
            count(*) FILTER (WHERE t.created_at >= $3 AND t.satisfaction IN ('satisfied','basically_satisfied'))::int AS satisfied
       FROM tickets t JOIN nodes n ON n.id = t.node_id
      WHERE n.path LIKE $1 AND n.depth > $2 AND (t.status <> 'closed' OR t.created_at >= $3)
      GROUP BY 1`,
    [pattern, depth, from],
  );
}

export interface GradeRow {
  child: number | null;
  compounds: number;
  red: number;
  green: number;
  yellow: number;
  grey: number;
  unrated: number;
}

/**
 * Active compounds by the grade of their latest published rating; per child of a node at `depth`
 * when given, else one row for the whole subtree.
 */
export function gradeCounts(q: Queryable, pattern: string, depth: number | null): Promise<GradeRow[]> {
  const child = depth === null ? 'NULL::int' : `split_part(c.path, '/', ${Number(depth) + 3})::int`;
  return q.query(
    `WITH latest AS (
       SELECT DISTINCT ON (r.compound_id) r.compound_id, r.grade
         FROM property_ratings r JOIN nodes c ON c.id = r.compound_id
        WHERE r.status = 'published' AND c.path LIKE $1
        ORDER BY r.compound_id, r.published_at DESC, r.id DESC
     )
     SELECT ${child} AS child, count(*)::int AS compounds,
            count(*) FILTER (WHERE l.grade = 'red')::int AS red,
            count(*) FILTER (WHERE l.grade = 'green')::int AS green,
            count(*) FILTER (WHERE l.grade = 'yellow')::int AS yellow,
            count(*) FILTER (WHERE l.grade = 'grey')::int AS grey,
            count(*) FILTER (WHERE l.grade IS NULL)::int AS unrated
       FROM nodes c LEFT JOIN latest l ON l.compound_id = c.id
      WHERE c.kind = 'compound' AND c.active AND c.path LIKE $1 ${depth === null ? '' : `AND c.depth > ${Number(depth)}`}
      GROUP BY 1`,
    [pattern],
  );
}

export function childrenOf(q: Queryable, parentId: number): Promise<{ id: number; name: string; kind: string }[]> {
  return q.query(
    "SELECT id, name, kind FROM nodes WHERE parent_id = $1 AND active AND kind IN ('subdistrict','community','compound') ORDER BY code",
    [parentId],
  );
}

/** Volunteer hours and volunteers checked out in [from, to) at activities in the subtree; points earned and redeemed. */
export async function volunteering(
  q: Queryable,
  pattern: string,
  from: string,
  to: string,
): Promise<{ hours: number; volunteers: number; issued: number; redeemed: number }> {
  const [row] = await q.query<{ hours: number; volunteers: number; issued: number; redeemed: number }>(
    `SELECT (SELECT coalesce(sum(s.hours), 0)::float8 FROM volunteer_signups s JOIN volunteer_activities a ON a.id = s.activity_id JOIN nodes n ON n.id = a.node_id
              WHERE s.checked_out_at >= $2 AND s.checked_out_at < $3 AND n.path LIKE $1) AS hours,
            (SELECT count(DISTINCT s.resident_id)::int FROM volunteer_signups s JOIN volunteer_activities a ON a.id = s.activity_id JOIN nodes n ON n.id = a.node_id
              WHERE s.checked_out_at >= $2 AND s.checked_out_at < $3 AND n.path LIKE $1) AS volunteers,
            (SELECT coalesce(sum(e.delta), 0)::int FROM point_entries e JOIN people p ON p.id = e.person_id JOIN nodes n ON n.id = p.node_id
              WHERE e.delta > 0 AND e.kind <> 'reversal' AND e.created_at >= $2 AND e.created_at < $3 AND n.path LIKE $1) AS issued,
            (SELECT coalesce(sum(r.points), 0)::int FROM point_redemptions r JOIN red_shops s ON s.id = r.shop_id JOIN nodes n ON n.id = s.node_id
              WHERE r.created_at >= $2 AND r.created_at < $3 AND n.path LIKE $1) AS redeemed`,
    [pattern, from, to],
  );
  return row!;
}

export async function latestClosedContest(q: Queryable): Promise<{ id: number; month: string; title: string } | undefined> {
  const [row] = await q.query<{ id: number; month: string; title: string }>(
    "SELECT id, month, title FROM secretary_contests WHERE status = 'closed' ORDER BY month DESC, id DESC LIMIT 1",
  );
  return row;
}

/** Medals of one contest per community of the subtree (communities with at least one medal). */
export function medalsByCommunity(
  q: Queryable,
  pattern: string,
  contestId: number,
): Promise<{ id: number; name: string; gold: number; silver: number; bronze: number }[]> {
  return q.query(
    `SELECT m.id, m.name,
            count(*) FILTER (WHERE e.medal = 'gold')::int AS gold,
            count(*) FILTER (WHERE e.medal = 'silver')::int AS silver,
            count(*) FILTER (WHERE e.medal = 'bronze')::int AS bronze
       FROM secretary_contest_entries e JOIN community_workers w ON w.id = e.worker_id JOIN nodes m ON m.id = w.community_id
      WHERE e.contest_id = $2 AND e.medal IS NOT NULL AND m.path LIKE $1
      GROUP BY m.id, m.name, m.code ORDER BY m.code`,
    [pattern, contestId],
  );
}

/** This year's budget and approved disbursements by kind, for budget lines whose node is in the subtree. */
export function fundingByKind(q: Queryable, pattern: string, year: number): Promise<{ kind: string; budget_fen: number; approved_fen: number }[]> {
  return q.query(
    `SELECT b.kind, sum(b.amount_fen)::float8 AS budget_fen,
            coalesce(sum((SELECT sum(d.amount_fen) FROM disbursements d WHERE d.budget_line_id = b.id AND d.status = 'approved')), 0)::float8 AS approved_fen
       FROM budget_lines b JOIN nodes n ON n.id = b.node_id
      WHERE b.year = $2 AND n.path LIKE $1
      GROUP BY b.kind ORDER BY b.kind`,
    [pattern, year],
  );
}

/** Visitors in [from, to) (China dates) at the subtree's stations, and each active located station's. */
export async function stationVisits(
  q: Queryable,
  pattern: string,
  from: string,
  to: string,
): Promise<{ total: number; points: { id: number; name: string; lat: number; lng: number; visitors: number }[] }> {
  const [total] = await q.query<{ n: number }>(
    `SELECT coalesce(sum(v.visitors), 0)::int AS n FROM red_station_visits v JOIN red_stations s ON s.id = v.station_id JOIN nodes n ON n.id = s.node_id
      WHERE v.visited_on >= $2 AND v.visited_on < $3 AND n.path LIKE $1`,
    [pattern, from, to],
  );
  const points = await q.query<{ id: number; name: string; lat: number; lng: number; visitors: number }>(
    `SELECT s.id, s.name, s.lat, s.lng,
            coalesce((SELECT sum(v.visitors) FROM red_station_visits v WHERE v.station_id = s.id AND v.visited_on >= $2 AND v.visited_on < $3), 0)::int AS visitors
       FROM red_stations s JOIN nodes n ON n.id = s.node_id
      WHERE s.active AND s.lat IS NOT NULL AND n.path LIKE $1 ORDER BY s.id`,
    [pattern, from, to],
  );
  return { total: total!.n, points };
}

export function latestInnovation(q: Queryable, pattern: string, limit: number): Promise<{ id: number; title: string; unit_name: string; published_at: Date | string }[]> {
  return q.query(
    `SELECT c.id, c.title, c.unit_name, c.published_at FROM innovation_cases c JOIN nodes n ON n.id = c.node_id
      WHERE c.status = 'published' AND n.path LIKE $1 ORDER BY c.published_at DESC, c.id DESC LIMIT $2`,
    [pattern, limit],
  );
}

export interface NodeWithSnapshot {
  id: number;
  name: string;
  kind: string;
  path: string;
  depth: number;
  figures: unknown;
  computed_at: Date | string | null;
}

/** The node and its snapshot (if any), in one round trip. */
export async function nodeWithSnapshot(q: Queryable, nodeId: number): Promise<NodeWithSnapshot | undefined> {
  const [row] = await q.query<NodeWithSnapshot>(
    'SELECT n.id, n.name, n.kind, n.path, n.depth, s.figures, s.computed_at FROM nodes n LEFT JOIN cockpit_snapshots s ON s.node_id = n.id WHERE n.id = $1',
    [nodeId],
  );
  return row;
}

export async function writeSnapshot(q: Queryable, nodeId: number, figures: unknown, computedAt: Date): Promise<void> {
  await q.query(
    `INSERT INTO cockpit_snapshots (node_id, figures, computed_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (node_id) DO UPDATE SET figures = EXCLUDED.figures, computed_at = EXCLUDED.computed_at
       WHERE cockpit_snapshots.computed_at < EXCLUDED.computed_at`,
    [nodeId, JSON.stringify(figures), computedAt],
  );
}

/** The nodes the refresh job keeps warm: the county, subdistricts and communities. */
export function snapshotNodes(q: Queryable): Promise<{ id: number; path: string; depth: number }[]> {
  return q.query("SELECT id, path, depth FROM nodes WHERE active AND kind IN ('county','subdistrict','community') ORDER BY depth, code");
}

/**
 * In one round trip: the node's ancestors (itself included) that lie within the scope, root first
 * (`crumb`), and the scope's root nodes (`root`).
 */
export function breadcrumbAndRoots(
  q: Queryable,
  ancestorIds: number[],
  scopePatterns: string[],
  rootIds: number[],
): Promise<{ id: number; name: string; kind: string; crumb: boolean; root: boolean }[]> {
  return q.query(
    `SELECT id, name, kind, (id = ANY($1::int[]) AND path LIKE ANY($2)) AS crumb, id = ANY($3::int[]) AS root
       FROM nodes WHERE id = ANY($1::int[]) OR id = ANY($3::int[]) ORDER BY path`,
    [ancestorIds, scopePatterns, rootIds],
  );
}
