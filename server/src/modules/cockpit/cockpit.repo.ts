import type { Queryable } from '../../platform/db.js';

export interface KindCount {
  kind: string;
  compound_kind: string | null;
  n: number;
}

export function countNodesByKind(q: Queryable, patterns: string[]): Promise<KindCount[]> {
  return q.query(
    `SELECT kind, compound_kind, count(*)::int AS n FROM nodes WHERE path LIKE ANY($1) AND active GROUP BY kind, compound_kind`,
    [patterns],
  );
}

export async function countBranches(q: Queryable, patterns: string[]): Promise<{ total: number; joint: number }> {
  const [row] = await q.query<{ total: number; joint: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE p.branch_mode = 'joint')::int AS joint
       FROM party_orgs p WHERE p.kind = 'branch' AND p.active AND EXISTS (
         SELECT 1 FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id WHERE bc.branch_id = p.id AND c.path LIKE ANY($1))`,
    [patterns],
  );
  return row ?? { total: 0, joint: 0 };
}

export function compoundsPerCommunity(q: Queryable, patterns: string[]): Promise<{ id: number; name: string; compounds: number }[]> {
  return q.query(
    `SELECT m.id, m.name, count(c.id)::int AS compounds
       FROM nodes m LEFT JOIN nodes c ON c.parent_id = m.id AND c.active
      WHERE m.kind = 'community' AND m.active AND m.path LIKE ANY($1)
      GROUP BY m.id, m.name, m.code ORDER BY m.code`,
    [patterns],
  );
}
