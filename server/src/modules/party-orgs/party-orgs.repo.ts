import type { PartyOrgDto, PartyOrgKind } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';

interface PartyOrgRow {
  id: number;
  kind: PartyOrgKind;
  name: string;
  node_id: number;
  node_name: string;
  node_path: string;
  branch_mode: 'standalone' | 'joint' | null;
  secretary_name: string | null;
  secretary_user_id: number | null;
  active: boolean;
  compounds: { id: number; name: string }[] | null;
}

const SELECT = `p.id, p.kind, p.name, p.node_id, n.name AS node_name, n.path AS node_path, p.branch_mode,
  p.secretary_name, p.secretary_user_id, p.active,
  (SELECT json_agg(json_build_object('id', c.id, 'name', c.name) ORDER BY c.code)
     FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id WHERE bc.branch_id = p.id) AS compounds`;
const FROM = 'FROM party_orgs p JOIN nodes n ON n.id = p.node_id';

// A party organisation is in scope when its node is, or (branches) when any compound it covers is.
const IN_SCOPE = `(n.path LIKE ANY(?) OR EXISTS (SELECT 1 FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id
  WHERE bc.branch_id = p.id AND c.path LIKE ANY(?)))`;

export type PartyOrgRecord = PartyOrgDto & { nodePath: string };

function toDto(r: PartyOrgRow): PartyOrgRecord {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    nodeId: r.node_id,
    nodeName: r.node_name,
    nodePath: r.node_path,
    branchMode: r.branch_mode,
    compounds: r.compounds ?? [],
    secretaryName: r.secretary_name,
    secretaryUserId: r.secretary_user_id,
    active: r.active,
  };
}

export function listPartyOrgs(
  q: Queryable,
  f: { scopePatterns: string[]; kind?: PartyOrgKind | undefined; nodeId?: number | undefined; q?: string | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<PartyOrgRecord>> {
  const where = new Where()
    .add(IN_SCOPE, f.scopePatterns, f.scopePatterns)
    .addIf(f.kind, 'p.kind = ?', f.kind)
    .addIf(f.nodeId, '(p.node_id = ? OR p.id IN (SELECT branch_id FROM branch_compounds WHERE compound_id = ?))', f.nodeId, f.nodeId)
    .addIf(f.q, '(p.name ILIKE ? OR p.secretary_name ILIKE ?)', `%${likeEscape(f.q ?? '')}%`, `%${likeEscape(f.q ?? '')}%`);
  return pagedQuery(q, { select: SELECT, fromWhere: `${FROM} ${where}`, orderBy: 'n.path, p.kind, p.name', params: where.params }, page, toDto);
}

export async function getPartyOrgInScope(q: Queryable, id: number, scopePatterns: string[]): Promise<PartyOrgRecord | undefined> {
  const where = new Where().add('p.id = ?', id).add(IN_SCOPE, scopePatterns, scopePatterns);
  const [row] = await q.query<PartyOrgRow>(`SELECT ${SELECT} ${FROM} ${where}`, where.params);
  return row && toDto(row);
}

export async function committeeExists(q: Queryable, nodeId: number, kind: PartyOrgKind): Promise<boolean> {
  return (await q.query('SELECT 1 FROM party_orgs WHERE node_id = $1 AND kind = $2', [nodeId, kind])).length > 0;
}

export function compoundsWithBranch(q: Queryable, compoundIds: number[], exceptBranchId = 0): Promise<{ compound_id: number; name: string; branch_name: string }[]> {
  return q.query(
    `SELECT bc.compound_id, c.name, p.name AS branch_name FROM branch_compounds bc
       JOIN nodes c ON c.id = bc.compound_id JOIN party_orgs p ON p.id = bc.branch_id
      WHERE bc.compound_id = ANY($1) AND bc.branch_id <> $2`,
    [compoundIds, exceptBranchId],
  );
}

export async function insertPartyOrg(
  q: Queryable,
  o: { kind: PartyOrgKind; name: string; nodeId: number; branchMode: string | null; secretaryName: string | null; secretaryUserId: number | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO party_orgs (kind, name, node_id, branch_mode, secretary_name, secretary_user_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [o.kind, o.name, o.nodeId, o.branchMode, o.secretaryName, o.secretaryUserId],
  );
  return row!.id;
}

export async function setBranchCompounds(q: Queryable, branchId: number, compoundIds: number[]): Promise<void> {
  await q.query('DELETE FROM branch_compounds WHERE branch_id = $1', [branchId]);
  await q.query('INSERT INTO branch_compounds (branch_id, compound_id) SELECT $1, unnest($2::int[])', [branchId, compoundIds]);
}

export async function updatePartyOrg(
  q: Queryable,
  id: number,
  p: { name: string; nodeId: number; branchMode: string | null; secretaryName: string | null; secretaryUserId: number | null; active: boolean },
): Promise<void> {
  await q.query(
    `UPDATE party_orgs SET name = $2, node_id = $3, branch_mode = $4, secretary_name = $5, secretary_user_id = $6, active = $7, updated_at = now()
      WHERE id = $1`,
    [id, p.name, p.nodeId, p.branchMode, p.secretaryName, p.secretaryUserId, p.active],
  );
}

export async function userExists(q: Queryable, userId: number): Promise<boolean> {
  return (await q.query('SELECT 1 FROM users WHERE id = $1', [userId])).length > 0;
}
