import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';
import { INNOVATION_LIMITS as L, INNOVATION_STATUSES } from './innovation-kinds.js';

/** Contracts of the innovation case library (创新创效, issue 9 item 4). */

export const innovationStatusSchema = z.enum(INNOVATION_STATUSES);

export const innovationFigureSchema = z
  .object({
    label: text(L.figureLabelMax),
    value: z.number().finite().min(-1e12).max(1e12),
    unit: z.string().trim().max(L.figureUnitMax).default(''),
  })
  .strict();
export type InnovationFigure = z.infer<typeof innovationFigureSchema>;

/** A draft's content; tags are trimmed here and de-duplicated by the service. */
export const innovationCaseInputSchema = z
  .object({
    nodeId: idSchema,
    unitName: text(L.unitMax),
    title: z.string().trim().min(L.titleMin).max(L.titleMax),
    problem: text(L.problemMax),
    method: text(L.methodMax),
    results: text(L.resultsMax),
    figures: z.array(innovationFigureSchema).max(L.figuresMax).default([]),
    tags: z.array(text(L.tagMax)).max(L.tagsMax).default([]),
  })
  .strict();
export type InnovationCaseInput = z.input<typeof innovationCaseInputSchema>;
export type InnovationCaseValues = z.output<typeof innovationCaseInputSchema>;

export const innovationNoteBodySchema = z.object({ note: text(L.noteMax) }).strict();
export const innovationReasonBodySchema = z.object({ reason: text(L.noteMax) }).strict();

export const innovationAttachmentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
});
export type InnovationAttachmentDto = z.infer<typeof innovationAttachmentSchema>;

export const innovationCaseSummarySchema = z.object({
  id: z.number().int(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  unitName: z.string(),
  title: z.string(),
  status: innovationStatusSchema,
  tags: z.array(z.string()),
  figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string() })),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type InnovationCaseSummaryDto = z.infer<typeof innovationCaseSummarySchema>;

export const innovationCaseDetailSchema = innovationCaseSummarySchema.extend({
  problem: z.string(),
  method: z.string(),
  results: z.string(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  attachments: z.array(innovationAttachmentSchema),
  /** What the caller may do now. */
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type InnovationCaseDetailDto = z.infer<typeof innovationCaseDetailSchema>;

export const innovationLibraryQuerySchema = paginationQuerySchema
  .extend({
    q: z.string().trim().max(LIMITS.searchMax).optional(),
    tag: z.string().trim().max(L.tagMax).optional(),
  })
  .strict();
export type InnovationLibraryQuery = z.infer<typeof innovationLibraryQuerySchema>;

export const innovationTagCountSchema = z.object({ tag: z.string(), count: z.number().int() });
export const innovationLibrarySchema = listResponse(innovationCaseSummarySchema).extend({ tags: z.array(innovationTagCountSchema) });
export type InnovationLibraryDto = z.infer<typeof innovationLibrarySchema>;

export const innovationSubmissionsQuerySchema = paginationQuerySchema.extend({ status: innovationStatusSchema.optional() }).strict();
export type InnovationSubmissionsQuery = z.infer<typeof innovationSubmissionsQuerySchema>;
export const innovationSubmissionsSchema = listResponse(innovationCaseSummarySchema);
export type InnovationSubmissionsDto = z.infer<typeof innovationSubmissionsSchema>;

export const innovationLatestQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(L.latestMax).default(5) }).strict();
export const innovationLatestSchema = z.object({
  data: z.array(z.object({ id: z.number().int(), title: z.string(), unitName: z.string(), nodeId: z.number().int(), tags: z.array(z.string()), publishedAt: z.string() })),
});
export type InnovationLatestDto = z.infer<typeof innovationLatestSchema>;

export const innovationAttachmentParamsSchema = z.object({ id: idSchema, attachmentId: idSchema }).strict();

/** The library's filters for its xlsx export. */
export const innovationExportQuerySchema = innovationLibraryQuerySchema.omit({ page: true, pageSize: true }).strict();
