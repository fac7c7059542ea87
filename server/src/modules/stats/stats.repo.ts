import { HEADLINE_FIGURES } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';

export type Figures = Record<(typeof HEADLINE_FIGURES)[number], number>;

/** Each figure: the rows it counts, joined to the node `n` that places them in the tree. */
const SOURCES: Record<keyof Figures, string> = {
  communities: "FROM nodes n WHERE n.kind = 'community' AND n.active",
  compounds: "FROM nodes n WHERE n.kind = 'compound' AND n.active",
  stewards: 'FROM stewards s JOIN nodes n ON n.id = s.compound_id WHERE true',
  redShops: 'FROM red_shops r JOIN nodes n ON n.id = r.node_id WHERE true',
  gigWorkers: 'FROM gig_workers g JOIN nodes n ON n.id = g.node_id WHERE true',
  commissioners: 'FROM commissioners c JOIN nodes n ON n.id = c.community_id WHERE true',
  partyMembers: 'FROM party_members m JOIN nodes n ON n.id = m.node_id WHERE true',
  dualRegisteredMembers: "FROM party_members m JOIN nodes n ON n.id = m.node_id WHERE m.management = 'dual'",
};

const KEYS = Object.keys(SOURCES) as (keyof Figures)[];

/** All figures for the subtrees matched by `patterns`, in one round trip. */
export async function headlineTotals(q: Queryable, patterns: string[]): Promise<Figures> {
  const [row] = await q.query<Figures>(
    `SELECT ${KEYS.map((k) => `(SELECT count(*)::int ${SOURCES[k]} AND n.path LIKE ANY($1)) AS "${k}"`).join(',\n')}`,
    [patterns],
  );
  return row!;
}

/**
 * The same figures per child of the node at `path` (depth `depth`): each counted row is
 * attributed to its ancestor one level below the node, read straight from its path.
 */
export async function headlineByChild(q: Queryable, path: string, depth: number): Promise<Map<number, Figures>> {
  const part = depth + 3;
  const rows = await q.query<{ child: number; figure: keyof Figures; n: number }>(
    KEYS.map(
      (k) => `SELECT split_part(n.path, '/', ${part})::int AS child, '${k}' AS figure, count(*)::int AS n
                ${SOURCES[k]} AND n.path LIKE $1 AND n.depth > $2 GROUP BY 1`,
    ).join('\nUNION ALL\n'),
    [`${path}%`, depth],
  );
  const out = new Map<number, Figures>();
  for (const r of rows) {
    const f = out.get(r.child) ?? (Object.fromEntries(KEYS.map((k) => [k, 0])) as Figures);
    f[r.figure] = r.n;
    out.set(r.child, f);
  }
  return out;
}

export function childrenOf(q: Queryable, parentId: number): Promise<{ id: number; name: string; kind: string }[]> {
  return q.query('SELECT id, name, kind FROM nodes WHERE parent_id = $1 AND active ORDER BY code', [parentId]);
}
