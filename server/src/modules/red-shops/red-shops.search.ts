import { likeEscape, Where } from '../../platform/paging.js';
import { searchRows, type Searcher } from '../search/search.service.js';

/** Red shops by name or the name of the place they are in. */
export const redShopsSearcher: Searcher = {
  type: 'red_shop',
  label: '红色商铺',
  permission: 'orgs.read',
  search: (q, { term, scopePatterns, limit }) => {
    const like = `%${likeEscape(term)}%`;
    const where = new Where().add('n.path LIKE ANY(?)', scopePatterns).add('(r.name ILIKE ? OR n.name ILIKE ?)', like, like);
    return searchRows<{ id: number; name: string; node_name: string }>(
      q,
      { select: 'r.id, r.name, n.name AS node_name', fromWhere: `FROM red_shops r JOIN nodes n ON n.id = r.node_id ${where}`, orderBy: 'r.name, r.id', params: where.params },
      limit,
      (r) => ({ id: r.id, title: r.name, subtitle: r.node_name, link: `/admin/red-shops?id=${r.id}` }),
    );
  },
};
