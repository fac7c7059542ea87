import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  personCreateSchema,
  personListQuerySchema,
  personListSchema,
  personRolesSchema,
  personSchema,
  personUpdateSchema,
  unmaskResultSchema,
  unmaskSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { PeopleService } from './people.service.js';

export async function peopleRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new PeopleService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];
  const read = { access: 'people.read' as const };
  const write = { access: 'people.write' as const };

  r.get('/', { config: read, schema: { tags, querystring: personListQuerySchema, response: { 200: personListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'people.read'), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: personSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'people.read'), req.params.id),
  );
  r.get('/:id/roles', { config: read, schema: { tags, params: idParamsSchema, response: { 200: personRolesSchema } } }, async (req) =>
    service.roles(scopeFor(authOf(req), 'people.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: personCreateSchema, response: { 201: personSchema } } }, async (req, reply) => {
    reply.code(201);
    const auth = authOf(req);
    return service.create(scopeFor(auth, 'people.write'), scopeFor(auth, 'people.read'), req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: personUpdateSchema, response: { 200: personSchema } } }, async (req) => {
    const auth = authOf(req);
    return service.update(scopeFor(auth, 'people.write'), scopeFor(auth, 'people.read'), req.params.id, req.body, actorOf(req));
  });
  r.post(
    '/:id/unmask',
    { config: { access: 'people.unmask' }, schema: { tags, params: idParamsSchema, body: unmaskSchema, response: { 200: unmaskResultSchema } } },
    async (req) => service.unmask(scopeFor(authOf(req), 'people.unmask'), req.params.id, req.body.field, req.body.reason, actorOf(req)),
  );
}
