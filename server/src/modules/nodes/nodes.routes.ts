import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  emptyBodySchema,
  idParamsSchema,
  nodeCreateSchema,
  nodeDetailSchema,
  nodeListQuerySchema,
  nodeListSchema,
  nodeMoveSchema,
  nodeSchema,
  nodeUpdateSchema,
  scopeTreeSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { NodesService } from './nodes.service.js';

export async function nodesRoutes(app: FastifyInstance, { db, sessions }: AppDeps): Promise<void> {
  const service = new NodesService(db, sessions);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['nodes'];
  const read = { access: 'nodes.read' as const };
  const write = { access: 'nodes.write' as const };

  r.get('/', { config: read, schema: { tags, querystring: nodeListQuerySchema, response: { 200: nodeListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'nodes.read'), req.query),
  );
  r.get('/tree', { config: read, schema: { tags, response: { 200: scopeTreeSchema } } }, async (req) =>
    service.tree(scopeFor(authOf(req), 'nodes.read')),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: nodeDetailSchema } } }, async (req) =>
    service.detail(scopeFor(authOf(req), 'nodes.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: nodeCreateSchema, response: { 201: nodeSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(scopeFor(authOf(req), 'nodes.write'), req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: nodeUpdateSchema, response: { 200: nodeSchema } } }, async (req) =>
    service.update(scopeFor(authOf(req), 'nodes.write'), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/move', { config: write, schema: { tags, params: idParamsSchema, body: nodeMoveSchema, response: { 200: nodeSchema } } }, async (req) =>
    service.move(scopeFor(authOf(req), 'nodes.write'), req.params.id, req.body.parentId, actorOf(req)),
  );
  r.post('/:id/deactivate', { config: write, schema: { tags, params: idParamsSchema, body: emptyBodySchema, response: { 200: nodeSchema } } }, async (req) =>
    service.setActive(scopeFor(authOf(req), 'nodes.write'), req.params.id, false, actorOf(req)),
  );
  r.post('/:id/activate', { config: write, schema: { tags, params: idParamsSchema, body: emptyBodySchema, response: { 200: nodeSchema } } }, async (req) =>
    service.setActive(scopeFor(authOf(req), 'nodes.write'), req.params.id, true, actorOf(req)),
  );
}
