import type { PartyMemberDto, PartyMemberManagement, PartyMemberStatus, PersonSummaryDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { matchName } from '../people/people.repo.js';
import { isoDate, rolePersonJson, toRequiredPersonSummary } from '../person-roles/person-ref.js';

interface PartyMemberRow {
  id: number;
  person: PersonSummaryDto;
  person_id: number;
  status: PartyMemberStatus;
  joined_date: string;
  branch_id: number;
  branch_name: string;
  management: PartyMemberManagement;
  workplace_org: string | null;
  node_id: number;
  node_name: string;
  node_path: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `m.id, ${rolePersonJson('p')} AS person, m.person_id, m.status, ${isoDate('m.joined_date')} AS joined_date,
  m.branch_id, b.name AS branch_name, m.management, m.workplace_org, m.node_id, n.name AS node_name, n.path AS node_path,
  m.created_at, m.updated_at`;
const FROM = `FROM party_members m JOIN people p ON p.id = m.person_id JOIN nodes n ON n.id = m.node_id
  JOIN party_orgs b ON b.id = m.branch_id`;

export type PartyMemberRecord = PartyMemberDto & { personId: number; nodePath: string };

function toRecord(r: PartyMemberRow): PartyMemberRecord {
  return {
    id: r.id,
    person: toRequiredPersonSummary(r.person),
    personId: r.person_id,
    status: r.status,
    joinedDate: r.joined_date,
    branchId: r.branch_id,
    branchName: r.branch_name,
    management: r.management,
    workplaceOrg: r.workplace_org,
    nodeId: r.node_id,
    nodeName: r.node_name,
    nodePath: r.node_path,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function listPartyMembers(
  q: Queryable,
  f: {
    scopePatterns: string[];
    subtreePath?: string | undefined;
    status?: PartyMemberStatus | undefined;
    management?: PartyMemberManagement | undefined;
    branchId?: number | undefined;
    q?: string | undefined;
  },
  page: { page: number; pageSize: number },
): Promise<Page<PartyMemberRecord>> {
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.status, 'm.status = ?', f.status)
    .addIf(f.management, 'm.management = ?', f.management)
    .addIf(f.branchId, 'm.branch_id = ?', f.branchId);
  if (f.q) matchName(where, 'p', f.q);
  return pagedQuery(q, { select: SELECT, fromWhere: `${FROM} ${where}`, orderBy: 'n.path, m.id', params: where.params }, page, toRecord);
}

export async function getPartyMember(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<PartyMemberRecord | undefined> {
  const [row] = await q.query<PartyMemberRow>(`SELECT ${SELECT} ${FROM} WHERE m.id = $1 ${opts.forUpdate ? 'FOR UPDATE OF m' : ''}`, [id]);
  return row && toRecord(row);
}

export async function membershipOf(q: Queryable, personId: number): Promise<{ id: number } | undefined> {
  const [row] = await q.query<{ id: number }>('SELECT id FROM party_members WHERE person_id = $1', [personId]);
  return row;
}

/** The branch, if `branchId` is a branch that covers the compound. */
export async function branchCovering(q: Queryable, branchId: number, compoundId: number): Promise<{ id: number; name: string } | undefined> {
  const [row] = await q.query<{ id: number; name: string }>(
    `SELECT b.id, b.name FROM party_orgs b JOIN branch_compounds bc ON bc.branch_id = b.id
      WHERE b.id = $1 AND b.kind = 'branch' AND bc.compound_id = $2`,
    [branchId, compoundId],
  );
  return row;
}

export interface PartyMemberValues {
  status: PartyMemberStatus;
  joinedDate: string;
  branchId: number;
  management: PartyMemberManagement;
  workplaceOrg: string | null;
  nodeId: number;
}

export async function insertPartyMember(q: Queryable, personId: number, v: PartyMemberValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO party_members (person_id, status, joined_date, branch_id, management, workplace_org, node_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [personId, v.status, v.joinedDate, v.branchId, v.management, v.workplaceOrg, v.nodeId],
  );
  return row!.id;
}

export async function updatePartyMember(q: Queryable, id: number, v: PartyMemberValues): Promise<void> {
  await q.query(
    `UPDATE party_members SET status = $2, joined_date = $3, branch_id = $4, management = $5, workplace_org = $6, node_id = $7, updated_at = now()
      WHERE id = $1`,
    [id, v.status, v.joinedDate, v.branchId, v.management, v.workplaceOrg, v.nodeId],
  );
}

export async function deletePartyMember(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM party_members WHERE id = $1', [id]);
}
