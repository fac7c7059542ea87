import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { dateSchema } from './people.js';
import {
  INSPECTION_SEVERITIES,
  MISSING_SOURCE_RULES,
  RATING_LIMITS,
  RATING_PERIOD_KINDS,
  RATING_PERIOD_STATUSES,
  RATING_SOURCES,
  RATING_STATUSES,
  RECTIFICATION_STATUSES,
  STAFF_RATING_SOURCES,
} from './property-rating-kinds.js';

/** Four-colour property assessment (四色管理考核): the versioned scheme, periods, ratings and scorecards. */

export const ratingSourceSchema = z.enum(RATING_SOURCES);
export const missingSourceRuleSchema = z.enum(MISSING_SOURCE_RULES);

const weight = z.number().int().min(0).max(100);
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: '颜色应为 #RRGGBB 格式' });

export const ratingIndicatorSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,29}$/, { message: '指标代码应为小写字母开头的字母、数字或下划线' }),
  name: text(RATING_LIMITS.indicatorNameMax),
  weight,
});
export type RatingIndicator = z.infer<typeof ratingIndicatorSchema>;

export const ratingSourceWeightSchema = z.object({ source: ratingSourceSchema, weight });
export type RatingSourceWeight = z.infer<typeof ratingSourceWeightSchema>;

/** A colour grade: a total of at least `min` earns it (the highest grade whose `min` the total reaches). */
export const ratingGradeSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,19}$/),
  name: text(RATING_LIMITS.gradeNameMax),
  colour: hexColour,
  min: z.number().min(0).max(100),
  /** A low grade brings a rectification notice; twice in a row flags the contract to the owners' committee. */
  low: z.boolean(),
});
export type RatingGrade = z.infer<typeof ratingGradeSchema>;

const sumsTo100 = (xs: { weight: number }[]) => xs.reduce((s, x) => s + x.weight, 0) === 100;

/** The body of a new scheme version; the service answers RATING_SCHEME_INVALID for the cross-field rules too. */
export const ratingSchemeCreateSchema = z
  .object({
    name: text(RATING_LIMITS.schemeNameMax),
    indicators: z.array(ratingIndicatorSchema).min(RATING_LIMITS.indicatorsMin).max(RATING_LIMITS.indicatorsMax),
    sources: z.array(ratingSourceWeightSchema).length(RATING_SOURCES.length),
    grades: z.array(ratingGradeSchema).length(RATING_LIMITS.gradesCount),
    missingSourceRule: missingSourceRuleSchema,
    surveyMinAnswers: z.number().int().min(1).max(RATING_LIMITS.surveyMinAnswersMax),
    rectificationDays: z.number().int().min(1).max(RATING_LIMITS.rectificationDaysMax),
    note: z.string().trim().max(RATING_LIMITS.noteMax).default(''),
  })
  .strict()
  .refine((s) => sumsTo100(s.indicators), { message: '各考核指标的权重之和必须等于100%', path: ['indicators'] })
  .refine((s) => sumsTo100(s.sources), { message: '各评分来源的权重之和必须等于100%', path: ['sources'] })
  .refine((s) => new Set(s.indicators.map((i) => i.code)).size === s.indicators.length, { message: '指标代码不能重复', path: ['indicators'] })
  .refine((s) => new Set(s.sources.map((x) => x.source)).size === s.sources.length, { message: '每个评分来源只能出现一次', path: ['sources'] })
  .refine((s) => new Set(s.grades.map((g) => g.code)).size === s.grades.length, { message: '等级代码不能重复', path: ['grades'] })
  .refine((s) => s.grades.every((g, i) => i === 0 || g.min < s.grades[i - 1]!.min), { message: '等级须从高到低排列，分数线逐级降低', path: ['grades'] })
  .refine((s) => s.grades[s.grades.length - 1]?.min === 0, { message: '最低等级的分数线必须为0，使每个总分都有等级', path: ['grades'] });
export type RatingSchemeCreate = z.infer<typeof ratingSchemeCreateSchema>;

export const ratingSchemeSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  name: z.string(),
  indicators: z.array(ratingIndicatorSchema),
  sources: z.array(ratingSourceWeightSchema),
  grades: z.array(ratingGradeSchema),
  missingSourceRule: missingSourceRuleSchema,
  surveyMinAnswers: z.number().int(),
  rectificationDays: z.number().int(),
  note: z.string(),
  isDefault: z.boolean(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  /** Periods scored with this version. */
  periods: z.number().int(),
});
export type RatingSchemeDto = z.infer<typeof ratingSchemeSchema>;
export const ratingSchemeListSchema = z.object({ data: z.array(ratingSchemeSchema) });

// ── Periods ─────────────────────────────────────────────────────────────────────────────────
export const ratingPeriodKindSchema = z.enum(RATING_PERIOD_KINDS);
export const ratingPeriodStatusSchema = z.enum(RATING_PERIOD_STATUSES);
export const ratingStatusSchema = z.enum(RATING_STATUSES);

