import { likeEscape, Where } from '../../platform/paging.js';
import { searchRows, type Searcher } from '../search/search.service.js';

/**
 * Property companies by name or credit code. The registry is county-wide (one company serves
 * compounds in several communities), so it is not narrowed by the caller's subtree.
 */
export const propertyCompaniesSearcher: Searcher = {
  type: 'property_company',
  label: '物业企业',
  permission: 'orgs.read',
  search: (q, { term, limit }) => {
    const where = new Where().add('(c.name ILIKE ? OR c.credit_code = ?)', `%${likeEscape(term)}%`, term.toUpperCase());
    return searchRows<{ id: number; name: string; credit_code: string }>(
      q,
      { select: 'c.id, c.name, c.credit_code', fromWhere: `FROM property_companies c ${where}`, orderBy: 'c.name, c.id', params: where.params },
      limit,
      (r) => ({ id: r.id, title: r.name, subtitle: r.credit_code, link: `/admin/property-companies?id=${r.id}` }),
    );
  },
};
