import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  similarTopicListSchema,
  similarTopicQuerySchema,
  topicAdvanceBodySchema,
  topicCloseSchema,
  topicCreateSchema,
  topicDecisionSchema,
  topicDetailSchema,
  topicListQuerySchema,
  topicListSchema,
  topicOptionCreateSchema,
  topicRecordSchema,
  topicScreenSchema,
  topicTaskCreateSchema,
  topicTaskParamsSchema,
  topicTaskTicketSchema,
  topicTaskUpdateSchema,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { TopicStepsService } from './topic-steps.service.js';
import { TopicTaskTicketsService } from './topic-task-tickets.service.js';
import { TopicsService } from './topics.service.js';

/**
 * /api/consultations/topics: reading needs consultations.read, raising consultations.raise,
 * everything else consultations.manage (the service checks the topic's node against each scope).
 */
export function topicsRoutes(app: FastifyInstance, db: Db): void {
  const topics = new TopicsService(db);
  const steps = new TopicStepsService(db);
  const taskTickets = new TopicTaskTicketsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consultations'];
  const read = { access: 'consultations.read' as const };
  const manage = { access: 'consultations.manage' as const };
  const detail = { 200: topicDetailSchema };

  r.get('/topics', { config: read, schema: { tags, querystring: topicListQuerySchema, response: { 200: topicListSchema } } }, async (req) => topics.list(authOf(req), req.query));
  r.get('/topics/similar', { config: read, schema: { tags, summary: '同一社区中标题相近的未办结议题', querystring: similarTopicQuerySchema, response: { 200: similarTopicListSchema } } }, async (req) =>
    topics.similar(authOf(req), req.query),
  );
  r.get('/topics/:id', { config: read, schema: { tags, params: idParamsSchema, response: detail } }, async (req) => topics.get(authOf(req), req.params.id));
  r.post('/topics', { config: { access: 'consultations.raise' }, schema: { tags, body: topicCreateSchema, response: { 201: topicDetailSchema } } }, async (req, reply) => {
    reply.code(201);
    return topics.create(authOf(req), req.body, actorOf(req));
  });
  r.post('/topics/:id/screen', { config: manage, schema: { tags, summary: '按“七议五不议”审查议题', params: idParamsSchema, body: topicScreenSchema, response: detail } }, async (req) =>
    topics.screen(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/topics/:id/close', { config: manage, schema: { tags, summary: '终止议题（重复、撤回等）', params: idParamsSchema, body: topicCloseSchema, response: detail } }, async (req) =>
    topics.close(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/topics/:id/advance', { config: manage, schema: { tags, summary: '进入五步工作法的下一步', params: idParamsSchema, body: topicAdvanceBodySchema, response: detail } }, async (req) =>
    steps.advance(authOf(req), req.params.id, req.body ?? {}, actorOf(req)),
  );
  r.post('/topics/:id/record', { config: manage, schema: { tags, summary: '填写当前步骤的记录', params: idParamsSchema, body: topicRecordSchema, response: detail } }, async (req) =>
    steps.record(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/topics/:id/options', { config: manage, schema: { tags, summary: '提方案：新增方案', params: idParamsSchema, body: topicOptionCreateSchema, response: detail } }, async (req) =>
    steps.addOption(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/topics/:id/decision', { config: manage, schema: { tags, summary: '议事项：记录决定', params: idParamsSchema, body: topicDecisionSchema, response: detail } }, async (req) =>
    steps.decide(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/topics/:id/tasks', { config: manage, schema: { tags, summary: '快办理：新增任务', params: idParamsSchema, body: topicTaskCreateSchema, response: detail } }, async (req) =>
    steps.addTask(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.patch('/topics/:id/tasks/:taskId', { config: manage, schema: { tags, summary: '快办理：更新任务进度', params: topicTaskParamsSchema, body: topicTaskUpdateSchema, response: detail } }, async (req) =>
    steps.updateTask(authOf(req), req.params.id, req.params.taskId, req.body, actorOf(req)),
  );
  r.post('/topics/:id/tasks/:taskId/ticket', { config: manage, schema: { tags, summary: '快办理：任务转为工单（闭环办理）', params: topicTaskParamsSchema, body: topicTaskTicketSchema, response: { 201: topicDetailSchema } } }, async (req, reply) => {
    reply.code(201);
    return taskTickets.openTicket(authOf(req), req.params.id, req.params.taskId, req.body, actorOf(req));
  });
}
