import type { Permission, SearchItem, SearchResult } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import { pagedQuery } from '../../platform/paging.js';
import { nodeInScope } from '../nodes/nodes.service.js';

/** One kind of record the one-click query can find; modules contribute their own. */
export interface Searcher {
  type: string;
  label: string;
  /** The permission whose scope limits what this searcher may return. */
  permission: Permission;
  search(q: Queryable, f: { term: string; scopePatterns: string[]; limit: number }): Promise<{ total: number; items: SearchItem[] }>;
}

export class SearchService {
  constructor(
    private readonly db: Db,
    private readonly searchers: readonly Searcher[],
  ) {}

  /** Runs every searcher the caller is allowed to use, each within its own scope, grouped by type. */
  async search(auth: AuthContext, term: string, limit: number, nodeId?: number): Promise<SearchResult> {
    const usable = this.searchers.filter((s) => auth.permissions.has(s.permission));
    const groups = await Promise.all(
      usable.map(async (s) => {
        const scope = scopeFor(auth, s.permission);
        const patterns = nodeId ? [`${(await nodeInScope(this.db, nodeId, scope)).path}%`] : scopePatterns(scope);
        const found = await s.search(this.db, { term, scopePatterns: patterns, limit });
        return { type: s.type, label: s.label, ...found };
      }),
    );
    return { groups: groups.filter((g) => g.total > 0) };
  }
}

/** Runs a searcher's query: the first `limit` items, and the total (capped like every list's). */
export async function searchRows<R>(
  q: Queryable,
  parts: { select: string; fromWhere: string; orderBy: string; params: unknown[] },
  limit: number,
  toItem: (r: R) => SearchItem,
): Promise<{ total: number; items: SearchItem[] }> {
  const found = await pagedQuery(q, parts, { page: 1, pageSize: limit }, toItem);
  return { total: found.pagination.total, items: found.data };
}
