import type { TicketRateGrouping } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { Where } from '../../platform/paging.js';
import { addTicketScope } from './tickets.repo.js';

/** The counts behind every rate of one group (or of all, when `overall`). */
export interface RateCountsRow {
  overall: boolean;
  key: string | null;
  label: string | null;
  reported: number;
  accepted: number;
  accepted_in_time: number;
  due_for_acceptance: number;
  handled: number;
  handled_on_time: number;
  due_for_handling: number;
  closed: number;
  closed_resolved: number;
  confirmed: number;
  rated: number;
  satisfied_or_basically: number;
  satisfied: number;
  hours_to_accept: number | null;
  hours_to_close: number | null;
}

const CHINA_MONTH = "to_char((t.created_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')";

/** Each grouping: its key, its label and the text its groups are ordered by, as SQL over the joined ticket row. */
const GROUPINGS: Record<TicketRateGrouping, { key: string; label: string; sort: string }> = {
  community: { key: 'cm.id::text', label: 'cm.name', sort: 'cm.code' },
  commissioner: { key: "coalesce(t.owner_id::text, 'none')", label: 'op.name', sort: 'op.name' },
  category: { key: 'c.id::text', label: 'c.name', sort: "lpad(c.id::text, 10, '0')" },
  // The China month of the report (UTC+8 all year, so a fixed offset is exact).
  month: { key: CHINA_MONTH, label: CHINA_MONTH, sort: CHINA_MONTH },
};

export interface RateFilter {
  scopePatterns: string[];
  /** The caller: the owner's own tickets count too, exactly as in the ticket list. */
  userId: number;
  subtreePath?: string | undefined;
  reportedFrom?: Date | undefined;
  reportedBefore?: Date | undefined;
  /** The instant "now" of the whole computation: what is due, and what is still within its limit. */
  now: Date;
}

/**
 * Every count behind the rates, per group and overall (GROUPING SETS), in one statement.
 * The response clock stops at the first acceptance on the timeline (a reassigned ticket is
 * accepted again, which moves `accepted_at`), falling back to `accepted_at`.
 * A ticket is handled when its status is handled, confirmed or closed: a reopened ticket
 * is back in progress, and `handled_at` is then the time of its last handling.
 */
export async function rateCounts(q: Queryable, groupBy: TicketRateGrouping, f: RateFilter): Promise<RateCountsRow[]> {
  const g = GROUPINGS[groupBy];
  const where = (await addTicketScope(q, new Where(), f.scopePatterns, f.userId))
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.reportedFrom, 't.created_at >= ?', f.reportedFrom)
    .addIf(f.reportedBefore, 't.created_at < ?', f.reportedBefore);
  const now = `$${where.params.length + 1}::timestamptz`;
  return q.query<RateCountsRow>(
    `WITH r AS (
       SELECT ${g.key} AS key, ${g.label} AS label, ${g.sort} AS sort, t.created_at, t.deadline, t.status, t.outcome,
              t.handled_at, t.confirmed_at, t.closed_at, t.satisfaction,
              t.created_at + c.response_hours * interval '1 hour' AS respond_by,
              coalesce((SELECT min(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'accepted'), t.accepted_at) AS first_accepted_at,
              t.status IN ('handled','confirmed','closed') AS is_handled
         FROM tickets t JOIN ticket_categories c ON c.id = t.category_id JOIN nodes n ON n.id = t.node_id
         JOIN nodes cm ON cm.id = CASE WHEN n.depth >= 2 THEN split_part(n.path, '/', 4)::int ELSE n.id END
         LEFT JOIN commissioners o ON o.id = t.owner_id LEFT JOIN people op ON op.id = o.person_id
         ${where}
     )
     SELECT GROUPING(key, label) <> 0 AS overall, key, label,
            count(*)::int AS reported,
            count(*) FILTER (WHERE first_accepted_at IS NOT NULL)::int AS accepted,
            count(*) FILTER (WHERE first_accepted_at <= respond_by)::int AS accepted_in_time,
            count(*) FILTER (WHERE first_accepted_at IS NOT NULL OR respond_by < ${now})::int AS due_for_acceptance,
            count(*) FILTER (WHERE is_handled)::int AS handled,
            count(*) FILTER (WHERE is_handled AND handled_at <= deadline)::int AS handled_on_time,
            count(*) FILTER (WHERE is_handled OR deadline < ${now})::int AS due_for_handling,
            count(*) FILTER (WHERE status = 'closed')::int AS closed,
            count(*) FILTER (WHERE outcome = 'closed_resolved')::int AS closed_resolved,
            count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int AS confirmed,
            count(*) FILTER (WHERE satisfaction IS NOT NULL)::int AS rated,
            count(*) FILTER (WHERE satisfaction IN ('satisfied','basically_satisfied'))::int AS satisfied_or_basically,
            count(*) FILTER (WHERE satisfaction = 'satisfied')::int AS satisfied,
            (avg(extract(epoch FROM first_accepted_at - created_at)) / 3600)::float8 AS hours_to_accept,
            (avg(extract(epoch FROM closed_at - created_at)) / 3600)::float8 AS hours_to_close
       FROM r
      GROUP BY GROUPING SETS ((key, label), ())
      ORDER BY GROUPING(key, label) DESC, min(sort) NULLS LAST, key`,
    [...where.params, f.now],
  );
}
