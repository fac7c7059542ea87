import { likeEscape, Where } from '../../platform/paging.js';
import { searchRows, type Searcher } from '../search/search.service.js';

/** Social organisations by name. */
export const socialOrgsSearcher: Searcher = {
  type: 'social_org',
  label: '社会组织',
  permission: 'orgs.read',
  search: (q, { term, scopePatterns, limit }) => {
    const where = new Where().add('n.path LIKE ANY(?)', scopePatterns).add('o.name ILIKE ?', `%${likeEscape(term)}%`);
    return searchRows<{ id: number; name: string; node_name: string }>(
      q,
      { select: 'o.id, o.name, n.name AS node_name', fromWhere: `FROM social_orgs o JOIN nodes n ON n.id = o.node_id ${where}`, orderBy: 'o.name, o.id', params: where.params },
      limit,
      (r) => ({ id: r.id, title: r.name, subtitle: r.node_name, link: `/admin/social-orgs?id=${r.id}` }),
    );
  },
};
