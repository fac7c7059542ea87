import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/http/app.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { cockpitRoutes } from './cockpit/cockpit.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { nodesRoutes } from './nodes/nodes.routes.js';
import { partyOrgsRoutes } from './party-orgs/party-orgs.routes.js';
import { peopleRoutes } from './people/people.routes.js';
import { usersRoutes } from './users/users.routes.js';

/** Every module's routes, mounted under /api. */
export async function registerModules(api: FastifyInstance, deps: AppDeps): Promise<void> {
  await api.register(async (a) => healthRoutes(a, deps));
  await api.register(async (a) => authRoutes(a, deps), { prefix: '/auth' });
  await api.register(async (a) => nodesRoutes(a, deps), { prefix: '/nodes' });
  await api.register(async (a) => partyOrgsRoutes(a, deps), { prefix: '/party-orgs' });
  await api.register(async (a) => usersRoutes(a, deps), { prefix: '/users' });
  await api.register(async (a) => auditRoutes(a, deps), { prefix: '/audit' });
  await api.register(async (a) => cockpitRoutes(a, deps), { prefix: '/cockpit' });
  await api.register(async (a) => peopleRoutes(a, deps), { prefix: '/people' });
}
