/** Names, labels and small rules of the party-side roles at nodes (zod-free: the browser imports them). */

/** 正式党员 / 预备党员. */
export const PARTY_MEMBER_STATUSES = ['full', 'probationary'] as const;
export type PartyMemberStatus = (typeof PARTY_MEMBER_STATUSES)[number];
export const PARTY_MEMBER_STATUS_LABELS: Record<PartyMemberStatus, { zh: string; en: string }> = {
  full: { zh: '正式党员', en: 'Full member' },
  probationary: { zh: '预备党员', en: 'Probationary member' },
};

/** 小区直管 (the compound branch manages them) or 双报到 (registered there, organisation at a workplace). */
export const PARTY_MEMBER_MANAGEMENTS = ['direct', 'dual'] as const;
export type PartyMemberManagement = (typeof PARTY_MEMBER_MANAGEMENTS)[number];
export const PARTY_MEMBER_MANAGEMENT_LABELS: Record<PartyMemberManagement, { zh: string; en: string }> = {
  direct: { zh: '小区直管', en: 'Managed by the compound' },
  dual: { zh: '双报到', en: 'Dual-registered' },
};

export const SECRETARY_BACKGROUNDS = ['village_secretary', 'unit_secretary', 'teacher', 'retired_police', 'retired_cadre', 'other'] as const;
export type SecretaryBackground = (typeof SECRETARY_BACKGROUNDS)[number];
export const SECRETARY_BACKGROUND_LABELS: Record<SecretaryBackground, { zh: string; en: string }> = {
  village_secretary: { zh: '原村书记', en: 'Former village secretary' },
  unit_secretary: { zh: '原单位书记', en: 'Former unit secretary' },
  teacher: { zh: '教师', en: 'Teacher' },
  retired_police: { zh: '退休民警', en: 'Retired police officer' },
  retired_cadre: { zh: '退休干部', en: 'Retired cadre' },
  other: { zh: '其他', en: 'Other' },
};

export const COMMITTEE_POSITIONS = ['director', 'deputy_director', 'member'] as const;
export type CommitteePosition = (typeof COMMITTEE_POSITIONS)[number];
export const COMMITTEE_POSITION_LABELS: Record<CommitteePosition, { zh: string; en: string }> = {
  director: { zh: '主任', en: 'Director' },
  deputy_director: { zh: '副主任', en: 'Deputy director' },
  member: { zh: '委员', en: 'Member' },
};

/** 红色业委会: party members must be MORE than this share of the members; exactly 60% is not enough. */
export const COMMITTEE_PARTY_SHARE_FLOOR = 0.6;

/** Party members' share of a committee, 0 for an empty one. */
export const partyShareOf = (partyMembers: number, members: number) => (members === 0 ? 0 : partyMembers / members);

/** Why a committee's make-up breaks the 60% rule (Chinese), or null when it holds. Integer arithmetic: no rounding at the boundary. */
export function partyShareProblem(partyMembers: number, members: number): string | null {
  if (partyMembers * 5 > members * 3) return null;
  return `党员占比 ${(partyShareOf(partyMembers, members) * 100).toFixed(1)}%，须高于 60%`;
}
