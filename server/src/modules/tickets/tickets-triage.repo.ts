import type { NodeKind } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';

/** A node as an intake outside the console (12345 hotline, Open311) names it, by its code. */
export interface IntakeNode {
  id: number;
  kind: NodeKind;
  path: string;
  active: boolean;
}

export async function nodeByCode(q: Queryable, code: string): Promise<IntakeNode | undefined> {
  const [row] = await q.query<IntakeNode>('SELECT id, kind, path, active FROM nodes WHERE code = $1', [code]);
  return row;
}

/** The triage queue: the subdistrict on `path` (/county/subdistrict/…) when it reaches one, else the county. */
export async function triageNode(q: Queryable, path: string | undefined): Promise<IntakeNode> {
  const subdistrictId = Number(path?.split('/')[2]) || null;
  const [row] = await q.query<IntakeNode>(
    'SELECT id, kind, path, active FROM nodes WHERE id = $1::int OR ($1::int IS NULL AND parent_id IS NULL) ORDER BY id LIMIT 1',
    [subdistrictId],
  );
  return row!;
}
