/** A registry record's details in a drawer; with `loadDetail` the full record is fetched first. */
import { useEffect, useState } from 'react';
import { Alert, Descriptions, Drawer, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../shared/api';
import type { RegistrySpec } from './types';

interface Props<T extends { id: number }> {
  spec: RegistrySpec<T>;
  row: T | null;
  onClose: () => void;
}

export function RegistryDrawer<T extends { id: number }>({ spec, row, onClose }: Props<T>) {
  const { t } = useTranslation();
  const [full, setFull] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setFull(null);
    setError(null);
    if (!row) return;
    if (!spec.loadDetail) {
      setFull(row);
      return;
    }
    const controller = new AbortController();
    api
      .get<T>(`${spec.apiPath}/${row.id}`, { signal: controller.signal, silent: true })
      .then(setFull)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(isApiError(e) ? e.message : t('errors.generic'));
      });
    return () => controller.abort();
  }, [row, spec, t]);

  return (
    <Drawer open={row !== null} onClose={onClose} title={row ? spec.nameOf(row) : ''} size={640} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} />}
      {!full && !error && <Skeleton active />}
      {full && (
        <>
          <Descriptions bordered column={1} size="small" items={spec.detailItems(full)} />
          {spec.detailExtra?.(full)}
        </>
      )}
    </Drawer>
  );
}
