import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  publicCategoryListSchema,
  publicNodeListSchema,
  publicNodeQuerySchema,
  publicPhotoCreatedSchema,
  publicTicketCreatedSchema,
  publicTicketCreateSchema,
  publicTicketParamsSchema,
  publicTicketStatusSchema,
  TICKET_PHOTO_LIMITS,
  TRACKING_KEY_HEADER,
  trackingKeyHeadersSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/access.js';
import { acceptPhotoUploads, readPhotoUpload } from '../tickets/ticket-photos.store.js';
import { TicketPhotosService } from '../tickets/ticket-photos.service.js';
import { PublicTicketsService } from './public-tickets.service.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The residents' API, without an account. These routes are `public`: the access hook never
 * reads a session for them, so there is nothing for a cross-site request to ride on and no
 * CSRF token to ask for. Every route is rate-limited per client address.
 */
export async function publicTicketsRoutes(app: FastifyInstance, { db, config }: AppDeps): Promise<void> {
  const service = new PublicTicketsService(db, new TicketPhotosService(db, config.photoDir));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const reports = config.publicReportRateLimitPerHour;
  const limited = (max: number, timeWindow: number) => ({ access: 'public' as const, rateLimit: { max, timeWindow } });

  r.get('/nodes', { config: limited(600, MINUTE), schema: { tags, querystring: publicNodeQuerySchema, response: { 200: publicNodeListSchema } } }, async (req) =>
    service.nodes(req.query),
  );
  r.get('/ticket-categories', { config: limited(600, MINUTE), schema: { tags, response: { 200: publicCategoryListSchema } } }, async () => service.categories());
  r.post('/tickets', { config: limited(reports, HOUR), schema: { tags, body: publicTicketCreateSchema, response: { 201: publicTicketCreatedSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.report(req.body, actorOf(req));
  });
  r.get(
    '/tickets/:code',
    { config: limited(60, MINUTE), schema: { tags, params: publicTicketParamsSchema, headers: trackingKeyHeadersSchema, response: { 200: publicTicketStatusSchema } } },
    async (req) => service.status(req.params.code, req.headers[TRACKING_KEY_HEADER]),
  );

  // Multipart only in this child context: the JSON routes above keep answering 415 to it.
  await app.register(async (uploads) => {
    await acceptPhotoUploads(uploads);
    uploads.withTypeProvider<ZodTypeProvider>().post(
      '/tickets/:code/photos',
      {
        config: limited(reports * TICKET_PHOTO_LIMITS.perStage, HOUR),
        schema: { tags, params: publicTicketParamsSchema, headers: trackingKeyHeadersSchema, response: { 201: publicPhotoCreatedSchema } },
      },
      async (req, reply) => {
        const file = await readPhotoUpload(req);
        reply.code(201);
        return service.addPhoto(req.params.code, req.headers[TRACKING_KEY_HEADER], file, actorOf(req));
      },
    );
  });
}
