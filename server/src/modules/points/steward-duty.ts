import type { Queryable } from '../../platform/db.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { earnPoints } from './points.ledger.js';
import { getRule } from './points.repo.js';

const SYSTEM: Actor = { userId: null, name: 'system', ip: null };
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-time calendar month before the one `now` falls in: its first day and its yyyymm key. */
export function previousChinaMonth(now: Date): { firstDay: string; key: number; year: number; month: number } {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS);
  const first = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  return { firstDay: first.toISOString().slice(0, 10), key: year * 100 + month, year, month };
}

/**
 * 楼栋管家履职: from the 1st of a month (China time) on, credits every steward in post for the
 * whole previous month — appointed on or before its first day and still in post (a steward who
 * left was removed) — once per person and month (rule steward_duty, source yyyymm). Safe to run
 * any number of times: the ledger keeps one entry per person and month. One audit row per run
 * that credits anybody. Answers how many people were credited.
 */
export async function creditStewardDuty(q: Queryable, now: Date = new Date()): Promise<number> {
  const rule = await getRule(q, 'steward_duty');
  if (!rule?.active) return 0;
  const m = previousChinaMonth(now);
  const due = await q.query<{ person_id: number }>(
    `SELECT DISTINCT s.person_id FROM stewards s
      WHERE s.since <= $1::date
        AND NOT EXISTS (SELECT 1 FROM point_entries e
                         WHERE e.person_id = s.person_id AND e.kind = 'earn' AND e.rule_code = 'steward_duty'
                           AND e.source_type = 'steward_duty' AND e.source_id = $2)
      ORDER BY s.person_id`,
    [m.firstDay, m.key],
  );
  let credited = 0;
  let points = 0;
  for (const s of due) {
    const earned = await earnPoints(q, {
      personId: s.person_id, ruleCode: 'steward_duty', source: { type: 'steward_duty', id: m.key }, actor: SYSTEM, note: `${m.year}年${m.month}月楼栋管家履职`,
    });
    if (earned) {
      credited += 1;
      points += earned.points;
    }
  }
  if (credited > 0) {
    await appendAudit(q, {
      ...actorEntry(SYSTEM), action: 'points.stewardDuty', targetType: 'point_rule', targetId: 'steward_duty', result: 'success',
      details: { month: `${m.year}-${String(m.month).padStart(2, '0')}`, credited, points },
    });
  }
  return credited;
}
