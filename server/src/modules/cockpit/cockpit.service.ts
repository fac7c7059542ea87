import type { CockpitSummaryDto } from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { scopePatterns, type Scope } from '../../platform/auth/scope.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import * as repo from './cockpit.repo.js';

export class CockpitService {
  constructor(private readonly db: Db) {}

  /** Headline counts for one node the caller may see, or for the caller's whole scope. */
  async summary(scope: Scope, nodeId?: number): Promise<CockpitSummaryDto> {
    let patterns = scopePatterns(scope);
    let node: { id: number; name: string; kind: string };
    if (nodeId) {
      const n = await nodeInScope(this.db, nodeId, scope);
      patterns = [`${n.path}%`];
      node = { id: n.id, name: n.name, kind: n.kind };
    } else {
      const first = scope.paths[0];
      if (!first) throw notFound('节点');
      const n = await nodeInScope(this.db, Number(first.split('/').at(-2)), scope);
      node = scope.paths.length === 1 ? { id: n.id, name: n.name, kind: n.kind } : { id: n.id, name: '我的管辖范围', kind: 'scope' };
    }
    const [kinds, branches, communities] = await Promise.all([
      repo.countNodesByKind(this.db, patterns),
      repo.countBranches(this.db, patterns),
      repo.compoundsPerCommunity(this.db, patterns),
    ]);
    const count = (kind: string) => kinds.filter((k) => k.kind === kind).reduce((s, k) => s + k.n, 0);
    const compoundKind = (ck: string) => kinds.find((k) => k.kind === 'compound' && k.compound_kind === ck)?.n ?? 0;
    return {
      node,
      counts: {
        subdistricts: count('subdistrict'),
        communities: count('community'),
        compounds: count('compound'),
        buildings: count('building'),
        stairwells: count('stairwell'),
        branches: branches.total,
        jointBranches: branches.joint,
      },
      compoundsByKind: { commercial: compoundKind('commercial'), work_unit: compoundKind('work_unit'), three_no: compoundKind('three_no') },
      communitiesBreakdown: communities,
      computedAt: new Date().toISOString(),
    };
  }
}
