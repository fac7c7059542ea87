import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { ASSESSMENT_RESULTS, WORKER_EDUCATIONS, WORKER_GRADE_MAX, WORKER_POSTS, WORKER_QUALIFICATIONS } from './community-worker-kinds.js';
import { workerPostSchema, workerSummarySchema } from './community-workers.js';
import { PAY_SHEET_STATUSES, PROMOTION_CHECKS, WORKER_PAY_LIMITS } from './worker-pay-kinds.js';

/**
 * 三岗十八级 pay (issue 8): the versioned pay scheme, monthly pay sheets per community and the
 * promotion rules. Every amount is whole yuan (an integer): nothing is ever rounded.
 */

const amount = z.number().int({ message: '金额应为整数元' }).min(0).max(WORKER_PAY_LIMITS.amountMax);
const gradeRow = z.array(amount).length(WORKER_GRADE_MAX, { message: `每个岗位应有 ${WORKER_GRADE_MAX} 个等级的基本工资` });
const byPost = <T extends z.ZodTypeAny>(v: T) => z.object(Object.fromEntries(WORKER_POSTS.map((p) => [p, v])) as Record<(typeof WORKER_POSTS)[number], T>).strict();

export const payBaseTableSchema = byPost(gradeRow);
export const payEducationSchema = z
  .object(Object.fromEntries(WORKER_EDUCATIONS.map((e) => [e, z.object({ fullTime: amount, partTime: amount }).strict()])) as Record<
    (typeof WORKER_EDUCATIONS)[number],
    z.ZodObject<{ fullTime: typeof amount; partTime: typeof amount }>
  >)
  .strict();
export const payQualificationSchema = z
  .object(Object.fromEntries(WORKER_QUALIFICATIONS.map((q) => [q, amount])) as Record<(typeof WORKER_QUALIFICATIONS)[number], typeof amount>)
  .strict();
export const payBonusSchema = z.object(Object.fromEntries(ASSESSMENT_RESULTS.map((r) => [r, amount])) as Record<(typeof ASSESSMENT_RESULTS)[number], typeof amount>).strict();

export const paySchemeCreateSchema = z
  .object({
    name: text(WORKER_PAY_LIMITS.nameMax),
    basePay: payBaseTableSchema,
    education: payEducationSchema,
    qualification: payQualificationSchema,
    seniorityPerYear: z.number().int().min(0).max(WORKER_PAY_LIMITS.seniorityPerYearMax),
    seniorityCapYears: z.number().int().min(0).max(WORKER_PAY_LIMITS.seniorityCapMax),
    bonus: payBonusSchema,
    note: z.string().trim().max(WORKER_PAY_LIMITS.noteMax).default(''),
  })
  .strict();
export type PaySchemeCreate = z.infer<typeof paySchemeCreateSchema>;

export const paySchemeSchema = paySchemeCreateSchema.extend({
  id: z.number().int(),
  version: z.number().int(),
  note: z.string(),
  isDefault: z.boolean(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  /** Pay sheets computed with this version. */
  sheets: z.number().int(),
});
export type PaySchemeDto = z.infer<typeof paySchemeSchema>;
export const paySchemeListSchema = z.object({ data: z.array(paySchemeSchema) });

// ── Pay sheets ─────────────────────────────────────────────────────────────────────────────
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份应为 YYYY-MM 格式' });
export const paySheetComputeSchema = z.object({ communityId: idSchema, month: monthSchema }).strict();
export type PaySheetCompute = z.infer<typeof paySheetComputeSchema>;

export const paySheetListQuerySchema = paginationQuerySchema.extend({
  communityId: idSchema.optional(),
  month: monthSchema.optional(),
  status: z.enum(PAY_SHEET_STATUSES).optional(),
});
export type PaySheetListQuery = z.infer<typeof paySheetListQuerySchema>;

export const paySheetSummarySchema = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  communityName: z.string(),
  month: z.string(),
  status: z.enum(PAY_SHEET_STATUSES),
  schemeId: z.number().int(),
  schemeVersion: z.number().int(),
  workers: z.number().int(),
  total: z.number().int(),
  computedAt: z.string(),
  computedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  lockedAt: z.string().nullable(),
  lockedByName: z.string().nullable(),
});
export type PaySheetSummaryDto = z.infer<typeof paySheetSummarySchema>;
export const paySheetListSchema = listResponse(paySheetSummarySchema);

