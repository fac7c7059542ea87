import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';
import {
  CONTRACT_STATUSES,
  creditCodeProblem,
  DEPUTY_BODIES,
  DEPUTY_LEVELS,
  GIG_WORKER_TYPES,
  ORG_LIMITS,
  SOCIAL_ORG_KINDS,
} from './organisation-kinds.js';
import { dateSchema, personSummarySchema, phoneSchema } from './people.js';

export const gigWorkerTypeSchema = z.enum(GIG_WORKER_TYPES);
export const deputyBodySchema = z.enum(DEPUTY_BODIES);
export const deputyLevelSchema = z.enum(DEPUTY_LEVELS);
export const socialOrgKindSchema = z.enum(SOCIAL_ORG_KINDS);
export const contractStatusSchema = z.enum(CONTRACT_STATUSES);

/** How a role or registry record shows a person: name, masked phone, where they live. */

/** Upper-cased and stripped of spaces, then checked (GB 32100). */
export const creditCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .superRefine((s, ctx) => {
    const problem = creditCodeProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A short list of services, each a trimmed non-empty phrase. */
export const servicesSchema = z
  .array(text(ORG_LIMITS.serviceItemMax))
  .max(ORG_LIMITS.servicesMax, `服务项目最多${ORG_LIMITS.servicesMax}项`);

const searchQ = z.string().trim().max(LIMITS.searchMax).optional();
const booleanQuery = z.enum(['true', 'false']).optional();
const timestamps = { createdAt: z.string(), updatedAt: z.string() };
const atLeastOne = (v: object) => Object.keys(v).length > 0;
const atLeastOneMessage = { message: '至少需要修改一项' };

// ── Property companies (红色物业) ────────────────────────────────────────────

export const propertyCompanySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  hasPartyOrg: z.boolean(),
  partyOrgName: z.string().nullable(),
  industryCommitteeName: z.string().nullable(),
  ...timestamps,
});
export type PropertyCompanyDto = z.infer<typeof propertyCompanySchema>;
export const propertyCompanyListSchema = listResponse(propertyCompanySchema);

export const propertyCompanyListQuerySchema = paginationQuerySchema
  .extend({ q: searchQ, hasPartyOrg: booleanQuery })
  .strict();
export type PropertyCompanyListQuery = z.infer<typeof propertyCompanyListQuerySchema>;

export const propertyCompanyCreateSchema = z
  .object({
    name: text(LIMITS.nameMax),
    creditCode: creditCodeSchema,
    contactName: text(50).optional(),
    contactPhone: phoneSchema.optional(),
    hasPartyOrg: z.boolean().default(false),
    partyOrgName: text(LIMITS.nameMax).optional(),
    industryCommitteeName: text(LIMITS.nameMax).optional(),
  })
  .strict();
export type PropertyCompanyCreate = z.infer<typeof propertyCompanyCreateSchema>;

export const propertyCompanyUpdateSchema = z
  .object({
    name: text(LIMITS.nameMax).optional(),
    creditCode: creditCodeSchema.optional(),
    contactName: text(50).nullable().optional(),
    contactPhone: phoneSchema.nullable().optional(),
    hasPartyOrg: z.boolean().optional(),
    partyOrgName: text(LIMITS.nameMax).nullable().optional(),
    industryCommitteeName: text(LIMITS.nameMax).nullable().optional(),
  })
  .strict()
  .refine(atLeastOne, atLeastOneMessage);
export type PropertyCompanyUpdate = z.infer<typeof propertyCompanyUpdateSchema>;

// ── Property service contracts (物业服务合同, one compound each) ──────────────

export const propertyContractSchema = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  companyName: z.string(),
  compoundId: z.number().int(),
  compoundName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  feeStandard: z.string().nullable(),
  status: contractStatusSchema,
  ...timestamps,
});
export type PropertyContractDto = z.infer<typeof propertyContractSchema>;
export const propertyContractListSchema = listResponse(propertyContractSchema);

export const propertyContractListQuerySchema = paginationQuerySchema
  .extend({ companyId: idSchema.optional(), nodeId: idSchema.optional(), status: contractStatusSchema.optional() })
  .strict();
export type PropertyContractListQuery = z.infer<typeof propertyContractListQuerySchema>;
/** The contracts of one company (the company is in the path). */
export const companyContractListQuerySchema = paginationQuerySchema
  .extend({ nodeId: idSchema.optional(), status: contractStatusSchema.optional() })
  .strict();

