import { describe, expect, it } from 'vitest';
import { addDays, addHours, addWorkingDays, chinaDateOf, deadlineFrom, isWorkingDay, type WorkCalendar } from './working-days.js';

const plain: WorkCalendar = { holidays: new Set(), workdays: new Set() };
// A National Day week as the State Council publishes it: days off Oct 1–7, the Sunday before
// and the Saturday after worked instead (调休). Fixed test data, not an official calendar.
const nationalDay: WorkCalendar = {
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']),
  workdays: new Set(['2026-09-27', '2026-10-10']),
};
const china = (s: string) => new Date(`${s}+08:00`);
const endOf = (day: string) => china(`${day}T23:59:59`);
const FRIDAY = china('2026-11-27T15:00:00');

describe('China dates', () => {
  it('an instant belongs to its UTC+8 day, whatever the UTC date', () => {
    expect(chinaDateOf(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27'); // Friday 23:59:59 in Xiajin
    expect(chinaDateOf(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28'); // Saturday 00:00
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('weekends are off, listed holidays are off, listed make-up days are worked', () => {
    expect(isWorkingDay('2026-11-27', plain)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28', plain)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29', plain)).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-01', nationalDay)).toBe(false); // Thursday, holiday
    expect(isWorkingDay('2026-09-27', nationalDay)).toBe(true); // Sunday, make-up day
    expect(isWorkingDay('2026-10-10', nationalDay)).toBe(true); // Saturday, make-up day
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend: Friday + 1 working day is the end of Monday', () => {
    expect(addWorkingDays(china('2026-11-27T15:00:00'), 1, plain)).toEqual(endOf('2026-11-30'));
    expect(addWorkingDays(china('2026-11-27T15:00:00'), 5, plain)).toEqual(endOf('2026-12-04'));
  });

  it('counts from the China day of the report: Friday 23:59 and Saturday 01:30 differ in UTC only', () => {
    expect(addWorkingDays(new Date('2026-11-27T15:59:59Z'), 1, plain)).toEqual(endOf('2026-11-30'));
    expect(addWorkingDays(new Date('2026-11-27T17:30:00Z'), 1, plain)).toEqual(endOf('2026-11-30'));
    expect(addWorkingDays(china('2026-11-30T00:00:01'), 1, plain)).toEqual(endOf('2026-12-01'));
  });

  it('skips a holiday on a weekday', () => {
    const cal: WorkCalendar = { holidays: new Set(['2026-12-01']), workdays: new Set() };
    expect(addWorkingDays(china('2026-11-30T09:00:00'), 2, cal)).toEqual(endOf('2026-12-03'));
  });

  it('across a weekend, a holiday week and its make-up working days', () => {
    const friday = china('2026-09-25T10:00:00');
    expect(addWorkingDays(friday, 1, nationalDay)).toEqual(endOf('2026-09-27')); // Saturday off, Sunday worked
    expect(addWorkingDays(friday, 3, nationalDay)).toEqual(endOf('2026-09-29'));
    expect(addWorkingDays(friday, 5, nationalDay)).toEqual(endOf('2026-10-08')); // Oct 1–7 skipped
    expect(addWorkingDays(friday, 7, nationalDay)).toEqual(endOf('2026-10-10')); // the make-up Saturday counts
    expect(addWorkingDays(friday, 8, nationalDay)).toEqual(endOf('2026-10-12')); // an ordinary Sunday does not
  });

  it('refuses a count that is not a positive integer, and a calendar without working days', () => {
    expect(() => addWorkingDays(FRIDAY, 0, plain)).toThrow(RangeError);
    expect(() => addWorkingDays(FRIDAY, 1.5, plain)).toThrow(RangeError);
    const allOff: WorkCalendar = { holidays: new Set(Array.from({ length: 4000 }, (_, i) => addDays('2026-01-01', i))), workdays: new Set() };
    expect(() => addWorkingDays(FRIDAY, 1, allOff)).toThrow(/check the holiday calendar/);
  });
});

describe('hours and deadlines', () => {
  it('hours run through nights, weekends and holidays', () => {
    expect(addHours(china('2026-09-30T20:00:00'), 24)).toEqual(china('2026-10-01T20:00:00'));
    expect(deadlineFrom(china('2026-11-27T20:00:00'), { amount: 24, unit: 'hours' }, nationalDay)).toEqual(china('2026-11-28T20:00:00'));
  });

  it('working days go through the calendar', () => {
    expect(deadlineFrom(china('2026-09-25T10:00:00'), { amount: 5, unit: 'working_days' }, nationalDay)).toEqual(endOf('2026-10-08'));
  });
});
