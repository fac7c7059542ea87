import type { Queryable } from '../../platform/db.js';
import type { WorkCalendar } from './working-days.js';

/** The holidays and make-up working days from `fromDay` on (small tables: a few dozen rows a year). */
export async function loadCalendar(q: Queryable, fromDay: string): Promise<WorkCalendar> {
  const rows = await q.query<{ day: string; off: boolean }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, true AS off FROM holidays WHERE day >= $1::date
     UNION ALL SELECT to_char(day, 'YYYY-MM-DD'), false FROM workdays WHERE day >= $1::date`,
    [fromDay],
  );
  return { holidays: new Set(rows.filter((r) => r.off).map((r) => r.day)), workdays: new Set(rows.filter((r) => !r.off).map((r) => r.day)) };
}
