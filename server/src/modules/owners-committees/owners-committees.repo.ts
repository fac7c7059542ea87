import { partyShareOf, type CommitteePosition, type OwnersCommitteeDto, type PersonSummaryDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoDate, rolePersonJson, toRequiredPersonSummary } from '../person-roles/person-ref.js';

// Committee changes and party-membership removals both decide the 60% rule: one at a time.
const COMMITTEE_RULE_LOCK = 7_244_010;
export async function lockCommitteeRule(q: Queryable): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1)', [COMMITTEE_RULE_LOCK]);
}

interface CommitteeRow {
  id: number;
  compound_id: number;
  compound_name: string;
  compound_path: string;
  term_start: string;
  term_end: string;
  election_date: string;
  current: boolean;
  member_count: number;
  party_member_count: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `c.id, c.compound_id, n.name AS compound_name, n.path AS compound_path,
  ${isoDate('c.term_start')} AS term_start, ${isoDate('c.term_end')} AS term_end, ${isoDate('c.election_date')} AS election_date,
  (c.term_start <= current_date AND c.term_end >= current_date) AS current,
  (SELECT count(*)::int FROM owners_committee_members cm WHERE cm.committee_id = c.id) AS member_count,
  (SELECT count(*)::int FROM owners_committee_members cm JOIN party_members pm ON pm.person_id = cm.person_id
    WHERE cm.committee_id = c.id) AS party_member_count,
  c.created_at, c.updated_at`;
const FROM = 'FROM owners_committees c JOIN nodes n ON n.id = c.compound_id';

export type CommitteeRecord = OwnersCommitteeDto & { compoundPath: string };

function toRecord(r: CommitteeRow): CommitteeRecord {
  return {
    id: r.id,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    compoundPath: r.compound_path,
    termStart: r.term_start,
    termEnd: r.term_end,
    electionDate: r.election_date,
    current: r.current,
    memberCount: r.member_count,
    partyMemberCount: r.party_member_count,
    partyShare: partyShareOf(r.party_member_count, r.member_count),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function listCommittees(
  q: Queryable,
  f: { scopePatterns: string[]; subtreePath?: string | undefined; current?: boolean | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<CommitteeRecord>> {
  const where = new Where().add('n.path LIKE ANY(?)', f.scopePatterns).addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`);
  if (f.current !== undefined) where.add(`(c.term_start <= current_date AND c.term_end >= current_date) = ?`, f.current);
  return pagedQuery(q, { select: SELECT, fromWhere: `${FROM} ${where}`, orderBy: 'n.path, c.term_start DESC, c.id', params: where.params }, page, toRecord);
}

export async function getCommittee(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<CommitteeRecord | undefined> {
  const [row] = await q.query<CommitteeRow>(`SELECT ${SELECT} ${FROM} WHERE c.id = $1 ${opts.forUpdate ? 'FOR UPDATE OF c' : ''}`, [id]);
  return row && toRecord(row);
}

export interface CommitteeMemberRow {
  person: PersonSummaryDto;
  position: CommitteePosition;
  party_member: boolean;
}

export async function committeeMembers(q: Queryable, committeeId: number) {
  const rows = await q.query<CommitteeMemberRow>(
    `SELECT ${rolePersonJson('p')} AS person, cm.position, EXISTS (SELECT 1 FROM party_members pm WHERE pm.person_id = cm.person_id) AS party_member
       FROM owners_committee_members cm JOIN people p ON p.id = cm.person_id
      WHERE cm.committee_id = $1
      ORDER BY CASE cm.position WHEN 'director' THEN 0 WHEN 'deputy_director' THEN 1 ELSE 2 END, p.name, p.id`,
    [committeeId],
  );
  return rows.map((r) => ({ person: toRequiredPersonSummary(r.person), position: r.position, partyMember: r.party_member }));
}

/** How many of these people are party members. */
export async function partyMemberCount(q: Queryable, personIds: number[]): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM party_members WHERE person_id = ANY($1::int[])', [personIds]);
  return row!.n;
}

/** Committees of the compound whose term overlaps [start, end]. */
export function overlappingCommittees(q: Queryable, compoundId: number, start: string, end: string, exceptId = 0) {
  return q.query<{ id: number; term_start: string; term_end: string }>(
    `SELECT id, ${isoDate('term_start')} AS term_start, ${isoDate('term_end')} AS term_end FROM owners_committees
      WHERE compound_id = $1 AND id <> $2 AND daterange(term_start, term_end, '[]') && daterange($3::date, $4::date, '[]')
      ORDER BY term_start`,
    [compoundId, exceptId, start, end],
  );
}

/** Committees not yet ended on which the person sits, with their counts. */
export function openCommitteesOf(q: Queryable, personId: number) {
  return q.query<{ id: number; compound_name: string; member_count: number; party_member_count: number }>(
    `SELECT c.id, n.name AS compound_name,
       (SELECT count(*)::int FROM owners_committee_members x WHERE x.committee_id = c.id) AS member_count,
       (SELECT count(*)::int FROM owners_committee_members x JOIN party_members pm ON pm.person_id = x.person_id
         WHERE x.committee_id = c.id) AS party_member_count
       FROM owners_committee_members cm JOIN owners_committees c ON c.id = cm.committee_id JOIN nodes n ON n.id = c.compound_id
      WHERE cm.person_id = $1 AND c.term_end >= current_date
      ORDER BY c.id`,
    [personId],
  );
}

export interface CommitteeValues {
  termStart: string;
  termEnd: string;
  electionDate: string;
}

export async function insertCommittee(q: Queryable, compoundId: number, v: CommitteeValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO owners_committees (compound_id, term_start, term_end, election_date) VALUES ($1, $2, $3, $4) RETURNING id',
    [compoundId, v.termStart, v.termEnd, v.electionDate],
  );
  return row!.id;
}

export async function updateCommittee(q: Queryable, id: number, v: CommitteeValues): Promise<void> {
  await q.query('UPDATE owners_committees SET term_start = $2, term_end = $3, election_date = $4, updated_at = now() WHERE id = $1', [
    id, v.termStart, v.termEnd, v.electionDate,
  ]);
}

export async function setCommitteeMembers(q: Queryable, id: number, members: { personId: number; position: CommitteePosition }[]): Promise<void> {
  await q.query('DELETE FROM owners_committee_members WHERE committee_id = $1', [id]);
  await q.query(
    'INSERT INTO owners_committee_members (committee_id, person_id, position) SELECT $1, unnest($2::int[]), unnest($3::text[])',
    [id, members.map((m) => m.personId), members.map((m) => m.position)],
  );
}

export async function deleteCommittee(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM owners_committees WHERE id = $1', [id]);
}
