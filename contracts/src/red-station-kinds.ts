/** Red stations (红色驿站) and public service rooms (公共服务用房), zod-free: kinds of place, services, room sources and uses, limits. */

export const STATION_PLACE_KINDS = ['park', 'school', 'hospital', 'mall', 'square', 'street', 'office', 'other'] as const;
export type StationPlaceKind = (typeof STATION_PLACE_KINDS)[number];
export const STATION_PLACE_KIND_LABELS: Record<StationPlaceKind, { zh: string; en: string }> = {
  park: { zh: '公园', en: 'Park' },
  school: { zh: '学校', en: 'School' },
  hospital: { zh: '医院', en: 'Hospital' },
  mall: { zh: '商场', en: 'Shopping mall' },
  square: { zh: '广场', en: 'Square' },
  street: { zh: '街道沿线', en: 'Street' },
  office: { zh: '机关单位', en: 'Office' },
  other: { zh: '其他', en: 'Other' },
};

export const STATION_SERVICES = [
  'shelter', 'cooling', 'rest', 'water', 'charging', 'toilet', 'first_aid', 'microwave', 'reading', 'wifi', 'umbrella', 'heating',
] as const;
export type StationService = (typeof STATION_SERVICES)[number];
export const STATION_SERVICE_LABELS: Record<StationService, { zh: string; en: string }> = {
  shelter: { zh: '避雨', en: 'Shelter from rain' },
  cooling: { zh: '乘凉', en: 'Cool down' },
  rest: { zh: '歇脚', en: 'Rest' },
  water: { zh: '饮水', en: 'Drinking water' },
  charging: { zh: '充电', en: 'Phone charging' },
  toilet: { zh: '如厕', en: 'Toilet' },
  first_aid: { zh: '急救药箱', en: 'First-aid kit' },
  microwave: { zh: '微波炉', en: 'Microwave' },
  reading: { zh: '阅读', en: 'Reading' },
  wifi: { zh: '无线网络', en: 'Wi-Fi' },
  umbrella: { zh: '爱心雨伞', en: 'Umbrella loan' },
  heating: { zh: '取暖', en: 'Warm up' },
};

/** Who handed a room over (移交/腾退). */
export const ROOM_SOURCES = ['developer', 'property_company', 'government', 'enterprise', 'community_reclaimed', 'other'] as const;
export type RoomSource = (typeof ROOM_SOURCES)[number];
export const ROOM_SOURCE_LABELS: Record<RoomSource, { zh: string; en: string }> = {
  developer: { zh: '开发商移交', en: 'Developer' },
  property_company: { zh: '物业企业移交', en: 'Property company' },
  government: { zh: '机关部门移交', en: 'Government department' },
  enterprise: { zh: '驻区单位移交', en: 'Enterprise' },
  community_reclaimed: { zh: '社区腾退', en: 'Reclaimed by the community' },
  other: { zh: '其他', en: 'Other' },
};

export const ROOM_USES = ['party_activity', 'consultation', 'elderly_care', 'child_care', 'volunteer', 'culture', 'office', 'other'] as const;
export type RoomUse = (typeof ROOM_USES)[number];
export const ROOM_USE_LABELS: Record<RoomUse, { zh: string; en: string }> = {
  party_activity: { zh: '党群活动', en: 'Party activities' },
  consultation: { zh: '协商议事', en: 'Consultation' },
  elderly_care: { zh: '养老服务', en: 'Elderly care' },
  child_care: { zh: '托幼服务', en: 'Child care' },
  volunteer: { zh: '志愿服务', en: 'Volunteering' },
  culture: { zh: '文体活动', en: 'Culture and sport' },
  office: { zh: '办公场所', en: 'Office' },
  other: { zh: '其他', en: 'Other' },
};

export const STATION_LIMITS = {
  nameMax: 100,
  hoursMax: 100,
  addressMax: 200,
  noteMax: 500,
  handoverNoteMax: 200,
  visitorsMax: 100_000,
  participantsMax: 100_000,
  /** Square metres, two decimals. */
  areaMaxSqm: 1_000_000,
} as const;

/** A distance for people: 850 m, 1.2 km. */
export function formatDistance(metres: number, lang: 'zh' | 'en' = 'zh'): string {
  if (metres < 1000) return `${Math.round(metres)}${lang === 'zh' ? ' 米' : ' m'}`;
  return `${(metres / 1000).toFixed(metres < 10_000 ? 1 : 0)}${lang === 'zh' ? ' 公里' : ' km'}`;
}
