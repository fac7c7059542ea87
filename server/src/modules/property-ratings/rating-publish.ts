import { ROLE_PERMISSIONS, type Role } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { addDays, chinaDateOf } from '../tickets/working-days.js';
import * as repo from './property-ratings.repo.js';

/** Roles that run a community's assessment: they receive its rectification notices. */
const MANAGER_ROLES = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes('ratings.manage'));

export interface PublishOutcome {
  rectification: boolean;
  flagged: boolean;
}

/**
 * Publishes one closed rating (the caller has locked and checked it) with its consequences:
 * a low grade issues a rectification notice (deadline = China today + the scheme's days) to the
 * community's managers; a low grade right after the same company's previous published low grade
 * at this compound flags the contract for the owners' committee, told through the compound's
 * branch secretaries (who lead it). Audited.
 */
export async function publishOne(q: Queryable, r: repo.RatingRow, actor: Actor, now = new Date()): Promise<PublishOutcome> {
  const today = chinaDateOf(now);
  const period = (await repo.getPeriod(q, r.period_id))!;
  const scheme = await repo.getScheme(q, period.scheme_id);
  await repo.publishRating(q, r.id, actor.userId);
  const grade = scheme.grades.find((g) => g.code === r.grade);
  const total = r.total === null ? '—' : Number(r.total).toFixed(2);
  let rectification = false;
  let flagged = false;
  let rectificationId: number | null = null;
  if (grade?.low) {
    const deadline = addDays(today, scheme.rectification_days);
    rectificationId = await repo.insertRectification(q, { ratingId: r.id, companyId: r.company_id, compoundId: r.compound_id, deadline });
    rectification = true;
    await repo.notify(
      q,
      await repo.usersGrantedAt(q, r.community_id, MANAGER_ROLES),
      'rating_rectification',
      `${r.compound_name}的物业服务企业${r.company_name}在“${r.period_name}”考核中得分 ${total}，评为“${grade.name}”，已下发整改通知，整改期限至 ${deadline}，请跟踪整改并验收。`,
      today,
    );
    const prev = await repo.previousPublished(q, r);
    if (prev && prev.grades.find((g) => g.code === prev.grade)?.low) {
      await repo.flagRating(q, r.id);
      flagged = true;
      await repo.notify(
        q,
        await repo.branchSecretaryUsers(q, r.compound_id),
        'rating_contract_review',
        `${r.compound_name}的物业服务企业${r.company_name}在“${prev.period_name}”和“${r.period_name}”连续两次考核等级偏低，请组织业主委员会研究物业服务合同的续聘或解聘。`,
        today,
      );
    }
  }
  await appendAudit(q, {
    ...actorEntry(actor), action: 'propertyRating.publish', targetType: 'property_rating', targetId: r.id, nodeId: r.compound_id, result: 'success',
    details: { periodId: r.period_id, total: r.total === null ? null : Number(r.total), grade: r.grade, rectificationId, contractReviewFlag: flagged },
  });
  return { rectification, flagged };
}
