/** Budget lines in scope for a year, as select options ("2026 · 府前社区 · 红色管家补贴"). */
import { useEffect, useState } from 'react';
import { BUDGET_KIND_LABELS, LIMITS } from '@xj/contracts/domain';
import type { BudgetLineDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useEnumLabels } from '../../registry/useEnumLabel';

export function useBudgetLines(year: number, enabled: boolean) {
  const { label } = useEnumLabels();
  const [lines, setLines] = useState<BudgetLineDto[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    api
      .get<{ data: BudgetLineDto[] }>('/api/funding/lines', { query: { year, pageSize: LIMITS.pageSizeMax }, signal: controller.signal })
      .then((r) => setLines(r.data))
      .catch(() => undefined);
    return () => controller.abort();
  }, [year, enabled]);
  const optionOf = (l: BudgetLineDto) => ({ value: l.id, label: `${l.year} · ${l.nodeName} · ${label(BUDGET_KIND_LABELS, l.kind)}` });
  return { lines, optionOf };
}
