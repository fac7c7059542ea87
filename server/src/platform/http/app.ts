import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
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
import { enforceRouteDeclarations, registerAccessControl } from './access.js';
import { registerErrorHandling } from './error-handler.js';
import { registerModules } from '../../modules/index.js';

// Validation messages in Chinese, the interface's first language.
z.config(z.locales.zhCN());

export interface AppDeps {
  config: Config;
  db: Db;
  sessions: SessionStore;
}


export async function buildApp(config: Config, db: Db, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(config.logLevel),
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const sessions = new SessionStore(db, config.session);
  const deps: AppDeps = { config, db, sessions };

  registerErrorHandling(app);
  enforceRouteDeclarations(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its generated styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
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
  registerAccessControl(app, sessions);

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

  await registerWeb(app, config);
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` }, requestId: req.id }),
  );
  app.addHook('onClose', async () => {
    await db.close();
  });
  return app;
}

/** Serves the built console at /admin (with client-side routing) when the web build exists. */
async function registerWeb(app: FastifyInstance, config: Config): Promise<void> {
  if (!existsSync(config.webDist)) return;
  await app.register(fastifyStatic, { root: config.webDist, prefix: '/admin/', wildcard: false, index: ['index.html'] });
  const spa = (_req: unknown, reply: { sendFile: (f: string) => unknown }) => reply.sendFile('index.html');
  app.get('/admin/*', { config: { access: 'public' }, schema: { hide: true } }, spa as never);
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) => reply.redirect('/admin/'));
}
