import type { Queryable } from '../../platform/db.js';

/** The gig worker records of these people, by person. */
export async function gigWorkersOfPeople(q: Queryable, personIds: number[]): Promise<Map<number, { id: number; node_path: string }>> {
  if (personIds.length === 0) return new Map();
  const rows = await q.query<{ id: number; person_id: number; node_path: string }>(
    'SELECT g.id, g.person_id, n.path AS node_path FROM gig_workers g JOIN nodes n ON n.id = g.node_id WHERE g.person_id = ANY($1::int[])',
    [personIds],
  );
  return new Map(rows.map((r) => [r.person_id, r]));
}
