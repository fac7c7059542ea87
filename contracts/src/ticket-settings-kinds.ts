/**
 * Ticket settings (工单设置) the county admin keeps: categories with their deadlines and the
 * working-day calendar. Zod-free so that browser code can import the limits and rules.
 */

/** Mirrors the `ticket_categories` checks in migration 0005. */
export const TICKET_CATEGORY_LIMITS = {
  codePattern: /^[a-z][a-z0-9_]{1,39}$/,
  codeMax: 40,
  nameMax: 50,
  deadlineAmountMax: 365,
  responseHoursMax: 720,
} as const;

/** `holidays` are days off (even on a weekday); `workdays` are weekend days worked instead (调休上班). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, { zh: string; en: string }> = {
  holiday: { zh: '节假日', en: 'Holiday' },
  workday: { zh: '调休上班', en: 'Make-up workday' },
};

export const CALENDAR_LIMITS = {
  nameMax: 50,
  yearMin: 2000,
  yearMax: 2100,
} as const;

/** A China date (YYYY-MM-DD) is a Saturday or Sunday: only those can be make-up working days. */
export function isWeekendDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
