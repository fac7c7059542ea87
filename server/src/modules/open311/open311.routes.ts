import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import {
  open311CodeParamsSchema,
  open311FormatParamsSchema,
  open311IdParamsSchema,
  open311JurisdictionQuerySchema,
  open311RequestsQuerySchema,
  open311TokenParamsSchema,
  OPEN311_FORMATS,
  type Open311Format,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { mapError } from '../../platform/http/error-handler.js';
import { CONTENT_TYPES, render, renderError, type Doc } from './open311.format.js';
import { parseForm } from './open311.form.js';
import { Open311Service } from './open311.service.js';

const FORMAT_IN_URL = new RegExp(`\\.(${OPEN311_FORMATS.join('|')})(\\?|$)`);
const formatOf = (req: FastifyRequest): Open311Format => (FORMAT_IN_URL.exec(req.url)?.[1] as Open311Format | undefined) ?? 'json';

function send(reply: FastifyReply, format: Open311Format, root: string, doc: Doc) {
  return reply.type(CONTENT_TYPES[format]).send(render(format, root, doc));
}

/**
 * Open311 GeoReport v2 under /open311 (outside /api, for machines): public reads, writes
 * authenticated by api_key in the handler rather than by session, so no CSRF token applies.
 * Errors keep the specification's shape in the requested format.
 */
export async function open311Routes(app: FastifyInstance, { db, config }: AppDeps): Promise<void> {
  const service = new Open311Service(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const routeConfig = { access: 'public' as const, rateLimit: { max: config.open311RateLimitPerMinute, timeWindow: 60_000 } };
  const schema = { hide: true };

  // The specification posts service requests as an HTML form.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseForm(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const format = formatOf(req);
    const mapped = mapError(err);
    if (!mapped || isResponseSerializationError(err) || mapped.status >= 500) {
      req.log.error({ err }, 'open311 error');
      return reply.code(500).type(CONTENT_TYPES[format]).send(renderError(format, 500, '服务器内部错误，请稍后重试'));
    }
    const description = mapped.code === 'UNSUPPORTED_MEDIA_TYPE' ? '不支持的内容类型，请使用 application/x-www-form-urlencoded 或 application/json' : mapped.message;
    return reply.code(mapped.status).type(CONTENT_TYPES[format]).send(renderError(format, mapped.status, description));
  });
  app.setNotFoundHandler((req, reply) => {
    const format = formatOf(req);
    return reply.code(404).type(CONTENT_TYPES[format]).send(renderError(format, 404, `接口不存在：${req.method} ${req.url.split('?')[0]}（格式为 .json 或 .xml）`));
  });

  const discovery = async (req: FastifyRequest<{ Params: { format: Open311Format } }>, reply: FastifyReply) =>
    send(reply, req.params.format, 'discovery', await service.discovery(`${req.protocol}://${req.host}`));
  r.get('/discovery.:format', { config: routeConfig, schema: { ...schema, params: open311FormatParamsSchema } }, discovery);
  r.get('/v2/discovery.:format', { config: routeConfig, schema: { ...schema, params: open311FormatParamsSchema } }, discovery);

  r.get('/v2/services.:format', { config: routeConfig, schema: { ...schema, params: open311FormatParamsSchema, querystring: open311JurisdictionQuerySchema } }, async (req, reply) =>
    send(reply, req.params.format, 'services', await service.services(req.query.jurisdiction_id)),
  );
  r.get('/v2/services/:code.:format', { config: routeConfig, schema: { ...schema, params: open311CodeParamsSchema, querystring: open311JurisdictionQuerySchema } }, async (req, reply) =>
    send(reply, req.params.format, 'service_definition', await service.definition(req.params.code, req.query.jurisdiction_id)),
  );

  r.post('/v2/requests.:format', { config: routeConfig, schema: { ...schema, params: open311FormatParamsSchema, querystring: open311JurisdictionQuerySchema } }, async (req, reply) => {
    const body: unknown = req.body ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return reply.code(400).type(CONTENT_TYPES[req.params.format]).send(renderError(req.params.format, 400, '请求体须为表单或 JSON 对象'));
    const fields: Record<string, unknown> = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== '' && v !== null));
    fields.api_key ??= req.query.api_key;
    fields.jurisdiction_id ??= req.query.jurisdiction_id;
    const doc = await service.create(fields, req.ip);
    return send(reply.code(201), req.params.format, 'service_requests', doc);
  });
  r.get('/v2/requests.:format', { config: routeConfig, schema: { ...schema, params: open311FormatParamsSchema, querystring: open311RequestsQuerySchema } }, async (req, reply) =>
    send(reply, req.params.format, 'service_requests', await service.list(req.query)),
  );
  r.get('/v2/requests/:id.:format', { config: routeConfig, schema: { ...schema, params: open311IdParamsSchema, querystring: open311JurisdictionQuerySchema } }, async (req, reply) =>
    send(reply, req.params.format, 'service_requests', await service.get(req.params.id, req.query.jurisdiction_id)),
  );
  r.get('/v2/tokens/:token.:format', { config: routeConfig, schema: { ...schema, params: open311TokenParamsSchema, querystring: open311JurisdictionQuerySchema } }, async (req, reply) =>
    send(reply, req.params.format, 'service_requests', await service.token(req.params.token, req.query.jurisdiction_id)),
  );
}
