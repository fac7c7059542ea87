import type { CalendarDayDto, CalendarDayKind, DeadlineUnit, TicketCategorySettingDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';

// ── Categories ───────────────────────────────────────────────────────────────

interface CategoryRow {
  id: number;
  code: string;
  name: string;
  deadline_amount: number;
  deadline_unit: DeadlineUnit;
  response_hours: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, code, name, deadline_amount, deadline_unit, response_hours, active, created_at, updated_at';

const toDto = (r: CategoryRow): TicketCategorySettingDto => ({
  id: r.id,
  code: r.code,
  name: r.name,
  deadlineAmount: r.deadline_amount,
  deadlineUnit: r.deadline_unit,
  responseHours: r.response_hours,
  active: r.active,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** Every category, inactive ones included: active first, then in creation order. */
export async function listCategories(q: Queryable): Promise<TicketCategorySettingDto[]> {
  return (await q.query<CategoryRow>(`SELECT ${COLUMNS} FROM ticket_categories ORDER BY active DESC, id`)).map(toDto);
}

export async function getCategory(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<TicketCategorySettingDto | undefined> {
  const [row] = await q.query<CategoryRow>(`SELECT ${COLUMNS} FROM ticket_categories WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row && toDto(row);
}

/** Another category (not `exceptId`) already using this code or name. */
export async function findClash(q: Queryable, v: { code?: string; name?: string; exceptId?: number }): Promise<{ id: number; code: string; name: string } | undefined> {
  const [row] = await q.query<{ id: number; code: string; name: string }>(
    'SELECT id, code, name FROM ticket_categories WHERE (code = $1 OR name = $2) AND id <> $3 ORDER BY id LIMIT 1',
    [v.code ?? null, v.name ?? null, v.exceptId ?? 0],
  );
  return row;
}

export async function countActiveCategories(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket_categories WHERE active');
  return row!.n;
}

export async function insertCategory(
  q: Queryable,
  v: { code: string; name: string; deadlineAmount: number; deadlineUnit: DeadlineUnit; responseHours: number },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO ticket_categories (code, name, deadline_amount, deadline_unit, response_hours) VALUES ($1,$2,$3,$4,$5) RETURNING id',
    [v.code, v.name, v.deadlineAmount, v.deadlineUnit, v.responseHours],
  );
  return row!.id;
}

export async function updateCategory(
  q: Queryable,
  id: number,
  v: { name: string; deadlineAmount: number; deadlineUnit: DeadlineUnit; responseHours: number; active: boolean },
): Promise<void> {
  await q.query(
    `UPDATE ticket_categories SET name = $2, deadline_amount = $3, deadline_unit = $4, response_hours = $5, active = $6, updated_at = now()
     WHERE id = $1`,
    [id, v.name, v.deadlineAmount, v.deadlineUnit, v.responseHours, v.active],
  );
}

/** How many tickets carry the category (they keep it whatever becomes of the category). */
export async function countTickets(q: Queryable, categoryId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets WHERE category_id = $1', [categoryId]);
  return row!.n;
}

// ── Working-day calendar ─────────────────────────────────────────────────────

/** The table of each kind of calendar day (never user input). */
const TABLES: Record<CalendarDayKind, string> = { holiday: 'holidays', workday: 'workdays' };

/** The days of one kind in a year, in date order. */
export async function listDays(q: Queryable, kind: CalendarDayKind, year: number): Promise<CalendarDayDto[]> {
  return q.query<CalendarDayDto>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, name FROM ${TABLES[kind]}
     WHERE day >= make_date($1::int, 1, 1) AND day < make_date($1::int + 1, 1, 1) ORDER BY day`,
    [year],
  );
}

export async function getDay(q: Queryable, kind: CalendarDayKind, day: string): Promise<CalendarDayDto | undefined> {
  const [row] = await q.query<CalendarDayDto>(`SELECT to_char(day, 'YYYY-MM-DD') AS day, name FROM ${TABLES[kind]} WHERE day = $1::date`, [day]);
  return row;
}

export async function insertDay(q: Queryable, kind: CalendarDayKind, v: CalendarDayDto): Promise<void> {
  await q.query(`INSERT INTO ${TABLES[kind]} (day, name) VALUES ($1::date, $2)`, [v.day, v.name]);
}

export async function deleteDay(q: Queryable, kind: CalendarDayKind, day: string): Promise<boolean> {
  const rows = await q.query<{ day: string }>(`DELETE FROM ${TABLES[kind]} WHERE day = $1::date RETURNING day`, [day]);
  return rows.length > 0;
}
