import { RATING_SOURCE_LABELS } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { addDays, chinaDateOf } from '../tickets/working-days.js';

const SYSTEM: Actor = { userId: null, name: 'system', ip: null };
/** The daily job chases open periods whose deadline is at most this many days away. */
export const REMIND_DAYS_BEFORE = 3;

interface MissingRow {
  rating_id: number;
  compound_name: string;
  source: 'branch' | 'regulator';
  user_id: number;
}

/**
 * Chases the staff scorers (branch, regulator) who have not submitted their card in an open
 * period: one in-app notification per scorer and period listing their missing compounds, at most
 * once per period and China day (rating_periods.last_reminded_at). The daily job takes the
 * periods due within three days (deadline not yet passed); `only` chases one period on demand.
 * Returns the periods chased, the notifications added and the missing cards.
 */
export async function remindRatingPeriods(
  q: Queryable,
  opts: { now?: Date; only?: number; actor?: Actor } = {},
): Promise<{ periods: number; notifications: number; missing: number }> {
  const now = opts.now ?? new Date();
  const day = chinaDateOf(now);
  const due = await q.query<{ id: number; name: string; node_id: number; deadline: string }>(
    `SELECT p.id, p.name, p.node_id, to_char(p.deadline, 'YYYY-MM-DD') AS deadline FROM rating_periods p
      WHERE p.status = 'open'
        AND ${opts.only === undefined ? 'p.deadline BETWEEN $1::date AND $2::date' : 'p.id = $2'}
        AND (p.last_reminded_at IS NULL OR (p.last_reminded_at AT TIME ZONE 'Asia/Shanghai')::date < $1::date)
      ORDER BY p.id FOR UPDATE OF p`,
    opts.only === undefined ? [day, addDays(day, REMIND_DAYS_BEFORE)] : [day, opts.only],
  );
  let notifications = 0;
  let missing = 0;
  for (const p of due) {
    // Who should score each missing card: the compound's branch secretaries (their secretary
    // account and compound grants) for `branch`; the community's secretaries for `regulator`.
    const rows = await q.query<MissingRow>(
      `WITH open_ratings AS (
         SELECT r.id, r.compound_id, c.name AS compound_name, c.parent_id AS community_id FROM property_ratings r JOIN nodes c ON c.id = r.compound_id
          WHERE r.period_id = $1 AND r.status = 'open'
       ), missing AS (
         SELECT o.*, s.source FROM open_ratings o CROSS JOIN (VALUES ('branch'), ('regulator')) AS s(source)
          WHERE NOT EXISTS (SELECT 1 FROM rating_scorecards sc WHERE sc.rating_id = o.id AND sc.source = s.source)
       )
       SELECT DISTINCT m.id AS rating_id, m.compound_name, m.source, x.user_id FROM missing m
         JOIN LATERAL (
           SELECT b.secretary_user_id AS user_id FROM branch_compounds bc JOIN party_orgs b ON b.id = bc.branch_id
            WHERE m.source = 'branch' AND bc.compound_id = m.compound_id AND b.active AND b.secretary_user_id IS NOT NULL
           UNION SELECT g.user_id FROM grants g WHERE m.source = 'branch' AND g.node_id = m.compound_id AND g.role = 'branch_secretary'
           UNION SELECT g.user_id FROM grants g WHERE m.source = 'regulator' AND g.node_id = m.community_id AND g.role = 'community_secretary'
         ) x ON true
         JOIN users u ON u.id = x.user_id AND NOT u.disabled
       ORDER BY x.user_id, m.compound_name`,
      [p.id],
    );
    const [counted] = await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM property_ratings r CROSS JOIN (VALUES ('branch'), ('regulator')) AS s(source)
        WHERE r.period_id = $1 AND r.status = 'open' AND NOT EXISTS (SELECT 1 FROM rating_scorecards sc WHERE sc.rating_id = r.id AND sc.source = s.source)`,
      [p.id],
    );
    const byUser = new Map<number, MissingRow[]>();
    for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
    const late = p.deadline < day;
    for (const [userId, list] of byUser) {
      const items = list.map((r) => `${r.compound_name}（${RATING_SOURCE_LABELS[r.source].zh}）`);
      const shown = items.length > 5 ? `${items.slice(0, 5).join('、')}等 ${items.length} 项` : items.join('、');
      await q.query(
        `INSERT INTO notifications (user_id, kind, ticket_id, message, day) VALUES ($1, 'rating_submission_due', NULL, $2, $3::date)`,
        [userId, `“${p.name}”物业服务考核评分${late ? '已于' : '将于'} ${p.deadline} 截止，您尚未提交：${shown}，请尽快评分。`.slice(0, 500), day],
      );
    }
    await q.query('UPDATE rating_periods SET last_reminded_at = $2 WHERE id = $1', [p.id, now]);
    await appendAudit(q, {
      ...actorEntry(opts.actor ?? SYSTEM), action: 'ratingPeriod.remind', targetType: 'rating_period', targetId: p.id, nodeId: p.node_id, result: 'success',
      details: { notifications: byUser.size, missing: counted!.n, day, scheduled: opts.only === undefined },
    });
    notifications += byUser.size;
    missing += counted!.n;
  }
  return { periods: due.length, notifications, missing };
}
