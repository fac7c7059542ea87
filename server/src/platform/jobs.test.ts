import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../test/harness.js';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { scheduleJob } from './jobs.js';
import { SessionStore } from './auth/sessions.js';

let db: Db;
let drop: () => Promise<void>;
const log = { error: () => undefined } as unknown as Parameters<typeof scheduleJob>[1];

beforeAll(async () => {
  ({ db, drop } = await freshDb());
  await migrate(db);
});
afterAll(async () => {
  await db.close();
  await drop();
});

describe('scheduled jobs', () => {
  it('the session purge runs inside its lock transaction and removes idle and expired sessions', async () => {
    const [user] = await db.query<{ id: number }>("INSERT INTO users (username, display_name, password_hash) VALUES ('job', 'job', 'x') RETURNING id");
    await db.query(
      `INSERT INTO sessions (id, user_id, csrf_token, expires_at, last_seen_at) VALUES
         ('fresh', $1, 'c', now() + interval '1 hour', now()),
         ('idle', $1, 'c', now() + interval '1 hour', now() - interval '31 minutes'),
         ('expired', $1, 'c', now() - interval '1 minute', now())`,
      [user!.id],
    );
    const sessions = new SessionStore(db, { idleMinutes: 30, maxHours: 12, cacheSeconds: 0 });
    let purged = -1;
    const job = scheduleJob(db, log, 'purge-sessions', 7_244_100, 60_000, async (q) => {
      purged = await sessions.purgeExpired(q);
    });
    job.stop();
    await job.tick();
    expect(purged).toBe(2);
    expect((await db.query<{ id: string }>('SELECT id FROM sessions')).map((r) => r.id)).toEqual(['fresh']);
  });

  it('a query on the database from inside a transaction fails instead of hanging the embedded database', async () => {
    const attempt = db.tx(async () => db.query('SELECT 1'));
    if (db.kind === 'pglite') await expect(attempt).rejects.toThrow(/inside a transaction/);
    else await expect(attempt).resolves.toEqual([{ '?column?': 1 }]);
    // The database still answers afterwards.
    expect(await db.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
  });
});
