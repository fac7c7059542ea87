import type { CommitteePosition, PersonSummaryDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoDate, rolePersonJson, toRequiredPersonSummary, type PersonJson } from '../person-roles/person-ref.js';

/** Which of these people are party members. */
export async function partyMembersAmong(q: Queryable, personIds: number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await q.query<{ person_id: number }>('SELECT person_id FROM party_members WHERE person_id = ANY($1::int[])', [personIds]);
  return new Set(rows.map((r) => r.person_id));
}

/** One committee member with their committee: a row of the export. */
export interface CommitteeMemberExportRow {
  committeeId: number;
  compoundName: string;
  compoundCode: string;
  termStart: string;
  termEnd: string;
  electionDate: string;
  current: boolean;
  person: PersonSummaryDto;
  position: CommitteePosition;
  partyMember: boolean;
}

interface MemberRow {
  committee_id: number;
  compound_name: string;
  compound_code: string;
  term_start: string;
  term_end: string;
  election_date: string;
  current: boolean;
  person: PersonJson;
  position: CommitteePosition;
  party_member: boolean;
}

/** The members of the committees in scope (and in the subtree, current or not), one row each, committee by committee. */
export function listCommitteeMembers(
  q: Queryable,
  f: { scopePatterns: string[]; subtreePath?: string | undefined; current?: boolean | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<CommitteeMemberExportRow>> {
  const where = new Where().add('n.path LIKE ANY(?)', f.scopePatterns).addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`);
  if (f.current !== undefined) where.add('(c.term_start <= current_date AND c.term_end >= current_date) = ?', f.current);
  return pagedQuery<MemberRow, CommitteeMemberExportRow>(
    q,
    {
      select: `c.id AS committee_id, n.name AS compound_name, n.code AS compound_code, ${isoDate('c.term_start')} AS term_start,
        ${isoDate('c.term_end')} AS term_end, ${isoDate('c.election_date')} AS election_date,
        (c.term_start <= current_date AND c.term_end >= current_date) AS current, ${rolePersonJson('p')} AS person, cm.position,
        EXISTS (SELECT 1 FROM party_members pm WHERE pm.person_id = cm.person_id) AS party_member`,
      fromWhere: `FROM owners_committee_members cm JOIN owners_committees c ON c.id = cm.committee_id
        JOIN nodes n ON n.id = c.compound_id JOIN people p ON p.id = cm.person_id ${where}`,
      orderBy: `n.path, c.term_start DESC, c.id, CASE cm.position WHEN 'director' THEN 0 WHEN 'deputy_director' THEN 1 ELSE 2 END, p.name, p.id`,
      params: where.params,
    },
    page,
    (r) => ({
      committeeId: r.committee_id,
      compoundName: r.compound_name,
      compoundCode: r.compound_code,
      termStart: r.term_start,
      termEnd: r.term_end,
      electionDate: r.election_date,
      current: r.current,
      person: toRequiredPersonSummary(r.person),
      position: r.position,
      partyMember: r.party_member,
    }),
  );
}
