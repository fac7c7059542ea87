import { PARTY_ORG_KIND_LABELS, type PartyOrgKind } from '@xj/contracts';
import { likeEscape, Where } from '../../platform/paging.js';
import { searchRows, type Searcher } from '../search/search.service.js';

/** Working committees, party committees and branches by name or secretary. */
export const partyOrgsSearcher: Searcher = {
  type: 'party_org',
  label: '党组织',
  permission: 'partyOrgs.read',
  search: (q, { term, scopePatterns, limit }) => {
    const where = new Where()
      .add(
        `(n.path LIKE ANY(?) OR EXISTS (SELECT 1 FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id
           WHERE bc.branch_id = p.id AND c.path LIKE ANY(?)))`,
        scopePatterns,
        scopePatterns,
      )
      .add('p.active')
      .add('(p.name ILIKE ? OR p.secretary_name ILIKE ?)', `%${likeEscape(term)}%`, `%${likeEscape(term)}%`);
    return searchRows<{ id: number; name: string; kind: PartyOrgKind; node_id: number; secretary_name: string | null }>(
      q,
      {
        select: 'p.id, p.name, p.kind, p.node_id, p.secretary_name',
        fromWhere: `FROM party_orgs p JOIN nodes n ON n.id = p.node_id ${where}`,
        orderBy: 'p.kind, p.name, p.id',
        params: where.params,
      },
      limit,
      (r) => ({
        id: r.id,
        title: r.name,
        subtitle: [PARTY_ORG_KIND_LABELS[r.kind].zh, r.secretary_name && `书记 ${r.secretary_name}`].filter(Boolean).join(' · '),
        link: `/admin/tree?node=${r.node_id}`,
      }),
    );
  },
};
