import type { Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { chinaDateOf } from '../modules/tickets/working-days.js';
import { computeSheet } from '../modules/worker-pay/worker-pay.service.js';

/**
 * A year of monthly pay sheets (三岗十八级) for every community with workers, computed by the
 * module's own computation from the seeded workers (and their closed annual assessment results,
 * when the assessment seed ran before): the current month a draft, last month reviewed, the ten
 * months before locked. Lines use each worker's grade as seeded (the demo does not replay the
 * grade history month by month).
 */
export const WORKER_PAY_FIGURES = { months: 12 } as const;

/** YYYY-MM, `back` months before the month of `today`. */
export function monthBefore(today: string, back: number): string {
  const n = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - back;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export async function seedWorkerPay(q: Queryable, say: (m: string) => void): Promise<{ sheets: number }> {
  const today = chinaDateOf(new Date());
  const communities = await q.query<{ id: number; reviewer: number | null }>(
    `SELECT c.id, (SELECT g.user_id FROM grants g WHERE g.node_id = c.id ORDER BY g.id LIMIT 1) AS reviewer
       FROM nodes c WHERE c.kind = 'community' AND EXISTS (SELECT 1 FROM community_workers w WHERE w.community_id = c.id) ORDER BY c.path`,
  );
  const [county] = await q.query<{ id: number | null }>("SELECT min(u.id) AS id FROM users u JOIN grants g ON g.user_id = u.id JOIN nodes n ON n.id = g.node_id WHERE n.kind = 'county'");
  let sheets = 0;
  for (let back = WORKER_PAY_FIGURES.months - 1; back >= 0; back--) {
    const month = monthBefore(today, back);
    for (const c of communities) {
      const { id } = await computeSheet(q, c.id, month, c.reviewer);
      sheets++;
      if (back === 0) continue;
      // Computed on the 25th, reviewed on the 27th, locked on the 5th of the month after.
      await q.query(
        `UPDATE worker_pay_sheets SET computed_at = ($2 || '-25T09:00:00+08:00')::timestamptz, reviewed_by = $3, reviewed_at = ($2 || '-27T10:00:00+08:00')::timestamptz,
           status = $4, locked_by = CASE WHEN $4 = 'locked' THEN $5::int END,
           locked_at = CASE WHEN $4 = 'locked' THEN ($6 || '-05T15:00:00+08:00')::timestamptz END
         WHERE id = $1`,
        [id, month, c.reviewer, back === 1 ? 'reviewed' : 'locked', county?.id ?? null, monthBefore(today, back - 1)],
      );
    }
  }
  await appendAudit(q, { actorUserId: null, actorName: 'system', action: 'seed.workerPay', targetType: 'worker_pay_sheet', result: 'success', details: { sheets, communities: communities.length } });
  say(`社区工作者工资表：${communities.length} 个社区 × ${WORKER_PAY_FIGURES.months} 个月`);
  return { sheets };
}
