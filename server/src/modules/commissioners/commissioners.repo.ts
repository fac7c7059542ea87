import type { CommissionerDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { matchName } from '../people/people.repo.js';
import { isoOf, joinPerson, personJson, toRequiredPersonSummary, type PersonJson } from '../person-roles/person-ref.js';

export interface CommissionerRow {
  id: number;
  person_id: number;
  person: PersonJson;
  department: string;
  rank: string | null;
  community_id: number;
  community_name: string;
  community_path: string;
  user_id: number | null;
  username: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface CommissionerValues {
  personId: number;
  department: string;
  rank: string | null;
  communityId: number;
  userId: number | null;
}

const COLUMNS = `c.id, c.person_id, ${personJson('cp')} AS person, c.department, c.rank, c.community_id, n.name AS community_name,
  n.path AS community_path, c.user_id, u.username, c.created_at, c.updated_at`;
const FROM = `FROM commissioners c JOIN nodes n ON n.id = c.community_id LEFT JOIN users u ON u.id = c.user_id ${joinPerson('cp', 'c.person_id')}`;

export function toCommissionerDto(r: CommissionerRow): CommissionerDto {
  return {
    id: r.id,
    person: toRequiredPersonSummary(r.person),
    department: r.department,
    rank: r.rank,
    communityId: r.community_id,
    communityName: r.community_name,
    userId: r.user_id,
    username: r.username,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export function listCommissioners(
  q: Queryable,
  f: { scopePatterns: string[]; q?: string | undefined; subtreePath?: string | undefined; department?: string | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<CommissionerDto>> {
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.department, 'c.department = ?', f.department);
  if (f.q) matchName(where, 'cp', f.q);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 'n.path, cp.name, c.id', params: where.params }, page, toCommissionerDto);
}

export async function getCommissioner(q: Queryable, id: number): Promise<CommissionerRow | undefined> {
  const [row] = await q.query<CommissionerRow>(`SELECT ${COLUMNS} ${FROM} WHERE c.id = $1`, [id]);
  return row;
}

export async function findByPerson(q: Queryable, personId: number): Promise<{ id: number; node_path: string } | undefined> {
  const [row] = await q.query<{ id: number; node_path: string }>(
    'SELECT c.id, n.path AS node_path FROM commissioners c JOIN nodes n ON n.id = c.community_id WHERE c.person_id = $1',
    [personId],
  );
  return row;
}

export async function findUser(q: Queryable, userId: number): Promise<{ id: number; username: string; commissioner_id: number | null } | undefined> {
  const [row] = await q.query<{ id: number; username: string; commissioner_id: number | null }>(
    'SELECT u.id, u.username, (SELECT c.id FROM commissioners c WHERE c.user_id = u.id) AS commissioner_id FROM users u WHERE u.id = $1',
    [userId],
  );
  return row;
}

export async function insertCommissioner(q: Queryable, v: CommissionerValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO commissioners (person_id, department, rank, community_id, user_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [v.personId, v.department, v.rank, v.communityId, v.userId],
  );
  return row!.id;
}

export async function updateCommissioner(q: Queryable, id: number, v: CommissionerValues): Promise<void> {
  await q.query('UPDATE commissioners SET department = $2, rank = $3, community_id = $4, user_id = $5, updated_at = now() WHERE id = $1', [
    id, v.department, v.rank, v.communityId, v.userId,
  ]);
}
