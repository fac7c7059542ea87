import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  emptyBodySchema,
  idParamsSchema,
  okSchema,
  branchSecretaryCreateSchema,
  branchSecretaryListQuerySchema,
  branchSecretaryListSchema,
  branchSecretarySchema,
  branchSecretaryUpdateSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { BranchSecretariesService } from './branch-secretaries.service.js';

export async function branchSecretariesRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new BranchSecretariesService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['branch-secretaries'];
  const read = { access: 'people.read' as const };
  const write = { access: 'people.write' as const };

  r.get('/', { config: read, schema: { tags, querystring: branchSecretaryListQuerySchema, response: { 200: branchSecretaryListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'people.read'), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: branchSecretarySchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'people.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: branchSecretaryCreateSchema, response: { 201: branchSecretarySchema } } }, async (req, reply) => {
    reply.code(201);
    const auth = authOf(req);
    return service.create(scopeFor(auth, 'people.write'), scopeFor(auth, 'people.read'), req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: branchSecretaryUpdateSchema, response: { 200: branchSecretarySchema } } }, async (req) =>
    service.update(scopeFor(authOf(req), 'people.write'), req.params.id, req.body, actorOf(req)),
  );
  r.delete('/:id', { config: write, schema: { tags, params: idParamsSchema, body: emptyBodySchema, response: { 200: okSchema } } }, async (req) =>
    service.remove(scopeFor(authOf(req), 'people.write'), req.params.id, actorOf(req)),
  );
}
