/**
 * Names, labels and small rules of the organisation registries and the remaining person
 * roles (property companies, red shops, social organisations, gig workers, deputies,
 * service commissioners). Zod-free so that browser code can import them.
 */

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/** 新就业群体: 快递员 / 外卖骑手 / 网约车司机 / 其他. */
export const GIG_WORKER_TYPES = ['courier', 'delivery_rider', 'ride_hailing', 'other'] as const;
export type GigWorkerType = (typeof GIG_WORKER_TYPES)[number];
export const GIG_WORKER_TYPE_LABELS: Labels<GigWorkerType> = {
  courier: { zh: '快递员', en: 'Courier' },
  delivery_rider: { zh: '外卖骑手', en: 'Delivery rider' },
  ride_hailing: { zh: '网约车司机', en: 'Ride-hailing driver' },
  other: { zh: '其他', en: 'Other' },
};

/** 两代表一委员: 人大代表 / 党代表 / 政协委员. */
export const DEPUTY_BODIES = ['npc', 'party_congress', 'cppcc'] as const;
export type DeputyBody = (typeof DEPUTY_BODIES)[number];
export const DEPUTY_BODY_LABELS: Labels<DeputyBody> = {
  npc: { zh: '人大代表', en: "People's congress deputy" },
  party_congress: { zh: '党代表', en: 'Party congress delegate' },
  cppcc: { zh: '政协委员', en: 'CPPCC member' },
};

export const DEPUTY_LEVELS = ['county', 'city', 'province', 'national'] as const;
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number];
export const DEPUTY_LEVEL_LABELS: Labels<DeputyLevel> = {
  county: { zh: '县级', en: 'County' },
  city: { zh: '市级', en: 'City' },
  province: { zh: '省级', en: 'Province' },
  national: { zh: '全国', en: 'National' },
};

export const SOCIAL_ORG_KINDS = ['volunteer_team', 'charity', 'interest_group', 'other'] as const;
export type SocialOrgKind = (typeof SOCIAL_ORG_KINDS)[number];
export const SOCIAL_ORG_KIND_LABELS: Labels<SocialOrgKind> = {
  volunteer_team: { zh: '志愿服务队', en: 'Volunteer team' },
  charity: { zh: '公益慈善组织', en: 'Charity' },
  interest_group: { zh: '兴趣团体', en: 'Interest group' },
  other: { zh: '其他', en: 'Other' },
};

/** A service contract's state on a given day: derived from its dates, never stored. */
export const CONTRACT_STATUSES = ['upcoming', 'active', 'expired'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Labels<ContractStatus> = {
  upcoming: { zh: '未开始', en: 'Upcoming' },
  active: { zh: '履行中', en: 'Active' },
  expired: { zh: '已到期', en: 'Expired' },
};

/** Dates as YYYY-MM-DD compare correctly as strings. */
export function contractStatusOn(today: string, startDate: string, endDate: string): ContractStatus {
  if (startDate > today) return 'upcoming';
  if (endDate < today) return 'expired';
  return 'active';
}

/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const ORG_LIMITS = {
  servicesMax: 20,
  serviceItemMax: 50,
  platformMax: 50,
  departmentMax: 50,
  rankMax: 20,
  feeStandardMax: 100,
} as const;

// GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters over an
// alphabet of 31 (no I, O, S, V, Z); the last is a check character (weights 3^i mod 31).
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + CREDIT_ALPHABET.indexOf(c) * CREDIT_WEIGHTS[i]!, 0);
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Why a credit code is invalid (Chinese, for people), or null when it is valid. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return '统一社会信用代码应为18位';
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(code)) {
    return '统一社会信用代码含有无效字符（第3-8位为行政区划数字，不使用 I、O、S、V、Z）';
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return '统一社会信用代码校验位不正确，请核对';
  return null;
}
