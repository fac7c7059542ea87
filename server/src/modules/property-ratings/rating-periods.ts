import type { RatingPeriodKind } from '@xj/contracts';

/** Months per period kind: quarter 1 = Jan–Mar, half 1 = Jan–Jun, year = Jan–Dec. */
const MONTHS: Record<RatingPeriodKind, number> = { quarter: 3, half_year: 6, year: 12 };
const SEQ_MAX: Record<RatingPeriodKind, number> = { quarter: 4, half_year: 2, year: 1 };

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether `seq` exists for the kind (quarter 1–4, half 1–2, year 1). */
export const seqValid = (kind: RatingPeriodKind, seq: number) => seq >= 1 && seq <= SEQ_MAX[kind];

/** The first and last calendar day of a period. */
export function periodDates(kind: RatingPeriodKind, year: number, seq: number): { startsOn: string; endsOn: string } {
  const months = MONTHS[kind];
  const firstMonth = (seq - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { startsOn: `${year}-${pad(firstMonth)}-01`, endsOn: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** 2026年第3季度 / 2026年上半年 / 2026年度. */
export function periodName(kind: RatingPeriodKind, year: number, seq: number): string {
  if (kind === 'quarter') return `${year}年第${seq}季度`;
  if (kind === 'half_year') return `${year}年${seq === 1 ? '上' : '下'}半年`;
  return `${year}年度`;
}
