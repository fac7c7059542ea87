import type { Medal, QuestionKind } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import type { WorkerSummaryRow } from '../community-workers/worker-summary.js';

/** SQL of the secretary contest: the question bank, contests, judges, entries, judges' scores and papers. */

// ── Questions ───────────────────────────────────────────────────────────────────────────────
export interface QuestionRow {
  id: number;
  kind: QuestionKind;
  difficulty: number;
  stem: string;
  options: string[];
  answer: number[];
  active: boolean;
}
const Q_COLS = 'id, kind, difficulty, stem, options, answer, active';

export function listQuestions(q: Queryable): Promise<QuestionRow[]> {
  return q.query<QuestionRow>(`SELECT ${Q_COLS} FROM contest_questions ORDER BY difficulty, id`);
}
export async function insertQuestion(q: Queryable, x: Omit<QuestionRow, 'id' | 'active'>, by: number | null): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO contest_questions (kind, difficulty, stem, options, answer, created_by) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6) RETURNING id`,
    [x.kind, x.difficulty, x.stem, JSON.stringify(x.options), JSON.stringify(x.answer), by],
  );
  return row!.id;
}
export async function getQuestion(q: Queryable, id: number): Promise<QuestionRow | undefined> {
  const [row] = await q.query<QuestionRow>(`SELECT ${Q_COLS} FROM contest_questions WHERE id = $1`, [id]);
  return row;
}
export async function retireQuestion(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE contest_questions SET active = false WHERE id = $1', [id]);
}
/** Which of `stems` an active question already has. */
export async function activeStems(q: Queryable, stems: string[]): Promise<Set<string>> {
  const rows = await q.query<{ stem: string }>('SELECT stem FROM contest_questions WHERE active AND stem = ANY($1::text[])', [stems]);
  return new Set(rows.map((r) => r.stem));
}
/** Active question ids grouped by difficulty. */
export async function activeBank(q: Queryable): Promise<Map<number, number[]>> {
  const rows = await q.query<{ id: number; difficulty: number }>('SELECT id, difficulty FROM contest_questions WHERE active ORDER BY id');
  const bank = new Map<number, number[]>();
  for (const r of rows) bank.set(r.difficulty, [...(bank.get(r.difficulty) ?? []), r.id]);
  return bank;
}

// ── Contests ────────────────────────────────────────────────────────────────────────────────
export interface ContestRow {
  id: number;
  month: string;
  title: string;
  weight_report: number;
  weight_visit: number;
  weight_test: number;
  per_level: number;
  time_limit_minutes: number;
  test_opens_at: Date;
  test_closes_at: Date;
  status: 'open' | 'closed';
  closed_at: Date | null;
  contestants: number;
}
const C_SELECT = `SELECT c.id, c.month, c.title, c.weight_report, c.weight_visit, c.weight_test, c.per_level, c.time_limit_minutes,
  c.test_opens_at, c.test_closes_at, c.status, c.closed_at,
  (SELECT count(*)::int FROM secretary_contest_entries e WHERE e.contest_id = c.id) AS contestants FROM secretary_contests c`;

export function listContests(q: Queryable): Promise<ContestRow[]> {
  return q.query<ContestRow>(`${C_SELECT} ORDER BY c.month DESC`);
}
export async function getContest(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<ContestRow | undefined> {
  if (opts.forUpdate) await q.query('SELECT id FROM secretary_contests WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<ContestRow>(`${C_SELECT} WHERE c.id = $1`, [id]);
  return row;
}
export async function monthTaken(q: Queryable, month: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM secretary_contests WHERE month = $1', [month])).length > 0;
}
export interface ContestInsert {
  month: string;
  title: string;
  weights: { report: number; visit: number; test: number };
  perLevel: number;
  timeLimitMinutes: number;
  testOpensAt: string;
  testClosesAt: string;
  createdBy: number | null;
}
export async function insertContest(q: Queryable, c: ContestInsert): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO secretary_contests (month, title, weight_report, weight_visit, weight_test, per_level, time_limit_minutes, test_opens_at, test_closes_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [c.month, c.title, c.weights.report, c.weights.visit, c.weights.test, c.perLevel, c.timeLimitMinutes, c.testOpensAt, c.testClosesAt, c.createdBy],
  );
  return row!.id;
}
export async function closeContest(q: Queryable, id: number, at: Date | null = null): Promise<void> {
  await q.query(`UPDATE secretary_contests SET status = 'closed', closed_at = coalesce($2, now()) WHERE id = $1`, [id, at]);
}

// ── Judges ──────────────────────────────────────────────────────────────────────────────────
/** Of `ids`, the enabled users holding one of `roles` (roles that may score). */
export async function usersExist(q: Queryable, ids: number[], roles: readonly string[]): Promise<number[]> {
  return (
    await q.query<{ id: number }>(
      'SELECT u.id FROM users u WHERE u.id = ANY($1::int[]) AND NOT u.disabled AND EXISTS (SELECT 1 FROM grants g WHERE g.user_id = u.id AND g.role = ANY($2::text[]))',
      [ids, roles],
    )
  ).map((r) => r.id);
}
/** Enabled users holding one of `roles`, with the node of their highest such grant (to tell namesakes apart). */
export function judgeCandidates(q: Queryable, roles: readonly string[]): Promise<{ id: number; name: string; unit: string | null }[]> {
  return q.query(
    `SELECT u.id, u.display_name AS name,
       (SELECT n.name FROM grants g JOIN nodes n ON n.id = g.node_id WHERE g.user_id = u.id AND g.role = ANY($1::text[]) ORDER BY length(n.path), g.id LIMIT 1) AS unit
     FROM users u WHERE NOT u.disabled AND EXISTS (SELECT 1 FROM grants g WHERE g.user_id = u.id AND g.role = ANY($1::text[]))
     ORDER BY u.display_name, u.id`,
    [roles],
  );
}
export async function insertJudges(q: Queryable, contestId: number, ids: number[]): Promise<void> {
  await q.query('INSERT INTO secretary_contest_judges (contest_id, user_id) SELECT $1, unnest($2::int[])', [contestId, ids]);
}
export function judges(q: Queryable, contestId: number): Promise<{ id: number; name: string }[]> {
  return q.query(`SELECT u.id, u.display_name AS name FROM secretary_contest_judges j JOIN users u ON u.id = j.user_id WHERE j.contest_id = $1 ORDER BY u.id`, [contestId]);
}
export async function isJudge(q: Queryable, contestId: number, userId: number): Promise<boolean> {
  return (await q.query('SELECT 1 FROM secretary_contest_judges WHERE contest_id = $1 AND user_id = $2', [contestId, userId])).length > 0;
}

// ── Contestants ─────────────────────────────────────────────────────────────────────────────
const W_COLS = `w.id, w.person_id, p.name, p.phone, w.community_id, cn.name AS community_name, w.post, w.grade, w.status`;
const W_FROM = `community_workers w JOIN people p ON p.id = w.person_id JOIN nodes cn ON cn.id = w.community_id`;

/** Active community secretaries (post 'head') in the given subtrees: the contestants. */
export function activeHeads(q: Queryable, patterns: string[]): Promise<WorkerSummaryRow[]> {
  return q.query<WorkerSummaryRow>(`SELECT ${W_COLS} FROM ${W_FROM} WHERE w.post = 'head' AND w.status = 'active' AND cn.path LIKE ANY($1::text[]) ORDER BY cn.path, w.id`, [patterns]);
}
export async function workerInScope(q: Queryable, id: number, patterns: string[]): Promise<WorkerSummaryRow | undefined> {
  const [row] = await q.query<WorkerSummaryRow>(`SELECT ${W_COLS} FROM ${W_FROM} WHERE w.id = $1 AND cn.path LIKE ANY($2::text[])`, [id, patterns]);
  return row;
}
export async function insertEntries(q: Queryable, contestId: number, workerIds: number[]): Promise<void> {
  await q.query('INSERT INTO secretary_contest_entries (contest_id, worker_id) SELECT $1, unnest($2::int[])', [contestId, workerIds]);
}

export interface EntryRow extends WorkerSummaryRow {
  entry_id: number;
  test_started_at: Date | null;
  test_submitted_at: Date | null;
  test_correct: number | null;
  report_hundredths: number | null;
  visit_hundredths: number | null;
  test_hundredths: number | null;
  total_hundredths: number | null;
  rank: number | null;
  medal: Medal | null;
  reward_text: string | null;
  reward_cents: number | null;
  judged_report: number;
  judged_visit: number;
  my_report: number | null;
  my_visit: number | null;
}
const judgedCount = (part: string) => `(SELECT count(*)::int FROM secretary_contest_scores s WHERE s.entry_id = e.id AND s.part = '${part}')`;
const myScore = (part: string) => `(SELECT s.score FROM secretary_contest_scores s WHERE s.entry_id = e.id AND s.part = '${part}' AND s.judge_id = $2)`;

/** Entries of a contest, ranked ones first; `userId` picks the caller's own judge scores. */
export function entries(q: Queryable, contestId: number, userId: number): Promise<EntryRow[]> {
  return q.query<EntryRow>(
    `SELECT ${W_COLS}, e.id AS entry_id, e.test_started_at, e.test_submitted_at, e.test_correct, e.report_hundredths, e.visit_hundredths,
       e.test_hundredths, e.total_hundredths, e.rank, e.medal, e.reward_text, e.reward_cents,
       ${judgedCount('report')} AS judged_report, ${judgedCount('visit')} AS judged_visit, ${myScore('report')} AS my_report, ${myScore('visit')} AS my_visit
     FROM secretary_contest_entries e JOIN ${W_FROM} ON w.id = e.worker_id
     WHERE e.contest_id = $1 ORDER BY e.rank NULLS LAST, cn.path, e.id`,
    [contestId, userId],
  );
}

/**
 * The caller's own entry: the contestant is the community secretary (post 'head') of a community
 * where the caller holds a community_secretary grant.
 */
export async function entryOfUser(q: Queryable, contestId: number, userId: number): Promise<{ id: number; worker_id: number } | undefined> {
  const [row] = await q.query<{ id: number; worker_id: number }>(
    `SELECT e.id, e.worker_id FROM secretary_contest_entries e JOIN community_workers w ON w.id = e.worker_id
     JOIN grants g ON g.node_id = w.community_id AND g.role = 'community_secretary' AND g.user_id = $2
     WHERE e.contest_id = $1 AND w.post = 'head' ORDER BY e.id LIMIT 1`,
    [contestId, userId],
  );
  return row;
}

export async function entryOf(q: Queryable, contestId: number, entryId: number): Promise<{ id: number; worker_id: number } | undefined> {
  const [row] = await q.query<{ id: number; worker_id: number }>('SELECT id, worker_id FROM secretary_contest_entries WHERE contest_id = $1 AND id = $2', [contestId, entryId]);
  return row;
}

// ── Judges' scores ──────────────────────────────────────────────────────────────────────────
/** Inserts one score; false when this judge already scored this part of this entry. */
export async function insertScore(q: Queryable, entryId: number, judgeId: number, part: string, score: number): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO secretary_contest_scores (entry_id, judge_id, part, score) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING entry_id`,
    [entryId, judgeId, part, score],
  );
  return rows.length === 1;
}
export function partScores(q: Queryable, contestId: number): Promise<{ entry_id: number; part: 'report' | 'visit'; score: number }[]> {
  return q.query(
    `SELECT s.entry_id, s.part, s.score FROM secretary_contest_scores s JOIN secretary_contest_entries e ON e.id = s.entry_id WHERE e.contest_id = $1`,
    [contestId],
  );
}

