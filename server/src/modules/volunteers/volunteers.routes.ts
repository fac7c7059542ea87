import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dualMemberListQuerySchema, dualMemberListSchema, volunteerSettingsSchema, volunteerSettingsUpdateSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { DualMembersService } from './members.service.js';
import { publicRegistrationsRoutes, registrationsRoutes } from './registrations.routes.js';
import { publicWorkplaceOrgsRoutes, workplaceOrgsRoutes } from './workplace-orgs.routes.js';

/**
 * /api/volunteers: dual registration (双报到) — workplace organisations, members' registrations,
 * the dual-registered members and their service, the county's settings. Volunteer activities
 * register their own routes under the same prefix (activities.routes.ts).
 */
export async function volunteersRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  workplaceOrgsRoutes(app, db);
  registrationsRoutes(app, db);
  const members = new DualMembersService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['volunteers'];
  r.get('/members', { config: { access: 'volunteers.read' }, schema: { tags, querystring: dualMemberListQuerySchema, response: { 200: dualMemberListSchema } } }, async (req) =>
    members.list(scopeFor(authOf(req), 'volunteers.read'), req.query),
  );
  r.get('/settings', { config: { access: 'volunteers.read' }, schema: { tags, response: { 200: volunteerSettingsSchema } } }, async () => members.settings());
  r.patch(
    '/settings',
    { config: { access: 'volunteers.manage' }, schema: { tags, body: volunteerSettingsUpdateSchema, response: { 200: volunteerSettingsSchema } } },
    async (req) => members.updateSettings(scopeFor(authOf(req), 'volunteers.manage'), req.body.inactiveDays, actorOf(req)),
  );
}

/** /api/public/volunteers: a member's dual registration on the phone. */
export async function publicVolunteersRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  publicWorkplaceOrgsRoutes(app, db);
  publicRegistrationsRoutes(app, db);
}
