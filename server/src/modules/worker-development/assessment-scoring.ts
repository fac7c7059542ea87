import { ASSESSMENT_RESULTS, ASSESSMENT_THRESHOLDS, type AssessmentIndicator, type AssessmentResult } from '@xj/contracts';
import { badRequest } from '../../platform/errors.js';
import { cardHundredths } from '../property-ratings/rating-scoring.js';

/**
 * A worker's assessment arithmetic, exact: weights are whole percents summing to 100 and scores
 * whole points, so Σ weight × score is the total in hundredths of a point (the property ratings'
 * `cardHundredths`) and the total has exactly two decimals without rounding.
 * The level is the best one whose threshold the total reaches (≥ 90 优秀, ≥ 75 称职,
 * ≥ 60 基本称职, else 不称职). A scorer may record a LOWER level than earned (with a comment),
 * never a higher one.
 */

export function weightSum(indicators: readonly AssessmentIndicator[]): number {
  return indicators.reduce((a, i) => a + i.weight, 0);
}

/** The indicators of a new round: codes unique, whole-percent weights summing to 100; a Chinese 400 otherwise. */
export function checkIndicators(indicators: readonly AssessmentIndicator[]): void {
  const codes = new Set<string>();
  for (const i of indicators) {
    if (codes.has(i.code)) throw badRequest(`考核指标代码“${i.code}”重复`, { indicator: i.code });
    codes.add(i.code);
  }
  const sum = weightSum(indicators);
  if (sum !== 100) throw badRequest(`各项考核指标的权重之和应为 100%，现为 ${sum}%`, { weightSum: sum });
}

/** Scores for every indicator of the round and nothing else; a 400 naming the first problem. */
export function checkScores(indicators: readonly AssessmentIndicator[], scores: Readonly<Record<string, number>>): void {
  for (const i of indicators) {
    if (scores[i.code] === undefined) throw badRequest(`请为考核指标“${i.name}”打分（0–100 分）`, { indicator: i.code });
  }
  const known = new Set(indicators.map((i) => i.code));
  const extra = Object.keys(scores).find((k) => !known.has(k));
  if (extra) throw badRequest(`考核指标“${extra}”不在本轮考核中`, { indicator: extra });
}

/** The total in hundredths of a point (an integer). */
export const totalHundredths = (indicators: readonly AssessmentIndicator[], scores: Readonly<Record<string, number>>): number => cardHundredths(indicators, scores);

/** The level a total (in hundredths) earns. */
export function earnedLevel(hundredths: number): AssessmentResult {
  return ASSESSMENT_THRESHOLDS.find((t) => hundredths >= t.min * 100)!.result;
}

/** Lower is worse: ASSESSMENT_RESULTS lists the best first. */
const rank = (r: AssessmentResult) => ASSESSMENT_RESULTS.indexOf(r);

/**
 * The level to record: the earned one by default; a lower one only with a comment; never a
 * higher one. Throws a Chinese 400 otherwise.
 */
export function recordedLevel(earned: AssessmentResult, requested: AssessmentResult | undefined, comment: string | undefined, labels: Record<AssessmentResult, { zh: string }>): AssessmentResult {
  if (requested === undefined || requested === earned) return earned;
  if (rank(requested) < rank(earned)) {
    throw badRequest(`总分只够“${labels[earned].zh}”，不能评定为更高的“${labels[requested].zh}”`, { earned, requested });
  }
  if (!comment) throw badRequest(`将等级从“${labels[earned].zh}”下调为“${labels[requested].zh}”时，请填写说明`, { earned, requested });
  return requested;
}
