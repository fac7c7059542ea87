/** Small helpers shared by the property-rating pages: points, weights, a scorecard's preview. */
import dayjs from 'dayjs';
import type { RatingGrade, RatingIndicator } from '@xj/contracts';

/** A total or score with its two decimals, or a dash. */
export const points = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));

export const dateTime = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

export const weightSum = (list: readonly ({ weight?: number | null } | undefined)[] | undefined) =>
  (list ?? []).reduce((s, x) => s + (typeof x?.weight === 'number' ? x.weight : 0), 0);

/**
 * The weighted score of a scorecard as it is being filled in (Σ weight × score / 100), or null
 * while an indicator has no score. The server computes the score it keeps.
 */
export function cardPreview(indicators: readonly RatingIndicator[], scores: Partial<Record<string, number | null>>): number | null {
  let sum = 0;
  for (const i of indicators) {
    const s = scores[i.code];
    if (typeof s !== 'number') return null;
    sum += i.weight * s;
  }
  return sum / 100;
}

/** The grade with this code among grade lists (newest scheme first), for pages that only have the code. */
export function findGrade(lists: readonly (readonly RatingGrade[])[], code: string | null | undefined): RatingGrade | undefined {
  if (!code) return undefined;
  for (const grades of lists) {
    const g = grades.find((x) => x.code === code);
    if (g) return g;
  }
  return undefined;
}

/** Days from today (local) to a date; negative once it has passed. */
export const daysUntil = (date: string) => dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');
