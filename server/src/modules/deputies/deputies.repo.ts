import type { DeputyBody, DeputyDto, DeputyLevel } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { matchName } from '../people/people.repo.js';
import { isoOf, joinPerson, personJson, toRequiredPersonSummary, type PersonJson } from '../person-roles/person-ref.js';

export interface DeputyRow {
  id: number;
  person_id: number;
  person: PersonJson;
  body: DeputyBody;
  level: DeputyLevel;
  node_id: number;
  node_name: string;
  node_path: string;
  created_at: Date;
  updated_at: Date;
}

export interface DeputyValues {
  personId: number;
  body: DeputyBody;
  level: DeputyLevel;
  nodeId: number;
}

const COLUMNS = `d.id, d.person_id, ${personJson('dp')} AS person, d.body, d.level, d.node_id, n.name AS node_name, n.path AS node_path,
  d.created_at, d.updated_at`;
const FROM = `FROM deputies d JOIN nodes n ON n.id = d.node_id ${joinPerson('dp', 'd.person_id')}`;

export function toDeputyDto(r: DeputyRow): DeputyDto {
  return {
    id: r.id,
    person: toRequiredPersonSummary(r.person),
    body: r.body,
    level: r.level,
    nodeId: r.node_id,
    nodeName: r.node_name,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export function listDeputies(
  q: Queryable,
  f: { scopePatterns: string[]; q?: string | undefined; subtreePath?: string | undefined; body?: DeputyBody | undefined; level?: DeputyLevel | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<DeputyDto>> {
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.body, 'd.body = ?', f.body)
    .addIf(f.level, 'd.level = ?', f.level);
  if (f.q) matchName(where, 'dp', f.q);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 'dp.name, d.id', params: where.params }, page, toDeputyDto);
}

export async function getDeputy(q: Queryable, id: number): Promise<DeputyRow | undefined> {
  const [row] = await q.query<DeputyRow>(`SELECT ${COLUMNS} ${FROM} WHERE d.id = $1`, [id]);
  return row;
}

/** The record of the same person in the same body at the same level, if any. */
export async function findSameSeat(q: Queryable, v: DeputyValues, exceptId = 0): Promise<{ id: number; node_path: string } | undefined> {
  const [row] = await q.query<{ id: number; node_path: string }>(
    `SELECT d.id, n.path AS node_path FROM deputies d JOIN nodes n ON n.id = d.node_id
      WHERE d.person_id = $1 AND d.body = $2 AND d.level = $3 AND d.id <> $4`,
    [v.personId, v.body, v.level, exceptId],
  );
  return row;
}

export async function insertDeputy(q: Queryable, v: DeputyValues): Promise<number> {
  const [row] = await q.query<{ id: number }>('INSERT INTO deputies (person_id, body, level, node_id) VALUES ($1, $2, $3, $4) RETURNING id', [
    v.personId, v.body, v.level, v.nodeId,
  ]);
  return row!.id;
}

export async function updateDeputy(q: Queryable, id: number, v: DeputyValues): Promise<void> {
  await q.query('UPDATE deputies SET body = $2, level = $3, node_id = $4, updated_at = now() WHERE id = $1', [id, v.body, v.level, v.nodeId]);
}
