import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  emptyBodySchema,
  idParamsSchema,
  keeperRedemptionListSchema,
  keeperRedemptionQuerySchema,
  keeperRedemptionSchema,
  myPointsSchema,
  personIdParamsSchema,
  pointAdjustmentCreateSchema,
  pointCorrectionSchema,
  pointLeaderboardQuerySchema,
  pointLeaderboardSchema,
  pointLedgerQuerySchema,
  pointLedgerSchema,
  pointReversalCreateSchema,
  pointRuleCodeParamsSchema,
  pointRuleListSchema,
  pointRuleSchema,
  pointRuleUpdateSchema,
  publicPointShopListSchema,
  publicPointShopsQuerySchema,
  redeemCreateSchema,
  redemptionCodeSchema,
  redemptionListQuerySchema,
  redemptionListSchema,
  redemptionStatsQuerySchema,
  redemptionStatsSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf, residentOf } from '../../platform/http/access.js';
import { PointsService } from './points.service.js';
import { RedemptionsService } from './redemptions.service.js';

const MINUTE = 60_000;

/** /api/points (积分): rules, ledgers, corrections, the leaderboard, and red-shop redemptions with their statistics. */
export async function pointsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new PointsService(db);
  const redemptions = new RedemptionsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['points'];
  const read = { access: 'points.read' as const };
  const manage = { access: 'points.manage' as const };

  r.get('/rules', { config: read, schema: { tags, summary: '积分规则', response: { 200: pointRuleListSchema } } }, async () => service.rules());
  r.patch('/rules/:code', { config: { access: 'points.configure' }, schema: { tags, summary: '修改积分规则（县级）', params: pointRuleCodeParamsSchema, body: pointRuleUpdateSchema, response: { 200: pointRuleSchema } } }, async (req) =>
    service.updateRule(req.params.code, req.body, actorOf(req)),
  );
  r.get('/people/:personId/ledger', { config: read, schema: { tags, summary: '个人积分明细（最新在前）', params: personIdParamsSchema, querystring: pointLedgerQuerySchema, response: { 200: pointLedgerSchema } } }, async (req) =>
    service.ledger(authOf(req), req.params.personId, req.query),
  );
  r.post('/people/:personId/reversals', { config: manage, schema: { tags, summary: '冲正一条积分记录（新增反向记录，不修改原记录）', params: personIdParamsSchema, body: pointReversalCreateSchema, response: { 201: pointCorrectionSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.reverse(authOf(req), req.params.personId, req.body, actorOf(req));
  });
  r.post('/people/:personId/adjustments', { config: manage, schema: { tags, summary: '人工加分或扣分（余额不能为负）', params: personIdParamsSchema, body: pointAdjustmentCreateSchema, response: { 201: pointCorrectionSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.adjust(authOf(req), req.params.personId, req.body, actorOf(req));
  });
  r.get('/leaderboard', { config: read, schema: { tags, summary: '月度积分榜（前50名）', querystring: pointLeaderboardQuerySchema, response: { 200: pointLeaderboardSchema } } }, async (req) =>
    service.leaderboard(authOf(req), req.query),
  );
  r.get('/redemptions', { config: read, schema: { tags, summary: '红色小店兑换记录', querystring: redemptionListQuerySchema, response: { 200: redemptionListSchema } } }, async (req) =>
    redemptions.list(authOf(req), req.query),
  );
  r.get('/redemptions/stats', { config: read, schema: { tags, summary: '兑换统计：按小店、按月', querystring: redemptionStatsQuerySchema, response: { 200: redemptionStatsSchema } } }, async (req) =>
    redemptions.stats(authOf(req), req.query.year),
  );
}

/**
 * /api/public/points: a verified resident's statement and redemption codes, red shops that
 * honour points (public, no personal data), and a keeper's redemptions at their shop.
 */
export async function publicPointsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new RedemptionsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  const resident = (max: number) => ({ access: 'resident' as const, rateLimit: { max, timeWindow: MINUTE } });

  r.get('/me', { config: resident(120), schema: { tags, summary: '我的积分', response: { 200: myPointsSchema } } }, async (req) => service.me(residentOf(req)));
  r.post('/redemption-code', { config: resident(20), schema: { tags, summary: '生成兑换码（8位，10分钟内有效，一次有效）', body: emptyBodySchema, response: { 201: redemptionCodeSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.issueCode(residentOf(req), req.ip);
  });
  r.get('/shops', { config: { access: 'public', rateLimit: { max: 120, timeWindow: MINUTE } }, schema: { tags, summary: '可用积分兑换的红色小店', querystring: publicPointShopsQuerySchema, response: { 200: publicPointShopListSchema } } }, async (req) =>
    service.publicShops(req.query.communityId),
  );
  r.get('/my-shops', { config: resident(120), schema: { tags, summary: '我经营的红色小店', response: { 200: publicPointShopListSchema } } }, async (req) => service.myShops(residentOf(req)));
  r.post('/redeem', { config: resident(30), schema: { tags, summary: '店主办理积分兑换', body: redeemCreateSchema, response: { 201: keeperRedemptionSchema } } }, async (req, reply) => {
    const res = await service.redeem(residentOf(req), req.body, req.ip);
    reply.code(201);
    return res;
  });
  r.get('/shops/:id/redemptions', { config: resident(120), schema: { tags, summary: '本店兑换记录（店主）', params: idParamsSchema, querystring: keeperRedemptionQuerySchema, response: { 200: keeperRedemptionListSchema } } }, async (req) =>
    service.shopHistory(residentOf(req), req.params.id, req.query),
  );
}
