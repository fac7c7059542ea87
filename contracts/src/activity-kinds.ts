/**
 * Volunteer activities (志愿服务活动): types, statuses and limits, without zod, for the
 * server and the browser alike.
 */
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const ACTIVITY_TYPES = ['environment', 'elderly', 'safety', 'civility', 'consultation', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ACTIVITY_TYPE_LABELS: Labels<ActivityType> = {
  environment: { zh: '环境整治', en: 'Environment' },
  elderly: { zh: '助老敬老', en: 'Elderly care' },
  safety: { zh: '平安巡防', en: 'Safety patrol' },
  civility: { zh: '文明实践', en: 'Civility' },
  consultation: { zh: '协商议事', en: 'Consultation' },
  other: { zh: '其他', en: 'Other' },
};

/** published → cancelled (with a reason) or closed (after the end; no-shows recorded). */
export const ACTIVITY_STATUSES = ['published', 'cancelled', 'closed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_STATUS_LABELS: Labels<ActivityStatus> = {
  published: { zh: '报名中', en: 'Published' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  closed: { zh: '已结束', en: 'Closed' },
};

export const POINTS_MODES = ['per_hour', 'per_activity'] as const;
export type PointsMode = (typeof POINTS_MODES)[number];
export const POINTS_MODE_LABELS: Labels<PointsMode> = {
  per_hour: { zh: '按小时计分', en: 'Per hour' },
  per_activity: { zh: '按次计分', en: 'Per activity' },
};

/** Who may sign up: party members only (a verified resident linked to a member), or any verified resident. */
export const ACTIVITY_AUDIENCES = ['members', 'all'] as const;
export type ActivityAudience = (typeof ACTIVITY_AUDIENCES)[number];
export const ACTIVITY_AUDIENCE_LABELS: Labels<ActivityAudience> = {
  members: { zh: '仅限党员', en: 'Party members' },
  all: { zh: '全体居民', en: 'All residents' },
};

export const SIGNUP_STATUSES = ['signed_up', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
export const SIGNUP_STATUS_LABELS: Labels<SignupStatus> = {
  signed_up: { zh: '已报名', en: 'Signed up' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const ACTIVITY_LIMITS = {
  titleMax: 100,
  descriptionMax: 2000,
  placeMax: 200,
  reasonMax: 500,
  capacityMax: 1000,
  pointsMax: 1000,
  /** Check-in opens this long before the start and closes at the end. */
  checkinOpensMinutesBefore: 30,
  /** Check-out stays open this long after the end. */
  checkoutClosesHoursAfter: 2,
} as const;

/** The phone page an activity's QR code opens. */
export const activityCheckinPath = (token: string) => `/m/volunteer/checkin/${token}`;

/** Hours served: check-out minus check-in, capped to the activity's length, rounded down to 0.1 h. */
export function servedHours(checkedInAt: Date, checkedOutAt: Date, startsAt: Date, endsAt: Date): number {
  const ms = Math.min(Math.max(0, checkedOutAt.getTime() - checkedInAt.getTime()), endsAt.getTime() - startsAt.getTime());
  return Math.floor(ms / 360_000) / 10;
}
