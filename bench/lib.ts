// What every benchmark needs: its own database, the built server as a child process, a
// signed-in cookie and an autocannon run with exact percentiles.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/**
 * Requests per connection sent before each measured run and not counted, so that the server's
 * connection pool, PostgreSQL's caches and V8 are warm. A number of requests rather than seconds:
 * every one is answered before the run starts, so no slow warm-up query overlaps it.
 */
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
export const DEMO_PASSWORD = 'Xiajin@2026';
/** DESIGN.md §4: p95 for lists and details, the one-click query, the cockpit and other aggregate figures. */
export const TARGET_MS = { list: 20, detail: 20, search: 30, cockpit: 50 } as const;
export type TargetKind = keyof typeof TARGET_MS;

export const say = (m: string) => console.log(m);
export const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
export const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The benchmarks need a PostgreSQL server to create their database on. */
export function requirePostgres(): void {
  if (!/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '')) throw new Error('set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/test');
}

/** The first row of a query, or an error naming the query (the benchmark's arguments come from the data). */
export async function firstRow<R extends pg.QueryResultRow>(db: pg.Client, sql: string, params: unknown[] = []): Promise<R> {
  const { rows } = await db.query<R>(sql, params);
  if (!rows[0]) throw new Error(`no row for: ${sql}`);
  return rows[0];
}

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

/** Starts the built server once on an empty database, so that it migrates and loads the demo seed, then stops it. */
export async function seedDemo(url: string, port: number): Promise<void> {
  const t0 = performance.now();
  const seeding = await startNode(['server/dist/main.js'], port, serverEnv(url), 300_000);
  await seeding.stop();
  say(`  seeded in ${seconds(t0)}`);
}

/**
 * The frame of a county-scale benchmark: creates the database `name`, runs `body` with a client
 * on it and a list for the child processes it starts, then stops them and drops the database
 * (kept with BENCH_KEEP_DB=1, for EXPLAIN ANALYZE).
 */
export async function withBenchDatabase(name: string, body: (ctx: { url: string; db: pg.Client; children: Child[] }) => Promise<void>): Promise<void> {
  requirePostgres();
  const { url, done } = await benchDatabase(name);
  const db = new pg.Client({ connectionString: url });
  const children: Child[] = [];
  try {
    await db.connect();
    await body({ url, db, children });
  } finally {
    for (const c of children) await c.stop();
    await db.end().catch(() => undefined);
    const keep = Boolean(process.env.BENCH_KEEP_DB);
    if (keep) console.log(`kept ${url} (drop it with: DROP DATABASE ${name} WITH (FORCE))`);
    await done(keep);
  }
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
export function measure(url: string, opts: { connections: number; headers?: Record<string, string>; amount?: number }): Promise<Measured> {
  const times: number[] = [];
  const length = opts.amount === undefined ? { duration: DURATION } : { amount: opts.amount };
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: opts.connections, ...length, headers: opts.headers ?? {} }, (err, result) => {
      if (err) return reject(err instanceof Error ? err : new Error(String(err)));
      times.sort((a, b) => a - b);
      resolve({ result, p95: times.length ? times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]! : NaN });
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

/** One measured endpoint: `user` names the cookie it is sent with (none if there is no such cookie). */
export interface Case {
  name: string;
  user: string;
  path: string;
  target: TargetKind;
  /** A reference run (e.g. the minimal Fastify + pg baseline): shown, not judged. */
  yardstick?: boolean;
  /** Another port than the app's (the baseline server). */
  port?: number;
}

export interface Row {
  c: Case;
  m?: Measured;
  problem?: string;
}

/**
 * Measures each case in turn: one probe first (a non-200 is reported, not measured), WARMUP
 * requests per connection that are not counted, then autocannon for DURATION seconds.
 */
export async function runCases(cases: Case[], opts: { port: number; cookies: Record<string, string>; connections?: number }): Promise<Row[]> {
  const rows: Row[] = [];
  const connections = opts.connections ?? 10;
  for (const c of cases) {
    const target = `http://127.0.0.1:${c.port ?? opts.port}${c.path}`;
    const cookie = opts.cookies[c.user];
    const headers: Record<string, string> = cookie ? { cookie } : {};
    const probe = await fetch(target, { headers });
    const body = await probe.text();
    if (probe.status !== 200) {
      rows.push({ c, problem: `HTTP ${probe.status}` });
      say(`  ${c.name} as ${c.user}: HTTP ${probe.status}, not measured (${body.slice(0, 200)})`);
      continue;
    }
    if (WARMUP > 0) await measure(target, { connections, headers, amount: WARMUP * connections });
    const m = await measure(target, { connections, headers });
    rows.push({ c, m });
    say(`  ${c.name} as ${c.user}: ${m.result.requests.average.toFixed(0)} req/s, p95 ${m.p95.toFixed(1)} ms`);
  }
  return rows;
}

/** The results as a Markdown table, p95 judged against its target. */
export function table(rows: Row[]): string {
  const head = ['endpoint', 'as', 'req/s', 'p50', 'p95', 'p97.5', 'p99', 'target p95', 'result'];
  const body = rows.map(({ c, m, problem }) => {
    if (!m) return [c.name, c.user, '-', '-', '-', '-', '-', `${TARGET_MS[c.target]} ms`, problem ?? 'ERROR'];
    const r = m.result;
    const errors = r.errors + r.non2xx + r.timeouts;
    const verdict =
      errors > 0 ? `ERROR (${errors} failed)`
      : !Number.isFinite(m.p95) ? `NO ANSWER in ${DURATION} s`
      : c.yardstick ? '(yardstick)'
      : m.p95 <= TARGET_MS[c.target] ? 'PASS'
      : 'MISS';
    return [c.name, c.user, r.requests.average.toFixed(0), `${r.latency.p50}`, m.p95.toFixed(1), `${r.latency.p97_5}`, `${r.latency.p99}`, `${TARGET_MS[c.target]} ms`, verdict];
  });
  // Markdown: a literal | or < in a cell would break the table or vanish as HTML.
  const esc = (x: string) => x.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const cells = body.map((b) => b.map(esc));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((b) => b[i]!.length)));
  const numeric = (i: number) => i >= 2 && i <= 6;
  const line = (xs: string[]) => `| ${xs.map((x, i) => (numeric(i) ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (numeric(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...cells.map(line)].join('\n');
}

/** The footnote every results table carries. */
export const PERCENTILE_NOTE = "p95 is exact over every response of the run; p50/p97.5/p99 are autocannon's (1 ms resolution). Targets apply to p95.";
