import { maskIdNumber, maskPhone, type Gender, type PersonDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';

export interface PersonRow {
  id: number;
  name: string;
  gender: Gender | null;
  birth_date: string | null;
  phone: string | null;
  id_number: string | null;
  node_id: number;
  node_name: string;
  node_path: string;
  path_names: string[] | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Columns of a person with their address node; `birth_date` as text so no time zone can shift it. */
export const PERSON_COLUMNS = `p.id, p.name, p.gender, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.phone, p.id_number,
  p.node_id, n.name AS node_name, n.path AS node_path, p.notes, p.created_at, p.updated_at,
  (SELECT array_agg(a.name ORDER BY a.depth) FROM nodes a
    WHERE a.id = ANY(string_to_array(trim(both '/' from n.path), '/')::int[]) AND a.depth > 0) AS path_names`;
export const PERSON_FROM = 'FROM people p JOIN nodes n ON n.id = p.node_id';

/** Every response masks phone and ID number; revealing them is a separate, audited call. */
export function toPersonDto(r: PersonRow): PersonDto {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    phone: maskPhone(r.phone),
    idNumber: maskIdNumber(r.id_number),
    nodeId: r.node_id,
    nodeName: r.node_name,
    nodePathNames: r.path_names ?? [],
    notes: r.notes,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Adds the one-click matching rule for people: name substring, last four phone digits, or a whole ID number. */
export function matchPerson(where: Where, q: string): Where {
  if (/^\d{4}$/.test(q)) return where.add('right(p.phone, 4) = ?', q);
  if (/^\d{17}[\dXx]$/.test(q)) return where.add('p.id_number = ?', q.toUpperCase());
  return matchName(where, 'p', q);
}

/**
 * A person's name (`<alias>.name`) containing `term`: one or two characters (a surname, a given
 * name) through the name-grams index, longer terms through the trigram index.
 */
export function matchName(where: Where, alias: string, term: string): Where {
  const t = term.trim().toLowerCase();
  if ([...t].length <= 2) return where.add(`${alias}.name_grams @> ARRAY[?]::text[]`, t);
  return where.add(`${alias}.name ILIKE ?`, `%${likeEscape(term)}%`);
}

export interface PeopleFilter {
  scopePatterns: string[];
  q?: string | undefined;
  subtreePath?: string | undefined;
  gender?: Gender | undefined;
}

/** The conditions of a people list; the export applies the very same. */
export function peopleWhere(f: PeopleFilter): Where {
  const where = new Where().add('n.path LIKE ANY(?)', f.scopePatterns);
  if (f.subtreePath) where.add('n.path LIKE ?', `${f.subtreePath}%`);
  if (f.q) matchPerson(where, f.q);
  return where.addIf(f.gender, 'p.gender = ?', f.gender);
}

export function listPeople(q: Queryable, f: PeopleFilter, page: { page: number; pageSize: number }): Promise<Page<PersonDto>> {
  const where = peopleWhere(f);
  return pagedQuery(q, { select: PERSON_COLUMNS, fromWhere: `${PERSON_FROM} ${where}`, orderBy: 'p.name, p.id', params: where.params }, page, toPersonDto);
}

export async function getPerson(q: Queryable, id: number): Promise<PersonRow | undefined> {
  const [row] = await q.query<PersonRow>(`SELECT ${PERSON_COLUMNS} ${PERSON_FROM} WHERE p.id = $1`, [id]);
  return row;
}

export async function findByIdNumber(q: Queryable, idNumber: string, exceptId = 0): Promise<{ id: number; name: string; node_path: string } | undefined> {
  const [row] = await q.query<{ id: number; name: string; node_path: string }>(
    'SELECT p.id, p.name, n.path AS node_path FROM people p JOIN nodes n ON n.id = p.node_id WHERE p.id_number = $1 AND p.id <> $2',
    [idNumber, exceptId],
  );
  return row;
}

export interface PersonValues {
  name: string;
  gender: Gender | null;
  birthDate: string | null;
  phone: string | null;
  idNumber: string | null;
  nodeId: number;
  notes: string | null;
}

export async function insertPerson(q: Queryable, v: PersonValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO people (name, gender, birth_date, phone, id_number, node_id, notes)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [v.name, v.gender, v.birthDate, v.phone, v.idNumber, v.nodeId, v.notes],
  );
  return row!.id;
}

export async function updatePerson(q: Queryable, id: number, v: PersonValues): Promise<void> {
  await q.query(
    `UPDATE people SET name = $2, gender = $3, birth_date = $4, phone = $5, id_number = $6, node_id = $7, notes = $8, updated_at = now()
      WHERE id = $1`,
    [id, v.name, v.gender, v.birthDate, v.phone, v.idNumber, v.nodeId, v.notes],
  );
}
