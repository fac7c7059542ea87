import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { headlineQuerySchema, headlineSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { StatsService } from './stats.service.js';

export async function statsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new StatsService(db);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/headline',
    { config: { access: 'cockpit.read' }, schema: { tags: ['stats'], querystring: headlineQuerySchema, response: { 200: headlineSchema } } },
    async (req) => service.headline(scopeFor(authOf(req), 'cockpit.read'), req.query.nodeId),
  );
}