export const payLineSchema = z.object({
  id: z.number().int(),
  worker: workerSummarySchema,
  post: workerPostSchema,
  grade: z.number().int(),
  base: z.number().int(),
  education: z.number().int(),
  qualification: z.number().int(),
  serviceYears: z.number().int(),
  seniority: z.number().int(),
  assessmentResult: z.enum(ASSESSMENT_RESULTS).nullable(),
  bonus: z.number().int(),
  adjustment: z.number().int(),
  adjustmentReason: z.string().nullable(),
  total: z.number().int(),
});
export type PayLineDto = z.infer<typeof payLineSchema>;

export const payTotalsSchema = z.object({
  base: z.number().int(),
  education: z.number().int(),
  qualification: z.number().int(),
  seniority: z.number().int(),
  bonus: z.number().int(),
  adjustment: z.number().int(),
  total: z.number().int(),
});
export type PayTotals = z.infer<typeof payTotalsSchema>;

export const paySheetSchema = paySheetSummarySchema.extend({ lines: z.array(payLineSchema), totals: payTotalsSchema });
export type PaySheetDto = z.infer<typeof paySheetSchema>;

export const payAdjustmentSchema = z
  .object({
    workerId: idSchema,
    /** Whole yuan, negative for a deduction; 0 clears the adjustment. */
    amount: z.number().int({ message: '调整金额应为整数元' }).min(-WORKER_PAY_LIMITS.adjustmentMax).max(WORKER_PAY_LIMITS.adjustmentMax),
    reason: text(WORKER_PAY_LIMITS.reasonMax),
  })
  .strict();
export type PayAdjustment = z.infer<typeof payAdjustmentSchema>;

// ── Promotions ─────────────────────────────────────────────────────────────────────────────
export const promotionRulesUpdateSchema = z
  .object({
    yearsAtGrade: z.number().int().min(0).max(10),
    roundsConsidered: z.number().int().min(1).max(5),
    minCompetentResults: z.number().int().min(0).max(5),
    allowBasicallyCompetent: z.boolean(),
    qualifiedFromGrade: z.number().int().min(2).max(WORKER_GRADE_MAX + 1),
    qualifications: z.array(z.enum(WORKER_QUALIFICATIONS)).max(WORKER_QUALIFICATIONS.length),
  })
  .strict()
  .refine((r) => r.minCompetentResults <= r.roundsConsidered, { message: '要求称职及以上的次数不能多于考察的考核次数', path: ['minCompetentResults'] })
  .refine((r) => new Set(r.qualifications).size === r.qualifications.length, { message: '职业资格不能重复', path: ['qualifications'] });
export type PromotionRulesUpdate = z.infer<typeof promotionRulesUpdateSchema>;

export const promotionRulesSchema = z.object({
  yearsAtGrade: z.number().int(),
  roundsConsidered: z.number().int(),
  minCompetentResults: z.number().int(),
  allowBasicallyCompetent: z.boolean(),
  qualifiedFromGrade: z.number().int(),
  qualifications: z.array(z.enum(WORKER_QUALIFICATIONS)),
  isDefault: z.boolean(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type PromotionRulesDto = z.infer<typeof promotionRulesSchema>;

export const promotionCheckSchema = z.object({ rule: z.enum(PROMOTION_CHECKS), met: z.boolean(), detail: z.string() });

export const promotionDueSchema = z.object({
  worker: workerSummarySchema,
  gradeSince: z.string(),
  toGrade: z.number().int(),
  checks: z.array(promotionCheckSchema),
});
export type PromotionDueDto = z.infer<typeof promotionDueSchema>;
export const promotionDueListSchema = z.object({ data: z.array(promotionDueSchema), rules: promotionRulesSchema });
export const promotionDueQuerySchema = z.object({ communityId: idSchema.optional() });

export const promotionApplySchema = z.object({ workerId: idSchema, reason: text(WORKER_PAY_LIMITS.reasonMax) }).strict();
export type PromotionApply = z.infer<typeof promotionApplySchema>;
export const promotionResultSchema = z.object({ workerId: z.number().int(), fromGrade: z.number().int(), toGrade: z.number().int(), effectiveOn: z.string() });
export type PromotionResultDto = z.infer<typeof promotionResultSchema>;
