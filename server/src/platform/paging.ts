import type { Queryable } from './db.js';

export interface Page<T> {
  data: T[];
  pagination: { page: number; pageSize: number; total: number };
}

/**
 * Runs a filtered list query once, with the total as a window count over the same rows.
 * `fromWhere` is the `FROM … WHERE …` part; `select` and `orderBy` apply to the page.
 * Only a page past the end (no rows to carry the total) costs a second, counting query.
 */
export async function pagedQuery<R, T>(
  q: Queryable,
  parts: { select: string; fromWhere: string; orderBy: string; params: unknown[] },
  page: { page: number; pageSize: number },
  map: (row: R) => T,
): Promise<Page<T>> {
  const n = parts.params.length;
  const rows = await q.query<R & { total_count: number }>(
    `SELECT ${parts.select}, count(*) OVER () AS total_count ${parts.fromWhere} ORDER BY ${parts.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...parts.params, page.pageSize, (page.page - 1) * page.pageSize],
  );
  let total = Number(rows[0]?.total_count ?? 0);
  if (rows.length === 0 && page.page > 1) {
    const [c] = await q.query<{ total: number }>(`SELECT count(*)::int AS total ${parts.fromWhere}`, parts.params);
    total = c?.total ?? 0;
  }
  return { data: rows.map(map), pagination: { page: page.page, pageSize: page.pageSize, total } };
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
