import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  workplaceOrgCreateSchema,
  workplaceOrgListQuerySchema,
  workplaceOrgListSchema,
  workplaceOrgOptionsQuerySchema,
  workplaceOrgOptionsSchema,
  workplaceOrgSchema,
  workplaceOrgUpdateSchema,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { getNode } from '../nodes/nodes.repo.js';
import { notFound } from '../../platform/errors.js';
import { orgsForCompound } from './workplace-orgs.repo.js';
import { WorkplaceOrgsService } from './workplace-orgs.service.js';

/** /api/volunteers/workplace-orgs: workplace party organisations registered at communities. */
export function workplaceOrgsRoutes(app: FastifyInstance, db: Db): void {
  const service = new WorkplaceOrgsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['volunteers'];
  const read = { access: 'volunteers.read' as const };
  const write = { access: 'volunteers.manage' as const };

  r.get('/workplace-orgs', { config: read, schema: { tags, querystring: workplaceOrgListQuerySchema, response: { 200: workplaceOrgListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'volunteers.read'), req.query),
  );
  r.get('/workplace-orgs/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: workplaceOrgSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'volunteers.read'), req.params.id),
  );
  r.post('/workplace-orgs', { config: write, schema: { tags, body: workplaceOrgCreateSchema, response: { 201: workplaceOrgSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(scopeFor(authOf(req), 'volunteers.manage'), req.body, actorOf(req));
  });
  r.patch('/workplace-orgs/:id', { config: write, schema: { tags, params: idParamsSchema, body: workplaceOrgUpdateSchema, response: { 200: workplaceOrgSchema } } }, async (req) =>
    service.update(scopeFor(authOf(req), 'volunteers.manage'), req.params.id, req.body, actorOf(req)),
  );
}

/** /api/public/volunteers/workplace-orgs: what a member registering on the phone picks from (names only). */
export function publicWorkplaceOrgsRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/workplace-orgs',
    { config: { access: 'resident' }, schema: { tags: ['volunteers'], querystring: workplaceOrgOptionsQuerySchema, response: { 200: workplaceOrgOptionsSchema } } },
    async (req) => {
      const compound = await getNode(db, req.query.compoundId);
      if (!compound || compound.kind !== 'compound') throw notFound('小区');
      return { data: await orgsForCompound(db, compound.path) };
    },
  );
}
