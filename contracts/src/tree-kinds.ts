/** The jurisdiction tree, top to bottom: 县 → 街道 → 社区 → 小区 → 楼栋 → 楼道. */
export const NODE_KINDS = ['county', 'subdistrict', 'community', 'compound', 'building', 'stairwell'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The kind a child of `kind` must have; null for leaves. */
export function childKindOf(kind: NodeKind): NodeKind | null {
  const i = NODE_KINDS.indexOf(kind);
  return NODE_KINDS[i + 1] ?? null;
}

export const COMPOUND_KINDS = ['commercial', 'work_unit', 'three_no'] as const;
export type CompoundKind = (typeof COMPOUND_KINDS)[number];

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
