import { describe, expect, it } from 'vitest';
import type { RatingSource } from '@xj/contracts';
import { cardHundredths, computeRating, type ScoringScheme } from './rating-scoring.js';

// The default scheme's shape (migration 0024): 7 indicators, the branch at 30%.
const scheme: ScoringScheme = {
  indicators: [
    { code: 'cleaning', name: '环境卫生', weight: 15 },
    { code: 'greening', name: '绿化养护', weight: 10 },
    { code: 'security', name: '秩序安全', weight: 15 },
    { code: 'repairs', name: '设施维修', weight: 20 },
    { code: 'fees', name: '收费公开', weight: 10 },
    { code: 'complaints', name: '投诉处理', weight: 15 },
    { code: 'cooperation', name: '配合支部工作', weight: 15 },
  ],
  sources: [
    { source: 'branch', weight: 30 },
    { source: 'owners_committee', weight: 20 },
    { source: 'survey', weight: 20 },
    { source: 'stewards', weight: 15 },
    { source: 'regulator', weight: 15 },
  ],
  grades: [
    { code: 'red', name: '红色', colour: '#cf1322', min: 90, low: false },
    { code: 'green', name: '绿色', colour: '#389e0d', min: 80, low: false },
    { code: 'yellow', name: '黄色', colour: '#d4b106', min: 70, low: true },
    { code: 'grey', name: '灰色', colour: '#595959', min: 0, low: true },
  ],
  missingSourceRule: 'reweight',
  surveyMinAnswers: 5,
};
const codes = scheme.indicators.map((i) => i.code);
const card = (...s: number[]) => cardHundredths(scheme.indicators, Object.fromEntries(codes.map((c, i) => [c, s[i] ?? s[0]!])));
const all = (x: number) => card(x, x, x, x, x, x, x);

describe('rating arithmetic', () => {
  it('weights a scorecard over the indicators', () => {
    // 15·90 + 10·80 + 15·100 + 20·70 + 10·60 + 15·90 + 15·100 = 8500 hundredths
    expect(card(90, 80, 100, 70, 60, 90, 100)).toBe(8500);
  });

  const full: Partial<Record<RatingSource, number[]>> = {
    branch: [card(90, 80, 100, 70, 60, 90, 100)], // 85.00
    owners_committee: [all(80), all(70)], // 75.00
    survey: [all(100), all(100), all(80), all(80), all(60)], // 84.00
    stewards: [all(60)], // 60.00
    regulator: [all(90)], // 90.00
  };

  it('computes the hand-computed total with the branch at 30%', () => {
    // 0.30·85 + 0.20·75 + 0.20·84 + 0.15·60 + 0.15·90 = 25.5 + 15 + 16.8 + 9 + 13.5 = 79.80
    const r = computeRating(scheme, full);
    expect(r.total).toBe(79.8);
    expect(r.grade).toBe('yellow');
    expect(r.missingSources).toEqual([]);
    expect(r.sources.find((s) => s.source === 'branch')).toMatchObject({ weight: 30, appliedWeight: 30, score: 85, scorecards: 1 });
    expect(r.sources.find((s) => s.source === 'survey')).toMatchObject({ score: 84, scorecards: 5 });
  });

  it('reweights the present sources when the survey has too few answers', () => {
    // survey missing (4 < 5): (25.5 + 15 + 9 + 13.5) / 0.80 = 78.75
    const r = computeRating(scheme, { ...full, survey: full.survey!.slice(0, 4) });
    expect(r.total).toBe(78.75);
    expect(r.missingSources).toEqual(['survey']);
    expect(r.sources.find((s) => s.source === 'branch')!.appliedWeight).toBe(37.5);
    expect(r.sources.find((s) => s.source === 'survey')).toMatchObject({ missing: true, appliedWeight: 0, scorecards: 4 });
  });

  it('counts a missing source as zero under the zero rule', () => {
    const r = computeRating({ ...scheme, missingSourceRule: 'zero' }, { ...full, survey: [] });
    expect(r.total).toBe(63);
    expect(r.grade).toBe('grey');
  });

  it('rounds the exact mean half up, not a binary fraction', () => {
    // (8001 + 8000) / 2 = 8000.5 hundredths → 80.01; thirds → 80.33
    expect(computeRating(scheme, { stewards: [8001, 8000] }).total).toBe(80.01);
    expect(computeRating(scheme, { stewards: [8000, 8000, 8100] }).total).toBe(80.33);
  });

  it('puts a total exactly on a threshold into that grade', () => {
    expect(computeRating(scheme, { branch: [all(90)] })).toMatchObject({ total: 90, grade: 'red' });
    expect(computeRating(scheme, { branch: [9000, 8998] })).toMatchObject({ total: 89.99, grade: 'green' });
    expect(computeRating(scheme, { branch: [all(80)] }).grade).toBe('green');
    expect(computeRating(scheme, { branch: [7000, 6998] })).toMatchObject({ total: 69.99, grade: 'grey' });
    expect(computeRating(scheme, { branch: [all(0)] })).toMatchObject({ total: 0, grade: 'grey' });
  });

  it('has no total when every source is missing under reweight', () => {
    expect(computeRating(scheme, {})).toMatchObject({ total: null, grade: null });
  });

  it('refuses a scorecard without a whole score for every indicator', () => {
    expect(() => cardHundredths(scheme.indicators, { cleaning: 90 })).toThrow();
    expect(() => card(90.5)).toThrow();
  });
});
