import type { RatingSummaryDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';

/** SQL of a topic's questionnaire (问卷), ratings (评效果) and the console's participation counts. */

export interface Question {
  text: string;
  choices: string[];
}

/** Holds the topic's row against moves (they lock it for update) while a resident takes part. */
export async function shareTopic(q: Queryable, topicId: number): Promise<void> {
  await q.query('SELECT id FROM topics WHERE id = $1 FOR SHARE', [topicId]);
}

// ── Questionnaire ────────────────────────────────────────────────────────────

export async function getQuestionnaire(q: Queryable, topicId: number, opts: { forUpdate?: boolean } = {}): Promise<{ questions: Question[]; respondents: number } | undefined> {
  const [row] = await q.query<{ questions: Question[] }>(`SELECT questions FROM topic_questionnaires WHERE topic_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [topicId]);
  if (!row) return undefined;
  const [n] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM topic_questionnaire_answers WHERE topic_id = $1', [topicId]);
  return { questions: row.questions, respondents: n!.n };
}

export async function upsertQuestionnaire(q: Queryable, topicId: number, questions: Question[], userId: number | null): Promise<void> {
  await q.query(
    `INSERT INTO topic_questionnaires (topic_id, questions, created_by) VALUES ($1, $2, $3)
     ON CONFLICT (topic_id) DO UPDATE SET questions = EXCLUDED.questions, created_by = EXCLUDED.created_by, updated_at = now()`,
    [topicId, JSON.stringify(questions), userId],
  );
}

/** Per question, the count of each choice. */
export async function questionnaireTallies(q: Queryable, topicId: number, questions: Question[]): Promise<number[][]> {
  const tallies = questions.map((x) => x.choices.map(() => 0));
  const rows = await q.query<{ qi: number; ci: number; n: number }>(
    `SELECT (e.ord - 1)::int AS qi, e.value::int AS ci, count(*)::int AS n
       FROM topic_questionnaire_answers a, jsonb_array_elements_text(a.answers) WITH ORDINALITY AS e(value, ord)
      WHERE a.topic_id = $1 GROUP BY 1, 2`,
    [topicId],
  );
  for (const r of rows) if (tallies[r.qi]?.[r.ci] !== undefined) tallies[r.qi]![r.ci] = r.n;
  return tallies;
}

/** One row per resident (the primary key): false when this resident had already answered. */
export async function insertAnswers(q: Queryable, topicId: number, residentId: number, answers: number[]): Promise<boolean> {
  const rows = await q.query(
    'INSERT INTO topic_questionnaire_answers (topic_id, resident_id, answers) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING topic_id',
    [topicId, residentId, JSON.stringify(answers)],
  );
  return rows.length === 1;
}

export async function hasAnswered(q: Queryable, topicId: number, residentId: number): Promise<boolean> {
  return (await q.query('SELECT 1 FROM topic_questionnaire_answers WHERE topic_id = $1 AND resident_id = $2', [topicId, residentId])).length > 0;
}

// ── Ratings ──────────────────────────────────────────────────────────────────

/** One rating per resident (the primary key): false when this resident had already rated. */
export async function insertRating(q: Queryable, topicId: number, residentId: number, v: { score: number; comment: string | null }): Promise<boolean> {
  const rows = await q.query(
    'INSERT INTO topic_ratings (topic_id, resident_id, score, comment) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING topic_id',
    [topicId, residentId, v.score, v.comment],
  );
  return rows.length === 1;
}

export async function myRating(q: Queryable, topicId: number, residentId: number): Promise<number | null> {
  const [row] = await q.query<{ score: number }>('SELECT score FROM topic_ratings WHERE topic_id = $1 AND resident_id = $2', [topicId, residentId]);
  return row ? Number(row.score) : null;
}

/** Whether the topic ever entered 评效果 (its ratings are shown from then on). */
export async function reachedEvaluate(q: Queryable, topicId: number): Promise<boolean> {
  return (await q.query("SELECT 1 FROM topic_steps WHERE topic_id = $1 AND step = 'evaluate' LIMIT 1", [topicId])).length > 0;
}

/** Count, mean to one decimal (null when nobody rated) and how many gave each score 1..5. */
export async function ratingSummary(q: Queryable, topicId: number): Promise<RatingSummaryDto> {
  const rows = await q.query<{ score: number; n: number }>('SELECT score::int AS score, count(*)::int AS n FROM topic_ratings WHERE topic_id = $1 GROUP BY score', [topicId]);
  const distribution = [0, 0, 0, 0, 0];
  let count = 0;
  let sum = 0;
  for (const r of rows) {
    distribution[r.score - 1] = r.n;
    count += r.n;
    sum += r.score * r.n;
  }
  return { count, average: count === 0 ? null : Math.round((sum * 10) / count) / 10, distribution };
}

// ── The console's counts ─────────────────────────────────────────────────────

export async function engagementCounts(q: Queryable, topicId: number): Promise<{ supports: number; comments: number; hiddenComments: number; reportedComments: number }> {
  const [row] = await q.query<{ supports: number; comments: number; hidden_comments: number; reported_comments: number }>(
    `SELECT (SELECT count(*)::int FROM topic_supports WHERE topic_id = $1) AS supports,
            (SELECT count(*)::int FROM topic_comments WHERE topic_id = $1 AND status = 'visible') AS comments,
            (SELECT count(*)::int FROM topic_comments WHERE topic_id = $1 AND status = 'hidden') AS hidden_comments,
            (SELECT count(DISTINCT r.comment_id)::int FROM topic_comment_reports r JOIN topic_comments c ON c.id = r.comment_id WHERE c.topic_id = $1) AS reported_comments`,
    [topicId],
  );
  return { supports: row!.supports, comments: row!.comments, hiddenComments: row!.hidden_comments, reportedComments: row!.reported_comments };
}
