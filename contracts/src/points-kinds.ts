/** Points (积分): values without zod, for the server and the phone and console pages. */

export const POINT_RULE_UNITS = ['hour', 'activity', 'action', 'month'] as const;
export type PointRuleUnit = (typeof POINT_RULE_UNITS)[number];
export const POINT_RULE_UNIT_LABELS: Record<PointRuleUnit, { zh: string; en: string }> = {
  hour: { zh: '每小时', en: 'per hour' },
  activity: { zh: '每次活动', en: 'per activity' },
  action: { zh: '每次', en: 'per action' },
  month: { zh: '每月', en: 'per month' },
};

/** What a ledger entry is: an earning by a rule, a reversing correction, a manual adjustment or a redemption at a red shop. */
export const POINT_ENTRY_KINDS = ['earn', 'reversal', 'adjustment', 'redemption'] as const;
export type PointEntryKind = (typeof POINT_ENTRY_KINDS)[number];
export const POINT_ENTRY_KIND_LABELS: Record<PointEntryKind, { zh: string; en: string }> = {
  earn: { zh: '获得积分', en: 'Earned' },
  reversal: { zh: '冲正', en: 'Reversal' },
  adjustment: { zh: '人工调整', en: 'Adjustment' },
  redemption: { zh: '红色小店兑换', en: 'Redeemed at a red shop' },
};

export const POINT_SOURCE_TYPES = ['volunteer_attendance', 'consultation_participation', 'steward_duty', 'correction', 'other', 'redemption'] as const;
export type PointSourceType = (typeof POINT_SOURCE_TYPES)[number];

export const POINT_LIMITS = {
  rulePointsMax: 10_000,
  /** A manual adjustment, and one redemption, move at most this many points. */
  adjustMax: 10_000,
  redeemMax: 10_000,
  reasonMax: 200,
  itemMax: 100,
  ruleNameMax: 50,
  ruleDescriptionMax: 500,
  codeDigits: 8,
  codeTtlMinutes: 10,
  /** Unused codes a member may hold at once (one per shop visit); a further code closes the oldest. */
  openCodesMax: 3,
  /** Wrong codes a shop may type per window before it has to wait. */
  redeemFailuresMax: 10,
  redeemFailureWindowMinutes: 10,
  leaderboardSize: 50,
  statementSize: 50,
} as const;
