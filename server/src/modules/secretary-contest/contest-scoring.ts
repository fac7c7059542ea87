import type { Medal, QuestionKind } from '@xj/contracts';
import { rng } from '../../platform/prng.js';

/** Pure arithmetic of the secretary contest: everything in integer hundredths so totals are exact to 2 decimals. */

/** a / b rounded half up, for non-negative integers. */
const divRound = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

/** The judges' mean of one part, in hundredths (0–10000); null when no judge scored it. */
export function meanHundredths(scores: number[]): number | null {
  if (scores.length === 0) return null;
  return divRound(scores.reduce((s, x) => s + x, 0) * 100, scores.length);
}

/** The knowledge test scaled to 0–100, in hundredths. */
export const testHundredths = (correct: number, total: number) => (total === 0 ? 0 : divRound(correct * 10000, total));

/** Weighted total in hundredths; a part nobody scored counts as 0. */
export function totalHundredths(w: { report: number; visit: number; test: number }, p: { report: number | null; visit: number | null; test: number | null }): number {
  return divRound(w.report * (p.report ?? 0) + w.visit * (p.visit ?? 0) + w.test * (p.test ?? 0), 100);
}

/** Single choice and true/false: the one right option; multiple choice: all-or-nothing (exactly the right set). */
export function answerCorrect(kind: QuestionKind, answer: number[], chosen: number[] | null): boolean {
  if (!chosen || chosen.length === 0) return false;
  const a = [...new Set(answer)].sort();
  const c = [...new Set(chosen)].sort();
  if (kind !== 'multiple' && c.length !== 1) return false;
  return a.length === c.length && a.every((x, i) => x === c[i]);
}

export interface Rankable {
  id: number;
  name: string;
  total: number;
  test: number;
  report: number;
  submittedAt: number | null;
}

/**
 * The documented tie rule: higher total, then higher knowledge-test score, then higher on-site report,
 * then the earlier test submission (not submitted comes last), then the name (zh collation), then the entry id.
 * Ranks are therefore unique, and gold, silver and bronze go to ranks 1, 2 and 3.
 */
export function rankEntries<T extends Rankable>(rows: T[]): (T & { rank: number; medal: Medal | null })[] {
  const sorted = [...rows].sort(
    (a, b) =>
      b.total - a.total ||
      b.test - a.test ||
      b.report - a.report ||
      (a.submittedAt ?? Infinity) - (b.submittedAt ?? Infinity) ||
      a.name.localeCompare(b.name, 'zh-CN') ||
      a.id - b.id,
  );
  const medals: Medal[] = ['gold', 'silver', 'bronze'];
  return sorted.map((r, i) => ({ ...r, rank: i + 1, medal: medals[i] ?? null }));
}

/**
 * Draws `perLevel` questions at each difficulty from the active bank (ids grouped by difficulty),
 * shuffled by a seed of (contest, worker): equal difficulty for everyone, a different paper each.
 */
export function drawPaper(bank: Map<number, number[]>, perLevel: number, contestId: number, workerId: number): number[] {
  // Seeded by (contest, worker): the same contestant always draws the same paper.
  const next = rng(contestId * 1_000_003 + workerId * 7919);
  const out: number[] = [];
  for (const level of [1, 2, 3]) {
    const ids = [...(bank.get(level) ?? [])].sort((x, y) => x - y);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    out.push(...ids.slice(0, perLevel));
  }
  return out;
}

export const hundredthsToNumber = (h: number | null) => (h === null ? null : h / 100);
