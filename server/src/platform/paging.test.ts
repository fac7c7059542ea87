import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../test/harness.js';
import type { Db } from './db.js';
import { COUNT_CAP, pagedQuery, Where } from './paging.js';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await freshDb());
});
afterAll(async () => {
  await db.close();
  await drop();
});

/** Pages of the numbers 1..n above `min`, in order. */
function numbers(n: number, page: number, pageSize: number, min = 0) {
  const where = new Where().add('g > ?', min);
  return pagedQuery<{ g: number }, number>(
    db,
    { select: 'g', fromWhere: `FROM generate_series(1, ${n}) g ${where}`, orderBy: 'g', params: where.params },
    { page, pageSize },
    (r) => r.g,
  );
}

describe('pagedQuery', () => {
  it('gives the page and the exact total up to the cap', async () => {
    expect(await numbers(45, 1, 20)).toEqual({ data: Array.from({ length: 20 }, (_, i) => i + 1), pagination: { page: 1, pageSize: 20, total: 45, totalCapped: false } });
    expect((await numbers(45, 3, 20)).data).toEqual([41, 42, 43, 44, 45]);
    expect((await numbers(45, 3, 20)).pagination.total).toBe(45);
    expect((await numbers(45, 1, 20, 40)).pagination).toEqual({ page: 1, pageSize: 20, total: 5, totalCapped: false });
    expect((await numbers(COUNT_CAP, 1, 20)).pagination).toMatchObject({ total: COUNT_CAP, totalCapped: false });
  });

  it('a page past the end is empty and still carries the total', async () => {
    expect(await numbers(45, 9, 20)).toEqual({ data: [], pagination: { page: 9, pageSize: 20, total: 45, totalCapped: false } });
    expect((await numbers(0, 1, 20)).pagination).toMatchObject({ total: 0, totalCapped: false });
  });

  it('stops counting past the cap and says so', async () => {
    const big = await numbers(COUNT_CAP + 5, 1, 20);
    expect(big.data).toHaveLength(20);
    expect(big.pagination).toEqual({ page: 1, pageSize: 20, total: COUNT_CAP, totalCapped: true });
    // A page beyond the cap still answers its rows.
    expect((await numbers(COUNT_CAP + 5, (COUNT_CAP + 5 - 1) / 4 + 1, 4)).data).toEqual([COUNT_CAP + 5]);
  });
});
