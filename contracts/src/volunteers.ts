import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';
import { creditCodeSchema } from './organisations.js';
import { PARTY_MEMBER_STATUSES } from './party-role-kinds.js';
import { dateSchema, personSummarySchema, phoneSchema } from './people.js';
import {
  DUAL_REGISTRATION_SOURCES,
  DUAL_REGISTRATION_STATUSES,
  VOLUNTEER_LIMITS,
  WORKPLACE_ORG_STATUSES,
  WORKPLACE_PARTY_ORG_TYPES,
} from './volunteer-kinds.js';

/** Dual registration (双报到): workplace organisations at communities, members' registrations at compounds, the members view. */

export const workplaceOrgStatusSchema = z.enum(WORKPLACE_ORG_STATUSES);
export const workplacePartyOrgTypeSchema = z.enum(WORKPLACE_PARTY_ORG_TYPES);
export const dualRegistrationStatusSchema = z.enum(DUAL_REGISTRATION_STATUSES);
export const dualRegistrationSourceSchema = z.enum(DUAL_REGISTRATION_SOURCES);

const atLeastOne = (v: object) => Object.keys(v).length > 0;
const atLeastOneMessage = { message: '至少需要修改一项' };
const orgName = text(VOLUNTEER_LIMITS.orgNameMax);

// ── Workplace organisations (单位党组织到社区报到) ───────────────────────────

export const workplaceOrgSchema = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  communityName: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  partyOrgType: workplacePartyOrgTypeSchema,
  partyOrgName: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Always masked. */
  contactPhone: z.string().nullable(),
  status: workplaceOrgStatusSchema,
  registeredAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkplaceOrgDto = z.infer<typeof workplaceOrgSchema>;
export const workplaceOrgListSchema = listResponse(workplaceOrgSchema);

export const workplaceOrgListQuerySchema = paginationQuerySchema
  .extend({ nodeId: idSchema.optional(), status: workplaceOrgStatusSchema.optional(), q: z.string().trim().max(LIMITS.searchMax).optional() })
  .strict();
export type WorkplaceOrgListQuery = z.infer<typeof workplaceOrgListQuerySchema>;

export const workplaceOrgCreateSchema = z
  .object({
    communityId: idSchema,
    name: orgName,
    creditCode: creditCodeSchema.optional(),
    partyOrgType: workplacePartyOrgTypeSchema,
    partyOrgName: orgName.optional(),
    contactName: text(VOLUNTEER_LIMITS.contactNameMax).optional(),
    contactPhone: phoneSchema.optional(),
    registeredAt: dateSchema.optional(),
  })
  .strict();
export type WorkplaceOrgCreate = z.infer<typeof workplaceOrgCreateSchema>;

export const workplaceOrgUpdateSchema = z
  .object({
    name: orgName.optional(),
    creditCode: creditCodeSchema.nullable().optional(),
    partyOrgType: workplacePartyOrgTypeSchema.optional(),
    partyOrgName: orgName.nullable().optional(),
    contactName: text(VOLUNTEER_LIMITS.contactNameMax).nullable().optional(),
    contactPhone: phoneSchema.nullable().optional(),
    status: workplaceOrgStatusSchema.optional(),
    registeredAt: dateSchema.optional(),
  })
  .strict()
  .refine(atLeastOne, atLeastOneMessage);
export type WorkplaceOrgUpdate = z.infer<typeof workplaceOrgUpdateSchema>;

/** What a phone page offers to pick from: the active workplace organisations of a compound's community. */
export const workplaceOrgOptionSchema = z.object({ id: z.number().int(), name: z.string() });
export const workplaceOrgOptionsSchema = z.object({ data: z.array(workplaceOrgOptionSchema) });
export const workplaceOrgOptionsQuerySchema = z.object({ compoundId: idSchema }).strict();

// ── Dual registrations (在职党员到小区报到) ───────────────────────────────────

