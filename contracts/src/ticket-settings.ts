import { z } from 'zod';
import { idSchema, text } from './common.js';
import { dateSchema } from './people.js';
import { deadlineUnitSchema, ticketCategorySchema } from './tickets.js';
import { CALENDAR_LIMITS, TICKET_CATEGORY_LIMITS } from './ticket-settings-kinds.js';

/**
 * Ticket settings (/api/ticket-settings, permission `tickets.configure`): categories with
 * their deadlines, and the working-day calendar (holidays and make-up working days).
 */

// ── Categories ───────────────────────────────────────────────────────────────

/** A category as the settings page shows it: inactive ones included. */
export const ticketCategorySettingSchema = ticketCategorySchema.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TicketCategorySettingDto = z.infer<typeof ticketCategorySettingSchema>;
export const ticketCategorySettingListSchema = z.object({ data: z.array(ticketCategorySettingSchema) });

const categoryCode = z
  .string()
  .trim()
  .regex(TICKET_CATEGORY_LIMITS.codePattern, { message: '编码只能用小写英文字母、数字和下划线，以字母开头，2–40 个字符' });
const deadlineAmount = z.number().int({ message: '时限须为整数' }).min(1, { message: '时限至少为 1' }).max(TICKET_CATEGORY_LIMITS.deadlineAmountMax, {
  message: `时限最多为 ${TICKET_CATEGORY_LIMITS.deadlineAmountMax}`,
});
const responseHours = z.number().int({ message: '响应时限须为整数小时' }).min(1, { message: '响应时限至少 1 小时' }).max(TICKET_CATEGORY_LIMITS.responseHoursMax, {
  message: `响应时限最多 ${TICKET_CATEGORY_LIMITS.responseHoursMax} 小时`,
});

export const ticketCategoryCreateSchema = z
  .object({
    code: categoryCode,
    name: text(TICKET_CATEGORY_LIMITS.nameMax),
    deadlineAmount,
    deadlineUnit: deadlineUnitSchema,
    responseHours,
  })
  .strict();
export type TicketCategoryCreate = z.infer<typeof ticketCategoryCreateSchema>;

/** The code is fixed once created (Open311 clients and the hotline use it): it is not a field here. */
export const ticketCategoryUpdateSchema = z
  .object({
    name: text(TICKET_CATEGORY_LIMITS.nameMax).optional(),
    deadlineAmount: deadlineAmount.optional(),
    deadlineUnit: deadlineUnitSchema.optional(),
    responseHours: responseHours.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' });
export type TicketCategoryUpdate = z.infer<typeof ticketCategoryUpdateSchema>;

export const ticketCategoryIdParamsSchema = z.object({ id: idSchema }).strict();

// ── Working-day calendar ─────────────────────────────────────────────────────

const calendarDay = dateSchema.refine(
  (d) => {
    const year = Number(d.slice(0, 4));
    return year >= CALENDAR_LIMITS.yearMin && year <= CALENDAR_LIMITS.yearMax;
  },
  { message: `日期须在 ${CALENDAR_LIMITS.yearMin}–${CALENDAR_LIMITS.yearMax} 年之间` },
);

export const calendarDaySchema = z.object({ day: z.string(), name: z.string() });
export type CalendarDayDto = z.infer<typeof calendarDaySchema>;
export const calendarDayListSchema = z.object({ year: z.number().int(), data: z.array(calendarDaySchema) });
export type CalendarDayList = z.infer<typeof calendarDayListSchema>;

export const calendarYearQuerySchema = z
  .object({
    /** Default: the current year (China time). */
    year: z.coerce
      .number()
      .int({ message: '年份须为整数' })
      .min(CALENDAR_LIMITS.yearMin, { message: `年份须在 ${CALENDAR_LIMITS.yearMin}–${CALENDAR_LIMITS.yearMax} 之间` })
      .max(CALENDAR_LIMITS.yearMax, { message: `年份须在 ${CALENDAR_LIMITS.yearMin}–${CALENDAR_LIMITS.yearMax} 之间` })
      .optional(),
  })
  .strict();
export type CalendarYearQuery = z.infer<typeof calendarYearQuerySchema>;

export const calendarDayCreateSchema = z.object({ day: calendarDay, name: text(CALENDAR_LIMITS.nameMax) }).strict();
export type CalendarDayCreate = z.infer<typeof calendarDayCreateSchema>;

export const calendarDayParamsSchema = z.object({ day: calendarDay }).strict();
