import { ASSESSMENT_RESULT_LABELS, WORKER_GRADE_MAX, WORKER_QUALIFICATION_LABELS, type AssessmentResult, type PromotionCheck, type WorkerQualification } from '@xj/contracts';
import { fullYears } from './pay-computation.js';

export interface PromotionRules {
  yearsAtGrade: number;
  roundsConsidered: number;
  minCompetentResults: number;
  allowBasicallyCompetent: boolean;
  qualifiedFromGrade: number;
  qualifications: readonly WorkerQualification[];
}

export interface PromotionCandidate {
  grade: number;
  /** YYYY-MM-DD */
  gradeSince: string;
  qualifications: readonly WorkerQualification[];
  /** Results in closed annual rounds, newest first. */
  results: readonly AssessmentResult[];
}

export interface CheckResult {
  rule: PromotionCheck;
  met: boolean;
  detail: string;
}

const GOOD: readonly AssessmentResult[] = ['excellent', 'competent'];

/**
 * Whether a worker is due for the next grade on `today`, rule by rule (each with a reason):
 * below grade 18; at least `yearsAtGrade` full years since the grade took effect; among the last
 * `roundsConsidered` closed annual results, none 不称职 (nor 基本称职 unless allowed) and at
 * least `minCompetentResults` 称职 or 优秀; and for a target grade ≥ `qualifiedFromGrade`, one
 * of the listed certificates.
 */
export function promotionChecks(rules: PromotionRules, c: PromotionCandidate, today: string): CheckResult[] {
  const toGrade = c.grade + 1;
  const years = fullYears(c.gradeSince, today);
  const recent = c.results.slice(0, rules.roundsConsidered);
  const good = recent.filter((r) => GOOD.includes(r)).length;
  const bad = recent.find((r) => r === 'incompetent' || (r === 'basically_competent' && !rules.allowBasicallyCompetent));
  const labels = recent.map((r) => ASSESSMENT_RESULT_LABELS[r].zh).join('、') || '无';
  const needsCert = toGrade >= rules.qualifiedFromGrade;
  const cert = rules.qualifications.find((q) => c.qualifications.includes(q));
  const certNames = rules.qualifications.map((q) => WORKER_QUALIFICATION_LABELS[q].zh).join('或');
  return [
    { rule: 'max_grade', met: c.grade < WORKER_GRADE_MAX, detail: c.grade < WORKER_GRADE_MAX ? `现为${c.grade}级，可晋升至${toGrade}级` : `已是最高等级${WORKER_GRADE_MAX}级` },
    { rule: 'years_at_grade', met: years >= rules.yearsAtGrade, detail: `现等级已满${years}年（要求${rules.yearsAtGrade}年）` },
    {
      rule: 'assessment',
      met: !bad && good >= rules.minCompetentResults,
      detail: bad
        ? `近${rules.roundsConsidered}次年度考核有“${ASSESSMENT_RESULT_LABELS[bad].zh}”（${labels}）`
        : `近${rules.roundsConsidered}次年度考核：${labels}；称职及以上${good}次（要求${rules.minCompetentResults}次）`,
    },
    {
      rule: 'qualification',
      met: !needsCert || !!cert || rules.qualifications.length === 0,
      detail: !needsCert
        ? `晋升至${toGrade}级不要求职业资格`
        : cert
          ? `持有${WORKER_QUALIFICATION_LABELS[cert].zh}`
          : `晋升至${rules.qualifiedFromGrade}级及以上须持有${certNames}`,
    },
  ];
}

export const isDue = (checks: readonly CheckResult[]) => checks.every((c) => c.met);
