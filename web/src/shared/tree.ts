/**
 * Helpers for the jurisdiction tree: the server sends a flat list (the caller's scope down
 * to compounds); the hierarchy is built here.
 */
import { NODE_KINDS } from '@xj/contracts/domain';
import type { NodeDto, NodeKind } from '@xj/contracts';

export type ScopeNode = Pick<NodeDto, 'id' | 'kind' | 'name' | 'code' | 'parentId' | 'compoundKind' | 'active' | 'childCount'>;

export function kindIndex(kind: NodeKind): number {
  return NODE_KINDS.indexOf(kind);
}

/** The kind a parent of `kind` must have; null for the county. */
export function parentKindOf(kind: NodeKind): NodeKind | null {
  return NODE_KINDS[kindIndex(kind) - 1] ?? null;
}

export interface TreeIndex {
  byId: Map<number, ScopeNode>;
  children: Map<number, ScopeNode[]>;
  roots: ScopeNode[];
}

/** Index a flat list: roots are the nodes whose parent is not in the list. */
export function indexNodes(nodes: readonly ScopeNode[]): TreeIndex {
  const byId = new Map<number, ScopeNode>();
  for (const n of nodes) byId.set(n.id, n);
  const children = new Map<number, ScopeNode[]>();
  const roots: ScopeNode[] = [];
  for (const n of byId.values()) {
    if (n.parentId === null || !byId.has(n.parentId)) {
      roots.push(n);
      continue;
    }
    const list = children.get(n.parentId);
    if (list) list.push(n);
    else children.set(n.parentId, [n]);
  }
  return { byId, children, roots };
}

/** Ids of every ancestor of `id` present in the index (nearest first). */
export function ancestorIds(index: TreeIndex, id: number): number[] {
  const out: number[] = [];
  let cur = index.byId.get(id);
  const seen = new Set<number>();
  while (cur && cur.parentId !== null && index.byId.has(cur.parentId) && !seen.has(cur.parentId)) {
    seen.add(cur.parentId);
    out.push(cur.parentId);
    cur = index.byId.get(cur.parentId);
  }
  return out;
}

export function matchesSearch(node: ScopeNode, term: string): boolean {
  if (!term) return true;
  const t = term.toLowerCase();
  return node.name.toLowerCase().includes(t) || node.code.toLowerCase().includes(t);
}

export interface SelectTreeNode {
  value: number;
  title: string;
  label: string;
  selectable: boolean;
  disabled?: boolean;
  children?: SelectTreeNode[];
}

/**
 * Tree data for a TreeSelect: nodes down to `selectableKind` are shown, only nodes of that
 * kind (active, not excluded) can be picked. Branches with nothing selectable are dropped.
 */
export function buildSelectTree(
  nodes: readonly ScopeNode[],
  selectableKind: NodeKind,
  kindLabel: (k: NodeKind) => string,
  excludeIds: ReadonlySet<number> = new Set(),
): SelectTreeNode[] {
  const index = indexNodes(nodes);
  const maxDepth = kindIndex(selectableKind);
  const build = (n: ScopeNode): SelectTreeNode | null => {
    const depth = kindIndex(n.kind);
    if (depth > maxDepth) return null;
    const label = `${n.name}（${kindLabel(n.kind)}）`;
    if (n.kind === selectableKind) {
      return { value: n.id, title: label, label, selectable: true, disabled: !n.active || excludeIds.has(n.id) };
    }
    const kids = (index.children.get(n.id) ?? []).map(build).filter((c): c is SelectTreeNode => c !== null);
    if (kids.length === 0) return null;
    return { value: n.id, title: label, label, selectable: false, children: kids };
  };
  return index.roots.map(build).filter((c): c is SelectTreeNode => c !== null);
}
