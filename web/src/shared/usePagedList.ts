/**
 * A server-side paginated list (`{ data, pagination }` answers): filter and page state, the
 * fetch, and the antd Table pagination props. Changing a filter goes back to page 1.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@xj/contracts/domain';
import { api } from './api';

export type FilterValue = string | number | boolean | undefined;
export type Filters = Record<string, FilterValue>;

export interface ListAnswer<T> {
  data: T[];
  /** `totalCapped`: the server stopped counting at `total` (10,000+). */
  pagination: { page: number; pageSize: number; total: number; totalCapped?: boolean };
}

export function usePagedList<T, F extends Filters = Filters>(path: string, initial: F) {
  const { t } = useTranslation();
  const [filters, setFiltersState] = useState<F>(initial);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(LIMITS.pageSizeDefault);
  const [result, setResult] = useState<ListAnswer<T> | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .get<ListAnswer<T>>(path, { query: { ...filters, page, pageSize }, signal: controller.signal })
      .then((r) => setResult(r))
      .catch(() => undefined) // shown by the API wrapper (or aborted)
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, filters, page, pageSize, version]);

  const setFilters = useCallback((patch: Partial<F>) => {
    setFiltersState((prev) => ({ ...prev, ...patch }));
    setPage(1);
  }, []);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: result?.pagination.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total) => t(result?.pagination.totalCapped ? 'common.totalCapped' : 'common.total', { total }),
    onChange: (p, size) => {
      setPage(size !== pageSize ? 1 : p);
      setPageSize(size);
    },
  };

  return { filters, setFilters, rows: result?.data ?? [], total: result?.pagination.total ?? 0, loading, reload, pagination };
}
