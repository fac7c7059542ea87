import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBodySchema, idParamsSchema, notificationListQuerySchema, notificationListSchema, notificationSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { NotificationsService } from './notifications.service.js';

export async function notificationsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new NotificationsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const own = { access: 'authenticated' as const };

  r.get('/', { config: own, schema: { tags, querystring: notificationListQuerySchema, response: { 200: notificationListSchema } } }, async (req) =>
    service.list(authOf(req), req.query),
  );
  r.post('/:id/read', { config: own, schema: { tags, params: idParamsSchema, body: emptyBodySchema, response: { 200: notificationSchema } } }, async (req) =>
    service.markRead(authOf(req), req.params.id, actorOf(req)),
  );
}
