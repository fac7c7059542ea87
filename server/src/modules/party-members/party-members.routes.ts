import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  emptyBodySchema,
  idParamsSchema,
  okSchema,
  partyMemberCreateSchema,
  partyMemberListQuerySchema,
  partyMemberListSchema,
  partyMemberSchema,
  partyMemberUpdateSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { PartyMembersService } from './party-members.service.js';

export async function partyMembersRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new PartyMembersService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['party-members'];
  const read = { access: 'people.read' as const };
  const write = { access: 'people.write' as const };

  r.get('/', { config: read, schema: { tags, querystring: partyMemberListQuerySchema, response: { 200: partyMemberListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'people.read'), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: partyMemberSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'people.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: partyMemberCreateSchema, response: { 201: partyMemberSchema } } }, async (req, reply) => {
    reply.code(201);
    const auth = authOf(req);
    return service.create(scopeFor(auth, 'people.write'), scopeFor(auth, 'people.read'), req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: partyMemberUpdateSchema, response: { 200: partyMemberSchema } } }, async (req) =>
    service.update(scopeFor(authOf(req), 'people.write'), req.params.id, req.body, actorOf(req)),
  );
  r.delete('/:id', { config: write, schema: { tags, params: idParamsSchema, body: emptyBodySchema, response: { 200: okSchema } } }, async (req) =>
    service.remove(scopeFor(authOf(req), 'people.write'), req.params.id, actorOf(req)),
  );
}
