import { z } from 'zod';
import { idSchema } from './common.js';
import { dateSchema } from './people.js';
import { TICKET_RATE_GROUPINGS } from './ticket-rates.js';

export const ticketRatesQuerySchema = z
  .object({
    groupBy: z.enum(TICKET_RATE_GROUPINGS).default('community'),
    /** First and last China date of the report period, both included. */
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    nodeId: idSchema.optional(),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type TicketRatesQuery = z.infer<typeof ticketRatesQuerySchema>;

/** A rate with its parts; `rate` is null when nothing is counted (0/0), never NaN. */
const ratioSchema = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable() });
/** An average in hours over `count` tickets; null when there are none. */
const averageSchema = z.object({ hours: z.number().nullable(), count: z.number().int() });

export const ticketRateFiguresSchema = z.object({
  counts: z.object({
    reported: z.number().int(),
    accepted: z.number().int(),
    handled: z.number().int(),
    closed: z.number().int(),
    confirmed: z.number().int(),
  }),
  response: ratioSchema,
  onTime: ratioSchema,
  resolution: ratioSchema,
  satisfaction: ratioSchema,
  strictSatisfaction: ratioSchema,
  hoursToAccept: averageSchema,
  hoursToClose: averageSchema,
});
export type TicketRateFiguresDto = z.infer<typeof ticketRateFiguresSchema>;

export const ticketRatesSchema = z.object({
  groupBy: z.enum(TICKET_RATE_GROUPINGS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  node: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }).nullable(),
  overall: ticketRateFiguresSchema,
  /**
   * One entry per group with tickets. `key` is the community, commissioner or category id, or
   * the month (YYYY-MM); tickets without an owner form the commissioner group with `key` "none"
   * and a null label.
   */
  groups: z.array(ticketRateFiguresSchema.extend({ key: z.string(), label: z.string().nullable() })),
  computedAt: z.string(),
});
export type TicketRatesDto = z.infer<typeof ticketRatesSchema>;
