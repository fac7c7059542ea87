import { useCallback, useEffect, useState } from 'react';

/**
 * A list read page by page behind a 更多 button: page 1 replaces the list, later pages append.
 * `state` is 'loading', 'ready' or the error message to show. `fetchPage` must be stable
 * (a module-level function or a useCallback).
 */
export function useMorePages<T>(fetchPage: (page: number) => Promise<{ data: T[]; total: number }>) {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [state, setState] = useState<'loading' | 'ready' | string>('loading');

  const load = useCallback(
    async (p: number) => {
      setState('loading');
      try {
        const res = await fetchPage(p);
        setItems((prev) => (p === 1 ? res.data : [...prev, ...res.data]));
        setTotal(res.total);
        setPage(p);
        setState('ready');
      } catch (e) {
        setState((e as Error).message);
      }
    },
    [fetchPage],
  );
  useEffect(() => {
    void load(1);
  }, [load]);
  return { items, total, page, state, load };
}
