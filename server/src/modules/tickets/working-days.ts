import { chinaToday, type DeadlineUnit } from '@xj/contracts';

/**
 * Deadline arithmetic in China time (UTC+8 all year: no daylight saving, so a fixed offset
 * is exact). A working day is a weekday that is not a listed holiday, or a weekend day listed
 * as an official make-up working day (调休上班). Dates are China dates as YYYY-MM-DD.
 */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
// Ten years of days off in a row would be a broken calendar, not a long holiday.
const MAX_DAYS_SCANNED = 3660;

/** The China date of an instant. */
export const chinaDateOf = (at: Date): string => chinaToday(at.getTime());

/** The day `n` calendar days after `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The last second of a China day (23:59:59 +08:00). */
export const endOfChinaDay = (day: string): Date => new Date(`${day}T23:59:59+08:00`);

/**
 * The end of the n-th working day after the day of `from` (the day of the report itself
 * never counts, whatever the hour): reported on Friday, 1 working day → Monday 23:59:59.
 */
export function addWorkingDays(from: Date, n: number, cal: WorkCalendar): Date {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`);
  let day = chinaDateOf(from);
  let counted = 0;
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal) && ++counted === n) return endOfChinaDay(day);
  }
  throw new RangeError(`no ${n} working days within ${MAX_DAYS_SCANNED} days of ${chinaDateOf(from)}: check the holiday calendar`);
}

/** Clock hours: an urgent hazard's 24 hours run through nights, weekends and holidays. */
export const addHours = (from: Date, n: number): Date => new Date(from.getTime() + n * 3_600_000);

export function deadlineFrom(from: Date, rule: { amount: number; unit: DeadlineUnit }, cal: WorkCalendar): Date {
  return rule.unit === 'hours' ? addHours(from, rule.amount) : addWorkingDays(from, rule.amount, cal);
}
