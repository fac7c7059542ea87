import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assessmentRoundCreateSchema,
  assessmentRoundListQuerySchema,
  assessmentRoundListSchema,
  assessmentRoundSchema,
  assessmentRowResponseSchema,
  assessmentScoreBodySchema,
  assessmentScoreParamsSchema,
  emptyBodySchema,
  idParamsSchema,
  trainingAttendanceBodySchema,
  trainingAttendanceResultSchema,
  trainingCourseCreateSchema,
  trainingCourseDetailSchema,
  trainingCourseListQuerySchema,
  trainingCourseListSchema,
  trainingRequirementBodySchema,
  trainingRequirementSchema,
  trainingShortfallSchema,
  trainingYearQuerySchema,
  workerPickListSchema,
  workerRecordParamsSchema,
  workerRecordSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { xlsxDownload } from '../../platform/excel/workbook.js';
import { WorkerDevelopmentService } from './worker-development.service.js';
import { trainingYearWorkbook } from './training-export.js';

/** /api/worker-development: performance assessment rounds (绩效考核) and training (教育培训) of community workers. */
export async function workerDevelopmentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new WorkerDevelopmentService(deps.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['worker-development'];
  const read = { access: 'workers.read' as const };
  const manage = { access: 'workers.manage' as const };

  // Assessment rounds.
  r.get('/rounds', { config: read, schema: { tags, summary: '考核轮次', querystring: assessmentRoundListQuerySchema, response: { 200: assessmentRoundListSchema } } }, async (req) =>
    service.listRounds(authOf(req), req.query),
  );
  r.post('/rounds', { config: manage, schema: { tags, summary: '开启考核', body: assessmentRoundCreateSchema, response: { 201: assessmentRoundSchema } } }, async (req, reply) => {
    const out = await service.openRound(authOf(req), req.body, actorOf(req));
    reply.code(201);
    return out;
  });
  r.get('/rounds/:id', { config: read, schema: { tags, summary: '考核轮次与结果', params: idParamsSchema, response: { 200: assessmentRoundSchema } } }, async (req) =>
    service.getRound(authOf(req), req.params.id),
  );
  r.put(
    '/rounds/:id/results/:workerId',
    { config: manage, schema: { tags, summary: '为社区工作者评分（考核结束前可修改）', params: assessmentScoreParamsSchema, body: assessmentScoreBodySchema, response: { 200: assessmentRowResponseSchema } } },
    async (req) => service.score(authOf(req), req.params.id, req.params.workerId, req.body, actorOf(req)),
  );
  r.post(
    '/rounds/:id/close',
    { config: manage, schema: { tags, summary: '结束考核', params: idParamsSchema, body: emptyBodySchema, response: { 200: assessmentRoundSchema } } },
    async (req) => service.closeRound(authOf(req), req.params.id, actorOf(req)),
  );

  // Training.
  r.get('/courses', { config: read, schema: { tags, summary: '培训课程', querystring: trainingCourseListQuerySchema, response: { 200: trainingCourseListSchema } } }, async (req) =>
    service.listCourses(authOf(req), req.query.year),
  );
  r.post('/courses', { config: manage, schema: { tags, summary: '登记培训课程', body: trainingCourseCreateSchema, response: { 201: trainingCourseDetailSchema } } }, async (req, reply) => {
    const out = await service.createCourse(authOf(req), req.body, actorOf(req));
    reply.code(201);
    return out;
  });
  r.get('/courses/:id', { config: read, schema: { tags, summary: '培训课程与参训记录', params: idParamsSchema, response: { 200: trainingCourseDetailSchema } } }, async (req) =>
    service.getCourse(authOf(req), req.params.id),
  );
  r.put(
    '/courses/:id/attendance',
    { config: manage, schema: { tags, summary: '登记参训情况（学时、是否合格、证书）', params: idParamsSchema, body: trainingAttendanceBodySchema, response: { 200: trainingAttendanceResultSchema } } },
    async (req) => service.recordAttendance(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.get('/training/requirement', { config: read, schema: { tags, summary: '每年应修培训学时', response: { 200: trainingRequirementSchema } } }, async () => service.requirement());
  r.put(
    '/training/requirement',
    { config: { access: 'workers.configure' }, schema: { tags, summary: '设置每年应修培训学时', body: trainingRequirementBodySchema, response: { 200: trainingRequirementSchema } } },
    async (req) => service.setRequirement(req.body.hours, actorOf(req)),
  );
  r.get('/training/shortfall', { config: read, schema: { tags, summary: '年度培训学时不足名单', querystring: trainingYearQuerySchema, response: { 200: trainingShortfallSchema } } }, async (req) =>
    service.shortfall(authOf(req), req.query.year),
  );
  r.get('/training/record.xlsx', { config: read, schema: { tags, summary: '导出年度培训记录', querystring: trainingYearQuerySchema } }, async (req, reply) => {
    const { rows, totals, required } = await service.exportRows(authOf(req), req.query.year);
    const { file, fileName } = await trainingYearWorkbook(req.query.year, totals, rows, required);
    return xlsxDownload(reply, file, fileName);
  });

  r.get('/workers', { config: manage, schema: { tags, summary: '可登记的在岗社区工作者（选择用）', response: { 200: workerPickListSchema } } }, async (req) => service.pickList(authOf(req)));

  // A worker's assessments and training (the worker detail page).
  r.get('/workers/:workerId/record', { config: read, schema: { tags, summary: '社区工作者的考核与培训记录', params: workerRecordParamsSchema, response: { 200: workerRecordSchema } } }, async (req) =>
    service.workerRecord(authOf(req), req.params.workerId),
  );
}
