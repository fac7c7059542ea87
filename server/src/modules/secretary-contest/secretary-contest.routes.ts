import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  contestCreateSchema,
  contestDetailSchema,
  contestEntryParamsSchema,
  contestListSchema,
  contestRewardsBodySchema,
  emptyBodySchema,
  idParamsSchema,
  judgeCandidateListSchema,
  judgeScoreBodySchema,
  medalHistorySchema,
  paperSchema,
  paperSubmitSchema,
  questionCreateSchema,
  questionListSchema,
  questionSchema,
  workerIdParamsSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { sheetBuffer, xlsxDownload } from '../../platform/excel/workbook.js';
import { QUESTION_EXPORT_COLUMNS, QUESTION_IMPORT, questionImportHandler } from './secretary-contest.excel.js';
import { SecretaryContestService } from './secretary-contest.service.js';

/**
 * /api/secretary-contests: the monthly secretary contest (擂台比武). Judges are appointed per contest
 * (contest.score plus the appointment) and contestants found by their community_secretary grant (contest.answer).
 */
export async function secretaryContestRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new SecretaryContestService(deps.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['secretary-contest'];
  const read = { access: 'contest.read' as const };
  const manage = { access: 'contest.manage' as const };
  const score = { access: 'contest.score' as const };
  const answer = { access: 'contest.answer' as const };

  // Question bank.
  r.get('/questions', { config: manage, schema: { tags, summary: '擂台比武题库', response: { 200: questionListSchema } } }, async () => service.listQuestions());
  r.post('/questions', { config: manage, schema: { tags, summary: '新增试题', body: questionCreateSchema, response: { 201: questionSchema } } }, async (req, reply) => {
    const out = await service.createQuestion(req.body, actorOf(req));
    reply.code(201);
    return out;
  });
  r.post('/questions/:id/retire', { config: manage, schema: { tags, summary: '停用试题', params: idParamsSchema, body: emptyBodySchema, response: { 200: questionSchema } } }, async (req) =>
    service.retireQuestion(req.params.id, actorOf(req)),
  );

  // The bank's Excel import (template, upload, per-row report) and export, in a child context:
  // the upload parser must not make the JSON routes accept multipart bodies.
  await app.register(
    async (excel) => {
      await registerImportRoutes(excel, { db: deps.db, access: 'contest.manage', tags, spec: QUESTION_IMPORT, handler: (req) => questionImportHandler(actorOf(req).userId) });
      excel.get('/export', { config: manage, schema: { tags, summary: '导出题库（.xlsx，可修改后重新导入）' } }, async (_req, reply) =>
        xlsxDownload(reply, await sheetBuffer('擂台比武题库', QUESTION_EXPORT_COLUMNS, (await service.listQuestions()).data), '擂台比武题库.xlsx'),
      );
    },
    { prefix: '/questions' },
  );

  // Who may be appointed a judge (console users holding a role that may score; names only).
  r.get('/judge-candidates', { config: manage, schema: { tags, summary: '评委候选人', response: { 200: judgeCandidateListSchema } } }, async () => service.judgeCandidates());

  // A secretary's medal history.
  r.get('/workers/:workerId/medals', { config: read, schema: { tags, summary: '社区书记的奖牌记录与走势', params: workerIdParamsSchema, response: { 200: medalHistorySchema } } }, async (req) =>
    service.history(authOf(req), req.params.workerId),
  );

  // Contests.
  r.get('/', { config: read, schema: { tags, summary: '擂台比武列表', response: { 200: contestListSchema } } }, async (req) => service.list(authOf(req)));
  r.post('/', { config: manage, schema: { tags, summary: '创建月度擂台比武', body: contestCreateSchema, response: { 201: contestDetailSchema } } }, async (req, reply) => {
    const out = await service.create(authOf(req), req.body, actorOf(req));
    reply.code(201);
    return out;
  });
  r.get('/:id', { config: read, schema: { tags, summary: '擂台比武详情与结果', params: idParamsSchema, response: { 200: contestDetailSchema } } }, async (req) => service.get(authOf(req), req.params.id));
  r.put(
    '/:id/entries/:entryId/scores/:part',
    { config: score, schema: { tags, summary: '评委评分（每位评委每人每环节一次）', params: contestEntryParamsSchema, body: judgeScoreBodySchema, response: { 200: contestDetailSchema } } },
    async (req) => service.score(authOf(req), req.params.id, req.params.entryId, req.params.part, req.body.score, actorOf(req)),
  );
  r.post('/:id/close', { config: manage, schema: { tags, summary: '结束比武并计算名次', params: idParamsSchema, body: emptyBodySchema, response: { 200: contestDetailSchema } } }, async (req) =>
    service.close(authOf(req), req.params.id, actorOf(req)),
  );
  r.put('/:id/rewards', { config: manage, schema: { tags, summary: '登记奖励', params: idParamsSchema, body: contestRewardsBodySchema, response: { 200: contestDetailSchema } } }, async (req) =>
    service.rewards(authOf(req), req.params.id, req.body, actorOf(req)),
  );

  // Knowledge test (the contestant's own paper).
  r.get('/:id/test', { config: read, schema: { tags, summary: '我的知识测试试卷', params: idParamsSchema, response: { 200: paperSchema } } }, async (req) => service.getPaper(authOf(req), req.params.id));
  r.post('/:id/test/start', { config: answer, schema: { tags, summary: '开始知识测试（开始计时）', params: idParamsSchema, body: emptyBodySchema, response: { 200: paperSchema } } }, async (req) =>
    service.startTest(authOf(req), req.params.id, actorOf(req)),
  );
  r.post('/:id/test/submit', { config: answer, schema: { tags, summary: '提交知识测试', params: idParamsSchema, body: paperSubmitSchema, response: { 200: paperSchema } } }, async (req) =>
    service.submitTest(authOf(req), req.params.id, req.body, actorOf(req)),
  );
}