export const propertyContractCreateSchema = z
  .object({
    companyId: idSchema,
    compoundId: idSchema,
    startDate: dateSchema,
    endDate: dateSchema,
    feeStandard: text(ORG_LIMITS.feeStandardMax).optional(),
  })
  .strict();
export type PropertyContractCreate = z.infer<typeof propertyContractCreateSchema>;

/** The compound of a contract is fixed: a new compound is a new contract. */
export const propertyContractUpdateSchema = z
  .object({
    companyId: idSchema.optional(),
    startDate: dateSchema.optional(),
    endDate: dateSchema.optional(),
    feeStandard: text(ORG_LIMITS.feeStandardMax).nullable().optional(),
  })
  .strict()
  .refine(atLeastOne, atLeastOneMessage);
export type PropertyContractUpdate = z.infer<typeof propertyContractUpdateSchema>;

// ── Red shops (红色商铺) ──────────────────────────────────────────────────────

export const redShopSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  keeper: personSummarySchema.nullable(),
  services: z.array(z.string()),
  honoursPoints: z.boolean(),
  joinedDate: z.string().nullable(),
  ...timestamps,
});
export type RedShopDto = z.infer<typeof redShopSchema>;
export const redShopListSchema = listResponse(redShopSchema);

export const redShopListQuerySchema = paginationQuerySchema
  .extend({ q: searchQ, nodeId: idSchema.optional(), honoursPoints: booleanQuery })
  .strict();
export type RedShopListQuery = z.infer<typeof redShopListQuerySchema>;

export const redShopCreateSchema = z
  .object({
    name: text(LIMITS.nameMax),
    nodeId: idSchema,
    keeperId: idSchema.optional(),
    services: servicesSchema.default([]),
    honoursPoints: z.boolean().default(false),
    joinedDate: dateSchema.optional(),
  })
  .strict();
export type RedShopCreate = z.infer<typeof redShopCreateSchema>;

export const redShopUpdateSchema = z
  .object({
    name: text(LIMITS.nameMax).optional(),
    nodeId: idSchema.optional(),
    keeperId: idSchema.nullable().optional(),
    services: servicesSchema.optional(),
    honoursPoints: z.boolean().optional(),
    joinedDate: dateSchema.nullable().optional(),
  })
  .strict()
  .refine(atLeastOne, atLeastOneMessage);
export type RedShopUpdate = z.infer<typeof redShopUpdateSchema>;

// ── Social organisations (社会组织) ──────────────────────────────────────────

export const socialOrgSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: socialOrgKindSchema,
  nodeId: z.number().int(),
  nodeName: z.string(),
  contact: personSummarySchema.nullable(),
  services: z.array(z.string()),
  registered: z.boolean(),
  ...timestamps,
});
export type SocialOrgDto = z.infer<typeof socialOrgSchema>;
export const socialOrgListSchema = listResponse(socialOrgSchema);

export const socialOrgListQuerySchema = paginationQuerySchema
  .extend({ q: searchQ, nodeId: idSchema.optional(), kind: socialOrgKindSchema.optional(), registered: booleanQuery })
  .strict();
export type SocialOrgListQuery = z.infer<typeof socialOrgListQuerySchema>;

export const socialOrgCreateSchema = z
  .object({
    name: text(LIMITS.nameMax),
    kind: socialOrgKindSchema,
    nodeId: idSchema,
    contactId: idSchema.optional(),
    services: servicesSchema.default([]),
    registered: z.boolean().default(false),
  })
  .strict();
export type SocialOrgCreate = z.infer<typeof socialOrgCreateSchema>;

export const socialOrgUpdateSchema = z
  .object({
    name: text(LIMITS.nameMax).optional(),
    kind: socialOrgKindSchema.optional(),
    nodeId: idSchema.optional(),
    contactId: idSchema.nullable().optional(),
    services: servicesSchema.optional(),
    registered: z.boolean().optional(),
  })
  .strict()
  .refine(atLeastOne, atLeastOneMessage);
export type SocialOrgUpdate = z.infer<typeof socialOrgUpdateSchema>;

// ── Gig workers (新就业群体) ──────────────────────────────────────────────────

