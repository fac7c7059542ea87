import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  emptyBodySchema,
  grantInputSchema,
  grantParamsSchema,
  idParamsSchema,
  resetPasswordSchema,
  userCreateSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
  userUpdateSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { UsersService } from './users.service.js';

export async function usersRoutes(app: FastifyInstance, { db, config, sessions }: AppDeps): Promise<void> {
  const service = new UsersService(db, config, sessions);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const read = { access: 'users.read' as const };
  const manage = { access: 'users.manage' as const };
  const manageScope = (req: Parameters<typeof authOf>[0]) => scopeFor(authOf(req), 'users.manage');

  r.get('/', { config: read, schema: { tags, querystring: userListQuerySchema, response: { 200: userListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'users.read'), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: userSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'users.read'), req.params.id),
  );
  r.post('/', { config: manage, schema: { tags, body: userCreateSchema, response: { 201: userSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(manageScope(req), req.body, actorOf(req));
  });
  r.patch('/:id', { config: manage, schema: { tags, params: idParamsSchema, body: userUpdateSchema, response: { 200: userSchema } } }, async (req) =>
    service.update(manageScope(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/reset-password', { config: manage, schema: { tags, params: idParamsSchema, body: resetPasswordSchema, response: { 200: userSchema } } }, async (req) =>
    service.resetPassword(manageScope(req), req.params.id, req.body.password, actorOf(req)),
  );
  r.post('/:id/unlock', { config: manage, schema: { tags, params: idParamsSchema, body: emptyBodySchema, response: { 200: userSchema } } }, async (req) =>
    service.unlock(manageScope(req), req.params.id, actorOf(req)),
  );
  r.post('/:id/grants', { config: manage, schema: { tags, params: idParamsSchema, body: grantInputSchema, response: { 201: userSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.addGrant(manageScope(req), req.params.id, req.body, actorOf(req));
  });
  r.delete('/:id/grants/:grantId', { config: manage, schema: { tags, params: grantParamsSchema, body: emptyBodySchema, response: { 200: userSchema } } }, async (req) =>
    service.removeGrant(manageScope(req), req.params.id, req.params.grantId, actorOf(req)),
  );
}
