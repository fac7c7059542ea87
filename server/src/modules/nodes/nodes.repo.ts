import type { CompoundKind, NodeDto, NodeKind } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';

export interface NodeRow {
  id: number;
  parent_id: number | null;
  kind: NodeKind;
  name: string;
  code: string;
  path: string;
  depth: number;
  compound_kind: CompoundKind | null;
  active: boolean;
  child_count: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `n.id, n.parent_id, n.kind, n.name, n.code, n.path, n.depth, n.compound_kind, n.active, n.created_at, n.updated_at,
  (SELECT count(*)::int FROM nodes c WHERE c.parent_id = n.id) AS child_count`;

export function toNodeDto(r: NodeRow): NodeDto {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    code: r.code,
    parentId: r.parent_id,
    depth: r.depth,
    compoundKind: r.compound_kind,
    active: r.active,
    childCount: r.child_count,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export interface NodeFilter {
  scopePatterns: string[];
  kind?: NodeKind | undefined;
  parentId?: number | undefined;
  q?: string | undefined;
  compoundKind?: CompoundKind | undefined;
  includeInactive: boolean;
}

export function listNodes(q: Queryable, f: NodeFilter, page: { page: number; pageSize: number }): Promise<Page<NodeDto>> {
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.kind, 'n.kind = ?', f.kind)
    .addIf(f.parentId, 'n.parent_id = ?', f.parentId)
    .addIf(f.compoundKind, 'n.compound_kind = ?', f.compoundKind)
    .addIf(f.q, "(n.name ILIKE ? OR n.code ILIKE ?)", `%${likeEscape(f.q ?? '')}%`, `${likeEscape(f.q ?? '')}%`);
  if (!f.includeInactive) where.add('n.active');
  return pagedQuery<NodeRow, NodeDto>(
    q,
    { select: COLUMNS, fromWhere: `FROM nodes n ${where}`, orderBy: 'n.depth, n.code, n.id', params: where.params },
    page,
    toNodeDto,
  );
}

/** The caller's navigable tree: every node in scope down to `maxKindDepth`. */
export function scopeTree(q: Queryable, scopePatterns: string[], maxDepth: number): Promise<NodeRow[]> {
  return q.query<NodeRow>(
    `SELECT ${COLUMNS} FROM nodes n WHERE n.path LIKE ANY($1) AND n.depth <= $2 ORDER BY n.depth, n.code, n.id`,
    [scopePatterns, maxDepth],
  );
}

export async function getNode(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<NodeRow | undefined> {
  const [row] = await q.query<NodeRow>(`SELECT ${COLUMNS} FROM nodes n WHERE n.id = $1 ${opts.forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  return row;
}

export function getNodesByIds(q: Queryable, ids: number[]): Promise<Pick<NodeRow, 'id' | 'kind' | 'name'>[]> {
  return q.query(`SELECT id, kind, name FROM nodes WHERE id = ANY($1) ORDER BY depth`, [ids]);
}

export async function descendantCounts(q: Queryable, node: NodeRow): Promise<Record<string, number>> {
  const rows = await q.query<{ kind: string; n: number }>(
    `SELECT kind, count(*)::int AS n FROM nodes WHERE path LIKE $1 AND id <> $2 AND active GROUP BY kind`,
    [`${node.path}%`, node.id],
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

export function partyOrgsAtNode(q: Queryable, nodeId: number): Promise<{ id: number; kind: string; name: string; secretary_name: string | null }[]> {
  return q.query(
    `SELECT p.id, p.kind, p.name, p.secretary_name FROM party_orgs p
      WHERE p.active AND ((p.kind <> 'branch' AND p.node_id = $1)
         OR p.id IN (SELECT branch_id FROM branch_compounds WHERE compound_id = $1))
      ORDER BY p.kind, p.name`,
    [nodeId],
  );
}

export async function codeTaken(q: Queryable, code: string, exceptId = 0): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM nodes WHERE code = $1 AND id <> $2', [code, exceptId]);
  return rows.length > 0;
}

export async function siblingNameTaken(q: Queryable, parentId: number, name: string, exceptId = 0): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM nodes WHERE parent_id = $1 AND name = $2 AND id <> $3', [parentId, name, exceptId]);
  return rows.length > 0;
}

export async function insertNode(
  q: Queryable,
  n: { parentId: number; kind: NodeKind; name: string; code: string; compoundKind: CompoundKind | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO nodes (parent_id, kind, name, code, compound_kind) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [n.parentId, n.kind, n.name, n.code, n.compoundKind],
  );
  return row!.id;
}

export async function updateNode(q: Queryable, id: number, patch: { name?: string; code?: string; compoundKind?: CompoundKind }): Promise<void> {
  await q.query(
    `UPDATE nodes SET name = coalesce($2, name), code = coalesce($3, code), compound_kind = coalesce($4, compound_kind), updated_at = now()
      WHERE id = $1`,
    [id, patch.name ?? null, patch.code ?? null, patch.compoundKind ?? null],
  );
}

/** Re-roots a subtree: the node gets its new parent and every descendant's path follows. */
export async function moveSubtree(q: Queryable, node: NodeRow, newParent: NodeRow): Promise<number> {
  const newPath = `${newParent.path}${node.id}/`;
  const depthDelta = newParent.depth + 1 - node.depth;
  await q.query('UPDATE nodes SET parent_id = $2, updated_at = now() WHERE id = $1', [node.id, newParent.id]);
  const rows = await q.query(
    `UPDATE nodes SET path = $2 || substr(path, length($1) + 1), depth = depth + $3
      WHERE path LIKE $4 RETURNING id`,
    [node.path, newPath, depthDelta, `${node.path}%`],
  );
  return rows.length;
}

export async function setSubtreeActive(q: Queryable, node: NodeRow, active: boolean): Promise<number> {
  const rows = await q.query(
    'UPDATE nodes SET active = $2, updated_at = now() WHERE path LIKE $1 AND active <> $2 RETURNING id',
    [`${node.path}%`, active],
  );
  return rows.length;
}

/** Branches touched by moving a compound: its branch and how many compounds that branch covers. */
export function branchOfCompound(q: Queryable, compoundId: number): Promise<{ id: number; name: string; node_id: number; compounds: number }[]> {
  return q.query(
    `SELECT p.id, p.name, p.node_id, (SELECT count(*)::int FROM branch_compounds x WHERE x.branch_id = p.id) AS compounds
       FROM party_orgs p JOIN branch_compounds bc ON bc.branch_id = p.id WHERE bc.compound_id = $1`,
    [compoundId],
  );
}

export async function reanchorBranch(q: Queryable, branchId: number, communityId: number): Promise<void> {
  await q.query('UPDATE party_orgs SET node_id = $2, updated_at = now() WHERE id = $1', [branchId, communityId]);
}
