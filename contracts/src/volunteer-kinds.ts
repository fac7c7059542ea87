/** Dual registration (双报到), zod-free: workplace organisations, registrations and their states. */

/** A workplace organisation that registered at a community (单位党组织到社区报到). */
export const WORKPLACE_ORG_STATUSES = ['active', 'withdrawn'] as const;
export type WorkplaceOrgStatus = (typeof WORKPLACE_ORG_STATUSES)[number];
export const WORKPLACE_ORG_STATUS_LABELS: Record<WorkplaceOrgStatus, { zh: string; en: string }> = {
  active: { zh: '已报到', en: 'Registered' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** The kind of party organisation a workplace has. */
export const WORKPLACE_PARTY_ORG_TYPES = ['party_committee', 'general_branch', 'branch', 'none'] as const;
export type WorkplacePartyOrgType = (typeof WORKPLACE_PARTY_ORG_TYPES)[number];
export const WORKPLACE_PARTY_ORG_TYPE_LABELS: Record<WorkplacePartyOrgType, { zh: string; en: string }> = {
  party_committee: { zh: '党委', en: 'Party committee' },
  general_branch: { zh: '党总支', en: 'General branch' },
  branch: { zh: '党支部', en: 'Party branch' },
  none: { zh: '未建立党组织', en: 'No party organisation' },
};

/** An in-service party member's registration at the compound where they live. */
export const DUAL_REGISTRATION_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type DualRegistrationStatus = (typeof DUAL_REGISTRATION_STATUSES)[number];
export const DUAL_REGISTRATION_STATUS_LABELS: Record<DualRegistrationStatus, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已通过', en: 'Approved' },
  declined: { zh: '未通过', en: 'Declined' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Who filed it: the member on their phone, or staff on the console. */
export const DUAL_REGISTRATION_SOURCES = ['phone', 'staff'] as const;
export type DualRegistrationSource = (typeof DUAL_REGISTRATION_SOURCES)[number];
export const DUAL_REGISTRATION_SOURCE_LABELS: Record<DualRegistrationSource, { zh: string; en: string }> = {
  phone: { zh: '手机报到', en: 'On the phone' },
  staff: { zh: '工作人员登记', en: 'By staff' },
};

export const VOLUNTEER_LIMITS = {
  orgNameMax: 100,
  contactNameMax: 50,
  declineReasonMax: 500,
  inactiveDaysMin: 7,
  inactiveDaysMax: 3650,
  /** A member who has not served for this many days is flagged, unless the county sets another period. */
  inactiveDaysDefault: 90,
} as const;
