/** Loads (and caches for the page's lifetime) the caller's scope tree: GET /api/nodes/tree. */
import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import type { ScopeNode } from './tree';

let cache: Promise<ScopeNode[]> | null = null;

function load(force: boolean): Promise<ScopeNode[]> {
  if (!cache || force) {
    const p = api.get<{ nodes: ScopeNode[] }>('/api/nodes/tree').then((r) => r.nodes);
    cache = p;
    p.catch(() => {
      if (cache === p) cache = null;
    });
  }
  return cache;
}

/** Forget the cached tree (after the tree changed, or at sign-out). */
export function invalidateScopeTree(): void {
  cache = null;
}

export function useScopeTree(enabled = true) {
  const [nodes, setNodes] = useState<ScopeNode[]>([]);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState(false);

  const fetchTree = useCallback(async (force: boolean) => {
    setLoading(true);
    setError(false);
    try {
      setNodes(await load(force));
    } catch {
      setError(true);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) void fetchTree(false);
  }, [enabled, fetchTree]);

  const reload = useCallback(() => fetchTree(true), [fetchTree]);
  return { nodes, loading, error, reload };
}
