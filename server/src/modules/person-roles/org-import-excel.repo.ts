import type { Queryable } from '../../platform/db.js';
import type { CodedNode } from './role-import.repo.js';

export type PlaceNode = CodedNode & { active: boolean };

/** Nodes by code with their active flag: the places organisation rows name. */
export async function placesByCodes(q: Queryable, codes: string[]): Promise<Map<string, PlaceNode>> {
  if (codes.length === 0) return new Map();
  const rows = await q.query<PlaceNode>('SELECT id, code, name, kind, path, active FROM nodes WHERE code = ANY($1::text[])', [codes]);
  return new Map(rows.map((r) => [r.code, r]));
}
