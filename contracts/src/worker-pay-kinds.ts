/** 三岗十八级 pay, zod-free: pay sheet statuses, promotion checks, limits. */

export const PAY_SHEET_STATUSES = ['draft', 'reviewed', 'locked'] as const;
export type PaySheetStatus = (typeof PAY_SHEET_STATUSES)[number];
export const PAY_SHEET_STATUS_LABELS: Record<PaySheetStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  reviewed: { zh: '已审核', en: 'Reviewed' },
  locked: { zh: '已锁定', en: 'Locked' },
};
export const WORKER_PAY_LIMITS = {
  nameMax: 50,
  noteMax: 500,
  reasonMax: 200,
  /** Monthly base pay and allowances: 0 to 100,000 yuan. */
  amountMax: 100_000,
  adjustmentMax: 100_000,
  seniorityPerYearMax: 1000,
  seniorityCapMax: 50,
} as const;

/** The promotion rules, each reported met or not with its reason. */
export const PROMOTION_CHECKS = ['max_grade', 'years_at_grade', 'assessment', 'qualification'] as const;
export type PromotionCheck = (typeof PROMOTION_CHECKS)[number];
