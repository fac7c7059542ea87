import type { Queryable } from '../../platform/db.js';

/** SQL of a topic's online vote (线上投票) and its ballots. */

export interface VoteRow {
  topic_id: number;
  opens_at: Date;
  closes_at: Date;
  closed_at: Date | null;
  ballots: number;
}

export async function getVote(q: Queryable, topicId: number, opts: { forUpdate?: boolean } = {}): Promise<VoteRow | undefined> {
  const [row] = await q.query<VoteRow>(
    `SELECT v.topic_id, v.opens_at, v.closes_at, v.closed_at,
            (SELECT count(*)::int FROM topic_vote_ballots b WHERE b.topic_id = v.topic_id) AS ballots
       FROM topic_votes v WHERE v.topic_id = $1${opts.forUpdate ? ' FOR UPDATE OF v' : ''}`,
    [topicId],
  );
  return row;
}

/** Open: not closed by hand, and before its closing time. */
export const voteIsOpen = (v: { closes_at: Date; closed_at: Date | null }, now: Date) => v.closed_at === null && now.getTime() < v.closes_at.getTime();

export async function insertVote(q: Queryable, topicId: number, closesAt: string, userId: number | null): Promise<void> {
  await q.query('INSERT INTO topic_votes (topic_id, closes_at, opened_by) VALUES ($1, $2, $3)', [topicId, closesAt, userId]);
}

/** Marks the vote closed: now, or at its closing time when that has already passed. */
export async function markClosed(q: Queryable, topicId: number, userId: number | null): Promise<void> {
  await q.query('UPDATE topic_votes SET closed_at = LEAST(now(), closes_at), closed_by = $2 WHERE topic_id = $1', [topicId, userId]);
}

/** One ballot per resident (the primary key): undefined when this resident had already voted. */
export async function insertBallot(q: Queryable, topicId: number, residentId: number, optionId: number): Promise<{ created_at: Date } | undefined> {
  const [row] = await q.query<{ created_at: Date }>(
    'INSERT INTO topic_vote_ballots (topic_id, resident_id, option_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING created_at',
    [topicId, residentId, optionId],
  );
  return row;
}

export async function myBallot(q: Queryable, topicId: number, residentId: number): Promise<number | null> {
  const [row] = await q.query<{ option_id: number }>('SELECT option_id FROM topic_vote_ballots WHERE topic_id = $1 AND resident_id = $2', [topicId, residentId]);
  return row ? row.option_id : null;
}

/** Every plan option of the topic with its votes, in the options' order. */
export async function voteResults(q: Queryable, topicId: number): Promise<{ optionId: number; title: string; votes: number }[]> {
  return q.query(
    `SELECT o.id AS "optionId", o.title, count(b.resident_id)::int AS votes
       FROM topic_options o LEFT JOIN topic_vote_ballots b ON b.topic_id = o.topic_id AND b.option_id = o.id
      WHERE o.topic_id = $1 GROUP BY o.id, o.title ORDER BY o.id`,
    [topicId],
  );
}
