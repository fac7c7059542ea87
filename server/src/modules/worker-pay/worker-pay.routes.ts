import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  emptyBodySchema,
  idParamsSchema,
  payAdjustmentSchema,
  paySchemeCreateSchema,
  paySchemeListSchema,
  paySchemeSchema,
  paySheetComputeSchema,
  paySheetListQuerySchema,
  paySheetListSchema,
  paySheetSchema,
  promotionApplySchema,
  promotionDueListSchema,
  promotionDueQuerySchema,
  promotionResultSchema,
  promotionRulesSchema,
  promotionRulesUpdateSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { xlsxDownload } from '../../platform/excel/workbook.js';
import { WorkerPayService } from './worker-pay.service.js';
import { paySheetWorkbook } from './pay-export.js';

/** /api/worker-pay: the 三岗十八级 pay scheme, monthly pay sheets and promotions. */
export async function workerPayRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new WorkerPayService(deps.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['worker-pay'];
  const read = { access: 'workers.read' as const };
  const manage = { access: 'workers.manage' as const };
  const configure = { access: 'workers.configure' as const };

  // Scheme (薪酬方案): versioned; the newest is current.
  r.get('/schemes', { config: read, schema: { tags, summary: '薪酬方案各版本（新版本在前）', response: { 200: paySchemeListSchema } } }, async () => service.schemes());
  r.get('/schemes/current', { config: read, schema: { tags, summary: '现行薪酬方案', response: { 200: paySchemeSchema } } }, async () => service.currentScheme());
  r.post('/schemes', { config: configure, schema: { tags, summary: '保存为新版本薪酬方案', body: paySchemeCreateSchema, response: { 201: paySchemeSchema } } }, async (req, reply) => {
    const out = await service.createScheme(req.body, actorOf(req));
    reply.code(201);
    return out;
  });

  // Pay sheets (月度工资表).
  r.get('/sheets', { config: read, schema: { tags, querystring: paySheetListQuerySchema, response: { 200: paySheetListSchema } } }, async (req) => service.listSheets(authOf(req), req.query));
  r.post('/sheets', { config: manage, schema: { tags, summary: '计算或重新计算社区月度工资表', body: paySheetComputeSchema, response: { 200: paySheetSchema } } }, async (req) =>
    service.compute(authOf(req), req.body, actorOf(req)),
  );
  r.get('/sheets/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: paySheetSchema } } }, async (req) => service.getSheet(authOf(req), req.params.id));
  r.post('/sheets/:id/adjustments', { config: manage, schema: { tags, summary: '草稿工资表的个人调整', params: idParamsSchema, body: payAdjustmentSchema, response: { 200: paySheetSchema } } }, async (req) =>
    service.adjust(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/sheets/:id/review', { config: manage, schema: { tags, summary: '审核工资表', params: idParamsSchema, body: emptyBodySchema, response: { 200: paySheetSchema } } }, async (req) =>
    service.review(authOf(req), req.params.id, actorOf(req)),
  );
  r.post('/sheets/:id/lock', { config: configure, schema: { tags, summary: '锁定工资表', params: idParamsSchema, body: emptyBodySchema, response: { 200: paySheetSchema } } }, async (req) =>
    service.lock(authOf(req), req.params.id, actorOf(req)),
  );
  r.get('/sheets/:id/export.xlsx', { config: read, schema: { tags, summary: '导出工资表', params: idParamsSchema } }, async (req, reply) => {
    const { file, fileName } = await paySheetWorkbook(await service.getSheet(authOf(req), req.params.id));
    return xlsxDownload(reply, file, fileName);
  });

  // Promotions (晋级).
  r.get('/promotion-rules', { config: read, schema: { tags, summary: '晋级条件', response: { 200: promotionRulesSchema } } }, async () => service.promotionRules());
  r.post('/promotion-rules', { config: configure, schema: { tags, summary: '修改晋级条件', body: promotionRulesUpdateSchema, response: { 200: promotionRulesSchema } } }, async (req) =>
    service.updatePromotionRules(req.body, actorOf(req)),
  );
  r.get('/promotions/due', { config: read, schema: { tags, summary: '符合晋级条件的社区工作者', querystring: promotionDueQuerySchema, response: { 200: promotionDueListSchema } } }, async (req) =>
    service.due(authOf(req), req.query.communityId),
  );
  r.post('/promotions', { config: configure, schema: { tags, summary: '晋升一级', body: promotionApplySchema, response: { 200: promotionResultSchema } } }, async (req) =>
    service.promote(authOf(req), req.body, actorOf(req)),
  );
}
