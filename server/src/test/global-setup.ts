/**
 * Migrates and seeds the demo county once per test run, as a template every test file's
 * fresh database is copied from: a PostgreSQL template database (CREATE DATABASE … TEMPLATE)
 * or, on the embedded PGlite, a dump of its data directory. Seeding per file cost most of
 * each file's time.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dumpEmbedded, openDb } from '../platform/db.js';
import { migrate } from '../platform/migrate.js';
import { seedDemo } from '../seed/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded template: a PostgreSQL database name, or the path of a PGlite dump. */
    seededTemplate: { kind: 'postgres'; name: string } | { kind: 'pglite'; file: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = process.env.DATABASE_URL;
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (!base) {
    const db = await openDb({ dataDir: 'memory://' });
    await migrate(db);
    await seedDemo(db, { demoMode: true });
    const file = join(tmpdir(), `xj_seeded_${suffix}.tar`);
    await writeFile(file, Buffer.from(await (await dumpEmbedded(db)).arrayBuffer()));
    await db.close();
    project.provide('seededTemplate', { kind: 'pglite', file });
    return () => rm(file, { force: true });
  }
  const name = `xj_template_${suffix}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), dataDir: '', poolSize: 2 });
  await migrate(db);
  await seedDemo(db, { demoMode: true });
  await db.close();
  project.provide('seededTemplate', { kind: 'postgres', name });
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
