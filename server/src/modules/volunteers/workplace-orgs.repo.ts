import { maskPhone, type WorkplaceOrgDto, type WorkplaceOrgStatus, type WorkplacePartyOrgType } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoDate, isoOf } from '../person-roles/person-ref.js';

export interface WorkplaceOrgRow {
  id: number;
  community_id: number;
  community_name: string;
  community_path: string;
  name: string;
  credit_code: string | null;
  party_org_type: WorkplacePartyOrgType;
  party_org_name: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  status: WorkplaceOrgStatus;
  registered_at: string;
  created_at: Date;
  updated_at: Date;
}

export interface WorkplaceOrgValues {
  communityId: number;
  name: string;
  creditCode: string | null;
  partyOrgType: WorkplacePartyOrgType;
  partyOrgName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  status: WorkplaceOrgStatus;
  registeredAt: string;
}

const COLUMNS = `w.id, w.community_id, n.name AS community_name, n.path AS community_path, w.name, w.credit_code, w.party_org_type,
  w.party_org_name, w.contact_name, w.contact_phone, w.status, ${isoDate('w.registered_at')} AS registered_at, w.created_at, w.updated_at`;
const FROM = 'FROM workplace_orgs w JOIN nodes n ON n.id = w.community_id';

/** The contact phone is masked here, so no response carries it in clear. */
export function toWorkplaceOrgDto(r: WorkplaceOrgRow): WorkplaceOrgDto {
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    name: r.name,
    creditCode: r.credit_code,
    partyOrgType: r.party_org_type,
    partyOrgName: r.party_org_name,
    contactName: r.contact_name,
    contactPhone: maskPhone(r.contact_phone),
    status: r.status,
    registeredAt: r.registered_at,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

/**
 * Organisations of the communities in the scope, and of the communities above it: a compound
 * branch sees the organisations registered at its community.
 */
export function listWorkplaceOrgs(
  q: Queryable,
  f: { scopePaths: string[]; subtreePath?: string | undefined; status?: WorkplaceOrgStatus | undefined; q?: string | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<WorkplaceOrgDto>> {
  const where = new Where()
    .add("(n.path LIKE ANY(?) OR EXISTS (SELECT 1 FROM unnest(?::text[]) s(p) WHERE s.p LIKE n.path || '%'))", f.scopePaths.map((p) => `${p}%`), f.scopePaths)
    .addIf(f.subtreePath, "(n.path LIKE ? OR ? LIKE n.path || '%')", `${f.subtreePath}%`, f.subtreePath)
    .addIf(f.status, 'w.status = ?', f.status)
    .addIf(f.q, '(w.name ILIKE ? OR w.credit_code = ?)', `%${likeEscape(f.q ?? '')}%`, (f.q ?? '').toUpperCase());
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 'n.path, w.name, w.id', params: where.params }, page, toWorkplaceOrgDto);
}

export async function getWorkplaceOrg(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<WorkplaceOrgRow | undefined> {
  const [row] = await q.query<WorkplaceOrgRow>(`SELECT ${COLUMNS} ${FROM} WHERE w.id = $1 ${opts.forUpdate ? 'FOR UPDATE OF w' : ''}`, [id]);
  return row;
}

/** The active organisations registered at the community above a compound (what a member may pick). */
export async function orgsForCompound(q: Queryable, compoundPath: string): Promise<{ id: number; name: string }[]> {
  return q.query<{ id: number; name: string }>(
    `SELECT w.id, w.name FROM workplace_orgs w JOIN nodes n ON n.id = w.community_id
      WHERE w.status = 'active' AND $1 LIKE n.path || '%' ORDER BY w.name, w.id`,
    [compoundPath],
  );
}

export async function findByName(q: Queryable, communityId: number, name: string, exceptId = 0): Promise<{ id: number } | undefined> {
  const [row] = await q.query<{ id: number }>('SELECT id FROM workplace_orgs WHERE community_id = $1 AND name = $2 AND id <> $3', [communityId, name, exceptId]);
  return row;
}

export async function insertWorkplaceOrg(q: Queryable, v: WorkplaceOrgValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO workplace_orgs (community_id, name, credit_code, party_org_type, party_org_name, contact_name, contact_phone, status, registered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [v.communityId, v.name, v.creditCode, v.partyOrgType, v.partyOrgName, v.contactName, v.contactPhone, v.status, v.registeredAt],
  );
  return row!.id;
}

export async function updateWorkplaceOrg(q: Queryable, id: number, v: WorkplaceOrgValues): Promise<void> {
  await q.query(
    `UPDATE workplace_orgs SET name = $2, credit_code = $3, party_org_type = $4, party_org_name = $5, contact_name = $6,
       contact_phone = $7, status = $8, registered_at = $9, updated_at = now() WHERE id = $1`,
    [id, v.name, v.creditCode, v.partyOrgType, v.partyOrgName, v.contactName, v.contactPhone, v.status, v.registeredAt],
  );
}
