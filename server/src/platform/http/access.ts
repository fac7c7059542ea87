import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RESIDENT_COOKIE, type RouteAccess } from '@xj/contracts';
import { AppError } from '../errors.js';
import type { Actor } from '../audit/audit.js';
import type { AuthContext } from '../auth/scope.js';
import type { SessionStore } from '../auth/sessions.js';
import type { ResidentContext, ResidentSessionStore } from '../auth/resident-sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: a permission, any signed-in user, a signed machine caller, or anyone. Required on every /api route. */
    access?: RouteAccess;
    /** Reachable while the user still has to replace an initial password. */
    allowDuringPasswordChange?: boolean;
    /** On a `public` route: also resolve the resident session when the request carries one (`residentIfAny`). */
    optionalResident?: boolean;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    /** The verified resident of an `access: 'resident'` route. */
    resident: ResidentContext | null;
  }
}

export const SESSION_COOKIE = 'xj_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that plugins register for static documentation assets. */
const UNDECLARED_OK = /^\/api\/docs(\/|$)/;

/** Refuses to start an app with an /api route that does not say who may call it. */
export function enforceRouteDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || UNDECLARED_OK.test(route.url)) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access permission`);
  });
}

/** Resolves the session, checks CSRF and the route's permission before anything else runs. */
export function registerAccessControl(app: FastifyInstance, sessions: SessionStore, residents: ResidentSessionStore): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('resident', null);
  app.addHook('onRequest', async (req) => {
    const config = req.routeOptions.config;
    const access = config.access;
    // Sessionless routes: public ones, and signed ones whose own hook checks the request's signature.
    if (!access || access === 'public' || access === 'signed') {
      if (access === 'public' && config.optionalResident) {
        const token = req.cookies[RESIDENT_COOKIE];
        req.resident = token ? await residents.resolve(token) : null;
      }
      return;
    }
    if (access === 'resident') {
      // The resident cookie is SameSite=Lax and carries no CSRF token: unsafe methods must come from this origin.
      if (UNSAFE.has(req.method)) assertSameOrigin(req);
      const token = req.cookies[RESIDENT_COOKIE];
      const resident = token ? await residents.resolve(token) : null;
      if (!resident) throw new AppError(401, 'RESIDENT_UNVERIFIED', '请先验证手机号');
      req.resident = resident;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    const auth = token ? await sessions.resolve(token) : null;
    if (!auth) {
      throw token
        ? new AppError(401, 'SESSION_EXPIRED', '登录已过期，请重新登录')
        : new AppError(401, 'UNAUTHENTICATED', '请先登录');
    }
    if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== auth.csrfToken) {
      throw new AppError(403, 'CSRF_FAILED', '请求校验失败，请刷新页面后重试');
    }
    if (auth.user.mustChangePassword && !config.allowDuringPasswordChange) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录请先修改初始密码');
    }
    if (access !== 'authenticated' && !auth.permissions.has(access)) {
      throw new AppError(403, 'FORBIDDEN', '没有执行此操作的权限');
    }
    req.auth = auth;
  });
}

/** The signed-in context of a route that declared a permission (the hook guarantees it). */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  return req.auth;
}

/** The verified resident of a route that declared `access: 'resident'` (the hook guarantees it). */
export function residentOf(req: FastifyRequest): ResidentContext {
  if (!req.resident) throw new AppError(401, 'RESIDENT_UNVERIFIED', '请先验证手机号');
  return req.resident;
}

/** The verified resident of a `public` route with `optionalResident`, or null when the request carries no valid resident session. */
export function residentIfAny(req: FastifyRequest): ResidentContext | null {
  return req.resident;
}

/**
 * CSRF defence for cookie-carrying requests without a token (the resident session, sign-in):
 * a browser names the page's origin on every cross-origin POST (`Origin`) and, in current
 * browsers, says `Sec-Fetch-Site: cross-site`; either one pointing elsewhere is refused.
 * Clients that are not browsers send neither and carry no ambient cookie to abuse.
 */
export function assertSameOrigin(req: FastifyRequest): void {
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  if (site === 'cross-site' || (origin !== undefined && hostOf(origin) !== req.headers.host)) {
    throw new AppError(403, 'CSRF_FAILED', '请求来源不被允许');
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function actorOf(req: FastifyRequest): Actor {
  return { userId: req.auth?.user.id ?? null, name: req.auth?.user.username ?? null, ip: req.ip };
}
