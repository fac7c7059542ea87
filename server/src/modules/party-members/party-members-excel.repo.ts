import type { Queryable } from '../../platform/db.js';

/** The party memberships of these people. */
export async function membershipsOf(q: Queryable, personIds: number[]): Promise<Map<number, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await q.query<{ id: number; person_id: number }>('SELECT id, person_id FROM party_members WHERE person_id = ANY($1::int[])', [personIds]);
  return new Map(rows.map((r) => [r.person_id, r.id]));
}

/** For each compound, the first branch covering it. */
export async function branchesCovering(q: Queryable, compoundIds: number[]): Promise<Map<number, number>> {
  if (compoundIds.length === 0) return new Map();
  const rows = await q.query<{ compound_id: number; branch_id: number }>(
    `SELECT DISTINCT ON (bc.compound_id) bc.compound_id, b.id AS branch_id
       FROM branch_compounds bc JOIN party_orgs b ON b.id = bc.branch_id AND b.kind = 'branch'
      WHERE bc.compound_id = ANY($1::int[]) ORDER BY bc.compound_id, b.id`,
    [compoundIds],
  );
  return new Map(rows.map((r) => [r.compound_id, r.branch_id]));
}
