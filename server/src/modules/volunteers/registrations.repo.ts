import type { DualRegistrationDto, DualRegistrationSource, DualRegistrationStatus, MyDualRegistrationDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf, rolePersonJson, toRequiredPersonSummary, type PersonJson } from '../person-roles/person-ref.js';

export interface RegistrationRow {
  id: number;
  person: PersonJson;
  person_id: number;
  compound_id: number;
  compound_name: string;
  compound_path: string;
  workplace_org_id: number | null;
  /** The registered organisation's name, or the name given. */
  workplace_name: string;
  source: DualRegistrationSource;
  status: DualRegistrationStatus;
  decline_reason: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  party_member_id: number | null;
  withdraw_reason: string | null;
  withdrawn_at: Date | null;
  created_at: Date;
}

const SELECT = `r.id, ${rolePersonJson('p')} AS person, r.person_id, r.compound_id, c.name AS compound_name, c.path AS compound_path,
  r.workplace_org_id, COALESCE(w.name, r.workplace_org_name) AS workplace_name, r.source, r.status, r.decline_reason,
  u.display_name AS decided_by_name, r.decided_at, r.party_member_id, r.withdraw_reason, r.withdrawn_at, r.created_at`;
const FROM = `FROM dual_registrations r JOIN people p ON p.id = r.person_id JOIN nodes c ON c.id = r.compound_id
  LEFT JOIN workplace_orgs w ON w.id = r.workplace_org_id LEFT JOIN users u ON u.id = r.decided_by`;

export function toRegistrationDto(r: RegistrationRow): DualRegistrationDto {
  return {
    id: r.id,
    person: toRequiredPersonSummary(r.person),
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    workplaceOrgId: r.workplace_org_id,
    workplaceOrgName: r.workplace_name,
    source: r.source,
    status: r.status,
    declineReason: r.decline_reason,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at && isoOf(r.decided_at),
    partyMemberId: r.party_member_id,
    withdrawReason: r.withdraw_reason,
    withdrawnAt: r.withdrawn_at && isoOf(r.withdrawn_at),
    createdAt: isoOf(r.created_at),
  };
}

export function toMyRegistrationDto(r: RegistrationRow): MyDualRegistrationDto {
  return {
    id: r.id,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    workplaceOrgName: r.workplace_name,
    status: r.status,
    declineReason: r.decline_reason,
    decidedAt: r.decided_at && isoOf(r.decided_at),
    createdAt: isoOf(r.created_at),
  };
}

export function listRegistrations(
  q: Queryable,
  f: { scopePatterns: string[]; subtreePath?: string | undefined; status?: DualRegistrationStatus | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<DualRegistrationDto>> {
  const where = new Where()
    .add('c.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'c.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.status, 'r.status = ?', f.status);
  // Pending ones first (the branch's work), then the newest.
  return pagedQuery(
    q,
    { select: SELECT, fromWhere: `${FROM} ${where}`, orderBy: "(r.status = 'pending') DESC, r.created_at DESC, r.id DESC", params: where.params },
    page,
    toRegistrationDto,
  );
}

export async function getRegistration(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<RegistrationRow | undefined> {
  const [row] = await q.query<RegistrationRow>(`SELECT ${SELECT} ${FROM} WHERE r.id = $1 ${opts.forUpdate ? 'FOR UPDATE OF r' : ''}`, [id]);
  return row;
}

/** A person's registrations, newest first. */
export async function registrationsOfPerson(q: Queryable, personId: number): Promise<RegistrationRow[]> {
  return q.query<RegistrationRow>(`SELECT ${SELECT} ${FROM} WHERE r.person_id = $1 ORDER BY r.created_at DESC, r.id DESC LIMIT 50`, [personId]);
}

/** The registration under way or in force, if any. */
export async function liveRegistrationOf(q: Queryable, personId: number): Promise<{ id: number; status: DualRegistrationStatus; compound_name: string } | undefined> {
  const [row] = await q.query<{ id: number; status: DualRegistrationStatus; compound_name: string }>(
    `SELECT r.id, r.status, c.name AS compound_name FROM dual_registrations r JOIN nodes c ON c.id = r.compound_id
      WHERE r.person_id = $1 AND r.status IN ('pending','approved')`,
    [personId],
  );
  return row;
}

export interface RegistrationValues {
  personId: number;
  compoundId: number;
  workplaceOrgId: number | null;
  workplaceOrgName: string | null;
  source: DualRegistrationSource;
  residentId: number | null;
  createdBy: number | null;
}

export async function insertRegistration(q: Queryable, v: RegistrationValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO dual_registrations (person_id, compound_id, workplace_org_id, workplace_org_name, source, resident_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [v.personId, v.compoundId, v.workplaceOrgId, v.workplaceOrgName, v.source, v.residentId, v.createdBy],
  );
  return row!.id;
}

export async function approveRegistration(q: Queryable, id: number, decidedBy: number | null, partyMemberId: number): Promise<void> {
  await q.query(
    `UPDATE dual_registrations SET status = 'approved', decided_by = $2, decided_at = now(), party_member_id = $3, updated_at = now() WHERE id = $1`,
    [id, decidedBy, partyMemberId],
  );
}

export async function declineRegistration(q: Queryable, id: number, decidedBy: number | null, reason: string): Promise<void> {
  await q.query(
    `UPDATE dual_registrations SET status = 'declined', decided_by = $2, decided_at = now(), decline_reason = $3, updated_at = now() WHERE id = $1`,
    [id, decidedBy, reason],
  );
}

export async function withdrawRegistration(q: Queryable, id: number, withdrawnBy: number | null, reason: string): Promise<void> {
  await q.query(
    `UPDATE dual_registrations SET status = 'withdrawn', withdrawn_by = $2, withdrawn_at = now(), withdraw_reason = $3, updated_at = now() WHERE id = $1`,
    [id, withdrawnBy, reason],
  );
}
