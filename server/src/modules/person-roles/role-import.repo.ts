import type { NodeKind } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import type { PersonValues } from '../people/people.repo.js';

export interface CodedNode {
  id: number;
  code: string;
  name: string;
  kind: NodeKind;
  path: string;
}

export async function nodesByCodes(q: Queryable, codes: string[]): Promise<Map<string, CodedNode>> {
  if (codes.length === 0) return new Map();
  const rows = await q.query<CodedNode>('SELECT id, code, name, kind, path FROM nodes WHERE code = ANY($1::text[])', [codes]);
  return new Map(rows.map((r) => [r.code, r]));
}

export interface RegisteredPerson {
  id: number;
  name: string;
  id_number: string;
  node_path: string;
}

export async function peopleByIdNumbers(q: Queryable, idNumbers: string[]): Promise<Map<string, RegisteredPerson>> {
  if (idNumbers.length === 0) return new Map();
  const rows = await q.query<RegisteredPerson>(
    'SELECT p.id, p.name, p.id_number, n.path AS node_path FROM people p JOIN nodes n ON n.id = p.node_id WHERE p.id_number = ANY($1::text[])',
    [idNumbers],
  );
  return new Map(rows.map((r) => [r.id_number, r]));
}

/** Inserts many people with one statement; their ids by ID number. */
export async function insertPeopleReturningIds(q: Queryable, rows: PersonValues[]): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const out = await q.query<{ id: number; id_number: string }>(
    `INSERT INTO people (name, gender, birth_date, phone, id_number, node_id, notes)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::int[], $7::text[])
     RETURNING id, id_number`,
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
  return new Map(out.map((r) => [r.id_number, r.id]));
}
