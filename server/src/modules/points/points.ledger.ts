import type { Queryable } from '../../platform/db.js';
import type { Actor } from '../../platform/audit/audit.js';
import { appendEntry, getRule, hasEarned, lockBalance } from './points.repo.js';

/** What earned the points: the record the entry points back to. */
export interface PointSource {
  type: 'volunteer_attendance' | 'consultation_participation' | 'steward_duty' | 'correction' | 'other';
  id: number;
}

/**
 * Credits a person's points in the caller's transaction: one append-only ledger entry by the
 * earning rule `ruleCode` (its points per unit × `units`, rounded half up), or exactly `points`
 * when the source sets its own (an activity's points per hour). Answers null when the rule is
 * inactive or the amount is zero; the same source credited twice under one rule is a no-op
 * (null). The balance row is locked for the rest of the caller's transaction.
 *
 * The audit row is the CALLER's: it audits the act that earned the points (a check-out, a
 * vote…) in the same transaction, and may name the entry id answered here.
 */
export async function earnPoints(
  q: Queryable,
  e: { personId: number; ruleCode: string; units?: number; points?: number; source: PointSource; actor: Actor; note?: string },
): Promise<{ entryId: number; points: number } | null> {
  const rule = await getRule(q, e.ruleCode);
  if (!rule) throw new Error(`unknown point rule ${e.ruleCode}`);
  if (!rule.active) return null;
  const raw = e.points ?? rule.points * (e.units ?? 1);
  if (!Number.isFinite(raw) || raw < 0) throw new Error(`points must be a non-negative number (${e.ruleCode}: ${raw})`);
  // Half up, immune to binary fractions such as 1.15 × 10 = 11.499…
  const points = Math.round(Number(raw.toFixed(6)));
  if (points === 0) return null;
  // Under the balance lock, a second credit of the same source waits and then finds the first.
  await lockBalance(q, e.personId);
  if (await hasEarned(q, e.personId, e.ruleCode, e.source.type, e.source.id)) return null;
  const entry = await appendEntry(q, {
    personId: e.personId, kind: 'earn', delta: points, ruleCode: e.ruleCode, sourceType: e.source.type, sourceId: e.source.id,
    note: e.note?.slice(0, 500) ?? null, actorUserId: e.actor.userId,
  });
  return { entryId: entry.id, points };
}
