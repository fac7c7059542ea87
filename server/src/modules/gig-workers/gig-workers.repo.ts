import type { GigWorkerDto, GigWorkerType } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf, joinPerson, personJson, toRequiredPersonSummary, type PersonJson } from '../person-roles/person-ref.js';

export interface GigWorkerRow {
  id: number;
  person_id: number;
  person: PersonJson;
  type: GigWorkerType;
  platform: string | null;
  node_id: number;
  node_name: string;
  node_path: string;
  created_at: Date;
  updated_at: Date;
}

export interface GigWorkerValues {
  personId: number;
  type: GigWorkerType;
  platform: string | null;
  nodeId: number;
}

const COLUMNS = `g.id, g.person_id, ${personJson('gp')} AS person, g.type, g.platform, g.node_id, n.name AS node_name, n.path AS node_path,
  g.created_at, g.updated_at`;
const FROM = `FROM gig_workers g JOIN nodes n ON n.id = g.node_id ${joinPerson('gp', 'g.person_id')}`;

export function toGigWorkerDto(r: GigWorkerRow): GigWorkerDto {
  return {
    id: r.id,
    person: toRequiredPersonSummary(r.person),
    type: r.type,
    platform: r.platform,
    nodeId: r.node_id,
    nodeName: r.node_name,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export function listGigWorkers(
  q: Queryable,
  f: { scopePatterns: string[]; q?: string | undefined; subtreePath?: string | undefined; type?: GigWorkerType | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<GigWorkerDto>> {
  const like = `%${likeEscape(f.q ?? '')}%`;
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.q, '(gp.name ILIKE ? OR g.platform ILIKE ?)', like, like)
    .addIf(f.type, 'g.type = ?', f.type);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 'gp.name, g.id', params: where.params }, page, toGigWorkerDto);
}

export async function getGigWorker(q: Queryable, id: number): Promise<GigWorkerRow | undefined> {
  const [row] = await q.query<GigWorkerRow>(`SELECT ${COLUMNS} ${FROM} WHERE g.id = $1`, [id]);
  return row;
}

export async function findByPerson(q: Queryable, personId: number): Promise<{ id: number; node_path: string } | undefined> {
  const [row] = await q.query<{ id: number; node_path: string }>(
    'SELECT g.id, n.path AS node_path FROM gig_workers g JOIN nodes n ON n.id = g.node_id WHERE g.person_id = $1',
    [personId],
  );
  return row;
}

export async function insertGigWorker(q: Queryable, v: GigWorkerValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO gig_workers (person_id, type, platform, node_id) VALUES ($1, $2, $3, $4) RETURNING id',
    [v.personId, v.type, v.platform, v.nodeId],
  );
  return row!.id;
}

export async function updateGigWorker(q: Queryable, id: number, v: GigWorkerValues): Promise<void> {
  await q.query('UPDATE gig_workers SET type = $2, platform = $3, node_id = $4, updated_at = now() WHERE id = $1', [id, v.type, v.platform, v.nodeId]);
}
