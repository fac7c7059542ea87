import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';

export async function healthRoutes(app: FastifyInstance, { db, config }: AppDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    { config: { access: 'public' }, schema: { tags: ['platform'], response: { 200: healthSchema } } },
    async () => {
      await db.query('SELECT 1');
      return { status: 'ok' as const, database: db.kind, version: config.version };
    },
  );
}
