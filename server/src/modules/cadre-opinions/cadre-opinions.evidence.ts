import type { CadreOpinionEvidence } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { isoOf } from '../person-roles/person-ref.js';

/** Tables the evidence reads that belong to other modules; a missing one reads as "nothing recorded". */
const SOURCES = [
  'dual_registrations', 'workplace_orgs', 'volunteer_signups', 'point_accounts', 'point_entries', 'residents', 'topics', 'topic_comments',
  'topic_supports', 'topic_vote_ballots', 'topic_ratings', 'consultation_meeting_attendances', 'stewards', 'owners_committee_members', 'owners_committees',
  'party_members',
] as const;
type Source = (typeof SOURCES)[number];

export async function presentTables(q: Queryable): Promise<ReadonlySet<Source>> {
  const [row] = await q.query<Record<Source, boolean>>(`SELECT ${SOURCES.map((t) => `to_regclass('${t}') IS NOT NULL AS ${t}`).join(', ')}`);
  return new Set(SOURCES.filter((t) => row?.[t]));
}

interface EvidenceRow {
  dual: { status: CadreOpinionEvidence['dualRegistration']['status']; compound_name: string; workplace_name: string | null; since: string } | null;
  activities: number;
  hours: string | number | null;
  balance: number;
  earned: number;
  linked: boolean;
  topics: number;
  comments: number;
  supports: number;
  votes: number;
  ratings: number;
  signins: number;
  steward: boolean;
  committee_position: 'director' | 'deputy_director' | 'member' | null;
  member: { status: 'full' | 'probationary'; management: 'direct' | 'dual'; branch_name: string } | null;
}

/**
 * What the platform records about the cadre, as of `at`: dual registration, volunteering in the
 * three years before, points, consultation participation of the verified residents linked to
 * the person, and their roles in compound affairs. One query; $1 the person, $2 the moment.
 * `tables` (from presentTables) saves a look-up when taking many.
 */
export async function takeEvidence(q: Queryable, personId: number, at: Date, tables?: ReadonlySet<Source>): Promise<CadreOpinionEvidence> {
  const has = tables ?? (await presentTables(q));
  const or = (t: Source, sql: string, none: string) => (has.has(t) ? sql : none);
  const residents = has.has('residents') ? '(SELECT r.id FROM residents r WHERE r.person_id = $1)' : '(SELECT NULL::int WHERE false)';
  const byResident = (t: Source) => or(t, `(SELECT count(*)::int FROM ${t} x WHERE x.resident_id IN ${residents})`, '0');
  const since = new Date(at.getTime());
  since.setUTCFullYear(since.getUTCFullYear() - 3);
  const [row] = await q.query<EvidenceRow>(
    `SELECT $3::timestamptz AS since_at,
       ${or('dual_registrations', `(SELECT json_build_object('status', d.status, 'compound_name', c.name,
            'workplace_name', ${has.has('workplace_orgs') ? 'COALESCE((SELECT w.name FROM workplace_orgs w WHERE w.id = d.workplace_org_id), d.workplace_org_name)' : 'd.workplace_org_name'},
            'since', to_char(COALESCE(d.decided_at, d.created_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'))
          FROM dual_registrations d JOIN nodes c ON c.id = d.compound_id
         WHERE d.person_id = $1 AND d.created_at <= $2 ORDER BY (d.status IN ('pending','approved')) DESC, d.created_at DESC, d.id DESC LIMIT 1)`, 'NULL::json')} AS dual,
       ${or('volunteer_signups', `(SELECT count(*)::int FROM volunteer_signups s WHERE s.person_id = $1 AND s.checked_in_at IS NOT NULL AND s.checked_in_at BETWEEN $3 AND $2)`, '0')} AS activities,
       ${or('volunteer_signups', `(SELECT COALESCE(sum(s.hours), 0) FROM volunteer_signups s WHERE s.person_id = $1 AND s.checked_out_at IS NOT NULL AND s.checked_out_at BETWEEN $3 AND $2)`, '0')} AS hours,
       ${or('point_accounts', `COALESCE((SELECT a.balance FROM point_accounts a WHERE a.person_id = $1), 0)`, '0')} AS balance,
       ${or('point_entries', `(SELECT COALESCE(sum(e.delta), 0)::int FROM point_entries e WHERE e.person_id = $1 AND e.kind = 'earn')`, '0')} AS earned,
       ${has.has('residents') ? `EXISTS ${residents}` : 'false'} AS linked,
       ${or('topics', `(SELECT count(*)::int FROM topics t WHERE t.raised_by_resident_id IN ${residents})`, '0')} AS topics,
       ${byResident('topic_comments')} AS comments,
       ${byResident('topic_supports')} AS supports,
       ${byResident('topic_vote_ballots')} AS votes,
       ${byResident('topic_ratings')} AS ratings,
       ${byResident('consultation_meeting_attendances')} AS signins,
       ${or('stewards', 'EXISTS (SELECT 1 FROM stewards s WHERE s.person_id = $1)', 'false')} AS steward,
       ${or('owners_committee_members', `(SELECT m.position FROM owners_committee_members m JOIN owners_committees oc ON oc.id = m.committee_id
          WHERE m.person_id = $1 ORDER BY (oc.term_end >= ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date) DESC, oc.term_start DESC LIMIT 1)`, 'NULL::text')} AS committee_position,
       ${or('party_members', `(SELECT json_build_object('status', pm.status, 'management', pm.management, 'branch_name', b.name)
          FROM party_members pm JOIN party_orgs b ON b.id = pm.branch_id WHERE pm.person_id = $1)`, 'NULL::json')} AS member`,
    [personId, at, since],
  );
  const r = row!;
  return {
    takenAt: isoOf(at),
    dualRegistration: r.dual
      ? { status: r.dual.status, compoundName: r.dual.compound_name, workplaceName: r.dual.workplace_name, since: r.dual.since }
      : { status: 'none', compoundName: null, workplaceName: null, since: null },
    volunteering: { since: isoOf(since).slice(0, 10), activities: r.activities, hours: Number(r.hours ?? 0) },
    points: { balance: r.balance, earned: r.earned },
    consultation: { linkedResident: r.linked, topicsRaised: r.topics, comments: r.comments, supports: r.supports, votes: r.votes, ratings: r.ratings, meetingSignIns: r.signins },
    compound: {
      steward: r.steward,
      ownersCommitteePosition: r.committee_position,
      partyMember: r.member && { status: r.member.status, management: r.member.management, branchName: r.member.branch_name },
    },
  };
}
