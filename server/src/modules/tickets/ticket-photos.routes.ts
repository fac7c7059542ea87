import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, ticketPhotoParamsSchema, ticketPhotoQuerySchema, ticketPhotoSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { acceptPhotoUploads, readPhotoUpload } from './ticket-photos.store.js';
import { TicketPhotosService } from './ticket-photos.service.js';

/** Ticket photos, in their own plugin context so that only this upload route takes multipart bodies. */
export async function ticketPhotosRoutes(app: FastifyInstance, { db, config }: AppDeps): Promise<void> {
  await acceptPhotoUploads(app);
  const service = new TicketPhotosService(db, config.photoDir);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tickets'];
  const read = { access: 'tickets.read' as const };
  // Reporters and commissioners (owners) hold tickets.report; who may add a photo at which stage is the service's rule.
  const upload = { access: 'tickets.report' as const };

  r.post('/:id/photos', { config: upload, schema: { tags, params: idParamsSchema, querystring: ticketPhotoQuerySchema, response: { 201: ticketPhotoSchema } } }, async (req, reply) => {
    const file = await readPhotoUpload(req);
    reply.code(201);
    return service.upload(authOf(req), req.params.id, req.query.stage, file, actorOf(req));
  });
  r.get('/:id/photos/:photoId', { config: read, schema: { tags, params: ticketPhotoParamsSchema } }, async (req, reply) => {
    const photo = await service.open(authOf(req), req.params.id, req.params.photoId);
    return reply
      .type(photo.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .header('content-disposition', 'inline')
      .send(photo.body);
  });
}
