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
    return searchRows<{ id: number; name: string; phone: string | null; node_name: string | null }>(
      q,
      {
        // The address from the compound down (e.g. 丽景雅居/3号楼/1单元): enough to tell namesakes apart.
        select: `p.id, p.name, p.phone,
                 (SELECT string_agg(a.name, '/' ORDER BY a.depth) FROM nodes a
                   WHERE a.id = ANY(string_to_array(trim(both '/' from n.path), '/')::int[]) AND a.depth >= 3) AS node_name`,
        fromWhere: `FROM people p JOIN nodes n ON n.id = p.node_id ${where}`,
        orderBy: 'p.name, p.id',
        params: where.params,
      },
      limit,
      (r) => ({ id: r.id, title: r.name, subtitle: [r.node_name, maskPhone(r.phone)].filter(Boolean).join(' · '), link: `/admin/people/${r.id}` }),
    );
  },
};
