import { maskPhone } from '@xj/contracts';
import { Where } from '../../platform/paging.js';
import { searchRows, type Searcher } from '../search/search.service.js';
import { matchPerson } from './people.repo.js';

/** People by name, the last four digits of their phone, or a whole ID number. */
export const peopleSearcher: Searcher = {
  type: 'person',
  label: '人员',
  permission: 'people.read',
  search: (q, { term, scopePatterns, limit }) => {
    const where = matchPerson(new Where().add('n.path LIKE ANY(?)', scopePatterns), term);
    return searchRows<{ id: number; name: string; phone: string | null; node_name: string; total_count: number }>(
      q,
      `SELECT p.id, p.name, p.phone, n.name AS node_name, count(*) OVER () AS total_count
         FROM people p JOIN nodes n ON n.id = p.node_id ${where} ORDER BY p.name, p.id LIMIT ${limit}`,
      where.params,
      (r) => ({ id: r.id, title: r.name, subtitle: [r.node_name, maskPhone(r.phone)].filter(Boolean).join(' · '), link: `/admin/people/${r.id}` }),
    );
  },
};
