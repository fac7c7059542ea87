import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, socialOrgCreateSchema, socialOrgListQuerySchema, socialOrgListSchema, socialOrgSchema, socialOrgUpdateSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { roleWriteScopes } from '../person-roles/role-scopes.js';
import { SocialOrgsService } from './social-orgs.service.js';

export async function socialOrgsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new SocialOrgsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['social-orgs'];
  const read = { access: 'orgs.read' as const };
  const write = { access: 'orgs.write' as const };

  r.get('/', { config: read, schema: { tags, querystring: socialOrgListQuerySchema, response: { 200: socialOrgListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'orgs.read'), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: socialOrgSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'orgs.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: socialOrgCreateSchema, response: { 201: socialOrgSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(roleWriteScopes(req, 'orgs.write'), req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: socialOrgUpdateSchema, response: { 200: socialOrgSchema } } }, async (req) =>
    service.update(roleWriteScopes(req, 'orgs.write'), req.params.id, req.body, actorOf(req)),
  );
}
