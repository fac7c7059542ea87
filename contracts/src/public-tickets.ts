import { z } from 'zod';
import { idSchema, text } from './common.js';
import { phoneSchema } from './people.js';
import { NODE_KINDS } from './tree-kinds.js';
import { TICKET_CODE_PATTERN, TICKET_EVENT_KINDS, TICKET_LIMITS, TICKET_OUTCOMES, TICKET_STATUSES, TRACKING_KEY_HEADER } from './ticket-kinds.js';
import { latSchema, lngSchema } from './tickets.js';

/**
 * The residents' side of tickets (/m/report, /m/track): no account. A report answers its code
 * and a secret tracking key; the key, sent as the `X-Tracking-Key` header (never in a URL, so
 * it stays out of access logs), shows the ticket's public status and adds the report's photos.
 */

/** Places a resident can pick: active nodes, by name only (no people data). */
export const publicNodeQuerySchema = z.object({ parentId: idSchema.optional() }).strict();
export type PublicNodeQuery = z.infer<typeof publicNodeQuerySchema>;
export const publicNodeSchema = z.object({ id: z.number().int(), name: z.string(), kind: z.enum(NODE_KINDS) });
export type PublicNodeDto = z.infer<typeof publicNodeSchema>;
export const publicNodeListSchema = z.object({ data: z.array(publicNodeSchema) });

export const publicCategoryListSchema = z.object({ data: z.array(z.object({ id: z.number().int(), name: z.string() })) });

export const publicTicketCreateSchema = z
  .object({
    categoryId: idSchema,
    nodeId: idSchema,
    address: text(TICKET_LIMITS.addressMax).optional(),
    description: text(TICKET_LIMITS.descriptionMax),
    reporterName: text(TICKET_LIMITS.reporterNameMax),
    reporterPhone: phoneSchema,
    lat: latSchema.optional(),
    lng: lngSchema.optional(),
  })
  .strict()
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), { message: '经度和纬度须同时填写', path: ['lng'] });
export type PublicTicketCreate = z.infer<typeof publicTicketCreateSchema>;

export const publicTicketCreatedSchema = z.object({ code: z.string(), trackingKey: z.string() });
export type PublicTicketCreated = z.infer<typeof publicTicketCreatedSchema>;

export const publicTicketParamsSchema = z.object({ code: z.string().trim().toUpperCase().regex(TICKET_CODE_PATTERN, '工单编号格式不正确') }).strict();
export const trackingKeyHeadersSchema = z.object({ [TRACKING_KEY_HEADER]: z.string().trim().min(16).max(64) });

/** What a resident sees: status and times, no staff names, no phones. */
export const publicTicketStatusSchema = z.object({
  code: z.string(),
  status: z.enum(TICKET_STATUSES),
  category: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  outcome: z.enum(TICKET_OUTCOMES).nullable(),
  resultNote: z.string().nullable(),
  photoCount: z.number().int(),
  timeline: z.array(z.object({ kind: z.enum(TICKET_EVENT_KINDS), status: z.enum(TICKET_STATUSES), at: z.string() })),
});
export type PublicTicketStatusDto = z.infer<typeof publicTicketStatusSchema>;

export const publicPhotoCreatedSchema = z.object({ id: z.number().int() });
