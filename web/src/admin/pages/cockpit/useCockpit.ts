/** The cockpit's figures for the node in the URL (?nodeId=), so that reloads and links keep the level. */
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CockpitSummaryDto } from '@xj/contracts';
import { api } from '../../../shared/api';

export function useCockpit() {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('nodeId'));
  const nodeId = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  const [data, setData] = useState<CockpitSummaryDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setFailed(false);
    try {
      setData(await api.get<CockpitSummaryDto>('/api/cockpit/summary', { query: { nodeId } }));
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, [nodeId]);

  useEffect(() => {
    void load();
  }, [load]);

  const drill = useCallback(
    (id: number) => {
      const next = new URLSearchParams(params);
      next.set('nodeId', String(id));
      setParams(next);
    },
    [params, setParams],
  );

  return { data, loading, failed, reload: load, nodeId, drill };
}
