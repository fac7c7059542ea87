// What every benchmark needs: its own database, the built server as a child process, a
// signed-in cookie and an autocannon run with exact percentiles.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
export const DEMO_PASSWORD = 'Xiajin@2026';

/** The environment the built server runs with: demo seed on an empty database, quiet logs. */
export function serverEnv(databaseUrl: string): Record<string, string> {
  return { DATABASE_URL: databaseUrl, SEED_ON_EMPTY: 'true', DEMO_MODE: 'true', LOG_LEVEL: 'warn', HOST: '127.0.0.1', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' };
}

/** Creates a database named `name` on the server of DATABASE_URL; `done` drops it unless asked to keep it. */
export async function benchDatabase(name: string): Promise<{ url: string; done: (keep?: boolean) => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database)');
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    done: async (keep = false) => {
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface Child {
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node <args>` on `port` and waits until it answers HTTP. */
export async function startNode(args: string[], port: number, env: Record<string, string>, timeoutMs = 120_000): Promise<Child> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).status > 0) return { process: child, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await stop();
  throw new Error(`${args.join(' ')} did not start`);
}

/** Signs in a demo account and returns its session cookie. */
export async function login(port: number, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

export interface Measured {
  result: autocannon.Result;
  /** Exact 95th percentile (ms) over every response, which autocannon's summary does not report. */
  p95: number;
}

/** One autocannon run; every response time is kept so that p95 is exact rather than interpolated. */
export function measure(url: string, opts: { connections: number; headers?: Record<string, string> }): Promise<Measured> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: opts.connections, duration: DURATION, headers: opts.headers ?? {} }, (err, result) => {
      if (err) return reject(err instanceof Error ? err : new Error(String(err)));
      times.sort((a, b) => a - b);
      resolve({ result, p95: times.length ? times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]! : NaN });
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}