// ── Papers ──────────────────────────────────────────────────────────────────────────────────
export interface PaperRow {
  seq: number;
  question_id: number;
  kind: QuestionKind;
  difficulty: number;
  stem: string;
  options: string[];
  answer: number[];
  chosen: number[] | null;
  correct: boolean | null;
}
export function paper(q: Queryable, entryId: number): Promise<PaperRow[]> {
  return q.query<PaperRow>(
    `SELECT x.seq, x.question_id, qq.kind, qq.difficulty, qq.stem, qq.options, qq.answer, x.chosen, x.correct
     FROM secretary_contest_papers x JOIN contest_questions qq ON qq.id = x.question_id WHERE x.entry_id = $1 ORDER BY x.seq`,
    [entryId],
  );
}
export async function startPaper(q: Queryable, entryId: number, questionIds: number[], at: Date | null = null): Promise<void> {
  await q.query('UPDATE secretary_contest_entries SET test_started_at = coalesce($2, now()) WHERE id = $1', [entryId, at]);
  await q.query(
    'INSERT INTO secretary_contest_papers (entry_id, seq, question_id) SELECT $1, s.i, s.q FROM unnest($2::int[]) WITH ORDINALITY AS s(q, i)',
    [entryId, questionIds],
  );
}
export async function answerQuestion(q: Queryable, entryId: number, seq: number, chosen: number[] | null, correct: boolean): Promise<void> {
  await q.query('UPDATE secretary_contest_papers SET chosen = $3::jsonb, correct = $4 WHERE entry_id = $1 AND seq = $2', [entryId, seq, chosen && JSON.stringify(chosen), correct]);
}
export async function submitPaper(q: Queryable, entryId: number, correct: number, at: Date | null = null): Promise<void> {
  await q.query('UPDATE secretary_contest_entries SET test_submitted_at = coalesce($3, now()), test_correct = $2 WHERE id = $1', [entryId, correct, at]);
}
export async function entryTiming(q: Queryable, entryId: number): Promise<{ test_started_at: Date | null; test_submitted_at: Date | null; test_correct: number | null; now: Date }> {
  const [row] = await q.query<{ test_started_at: Date | null; test_submitted_at: Date | null; test_correct: number | null; now: Date }>(
    'SELECT test_started_at, test_submitted_at, test_correct, now() AS now FROM secretary_contest_entries WHERE id = $1',
    [entryId],
  );
  return row!;
}
export async function paperSizes(q: Queryable, contestId: number): Promise<Map<number, number>> {
  const rows = await q.query<{ entry_id: number; n: number }>(
    `SELECT x.entry_id, count(*)::int AS n FROM secretary_contest_papers x JOIN secretary_contest_entries e ON e.id = x.entry_id WHERE e.contest_id = $1 GROUP BY x.entry_id`,
    [contestId],
  );
  return new Map(rows.map((r) => [r.entry_id, r.n]));
}

