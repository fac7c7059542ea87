import type { Queryable } from '../../platform/db.js';

/** The steward records of these people. */
export function stewardsOfPeople(q: Queryable, personIds: number[]): Promise<{ id: number; person_id: number; compound_id: number }[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return q.query('SELECT id, person_id, compound_id FROM stewards WHERE person_id = ANY($1::int[])', [personIds]);
}
