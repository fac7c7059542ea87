import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/http/app.js';
import { agendaScopeRoutes } from './agenda-scope.routes.js';
import { consultationOfficesRoutes } from './consultation-offices.routes.js';
import { topicsRoutes } from './topics.routes.js';

/** /api/consultations: agenda scope (七议五不议), consultation offices (商量办公室), topics and the five steps. */
export async function consultationsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  agendaScopeRoutes(app, db);
  topicsRoutes(app, db);
  await app.register(async (a) => consultationOfficesRoutes(a, db), { prefix: '/offices' });
}
