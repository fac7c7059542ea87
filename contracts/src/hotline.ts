import { z } from 'zod';
import { text } from './common.js';
import { LIMITS } from './limits.js';
import { phoneSchema } from './people.js';
import { TICKET_LIMITS } from './ticket-kinds.js';
import { satisfactionSchema, ticketOutcomeSchema, ticketStatusSchema } from './tickets.js';

/**
 * The 12345 hotline intake (`/api/hotline/tickets`): a machine caller that signs each request
 * with the shared secret instead of signing in. See docs/operations.md for the signing scheme.
 */

/** The hotline's own case number: what makes a replay recognisable. */
export const hotlineExternalIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: '热线工单编号应为 1-64 位字母、数字或 . _ : -' });

/** Used for a lookup, where a NUL character would pass unnoticed (no text column refuses it). */
const lookup = (max: number) => text(max).refine((s) => !s.includes('\u0000'), { message: '不能包含空字符' });

const instant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601，如 2026-03-02T09:30:00+08:00' });

export const hotlineTicketSchema = z
  .object({
    externalId: hotlineExternalIdSchema,
    content: text(TICKET_LIMITS.descriptionMax),
    /** A category code or name of ours; anything else files the ticket under 其他. */
    category: lookup(LIMITS.nameMax).optional(),
    address: text(TICKET_LIMITS.addressMax).optional(),
    /** A node code; a community or anything below it routes the ticket, else it waits for triage. */
    nodeCode: lookup(LIMITS.codeMax).optional(),
    reporterPhone: phoneSchema.optional(),
    receivedAt: instant,
    /** The hotline's own deadline; without it the category's rule runs from `receivedAt`. */
    deadline: instant.optional(),
  })
  .strict()
  .refine((v) => v.deadline === undefined || Date.parse(v.deadline) > Date.parse(v.receivedAt), {
    message: '办理时限应晚于受理时间',
    path: ['deadline'],
  });
export type HotlineTicket = z.infer<typeof hotlineTicketSchema>;

export const hotlineExternalIdParamsSchema = z.object({ externalId: hotlineExternalIdSchema }).strict();

/** What the hotline needs for its follow-up call: status, owner, result and the secretary's confirmation. */
export const hotlineTicketStatusSchema = z.object({
  externalId: z.string(),
  code: z.string(),
  status: ticketStatusSchema,
  /** Not routable on arrival: waiting in the subdistrict's (or the county's) triage queue. */
  triage: z.boolean(),
  deadline: z.string(),
  overdue: z.boolean(),
  owner: z.object({ name: z.string(), department: z.string() }).nullable(),
  resultNote: z.string().nullable(),
  handledAt: z.string().nullable(),
  confirmation: z
    .object({ resolved: z.boolean(), satisfaction: satisfactionSchema.nullable(), comment: z.string().nullable(), confirmedAt: z.string() })
    .nullable(),
  outcome: ticketOutcomeSchema.nullable(),
  closedAt: z.string().nullable(),
});
export type HotlineTicketStatusDto = z.infer<typeof hotlineTicketStatusSchema>;
