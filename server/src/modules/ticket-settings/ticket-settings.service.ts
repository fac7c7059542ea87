import {
  CALENDAR_DAY_KIND_LABELS,
  chinaToday,
  isWeekendDay,
  type CalendarDayCreate,
  type CalendarDayDto,
  type CalendarDayKind,
  type CalendarDayList,
  type TicketCategoryCreate,
  type TicketCategorySettingDto,
  type TicketCategoryUpdate,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.js';
import * as repo from './ticket-settings.repo.js';

// Serialises calendar writes, so that no day becomes both a holiday and a make-up working day.
const CALENDAR_LOCK = 7_244_020;
// Serialises deactivations, so that concurrent ones never leave no active category.
const CATEGORY_ACTIVE_LOCK = 7_244_021;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const OTHER: Record<CalendarDayKind, CalendarDayKind> = { holiday: 'workday', workday: 'holiday' };

const weekdayOf = (day: string) => `星期${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]}`;
const labelOf = (kind: CalendarDayKind) => CALENDAR_DAY_KIND_LABELS[kind].zh;

/**
 * The county's ticket settings: categories (deadline, response limit, active) and the
 * working-day calendar. Deadlines are computed when a ticket is filed, so every change here
 * applies to tickets filed afterwards; tickets already filed keep their deadline and category.
 */
export class TicketSettingsService {
  constructor(private readonly db: Db) {}

  async categories(): Promise<{ data: TicketCategorySettingDto[] }> {
    return { data: await repo.listCategories(this.db) };
  }

  async createCategory(input: TicketCategoryCreate, actor: Actor): Promise<TicketCategorySettingDto> {
    return this.db.tx(async (q) => {
      await refuseClash(q, { code: input.code, name: input.name });
      const id = await repo.insertCategory(q, input);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ticketCategory.create', targetType: 'ticket_category', targetId: id, result: 'success',
        details: { code: input.code, name: input.name, deadlineAmount: input.deadlineAmount, deadlineUnit: input.deadlineUnit, responseHours: input.responseHours },
      });
      return (await repo.getCategory(q, id))!;
    });
  }

  /** Name, deadline, response limit and active; the code never changes. */
  async updateCategory(id: number, input: TicketCategoryUpdate, actor: Actor): Promise<TicketCategorySettingDto> {
    return this.db.tx(async (q) => {
      const before = await repo.getCategory(q, id, { forUpdate: true });
      if (!before) throw notFound('工单类别');
      const after = {
        name: input.name ?? before.name,
        deadlineAmount: input.deadlineAmount ?? before.deadlineAmount,
        deadlineUnit: input.deadlineUnit ?? before.deadlineUnit,
        responseHours: input.responseHours ?? before.responseHours,
        active: input.active ?? before.active,
      };
      const changes = Object.fromEntries(
        (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]).map((k) => [k, { from: before[k], to: after[k] }]),
      );
      if (Object.keys(changes).length === 0) return before;
      if (after.name !== before.name) await refuseClash(q, { name: after.name, exceptId: id });
      if (before.active && !after.active) {
        // Every intake (console, residents, 12345, Open311) needs at least one category to file under.
        await q.query('SELECT pg_advisory_xact_lock($1)', [CATEGORY_ACTIVE_LOCK]);
        if ((await repo.countActiveCategories(q)) <= 1) throw conflict('至少要保留一个启用的工单类别：各渠道上报的工单都需要选择类别');
      }
      await repo.updateCategory(q, id, after);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ticketCategory.update', targetType: 'ticket_category', targetId: id, result: 'success',
        details: { code: before.code, name: after.name, changes, tickets: await repo.countTickets(q, id) },
      });
      return (await repo.getCategory(q, id))!;
    });
  }

  async days(kind: CalendarDayKind, year = Number(chinaToday().slice(0, 4))): Promise<CalendarDayList> {
    return { year, data: await repo.listDays(this.db, kind, year) };
  }

  async addDay(kind: CalendarDayKind, input: CalendarDayCreate, actor: Actor): Promise<CalendarDayDto> {
    if (kind === 'workday' && !isWeekendDay(input.day)) {
      throw badRequest(`调休上班日只能是周六或周日：${input.day} 是${weekdayOf(input.day)}，本来就是工作日；要放假请添加为节假日`);
    }
    return this.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [CALENDAR_LOCK]);
      const same = await repo.getDay(q, kind, input.day);
      if (same) throw new AppError(409, 'DUPLICATE', `${input.day} 已设为${labelOf(kind)}（${same.name}）`);
      const other = await repo.getDay(q, OTHER[kind], input.day);
      if (other) {
        throw conflict(`${input.day} 已设为${labelOf(OTHER[kind])}（${other.name}），同一天不能既放假又上班：请先删除那一条`);
      }
      await repo.insertDay(q, kind, input);
      await appendAudit(q, { ...actorEntry(actor), action: `${kind}.add`, targetType: kind, targetId: input.day, result: 'success', details: { day: input.day, name: input.name } });
      return (await repo.getDay(q, kind, input.day))!;
    });
  }

  async removeDay(kind: CalendarDayKind, day: string, actor: Actor): Promise<{ ok: true }> {
    return this.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [CALENDAR_LOCK]);
      const existing = await repo.getDay(q, kind, day);
      if (!existing) throw new AppError(404, 'NOT_FOUND', `${day} 不是已设置的${labelOf(kind)}`);
      await repo.deleteDay(q, kind, day);
      await appendAudit(q, { ...actorEntry(actor), action: `${kind}.remove`, targetType: kind, targetId: day, result: 'success', details: { day, name: existing.name } });
      return { ok: true as const };
    });
  }
}

/** 409 when another category already has this code or name (the unique indexes still guard a race). */
async function refuseClash(q: Queryable, v: { code?: string; name?: string; exceptId?: number }): Promise<void> {
  const clash = await repo.findClash(q, v);
  if (!clash) return;
  if (v.code !== undefined && clash.code === v.code) throw new AppError(409, 'DUPLICATE', `编码“${v.code}”已被类别“${clash.name}”使用`, { existingId: clash.id });
  throw new AppError(409, 'DUPLICATE', `类别名称“${clash.name}”已存在`, { existingId: clash.id });
}
