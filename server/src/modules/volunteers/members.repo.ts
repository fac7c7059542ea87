import type { DualMemberDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf, rolePersonJson, toRequiredPersonSummary, type PersonJson } from '../person-roles/person-ref.js';

interface MemberRow {
  party_member_id: number;
  person: PersonJson;
  compound_id: number;
  compound_name: string;
  workplace_org_id: number | null;
  workplace_org_name: string | null;
  registration_id: number | null;
  registered_at: Date | null;
  approved_at: Date | null;
  last_service_at: Date | null;
  total_hours: string | number;
  inactive: boolean;
}

/**
 * Volunteer service comes from activity sign-ups (volunteer_signups, a later migration); until
 * that table exists every member has served nothing.
 */
async function serviceSource(q: Queryable): Promise<string> {
  const [row] = await q.query<{ present: boolean }>("SELECT to_regclass('volunteer_signups') IS NOT NULL AS present");
  return row?.present
    ? `(SELECT max(s.checked_out_at) AS last_at, COALESCE(sum(s.hours), 0) AS hours
          FROM volunteer_signups s WHERE s.person_id = m.person_id AND s.checked_out_at IS NOT NULL)`
    : '(SELECT NULL::timestamptz AS last_at, 0::numeric AS hours)';
}

/** Dual-registered party members in the scope, with their latest approved registration and their service. */
export async function listDualMembers(
  q: Queryable,
  f: { scopePatterns: string[]; subtreePath?: string | undefined; inactiveDays: number; inactive?: boolean | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<DualMemberDto>> {
  const where = new Where()
    .add("m.management = 'dual'")
    .add('c.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'c.path LIKE ?', `${f.subtreePath}%`);
  const inactiveSql = `(sv.last_at IS NULL OR sv.last_at < now() - make_interval(days => ${Number(f.inactiveDays)}))`;
  if (f.inactive !== undefined) where.add(f.inactive ? inactiveSql : `NOT ${inactiveSql}`);
  const fromWhere = `FROM party_members m JOIN people p ON p.id = m.person_id JOIN nodes c ON c.id = m.node_id
    LEFT JOIN LATERAL (SELECT r.id, r.workplace_org_id, r.created_at, r.decided_at FROM dual_registrations r
      WHERE r.person_id = m.person_id AND r.status = 'approved' ORDER BY r.decided_at DESC LIMIT 1) reg ON true
    LEFT JOIN workplace_orgs w ON w.id = reg.workplace_org_id
    LEFT JOIN LATERAL ${await serviceSource(q)} sv ON true
    ${where}`;
  const select = `m.id AS party_member_id, ${rolePersonJson('p')} AS person, m.node_id AS compound_id, c.name AS compound_name,
    reg.workplace_org_id, COALESCE(w.name, m.workplace_org) AS workplace_org_name, reg.id AS registration_id, reg.created_at AS registered_at, reg.decided_at AS approved_at,
    sv.last_at AS last_service_at, sv.hours AS total_hours, ${inactiveSql} AS inactive`;
  return pagedQuery(q, { select, fromWhere, orderBy: 'c.path, m.id', params: where.params }, page, toDto);
}

function toDto(r: MemberRow): DualMemberDto {
  return {
    partyMemberId: r.party_member_id,
    person: toRequiredPersonSummary(r.person),
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    workplaceOrgId: r.workplace_org_id,
    workplaceOrgName: r.workplace_org_name,
    registrationId: r.registration_id,
    registeredAt: r.registered_at && isoOf(r.registered_at),
    approvedAt: r.approved_at && isoOf(r.approved_at),
    lastServiceAt: r.last_service_at && isoOf(r.last_service_at),
    totalHours: Number(r.total_hours),
    inactive: r.inactive,
  };
}

export async function getSettings(q: Queryable): Promise<{ inactive_days: number; updated_at: Date }> {
  const [row] = await q.query<{ inactive_days: number; updated_at: Date }>('SELECT inactive_days, updated_at FROM volunteer_settings WHERE id = 1');
  return row!;
}

export async function updateSettings(q: Queryable, inactiveDays: number, userId: number | null): Promise<void> {
  await q.query('UPDATE volunteer_settings SET inactive_days = $1, updated_by = $2, updated_at = now() WHERE id = 1', [inactiveDays, userId]);
}

