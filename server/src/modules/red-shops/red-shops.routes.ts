import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, redShopCreateSchema, redShopListQuerySchema, redShopListSchema, redShopSchema, redShopUpdateSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { roleWriteScopes } from '../person-roles/role-scopes.js';
import { RedShopsService } from './red-shops.service.js';

export async function redShopsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new RedShopsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['red-shops'];
  const read = { access: 'orgs.read' as const };
  const write = { access: 'orgs.write' as const };

  r.get('/', { config: read, schema: { tags, querystring: redShopListQuerySchema, response: { 200: redShopListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'orgs.read'), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: redShopSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'orgs.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: redShopCreateSchema, response: { 201: redShopSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(roleWriteScopes(req, 'orgs.write'), req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: redShopUpdateSchema, response: { 200: redShopSchema } } }, async (req) =>
    service.update(roleWriteScopes(req, 'orgs.write'), req.params.id, req.body, actorOf(req)),
  );
}
