/** Four-colour property assessment (四色管理考核), zod-free: sources, period kinds, states, limits. */

/** Who scores a compound's property company. */
export const RATING_SOURCES = ['branch', 'owners_committee', 'survey', 'stewards', 'regulator'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];
export const RATING_SOURCE_LABELS: Record<RatingSource, { zh: string; en: string }> = {
  branch: { zh: '小区党支部', en: 'Compound branch' },
  owners_committee: { zh: '红色业委会', en: "Owners' committee" },
  survey: { zh: '居民满意度测评', en: 'Residents’ survey' },
  stewards: { zh: '红色管家巡查', en: 'Red stewards' },
  regulator: { zh: '社区/物业行业主管', en: 'Community / regulator' },
};
/** Sources scored by a staff user on the console (one scorecard each); the others are scored on phones and averaged. */
export const STAFF_RATING_SOURCES = ['branch', 'regulator'] as const satisfies readonly RatingSource[];

export const RATING_PERIOD_KINDS = ['quarter', 'half_year', 'year'] as const;
export type RatingPeriodKind = (typeof RATING_PERIOD_KINDS)[number];
export const RATING_PERIOD_KIND_LABELS: Record<RatingPeriodKind, { zh: string; en: string }> = {
  quarter: { zh: '季度', en: 'Quarter' },
  half_year: { zh: '半年', en: 'Half-year' },
  year: { zh: '年度', en: 'Year' },
};

export const RATING_PERIOD_STATUSES = ['open', 'closed'] as const;
export type RatingPeriodStatus = (typeof RATING_PERIOD_STATUSES)[number];
export const RATING_PERIOD_STATUS_LABELS: Record<RatingPeriodStatus, { zh: string; en: string }> = {
  open: { zh: '评分中', en: 'Scoring' },
  closed: { zh: '已结束', en: 'Closed' },
};

export const RATING_STATUSES = ['open', 'closed', 'published'] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];
export const RATING_STATUS_LABELS: Record<RatingStatus, { zh: string; en: string }> = {
  open: { zh: '评分中', en: 'Scoring' },
  closed: { zh: '待审核发布', en: 'Awaiting review' },
  published: { zh: '已发布', en: 'Published' },
};

/** What a source without scorecards does to the total. */
export const MISSING_SOURCE_RULES = ['reweight', 'zero'] as const;
export type MissingSourceRule = (typeof MISSING_SOURCE_RULES)[number];
export const MISSING_SOURCE_RULE_LABELS: Record<MissingSourceRule, { zh: string; en: string }> = {
  reweight: { zh: '缺项按比例折算（其余来源权重按比例放大至100%）', en: 'Reweight: the present sources are scaled up to 100%' },
  zero: { zh: '缺项按0分计', en: 'Zero: a missing source scores 0' },
};

export const INSPECTION_SEVERITIES = ['good', 'minor', 'serious'] as const;
export type InspectionSeverity = (typeof INSPECTION_SEVERITIES)[number];
export const INSPECTION_SEVERITY_LABELS: Record<InspectionSeverity, { zh: string; en: string }> = {
  good: { zh: '良好', en: 'Good' },
  minor: { zh: '一般问题', en: 'Minor issue' },
  serious: { zh: '严重问题', en: 'Serious issue' },
};

export const RECTIFICATION_STATUSES = ['open', 'reported', 'verified'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, { zh: string; en: string }> = {
  open: { zh: '待整改', en: 'To rectify' },
  reported: { zh: '已报告整改', en: 'Reported' },
  verified: { zh: '已验收', en: 'Verified' },
};

export const RATING_LIMITS = {
  schemeNameMax: 50,
  noteMax: 500,
  indicatorsMin: 3,
  indicatorsMax: 12,
  indicatorNameMax: 20,
  gradesCount: 4,
  gradeNameMax: 20,
  periodNameMax: 50,
  commentMax: 500,
  findingMin: 2,
  findingMax: 500,
  photosMax: 3,
  reportMax: 2000,
  verifyNoteMax: 500,
  surveyMinAnswersMax: 1000,
  rectificationDaysMax: 180,
  /** The deadline: at most this many days after the period ends. */
  deadlineMaxDaysAfterEnd: 60,
  /** Survey stars 1–5 are stored as stars × 20 points. */
  starPoints: 20,
} as const;
