/** The agenda scope (七议五不议) with its counts; `reload` after a change. */
import { useCallback, useEffect, useState } from 'react';
import type { AgendaCategoryList } from '@xj/contracts';
import { api } from '../../../shared/api';

export function useAgendaCategories() {
  const [list, setList] = useState<AgendaCategoryList | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<AgendaCategoryList>('/api/consultations/agenda-categories', { signal: controller.signal })
      .then(setList)
      .catch(() => undefined);
    return () => controller.abort();
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { list, reload };
}
