import type { HeadlineDto } from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { scopePatterns, type Scope } from '../../platform/auth/scope.js';
import { getNode } from '../nodes/nodes.repo.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import * as repo from './stats.repo.js';

const ZERO = { communities: 0, compounds: 0, stewards: 0, redShops: 0, gigWorkers: 0, commissioners: 0, partyMembers: 0, dualRegisteredMembers: 0 };

export class StatsService {
  constructor(private readonly db: Db) {}

  /**
   * Headline figures for a node the caller may see (default: the caller's scope), with the
   * same figures for each child node so the console can drill down level by level.
   */
  async headline(scope: Scope, nodeId?: number): Promise<HeadlineDto> {
    const computedAt = new Date().toISOString();
    const only = scope.paths.length === 1 ? Number(scope.paths[0]!.split('/').at(-2)) : undefined;
    const id = nodeId ?? only;
    if (id === undefined) {
      // Several separate grants (e.g. a joint branch): the totals over all, each grant node as a child.
      const totals = await repo.headlineTotals(this.db, scopePatterns(scope));
      const children = await Promise.all(
        scope.paths.map(async (p) => {
          const node = (await getNode(this.db, Number(p.split('/').at(-2))))!;
          return { id: node.id, name: node.name, kind: node.kind, figures: await repo.headlineTotals(this.db, [`${p}%`]) };
        }),
      );
      return { ...totals, node: null, children, computedAt };
    }
    const node = await nodeInScope(this.db, id, scope);
    const [totals, byChild, kids] = await Promise.all([
      repo.headlineTotals(this.db, [`${node.path}%`]),
      repo.headlineByChild(this.db, node.path, node.depth),
      repo.childrenOf(this.db, node.id),
    ]);
    return {
      ...totals,
      node: { id: node.id, name: node.name, kind: node.kind },
      children: kids.map((k) => ({ ...k, figures: byChild.get(k.id) ?? ZERO })),
      computedAt,
    };
  }
}