export const dualRegistrationSchema = z.object({
  id: z.number().int(),
  person: personSummarySchema,
  compoundId: z.number().int(),
  compoundName: z.string(),
  workplaceOrgId: z.number().int().nullable(),
  workplaceOrgName: z.string(),
  source: dualRegistrationSourceSchema,
  status: dualRegistrationStatusSchema,
  declineReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  partyMemberId: z.number().int().nullable(),
  /** Set once withdrawn (撤回/注销报到). */
  withdrawReason: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DualRegistrationDto = z.infer<typeof dualRegistrationSchema>;
export const dualRegistrationListSchema = listResponse(dualRegistrationSchema);

export const dualRegistrationListQuerySchema = paginationQuerySchema
  .extend({ status: dualRegistrationStatusSchema.optional(), compoundId: idSchema.optional(), nodeId: idSchema.optional() })
  .strict();
export type DualRegistrationListQuery = z.infer<typeof dualRegistrationListQuerySchema>;

/** The workplace: a registered organisation of the compound's community, or a name when it has not registered. */
const workplaceFields = { workplaceOrgId: idSchema.optional(), workplaceOrgName: orgName.optional() };
const oneWorkplace = (v: { workplaceOrgId?: number | undefined; workplaceOrgName?: string | undefined }) =>
  (v.workplaceOrgId === undefined) !== (v.workplaceOrgName === undefined);
const oneWorkplaceMessage = { message: '请选择已报到的单位（workplaceOrgId）或填写单位名称（workplaceOrgName），二者选一' };

export const dualRegistrationCreateSchema = z
  .object({ personId: idSchema, compoundId: idSchema, ...workplaceFields })
  .strict()
  .refine(oneWorkplace, oneWorkplaceMessage);
export type DualRegistrationCreate = z.infer<typeof dualRegistrationCreateSchema>;

export const residentDualRegistrationCreateSchema = z
  .object({ compoundId: idSchema, ...workplaceFields })
  .strict()
  .refine(oneWorkplace, oneWorkplaceMessage);
export type ResidentDualRegistrationCreate = z.infer<typeof residentDualRegistrationCreateSchema>;

/** Needed only when the person is not a party member yet: the membership row requires them. */
export const dualRegistrationApproveSchema = z
  .object({ joinedDate: dateSchema.optional(), status: z.enum(PARTY_MEMBER_STATUSES).optional() })
  .strict()
  .nullish();
export type DualRegistrationApprove = z.infer<typeof dualRegistrationApproveSchema>;

export const dualRegistrationDeclineSchema = z.object({ reason: text(VOLUNTEER_LIMITS.declineReasonMax) }).strict();
export type DualRegistrationDecline = z.infer<typeof dualRegistrationDeclineSchema>;

/** Withdrawing a pending or approved registration (撤回/注销报到) needs a reason. */
export const dualRegistrationWithdrawSchema = z.object({ reason: text(VOLUNTEER_LIMITS.declineReasonMax) }).strict();
export type DualRegistrationWithdraw = z.infer<typeof dualRegistrationWithdrawSchema>;

/** A member's own registrations on the phone, newest first, with the branch's reason when declined. */
export const myDualRegistrationSchema = z.object({
  id: z.number().int(),
  compoundId: z.number().int(),
  compoundName: z.string(),
  workplaceOrgName: z.string(),
  status: dualRegistrationStatusSchema,
  declineReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MyDualRegistrationDto = z.infer<typeof myDualRegistrationSchema>;
export const myDualRegistrationsSchema = z.object({ data: z.array(myDualRegistrationSchema) });

// ── Dual-registered members and their service ─────────────────────────────────

const inactiveDaysRange = { min: VOLUNTEER_LIMITS.inactiveDaysMin, max: VOLUNTEER_LIMITS.inactiveDaysMax } as const;
const inactiveDaysMessage = `未服务提醒周期应为 ${inactiveDaysRange.min}–${inactiveDaysRange.max} 天`;
const inactiveDays = z.number().int().min(inactiveDaysRange.min, inactiveDaysMessage).max(inactiveDaysRange.max, inactiveDaysMessage);

export const dualMemberSchema = z.object({
  partyMemberId: z.number().int(),
  person: personSummarySchema,
  compoundId: z.number().int(),
  compoundName: z.string(),
  workplaceOrgId: z.number().int().nullable(),
  workplaceOrgName: z.string().nullable(),
  /** The approved registration behind the membership (null for one entered in the party register directly). */
  registrationId: z.number().int().nullable(),
  registeredAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  lastServiceAt: z.string().nullable(),
  totalHours: z.number(),
  /** No service in the last `inactiveDays` days. */
  inactive: z.boolean(),
});
export type DualMemberDto = z.infer<typeof dualMemberSchema>;
export const dualMemberListSchema = listResponse(dualMemberSchema).extend({ inactiveDays: z.number().int() });
export type DualMemberList = z.infer<typeof dualMemberListSchema>;

export const dualMemberListQuerySchema = paginationQuerySchema
  .extend({ nodeId: idSchema.optional(), inactiveDays: z.coerce.number().pipe(inactiveDays).optional(), inactive: z.enum(['true', 'false']).optional() })
  .strict();
export type DualMemberListQuery = z.infer<typeof dualMemberListQuerySchema>;

export const volunteerSettingsSchema = z.object({ inactiveDays: z.number().int(), updatedAt: z.string() });
export type VolunteerSettingsDto = z.infer<typeof volunteerSettingsSchema>;
export const volunteerSettingsUpdateSchema = z.object({ inactiveDays }).strict();
export type VolunteerSettingsUpdate = z.infer<typeof volunteerSettingsUpdateSchema>;
