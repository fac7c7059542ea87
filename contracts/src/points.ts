import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { POINT_ENTRY_KINDS, POINT_LIMITS as L, POINT_RULE_UNITS, POINT_SOURCE_TYPES } from './points-kinds.js';

export * from './points-kinds.js';

/**
 * Points (积分): earning rules, the ledger and corrections (/api/points/…, console), and the
 * phone side (/api/public/points/…): a member's statement and redemption code, red shops that
 * honour points, and a shop keeper's redemptions.
 */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM');

// ── Rules ───────────────────────────────────────────────────────────────────

export const pointRuleSchema = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  unit: z.enum(POINT_RULE_UNITS),
  points: z.number().int(),
  active: z.boolean(),
  /** Seeded by the platform and not reviewed by the county yet. */
  isDefault: z.boolean(),
  updatedAt: z.string(),
});
export type PointRuleDto = z.infer<typeof pointRuleSchema>;
export const pointRuleListSchema = z.object({ data: z.array(pointRuleSchema) });

export const pointRuleCodeParamsSchema = z.object({ code: z.string().regex(/^[a-z0-9_]{1,40}$/, '规则编码不正确') }).strict();

export const pointRuleUpdateSchema = z
  .object({
    points: z.number().int().min(0).max(L.rulePointsMax).optional(),
    active: z.boolean().optional(),
    name: text(L.ruleNameMax).optional(),
    description: z.string().trim().max(L.ruleDescriptionMax).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '请至少修改一项' });
export type PointRuleUpdate = z.infer<typeof pointRuleUpdateSchema>;

// ── Ledger and corrections ──────────────────────────────────────────────────

export const personIdParamsSchema = z.object({ personId: idSchema }).strict();

export const pointEntrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(POINT_ENTRY_KINDS),
  delta: z.number().int(),
  balanceAfter: z.number().int(),
  /** Why, in words: the rule's name, or the kind of correction or redemption. */
  label: z.string(),
  ruleCode: z.string().nullable(),
  sourceType: z.enum(POINT_SOURCE_TYPES).nullable(),
  sourceId: z.number().int().nullable(),
  reversesEntryId: z.number().int().nullable(),
  /** Set when a later entry reversed this one. */
  reversedByEntryId: z.number().int().nullable(),
  redemptionId: z.number().int().nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type PointEntryDto = z.infer<typeof pointEntrySchema>;

export const pointLedgerQuerySchema = paginationQuerySchema.strict();
export type PointLedgerQuery = z.infer<typeof pointLedgerQuerySchema>;
export const pointLedgerSchema = listResponse(pointEntrySchema).extend({ personId: z.number().int(), name: z.string(), balance: z.number().int() });
export type PointLedgerDto = z.infer<typeof pointLedgerSchema>;

export const pointReversalCreateSchema = z.object({ entryId: idSchema, reason: text(L.reasonMax) }).strict();
export type PointReversalCreate = z.infer<typeof pointReversalCreateSchema>;

export const pointAdjustmentCreateSchema = z
  .object({
    delta: z.number().int().min(-L.adjustMax).max(L.adjustMax).refine((d) => d !== 0, '调整分值不能为0'),
    reason: text(L.reasonMax),
  })
  .strict();
export type PointAdjustmentCreate = z.infer<typeof pointAdjustmentCreateSchema>;

/** A correction's result: the new entry and the balance after it. */
export const pointCorrectionSchema = z.object({ entry: pointEntrySchema, balance: z.number().int() });
export type PointCorrectionDto = z.infer<typeof pointCorrectionSchema>;

// ── Leaderboard, redemptions and statistics (console) ───────────────────────

export const pointLeaderboardQuerySchema = z.object({ nodeId: idSchema.optional(), month }).strict();
export type PointLeaderboardQuery = z.infer<typeof pointLeaderboardQuerySchema>;
export const pointLeaderboardSchema = z.object({
  month: z.string(),
  data: z.array(z.object({ rank: z.number().int(), personId: z.number().int(), name: z.string(), phone: z.string().nullable(), nodeName: z.string(), points: z.number().int() })),
});
export type PointLeaderboardDto = z.infer<typeof pointLeaderboardSchema>;

export const redemptionListQuerySchema = paginationQuerySchema.extend({ shopId: idSchema.optional(), month: month.optional() }).strict();
export type RedemptionListQuery = z.infer<typeof redemptionListQuerySchema>;
export const redemptionSchema = z.object({
  id: z.number().int(),
  shopId: z.number().int(),
  shopName: z.string(),
  personId: z.number().int(),
  memberName: z.string(),
  memberPhone: z.string().nullable(),
  points: z.number().int(),
  item: z.string(),
  createdAt: z.string(),
});
export type RedemptionDto = z.infer<typeof redemptionSchema>;
export const redemptionListSchema = listResponse(redemptionSchema);

export const redemptionStatsQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
export const redemptionStatsSchema = z.object({
  year: z.number().int(),
  data: z.array(z.object({ shopId: z.number().int(), shopName: z.string(), month: z.string(), redemptions: z.number().int(), points: z.number().int() })),
});
export type RedemptionStatsDto = z.infer<typeof redemptionStatsSchema>;

// ── Phone pages (/api/public/points) ────────────────────────────────────────

export const redemptionCodeSchema = z.object({ code: z.string(), expiresAt: z.string() });
export type RedemptionCodeDto = z.infer<typeof redemptionCodeSchema>;

export const myPointsSchema = z.object({
  balance: z.number().int(),
  thisMonthEarned: z.number().int(),
  entries: z.array(z.object({ id: z.number().int(), kind: z.enum(POINT_ENTRY_KINDS), delta: z.number().int(), balanceAfter: z.number().int(), label: z.string(), note: z.string().nullable(), createdAt: z.string() })),
});
export type MyPointsDto = z.infer<typeof myPointsSchema>;

export const publicPointShopsQuerySchema = z.object({ communityId: idSchema.optional() }).strict();
export const publicPointShopSchema = z.object({ id: z.number().int(), name: z.string(), services: z.array(z.string()), nodeName: z.string(), communityName: z.string().nullable(), address: z.string() });
export type PublicPointShopDto = z.infer<typeof publicPointShopSchema>;
export const publicPointShopListSchema = z.object({ data: z.array(publicPointShopSchema) });

export const redeemCreateSchema = z
  .object({
    shopId: idSchema,
    code: z.string().regex(new RegExp(`^\\d{${L.codeDigits}}$`), `兑换码为${L.codeDigits}位数字`),
    points: z.number().int().min(1).max(L.redeemMax),
    item: text(L.itemMax),
  })
  .strict();
export type RedeemCreate = z.infer<typeof redeemCreateSchema>;

/** What the keeper sees of a redemption: the member's name masked, never their balance. */
export const keeperRedemptionSchema = z.object({ redemptionId: z.number().int(), memberName: z.string(), points: z.number().int(), item: z.string(), createdAt: z.string() });
export type KeeperRedemptionDto = z.infer<typeof keeperRedemptionSchema>;
export const keeperRedemptionListSchema = listResponse(keeperRedemptionSchema);
export const keeperRedemptionQuerySchema = paginationQuerySchema.strict();
