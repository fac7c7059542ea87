import type { BranchSecretaryDto, PersonSummaryDto, SecretaryBackground } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoDate, rolePersonJson, toRequiredPersonSummary } from '../person-roles/person-ref.js';

interface SecretaryRow {
  id: number;
  branch_id: number;
  branch_name: string;
  branch_node_id: number;
  compounds: { id: number; name: string; path: string }[] | null;
  person: PersonSummaryDto;
  person_id: number;
  background: SecretaryBackground;
  term_start: string;
  term_end: string | null;
  current: boolean;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `s.id, s.branch_id, b.name AS branch_name, b.node_id AS branch_node_id,
  (SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'path', c.path) ORDER BY c.code)
     FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id WHERE bc.branch_id = s.branch_id) AS compounds,
  ${rolePersonJson('p')} AS person, s.person_id, s.background,
  ${isoDate('s.term_start')} AS term_start, ${isoDate('s.term_end')} AS term_end,
  (s.term_start <= current_date AND (s.term_end IS NULL OR s.term_end >= current_date)) AS current,
  s.created_at, s.updated_at`;
const FROM = 'FROM branch_secretaries s JOIN party_orgs b ON b.id = s.branch_id JOIN people p ON p.id = s.person_id';

/** A branch is seen through its compounds: in scope when any of them is. */
const BRANCH_HAS_COMPOUND_LIKE = (branch: string, op: 'LIKE' | 'LIKE ANY') =>
  `EXISTS (SELECT 1 FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id WHERE bc.branch_id = ${branch} AND c.path ${op === 'LIKE' ? 'LIKE ?' : 'LIKE ANY(?)'})`;

export type SecretaryRecord = BranchSecretaryDto & { personId: number; compoundPaths: string[]; branchNodeId: number };

function toRecord(r: SecretaryRow): SecretaryRecord {
  const compounds = r.compounds ?? [];
  return {
    id: r.id,
    branchId: r.branch_id,
    branchName: r.branch_name,
    branchNodeId: r.branch_node_id,
    compounds: compounds.map((c) => ({ id: c.id, name: c.name })),
    compoundPaths: compounds.map((c) => c.path),
    person: toRequiredPersonSummary(r.person),
    personId: r.person_id,
    background: r.background,
    termStart: r.term_start,
    termEnd: r.term_end,
    current: r.current,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function listSecretaries(
  q: Queryable,
  f: {
    scopePatterns: string[];
    subtreePath?: string | undefined;
    branchId?: number | undefined;
    background?: SecretaryBackground | undefined;
    current?: boolean | undefined;
    q?: string | undefined;
  },
  page: { page: number; pageSize: number },
): Promise<Page<SecretaryRecord>> {
  const where = new Where()
    .add(BRANCH_HAS_COMPOUND_LIKE('s.branch_id', 'LIKE ANY'), f.scopePatterns)
    .addIf(f.subtreePath, BRANCH_HAS_COMPOUND_LIKE('s.branch_id', 'LIKE'), `${f.subtreePath}%`)
    .addIf(f.branchId, 's.branch_id = ?', f.branchId)
    .addIf(f.background, 's.background = ?', f.background)
    .addIf(f.q, '(p.name ILIKE ? OR b.name ILIKE ?)', `%${likeEscape(f.q ?? '')}%`, `%${likeEscape(f.q ?? '')}%`);
  if (f.current !== undefined) where.add('(s.term_start <= current_date AND (s.term_end IS NULL OR s.term_end >= current_date)) = ?', f.current);
  return pagedQuery(q, { select: SELECT, fromWhere: `${FROM} ${where}`, orderBy: 'b.name, s.branch_id, s.term_start DESC, s.id', params: where.params }, page, toRecord);
}

export async function getSecretary(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<SecretaryRecord | undefined> {
  const [row] = await q.query<SecretaryRow>(`SELECT ${SELECT} ${FROM} WHERE s.id = $1 ${opts.forUpdate ? 'FOR UPDATE OF s' : ''}`, [id]);
  return row && toRecord(row);
}

/** A branch with a compound in the scope, locked so that its secretaries' terms change one writer at a time. */
export async function lockBranchInScope(q: Queryable, branchId: number, scopePatterns: string[]): Promise<{ id: number; name: string; node_id: number } | undefined> {
  const where = new Where().add('b.id = ?', branchId).add("b.kind = 'branch'").add(BRANCH_HAS_COMPOUND_LIKE('b.id', 'LIKE ANY'), scopePatterns);
  const [row] = await q.query<{ id: number; name: string; node_id: number }>(`SELECT b.id, b.name, b.node_id FROM party_orgs b ${where} FOR UPDATE OF b`, where.params);
  return row;
}

/** Secretaries of the branch whose term overlaps [start, end] (an open end runs on). */
export function overlappingTerms(q: Queryable, branchId: number, start: string, end: string | null, exceptId = 0) {
  return q.query<{ id: number; person_name: string; term_start: string; term_end: string | null }>(
    `SELECT s.id, p.name AS person_name, ${isoDate('s.term_start')} AS term_start, ${isoDate('s.term_end')} AS term_end
       FROM branch_secretaries s JOIN people p ON p.id = s.person_id
      WHERE s.branch_id = $1 AND s.id <> $2 AND daterange(s.term_start, s.term_end, '[]') && daterange($3::date, $4::date, '[]')
      ORDER BY s.term_start`,
    [branchId, exceptId, start, end],
  );
}

export interface SecretaryValues {
  background: SecretaryBackground;
  termStart: string;
  termEnd: string | null;
}

export async function insertSecretary(q: Queryable, branchId: number, personId: number, v: SecretaryValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO branch_secretaries (branch_id, person_id, background, term_start, term_end) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [branchId, personId, v.background, v.termStart, v.termEnd],
  );
  return row!.id;
}

export async function updateSecretary(q: Queryable, id: number, v: SecretaryValues): Promise<void> {
  await q.query('UPDATE branch_secretaries SET background = $2, term_start = $3, term_end = $4, updated_at = now() WHERE id = $1', [
    id, v.background, v.termStart, v.termEnd,
  ]);
}

/** Ends a term the day before `nextStart`. */
export async function endTermBefore(q: Queryable, id: number, nextStart: string): Promise<void> {
  await q.query("UPDATE branch_secretaries SET term_end = $2::date - 1, updated_at = now() WHERE id = $1", [id, nextStart]);
}

export async function deleteSecretary(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM branch_secretaries WHERE id = $1', [id]);
}
