import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cockpitQuerySchema, cockpitSummarySchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { CockpitService } from './cockpit.service.js';

export async function cockpitRoutes(app: FastifyInstance, { db, config }: AppDeps): Promise<void> {
  const service = new CockpitService(db, config.mapTileUrl);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/summary',
    { config: { access: 'cockpit.read' }, schema: { tags: ['cockpit'], querystring: cockpitQuerySchema, response: { 200: cockpitSummarySchema } } },
    async (req) => service.summary(scopeFor(authOf(req), 'cockpit.read'), req.query.nodeId),
  );
}
