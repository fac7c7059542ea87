import type { Queryable } from './db.js';

export interface Page<T> {
  data: T[];
  pagination: { page: number; pageSize: number; total: number; totalCapped: boolean };
}

/**
 * Counting stops here. An exact count of a county-wide list (200,000 residents) costs more than
 * the page itself; past the cap the total reads "10,000+" and the user narrows the filters.
 */
export const COUNT_CAP = 10_000;

/**
 * Runs a filtered list query: the page (ORDER BY … LIMIT, so an index on the order can stop early)
 * and, unless the first page already shows everything, a count of the same rows capped at `countCap`.
 * `fromWhere` is the `FROM … WHERE …` part; `select` and `orderBy` apply to the page.
 */
export async function pagedQuery<R, T>(
  q: Queryable,
  parts: { select: string; fromWhere: string; orderBy: string; params: unknown[] },
  page: { page: number; pageSize: number },
  map: (row: R) => T,
  countCap: number = COUNT_CAP,
): Promise<Page<T>> {
  const n = parts.params.length;
  const offset = (page.page - 1) * page.pageSize;
  const rows = await q.query<R>(`SELECT ${parts.select} ${parts.fromWhere} ORDER BY ${parts.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`, [
    ...parts.params,
    page.pageSize,
    offset,
  ]);
  let total = offset + rows.length;
  if (rows.length === page.pageSize || (rows.length === 0 && offset > 0)) {
    const [c] = await q.query<{ total: number }>(`SELECT count(*)::int AS total FROM (SELECT 1 ${parts.fromWhere} LIMIT $${n + 1}) counted`, [
      ...parts.params,
      countCap + 1,
    ]);
    // Past the cap the count stops short of deep pages; a page past the end has only the count.
    total = rows.length ? Math.max(c?.total ?? 0, total) : (c?.total ?? 0);
  }
  const totalCapped = total > countCap;
  return { data: rows.map(map), pagination: { page: page.page, pageSize: page.pageSize, total: totalCapped ? countCap : total, totalCapped } };
}

/** Builds `AND`-joined conditions with numbered parameters. */
export class Where {
  readonly params: unknown[] = [];
  private readonly conds: string[] = [];

  /** Adds a condition; each `?` in it becomes the next parameter. */
  add(cond: string, ...values: unknown[]): this {
    let i = 0;
    this.conds.push(cond.replace(/\?/g, () => `$${this.params.length + ++i}`));
    this.params.push(...values);
    return this;
  }

  addIf(present: unknown, cond: string, ...values: unknown[]): this {
    return present === undefined || present === null || present === '' ? this : this.add(cond, ...values);
  }

  toString(): string {
    return this.conds.length ? `WHERE ${this.conds.join(' AND ')}` : '';
  }
}

/** Escapes LIKE wildcards in user search text. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
