import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS } from '@xj/contracts';
import type { Config } from '../config.js';
import type { Db } from '../db.js';
import { AppError } from '../errors.js';
import { loggerOptions } from '../logger.js';
import { SessionStore } from '../auth/sessions.js';
import { ResidentSessionStore } from '../auth/resident-sessions.js';
import { createSmsSender, type SmsSender } from '../sms/sms.js';
import { enforceRouteDeclarations, registerAccessControl } from './access.js';
import { frameworkErrors, registerErrorHandling } from './error-handler.js';
import { registerModules } from '../../modules/index.js';
import { open311Routes } from '../../modules/open311/open311.routes.js';

// Validation messages in Chinese, the interface's first language.
z.config(z.locales.zhCN());

export interface AppDeps {
  config: Config;
  db: Db;
  sessions: SessionStore;
  /** Verified residents' sessions (the phone pages' `access: 'resident'` routes). */
  residents: ResidentSessionStore;
  sms: SmsSender;
}


export interface BuildOptions {
  logger?: boolean;
  /** Sees every route as it is registered (the route-declaration tests list them). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(config: Config, db: Db, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(config.logLevel),
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Request bodies are JSON only: a text/plain body (a form-free cross-site request) answers 415.
  app.removeContentTypeParser('text/plain');

  const sessions = new SessionStore(db, config.session);
  const residents = new ResidentSessionStore(db);
  const deps: AppDeps = { config, db, sessions, residents, sms: createSmsSender(config, app.log) };

  registerErrorHandling(app);
  enforceRouteDeclarations(app);
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its generated styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The cockpit's map tiles (MAP_TILE_URL) come from the tile server's origin.
        imgSrc: ["'self'", 'data:', 'blob:', ...(config.mapTileUrl ? [new URL(config.mapTileUrl).origin] : [])],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError(429, 'RATE_LIMITED', '请求过于频繁，请稍后再试'),
  });
  registerAccessControl(app, sessions, residents);

  await app.register(swagger, {
    openapi: {
      info: { title: '党建引领智慧社区治理平台 API', description: 'Party-building-led community governance platform', version: config.version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xj_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => registerModules(api, deps), { prefix: '/api' });
  // Open311 GeoReport v2 for client systems: its own error format, api_key instead of a session.
  await app.register(async (o) => open311Routes(o, deps), { prefix: '/open311' });

  const hasWeb = await registerWeb(app, config);
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the console get its index.html; a missing asset or API path is a real 404.
    if (hasWeb && req.method === 'GET' && /^\/admin(\/|$)/.test(req.url) && !req.url.startsWith('/admin/assets/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` }, requestId: req.id });
  });
  app.addHook('onClose', async () => {
    await db.close();
  });
  return app;
}

/**
 * Serves the built console under /admin and the residents' pages under /m. Files are looked up per request, so a rebuild
 * is served without a restart; hashed assets are cached for a year, index.html never.
 */
async function registerWeb(app: FastifyInstance, config: Config): Promise<boolean> {
  if (!existsSync(config.webDist)) return false;
  await app.register(fastifyStatic, {
    root: config.webDist,
    prefix: '/admin/',
    index: ['index.html'],
    setHeaders: (res, path) => {
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) => reply.redirect('/admin/'));
  // The residents' phone pages (/m/report, /m/track): their own entry of the same build, no sign-in.
  const residentPage = (_req: unknown, reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('m.html');
  app.get('/m', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) => reply.redirect('/m/report'));
  app.get('/m/*', { config: { access: 'public' }, schema: { hide: true } }, residentPage);
  return true;
}
