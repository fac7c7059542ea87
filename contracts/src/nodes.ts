import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';

/** The jurisdiction tree, top to bottom: 县 → 街道 → 社区 → 小区 → 楼栋 → 楼道. */
export const NODE_KINDS = ['county', 'subdistrict', 'community', 'compound', 'building', 'stairwell'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const nodeKindSchema = z.enum(NODE_KINDS);

/** The kind a child of `kind` must have; null for leaves. */
export function childKindOf(kind: NodeKind): NodeKind | null {
  const i = NODE_KINDS.indexOf(kind);
  return NODE_KINDS[i + 1] ?? null;
}

export const COMPOUND_KINDS = ['commercial', 'work_unit', 'three_no'] as const;
export type CompoundKind = (typeof COMPOUND_KINDS)[number];
export const compoundKindSchema = z.enum(COMPOUND_KINDS);

export const NODE_KIND_LABELS: Record<NodeKind, { zh: string; en: string }> = {
  county: { zh: '县', en: 'County' },
  subdistrict: { zh: '街道', en: 'Subdistrict' },
  community: { zh: '社区', en: 'Community' },
  compound: { zh: '小区', en: 'Compound' },
  building: { zh: '楼栋', en: 'Building' },
  stairwell: { zh: '楼道', en: 'Stairwell' },
};
export const COMPOUND_KIND_LABELS: Record<CompoundKind, { zh: string; en: string }> = {
  commercial: { zh: '商住小区', en: 'Commercial residential' },
  work_unit: { zh: '家属院', en: 'Work-unit compound' },
  three_no: { zh: '三无小区', en: '"Three-no" compound' },
};

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
