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

/** The two options of a true/false question, in this order. */
export const TRUE_FALSE_OPTIONS = ['正确', '错误'] as const;
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** What is wrong with a question's answer for its kind and options (Chinese, for people); null when it is consistent. */
export function questionProblem(x: { kind: QuestionKind; options: readonly string[]; answer: readonly number[] }): string | null {
  if (x.answer.some((i) => i >= x.options.length)) return '答案序号超出选项范围';
  if (new Set(x.answer).size !== x.answer.length) return '答案序号不能重复';
  if (x.kind === 'truefalse' && x.options.length !== 2) return '判断题应有两个选项（正确、错误）';
  if (x.kind !== 'multiple' && x.answer.length !== 1) return '单选题和判断题只有一个正确答案';
  if (x.kind === 'multiple' && x.answer.length < 2) return '多选题至少有两个正确答案';
  return null;
}
