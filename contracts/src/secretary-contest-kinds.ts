/** Zod-free values of the monthly secretary contest (擂台比武). */

export const CONTEST_PARTS = ['report', 'visit', 'test'] as const;
export type ContestPart = (typeof CONTEST_PARTS)[number];
/** The two parts judges score on site; the test is scored automatically. */
export const JUDGED_PARTS = ['report', 'visit'] as const;
export type JudgedPart = (typeof JUDGED_PARTS)[number];
export const CONTEST_PART_LABELS: Record<ContestPart, string> = { report: '现场述职', visit: '实地观摩', test: '知识测试' };

export const QUESTION_KINDS = ['single', 'multiple', 'truefalse'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选题', multiple: '多选题', truefalse: '判断题' };
export const QUESTION_DIFFICULTIES = [1, 2, 3] as const;

export const MEDALS = ['gold', 'silver', 'bronze'] as const;
export type Medal = (typeof MEDALS)[number];
export const MEDAL_LABELS: Record<Medal, string> = { gold: '金牌', silver: '银牌', bronze: '铜牌' };

export const CONTEST_STATUSES = ['open', 'closed'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

export const CONTEST_LIMITS = {
  /** Seconds after the time limit in which a submission still counts (network delay). */
  graceSeconds: 60,
  maxPerLevel: 20,
  maxMinutes: 180,
} as const;
