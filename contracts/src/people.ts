import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';
import { GENDERS, idNumberProblem, PHONE_PATTERN, SENSITIVE_FIELDS } from './person-rules.js';
import { COMMITTEE_POSITIONS, PARTY_MEMBER_MANAGEMENTS, PARTY_MEMBER_STATUSES, SECRETARY_BACKGROUNDS } from './party-role-kinds.js';
import { DEPUTY_BODIES, DEPUTY_LEVELS, GIG_WORKER_TYPES, SOCIAL_ORG_KINDS } from './organisation-kinds.js';

export const genderSchema = z.enum(GENDERS);

/** An ID number as typed: spaces dropped, a lower-case x accepted, then checked (GB 11643). */
export const idNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .superRefine((s, ctx) => {
    const problem = idNumberProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const phoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s]/g, ''))
  .refine((s) => PHONE_PATTERN.test(s), { message: '电话号码格式不正确：11位手机号，或带区号的固定电话' });

export const dateSchema = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

/** A person as every response shows them: phone and ID number masked. */
export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: genderSchema.nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  nodePathNames: z.array(z.string()),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDto = z.infer<typeof personSchema>;
export const personListSchema = listResponse(personSchema);

export const personListQuerySchema = paginationQuerySchema
  .extend({
    q: z.string().trim().max(LIMITS.searchMax).optional(),
    nodeId: idSchema.optional(),
    gender: genderSchema.optional(),
  })
  .strict();
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const personCreateSchema = z
  .object({
    name: text(50),
    gender: genderSchema.optional(),
    birthDate: dateSchema.optional(),
    phone: phoneSchema.optional(),
    idNumber: idNumberSchema.optional(),
    nodeId: idSchema,
    notes: z.string().trim().max(LIMITS.noteMax).optional(),
  })
  .strict();
export type PersonCreate = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = z
  .object({
    name: text(50).optional(),
    gender: genderSchema.nullable().optional(),
    birthDate: dateSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    idNumber: idNumberSchema.nullable().optional(),
    nodeId: idSchema.optional(),
    notes: z.string().trim().max(LIMITS.noteMax).nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' });
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const sensitiveFieldSchema = z.enum(SENSITIVE_FIELDS);

/** Revealing a masked field needs a reason, which is audited. */
export const unmaskSchema = z
  .object({
    field: sensitiveFieldSchema,
    reason: z.string().trim().min(4, '请填写查看原因（至少4个字）').max(200),
  })
  .strict();
export const unmaskResultSchema = z.object({ field: sensitiveFieldSchema, value: z.string().nullable() });

/** A person as roles and registries embed them: name, masked phone, address node. */
export const personSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string().nullable(),
  nodeName: z.string(),
});
export type PersonSummaryDto = z.infer<typeof personSummarySchema>;

// ── A person's roles (GET /api/people/:id/roles) ──────────────────────────────────────────
const roleAt = { id: z.number().int(), nodeId: z.number().int(), nodeName: z.string() };
const term = { termStart: z.string(), termEnd: z.string().nullable(), current: z.boolean() };

/** One role record of a person, in the caller's scope; `id` is the record of its registry (a committee for its members). */
export const personRoleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('party_member'), ...roleAt, status: z.enum(PARTY_MEMBER_STATUSES), management: z.enum(PARTY_MEMBER_MANAGEMENTS), joinedDate: z.string(), branchName: z.string() }),
  z.object({ kind: z.literal('branch_secretary'), ...roleAt, ...term, branchName: z.string(), background: z.enum(SECRETARY_BACKGROUNDS) }),
  z.object({ kind: z.literal('steward'), ...roleAt, stairwells: z.array(z.string()), qualitySupervisor: z.boolean(), since: z.string() }),
  z.object({ kind: z.literal('committee_member'), ...roleAt, ...term, position: z.enum(COMMITTEE_POSITIONS) }),
  z.object({ kind: z.literal('red_shop_keeper'), ...roleAt, shopName: z.string() }),
  z.object({ kind: z.literal('social_org_contact'), ...roleAt, orgName: z.string(), orgKind: z.enum(SOCIAL_ORG_KINDS) }),
  z.object({ kind: z.literal('gig_worker'), ...roleAt, type: z.enum(GIG_WORKER_TYPES), platform: z.string().nullable() }),
  z.object({ kind: z.literal('deputy'), ...roleAt, body: z.enum(DEPUTY_BODIES), level: z.enum(DEPUTY_LEVELS) }),
  z.object({ kind: z.literal('commissioner'), ...roleAt, department: z.string(), rank: z.string().nullable() }),
]);
export type PersonRoleDto = z.infer<typeof personRoleSchema>;
export type PersonRoleKind = PersonRoleDto['kind'];

export const personRolesSchema = z.object({
  personId: z.number().int(),
  /**
   * Whether the person is a party member at all, wherever they are registered: what the
   * owners' committee 60% rule counts, so a committee form can show the share it will be held to.
   */
  partyMember: z.boolean(),
  roles: z.array(personRoleSchema),
});
export type PersonRolesDto = z.infer<typeof personRolesSchema>;
