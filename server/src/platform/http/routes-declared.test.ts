import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type RouteAccess } from '@xj/contracts';
import { freshDb, startTestApp, type TestApp } from '../../test/harness.js';
import { loadConfig } from '../config.js';
import { buildApp } from './app.js';
import { enforceRouteDeclarations } from './access.js';

// Records every route the real app registers.
const seen: { method: string; url: string; access: RouteAccess | undefined; allowDuringPasswordChange?: boolean }[] = [];
const record = (r: RouteOptions) => {
  const config = r.config as { access?: RouteAccess; allowDuringPasswordChange?: boolean } | undefined;
  for (const m of [r.method].flat()) seen.push({ method: m, url: r.url, access: config?.access, allowDuringPasswordChange: config?.allowDuringPasswordChange });
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false, onRoute: record });
});
afterAll(async () => t.close());

const VALID = new Set<string>([...PERMISSIONS, 'public', 'authenticated', 'signed', 'resident']);
const api = () => seen.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');

describe('route declarations', () => {
  it('every /api route declares a known access level', () => {
    expect(api().length).toBeGreaterThanOrEqual(29);
    for (const r of api()) expect(VALID.has(String(r.access)), `${r.method} ${r.url}: ${String(r.access)}`).toBe(true);
  });

  it('only sign-in, health, the password policy, the OpenAPI document, the residents\' reports and phone verification are public', () => {
    const pub = api().filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`).sort();
    expect(pub).toEqual([
      'GET /api/auth/password-policy', 'GET /api/health', 'GET /api/openapi.json',
      'GET /api/public/nodes', 'GET /api/public/ticket-categories', 'GET /api/public/tickets/:code',
      'POST /api/auth/login', 'POST /api/public/tickets', 'POST /api/public/tickets/:code/photos',
      // Residents verify a phone number (the demo SMS outbox: demo mode with the log sender only, as here).
      'GET /api/public/dev/sms-outbox', 'POST /api/public/resident/code', 'POST /api/public/resident/sign-out', 'POST /api/public/resident/verify',
      // What a consultation meeting's QR code opens (summary only; signing in is a `resident` route).
      'GET /api/public/consultations/meetings/:token',
      // 云商量: accepted topics and their comments (a resident's own view when a resident session comes along).
      'GET /api/public/consultations/topics', 'GET /api/public/consultations/topics/:id', 'GET /api/public/consultations/topics/:id/comments',
      // A public topic's plan files.
      'GET /api/public/consultations/attachments/:id',
      // Red shops that honour points (积分): names, places and services only.
      'GET /api/public/points/shops',
      // Upcoming volunteer activities (志愿服务活动): no personal data; signing up and checking in are `resident` routes.
      'GET /api/public/volunteers/activities', 'GET /api/public/volunteers/activities/:id',
      // Compounds' published property grades (四色管理考核): no personal data; the survey and scorecards are `resident` routes.
      'GET /api/public/property-ratings/compounds', 'GET /api/public/property-ratings/compounds/:id',
      // Red stations for the resident phone page (no personal data).
      'GET /api/public/red-stations', 'GET /api/public/red-stations/:id',
    ].sort());
  });

  it('routes for verified residents declare `resident` and live under /api/public', () => {
    const resident = api().filter((r) => r.access === 'resident').map((r) => `${r.method} ${r.url}`).sort();
    expect(resident).toContain('GET /api/public/resident/me');
    expect(resident).toContain('POST /api/public/consultations/meetings/:token/attend');
    expect(resident).toContain('POST /api/public/points/redeem');
    expect(resident).toContain('POST /api/public/volunteers/registrations');
    expect(resident).toContain('POST /api/public/volunteers/activities/:id/signup');
    expect(resident).toContain('POST /api/public/volunteers/checkout/:token');
    expect(resident).toContain('POST /api/public/property-ratings/inspections');
    expect(resident).toContain('POST /api/public/property-ratings/inspections/:id/photos');
    expect(resident).toContain('PUT /api/public/property-ratings/ratings/:id/scorecards/:source');
    expect(resident).toContain('POST /api/public/property-ratings/ratings/:id/survey');
    for (const r of resident) expect(r).toMatch(/^\w+ \/api\/public\//);
  });

  it('only the 12345 hotline intake is signed (no session, an HMAC signature on every request)', () => {
    const signed = api().filter((r) => r.access === 'signed').map((r) => `${r.method} ${r.url}`).sort();
    expect(signed).toEqual(['GET /api/hotline/tickets/:externalId', 'POST /api/hotline/tickets']);
  });

  it('only /api/auth/me, /password and /logout are open while a password change is pending', () => {
    const open = api().filter((r) => r.allowDuringPasswordChange).map((r) => `${r.method} ${r.url}`).sort();
    expect(open).toEqual(['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password']);
  });

  it('every write route needs a write permission or a signed-in user', () => {
    const writes = api().filter((r) => r.method !== 'GET' && r.access !== 'public' && r.access !== 'signed' && r.access !== 'resident');
    expect(writes.length).toBeGreaterThanOrEqual(15);
    const writePermissions = [...PERMISSIONS.filter((p) => /\.(write|manage|unmask|report|handle|confirm|configure|raise|request|answer|score|publish|approve|submit|review)$/.test(p)), 'authenticated'];
    for (const w of writes) expect(writePermissions, `${w.method} ${w.url}`).toContain(w.access);
  });

  it('every recorded route answers an anonymous caller as declared', async () => {
    for (const r of api()) {
      if (r.url.includes('*')) continue;
      const url = r.url.replace(/:\w+/g, '1');
      const res = await t.inject({ method: r.method as 'GET', url });
      if (r.access === 'public') expect(res.statusCode, `${r.method} ${url}`).not.toBe(401);
      else expect(res.statusCode, `${r.method} ${url}`).toBe(401);
    }
  });
});

describe('enforcement', () => {
  it('an app with an /api route that declares no access refuses to start', async () => {
    const app = Fastify({ logger: false });
    enforceRouteDeclarations(app);
    expect(() => app.get('/api/undeclared', async () => 'x')).toThrow(/declares no access/);
    expect(() => app.get('/api/declared', { config: { access: 'public' } }, async () => 'x')).not.toThrow();
    // Routes outside /api (static pages) and the docs UI are not concerned.
    expect(() => app.get('/elsewhere', async () => 'x')).not.toThrow();
    await app.close();
  });

  it('the real app rejects an undeclared route added to it, and in a plugin it fails app start', async () => {
    const { db, drop } = await freshDb();
    const app = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }), db, { logger: false });
    try {
      expect(() => app.post('/api/sneaky', async () => ({ ok: true }))).toThrow(/POST \/api\/sneaky declares no access/);
      app.register(async (p) => {
        p.get('/api/sneaky-plugin', async () => 'x');
      });
      await expect(app.ready()).rejects.toThrow(/declares no access/);
    } finally {
      await app.close().catch(() => undefined);
      await db.close().catch(() => undefined);
      await drop();
    }
  });
});
