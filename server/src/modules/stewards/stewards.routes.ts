import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  emptyBodySchema,
  idParamsSchema,
  okSchema,
  stewardCreateSchema,
  stewardListQuerySchema,
  stewardListSchema,
  stewardSchema,
  stewardUpdateSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { StewardsService } from './stewards.service.js';

export async function stewardsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new StewardsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['stewards'];
  const read = { access: 'people.read' as const };
  const write = { access: 'people.write' as const };

  r.get('/', { config: read, schema: { tags, querystring: stewardListQuerySchema, response: { 200: stewardListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'people.read'), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: stewardSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'people.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: stewardCreateSchema, response: { 201: stewardSchema } } }, async (req, reply) => {
    reply.code(201);
    const auth = authOf(req);
    return service.create(scopeFor(auth, 'people.write'), scopeFor(auth, 'people.read'), req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: stewardUpdateSchema, response: { 200: stewardSchema } } }, async (req) =>
    service.update(scopeFor(authOf(req), 'people.write'), req.params.id, req.body, actorOf(req)),
  );
  r.delete('/:id', { config: write, schema: { tags, params: idParamsSchema, body: emptyBodySchema, response: { 200: okSchema } } }, async (req) =>
    service.remove(scopeFor(authOf(req), 'people.write'), req.params.id, actorOf(req)),
  );
}
