import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';
import { COMPOUND_KINDS, NODE_KINDS } from './tree-kinds.js';

export const nodeKindSchema = z.enum(NODE_KINDS);
export const compoundKindSchema = z.enum(COMPOUND_KINDS);

const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.codeMax)
  .regex(/^[A-Za-z0-9_-]+$/, '编码只能包含字母、数字、下划线和连字符');

export const nodeSchema = z.object({
  id: z.number().int(),
  kind: nodeKindSchema,
  name: z.string(),
  code: z.string(),
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  compoundKind: compoundKindSchema.nullable(),
  active: z.boolean(),
  childCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NodeDto = z.infer<typeof nodeSchema>;

export const nodeListQuerySchema = paginationQuerySchema
  .extend({
    kind: nodeKindSchema.optional(),
    parentId: idSchema.optional(),
    q: z.string().trim().max(LIMITS.searchMax).optional(),
    compoundKind: compoundKindSchema.optional(),
    includeInactive: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type NodeListQuery = z.infer<typeof nodeListQuerySchema>;
export const nodeListSchema = listResponse(nodeSchema);

export const nodeRefSchema = z.object({ id: z.number().int(), kind: nodeKindSchema, name: z.string() });

export const nodeDetailSchema = nodeSchema.extend({
  ancestors: z.array(nodeRefSchema),
  partyOrgs: z.array(z.object({ id: z.number().int(), kind: z.string(), name: z.string(), secretaryName: z.string().nullable() })),
  descendantCounts: z.record(z.string(), z.number().int()),
});
export type NodeDetailDto = z.infer<typeof nodeDetailSchema>;

/** The navigable tree of the caller's scope down to compounds (buildings load on demand). */
export const scopeTreeSchema = z.object({
  nodes: z.array(nodeSchema.pick({ id: true, kind: true, name: true, code: true, parentId: true, compoundKind: true, active: true, childCount: true })),
});

export const nodeCreateSchema = z
  .object({
    parentId: idSchema,
    kind: nodeKindSchema,
    name: text(LIMITS.nameMax),
    code: codeSchema,
    compoundKind: compoundKindSchema.optional(),
  })
  .strict();
export type NodeCreate = z.infer<typeof nodeCreateSchema>;

export const nodeUpdateSchema = z
  .object({
    name: text(LIMITS.nameMax).optional(),
    code: codeSchema.optional(),
    compoundKind: compoundKindSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' });
export type NodeUpdate = z.infer<typeof nodeUpdateSchema>;

export const nodeMoveSchema = z.object({ parentId: idSchema }).strict();
