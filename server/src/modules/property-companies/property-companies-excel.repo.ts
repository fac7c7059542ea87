import type { Queryable } from '../../platform/db.js';

/** Companies already registered under these credit codes. */
export async function companiesByCreditCodes(q: Queryable, codes: string[]): Promise<Map<string, { id: number; name: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await q.query<{ id: number; name: string; credit_code: string }>(
    'SELECT id, name, credit_code FROM property_companies WHERE credit_code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.credit_code, { id: r.id, name: r.name }]));
}

/** Locks the compounds' node rows: contract writes for a compound go one at a time (as in `POST /api/property-contracts`). */
export async function lockCompounds(q: Queryable, ids: number[]): Promise<void> {
  await q.query('SELECT id FROM nodes WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE', [ids]);
}
