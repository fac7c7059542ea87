// Throughput and latency of a scoped read endpoint against the minimal Fastify + pg baseline.
// Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -w bench  (after npm run build)
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database)');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

const dbName = `xj_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(base);
url.pathname = `/${dbName}`;
const benchUrl = url.toString();

const children: ChildProcess[] = [];
async function start(cmd: string[], port: number, env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, cmd, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).status > 0) return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${cmd.join(' ')} did not start`);
}

function load(target: string, headers: Record<string, string> = {}) {
  return autocannon({ url: target, connections: 32, duration: DURATION, headers });
}

try {
  await start(['server/dist/main.js'], 3801, { DATABASE_URL: benchUrl, SEED_ON_EMPTY: 'true', DEMO_MODE: 'true', LOG_LEVEL: 'warn', HOST: '127.0.0.1', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  await start(['--import', 'tsx', 'bench/baseline-server.ts'], 3802, { DATABASE_URL: benchUrl });

  const login = await fetch('http://127.0.0.1:3801/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Xiajin@2026' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

  const app = await load('http://127.0.0.1:3801/api/nodes?kind=compound&pageSize=20', { cookie });
  const baseline = await load('http://127.0.0.1:3802/baseline');
  const row = (name: string, r: autocannon.Result) =>
    `${name.padEnd(32)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${r.latency.p50} ms   p90 ${r.latency.p90} ms   p99 ${r.latency.p99} ms   errors ${r.errors + r.non2xx}`;
  console.log(row('GET /api/nodes?kind=compound', app));
  console.log(row('baseline Fastify + pg', baseline));
  const ratio = app.requests.average / baseline.requests.average;
  console.log(`ratio ${(ratio * 100).toFixed(0)}% of baseline (target ≥ 60%); p99 target ≤ 20 ms`);
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
