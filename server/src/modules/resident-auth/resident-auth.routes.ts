import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  emptyBodySchema,
  maskPhone,
  okSchema,
  RESIDENT_COOKIE,
  RESIDENT_SESSION_DAYS,
  residentCodeRequestSchema,
  residentCodeSentSchema,
  residentMeSchema,
  residentVerifiedSchema,
  residentVerifySchema,
  smsOutboxQuerySchema,
  smsOutboxSchema,
} from '@xj/contracts';
import { AppError, notFound } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/app.js';
import { assertSameOrigin, residentOf } from '../../platform/http/access.js';
import { LogSmsSender } from '../../platform/sms/sms.js';
import { ResidentAuthService } from './resident-auth.service.js';

const MINUTE = 60_000;

/** A 429 of the service carries its wait: say it in Retry-After too. */
async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const wait = err instanceof AppError && err.status === 429 ? (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
    if (wait) void reply.header('retry-after', String(wait));
    throw err;
  }
}

/**
 * Verified residents (mounted at /api/public/resident). Sending and checking codes and signing
 * out need no session (`public`); every POST must come from this origin (`assertSameOrigin`),
 * which keeps a cross-site page from signing a browser in or out. `GET /me` is the first
 * `resident` route: 401 RESIDENT_UNVERIFIED without a resident session.
 */
export async function residentAuthRoutes(app: FastifyInstance, { db, config, residents, sms }: AppDeps): Promise<void> {
  const service = new ResidentAuthService(db, config, sms, residents);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  const open = (max: number) => ({ access: 'public' as const, rateLimit: { max, timeWindow: MINUTE } });
  app.addHook('onRequest', async (req) => {
    if (req.method === 'POST') assertSameOrigin(req);
  });

  r.post('/code', { config: open(60), schema: { tags, body: residentCodeRequestSchema, response: { 200: residentCodeSentSchema } } }, async (req, reply) =>
    withRetryAfter(reply, () => service.sendCode(req.body.phone, req.ip)),
  );

  r.post('/verify', { config: open(60), schema: { tags, body: residentVerifySchema, response: { 200: residentVerifiedSchema } } }, async (req, reply) => {
    const { token, phoneMasked } = await withRetryAfter(reply, () => service.verify(req.body.phone, req.body.code, req.ip, req.headers['user-agent'] ?? null));
    reply.setCookie(RESIDENT_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      path: '/',
      maxAge: RESIDENT_SESSION_DAYS * 24 * 3600,
    });
    return { phoneMasked };
  });

  r.get('/me', { config: { access: 'resident', rateLimit: { max: 300, timeWindow: MINUTE } }, schema: { tags, response: { 200: residentMeSchema } } }, async (req) =>
    service.me(residentOf(req)),
  );

  r.post('/sign-out', { config: open(30), schema: { tags, body: emptyBodySchema, response: { 200: okSchema } } }, async (req, reply) => {
    await service.signOut(req.cookies[RESIDENT_COOKIE]);
    reply.clearCookie(RESIDENT_COOKIE, { path: '/' });
    return { ok: true as const };
  });
}

/**
 * Demo mode with the log sender only (otherwise never registered): the latest code sent to a
 * phone, so a browser test or a demonstration can finish a verification. Anyone can read any
 * code here, which is why it exists only where nothing real is at stake (docs/operations.md).
 */
export async function smsOutboxRoutes(app: FastifyInstance, { config, sms }: AppDeps): Promise<void> {
  if (!config.demoMode || !(sms instanceof LogSmsSender)) return;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/sms-outbox',
    { config: { access: 'public', rateLimit: { max: 120, timeWindow: MINUTE } }, schema: { tags: ['resident'], querystring: smsOutboxQuerySchema, response: { 200: smsOutboxSchema } } },
    async (req) => {
      const m = sms.latest(req.query.phone);
      if (!m) throw notFound('该手机号的短信');
      return { phoneMasked: maskPhone(m.phone)!, code: m.code, sentAt: m.sentAt.toISOString() };
    },
  );
}