/** Open a period at a node for compounds in its subtree; without `compoundIds`, every compound there with a property contract covering the period's end. */
export const ratingPeriodCreateSchema = z
  .object({
    nodeId: idSchema,
    kind: ratingPeriodKindSchema,
    year: z.number().int().min(2000).max(2100),
    /** Quarter 1–4, half 1–2, year 1. */
    seq: z.number().int().min(1).max(4),
    /** The last day for every source to submit (China date): after the period starts, at most 60 days after it ends. */
    deadline: dateSchema,
    compoundIds: z.array(idSchema).min(1).max(500).optional(),
  })
  .strict();
export type RatingPeriodCreate = z.infer<typeof ratingPeriodCreateSchema>;

export const ratingPeriodListQuerySchema = paginationQuerySchema
  .extend({ status: ratingPeriodStatusSchema.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();
export type RatingPeriodListQuery = z.infer<typeof ratingPeriodListQuerySchema>;

export const ratingPeriodSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: ratingPeriodKindSchema,
  year: z.number().int(),
  seq: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  deadline: z.string(),
  status: ratingPeriodStatusSchema,
  nodeId: z.number().int(),
  nodeName: z.string(),
  schemeId: z.number().int(),
  schemeVersion: z.number().int(),
  /** Counted over the compounds in the caller's scope. */
  compounds: z.number().int(),
  published: z.number().int(),
  /** Per grade code, over the closed and published ratings in scope. */
  grades: z.record(z.string(), z.number().int()),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type RatingPeriodSummaryDto = z.infer<typeof ratingPeriodSummarySchema>;
export const ratingPeriodListSchema = listResponse(ratingPeriodSummarySchema);

/** How one source stands for one compound. */
export const ratingSourceProgressSchema = z.object({
  source: ratingSourceSchema,
  scorecards: z.number().int(),
  /** Staff sources: submitted or not; survey: reached the scheme's minimum answers; member sources: at least one card. */
  complete: z.boolean(),
});

export const sourceResultSchema = z.object({
  source: ratingSourceSchema,
  weight: z.number(),
  appliedWeight: z.number(),
  score: z.number().nullable(),
  scorecards: z.number().int(),
  missing: z.boolean(),
});
export type SourceResultDto = z.infer<typeof sourceResultSchema>;

/** The total (live while the period is open, frozen once it closes), the rule it was computed with, and each source's part. */
export const ratingResultSchema = z.object({
  total: z.number().nullable(),
  grade: z.string().nullable(),
  rule: missingSourceRuleSchema,
  sources: z.array(sourceResultSchema),
  missingSources: z.array(ratingSourceSchema),
  computedAt: z.string().nullable(),
});
export type RatingResultDto = z.infer<typeof ratingResultSchema>;

export const propertyRatingSummarySchema = z.object({
  id: z.number().int(),
  periodId: z.number().int(),
  periodName: z.string(),
  compoundId: z.number().int(),
  compoundName: z.string(),
  communityName: z.string(),
  companyId: z.number().int(),
  companyName: z.string(),
  status: ratingStatusSchema,
  /** Null while open (see the detail's live result) or when nothing could be computed. */
  total: z.number().nullable(),
  grade: z.string().nullable(),
  missingSources: z.array(ratingSourceSchema),
  progress: z.array(ratingSourceProgressSchema),
  contractReviewFlag: z.boolean(),
  publishedAt: z.string().nullable(),
});
export type PropertyRatingSummaryDto = z.infer<typeof propertyRatingSummarySchema>;

export const ratingPeriodSchema = ratingPeriodSummarySchema.extend({
  scheme: ratingSchemeSchema,
  ratings: z.array(propertyRatingSummarySchema),
});
export type RatingPeriodDto = z.infer<typeof ratingPeriodSchema>;

export const ratingRemindResultSchema = z.object({ notifications: z.number().int(), missing: z.number().int() });
export type RatingRemindResult = z.infer<typeof ratingRemindResultSchema>;
export const ratingPublishResultSchema = z.object({ published: z.number().int(), rectifications: z.number().int(), flagged: z.number().int() });
export type RatingPublishResult = z.infer<typeof ratingPublishResultSchema>;

// ── Scorecards ──────────────────────────────────────────────────────────────────────────────
export const staffRatingSourceSchema = z.enum(STAFF_RATING_SOURCES);
export const ratingScorecardParamsSchema = z.object({ id: idSchema, source: staffRatingSourceSchema }).strict();

const indicatorScores = z.record(z.string().regex(/^[a-z][a-z0-9_]{1,29}$/), z.number().int().min(0).max(100));
/** Every indicator of the period's scheme must have a whole score 0–100 (checked by the service against the scheme). */
export const ratingScorecardBodySchema = z
  .object({ scores: indicatorScores, comment: z.string().trim().max(RATING_LIMITS.commentMax).optional() })
  .strict();
export type RatingScorecardBody = z.infer<typeof ratingScorecardBodySchema>;

export const ratingScorecardSchema = z.object({
  id: z.number().int(),
  ratingId: z.number().int(),
  source: ratingSourceSchema,
  scores: z.record(z.string(), z.number().int()),
  score: z.number(),
  comment: z.string().nullable(),
  /** A staff user's name; for phone sources the member's name (masked phones are never shown here); null for survey answers. */
  byName: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
});
export type RatingScorecardDto = z.infer<typeof ratingScorecardSchema>;

/** What the stewards found in the compound during the period: the evidence beside the scores. */
export const ratingEvidenceSchema = z.object({
  inspections: z.object({ total: z.number().int(), good: z.number().int(), minor: z.number().int(), serious: z.number().int() }),
  latest: z.array(
    z.object({
      id: z.number().int(),
      indicatorName: z.string(),
      severity: z.enum(INSPECTION_SEVERITIES),
      finding: z.string(),
      stewardName: z.string(),
      photos: z.number().int(),
      ticketId: z.number().int().nullable(),
      createdAt: z.string(),
    }),
  ),
  /** Per indicator code: the survey's mean points (stars × 20), null without answers. */
  surveyMeans: z.record(z.string(), z.number().nullable()),
});

export const rectificationStatusSchema = z.enum(RECTIFICATION_STATUSES);
export const rectificationSchema = z.object({
  id: z.number().int(),
  ratingId: z.number().int(),
  periodName: z.string(),
  compoundId: z.number().int(),
  compoundName: z.string(),
  companyId: z.number().int(),
  companyName: z.string(),
  grade: z.string(),
  total: z.number().nullable(),
  deadline: z.string(),
  overdue: z.boolean(),
  status: rectificationStatusSchema,
  report: z.string().nullable(),
  reportedAt: z.string().nullable(),
  verifyNote: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RectificationDto = z.infer<typeof rectificationSchema>;

export const propertyRatingSchema = propertyRatingSummarySchema.extend({
  period: ratingPeriodSummarySchema,
  scheme: ratingSchemeSchema,
  result: ratingResultSchema,
  /** Staff cards in full; member and survey cards in full too for staff in scope (names only, no phones). */
  scorecards: z.array(ratingScorecardSchema),
  evidence: ratingEvidenceSchema,
  rectification: rectificationSchema.nullable(),
  /** Which staff sources the caller may score here now. */
  canScore: z.array(staffRatingSourceSchema),
  canPublish: z.boolean(),
});
export type PropertyRatingDto = z.infer<typeof propertyRatingSchema>;

/** The caller's scoring work: each open rating and staff source they may score. */
export const myScoringItemSchema = z.object({
  ratingId: z.number().int(),
  periodId: z.number().int(),
  periodName: z.string(),
  deadline: z.string(),
  compoundName: z.string(),
  companyName: z.string(),
  source: staffRatingSourceSchema,
  submitted: z.boolean(),
  score: z.number().nullable(),
});
export type MyScoringItemDto = z.infer<typeof myScoringItemSchema>;
export const myScoringSchema = z.object({ data: z.array(myScoringItemSchema) });

// ── Rectifications (整改通知) ─────────────────────────────────────────────────────────────────
export const rectificationListQuerySchema = paginationQuerySchema
  .extend({ status: rectificationStatusSchema.optional(), companyId: idSchema.optional() })
  .strict();
export type RectificationListQuery = z.infer<typeof rectificationListQuerySchema>;
export const rectificationListSchema = listResponse(rectificationSchema);
/** The company's report of what it fixed, entered by the community. */
export const rectificationReportSchema = z.object({ report: text(RATING_LIMITS.reportMax) }).strict();
export const rectificationVerifySchema = z.object({ note: text(RATING_LIMITS.verifyNoteMax) }).strict();

// ── Companies: grade history and rankings ────────────────────────────────────────────────────
export const companyRankingQuerySchema = z.object({ periodId: idSchema.optional() }).strict();
export const companyRankingRowSchema = z.object({
  rank: z.number().int(),
  companyId: z.number().int(),
  companyName: z.string(),
  compounds: z.number().int(),
  /** Mean of the company's totals in the period (2 decimals). */
  meanTotal: z.number().nullable(),
  grades: z.record(z.string(), z.number().int()),
  lowGrades: z.number().int(),
  flagged: z.number().int(),
});
export type CompanyRankingRowDto = z.infer<typeof companyRankingRowSchema>;
export const companyRankingSchema = z.object({
  period: ratingPeriodSummarySchema.nullable(),
  scheme: ratingSchemeSchema.nullable(),
  data: z.array(companyRankingRowSchema),
});
export type CompanyRankingDto = z.infer<typeof companyRankingSchema>;

export const companyGradeHistorySchema = z.object({
  companyId: z.number().int(),
  companyName: z.string(),
  ratings: z.array(propertyRatingSummarySchema.extend({ periodEndsOn: z.string(), gradeName: z.string().nullable(), gradeColour: z.string().nullable() })),
});
export type CompanyGradeHistoryDto = z.infer<typeof companyGradeHistorySchema>;