export const gigWorkerSchema = z.object({
  id: z.number().int(),
  person: personSummarySchema,
  type: gigWorkerTypeSchema,
  platform: z.string().nullable(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  ...timestamps,
});
export type GigWorkerDto = z.infer<typeof gigWorkerSchema>;
export const gigWorkerListSchema = listResponse(gigWorkerSchema);

export const gigWorkerListQuerySchema = paginationQuerySchema
  .extend({ q: searchQ, nodeId: idSchema.optional(), type: gigWorkerTypeSchema.optional() })
  .strict();
export type GigWorkerListQuery = z.infer<typeof gigWorkerListQuerySchema>;

export const gigWorkerCreateSchema = z
  .object({
    personId: idSchema,
    type: gigWorkerTypeSchema,
    platform: text(ORG_LIMITS.platformMax).optional(),
    /** Home node; the person's own address node when omitted. */
    nodeId: idSchema.optional(),
  })
  .strict();
export type GigWorkerCreate = z.infer<typeof gigWorkerCreateSchema>;

export const gigWorkerUpdateSchema = z
  .object({
    type: gigWorkerTypeSchema.optional(),
    platform: text(ORG_LIMITS.platformMax).nullable().optional(),
    nodeId: idSchema.optional(),
  })
  .strict()
  .refine(atLeastOne, atLeastOneMessage);
export type GigWorkerUpdate = z.infer<typeof gigWorkerUpdateSchema>;

// ── Deputies (两代表一委员) ───────────────────────────────────────────────────

export const deputySchema = z.object({
  id: z.number().int(),
  person: personSummarySchema,
  body: deputyBodySchema,
  level: deputyLevelSchema,
  nodeId: z.number().int(),
  nodeName: z.string(),
  ...timestamps,
});
export type DeputyDto = z.infer<typeof deputySchema>;
export const deputyListSchema = listResponse(deputySchema);

export const deputyListQuerySchema = paginationQuerySchema
  .extend({ q: searchQ, nodeId: idSchema.optional(), body: deputyBodySchema.optional(), level: deputyLevelSchema.optional() })
  .strict();
export type DeputyListQuery = z.infer<typeof deputyListQuerySchema>;

export const deputyCreateSchema = z
  .object({
    personId: idSchema,
    body: deputyBodySchema,
    level: deputyLevelSchema,
    /** The node the deputy is attached to (where they keep in touch with residents). */
    nodeId: idSchema.optional(),
  })
  .strict();
export type DeputyCreate = z.infer<typeof deputyCreateSchema>;

export const deputyUpdateSchema = z
  .object({ body: deputyBodySchema.optional(), level: deputyLevelSchema.optional(), nodeId: idSchema.optional() })
  .strict()
  .refine(atLeastOne, atLeastOneMessage);
export type DeputyUpdate = z.infer<typeof deputyUpdateSchema>;

// ── Service commissioners (社区服务专员) ──────────────────────────────────────

export const commissionerSchema = z.object({
  id: z.number().int(),
  person: personSummarySchema,
  department: z.string(),
  rank: z.string().nullable(),
  communityId: z.number().int(),
  communityName: z.string(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  ...timestamps,
});
export type CommissionerDto = z.infer<typeof commissionerSchema>;
export const commissionerListSchema = listResponse(commissionerSchema);

export const commissionerListQuerySchema = paginationQuerySchema
  .extend({ q: searchQ, nodeId: idSchema.optional(), department: z.string().trim().max(ORG_LIMITS.departmentMax).optional() })
  .strict();
export type CommissionerListQuery = z.infer<typeof commissionerListQuerySchema>;

export const commissionerCreateSchema = z
  .object({
    personId: idSchema,
    department: text(ORG_LIMITS.departmentMax),
    rank: text(ORG_LIMITS.rankMax).optional(),
    communityId: idSchema,
    userId: idSchema.optional(),
  })
  .strict();
export type CommissionerCreate = z.infer<typeof commissionerCreateSchema>;

export const commissionerUpdateSchema = z
  .object({
    department: text(ORG_LIMITS.departmentMax).optional(),
    rank: text(ORG_LIMITS.rankMax).nullable().optional(),
    communityId: idSchema.optional(),
    userId: idSchema.nullable().optional(),
  })
  .strict()
  .refine(atLeastOne, atLeastOneMessage);
export type CommissionerUpdate = z.infer<typeof commissionerUpdateSchema>;
