import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordSchema, emptyBodySchema, loginSchema, meSchema, okSchema, passwordPolicySchema } from '@xj/contracts';
import { AppError } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf, SESSION_COOKIE } from '../../platform/http/access.js';
import { AuthService } from './auth.service.js';

export async function authRoutes(app: FastifyInstance, { db, config, sessions }: AppDeps): Promise<void> {
  const service = new AuthService(db, config, sessions);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post(
    '/login',
    {
      config: { access: 'public', rateLimit: { max: config.login.rateLimitPerMinute, timeWindow: 60_000 } },
      schema: { tags, body: loginSchema, response: { 200: meSchema } },
    },
    async (req, reply) => {
      // Login CSRF: a browser always sends Origin on a cross-site POST.
      const origin = req.headers.origin;
      if (origin && safeHost(origin) !== req.headers.host) throw new AppError(403, 'CSRF_FAILED', '请求来源不被允许');
      const { token, me } = await service.login(req.body.username, req.body.password, req.ip, req.headers['user-agent'] ?? null);
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: config.cookieSecure, path: '/' });
      return me;
    },
  );

  r.post(
    '/logout',
    { config: { access: 'authenticated', allowDuringPasswordChange: true }, schema: { tags, body: emptyBodySchema, response: { 200: okSchema } } },
    async (req, reply) => {
      await service.logout(req.cookies[SESSION_COOKIE] ?? '', actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/me',
    { config: { access: 'authenticated', allowDuringPasswordChange: true }, schema: { tags, response: { 200: meSchema } } },
    async (req) => service.me(authOf(req)),
  );

  r.get(
    '/password-policy',
    { config: { access: 'public' }, schema: { tags, response: { 200: passwordPolicySchema } } },
    async () => config.passwordPolicy,
  );

  r.post(
    '/password',
    {
      config: { access: 'authenticated', allowDuringPasswordChange: true },
      schema: { tags, body: changePasswordSchema, response: { 200: okSchema } },
    },
    async (req) => {
      await service.changePassword(authOf(req), req.body.currentPassword, req.body.newPassword, actorOf(req));
      return { ok: true as const };
    },
  );
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
