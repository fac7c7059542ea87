import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, partyOrgCreateSchema, partyOrgListQuerySchema, partyOrgListSchema, partyOrgSchema, partyOrgUpdateSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { PartyOrgsService } from './party-orgs.service.js';

export async function partyOrgsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new PartyOrgsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['party-orgs'];
  const read = { access: 'partyOrgs.read' as const };
  const write = { access: 'partyOrgs.write' as const };

  r.get('/', { config: read, schema: { tags, querystring: partyOrgListQuerySchema, response: { 200: partyOrgListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'partyOrgs.read'), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: partyOrgSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'partyOrgs.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: partyOrgCreateSchema, response: { 201: partyOrgSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(scopeFor(authOf(req), 'partyOrgs.write'), req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: partyOrgUpdateSchema, response: { 200: partyOrgSchema } } }, async (req) =>
    service.update(scopeFor(authOf(req), 'partyOrgs.write'), req.params.id, req.body, actorOf(req)),
  );
}
