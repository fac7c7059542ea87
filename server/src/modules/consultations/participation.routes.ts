import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  questionnaireAnswerSchema,
  questionnaireSchema,
  questionnaireSetSchema,
  ratingCreateSchema,
  ratingSummarySchema,
  topicParticipationSchema,
  voteBallotSchema,
  voteCastSchema,
  voteCloseSchema,
  voteOpenSchema,
  voteSchema,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { actorOf, authOf, residentOf } from '../../platform/http/access.js';
import { ParticipationService } from './participation.service.js';
import { VotesService } from './votes.service.js';

const MINUTE = 60_000;

/** /api/consultations: questionnaire, online vote and ratings of a topic, as the console runs them. */
export function participationRoutes(app: FastifyInstance, db: Db): void {
  const participation = new ParticipationService(db);
  const votes = new VotesService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consultations'];
  const manage = { access: 'consultations.manage' as const };

  r.get('/topics/:id/participation', { config: { access: 'consultations.read' }, schema: { tags, summary: '居民参与情况：支持、留言、问卷、投票、评价', params: idParamsSchema, response: { 200: topicParticipationSchema } } }, async (req) =>
    participation.view(authOf(req), req.params.id),
  );
  r.put('/topics/:id/questionnaire', { config: manage, schema: { tags, summary: '问诉求：发布或修改问卷（无人作答前）', params: idParamsSchema, body: questionnaireSetSchema, response: { 200: questionnaireSchema } } }, async (req) =>
    participation.setQuestionnaire(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/topics/:id/vote', { config: manage, schema: { tags, summary: '议事项：发起线上投票', params: idParamsSchema, body: voteOpenSchema, response: { 201: voteSchema } } }, async (req, reply) => {
    reply.code(201);
    return votes.open(authOf(req), req.params.id, req.body, actorOf(req));
  });
  r.post('/topics/:id/vote/close', { config: manage, schema: { tags, summary: '结束线上投票（可将得票最多的方案作为议事决定）', params: idParamsSchema, body: voteCloseSchema, response: { 200: voteSchema } } }, async (req) =>
    votes.close(authOf(req), req.params.id, req.body, actorOf(req)),
  );
}

/** /api/public/consultations: a verified resident answers, votes and rates (`access: 'resident'`, same-origin POST). */
export function publicParticipationRoutes(app: FastifyInstance, db: Db): void {
  const participation = new ParticipationService(db);
  const votes = new VotesService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  const resident = { access: 'resident' as const, rateLimit: { max: 60, timeWindow: MINUTE } };

  r.post('/topics/:id/questionnaire/answers', { config: resident, schema: { tags, summary: '居民填写问卷（每人一次）', params: idParamsSchema, body: questionnaireAnswerSchema, response: { 201: questionnaireSchema } } }, async (req, reply) => {
    const result = await participation.answer(req.params.id, req.body, residentOf(req), req.ip);
    reply.code(201);
    return result;
  });
  r.post('/topics/:id/vote', { config: resident, schema: { tags, summary: '居民线上投票（每人一票，不记名公开）', params: idParamsSchema, body: voteCastSchema, response: { 201: voteBallotSchema } } }, async (req, reply) => {
    const result = await votes.cast(req.params.id, req.body, residentOf(req), req.ip);
    reply.code(201);
    return result;
  });
  r.post('/topics/:id/rating', { config: resident, schema: { tags, summary: '居民评价办理效果（每人一次）', params: idParamsSchema, body: ratingCreateSchema, response: { 201: ratingSummarySchema } } }, async (req, reply) => {
    const result = await participation.rate(req.params.id, req.body, residentOf(req), req.ip);
    reply.code(201);
    return result;
  });
}
