import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema } from './common.js';
import { INSPECTION_SEVERITIES, RATING_LIMITS, RECTIFICATION_STATUSES } from './property-rating-kinds.js';
import { TICKET_PRIORITIES } from './ticket-kinds.js';
import { ratingGradeSchema, ratingIndicatorSchema, ratingScorecardBodySchema, ratingSourceSchema } from './property-ratings.js';

/** Red stewards' inspections, phone scorecards, the residents' survey and the public grade (四色管理考核, phone side). */

export const inspectionSeveritySchema = z.enum(INSPECTION_SEVERITIES);

// ── Inspections (管家巡查) ─────────────────────────────────────────────────────────────────────
/** Recorded by a red steward of the compound, on the phone; the indicator is one of the current scheme's. */
export const inspectionCreateSchema = z
  .object({
    compoundId: idSchema,
    indicatorCode: z.string().regex(/^[a-z][a-z0-9_]{1,29}$/, { message: '请选择考核指标' }),
    severity: inspectionSeveritySchema,
    finding: z
      .string()
      .trim()
      .min(RATING_LIMITS.findingMin, { message: `巡查情况至少 ${RATING_LIMITS.findingMin} 个字` })
      .max(RATING_LIMITS.findingMax, { message: `巡查情况不能超过 ${RATING_LIMITS.findingMax} 个字` }),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
  })
  .strict()
  .refine((b) => (b.lat === undefined) === (b.lng === undefined), { message: '位置须同时包含纬度和经度', path: ['lat'] });
export type InspectionCreate = z.infer<typeof inspectionCreateSchema>;

export const inspectionSchema = z.object({
  id: z.number().int(),
  compoundId: z.number().int(),
  compoundName: z.string(),
  stewardName: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  severity: inspectionSeveritySchema,
  finding: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** Photo ids; the console reads them at /api/property-inspections/:id/photos/:photoId, the steward at the public twin. */
  photoIds: z.array(z.number().int()),
  ticketId: z.number().int().nullable(),
  ticketCode: z.string().nullable(),
  createdAt: z.string(),
});
export type InspectionDto = z.infer<typeof inspectionSchema>;
export const inspectionListSchema = listResponse(inspectionSchema);
export const inspectionListQuerySchema = paginationQuerySchema
  .extend({ compoundId: idSchema.optional(), severity: inspectionSeveritySchema.optional(), from: z.iso.date().optional(), to: z.iso.date().optional() })
  .strict();
export type InspectionListQuery = z.infer<typeof inspectionListQuerySchema>;
export const inspectionPhotoParamsSchema = z.object({ id: idSchema, photoId: idSchema }).strict();

// ── What a resident may do on the phone ──────────────────────────────────────────────────────
/** A verified resident linked to a registry person: the compounds where they are a steward or on the owners' committee, and the open scorecards there. */
export const myPropertyRolesSchema = z.object({
  stewardOf: z.array(z.object({ compoundId: z.number().int(), compoundName: z.string() })),
  committeeOf: z.array(z.object({ compoundId: z.number().int(), compoundName: z.string(), position: z.enum(['director', 'deputy_director', 'member']) })),
  /** Indicators of the current scheme, for recording inspections. */
  indicators: z.array(ratingIndicatorSchema),
  scorecards: z.array(
    z.object({
      ratingId: z.number().int(),
      periodName: z.string(),
      deadline: z.string(),
      compoundName: z.string(),
      companyName: z.string(),
      source: z.enum(['stewards', 'owners_committee']),
      indicators: z.array(ratingIndicatorSchema),
      /** The resident's card when already submitted (revisable until the deadline). */
      scores: z.record(z.string(), z.number().int()).nullable(),
      comment: z.string().nullable(),
    }),
  ),
  /** For committee members: their compound's company graded low in two periods in a row (published) — the contract is for the committee to decide. */
  contractReviews: z.array(
    z.object({ ratingId: z.number().int(), compoundName: z.string(), companyName: z.string(), periodName: z.string(), gradeName: z.string().nullable(), publishedAt: z.string() }),
  ),
});
export type MyPropertyRolesDto = z.infer<typeof myPropertyRolesSchema>;

export const memberScorecardParamsSchema = z.object({ id: idSchema, source: z.enum(['stewards', 'owners_committee']) }).strict();
export const memberScorecardBodySchema = ratingScorecardBodySchema;

// ── The residents' survey (满意度测评) ────────────────────────────────────────────────────────
/** Stars 1–5 for every indicator of the period's scheme; one answer per verified resident per compound and period. */
export const surveyAnswerSchema = z
  .object({
    stars: z.record(z.string().regex(/^[a-z][a-z0-9_]{1,29}$/), z.number().int().min(1, { message: '请为每一项打 1–5 星' }).max(5, { message: '请为每一项打 1–5 星' })),
    comment: z.string().trim().max(RATING_LIMITS.commentMax).optional(),
  })
  .strict();
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

// ── Compounds' grades, public ────────────────────────────────────────────────────────────────
export const publicCompoundSearchQuerySchema = z.object({ q: z.string().trim().max(50).optional() }).strict();
export const publicCompoundSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  communityName: z.string(),
  /** The latest published grade, if any. */
  grade: ratingGradeSchema.pick({ code: true, name: true, colour: true }).nullable(),
});
export const publicCompoundListSchema = z.object({ data: z.array(publicCompoundSchema) });

export const publicCompoundGradesSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  communityName: z.string(),
  companyName: z.string().nullable(),
  /** Published ratings, newest first. */
  history: z.array(
    z.object({
      periodName: z.string(),
      endsOn: z.string(),
      total: z.number().nullable(),
      grade: ratingGradeSchema.pick({ code: true, name: true, colour: true }).nullable(),
      sources: z.array(z.object({ source: ratingSourceSchema, score: z.number().nullable(), missing: z.boolean() })),
      companyName: z.string(),
      /** The rectification notice a low grade brought, and how far it has got. */
      rectification: z.object({ status: z.enum(RECTIFICATION_STATUSES), deadline: z.string() }).nullable(),
      /** Low in this period and the one before: flagged to the owners' committee. */
      contractReviewFlag: z.boolean(),
      publishedAt: z.string(),
    }),
  ),
  /** The survey residents may answer now (open period, before its deadline). */
  survey: z
    .object({
      ratingId: z.number().int(),
      periodName: z.string(),
      deadline: z.string(),
      indicators: z.array(ratingIndicatorSchema),
      /** Whether the signed-in resident already answered (false when not signed in). */
      answered: z.boolean(),
    })
    .nullable(),
});
export type PublicCompoundGradesDto = z.infer<typeof publicCompoundGradesSchema>;

/** Opening a ticket from an inspection (转工单): the category defaults to 物业服务 (code `property`), the priority to high for a serious finding. */
export const inspectionTicketSchema = z
  .object({ categoryId: idSchema.optional(), priority: z.enum(TICKET_PRIORITIES).optional() })
  .strict()
  .nullish();
export type InspectionTicket = z.infer<typeof inspectionTicketSchema>;
