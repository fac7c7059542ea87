import type { Queryable } from '../../platform/db.js';
import { appendAudit, type Actor, actorEntry } from '../../platform/audit/audit.js';
import { chinaDateOf } from '../tickets/working-days.js';

const SYSTEM: Actor = { userId: null, name: 'system', ip: null };

/**
 * Chases pending cadre-opinion requests: one in-app notification to each enabled secretary user
 * of the routed branch (its secretary, and users granted at one of its compounds), at most once
 * per request and China day, counted on the request. The daily job chases those past the
 * deadline; `only` chases one pending request on demand (overdue or not). Returns the requests
 * chased and the notifications added.
 */
export async function remindCadreOpinions(
  q: Queryable,
  opts: { now?: Date; only?: number; actor?: Actor } = {},
): Promise<{ requests: number; notifications: number }> {
  const now = opts.now ?? new Date();
  const day = chinaDateOf(now);
  const due = await q.query<{ id: number; compound_id: number; compound_name: string; deadline: string }>(
    `SELECT r.id, r.compound_id, c.name AS compound_name, to_char(r.deadline, 'YYYY-MM-DD') AS deadline
       FROM cadre_opinion_requests r JOIN nodes c ON c.id = r.compound_id
      WHERE r.status = 'pending'
        AND ${opts.only === undefined ? 'r.deadline < $1::date' : 'r.id = $2'}
        AND (r.last_reminded_at IS NULL OR (r.last_reminded_at AT TIME ZONE 'Asia/Shanghai')::date < $1::date)
      ORDER BY r.id
      FOR UPDATE OF r`,
    opts.only === undefined ? [day] : [day, opts.only],
  );
  let notifications = 0;
  for (const r of due) {
    const added = await q.query<{ id: number }>(
      `WITH recipients AS (
         SELECT b.secretary_user_id AS user_id FROM party_orgs b WHERE b.id = (SELECT branch_id FROM cadre_opinion_requests WHERE id = $1)
         UNION
         SELECT g.user_id FROM grants g JOIN branch_compounds bc ON bc.compound_id = g.node_id
          WHERE g.role = 'branch_secretary' AND bc.branch_id = (SELECT branch_id FROM cadre_opinion_requests WHERE id = $1)
       )
       INSERT INTO notifications (user_id, kind, ticket_id, message, day)
       SELECT u.id, 'cadre_opinion_overdue', NULL, $2, $3::date FROM recipients x JOIN users u ON u.id = x.user_id WHERE NOT u.disabled
       RETURNING id`,
      [r.id, `县委组织部干部征求意见（编号 ${r.id}，${r.compound_name}）请于 ${r.deadline} 前答复${r.deadline < day ? '，现已超过答复期限' : ''}，请尽快答复。`, day],
    );
    await q.query('UPDATE cadre_opinion_requests SET reminders_sent = reminders_sent + 1, last_reminded_at = $2 WHERE id = $1', [r.id, now]);
    await appendAudit(q, {
      ...actorEntry(opts.actor ?? SYSTEM), action: 'cadreOpinion.remind', targetType: 'cadre_opinion', targetId: r.id, nodeId: r.compound_id, result: 'success',
      details: { notifications: added.length, day, scheduled: opts.only === undefined },
    });
    notifications += added.length;
  }
  return { requests: due.length, notifications };
}