// ── Results ─────────────────────────────────────────────────────────────────────────────────
export interface ResultUpdate {
  id: number;
  report: number | null;
  visit: number | null;
  test: number | null;
  total: number;
  rank: number;
  medal: Medal | null;
}
export async function saveResult(q: Queryable, r: ResultUpdate): Promise<void> {
  await q.query(
    `UPDATE secretary_contest_entries SET report_hundredths = $2, visit_hundredths = $3, test_hundredths = $4, total_hundredths = $5, rank = $6, medal = $7 WHERE id = $1`,
    [r.id, r.report, r.visit, r.test, r.total, r.rank, r.medal],
  );
}
export async function saveReward(q: Queryable, contestId: number, medal: Medal, text: string, cents: number): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>(
    'UPDATE secretary_contest_entries SET reward_text = $3, reward_cents = $4 WHERE contest_id = $1 AND medal = $2 RETURNING id',
    [contestId, medal, text, cents],
  );
  return row?.id;
}

/** A worker's entries across contests, oldest first. */
export function workerHistory(q: Queryable, workerId: number): Promise<{ contest_id: number; month: string; title: string; total_hundredths: number | null; rank: number | null; medal: Medal | null; contestants: number }[]> {
  return q.query(
    `SELECT c.id AS contest_id, c.month, c.title, e.total_hundredths, e.rank, e.medal,
       (SELECT count(*)::int FROM secretary_contest_entries x WHERE x.contest_id = c.id) AS contestants
     FROM secretary_contest_entries e JOIN secretary_contests c ON c.id = e.contest_id WHERE e.worker_id = $1 ORDER BY c.month`,
    [workerId],
  );
}
