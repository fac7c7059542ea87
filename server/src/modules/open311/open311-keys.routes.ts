import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBodySchema, open311KeyCreatedSchema, open311KeyCreateSchema, open311KeyIdParamsSchema, open311KeyListSchema, open311KeySchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/access.js';
import { Open311KeysService } from './open311-keys.service.js';

export async function open311KeysRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new Open311KeysService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['open311'];
  const config = { access: 'open311.manage' as const };

  r.get('/', { config, schema: { tags, response: { 200: open311KeyListSchema } } }, async () => service.list());
  r.post('/', { config, schema: { tags, body: open311KeyCreateSchema, response: { 201: open311KeyCreatedSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(req.body, actorOf(req));
  });
  r.post('/:id/revoke', { config, schema: { tags, params: open311KeyIdParamsSchema, body: emptyBodySchema, response: { 200: open311KeySchema } } }, async (req) =>
    service.revoke(req.params.id, actorOf(req)),
  );
}
