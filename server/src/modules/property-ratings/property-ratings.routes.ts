import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  companyGradeHistorySchema,
  companyRankingQuerySchema,
  companyRankingSchema,
  emptyBodySchema,
  idParamsSchema,
  myScoringSchema,
  propertyRatingSchema,
  ratingPeriodCreateSchema,
  ratingPeriodListQuerySchema,
  ratingPeriodListSchema,
  ratingPeriodSchema,
  ratingPublishResultSchema,
  ratingRemindResultSchema,
  ratingSchemeCreateSchema,
  ratingSchemeListSchema,
  ratingSchemeSchema,
  ratingScorecardBodySchema,
  ratingScorecardParamsSchema,
  ratingScorecardSchema,
  rectificationListQuerySchema,
  rectificationListSchema,
  rectificationReportSchema,
  rectificationSchema,
  rectificationVerifySchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { xlsxDownload } from '../../platform/excel/workbook.js';
import { PropertyRatingsService } from './property-ratings.service.js';
import { periodResultsWorkbook, rankingWorkbook } from './rating-export.js';

/** /api/property-ratings: the four-colour assessment's scheme, periods, scorecards, results and consequences. */
export async function propertyRatingsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new PropertyRatingsService(deps.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['property-ratings'];
  const read = { access: 'ratings.read' as const };
  const manage = { access: 'ratings.manage' as const };
  const publish = { access: 'ratings.publish' as const };
  const score = { access: 'ratings.score' as const };

  // Schemes (考核方案): versioned; the newest is current.
  r.get('/schemes', { config: read, schema: { tags, summary: '考核方案各版本（新版本在前）', response: { 200: ratingSchemeListSchema } } }, async () => service.schemes());
  r.get('/schemes/current', { config: read, schema: { tags, summary: '现行考核方案', response: { 200: ratingSchemeSchema } } }, async () => service.currentScheme());
  r.post(
    '/schemes',
    { config: { access: 'ratings.configure' }, schema: { tags, summary: '保存为新版本考核方案', body: ratingSchemeCreateSchema, response: { 201: ratingSchemeSchema } } },
    async (req, reply) => {
      const out = await service.createScheme(req.body, actorOf(req));
      reply.code(201);
      return out;
    },
  );

  // Periods (考核期).
  r.get('/periods', { config: read, schema: { tags, querystring: ratingPeriodListQuerySchema, response: { 200: ratingPeriodListSchema } } }, async (req) =>
    service.listPeriods(authOf(req), req.query),
  );
  r.post('/periods', { config: manage, schema: { tags, summary: '开启考核期', body: ratingPeriodCreateSchema, response: { 201: ratingPeriodSchema } } }, async (req, reply) => {
    const out = await service.createPeriod(authOf(req), req.body, actorOf(req));
    reply.code(201);
    return out;
  });
  r.get('/periods/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: ratingPeriodSchema } } }, async (req) =>
    service.getPeriod(authOf(req), req.params.id),
  );
  r.post(
    '/periods/:id/close',
    { config: manage, schema: { tags, summary: '结束评分并计算总分与等级', params: idParamsSchema, body: emptyBodySchema, response: { 200: ratingPeriodSchema } } },
    async (req) => service.closePeriod(authOf(req), req.params.id, actorOf(req)),
  );
  r.post(
    '/periods/:id/remind',
    { config: manage, schema: { tags, summary: '催办未提交评分的评分人', params: idParamsSchema, body: emptyBodySchema, response: { 200: ratingRemindResultSchema } } },
    async (req) => service.remind(authOf(req), req.params.id, actorOf(req)),
  );
  r.post(
    '/periods/:id/publish',
    { config: publish, schema: { tags, summary: '发布本期范围内已结束评分的考核结果', params: idParamsSchema, body: emptyBodySchema, response: { 200: ratingPublishResultSchema } } },
    async (req) => service.publishPeriod(authOf(req), req.params.id, actorOf(req)),
  );
  r.get('/periods/:id/results.xlsx', { config: read, schema: { tags, summary: '导出本期考核结果', params: idParamsSchema } }, async (req, reply) => {
    const { period, sourceScores } = await service.periodForExport(authOf(req), req.params.id);
    const { file, fileName } = await periodResultsWorkbook(period, sourceScores);
    return xlsxDownload(reply, file, fileName);
  });

  // Ratings and the staff scorecards.
  r.get('/ratings/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: propertyRatingSchema } } }, async (req) =>
    service.getRating(authOf(req), req.params.id),
  );
  r.put(
    '/ratings/:id/scorecards/:source',
    { config: score, schema: { tags, summary: '提交或修改小区党支部 / 社区评分', params: ratingScorecardParamsSchema, body: ratingScorecardBodySchema, response: { 200: ratingScorecardSchema } } },
    async (req) => service.putStaffCard(authOf(req), req.params.id, req.params.source, req.body, actorOf(req)),
  );
  r.post(
    '/ratings/:id/publish',
    { config: publish, schema: { tags, summary: '发布一个小区的考核结果', params: idParamsSchema, body: emptyBodySchema, response: { 200: propertyRatingSchema } } },
    async (req) => service.publishRating(authOf(req), req.params.id, actorOf(req)),
  );
  r.get('/scoring', { config: score, schema: { tags, summary: '我的评分任务', response: { 200: myScoringSchema } } }, async (req) => service.myScoring(authOf(req)));

  // Rectification notices (整改通知).
  r.get('/rectifications', { config: read, schema: { tags, querystring: rectificationListQuerySchema, response: { 200: rectificationListSchema } } }, async (req) =>
    service.listRectifications(authOf(req), req.query),
  );
  r.post(
    '/rectifications/:id/report',
    { config: manage, schema: { tags, summary: '登记物业企业整改情况', params: idParamsSchema, body: rectificationReportSchema, response: { 200: rectificationSchema } } },
    async (req) => service.reportRectification(authOf(req), req.params.id, req.body.report, actorOf(req)),
  );
  r.post(
    '/rectifications/:id/verify',
    { config: manage, schema: { tags, summary: '验收整改', params: idParamsSchema, body: rectificationVerifySchema, response: { 200: rectificationSchema } } },
    async (req) => service.verifyRectification(authOf(req), req.params.id, req.body.note, actorOf(req)),
  );

  // Companies: rankings and grade history.
  r.get('/companies', { config: read, schema: { tags, summary: '物业企业考核排名', querystring: companyRankingQuerySchema, response: { 200: companyRankingSchema } } }, async (req) =>
    service.companies(authOf(req), req.query.periodId),
  );
  r.get('/companies.xlsx', { config: read, schema: { tags, summary: '导出物业企业考核排名', querystring: companyRankingQuerySchema } }, async (req, reply) => {
    const { file, fileName } = await rankingWorkbook(await service.companies(authOf(req), req.query.periodId));
    return xlsxDownload(reply, file, fileName);
  });
  r.get('/companies/:id/history', { config: read, schema: { tags, summary: '物业企业历次考核等级', params: idParamsSchema, response: { 200: companyGradeHistorySchema } } }, async (req) =>
    service.companyHistory(authOf(req), req.params.id),
  );
}
