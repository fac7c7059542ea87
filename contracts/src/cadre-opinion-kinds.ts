/** Cadre opinions (干部征求意见), zod-free: purposes, states, answers and limits. */

/** Why the county organisation department asks. */
export const CADRE_OPINION_PURPOSES = ['promotion', 'rank_change', 'honour'] as const;
export type CadreOpinionPurpose = (typeof CADRE_OPINION_PURPOSES)[number];
export const CADRE_OPINION_PURPOSE_LABELS: Record<CadreOpinionPurpose, { zh: string; en: string }> = {
  promotion: { zh: '提拔任用', en: 'Promotion' },
  rank_change: { zh: '职级晋升', en: 'Rank change' },
  honour: { zh: '评先评优', en: 'Honour' },
};

export const CADRE_OPINION_STATUSES = ['pending', 'answered', 'withdrawn'] as const;
export type CadreOpinionStatus = (typeof CADRE_OPINION_STATUSES)[number];
export const CADRE_OPINION_STATUS_LABELS: Record<CadreOpinionStatus, { zh: string; en: string }> = {
  pending: { zh: '待答复', en: 'Pending' },
  answered: { zh: '已答复', en: 'Answered' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** The branch's answer. */
export const CADRE_OPINION_ANSWERS = ['agree', 'agree_with_reservations', 'disagree'] as const;
export type CadreOpinionAnswer = (typeof CADRE_OPINION_ANSWERS)[number];
export const CADRE_OPINION_ANSWER_LABELS: Record<CadreOpinionAnswer, { zh: string; en: string }> = {
  agree: { zh: '同意', en: 'Agree' },
  agree_with_reservations: { zh: '基本同意（有保留意见）', en: 'Agree with reservations' },
  disagree: { zh: '不同意', en: 'Disagree' },
};

export const CADRE_OPINION_LIMITS = {
  postMax: 100,
  answerMin: 10,
  answerMax: 2000,
  reasonMax: 500,
  /** The deadline: from tomorrow up to this many days ahead (China dates). */
  deadlineMaxDays: 60,
} as const;
