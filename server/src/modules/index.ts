import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/http/app.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { cockpitRoutes } from './cockpit/cockpit.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { nodesRoutes } from './nodes/nodes.routes.js';
import { partyMembersRoutes } from './party-members/party-members.routes.js';
import { partyOrgsRoutes } from './party-orgs/party-orgs.routes.js';
import { branchSecretariesRoutes } from './branch-secretaries/branch-secretaries.routes.js';
import { stewardsRoutes } from './stewards/stewards.routes.js';
import { ownersCommitteesRoutes } from './owners-committees/owners-committees.routes.js';
import { peopleRoutes } from './people/people.routes.js';
import { peopleExcelRoutes } from './people/people-excel.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { statsRoutes } from './stats/stats.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { propertyCompaniesRoutes, propertyContractsRoutes } from './property-companies/property-companies.routes.js';
import { redShopsRoutes } from './red-shops/red-shops.routes.js';
import { socialOrgsRoutes } from './social-orgs/social-orgs.routes.js';
import { gigWorkersRoutes } from './gig-workers/gig-workers.routes.js';
import { deputiesRoutes } from './deputies/deputies.routes.js';
import { commissionersRoutes } from './commissioners/commissioners.routes.js';

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
  await api.register(async (a) => peopleExcelRoutes(a, deps), { prefix: '/people' });
  await api.register(async (a) => partyMembersRoutes(a, deps), { prefix: '/party-members' });
  await api.register(async (a) => branchSecretariesRoutes(a, deps), { prefix: '/branch-secretaries' });
  await api.register(async (a) => stewardsRoutes(a, deps), { prefix: '/stewards' });
  await api.register(async (a) => ownersCommitteesRoutes(a, deps), { prefix: '/owners-committees' });
  await api.register(async (a) => searchRoutes(a, deps), { prefix: '/search' });
  await api.register(async (a) => statsRoutes(a, deps), { prefix: '/stats' });
  await api.register(async (a) => propertyCompaniesRoutes(a, deps), { prefix: '/property-companies' });
  await api.register(async (a) => propertyContractsRoutes(a, deps), { prefix: '/property-contracts' });
  await api.register(async (a) => redShopsRoutes(a, deps), { prefix: '/red-shops' });
  await api.register(async (a) => socialOrgsRoutes(a, deps), { prefix: '/social-orgs' });
  await api.register(async (a) => gigWorkersRoutes(a, deps), { prefix: '/gig-workers' });
  await api.register(async (a) => deputiesRoutes(a, deps), { prefix: '/deputies' });
  await api.register(async (a) => commissionersRoutes(a, deps), { prefix: '/commissioners' });
}
