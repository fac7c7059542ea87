import { z } from 'zod';
import { idSchema } from './common.js';

export const cockpitQuerySchema = z.object({ nodeId: idSchema.optional() }).strict();

export const cockpitSummarySchema = z.object({
  node: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }),
  counts: z.object({
    subdistricts: z.number().int(),
    communities: z.number().int(),
    compounds: z.number().int(),
    buildings: z.number().int(),
    stairwells: z.number().int(),
    branches: z.number().int(),
    jointBranches: z.number().int(),
  }),
  compoundsByKind: z.object({ commercial: z.number().int(), work_unit: z.number().int(), three_no: z.number().int() }),
  communitiesBreakdown: z.array(z.object({ id: z.number().int(), name: z.string(), compounds: z.number().int() })),
  computedAt: z.string(),
});
export type CockpitSummaryDto = z.infer<typeof cockpitSummarySchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
