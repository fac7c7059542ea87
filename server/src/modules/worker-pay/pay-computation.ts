import type { AssessmentResult, PaySchemeCreate, WorkerEducation, WorkerPost, WorkerQualification } from '@xj/contracts';

/** What the computation needs of a scheme version (all amounts whole yuan). */
export type PayRules = Pick<PaySchemeCreate, 'basePay' | 'education' | 'qualification' | 'seniorityPerYear' | 'seniorityCapYears' | 'bonus'>;

/** What it needs of a worker, as the registry holds it on the sheet's month. */
export interface PayWorker {
  post: WorkerPost;
  grade: number;
  education: WorkerEducation;
  fullTimeEducation: boolean;
  qualifications: readonly WorkerQualification[];
  /** YYYY-MM-DD: service years count from here. */
  serviceStart: string;
  /** The worker's result in the latest closed annual assessment round, or null when none. */
  assessmentResult: AssessmentResult | null;
}

export interface PayComponents {
  base: number;
  education: number;
  qualification: number;
  serviceYears: number;
  seniority: number;
  bonus: number;
  /** base + education + qualification + seniority + bonus (an adjustment is added on the sheet). */
  total: number;
}

/** Whole years from `from` to `to` (YYYY-MM-DD): the anniversary must have been reached. */
export function fullYears(from: string, to: string): number {
  if (to < from) return 0;
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) >= from.slice(5) ? years : years - 1;
}

/** The last day of a YYYY-MM month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/**
 * One worker's monthly pay under a scheme, in whole yuan (integers only: nothing is rounded).
 * - base: the post's row of the 3×18 table at the worker's grade;
 * - education: the amount for the highest education, full-time or not;
 * - qualification: the HIGHEST amount among the certificates held (certificates do not add up);
 * - seniority: yuan per full service year up to the month's last day, capped at `seniorityCapYears` years;
 * - bonus: the amount for the latest closed annual assessment result (0 without one).
 */
export function computePay(rules: PayRules, w: PayWorker, month: string): PayComponents {
  const base = rules.basePay[w.post][w.grade - 1] ?? 0;
  const edu = rules.education[w.education];
  const education = w.fullTimeEducation ? edu.fullTime : edu.partTime;
  const qualification = Math.max(0, ...w.qualifications.map((q) => rules.qualification[q]));
  const serviceYears = fullYears(w.serviceStart, monthEnd(month));
  const seniority = Math.min(serviceYears, rules.seniorityCapYears) * rules.seniorityPerYear;
  const bonus = w.assessmentResult ? rules.bonus[w.assessmentResult] : 0;
  return { base, education, qualification, serviceYears, seniority, bonus, total: base + education + qualification + seniority + bonus };
}
