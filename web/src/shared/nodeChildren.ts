/** Children of one node (GET /api/nodes?parentId=), every page: buildings and stairwells load this way. */
import type { NodeDto } from '@xj/contracts';
import { api } from './api';

const CHILD_PAGE = 200;
const MAX_CHILD_PAGES = 20;

export async function fetchChildren(parentId: number, includeInactive = true): Promise<NodeDto[]> {
  const out: NodeDto[] = [];
  for (let page = 1; page <= MAX_CHILD_PAGES; page++) {
    const r = await api.get<{ data: NodeDto[]; pagination: { total: number } }>('/api/nodes', {
      query: { parentId, pageSize: CHILD_PAGE, page, includeInactive: includeInactive ? 'true' : undefined },
    });
    out.push(...r.data);
    if (out.length >= r.pagination.total || r.data.length < CHILD_PAGE) break;
  }
  return out;
}
