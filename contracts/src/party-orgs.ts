import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';

/** 街道党工委 ↔ subdistrict, 社区党委 ↔ community, 小区党支部 ↔ compound(s). */
export const PARTY_ORG_KINDS = ['working_committee', 'party_committee', 'branch'] as const;
export type PartyOrgKind = (typeof PARTY_ORG_KINDS)[number];
export const partyOrgKindSchema = z.enum(PARTY_ORG_KINDS);

/** 单建 (one compound) or 联建 (several small compounds). */
export const BRANCH_MODES = ['standalone', 'joint'] as const;
export const branchModeSchema = z.enum(BRANCH_MODES);

export const PARTY_ORG_KIND_LABELS: Record<PartyOrgKind, { zh: string; en: string }> = {
  working_committee: { zh: '街道党工委', en: 'Working committee' },
  party_committee: { zh: '社区党委', en: 'Community party committee' },
  branch: { zh: '小区党支部', en: 'Compound branch' },
};

export const partyOrgSchema = z.object({
  id: z.number().int(),
  kind: partyOrgKindSchema,
  name: z.string(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  branchMode: branchModeSchema.nullable(),
  compounds: z.array(z.object({ id: z.number().int(), name: z.string() })),
  secretaryName: z.string().nullable(),
  secretaryUserId: z.number().int().nullable(),
  active: z.boolean(),
});
export type PartyOrgDto = z.infer<typeof partyOrgSchema>;
export const partyOrgListSchema = listResponse(partyOrgSchema);

export const partyOrgListQuerySchema = paginationQuerySchema
  .extend({
    kind: partyOrgKindSchema.optional(),
    nodeId: idSchema.optional(),
    q: z.string().trim().max(LIMITS.searchMax).optional(),
  })
  .strict();

export const partyOrgCreateSchema = z
  .object({
    kind: partyOrgKindSchema,
    name: text(LIMITS.nameMax),
    /** Subdistrict for a working committee, community for a party committee; omitted for a branch. */
    nodeId: idSchema.optional(),
    branchMode: branchModeSchema.optional(),
    compoundIds: z.array(idSchema).min(1).max(50).optional(),
    secretaryName: text(LIMITS.displayNameMax).optional(),
    secretaryUserId: idSchema.optional(),
  })
  .strict();
export type PartyOrgCreate = z.infer<typeof partyOrgCreateSchema>;

export const partyOrgUpdateSchema = z
  .object({
    name: text(LIMITS.nameMax).optional(),
    compoundIds: z.array(idSchema).min(1).max(50).optional(),
    branchMode: branchModeSchema.optional(),
    secretaryName: text(LIMITS.displayNameMax).nullable().optional(),
    secretaryUserId: idSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' });
export type PartyOrgUpdate = z.infer<typeof partyOrgUpdateSchema>;
