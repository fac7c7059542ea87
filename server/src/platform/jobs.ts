import type { FastifyBaseLogger } from 'fastify';
import type { Db, Queryable } from './db.js';

/**
 * In-process scheduler. Each run takes a PostgreSQL advisory lock first, so that with
 * several app nodes exactly one of them does the work each time.
 */
export function scheduleJob(
  db: Db,
  log: FastifyBaseLogger,
  name: string,
  lockKey: number,
  everyMs: number,
  run: (q: Queryable) => Promise<unknown>,
): { stop: () => void; tick: () => Promise<void> } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await db.tx(async (q) => {
        const [row] = await q.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [lockKey]);
        // The job works inside the lock's transaction, on its Queryable.
        if (row?.ok) await run(q);
      });
    } catch (err) {
      log.error({ err, job: name }, 'job failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
