import { NODE_KIND_LABELS, type NodeKind } from '@xj/contracts';
import { likeEscape, Where } from '../../platform/paging.js';
import { searchRows, type Searcher } from '../search/search.service.js';

/** Compounds, buildings and the other levels of the tree by name or code. */
export const nodesSearcher: Searcher = {
  type: 'node',
  label: '网格',
  permission: 'nodes.read',
  search: (q, { term, scopePatterns, limit }) => {
    const where = new Where()
      .add('n.path LIKE ANY(?)', scopePatterns)
      .add('n.active')
      .add('(n.name ILIKE ? OR n.code LIKE ?)', `%${likeEscape(term)}%`, `${likeEscape(term)}%`);
    return searchRows<{ id: number; name: string; kind: NodeKind; parent_name: string | null }>(
      q,
      {
        select: 'n.id, n.name, n.kind, par.name AS parent_name',
        fromWhere: `FROM nodes n LEFT JOIN nodes par ON par.id = n.parent_id ${where}`,
        orderBy: 'n.depth, n.code',
        params: where.params,
      },
      limit,
      (r) => ({
        id: r.id,
        title: r.kind === 'building' || r.kind === 'stairwell' ? `${r.parent_name ?? ''}${r.name}` : r.name,
        subtitle: NODE_KIND_LABELS[r.kind].zh,
        link: `/admin/tree?node=${r.id}`,
      }),
    );
  },
};
