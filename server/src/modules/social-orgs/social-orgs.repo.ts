import type { SocialOrgDto, SocialOrgKind } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf, joinPerson, personJson, toPersonSummary, type PersonJson } from '../person-roles/person-ref.js';

export interface SocialOrgRow {
  id: number;
  name: string;
  kind: SocialOrgKind;
  node_id: number;
  node_name: string;
  node_path: string;
  contact_id: number | null;
  contact: PersonJson | null;
  services: string[];
  registered: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface SocialOrgValues {
  name: string;
  kind: SocialOrgKind;
  nodeId: number;
  contactId: number | null;
  services: string[];
  registered: boolean;
}

const COLUMNS = `o.id, o.name, o.kind, o.node_id, n.name AS node_name, n.path AS node_path, o.contact_id, ${personJson('cp')} AS contact,
  o.services, o.registered, o.created_at, o.updated_at`;
const FROM = `FROM social_orgs o JOIN nodes n ON n.id = o.node_id ${joinPerson('cp', 'o.contact_id')}`;

export function toSocialOrgDto(r: SocialOrgRow): SocialOrgDto {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    nodeId: r.node_id,
    nodeName: r.node_name,
    contact: toPersonSummary(r.contact),
    services: r.services,
    registered: r.registered,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export function listSocialOrgs(
  q: Queryable,
  f: { scopePatterns: string[]; q?: string | undefined; subtreePath?: string | undefined; kind?: SocialOrgKind | undefined; registered?: boolean | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<SocialOrgDto>> {
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.q, 'o.name ILIKE ?', `%${likeEscape(f.q ?? '')}%`)
    .addIf(f.kind, 'o.kind = ?', f.kind)
    .addIf(f.registered, 'o.registered = ?', f.registered);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 'o.name, o.id', params: where.params }, page, toSocialOrgDto);
}

export async function getSocialOrg(q: Queryable, id: number): Promise<SocialOrgRow | undefined> {
  const [row] = await q.query<SocialOrgRow>(`SELECT ${COLUMNS} ${FROM} WHERE o.id = $1`, [id]);
  return row;
}

export async function insertSocialOrg(q: Queryable, v: SocialOrgValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO social_orgs (name, kind, node_id, contact_id, services, registered) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [v.name, v.kind, v.nodeId, v.contactId, v.services, v.registered],
  );
  return row!.id;
}

export async function updateSocialOrg(q: Queryable, id: number, v: SocialOrgValues): Promise<void> {
  await q.query(
    `UPDATE social_orgs SET name = $2, kind = $3, node_id = $4, contact_id = $5, services = $6, registered = $7, updated_at = now() WHERE id = $1`,
    [id, v.name, v.kind, v.nodeId, v.contactId, v.services, v.registered],
  );
}
