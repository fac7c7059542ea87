// Throughput and latency of a scoped read endpoint against the minimal Fastify + pg baseline.
// Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -w bench  (after npm run build)
import autocannon from 'autocannon';
import { benchDatabase, DURATION, login, serverEnv, startNode, type Child } from './lib.js';

const { url, done } = await benchDatabase(`xj_bench_${process.pid}`);
const children: Child[] = [];

function load(target: string, headers: Record<string, string> = {}) {
  return autocannon({ url: target, connections: 32, duration: DURATION, headers });
}

try {
  children.push(await startNode(['server/dist/main.js'], 3801, serverEnv(url)));
  children.push(await startNode(['--import', 'tsx', 'bench/baseline-server.ts'], 3802, { DATABASE_URL: url }));
  const cookie = await login(3801, 'admin');

  const app = await load('http://127.0.0.1:3801/api/nodes?kind=compound&pageSize=20', { cookie });
  const baseline = await load('http://127.0.0.1:3802/baseline');
  const row = (name: string, r: autocannon.Result) =>
    `${name.padEnd(32)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${r.latency.p50} ms   p90 ${r.latency.p90} ms   p99 ${r.latency.p99} ms   errors ${r.errors + r.non2xx}`;
  console.log(row('GET /api/nodes?kind=compound', app));
  console.log(row('baseline Fastify + pg', baseline));
  const ratio = app.requests.average / baseline.requests.average;
  console.log(`ratio ${(ratio * 100).toFixed(0)}% of baseline (target ≥ 60%); p99 target ≤ 20 ms`);
} finally {
  for (const c of children) await c.stop();
  await done();
}
