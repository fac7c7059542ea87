import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';
import { BRANCH_MODES, PARTY_ORG_KINDS } from './party-org-kinds.js';

export const partyOrgKindSchema = z.enum(PARTY_ORG_KINDS);
export const branchModeSchema = z.enum(BRANCH_MODES);

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
