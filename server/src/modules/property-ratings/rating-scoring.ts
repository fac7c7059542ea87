import type { MissingSourceRule, RatingGrade, RatingIndicator, RatingSource, RatingSourceWeight } from '@xj/contracts';

/**
 * The assessment's arithmetic, exact: indicator and source weights are whole percentages and
 * indicator scores whole points (0–100), so a scorecard's score is a whole number of hundredths
 * of a point, and the total is a fraction computed with integers and rounded half up to two
 * decimals only at the end. The grade is the highest one whose threshold the rounded total
 * reaches (a total exactly on a threshold earns that grade).
 *
 * A missing source (no scorecard, or fewer survey answers than the scheme's minimum) is handled
 * by the scheme's rule: `reweight` divides by the weights of the present sources only (so they
 * are scaled up to 100%); `zero` counts the missing source as 0 points.
 */

export interface ScoringScheme {
  indicators: readonly RatingIndicator[];
  sources: readonly RatingSourceWeight[];
  grades: readonly RatingGrade[];
  missingSourceRule: MissingSourceRule;
  surveyMinAnswers: number;
}

export interface SourceResult {
  source: RatingSource;
  /** The scheme's weight, in percent. */
  weight: number;
  /** The weight that counted after the missing-source rule, in percent (2 decimals). */
  appliedWeight: number;
  /** The mean of the source's scorecards, 2 decimals; null when missing. */
  score: number | null;
  scorecards: number;
  missing: boolean;
}

export interface RatingResult {
  /** 2 decimals; null when every source is missing under `reweight`. */
  total: number | null;
  grade: string | null;
  rule: MissingSourceRule;
  sources: SourceResult[];
  missingSources: RatingSource[];
}

/** A scorecard's weighted score in hundredths of a point (an integer). Throws when an indicator has no valid score. */
export function cardHundredths(indicators: readonly RatingIndicator[], scores: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const i of indicators) {
    const s = scores[i.code];
    if (s === undefined || !Number.isInteger(s) || s < 0 || s > 100) throw new Error(`indicator ${i.code}: score must be a whole number 0–100`);
    sum += i.weight * s;
  }
  return sum;
}

/** A scorecard's score in points, exact to 2 decimals. */
export function cardScore(indicators: readonly RatingIndicator[], scores: Readonly<Record<string, number>>): number {
  return cardHundredths(indicators, scores) / 100;
}

/** Rounds num/den (both non-negative) half up to an integer. */
function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

const toPoints = (hundredths: bigint) => Number(hundredths) / 100;

/** The grade a total earns: the highest whose `min` it reaches (grades are listed highest first). */
export function gradeFor(grades: readonly RatingGrade[], total: number): string | null {
  return grades.find((g) => total >= g.min)?.code ?? null;
}

/**
 * The total and grade from each source's scorecards (their hundredths, as `cardHundredths`
 * answers). `cards` may omit sources that have none.
 */
export function computeRating(scheme: ScoringScheme, cards: Partial<Record<RatingSource, readonly number[]>>): RatingResult {
  const present = scheme.sources.map((s) => {
    const list = cards[s.source] ?? [];
    const missing = list.length === 0 || (s.source === 'survey' && list.length < scheme.surveyMinAnswers);
    return { ...s, list, missing };
  });
  const reweight = scheme.missingSourceRule === 'reweight';
  const denominatorWeight = reweight ? present.filter((s) => !s.missing).reduce((a, s) => a + s.weight, 0) : 100;

  // total (hundredths) = Σ W_s · (H_s / n_s) / D, accumulated as one fraction num/den.
  let num = 0n;
  let den = 1n;
  for (const s of present) {
    if (s.missing || s.weight === 0) continue;
    const n = BigInt(s.list.length);
    const h = s.list.reduce((a, x) => a + BigInt(x), 0n);
    num = num * n + BigInt(s.weight) * h * den;
    den *= n;
  }
  const sources: SourceResult[] = present.map((s) => {
    const n = s.list.length;
    const h = s.list.reduce((a, x) => a + BigInt(x), 0n);
    return {
      source: s.source,
      weight: s.weight,
      appliedWeight: s.missing || denominatorWeight === 0 ? 0 : toPoints(roundHalfUp(BigInt(s.weight) * 10_000n, BigInt(denominatorWeight))),
      score: n === 0 ? null : toPoints(roundHalfUp(h, BigInt(n))),
      scorecards: n,
      missing: s.missing,
    };
  });
  const missingSources = present.filter((s) => s.missing).map((s) => s.source);
  if (denominatorWeight === 0) return { total: null, grade: null, rule: scheme.missingSourceRule, sources, missingSources };
  const total = toPoints(roundHalfUp(num, den * BigInt(denominatorWeight)));
  return { total, grade: gradeFor(scheme.grades, total), rule: scheme.missingSourceRule, sources, missingSources };
}
