import type { RedShopDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf, joinPerson, personJson, toPersonSummary, type PersonJson } from '../person-roles/person-ref.js';

export interface RedShopRow {
  id: number;
  name: string;
  node_id: number;
  node_name: string;
  node_path: string;
  keeper_id: number | null;
  keeper: PersonJson | null;
  services: string[];
  honours_points: boolean;
  joined_date: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RedShopValues {
  name: string;
  nodeId: number;
  keeperId: number | null;
  services: string[];
  honoursPoints: boolean;
  joinedDate: string | null;
}

const COLUMNS = `s.id, s.name, s.node_id, n.name AS node_name, n.path AS node_path, s.keeper_id, ${personJson('kp')} AS keeper,
  s.services, s.honours_points, to_char(s.joined_date, 'YYYY-MM-DD') AS joined_date, s.created_at, s.updated_at`;
const FROM = `FROM red_shops s JOIN nodes n ON n.id = s.node_id ${joinPerson('kp', 's.keeper_id')}`;

export function toRedShopDto(r: RedShopRow): RedShopDto {
  return {
    id: r.id,
    name: r.name,
    nodeId: r.node_id,
    nodeName: r.node_name,
    keeper: toPersonSummary(r.keeper),
    services: r.services,
    honoursPoints: r.honours_points,
    joinedDate: r.joined_date,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export function listRedShops(
  q: Queryable,
  f: { scopePatterns: string[]; q?: string | undefined; subtreePath?: string | undefined; honoursPoints?: boolean | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<RedShopDto>> {
  const like = `%${likeEscape(f.q ?? '')}%`;
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.q, '(s.name ILIKE ? OR kp.name ILIKE ?)', like, like)
    .addIf(f.honoursPoints, 's.honours_points = ?', f.honoursPoints);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 's.name, s.id', params: where.params }, page, toRedShopDto);
}

export async function getRedShop(q: Queryable, id: number): Promise<RedShopRow | undefined> {
  const [row] = await q.query<RedShopRow>(`SELECT ${COLUMNS} ${FROM} WHERE s.id = $1`, [id]);
  return row;
}

export async function insertRedShop(q: Queryable, v: RedShopValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO red_shops (name, node_id, keeper_id, services, honours_points, joined_date) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [v.name, v.nodeId, v.keeperId, v.services, v.honoursPoints, v.joinedDate],
  );
  return row!.id;
}

export async function updateRedShop(q: Queryable, id: number, v: RedShopValues): Promise<void> {
  await q.query(
    `UPDATE red_shops SET name = $2, node_id = $3, keeper_id = $4, services = $5, honours_points = $6, joined_date = $7, updated_at = now() WHERE id = $1`,
    [id, v.name, v.nodeId, v.keeperId, v.services, v.honoursPoints, v.joinedDate],
  );
}
