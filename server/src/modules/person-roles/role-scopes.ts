import type { FastifyRequest } from 'fastify';
import type { Permission } from '@xj/contracts';
import { scopeFor } from '../../platform/auth/scope.js';
import { authOf } from '../../platform/http/access.js';
import type { RoleScopes } from './person-ref.js';

/** The caller's write scope for the records, and their people.read scope for the people those records name. */
export function roleWriteScopes(req: FastifyRequest, write: Permission): RoleScopes {
  const auth = authOf(req);
  return { records: scopeFor(auth, write), people: scopeFor(auth, 'people.read') };
}
