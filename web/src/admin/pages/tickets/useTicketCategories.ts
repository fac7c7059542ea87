/** The ticket categories (GET /api/tickets/categories), loaded once per page. */
import { useEffect, useState } from 'react';
import type { TicketCategoryDto } from '@xj/contracts';
import { api } from '../../../shared/api';

export function useTicketCategories(): TicketCategoryDto[] {
  const [categories, setCategories] = useState<TicketCategoryDto[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ data: TicketCategoryDto[] }>('/api/tickets/categories', { signal: controller.signal })
      .then((r) => setCategories(r.data))
      .catch(() => undefined); // shown by the API wrapper (or aborted)
    return () => controller.abort();
  }, []);
  return categories;
}
