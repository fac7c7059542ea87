import { describe, expect, it } from 'vitest';
import { computePay, fullYears, monthEnd, type PayRules } from './pay-computation.js';
import { isDue, promotionChecks, type PromotionRules } from './promotion-eligibility.js';

const row = (start: number, step: number) => Array.from({ length: 18 }, (_, i) => start + i * step);
/** A small fixture scheme (not the seeded one), so the arithmetic below is easy to follow. */
const rules: PayRules = {
  basePay: { head: row(4000, 100), deputy: row(3500, 80), staff: row(3000, 50) },
  education: {
    postgraduate: { fullTime: 500, partTime: 250 },
    bachelor: { fullTime: 300, partTime: 150 },
    college: { fullTime: 100, partTime: 60 },
    secondary: { fullTime: 0, partTime: 0 },
    other: { fullTime: 0, partTime: 0 },
  },
  qualification: { senior_social_worker: 800, social_worker: 500, social_worker_assistant: 200, other: 80 },
  seniorityPerYear: 40,
  seniorityCapYears: 10,
  bonus: { excellent: 400, competent: 200, basically_competent: 50, incompetent: 0 },
};

describe('computePay', () => {
  it('matches a hand-computed sheet line', () => {
    // Staff post, grade 7: base = 3000 + (7 − 1) × 50 = 3300.
    // Bachelor, full-time: education = 300.
    // Holds assistant (200) and social worker (500): the highest counts, qualification = 500 (not 700).
    // Service from 2019-06-15 to the month's end 2026-05-31: the 7th anniversary (2026-06-15) not yet reached → 6 full years;
    //   seniority = min(6, 10) × 40 = 240.
    // Latest closed annual result 称职: bonus = 200.
    // Total = 3300 + 300 + 500 + 240 + 200 = 4540.
    const pay = computePay(
      rules,
      { post: 'staff', grade: 7, education: 'bachelor', fullTimeEducation: true, qualifications: ['social_worker_assistant', 'social_worker'], serviceStart: '2019-06-15', assessmentResult: 'competent' },
      '2026-05',
    );
    expect(pay).toEqual({ base: 3300, education: 300, qualification: 500, serviceYears: 6, seniority: 240, bonus: 200, total: 4540 });
  });

  it('caps seniority, uses the part-time amount and pays no bonus without a result', () => {
    // Head post, grade 18: base = 4000 + 17 × 100 = 5700. Postgraduate part-time: 250. No certificate: 0.
    // Service 1990-01-01 → 2026-06-30: 36 years, capped at 10 → 10 × 40 = 400. No closed result: 0.
    // Total = 5700 + 250 + 0 + 400 + 0 = 6350.
    const pay = computePay(rules, { post: 'head', grade: 18, education: 'postgraduate', fullTimeEducation: false, qualifications: [], serviceStart: '1990-01-01', assessmentResult: null }, '2026-06');
    expect(pay).toEqual({ base: 5700, education: 250, qualification: 0, serviceYears: 36, seniority: 400, bonus: 0, total: 6350 });
  });

  it('counts a service year on its anniversary within the month', () => {
    expect(fullYears('2020-02-29', '2021-02-28')).toBe(0);
    expect(fullYears('2020-05-31', monthEnd('2021-05'))).toBe(1);
    expect(fullYears('2020-06-01', monthEnd('2021-05'))).toBe(0);
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(fullYears('2026-01-01', '2025-12-31')).toBe(0);
  });
});

const promo: PromotionRules = { yearsAtGrade: 2, roundsConsidered: 2, minCompetentResults: 1, allowBasicallyCompetent: true, qualifiedFromGrade: 10, qualifications: ['social_worker', 'senior_social_worker'] };
const met = (checks: ReturnType<typeof promotionChecks>) => Object.fromEntries(checks.map((c) => [c.rule, c.met]));
const base = { grade: 5, gradeSince: '2024-06-01', qualifications: [] as const, results: ['competent', 'basically_competent'] as const };

describe('promotionChecks', () => {
  it('years at grade: due on the second anniversary, not the day before', () => {
    expect(met(promotionChecks(promo, base, '2026-05-31')).years_at_grade).toBe(false);
    expect(isDue(promotionChecks(promo, base, '2026-06-01'))).toBe(true);
  });

  it('assessment: one 称职 in the last two rounds suffices; a 不称职 among them blocks; older rounds do not count', () => {
    expect(met(promotionChecks(promo, { ...base, results: ['basically_competent', 'basically_competent'] }, '2026-07-01')).assessment).toBe(false);
    expect(met(promotionChecks(promo, { ...base, results: ['excellent', 'incompetent'] }, '2026-07-01')).assessment).toBe(false);
    expect(met(promotionChecks(promo, { ...base, results: ['excellent', 'competent', 'incompetent'] }, '2026-07-01')).assessment).toBe(true);
    expect(met(promotionChecks(promo, { ...base, results: [] }, '2026-07-01')).assessment).toBe(false);
    expect(met(promotionChecks({ ...promo, allowBasicallyCompetent: false }, base, '2026-07-01')).assessment).toBe(false);
  });

  it('qualification: needed from grade 10 (9 → 10), not for 8 → 9', () => {
    expect(met(promotionChecks(promo, { ...base, grade: 8 }, '2026-07-01')).qualification).toBe(true);
    expect(met(promotionChecks(promo, { ...base, grade: 9 }, '2026-07-01')).qualification).toBe(false);
    expect(met(promotionChecks(promo, { ...base, grade: 9, qualifications: ['social_worker_assistant'] }, '2026-07-01')).qualification).toBe(false);
    expect(isDue(promotionChecks(promo, { ...base, grade: 9, qualifications: ['senior_social_worker'] }, '2026-07-01'))).toBe(true);
  });

  it('max grade: 17 may go to 18, 18 goes no further', () => {
    const q = { ...base, qualifications: ['social_worker'] as const };
    expect(isDue(promotionChecks(promo, { ...q, grade: 17 }, '2026-07-01'))).toBe(true);
    expect(met(promotionChecks(promo, { ...q, grade: 18 }, '2026-07-01')).max_grade).toBe(false);
  });
});
