import type { Queryable } from '../../platform/db.js';

/** Social organisations already registered at these nodes under these names. */
export function orgsNamedAt(q: Queryable, nodeIds: number[], names: string[]): Promise<{ id: number; name: string; node_id: number }[]> {
  if (nodeIds.length === 0) return Promise.resolve([]);
  return q.query('SELECT id, name, node_id FROM social_orgs WHERE node_id = ANY($1::int[]) AND name = ANY($2::text[])', [nodeIds, names]);
}
