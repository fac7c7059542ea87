import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { dateSchema } from './people.js';
import { instant } from './consultations.js';
import { ACTIVITY_AUDIENCES, ACTIVITY_LIMITS, ACTIVITY_STATUSES, ACTIVITY_TYPES, POINTS_MODES, SIGNUP_STATUSES } from './activity-kinds.js';

export * from './activity-kinds.js';

/**
 * Volunteer activities (志愿服务活动): the console's /api/volunteers/activities and the phone's
 * /api/public/volunteers (sign-up, QR check-in and check-out, my hours).
 */

export const activityTypeSchema = z.enum(ACTIVITY_TYPES);
export const activityStatusSchema = z.enum(ACTIVITY_STATUSES);
export const pointsModeSchema = z.enum(POINTS_MODES);
export const activityAudienceSchema = z.enum(ACTIVITY_AUDIENCES);
export const signupStatusSchema = z.enum(SIGNUP_STATUSES);

const capacity = z.number().int().min(1).max(ACTIVITY_LIMITS.capacityMax);
const points = z.number().int().min(0).max(ACTIVITY_LIMITS.pointsMax);
const endsAfterStart = (v: { startsAt?: string | undefined; endsAt?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.startsAt !== undefined && v.endsAt !== undefined && Date.parse(v.endsAt) <= Date.parse(v.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间须晚于开始时间' });
  }
};

const activityFields = {
  title: text(ACTIVITY_LIMITS.titleMax),
  type: activityTypeSchema,
  description: text(ACTIVITY_LIMITS.descriptionMax).nullable().optional(),
  place: text(ACTIVITY_LIMITS.placeMax),
  startsAt: instant,
  endsAt: instant,
  capacity,
  pointsMode: pointsModeSchema,
  points,
  audience: activityAudienceSchema,
};

/** Published at once; the organiser is a community or a compound. */
export const activityCreateSchema = z
  .object({ nodeId: idSchema, ...activityFields })
  .strict()
  .superRefine(endsAfterStart);
export type ActivityCreate = z.infer<typeof activityCreateSchema>;

/** Before the start only; the capacity cannot drop below the sign-ups already taken. */
export const activityUpdateSchema = z
  .object({
    title: activityFields.title.optional(),
    type: activityTypeSchema.optional(),
    description: activityFields.description,
    place: activityFields.place.optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    capacity: capacity.optional(),
    pointsMode: pointsModeSchema.optional(),
    points: points.optional(),
    audience: activityAudienceSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (Object.keys(v).length === 0) ctx.addIssue({ code: 'custom', path: [], message: '请至少修改一项' });
    endsAfterStart(v, ctx);
  });
export type ActivityUpdate = z.infer<typeof activityUpdateSchema>;

export const activityCancelSchema = z.object({ reason: text(ACTIVITY_LIMITS.reasonMax) }).strict();
export type ActivityCancel = z.infer<typeof activityCancelSchema>;

/** `from`/`to`: China dates, on the start time. */
export const activityListQuerySchema = paginationQuerySchema
  .extend({ nodeId: idSchema.optional(), status: activityStatusSchema.optional(), type: activityTypeSchema.optional(), from: dateSchema.optional(), to: dateSchema.optional() })
  .strict();
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;

const activityCore = {
  id: z.number().int(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  communityName: z.string(),
  title: z.string(),
  type: activityTypeSchema,
  description: z.string().nullable(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  pointsMode: pointsModeSchema,
  points: z.number().int(),
  audience: activityAudienceSchema,
  status: activityStatusSchema,
  /** Active (not cancelled) sign-ups. */
  signedUpCount: z.number().int(),
};

export const activitySchema = z.object({
  ...activityCore,
  checkedInCount: z.number().int(),
  noShowCount: z.number().int(),
  cancelReason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivityDto = z.infer<typeof activitySchema>;
export const activityListSchema = listResponse(activitySchema);

export const activityDetailSchema = activitySchema.extend({
  /** Hours served by everyone checked out. */
  totalHours: z.number(),
  /** The check-in token (for the QR code) and the phone page it opens. */
  checkinToken: z.string(),
  checkinPath: z.string(),
});
export type ActivityDetailDto = z.infer<typeof activityDetailSchema>;

export const rosterEntrySchema = z.object({
  signupId: z.number().int(),
  residentId: z.number().int(),
  personId: z.number().int().nullable(),
  /** The registry person's name when the resident is linked to one. */
  name: z.string().nullable(),
  /** Masked. */
  phone: z.string().nullable(),
  isMember: z.boolean(),
  status: signupStatusSchema,
  signedUpAt: z.string(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  hours: z.number().nullable(),
  noShow: z.boolean(),
  points: z.number().int().nullable(),
});
export type RosterEntryDto = z.infer<typeof rosterEntrySchema>;
export const activityRosterSchema = z.object({ data: z.array(rosterEntrySchema) });
export type ActivityRosterDto = z.infer<typeof activityRosterSchema>;

export const activitySignupParamsSchema = z.object({ id: idSchema, signupId: idSchema }).strict();

// ── Residents (phone) ────────────────────────────────────────────────────────

/** What anyone sees of a published activity: no personal data. */
export const publicActivitySchema = z.object({ ...activityCore, full: z.boolean() });
export type PublicActivityDto = z.infer<typeof publicActivitySchema>;
export const publicActivityListSchema = listResponse(publicActivitySchema);

export const publicActivityListQuerySchema = paginationQuerySchema.extend({ nodeId: idSchema.optional(), type: activityTypeSchema.optional() }).strict();
export type PublicActivityListQuery = z.infer<typeof publicActivityListQuerySchema>;

/** An activity's check-in token: 128 random bits, base64url (22 characters). */
export const activityTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{22}$/, { message: '签到码不正确' }) }).strict();

/** A resident's own sign-up, with the activity it belongs to. */
export const mySignupSchema = z.object({
  signupId: z.number().int(),
  status: signupStatusSchema,
  signedUpAt: z.string(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  hours: z.number().nullable(),
  noShow: z.boolean(),
  /** Points credited on check-out (null: none, e.g. no registry person linked). */
  points: z.number().int().nullable(),
  activity: z.object({ id: z.number().int(), title: z.string(), type: activityTypeSchema, place: z.string(), startsAt: z.string(), endsAt: z.string(), status: activityStatusSchema }),
});
export type MySignupDto = z.infer<typeof mySignupSchema>;

export const myVolunteeringSchema = z.object({
  signups: z.array(mySignupSchema),
  totals: z.object({ activities: z.number().int(), hours: z.number(), points: z.number().int() }),
});
export type MyVolunteeringDto = z.infer<typeof myVolunteeringSchema>;
