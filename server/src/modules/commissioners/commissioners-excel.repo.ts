import type { Queryable } from '../../platform/db.js';

/** The commissioner records of these people, by person. */
export async function commissionersOfPeople(q: Queryable, personIds: number[]): Promise<Map<number, { id: number; node_path: string }>> {
  if (personIds.length === 0) return new Map();
  const rows = await q.query<{ id: number; person_id: number; node_path: string }>(
    'SELECT c.id, c.person_id, n.path AS node_path FROM commissioners c JOIN nodes n ON n.id = c.community_id WHERE c.person_id = ANY($1::int[])',
    [personIds],
  );
  return new Map(rows.map((r) => [r.person_id, r]));
}
