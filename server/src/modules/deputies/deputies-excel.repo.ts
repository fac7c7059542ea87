import type { DeputyBody, DeputyLevel } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';

export interface Seat {
  id: number;
  person_id: number;
  body: DeputyBody;
  level: DeputyLevel;
  node_path: string;
}

/** Every seat these people hold. */
export function seatsOfPeople(q: Queryable, personIds: number[]): Promise<Seat[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return q.query<Seat>(
    'SELECT d.id, d.person_id, d.body, d.level, n.path AS node_path FROM deputies d JOIN nodes n ON n.id = d.node_id WHERE d.person_id = ANY($1::int[])',
    [personIds],
  );
}
