import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';
import { dateSchema, personSummarySchema } from './people.js';
import { COMMITTEE_POSITIONS, PARTY_MEMBER_MANAGEMENTS, PARTY_MEMBER_STATUSES, SECRETARY_BACKGROUNDS } from './party-role-kinds.js';

const flagQuery = z.enum(['true', 'false']);
const searchQuery = z.string().trim().max(LIMITS.searchMax).optional();

// ── 党员 ──────────────────────────────────────────────────────────────────────────────────
export const partyMemberStatusSchema = z.enum(PARTY_MEMBER_STATUSES);
export const partyMemberManagementSchema = z.enum(PARTY_MEMBER_MANAGEMENTS);

export const partyMemberSchema = z.object({
  id: z.number().int(),
  person: personSummarySchema,
  status: partyMemberStatusSchema,
  joinedDate: z.string(),
  branchId: z.number().int(),
  branchName: z.string(),
  management: partyMemberManagementSchema,
  workplaceOrg: z.string().nullable(),
  /** The compound where the member is managed or registered. */
  nodeId: z.number().int(),
  nodeName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PartyMemberDto = z.infer<typeof partyMemberSchema>;
export const partyMemberListSchema = listResponse(partyMemberSchema);

export const partyMemberListQuerySchema = paginationQuerySchema
  .extend({
    status: partyMemberStatusSchema.optional(),
    management: partyMemberManagementSchema.optional(),
    branchId: idSchema.optional(),
    nodeId: idSchema.optional(),
    q: searchQuery,
  })
  .strict();
export type PartyMemberListQuery = z.infer<typeof partyMemberListQuerySchema>;

const workplaceOrg = text(LIMITS.nameMax);

export const partyMemberCreateSchema = z
  .object({
    personId: idSchema,
    status: partyMemberStatusSchema,
    joinedDate: dateSchema,
    branchId: idSchema,
    management: partyMemberManagementSchema,
    workplaceOrg: workplaceOrg.optional(),
    nodeId: idSchema,
  })
  .strict()
  .refine((v) => v.management !== 'dual' || !!v.workplaceOrg, { message: '双报到党员须填写所在单位（workplaceOrg）', path: ['workplaceOrg'] });
export type PartyMemberCreate = z.infer<typeof partyMemberCreateSchema>;

export const partyMemberUpdateSchema = z
  .object({
    status: partyMemberStatusSchema.optional(),
    joinedDate: dateSchema.optional(),
    branchId: idSchema.optional(),
    management: partyMemberManagementSchema.optional(),
    workplaceOrg: workplaceOrg.nullable().optional(),
    nodeId: idSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' });
export type PartyMemberUpdate = z.infer<typeof partyMemberUpdateSchema>;

// ── 支部书记 ───────────────────────────────────────────────────────────────────────────────
export const secretaryBackgroundSchema = z.enum(SECRETARY_BACKGROUNDS);

export const branchSecretarySchema = z.object({
  id: z.number().int(),
  branchId: z.number().int(),
  branchName: z.string(),
  compounds: z.array(z.object({ id: z.number().int(), name: z.string() })),
  person: personSummarySchema,
  background: secretaryBackgroundSchema,
  termStart: z.string(),
  termEnd: z.string().nullable(),
  /** The term covers today. */
  current: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BranchSecretaryDto = z.infer<typeof branchSecretarySchema>;
export const branchSecretaryListSchema = listResponse(branchSecretarySchema);

export const branchSecretaryListQuerySchema = paginationQuerySchema
  .extend({
    branchId: idSchema.optional(),
    nodeId: idSchema.optional(),
    background: secretaryBackgroundSchema.optional(),
    current: flagQuery.optional(),
    q: searchQuery,
  })
  .strict();
export type BranchSecretaryListQuery = z.infer<typeof branchSecretaryListQuerySchema>;

const termEndAfterStart = (v: { termStart?: string | undefined; termEnd?: string | null | undefined }) => !v.termStart || !v.termEnd || v.termEnd >= v.termStart;
const TERM_ORDER = { message: '任期结束日期不能早于开始日期', path: ['termEnd'] };

export const branchSecretaryCreateSchema = z
  .object({
    branchId: idSchema,
    personId: idSchema,
    background: secretaryBackgroundSchema,
    termStart: dateSchema,
    termEnd: dateSchema.optional(),
    /** End the overlapping previous term on the day before this one starts, instead of refusing. */
    endPrevious: z.boolean().optional(),
  })
  .strict()
  .refine(termEndAfterStart, TERM_ORDER);
export type BranchSecretaryCreate = z.infer<typeof branchSecretaryCreateSchema>;

export const branchSecretaryUpdateSchema = z
  .object({
    background: secretaryBackgroundSchema.optional(),
    termStart: dateSchema.optional(),
    termEnd: dateSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' })
  .refine(termEndAfterStart, TERM_ORDER);
export type BranchSecretaryUpdate = z.infer<typeof branchSecretaryUpdateSchema>;

// ── 红色管家 ───────────────────────────────────────────────────────────────────────────────
export const stewardSchema = z.object({
  id: z.number().int(),
  person: personSummarySchema,
  compoundId: z.number().int(),
  compoundName: z.string(),
  stairwells: z.array(z.object({ id: z.number().int(), name: z.string(), buildingName: z.string() })),
  /** 物业服务质量监督员. */
  qualitySupervisor: z.boolean(),
  since: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StewardDto = z.infer<typeof stewardSchema>;
export const stewardListSchema = listResponse(stewardSchema);

export const stewardListQuerySchema = paginationQuerySchema
  .extend({
    nodeId: idSchema.optional(),
    stairwellId: idSchema.optional(),
    qualitySupervisor: flagQuery.optional(),
    q: searchQuery,
  })
  .strict();
export type StewardListQuery = z.infer<typeof stewardListQuerySchema>;

const stairwellIds = z.array(idSchema).min(1, '请至少选择一个楼道').max(50, '楼道最多50个');

export const stewardCreateSchema = z
  .object({
    personId: idSchema,
    compoundId: idSchema,
    stairwellIds,
    qualitySupervisor: z.boolean().optional(),
    since: dateSchema,
  })
  .strict();
export type StewardCreate = z.infer<typeof stewardCreateSchema>;

export const stewardUpdateSchema = z
  .object({ stairwellIds: stairwellIds.optional(), qualitySupervisor: z.boolean().optional(), since: dateSchema.optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' });
export type StewardUpdate = z.infer<typeof stewardUpdateSchema>;

// ── 红色业委会 ─────────────────────────────────────────────────────────────────────────────
export const committeePositionSchema = z.enum(COMMITTEE_POSITIONS);

const committeeShape = {
  id: z.number().int(),
  compoundId: z.number().int(),
  compoundName: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  electionDate: z.string(),
  current: z.boolean(),
  memberCount: z.number().int(),
  partyMemberCount: z.number().int(),
  /** Party members ÷ members, 0..1; must stay above 0.6. */
  partyShare: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const ownersCommitteeSchema = z.object(committeeShape);
export type OwnersCommitteeDto = z.infer<typeof ownersCommitteeSchema>;
export const ownersCommitteeListSchema = listResponse(ownersCommitteeSchema);

export const committeeMemberSchema = z.object({ person: personSummarySchema, position: committeePositionSchema, partyMember: z.boolean() });
export const ownersCommitteeDetailSchema = z.object({ ...committeeShape, members: z.array(committeeMemberSchema) });
export type OwnersCommitteeDetailDto = z.infer<typeof ownersCommitteeDetailSchema>;

export const ownersCommitteeListQuerySchema = paginationQuerySchema
  .extend({ nodeId: idSchema.optional(), current: flagQuery.optional() })
  .strict();
export type OwnersCommitteeListQuery = z.infer<typeof ownersCommitteeListQuerySchema>;

const committeeMembers = z
  .array(z.object({ personId: idSchema, position: committeePositionSchema }).strict())
  .min(3, '业委会至少3名成员')
  .max(50, '业委会成员最多50名')
  .refine((ms) => new Set(ms.map((m) => m.personId)).size === ms.length, { message: '同一人不能重复列入业委会' })
  .refine((ms) => ms.filter((m) => m.position === 'director').length <= 1, { message: '业委会只能有一名主任' });

export const ownersCommitteeCreateSchema = z
  .object({ compoundId: idSchema, termStart: dateSchema, termEnd: dateSchema, electionDate: dateSchema, members: committeeMembers })
  .strict()
  .refine(termEndAfterStart, TERM_ORDER);
export type OwnersCommitteeCreate = z.infer<typeof ownersCommitteeCreateSchema>;

export const ownersCommitteeUpdateSchema = z
  .object({ termStart: dateSchema.optional(), termEnd: dateSchema.optional(), electionDate: dateSchema.optional(), members: committeeMembers.optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' })
  .refine(termEndAfterStart, TERM_ORDER);
export type OwnersCommitteeUpdate = z.infer<typeof ownersCommitteeUpdateSchema>;
