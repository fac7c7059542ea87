import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { dateSchema } from './people.js';
import { ATTENDEE_ROLES, RECEPTION_DAY_LIMITS, RECEPTION_DAY_STATUSES } from './reception-day-kinds.js';
import { ticketSchema, ticketStatusSchema } from './tickets.js';

export const receptionDayStatusSchema = z.enum(RECEPTION_DAY_STATUSES);
export const attendeeRoleSchema = z.enum(ATTENDEE_ROLES);

// ── 书记直通车 (escalation) ────────────────────────────────────────────────────

export const ticketEscalateSchema = z.object({ reason: text(RECEPTION_DAY_LIMITS.reasonMax) }).strict();
export type TicketEscalate = z.infer<typeof ticketEscalateSchema>;

/** The session an escalated ticket is on, if any. */
export const receptionDayRefSchema = z.object({ id: z.number().int(), day: z.string(), place: z.string(), nodeName: z.string() });

export const escalationSchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  ticketCode: z.string(),
  communityName: z.string(),
  reason: z.string(),
  escalatedAt: z.string(),
  escalatedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** Null: escalated, not yet scheduled (no planned session covers the ticket yet). */
  receptionDay: receptionDayRefSchema.nullable(),
});
export type EscalationDto = z.infer<typeof escalationSchema>;
export const escalationListSchema = z.object({ data: z.array(escalationSchema) });

/** The ticket as it now stands (its timeline through GET /api/tickets/:id) and where the escalation went. */
export const ticketEscalationResultSchema = z.object({ ticket: ticketSchema, escalation: escalationSchema });
export type TicketEscalationResult = z.infer<typeof ticketEscalationResultSchema>;

// ── Reception days (书记接待日) ─────────────────────────────────────────────────

export const receptionDaySchema = z.object({
  id: z.number().int(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  day: z.string(),
  place: z.string(),
  status: receptionDayStatusSchema,
  minutes: z.string().nullable(),
  heldAt: z.string().nullable(),
  attendeeCount: z.number().int(),
  itemCount: z.number().int(),
  decidedCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReceptionDayDto = z.infer<typeof receptionDaySchema>;
export const receptionDayListSchema = listResponse(receptionDaySchema);

export const attendeeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: attendeeRoleSchema,
  position: z.string().nullable(),
  userId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
});
export type AttendeeDto = z.infer<typeof attendeeSchema>;

export const agendaItemSchema = z.object({
  id: z.number().int(),
  ticket: z.object({
    id: z.number().int(),
    code: z.string(),
    description: z.string(),
    status: ticketStatusSchema,
    categoryName: z.string(),
    nodeName: z.string(),
    communityName: z.string(),
    ownerName: z.string().nullable(),
    deadline: z.string(),
    overdue: z.boolean(),
  }),
  /** The escalation that put it on the agenda (null: added by hand). */
  escalation: z.object({ id: z.number().int(), reason: z.string(), escalatedAt: z.string(), escalatedBy: z.string().nullable() }).nullable(),
  decision: z.string().nullable(),
  newOwner: z.object({ commissionerId: z.number().int(), name: z.string() }).nullable(),
  newDeadline: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type AgendaItemDto = z.infer<typeof agendaItemSchema>;

export const receptionDayDetailSchema = receptionDaySchema.extend({
  attendees: z.array(attendeeSchema),
  /** Only the items whose tickets the caller may read. */
  agenda: z.array(agendaItemSchema),
});
export type ReceptionDayDetailDto = z.infer<typeof receptionDayDetailSchema>;

export const receptionDayListQuerySchema = paginationQuerySchema
  .extend({ status: receptionDayStatusSchema.optional(), nodeId: idSchema.optional(), from: dateSchema.optional(), to: dateSchema.optional() })
  .strict();
export type ReceptionDayListQuery = z.infer<typeof receptionDayListQuerySchema>;

export const receptionDayCreateSchema = z
  .object({ nodeId: idSchema, day: dateSchema, place: text(RECEPTION_DAY_LIMITS.placeMax) })
  .strict();
export type ReceptionDayCreate = z.infer<typeof receptionDayCreateSchema>;

/** Reschedule, move or cancel a planned session (holding it has its own route). */
export const receptionDayUpdateSchema = z
  .object({ day: dateSchema.optional(), place: text(RECEPTION_DAY_LIMITS.placeMax).optional(), status: z.literal('cancelled').optional() })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '请至少修改一项' });
export type ReceptionDayUpdate = z.infer<typeof receptionDayUpdateSchema>;

export const attendeeCreateSchema = z
  .object({
    name: text(RECEPTION_DAY_LIMITS.attendeeNameMax),
    role: attendeeRoleSchema,
    position: text(RECEPTION_DAY_LIMITS.positionMax).optional(),
    userId: idSchema.optional(),
    personId: idSchema.optional(),
  })
  .strict();
export type AttendeeCreate = z.infer<typeof attendeeCreateSchema>;

export const agendaAddSchema = z.object({ ticketId: idSchema }).strict();
export type AgendaAdd = z.infer<typeof agendaAddSchema>;

/** The session's decision on one ticket; a new owner (reassign) and/or a new deadline (a China date) are optional. */
export const agendaDecideSchema = z
  .object({ decision: text(RECEPTION_DAY_LIMITS.decisionMax), newOwnerId: idSchema.optional(), newDeadline: dateSchema.optional() })
  .strict();
export type AgendaDecide = z.infer<typeof agendaDecideSchema>;

export const receptionDayHoldSchema = z.object({ minutes: text(RECEPTION_DAY_LIMITS.minutesMax) }).strict();
export type ReceptionDayHold = z.infer<typeof receptionDayHoldSchema>;

export const receptionDayItemParamsSchema = z.object({ id: idSchema, itemId: idSchema }).strict();
export const receptionDayAttendeeParamsSchema = z.object({ id: idSchema, attendeeId: idSchema }).strict();
