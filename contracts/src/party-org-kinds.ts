/** 街道党工委 ↔ subdistrict, 社区党委 ↔ community, 小区党支部 ↔ compound(s). */
export const PARTY_ORG_KINDS = ['working_committee', 'party_committee', 'branch'] as const;
export type PartyOrgKind = (typeof PARTY_ORG_KINDS)[number];

/** 单建 (one compound) or 联建 (several small compounds). */
export const BRANCH_MODES = ['standalone', 'joint'] as const;

export const PARTY_ORG_KIND_LABELS: Record<PartyOrgKind, { zh: string; en: string }> = {
  working_committee: { zh: '街道党工委', en: 'Working committee' },
  party_committee: { zh: '社区党委', en: 'Community party committee' },
  branch: { zh: '小区党支部', en: 'Compound branch' },
};
