import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  commentCreateSchema,
  commentHideSchema,
  commentListQuerySchema,
  commentListSchema,
  commentParamsSchema,
  commentReportSchema,
  commentSchema,
  consoleCommentListQuerySchema,
  emptyBodySchema,
  idParamsSchema,
  myTopicListSchema,
  okSchema,
  publicCommentListSchema,
  publicCommentSchema,
  publicTopicListQuerySchema,
  publicTopicListSchema,
  publicTopicSchema,
  residentNoticeListSchema,
  residentTopicCreateSchema,
  topicSupportSchema,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { actorOf, authOf, residentIfAny, residentOf } from '../../platform/http/access.js';
import { PublicTopicsService } from './public-topics.service.js';
import { TopicCommentsService } from './topic-comments.service.js';

const MINUTE = 60_000;

/** /api/consultations: the console's view of residents' comments and their moderation. */
export function topicCommentsRoutes(app: FastifyInstance, db: Db): void {
  const service = new TopicCommentsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consultations'];

  r.get(
    '/topics/:id/comments',
    { config: { access: 'consultations.read' }, schema: { tags, summary: '议题的居民留言（含已隐藏、举报情况）', params: idParamsSchema, querystring: consoleCommentListQuerySchema, response: { 200: commentListSchema } } },
    async (req) => service.consoleList(authOf(req), req.params.id, req.query),
  );
  r.post(
    '/comments/:id/hide',
    { config: { access: 'consultations.manage' }, schema: { tags, summary: '隐藏居民留言（保留原文并记录理由，通知留言人）', params: commentParamsSchema, body: commentHideSchema, response: { 200: commentSchema } } },
    async (req) => service.hide(authOf(req), req.params.id, req.body, actorOf(req)),
  );
}

/**
 * /api/public/consultations (云商量): reading is `public` (with the resident's own view when
 * the request carries a resident session), taking part is `resident` (same-origin POSTs,
 * checked by the access hook). Everything is rate-limited per client address.
 */
export function publicTopicsRoutes(app: FastifyInstance, db: Db): void {
  const topics = new PublicTopicsService(db);
  const comments = new TopicCommentsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  const read = { access: 'public' as const, optionalResident: true, rateLimit: { max: 300, timeWindow: MINUTE } };
  const write = (max: number) => ({ access: 'resident' as const, rateLimit: { max, timeWindow: MINUTE } });

  r.get('/topics', { config: read, schema: { tags, summary: '云商量：公开的议题', querystring: publicTopicListQuerySchema, response: { 200: publicTopicListSchema } } }, async (req) =>
    topics.list(req.query),
  );
  r.get('/my-topics', { config: write(120), schema: { tags, summary: '我提出的议题（含审查结果）', response: { 200: myTopicListSchema } } }, async (req) =>
    topics.myTopics(residentOf(req)),
  );
  r.get('/topics/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: publicTopicSchema } } }, async (req) => topics.get(req.params.id, residentIfAny(req)));
  r.post('/topics', { config: write(30), schema: { tags, summary: '居民提出议题（进入审查）', body: residentTopicCreateSchema, response: { 201: publicTopicSchema } } }, async (req, reply) => {
    reply.code(201);
    return topics.raise(residentOf(req), req.body, req.ip);
  });
  r.post(
    '/topics/:id/support',
    { config: write(60), schema: { tags, summary: '支持议题（问诉求阶段，每人一次）', params: idParamsSchema, body: emptyBodySchema, response: { 200: topicSupportSchema, 201: topicSupportSchema } } },
    async (req, reply) => {
      const { created, ...result } = await topics.support(req.params.id, residentOf(req), req.ip);
      reply.code(created ? 201 : 200);
      return result;
    },
  );
  r.get(
    '/topics/:id/comments',
    { config: read, schema: { tags, summary: '议题留言', params: idParamsSchema, querystring: commentListQuerySchema, response: { 200: publicCommentListSchema } } },
    async (req) => comments.publicList(req.params.id, residentIfAny(req), req.query),
  );
  r.post('/topics/:id/comments', { config: write(60), schema: { tags, summary: '发表留言（议事中）', params: idParamsSchema, body: commentCreateSchema, response: { 201: publicCommentSchema } } }, async (req, reply) => {
    reply.code(201);
    return comments.create(req.params.id, residentOf(req), req.body, req.ip);
  });
  r.post('/comments/:id/report', { config: write(60), schema: { tags, summary: '举报留言（每人一次）', params: commentParamsSchema, body: commentReportSchema, response: { 201: publicCommentSchema } } }, async (req, reply) => {
    reply.code(201);
    return comments.report(req.params.id, residentOf(req), req.body, req.ip);
  });
}

/** /api/public/resident/notices: what the platform told a verified resident (a hidden comment, a screening outcome). */
export function residentNoticesRoutes(app: FastifyInstance, db: Db): void {
  const topics = new PublicTopicsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  const config = { access: 'resident' as const, rateLimit: { max: 120, timeWindow: MINUTE } };

  r.get('/notices', { config, schema: { tags, summary: '我的消息', response: { 200: residentNoticeListSchema } } }, async (req) => topics.notices(residentOf(req)));
  r.post('/notices/read', { config, schema: { tags, summary: '全部标为已读', body: emptyBodySchema, response: { 200: okSchema } } }, async (req) => topics.readNotices(residentOf(req), req.ip));
}
