import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { dateSchema, personSummarySchema } from './people.js';
import { PARTY_MEMBER_MANAGEMENTS, PARTY_MEMBER_STATUSES } from './party-role-kinds.js';
import { DUAL_REGISTRATION_STATUSES } from './volunteer-kinds.js';
import { CADRE_OPINION_ANSWERS, CADRE_OPINION_LIMITS, CADRE_OPINION_PURPOSES, CADRE_OPINION_STATUSES } from './cadre-opinion-kinds.js';

/** Cadre opinions (干部征求意见): the organisation department asks the branch of the compound where a cadre lives. */

export const cadreOpinionPurposeSchema = z.enum(CADRE_OPINION_PURPOSES);
export const cadreOpinionStatusSchema = z.enum(CADRE_OPINION_STATUSES);
export const cadreOpinionAnswerSchema = z.enum(CADRE_OPINION_ANSWERS);

/** What the platform knows about the cadre, taken when the request is made (refreshable while pending). */
export const cadreOpinionEvidenceSchema = z.object({
  takenAt: z.string(),
  dualRegistration: z.object({
    status: z.enum([...DUAL_REGISTRATION_STATUSES, 'none']),
    compoundName: z.string().nullable(),
    workplaceName: z.string().nullable(),
    since: z.string().nullable(),
  }),
  /** Volunteer activities attended in the three years before the snapshot. */
  volunteering: z.object({ since: z.string(), activities: z.number().int(), hours: z.number() }),
  points: z.object({ balance: z.number().int(), earned: z.number().int() }),
  /** Only what the cadre did as a verified resident linked to their registry record. */
  consultation: z.object({
    linkedResident: z.boolean(),
    topicsRaised: z.number().int(),
    comments: z.number().int(),
    supports: z.number().int(),
    votes: z.number().int(),
    ratings: z.number().int(),
    meetingSignIns: z.number().int(),
  }),
  compound: z.object({
    steward: z.boolean(),
    ownersCommitteePosition: z.enum(['director', 'deputy_director', 'member']).nullable(),
    partyMember: z
      .object({ status: z.enum(PARTY_MEMBER_STATUSES), management: z.enum(PARTY_MEMBER_MANAGEMENTS), branchName: z.string() })
      .nullable(),
  }),
});
export type CadreOpinionEvidence = z.infer<typeof cadreOpinionEvidenceSchema>;

export const cadreOpinionSummarySchema = z.object({
  id: z.number().int(),
  person: personSummarySchema,
  compoundId: z.number().int(),
  compoundName: z.string(),
  branchId: z.number().int(),
  branchName: z.string(),
  purpose: cadreOpinionPurposeSchema,
  post: z.string(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  deadline: z.string(),
  /** Pending past the deadline (China date). */
  overdue: z.boolean(),
  status: cadreOpinionStatusSchema,
  answer: cadreOpinionAnswerSchema.nullable(),
  answeredAt: z.string().nullable(),
  remindersSent: z.number().int(),
});
export type CadreOpinionSummaryDto = z.infer<typeof cadreOpinionSummarySchema>;
export const cadreOpinionListSchema = listResponse(cadreOpinionSummarySchema);

export const cadreOpinionSchema = cadreOpinionSummarySchema.extend({
  answerText: z.string().nullable(),
  answeredByName: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  lastRemindedAt: z.string().nullable(),
  evidence: cadreOpinionEvidenceSchema,
});
export type CadreOpinionDto = z.infer<typeof cadreOpinionSchema>;

export const cadreOpinionListQuerySchema = paginationQuerySchema
  .extend({ status: cadreOpinionStatusSchema.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();
export type CadreOpinionListQuery = z.infer<typeof cadreOpinionListQuerySchema>;

export const cadreOpinionCreateSchema = z
  .object({
    personId: idSchema,
    purpose: cadreOpinionPurposeSchema,
    post: text(CADRE_OPINION_LIMITS.postMax),
    deadline: dateSchema,
  })
  .strict();
export type CadreOpinionCreate = z.infer<typeof cadreOpinionCreateSchema>;

export const cadreOpinionAnswerBodySchema = z
  .object({
    answer: cadreOpinionAnswerSchema,
    text: z
      .string()
      .trim()
      .min(CADRE_OPINION_LIMITS.answerMin, { message: `意见内容至少 ${CADRE_OPINION_LIMITS.answerMin} 个字` })
      .max(CADRE_OPINION_LIMITS.answerMax, { message: `意见内容不能超过 ${CADRE_OPINION_LIMITS.answerMax} 个字` }),
  })
  .strict();
export type CadreOpinionAnswerBody = z.infer<typeof cadreOpinionAnswerBodySchema>;

export const cadreOpinionWithdrawSchema = z.object({ reason: text(CADRE_OPINION_LIMITS.reasonMax) }).strict();
export type CadreOpinionWithdraw = z.infer<typeof cadreOpinionWithdrawSchema>;

export const cadreOpinionRemindResultSchema = z.object({ reminded: z.boolean(), notifications: z.number().int() });
export type CadreOpinionRemindResult = z.infer<typeof cadreOpinionRemindResultSchema>;

export const cadreOpinionStatsQuerySchema = z.object({ from: dateSchema.optional(), to: dateSchema.optional() }).strict();
export type CadreOpinionStatsQuery = z.infer<typeof cadreOpinionStatsQuerySchema>;

export const cadreOpinionStatsSchema = z.object({
  total: z.number().int(),
  byYear: z.array(z.object({ year: z.number().int(), requests: z.number().int(), answered: z.number().int(), pending: z.number().int(), withdrawn: z.number().int() })),
  byAnswer: z.object({ agree: z.number().int(), agree_with_reservations: z.number().int(), disagree: z.number().int() }),
  /** Answered ÷ (requests not withdrawn); null when there are none. */
  answeredShare: z.number().nullable(),
  medianDaysToAnswer: z.number().nullable(),
  meanDaysToAnswer: z.number().nullable(),
  /** Pending past the deadline now. */
  overdue: z.number().int(),
});
export type CadreOpinionStatsDto = z.infer<typeof cadreOpinionStatsSchema>;
