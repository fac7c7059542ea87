import type { AgendaKind, ConsultationStep, MeetingForm, TopicStatus } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';

/**
 * The statistics' queries: every one counts topics (or what hangs off them) whose node is under
 * one of `scopePatterns` and, when given, under `subtreePath`.
 */
const IN_SCOPE = "n.path LIKE ANY($1) AND ($2::text IS NULL OR n.path LIKE $2 || '%')";
const TOPIC_NODE = 'JOIN topics t ON t.id = m.topic_id JOIN nodes n ON n.id = t.node_id';
/** The month a meeting was held in, China time. */
const HELD_MONTH = "to_char((coalesce(m.held_at, m.starts_at) AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')";

const params = (scopePatterns: string[], subtreePath: string | undefined) => [scopePatterns, subtreePath ?? null];

export function heldMeetingCounts(q: Queryable, scopePatterns: string[], subtreePath: string | undefined): Promise<{ form: MeetingForm; meetings: number; attendances: number }[]> {
  return q.query(
    `SELECT m.form, count(*)::int AS meetings,
            coalesce(sum((SELECT count(*) FROM consultation_meeting_attendances a WHERE a.meeting_id = m.id)), 0)::int AS attendances
       FROM consultation_meetings m ${TOPIC_NODE}
      WHERE m.status = 'held' AND ${IN_SCOPE}
      GROUP BY m.form`,
    params(scopePatterns, subtreePath),
  );
}

/** Held meetings and attendances per month from `fromMonth` ('YYYY-MM', China time) on. */
export function heldMeetingsByMonth(
  q: Queryable,
  scopePatterns: string[],
  subtreePath: string | undefined,
  fromMonth: string,
): Promise<{ month: string; meetings: number; attendances: number }[]> {
  return q.query(
    `SELECT ${HELD_MONTH} AS month, count(*)::int AS meetings,
            coalesce(sum((SELECT count(*) FROM consultation_meeting_attendances a WHERE a.meeting_id = m.id)), 0)::int AS attendances
       FROM consultation_meetings m ${TOPIC_NODE}
      WHERE m.status = 'held' AND ${IN_SCOPE} AND ${HELD_MONTH} >= $3
      GROUP BY 1`,
    [...params(scopePatterns, subtreePath), fromMonth],
  );
}

export function topicCounts(q: Queryable, scopePatterns: string[], subtreePath: string | undefined): Promise<{ status: TopicStatus; step: ConsultationStep | null; n: number }[]> {
  return q.query(
    `SELECT t.status, t.step, count(*)::int AS n FROM topics t JOIN nodes n ON n.id = t.node_id
      WHERE ${IN_SCOPE}
      GROUP BY t.status, t.step`,
    params(scopePatterns, subtreePath),
  );
}

export function topicsByCategory(
  q: Queryable,
  scopePatterns: string[],
  subtreePath: string | undefined,
): Promise<{ categoryId: number; name: string; kind: AgendaKind; count: number }[]> {
  return q.query(
    `SELECT c.id AS "categoryId", c.name, c.kind, count(*)::int AS count
       FROM topics t JOIN nodes n ON n.id = t.node_id JOIN agenda_categories c ON c.id = t.category_id
      WHERE ${IN_SCOPE}
      GROUP BY c.id, c.name, c.kind, c.sort
      ORDER BY c.kind = 'excluded', c.sort, c.id`,
    params(scopePatterns, subtreePath),
  );
}

/** Evaluated topics: the mean of (evaluated − raised) in days, null when there are none. */
export async function averageDaysToEvaluation(q: Queryable, scopePatterns: string[], subtreePath: string | undefined): Promise<number | null> {
  const rows = await q.query<{ days: string | number | null }>(
    `SELECT avg(extract(epoch FROM t.evaluated_at - t.created_at) / 86400) AS days
       FROM topics t JOIN nodes n ON n.id = t.node_id
      WHERE t.status = 'evaluated' AND t.evaluated_at IS NOT NULL AND ${IN_SCOPE}`,
    params(scopePatterns, subtreePath),
  );
  const days = rows[0]?.days;
  return days === null || days === undefined ? null : Number(days);
}

export async function ratingTotals(q: Queryable, scopePatterns: string[], subtreePath: string | undefined): Promise<{ count: number; average: number | null }> {
  const rows = await q.query<{ count: number; average: string | number | null }>(
    `SELECT count(*)::int AS count, avg(r.score) AS average
       FROM topic_ratings r JOIN topics t ON t.id = r.topic_id JOIN nodes n ON n.id = t.node_id
      WHERE ${IN_SCOPE}`,
    params(scopePatterns, subtreePath),
  );
  const r = rows[0]!;
  return { count: r.count, average: r.average === null ? null : Number(r.average) };
}
