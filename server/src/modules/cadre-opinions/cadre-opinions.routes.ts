import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  cadreOpinionAnswerBodySchema,
  cadreOpinionCreateSchema,
  cadreOpinionListQuerySchema,
  cadreOpinionListSchema,
  cadreOpinionRemindResultSchema,
  cadreOpinionSchema,
  cadreOpinionStatsQuerySchema,
  cadreOpinionStatsSchema,
  cadreOpinionWithdrawSchema,
  emptyBodySchema,
  idParamsSchema,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { CadreOpinionsService } from './cadre-opinions.service.js';

/** /api/cadre-opinions: the organisation department asks, the cadre's compound branch answers (干部征求意见). */
export function cadreOpinionsRoutes(app: FastifyInstance, db: Db): void {
  const service = new CadreOpinionsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cadre-opinions'];
  // Reading is stricter than a permission: the service lets in the requesters and the routed branch only.
  const reader = { access: 'authenticated' as const };
  const requester = { access: 'cadreOpinions.request' as const };

  r.get('/', { config: reader, schema: { tags, querystring: cadreOpinionListQuerySchema, response: { 200: cadreOpinionListSchema } } }, async (req) =>
    service.list(authOf(req), req.query),
  );
  r.get('/stats', { config: requester, schema: { tags, querystring: cadreOpinionStatsQuerySchema, response: { 200: cadreOpinionStatsSchema } } }, async (req) =>
    service.stats(req.query),
  );
  r.get('/:id', { config: reader, schema: { tags, params: idParamsSchema, response: { 200: cadreOpinionSchema } } }, async (req) =>
    service.get(authOf(req), req.params.id, actorOf(req)),
  );
  r.post('/', { config: requester, schema: { tags, body: cadreOpinionCreateSchema, response: { 201: cadreOpinionSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(authOf(req), req.body, actorOf(req));
  });
  r.post(
    '/:id/answer',
    { config: { access: 'cadreOpinions.answer' }, schema: { tags, params: idParamsSchema, body: cadreOpinionAnswerBodySchema, response: { 200: cadreOpinionSchema } } },
    async (req) => service.answer(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post(
    '/:id/withdraw',
    { config: requester, schema: { tags, params: idParamsSchema, body: cadreOpinionWithdrawSchema, response: { 200: cadreOpinionSchema } } },
    async (req) => service.withdraw(authOf(req), req.params.id, req.body.reason, actorOf(req)),
  );
  r.post(
    '/:id/remind',
    { config: requester, schema: { tags, params: idParamsSchema, body: emptyBodySchema, response: { 200: cadreOpinionRemindResultSchema } } },
    async (req) => service.remind(authOf(req), req.params.id, actorOf(req)),
  );
  r.post(
    '/:id/evidence/refresh',
    { config: requester, schema: { tags, params: idParamsSchema, body: emptyBodySchema, response: { 200: cadreOpinionSchema } } },
    async (req) => service.refreshEvidence(authOf(req), req.params.id, actorOf(req)),
  );
}
