import type { Queryable } from '../../platform/db.js';
import { isoDate } from '../person-roles/person-ref.js';

export interface CoveringBranch {
  compound_id: number;
  id: number;
  name: string;
}

/** The branch covering each compound (a compound belongs to at most one). */
export async function branchesOfCompounds(q: Queryable, compoundIds: number[]): Promise<Map<number, CoveringBranch>> {
  if (compoundIds.length === 0) return new Map();
  const rows = await q.query<CoveringBranch>(
    `SELECT bc.compound_id, b.id, b.name FROM branch_compounds bc JOIN party_orgs b ON b.id = bc.branch_id AND b.kind = 'branch'
      WHERE bc.compound_id = ANY($1::int[])`,
    [compoundIds],
  );
  return new Map(rows.map((r) => [r.compound_id, r]));
}

export interface Term {
  id: number;
  branch_id: number;
  person_name: string;
  term_start: string;
  term_end: string | null;
}

/** Every secretary term of these branches; `lock` first locks the branches, as a single create does. */
export async function termsOfBranches(q: Queryable, branchIds: number[], opts: { lock?: boolean } = {}): Promise<Term[]> {
  if (branchIds.length === 0) return [];
  if (opts.lock) await q.query('SELECT id FROM party_orgs WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE', [branchIds]);
  return q.query<Term>(
    `SELECT s.id, s.branch_id, p.name AS person_name, ${isoDate('s.term_start')} AS term_start, ${isoDate('s.term_end')} AS term_end
       FROM branch_secretaries s JOIN people p ON p.id = s.person_id WHERE s.branch_id = ANY($1::int[]) ORDER BY s.term_start`,
    [branchIds],
  );
}
