import type {
  CadreOpinionAnswer,
  CadreOpinionDto,
  CadreOpinionEvidence,
  CadreOpinionPurpose,
  CadreOpinionStatus,
  CadreOpinionSummaryDto,
} from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf, rolePersonJson, toRequiredPersonSummary, type PersonJson } from '../person-roles/person-ref.js';

export interface CadreOpinionRow {
  id: number;
  person: PersonJson;
  person_id: number;
  compound_id: number;
  compound_name: string;
  compound_path: string;
  branch_id: number;
  branch_name: string;
  purpose: CadreOpinionPurpose;
  post: string;
  requested_by_name: string | null;
  requested_at: Date;
  deadline: string;
  overdue: boolean;
  status: CadreOpinionStatus;
  answer: CadreOpinionAnswer | null;
  answer_text: string | null;
  answered_by_name: string | null;
  answered_at: Date | null;
  withdraw_reason: string | null;
  reminders_sent: number;
  last_reminded_at: Date | null;
  evidence: CadreOpinionEvidence;
}

/** Today in China, for deadlines (dates without a time). */
export const CHINA_TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

const SUMMARY = `r.id, ${rolePersonJson('p')} AS person, r.person_id, r.compound_id, c.name AS compound_name, c.path AS compound_path,
  r.branch_id, b.name AS branch_name, r.purpose, r.post, rq.display_name AS requested_by_name, r.requested_at,
  to_char(r.deadline, 'YYYY-MM-DD') AS deadline, (r.status = 'pending' AND r.deadline < ${CHINA_TODAY}) AS overdue,
  r.status, r.answer, r.answered_at, r.reminders_sent`;
const DETAIL = `${SUMMARY}, r.answer_text, an.display_name AS answered_by_name, r.withdraw_reason, r.last_reminded_at, r.evidence`;
const FROM = `FROM cadre_opinion_requests r JOIN people p ON p.id = r.person_id JOIN nodes c ON c.id = r.compound_id
  JOIN party_orgs b ON b.id = r.branch_id LEFT JOIN users rq ON rq.id = r.requested_by LEFT JOIN users an ON an.id = r.answered_by`;

export function toSummaryDto(r: CadreOpinionRow): CadreOpinionSummaryDto {
  return {
    id: r.id,
    person: toRequiredPersonSummary(r.person),
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    branchId: r.branch_id,
    branchName: r.branch_name,
    purpose: r.purpose,
    post: r.post,
    requestedByName: r.requested_by_name,
    requestedAt: isoOf(r.requested_at),
    deadline: r.deadline,
    overdue: r.overdue,
    status: r.status,
    answer: r.answer,
    answeredAt: r.answered_at && isoOf(r.answered_at),
    remindersSent: r.reminders_sent,
  };
}

export function toDto(r: CadreOpinionRow): CadreOpinionDto {
  return {
    ...toSummaryDto(r),
    answerText: r.answer_text,
    answeredByName: r.answered_by_name,
    withdrawReason: r.withdraw_reason,
    lastRemindedAt: r.last_reminded_at && isoOf(r.last_reminded_at),
    evidence: r.evidence,
  };
}

/** Who may see: everything (the organisation department), or only the requests routed to these branches. */
export type Visibility = { all: true } | { all: false; branchIds: number[] };

