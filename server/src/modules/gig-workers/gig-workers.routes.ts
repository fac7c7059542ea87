import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { gigWorkerCreateSchema, gigWorkerListQuerySchema, gigWorkerListSchema, gigWorkerSchema, gigWorkerUpdateSchema, idParamsSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { roleWriteScopes } from '../person-roles/role-scopes.js';
import { GigWorkersService } from './gig-workers.service.js';

export async function gigWorkersRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new GigWorkersService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['gig-workers'];
  const read = { access: 'people.read' as const };
  const write = { access: 'people.write' as const };

  r.get('/', { config: read, schema: { tags, querystring: gigWorkerListQuerySchema, response: { 200: gigWorkerListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'people.read'), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: gigWorkerSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'people.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: gigWorkerCreateSchema, response: { 201: gigWorkerSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(roleWriteScopes(req, 'people.write'), req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: gigWorkerUpdateSchema, response: { 200: gigWorkerSchema } } }, async (req) =>
    service.update(roleWriteScopes(req, 'people.write'), req.params.id, req.body, actorOf(req)),
  );
}
