import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from './db.js';

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);
// Any constant: several app nodes starting together migrate one at a time.
const MIGRATION_LOCK = 7_244_001;

export interface MigrationFile {
  version: string;
  sql: string;
}

export function readMigrations(dir: URL = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(new URL(f, dir), 'utf8') }));
}

/**
 * Applies every pending migration in a single transaction: either all of them land, or
 * (on any error) none does and the database is left exactly as it was.
 */
export async function migrate(db: Db, files: MigrationFile[] = readMigrations()): Promise<string[]> {
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await q.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await q.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: string[] = [];
    for (const m of files) {
      if (done.has(m.version)) continue;
      try {
        await q.exec(m.sql);
      } catch (err) {
        throw new Error(`Migration ${m.version} failed: ${(err as Error).message}`, { cause: err });
      }
      await q.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
      applied.push(m.version);
    }
    return applied;
  });
}