export function listRequests(
  q: Queryable,
  v: Visibility,
  f: { status?: CadreOpinionStatus | undefined; year?: number | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<CadreOpinionSummaryDto>> {
  const where = new Where();
  if (!v.all) where.add('r.branch_id = ANY(?::int[])', v.branchIds);
  where
    .addIf(f.status, 'r.status = ?', f.status)
    .addIf(f.year, `extract(year FROM r.requested_at AT TIME ZONE 'Asia/Shanghai') = ?`, f.year);
  // Pending first (the work), the nearest deadline first among them, then the newest.
  return pagedQuery(
    q,
    {
      select: SUMMARY,
      fromWhere: `${FROM} ${where}`,
      orderBy: "(r.status = 'pending') DESC, CASE WHEN r.status = 'pending' THEN r.deadline END ASC, r.requested_at DESC, r.id DESC",
      params: where.params,
    },
    page,
    toSummaryDto,
  );
}

export async function getRequest(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<CadreOpinionRow | undefined> {
  const [row] = await q.query<CadreOpinionRow>(`SELECT ${DETAIL} ${FROM} WHERE r.id = $1 ${opts.forUpdate ? 'FOR UPDATE OF r' : ''}`, [id]);
  return row;
}

interface HomeRow {
  node_name: string;
  compound_id: number | null;
  compound_name: string | null;
  compound_path: string | null;
  branch_id: number | null;
}

/** The compound on the person's address path, and its branch (if one covers it). */
export async function homeOf(
  q: Queryable,
  personId: number,
): Promise<HomeRow | undefined> {
  const [row] = await q.query<HomeRow>(
    `SELECT n.name AS node_name, c.id AS compound_id, c.name AS compound_name, c.path AS compound_path,
            (SELECT b.id FROM branch_compounds bc JOIN party_orgs b ON b.id = bc.branch_id
              WHERE bc.compound_id = c.id AND b.kind = 'branch' AND b.active ORDER BY b.id LIMIT 1) AS branch_id
       FROM people p JOIN nodes n ON n.id = p.node_id
       LEFT JOIN nodes c ON c.kind = 'compound' AND n.path LIKE c.path || '%'
      WHERE p.id = $1`,
    [personId],
  );
  return row;
}

export async function pendingOfPerson(q: Queryable, personId: number, purpose: CadreOpinionPurpose): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>(`SELECT id FROM cadre_opinion_requests WHERE person_id = $1 AND purpose = $2 AND status = 'pending'`, [personId, purpose]);
  return row?.id;
}

export interface RequestValues {
  personId: number;
  compoundId: number;
  branchId: number;
  purpose: CadreOpinionPurpose;
  post: string;
  requestedBy: number | null;
  deadline: string;
  evidence: CadreOpinionEvidence;
}

export async function insertRequest(q: Queryable, v: RequestValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO cadre_opinion_requests (person_id, compound_id, branch_id, purpose, post, requested_by, deadline, evidence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [v.personId, v.compoundId, v.branchId, v.purpose, v.post, v.requestedBy, v.deadline, JSON.stringify(v.evidence)],
  );
  return row!.id;
}

export async function answerRequest(q: Queryable, id: number, answer: CadreOpinionAnswer, text: string, by: number | null): Promise<void> {
  await q.query(
    `UPDATE cadre_opinion_requests SET status = 'answered', answer = $2, answer_text = $3, answered_by = $4, answered_at = now(), updated_at = now() WHERE id = $1`,
    [id, answer, text, by],
  );
}

export async function withdrawRequest(q: Queryable, id: number, reason: string): Promise<void> {
  await q.query(`UPDATE cadre_opinion_requests SET status = 'withdrawn', withdraw_reason = $2, withdrawn_at = now(), updated_at = now() WHERE id = $1`, [id, reason]);
}

export async function replaceEvidence(q: Queryable, id: number, evidence: CadreOpinionEvidence): Promise<void> {
  await q.query('UPDATE cadre_opinion_requests SET evidence = $2, updated_at = now() WHERE id = $1', [id, JSON.stringify(evidence)]);
}

/** The branches whose requests a user answers: they are its secretary, or hold an answering grant at one of its compounds. */
export async function branchesOfUser(q: Queryable, userId: number, grantNodeIds: number[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `SELECT id FROM party_orgs WHERE kind = 'branch' AND secretary_user_id = $1
     UNION SELECT bc.branch_id FROM branch_compounds bc WHERE bc.compound_id = ANY($2::int[])`,
    [userId, grantNodeIds],
  );
  return rows.map((r) => r.id);
}
