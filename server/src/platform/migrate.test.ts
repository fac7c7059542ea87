import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../test/harness.js';
import type { Db } from './db.js';
import { migrate, readMigrations, type MigrationFile } from './migrate.js';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDb());
});
afterAll(async () => {
  await db.close();
  await drop();
});

const tables = async () =>
  (await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")).map((r) => r.table_name);

describe('migrations', () => {
  it('a failing migration leaves the database exactly as it was', async () => {
    const files: MigrationFile[] = [
      { version: '0001_good', sql: 'CREATE TABLE mig_first (id int PRIMARY KEY); INSERT INTO mig_first VALUES (1);' },
      { version: '0002_bad', sql: 'CREATE TABLE mig_second (id int); SELECT * FROM no_such_table;' },
    ];
    await expect(migrate(db, files)).rejects.toThrow(/Migration 0002_bad failed/);
    expect(await tables()).toEqual([]);
    // Not even the bookkeeping table is left behind.
    expect((await db.query<{ t: string | null }>("SELECT to_regclass('public.schema_migrations')::text AS t"))[0]!.t).toBeNull();
  });

  it('the real migrations apply on an empty database', async () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => f.version)).toEqual([...files.map((f) => f.version)].sort());
    const applied = await migrate(db);
    expect(applied).toEqual(files.map((f) => f.version));
    expect(await tables()).toEqual(expect.arrayContaining(['audit_log', 'branch_compounds', 'grants', 'nodes', 'party_orgs', 'schema_migrations', 'sessions', 'users']));
    const recorded = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(recorded.map((r) => r.version)).toEqual(applied);
  });

  it('re-running applies nothing', async () => {
    const before = await tables();
    expect(await migrate(db)).toEqual([]);
    expect(await tables()).toEqual(before);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations'))[0]!.n).toBe(readMigrations().length);
  });

  it('a later failing migration rolls back with all its companions, leaving earlier ones alone', async () => {
    const before = await tables();
    const files: MigrationFile[] = [
      ...readMigrations(),
      { version: '9001_new', sql: 'CREATE TABLE mig_new (id int);' },
      { version: '9002_broken', sql: 'ALTER TABLE nodes ADD COLUMN oops int; CREATE TABLE (;' },
    ];
    await expect(migrate(db, files)).rejects.toThrow(/Migration 9002_broken failed/);
    expect(await tables()).toEqual(before);
    expect((await db.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'nodes' AND column_name = 'oops'")).length).toBe(0);
    expect((await db.query("SELECT 1 FROM schema_migrations WHERE version LIKE '900%'")).length).toBe(0);
    // Once fixed, the pending ones apply together.
    const fixed = [...files.slice(0, -1), { version: '9002_broken', sql: 'CREATE TABLE mig_fixed (id int);' }];
    expect(await migrate(db, fixed)).toEqual(['9001_new', '9002_broken']);
  });
});
