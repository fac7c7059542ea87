import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hotlineExternalIdParamsSchema, hotlineTicketSchema, hotlineTicketStatusSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { AppError } from '../../platform/errors.js';
import { HotlineService } from './hotline.service.js';
import { verifyHotlineSignature } from './hotline.signature.js';

/**
 * The 12345 hotline, a machine caller: no session and so no CSRF token (`access: 'signed'`
 * skips both); every request of this scope is authenticated by its HMAC signature instead.
 */
export async function hotlineRoutes(app: FastifyInstance, { db, config }: AppDeps): Promise<void> {
  const service = new HotlineService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hotline'];
  const signed = { access: 'signed' as const };

  // The signature covers the body's exact bytes: keep them, then parse as everywhere else.
  const rawBodies = new WeakMap<FastifyRequest, string>();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    rawBodies.set(req, body as string);
    parseJson(req, body as string, done);
  });
  // Before validation, so that an unsigned caller learns nothing about the body's schema.
  app.addHook('preValidation', async (req) => {
    if (!config.hotlineSecret) throw new AppError(503, 'HOTLINE_DISABLED', '12345热线接口未启用：服务器未配置共享密钥 HOTLINE_SECRET');
    verifyHotlineSignature(config.hotlineSecret, req.headers, rawBodies.get(req) ?? '');
  });

  r.post('/tickets', { config: signed, schema: { tags, body: hotlineTicketSchema, response: { 200: hotlineTicketStatusSchema, 201: hotlineTicketStatusSchema } } }, async (req, reply) => {
    const { created, ticket } = await service.intake(req.body, req.ip);
    reply.code(created ? 201 : 200);
    return ticket;
  });
  r.get('/tickets/:externalId', { config: signed, schema: { tags, params: hotlineExternalIdParamsSchema, response: { 200: hotlineTicketStatusSchema } } }, async (req) =>
    service.status(req.params.externalId),
  );
}
