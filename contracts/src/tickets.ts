import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { exportOptionsShape } from './imports.js';
import { LIMITS } from './limits.js';
import { phoneSchema, unmaskSchema } from './people.js';
import {
  DEADLINE_UNITS,
  SATISFACTIONS,
  TICKET_EVENT_KINDS,
  TICKET_LIMITS,
  TICKET_MANUAL_SOURCES,
  TICKET_OUTCOMES,
  TICKET_PHOTO_STAGES,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_SOURCES,
  TICKET_STATUSES,
} from './ticket-kinds.js';

export const ticketSourceSchema = z.enum(TICKET_SOURCES);
export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export const ticketPrioritySchema = z.enum(TICKET_PRIORITIES);
export const ticketOutcomeSchema = z.enum(TICKET_OUTCOMES);
export const satisfactionSchema = z.enum(SATISFACTIONS);
export const deadlineUnitSchema = z.enum(DEADLINE_UNITS);
export const ticketEventKindSchema = z.enum(TICKET_EVENT_KINDS);

// ── Categories ───────────────────────────────────────────────────────────────

export const ticketCategorySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  deadlineAmount: z.number().int(),
  deadlineUnit: deadlineUnitSchema,
  responseHours: z.number().int(),
  active: z.boolean(),
});
export type TicketCategoryDto = z.infer<typeof ticketCategorySchema>;
export const ticketCategoryListSchema = z.object({ data: z.array(ticketCategorySchema) });

// ── Tickets ──────────────────────────────────────────────────────────────────

export const ticketOwnerSchema = z.object({
  commissionerId: z.number().int(),
  name: z.string(),
  department: z.string(),
  userId: z.number().int().nullable(),
});

/** A ticket as every response shows it: the reporter's phone masked. */
export const ticketSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  source: ticketSourceSchema,
  category: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  nodeId: z.number().int(),
  nodeName: z.string(),
  communityId: z.number().int(),
  communityName: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  description: z.string(),
  reporterName: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  priority: ticketPrioritySchema,
  status: ticketStatusSchema,
  owner: ticketOwnerSchema.nullable(),
  deadline: z.string(),
  /** Derived on every read: past the deadline and not closed. */
  overdue: z.boolean(),
  assignedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  handledAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: ticketOutcomeSchema.nullable(),
  satisfaction: satisfactionSchema.nullable(),
  resultNote: z.string().nullable(),
  confirmationNote: z.string().nullable(),
  escalated: z.boolean(),
  escalatedAt: z.string().nullable(),
  /**
   * A 12345 hotline or Open311 ticket not routable on arrival, waiting on a subdistrict (or the county) for a
   * manager to route it; its community fields then name that node.
   */
  triage: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TicketDto = z.infer<typeof ticketSchema>;
export const ticketListSchema = listResponse(ticketSchema);

export const ticketEventSchema = z.object({
  id: z.number().int(),
  kind: ticketEventKindSchema,
  fromStatus: ticketStatusSchema.nullable(),
  toStatus: ticketStatusSchema,
  actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type TicketEventDto = z.infer<typeof ticketEventSchema>;

/** A photo of the ticket, served only through its `url` (the ticket's scope check applies). */
export const ticketPhotoSchema = z.object({ id: z.number().int(), stage: z.enum(TICKET_PHOTO_STAGES), url: z.string() });
export type TicketPhotoDto = z.infer<typeof ticketPhotoSchema>;
export const ticketPhotoQuerySchema = z.object({ stage: z.enum(TICKET_PHOTO_STAGES) }).strict();
export const ticketPhotoParamsSchema = z.object({ id: idSchema, photoId: idSchema }).strict();

// `photos` and `escalationPending` are optional only so that answers built before they existed stay valid; the tickets service always fills them.
export const ticketDetailSchema = ticketSchema.extend({
  events: z.array(ticketEventSchema),
  photos: z.array(ticketPhotoSchema).optional(),
  /** 书记直通车 submitted and still waiting for a reception day's decision (`escalated` stays true after it). */
  escalationPending: z.boolean().optional(),
});
export type TicketDetailDto = z.infer<typeof ticketDetailSchema>;

const booleanQuery = z.enum(['true', 'false']).optional();

export const ticketListQuerySchema = paginationQuerySchema
  .extend({
    status: ticketStatusSchema.optional(),
    categoryId: idSchema.optional(),
    nodeId: idSchema.optional(),
    ownerId: idSchema.optional(),
    source: ticketSourceSchema.optional(),
    overdue: booleanQuery,
    /** Only the triage queue: hotline tickets waiting above community level. */
    triage: booleanQuery,
    /** Only tickets owned by the caller's own commissioner record. */
    mine: booleanQuery,
    /** Only tickets not yet closed. */
    open: booleanQuery,
    q: z.string().trim().max(LIMITS.searchMax).optional(),
    /** Newest first (default), or the earliest deadline first (overdue tickets lead). */
    sort: z.enum(TICKET_SORTS).optional(),
  })
  .strict();
export type TicketListQuery = z.infer<typeof ticketListQuerySchema>;

export const latSchema = z.number().min(-90).max(90);
export const lngSchema = z.number().min(-180).max(180);

export const ticketCreateSchema = z
  .object({
    source: z.enum(TICKET_MANUAL_SOURCES),
    categoryId: idSchema,
    nodeId: idSchema,
    address: text(TICKET_LIMITS.addressMax).optional(),
    lat: latSchema.optional(),
    lng: lngSchema.optional(),
    description: text(TICKET_LIMITS.descriptionMax),
    reporterName: text(TICKET_LIMITS.reporterNameMax).optional(),
    reporterPhone: phoneSchema.optional(),
    priority: ticketPrioritySchema.default('normal'),
  })
  .strict()
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), { message: '经度和纬度须同时填写', path: ['lng'] });
export type TicketCreate = z.infer<typeof ticketCreateSchema>;

