import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';

/** Anything that runs SQL: the database or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements at once, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// int8 (counts, bigint ids) fit comfortably in a JS number at this scale.
pg.types.setTypeParser(20, (v) => Number(v));

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  constructor(private readonly pool: pg.Pool) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const res = await this.pool.query(sql, params as unknown[]);
    return res.rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const q: Queryable = {
      query: async <R>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, params as unknown[])).rows as R[],
      exec: async (sql: string) => {
        await client.query(sql);
      },
    };
    try {
      await client.query('BEGIN');
      const result = await fn(q);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * PGlite is one connection: a transaction holds it, and a query issued on the database
 * (instead of on the transaction) from inside that transaction would wait for it forever.
 * Such a call fails loudly here instead of hanging the whole server.
 */
class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  private readonly inTx = new AsyncLocalStorage<true>();
  constructor(private readonly pg: PGlite) {}

  private assertNotInTx(): void {
    if (this.inTx.getStore()) throw new Error('database used directly inside a transaction: use the transaction\'s Queryable');
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    this.assertNotInTx();
    return (await this.pg.query<T>(sql, params as unknown[])).rows;
  }

  async exec(sql: string): Promise<void> {
    this.assertNotInTx();
    await this.pg.exec(sql);
  }

  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    this.assertNotInTx();
    return this.pg.transaction(async (tx) =>
      this.inTx.run(true, () =>
        fn({
          query: async <R>(sql: string, params: readonly unknown[] = []) => (await tx.query<R>(sql, params as unknown[])).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      ),
    );
  }

  async close(): Promise<void> {
    await this.pg.close();
  }

  /** The whole data directory as an uncompressed tarball (PGlite's own format). */
  dumpDataDir(): Promise<Blob> {
    return this.pg.dumpDataDir('none');
  }
}

/** A copy of an embedded database's files, to start other databases from (the test suite's seeded template). */
export function dumpEmbedded(db: Db): Promise<Blob> {
  if (!(db instanceof PgliteDb)) throw new Error('only an embedded database can be dumped');
  return db.dumpDataDir();
}

/** PostgreSQL via DATABASE_URL, else embedded PGlite in `dataDir` (`memory://` for tests). */
export async function openDb(opts: { databaseUrl?: string | undefined; dataDir: string; poolSize?: number; loadDataDir?: Blob }): Promise<Db> {
  if (opts.databaseUrl) {
    // JIT compilation pays off for long analytical scans, not for this workload: a year's ticket
    // rates spent ~400 ms compiling a ~450 ms query (bench/README.md). Off for our connections.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, options: '-c jit=off' });
    await pool.query('SELECT 1');
    return new PostgresDb(pool);
  }
  const [{ PGlite }, { pg_trgm }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm')]);
  if (!opts.dataDir.startsWith('memory://')) mkdirSync(opts.dataDir, { recursive: true });
  // The same extensions as the PostgreSQL deployments: pg_trgm indexes Chinese substrings for search.
  const instance = await PGlite.create(opts.dataDir, { extensions: { pg_trgm }, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  return new PgliteDb(instance);
}
