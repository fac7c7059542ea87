import type { Queryable } from '../../platform/db.js';
import { peopleWhere, type PeopleFilter, type PersonValues } from './people.repo.js';

export async function nodesByCodes(q: Queryable, codes: string[]): Promise<Map<string, { id: number; path: string }>> {
  const rows = await q.query<{ id: number; code: string; path: string }>('SELECT id, code, path FROM nodes WHERE code = ANY($1::text[])', [codes]);
  return new Map(rows.map((r) => [r.code, { id: r.id, path: r.path }]));
}

/** Which of these ID numbers are already registered. */
export async function registeredIdNumbers(q: Queryable, idNumbers: string[]): Promise<Set<string>> {
  if (idNumbers.length === 0) return new Set();
  const rows = await q.query<{ id_number: string }>('SELECT id_number FROM people WHERE id_number = ANY($1::text[])', [idNumbers]);
  return new Set(rows.map((r) => r.id_number));
}

/** Inserts many people with one statement. */
export async function insertPeople(q: Queryable, rows: PersonValues[]): Promise<void> {
  await q.query(
    `INSERT INTO people (name, gender, birth_date, phone, id_number, node_id, notes)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::int[], $7::text[])`,
    [
      rows.map((r) => r.name),
      rows.map((r) => r.gender),
      rows.map((r) => r.birthDate),
      rows.map((r) => r.phone),
      rows.map((r) => r.idNumber),
      rows.map((r) => r.nodeId),
      rows.map((r) => r.notes),
    ],
  );
}

export interface PersonExportRow {
  id: number;
  name: string;
  gender: string | null;
  birth_date: string | null;
  phone: string | null;
  id_number: string | null;
  notes: string | null;
  node_code: string;
  node_path: string;
}

export async function countPeople(q: Queryable, f: PeopleFilter): Promise<number> {
  const where = peopleWhere(f);
  const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM people p JOIN nodes n ON n.id = p.node_id ${where}`, where.params);
  return row?.n ?? 0;
}

export function exportPeople(q: Queryable, f: PeopleFilter, limit: number): Promise<PersonExportRow[]> {
  const where = peopleWhere(f);
  return q.query<PersonExportRow>(
    `SELECT p.id, p.name, p.gender, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.phone, p.id_number, p.notes,
            n.code AS node_code, n.path AS node_path
       FROM people p JOIN nodes n ON n.id = p.node_id ${where}
      ORDER BY p.name, p.id LIMIT $${where.params.length + 1}`,
    [...where.params, limit],
  );
}

/** Names of nodes below the tree's root, for address columns. */
export async function nodeNames(q: Queryable, ids: number[]): Promise<Map<number, string>> {
  const rows = await q.query<{ id: number; name: string }>('SELECT id, name FROM nodes WHERE id = ANY($1::int[]) AND depth > 0', [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