// ── Steps ────────────────────────────────────────────────────────────────────

/** Accept, start and close: an optional note (no body at all is fine too). */
export const ticketNoteSchema = z.object({ note: text(TICKET_LIMITS.noteMax).optional() }).strict().nullish();
export type TicketNote = z.infer<typeof ticketNoteSchema>;

/** A manager (re)assigns the ticket to a commissioner, who must accept it again. */
export const ticketAssignSchema = z.object({ commissionerId: idSchema, reason: text(TICKET_LIMITS.noteMax) }).strict();
export type TicketAssign = z.infer<typeof ticketAssignSchema>;

/** A manager routes a triage ticket to the community (or a node below it) it concerns; it is then assigned as any report is. */
export const ticketRouteSchema = z.object({ nodeId: idSchema, reason: text(TICKET_LIMITS.noteMax).optional() }).strict();
export type TicketRoute = z.infer<typeof ticketRouteSchema>;

/** The owner involves another department; the owner stays accountable. */
export const ticketTransferSchema = z.object({ department: text(TICKET_LIMITS.departmentMax), reason: text(TICKET_LIMITS.noteMax) }).strict();
export type TicketTransfer = z.infer<typeof ticketTransferSchema>;

export const ticketHandleSchema = z.object({ resultNote: text(TICKET_LIMITS.noteMax) }).strict();
export type TicketHandle = z.infer<typeof ticketHandleSchema>;

/**
 * The community secretary's confirmation (办结确认评价权). Not resolved: back to the owner
 * (reopened), or, when the secretary chooses, closed as unresolved; the comment is then required.
 */
export const ticketConfirmSchema = z
  .object({
    resolved: z.boolean(),
    satisfaction: satisfactionSchema,
    comment: text(TICKET_LIMITS.noteMax).optional(),
    closeUnresolved: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.resolved || v.comment !== undefined, { message: '未解决时须说明原因', path: ['comment'] })
  .refine((v) => !(v.resolved && v.closeUnresolved), { message: '已解决的工单不能按未解决关闭', path: ['closeUnresolved'] });
export type TicketConfirm = z.infer<typeof ticketConfirmSchema>;

// ── Unmasking ────────────────────────────────────────────────────────────────

/** Revealing the reporter's phone (to call them back) needs a reason, as a person's identifiers do; it is audited. */
export const ticketUnmaskSchema = z.object({ reason: unmaskSchema.shape.reason }).strict();
export type TicketUnmask = z.infer<typeof ticketUnmaskSchema>;
/** `value` is null when the reporter left no phone. */
export const ticketUnmaskResultSchema = z.object({ field: z.literal('reporterPhone'), value: z.string().nullable() });
export type TicketUnmaskResult = z.infer<typeof ticketUnmaskResultSchema>;

// ── Export ───────────────────────────────────────────────────────────────────

/**
 * The filters of `GET /api/tickets`, without paging. The reporter's phone is the ticket's own
 * record, not a registered person's, so the export keeps it masked: no plain-text option.
 */
export const ticketExportQuerySchema = ticketListQuerySchema
  .omit({ page: true, pageSize: true })
  .extend(exportOptionsShape)
  .strict()
  .superRefine((v, ctx) => {
    if (v.unmask) ctx.addIssue({ code: 'custom', path: ['unmask'], message: '工单导出不提供明文：报告人电话始终脱敏' });
  });
export type TicketExportQuery = z.infer<typeof ticketExportQuerySchema>;
