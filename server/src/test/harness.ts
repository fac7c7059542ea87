import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { loadConfig, type Config } from '../platform/config.js';
import { openDb, type Db } from '../platform/db.js';
import { migrate } from '../platform/migrate.js';
import { buildApp, type BuildOptions } from '../platform/http/app.js';
import { seedDemo, DEMO_PASSWORD } from '../seed/seed.js';

export { DEMO_PASSWORD };

type Template = ReturnType<typeof inject<'seededTemplate'>>;

/**
 * A fresh database per test file: a new PostgreSQL database when DATABASE_URL is set
 * (CI runs the suite against the machine's PostgreSQL), else an in-memory PGlite. Given the
 * run's seeded template (test/global-setup.ts), it starts as a copy of it.
 */
export async function freshDb(template?: Template): Promise<{ db: Db; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    if (template?.kind === 'pglite') return { db: await openDb({ dataDir: 'memory://', loadDataDir: new Blob([await readFile(template.file)]) }), drop: async () => undefined };
    const db = await openDb({ dataDir: 'memory://' });
    return { db, drop: async () => undefined };
  }
  const name = `xj_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(template?.kind === 'postgres' ? `CREATE DATABASE ${name} TEMPLATE ${template.name}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), dataDir: '', poolSize: 5 });
  return {
    db,
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // A closed pool's connections may still be hanging up: let them go before forcing the
      // drop, or a terminated connection reports an error nobody listens to any more.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0]!.n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  /** Signs in and returns a client that carries the session cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>;
  /** An anonymous request. */
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface Client {
  csrfToken: string;
  cookie: string;
  me: Record<string, unknown>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function startTestApp(opts: { seed?: boolean; env?: Record<string, string>; onRoute?: BuildOptions['onRoute'] } = {}): Promise<TestApp> {
  const seeded = opts.seed !== false;
  // The seeded template exists when the run has the global setup (the server suite does).
  const template = seeded ? inject('seededTemplate') : undefined;
  const { db, drop } = await freshDb(template);
  if (!template) {
    await migrate(db);
    if (seeded) await seedDemo(db, { demoMode: true });
  }
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', DEMO_MODE: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_REPORT_RATE_LIMIT_PER_HOUR: '1000', ...opts.env });
  const app = await buildApp(config, db, { logger: false, onRoute: opts.onRoute });
  await app.ready();

  const login = async (username: string, password = DEMO_PASSWORD): Promise<Client> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = res.json() as { csrfToken: string };
    const request = (o: InjectOptions) =>
      app.inject({ ...o, headers: { cookie, 'x-csrf-token': me.csrfToken, ...(o.headers ?? {}) } });
    return {
      csrfToken: me.csrfToken,
      cookie,
      me,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, body) => request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
      patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
      delete: (url) => request({ method: 'DELETE', url }),
    };
  };

  return {
    app,
    db,
    config,
    login,
    inject: (o) => app.inject(o),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** Ids of demo nodes by name, for readable tests. */
export async function nodeId(db: Db, name: string): Promise<number> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM nodes WHERE name = $1 ORDER BY id LIMIT 1', [name]);
  if (!row) throw new Error(`no node named ${name}`);
  return row.id;
}
