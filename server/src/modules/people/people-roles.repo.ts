import type { PersonRoleDto, PersonRolesDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { isoDate } from '../person-roles/person-ref.js';

/** A term that covers today, as the registries judge it. */
const CURRENT = (start: string, end: string) => `(${start} <= current_date AND (${end} IS NULL OR ${end} >= current_date))`;

/**
 * Every role record of one person whose node lies in the scope ($2), one row per record:
 * its registry's kind and id, its node, and the few fields that say what the role is.
 * A branch secretary is seen through the branch's compounds, as in its registry.
 */
const ROLES = `
  SELECT 1 AS ord, 'party_member' AS kind, pm.id, n.id AS node_id, n.name AS node_name, pm.joined_date AS sort_date,
         json_build_object('status', pm.status, 'management', pm.management, 'joinedDate', ${isoDate('pm.joined_date')}, 'branchName', b.name) AS attrs
    FROM party_members pm JOIN nodes n ON n.id = pm.node_id JOIN party_orgs b ON b.id = pm.branch_id
   WHERE pm.person_id = $1 AND n.path LIKE ANY($2)
  UNION ALL
  SELECT 2, 'branch_secretary', s.id, n.id, n.name, s.term_start,
         json_build_object('branchName', b.name, 'background', s.background, 'termStart', ${isoDate('s.term_start')},
           'termEnd', ${isoDate('s.term_end')}, 'current', ${CURRENT('s.term_start', 's.term_end')})
    FROM branch_secretaries s JOIN party_orgs b ON b.id = s.branch_id JOIN nodes n ON n.id = b.node_id
   WHERE s.person_id = $1
     AND EXISTS (SELECT 1 FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id WHERE bc.branch_id = s.branch_id AND c.path LIKE ANY($2))
  UNION ALL
  SELECT 3, 'steward', st.id, n.id, n.name, st.since,
         json_build_object('qualitySupervisor', st.quality_supervisor, 'since', ${isoDate('st.since')},
           'stairwells', COALESCE((SELECT json_agg(w.parent_name || w.name ORDER BY w.parent_code, w.code)
              FROM (SELECT sw.name, sw.code, bl.name AS parent_name, bl.code AS parent_code
                      FROM steward_stairwells ss JOIN nodes sw ON sw.id = ss.stairwell_id JOIN nodes bl ON bl.id = sw.parent_id
                     WHERE ss.steward_id = st.id) w), '[]'::json))
    FROM stewards st JOIN nodes n ON n.id = st.compound_id
   WHERE st.person_id = $1 AND n.path LIKE ANY($2)
  UNION ALL
  SELECT 4, 'committee_member', c.id, n.id, n.name, c.term_start,
         json_build_object('position', cm.position, 'termStart', ${isoDate('c.term_start')}, 'termEnd', ${isoDate('c.term_end')},
           'current', ${CURRENT('c.term_start', 'c.term_end')})
    FROM owners_committee_members cm JOIN owners_committees c ON c.id = cm.committee_id JOIN nodes n ON n.id = c.compound_id
   WHERE cm.person_id = $1 AND n.path LIKE ANY($2)
  UNION ALL
  SELECT 5, 'red_shop_keeper', r.id, n.id, n.name, r.joined_date, json_build_object('shopName', r.name)
    FROM red_shops r JOIN nodes n ON n.id = r.node_id
   WHERE r.keeper_id = $1 AND n.path LIKE ANY($2)
  UNION ALL
  SELECT 6, 'social_org_contact', o.id, n.id, n.name, NULL::date, json_build_object('orgName', o.name, 'orgKind', o.kind)
    FROM social_orgs o JOIN nodes n ON n.id = o.node_id
   WHERE o.contact_id = $1 AND n.path LIKE ANY($2)
  UNION ALL
  SELECT 7, 'gig_worker', g.id, n.id, n.name, NULL::date, json_build_object('type', g.type, 'platform', g.platform)
    FROM gig_workers g JOIN nodes n ON n.id = g.node_id
   WHERE g.person_id = $1 AND n.path LIKE ANY($2)
  UNION ALL
  SELECT 8, 'deputy', d.id, n.id, n.name, NULL::date, json_build_object('body', d.body, 'level', d.level)
    FROM deputies d JOIN nodes n ON n.id = d.node_id
   WHERE d.person_id = $1 AND n.path LIKE ANY($2)
  UNION ALL
  SELECT 9, 'commissioner', cs.id, n.id, n.name, NULL::date, json_build_object('department', cs.department, 'rank', cs.rank)
    FROM commissioners cs JOIN nodes n ON n.id = cs.community_id
   WHERE cs.person_id = $1 AND n.path LIKE ANY($2)`;

interface RoleRow {
  kind: PersonRoleDto['kind'];
  id: number;
  node_id: number;
  node_name: string;
  attrs: Record<string, unknown>;
}

/** The person's role records in the scope, by kind and newest first; party membership is answered for the whole tree. */
export async function personRoles(q: Queryable, personId: number, scopePatterns: string[]): Promise<PersonRolesDto> {
  const [row] = await q.query<{ party_member: boolean; roles: RoleRow[] }>(
    `WITH roles AS (${ROLES})
     SELECT EXISTS (SELECT 1 FROM party_members WHERE person_id = $1) AS party_member,
            COALESCE((SELECT json_agg(json_build_object('kind', r.kind, 'id', r.id, 'node_id', r.node_id, 'node_name', r.node_name, 'attrs', r.attrs)
                        ORDER BY r.ord, r.sort_date DESC NULLS LAST, r.id) FROM roles r), '[]'::json) AS roles`,
    [personId, scopePatterns],
  );
  return {
    personId,
    partyMember: row!.party_member,
    // The response schema checks each kind's fields.
    roles: row!.roles.map((r) => ({ kind: r.kind, id: r.id, nodeId: r.node_id, nodeName: r.node_name, ...r.attrs }) as PersonRoleDto),
  };
}
