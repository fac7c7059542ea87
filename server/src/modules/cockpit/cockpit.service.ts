import type { CockpitFiguresDto, CockpitSummaryDto } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import { computeFigures, type FigureNode } from './cockpit.figures.js';
import * as repo from './cockpit.repo.js';

/** A snapshot older than this is recomputed on request (the job refreshes every 5 minutes). */
export const SNAPSHOT_MAX_AGE_MS = 10 * 60_000;
export const SNAPSHOT_JOB_EVERY_MS = 5 * 60_000;

const idOfPath = (path: string) => Number(path.split('/').at(-2));

/** Computes a node's figures now and stores them as its snapshot. */
export async function refreshSnapshot(q: Queryable, node: FigureNode): Promise<{ figures: CockpitFiguresDto; computedAt: Date }> {
  const computedAt = new Date();
  const figures = await computeFigures(q, node, computedAt);
  await repo.writeSnapshot(q, node.id, figures, computedAt);
  return { figures, computedAt };
}

/** The job: refreshes the county's, subdistricts' and communities' snapshots (compounds are computed on demand). */
export async function refreshCockpitSnapshots(q: Queryable): Promise<number> {
  const nodes = await repo.snapshotNodes(q);
  for (const n of nodes) await refreshSnapshot(q, n);
  return nodes.length;
}

export class CockpitService {
  /** Computations in progress per node: concurrent requests for a stale node share one. */
  private readonly inflight = new Map<number, Promise<{ figures: CockpitFiguresDto; computedAt: Date }>>();

  constructor(
    private readonly db: Db,
    private readonly mapTileUrl: string | null,
  ) {}

  /**
   * The cockpit for one node the caller may see (default: the caller's first scope root), from its
   * snapshot when fresh, else computed now. Out of scope: 404.
   */
  async summary(scope: Scope, nodeId?: number): Promise<CockpitSummaryDto> {
    const first = scope.paths[0];
    if (!first) throw notFound('节点');
    const node = await repo.nodeWithSnapshot(this.db, nodeId ?? idOfPath(first));
    if (!node || !pathInScope(node.path, scope)) throw notFound('节点');
    const ancestors = node.path.split('/').filter(Boolean).map(Number);
    const fresh = node.computed_at !== null && Date.now() - new Date(node.computed_at).getTime() < SNAPSHOT_MAX_AGE_MS;
    const [levels, computed] = await Promise.all([
      repo.breadcrumbAndRoots(this.db, ancestors, scopePatterns(scope), scope.paths.map(idOfPath)),
      fresh ? { figures: (typeof node.figures === 'string' ? JSON.parse(node.figures) : node.figures) as CockpitFiguresDto, computedAt: new Date(node.computed_at!) } : this.recompute(node),
    ]);
    const ref = ({ id, name, kind }: { id: number; name: string; kind: string }) => ({ id, name, kind });
    return {
      ...computed.figures,
      node: ref(node),
      roots: levels.filter((l) => l.root).map(ref),
      breadcrumb: levels.filter((l) => l.crumb).map(ref),
      mapTileUrl: this.mapTileUrl,
      computedAt: computed.computedAt.toISOString(),
    };
  }

  private recompute(node: FigureNode): Promise<{ figures: CockpitFiguresDto; computedAt: Date }> {
    let running = this.inflight.get(node.id);
    if (!running) {
      running = refreshSnapshot(this.db, node).finally(() => this.inflight.delete(node.id));
      this.inflight.set(node.id, running);
    }
    return running;
  }
}
