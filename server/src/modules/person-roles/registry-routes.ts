import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { idParamsSchema, type Permission } from '@xj/contracts';
import type { Actor } from '../../platform/audit/audit.js';
import { scopeFor, type Scope } from '../../platform/auth/scope.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import type { Page } from '../../platform/paging.js';
import type { RoleScopes } from './person-ref.js';
import { roleWriteScopes } from './role-scopes.js';

/** What a registry's service offers to its four routes. */
export interface RegistryService<Q, R, C, U> {
  list(scope: Scope, query: Q): Promise<Page<R>>;
  get(scope: Scope, id: number): Promise<R>;
  create(scopes: RoleScopes, input: C, actor: Actor): Promise<R>;
  update(scopes: RoleScopes, id: number, input: U, actor: Actor): Promise<R>;
}

export interface RegistryRoutesOptions<Q, R, C, U> {
  tags: string[];
  read: Permission;
  write: Permission;
  /** Request schemas typed as the service takes them; the response schemas serialise what it returns. */
  schemas: { listQuery: z.ZodType<Q>; create: z.ZodType<C>; update: z.ZodType<U>; list: z.ZodType; record: z.ZodType };
  service: RegistryService<Q, R, C, U>;
}

/**
 * The list, detail, create and patch routes every simple registry has, under the current prefix:
 * reads in the caller's `read` scope, writes in their `write` scope (people named by the record
 * in their people.read scope).
 */
export function registerRegistryRoutes<Q, R, C, U>(app: FastifyInstance, o: RegistryRoutesOptions<Q, R, C, U>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { tags, schemas, service } = o;
  const read = { access: o.read };
  const write = { access: o.write };

  r.get('/', { config: read, schema: { tags, querystring: schemas.listQuery, response: { 200: schemas.list } } }, async (req) =>
    service.list(scopeFor(authOf(req), o.read), req.query as Q),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: schemas.record } } }, async (req) =>
    service.get(scopeFor(authOf(req), o.read), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: schemas.create, response: { 201: schemas.record } } }, async (req, reply) => {
    reply.code(201);
    return service.create(roleWriteScopes(req, o.write), req.body as C, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: schemas.update, response: { 200: schemas.record } } }, async (req) =>
    service.update(roleWriteScopes(req, o.write), req.params.id, req.body as U, actorOf(req)),
  );
}
