import { maskPhone, type PropertyCompanyDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';

export interface CompanyRow {
  id: number;
  name: string;
  credit_code: string;
  contact_name: string | null;
  contact_phone: string | null;
  has_party_org: boolean;
  party_org_name: string | null;
  industry_committee_name: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface CompanyValues {
  name: string;
  creditCode: string;
  contactName: string | null;
  contactPhone: string | null;
  hasPartyOrg: boolean;
  partyOrgName: string | null;
  industryCommitteeName: string | null;
}

const COLUMNS = `c.id, c.name, c.credit_code, c.contact_name, c.contact_phone, c.has_party_org, c.party_org_name,
  c.industry_committee_name, c.created_at, c.updated_at`;

export function toCompanyDto(r: CompanyRow): PropertyCompanyDto {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    contactName: r.contact_name,
    contactPhone: maskPhone(r.contact_phone),
    hasPartyOrg: r.has_party_org,
    partyOrgName: r.party_org_name,
    industryCommitteeName: r.industry_committee_name,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export function listCompanies(
  q: Queryable,
  f: { q?: string | undefined; hasPartyOrg?: boolean | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<PropertyCompanyDto>> {
  const where = new Where()
    .addIf(f.q, '(c.name ILIKE ? OR c.credit_code = ?)', `%${likeEscape(f.q ?? '')}%`, (f.q ?? '').toUpperCase())
    .addIf(f.hasPartyOrg, 'c.has_party_org = ?', f.hasPartyOrg);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `FROM property_companies c ${where}`, orderBy: 'c.name, c.id', params: where.params }, page, toCompanyDto);
}

export async function getCompany(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<CompanyRow | undefined> {
  const [row] = await q.query<CompanyRow>(`SELECT ${COLUMNS} FROM property_companies c WHERE c.id = $1 ${opts.forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  return row;
}

export async function findByCreditCode(q: Queryable, creditCode: string, exceptId = 0): Promise<{ id: number; name: string } | undefined> {
  const [row] = await q.query<{ id: number; name: string }>('SELECT id, name FROM property_companies WHERE credit_code = $1 AND id <> $2', [creditCode, exceptId]);
  return row;
}

export async function insertCompany(q: Queryable, v: CompanyValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO property_companies (name, credit_code, contact_name, contact_phone, has_party_org, party_org_name, industry_committee_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [v.name, v.creditCode, v.contactName, v.contactPhone, v.hasPartyOrg, v.partyOrgName, v.industryCommitteeName],
  );
  return row!.id;
}

export async function updateCompany(q: Queryable, id: number, v: CompanyValues): Promise<void> {
  await q.query(
    `UPDATE property_companies SET name = $2, credit_code = $3, contact_name = $4, contact_phone = $5, has_party_org = $6,
       party_org_name = $7, industry_committee_name = $8, updated_at = now() WHERE id = $1`,
    [id, v.name, v.creditCode, v.contactName, v.contactPhone, v.hasPartyOrg, v.partyOrgName, v.industryCommitteeName],
  );
}
