/**
 * Names and labels of reception days (书记接待日) and notifications. Zod-free so that browser
 * code can import them.
 */

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const RECEPTION_DAY_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ReceptionDayStatus = (typeof RECEPTION_DAY_STATUSES)[number];
export const RECEPTION_DAY_STATUS_LABELS: Labels<ReceptionDayStatus> = {
  planned: { zh: '计划中', en: 'Planned' },
  held: { zh: '已召开', en: 'Held' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const ATTENDEE_ROLES = ['county_leader', 'subdistrict_secretary', 'community_secretary', 'compound_secretary', 'department', 'other'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];
export const ATTENDEE_ROLE_LABELS: Labels<AttendeeRole> = {
  county_leader: { zh: '县级领导', en: 'County leader' },
  subdistrict_secretary: { zh: '街道党工委书记', en: 'Subdistrict secretary' },
  community_secretary: { zh: '社区书记', en: 'Community secretary' },
  compound_secretary: { zh: '小区支部书记', en: 'Compound secretary' },
  department: { zh: '部门负责人', en: 'Department' },
  other: { zh: '其他', en: 'Other' },
};

export const NOTIFICATION_KINDS = ['ticket_overdue', 'cadre_opinion_overdue', 'rating_submission_due', 'rating_rectification', 'rating_contract_review'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Labels<NotificationKind> = {
  ticket_overdue: { zh: '工单超期提醒', en: 'Overdue ticket' },
  cadre_opinion_overdue: { zh: '干部征求意见超期提醒', en: 'Overdue cadre opinion request' },
  rating_submission_due: { zh: '物业考核评分催办', en: 'Property rating due' },
  rating_rectification: { zh: '物业考核整改通知', en: 'Property rectification notice' },
  rating_contract_review: { zh: '物业合同提请研究', en: 'Property contract review' },
};

export const RECEPTION_DAY_LIMITS = {
  placeMax: 100,
  minutesMax: 20000,
  attendeeNameMax: 50,
  positionMax: 100,
  reasonMax: 2000,
  decisionMax: 2000,
} as const;
