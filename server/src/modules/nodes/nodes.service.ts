import {
  childKindOf,
  NODE_KIND_LABELS,
  NODE_KINDS,
  type NodeCreate,
  type NodeDetailDto,
  type NodeDto,
  type NodeListQuery,
  type NodeUpdate,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import type { Page } from '../../platform/paging.js';
import * as repo from './nodes.repo.js';

const label = (kind: string) => NODE_KIND_LABELS[kind as keyof typeof NODE_KIND_LABELS]?.zh ?? kind;
const COMPOUND_DEPTH = NODE_KINDS.indexOf('compound');

/** Loads a node the caller may see; anything else is "not found", never "forbidden". */
export async function nodeInScope(q: Queryable, id: number, scope: Scope, opts: { forUpdate?: boolean } = {}): Promise<repo.NodeRow> {
  const node = await repo.getNode(q, id, opts);
  if (!node || !pathInScope(node.path, scope)) throw notFound('节点');
  return node;
}

export class NodesService {
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionStore,
  ) {}

  list(scope: Scope, query: NodeListQuery): Promise<Page<NodeDto>> {
    return repo.listNodes(
      this.db,
      {
        scopePatterns: scopePatterns(scope),
        kind: query.kind,
        parentId: query.parentId,
        q: query.q,
        compoundKind: query.compoundKind,
        includeInactive: query.includeInactive === 'true',
      },
      { page: query.page, pageSize: query.pageSize },
    );
  }

  async tree(scope: Scope) {
    const rows = await repo.scopeTree(this.db, scopePatterns(scope), COMPOUND_DEPTH);
    return {
      nodes: rows.map((r) => ({
        id: r.id, kind: r.kind, name: r.name, code: r.code, parentId: r.parent_id,
        compoundKind: r.compound_kind, active: r.active, childCount: r.child_count,
      })),
    };
  }

  async detail(scope: Scope, id: number): Promise<NodeDetailDto> {
    const node = await nodeInScope(this.db, id, scope);
    const ancestorIds = node.path.split('/').filter(Boolean).map(Number).filter((x) => x !== node.id);
    const [ancestors, partyOrgs, descendantCounts] = await Promise.all([
      repo.getNodesByIds(this.db, ancestorIds),
      repo.partyOrgsAtNode(this.db, node.id),
      repo.descendantCounts(this.db, node),
    ]);
    return {
      ...repo.toNodeDto(node),
      ancestors,
      partyOrgs: partyOrgs.map((p) => ({ id: p.id, kind: p.kind, name: p.name, secretaryName: p.secretary_name })),
      descendantCounts,
    };
  }

  async create(scope: Scope, input: NodeCreate, actor: Actor): Promise<NodeDto> {
    return this.db.tx(async (q) => {
      const parent = await nodeInScope(q, input.parentId, scope, { forUpdate: true });
      if (!parent.active) throw new AppError(409, 'NODE_INACTIVE', `上级节点“${parent.name}”已停用，不能在其下新增`);
      const expected = childKindOf(parent.kind);
      if (input.kind !== expected) {
        throw new AppError(
          400,
          'TREE_SHAPE',
          expected
            ? `${label(parent.kind)}下只能直接设立${label(expected)}，不能设立${label(input.kind)}`
            : `${label(parent.kind)}是最末一级，不能再设下级`,
          { parentKind: parent.kind, expectedKind: expected },
        );
      }
      if (input.kind === 'compound' && !input.compoundKind) throw new AppError(400, 'VALIDATION_FAILED', '请选择小区类型（商住小区、家属院或三无小区）');
      if (input.kind !== 'compound' && input.compoundKind) throw new AppError(400, 'VALIDATION_FAILED', '只有小区才有小区类型');
      await this.assertUnique(q, parent.id, input.name, input.code);
      const id = await repo.insertNode(q, { ...input, compoundKind: input.compoundKind ?? null });
      const created = (await repo.getNode(q, id))!;
      await appendAudit(q, {
        ...actorEntry(actor), action: 'node.create', targetType: 'node', targetId: id, nodeId: id, result: 'success',
        details: { kind: input.kind, name: input.name, code: input.code, parentId: parent.id, compoundKind: input.compoundKind ?? null },
      });
      return repo.toNodeDto(created);
    });
  }

  async update(scope: Scope, id: number, patch: NodeUpdate, actor: Actor): Promise<NodeDto> {
    return this.db.tx(async (q) => {
      const node = await nodeInScope(q, id, scope, { forUpdate: true });
      if (patch.compoundKind && node.kind !== 'compound') throw new AppError(400, 'VALIDATION_FAILED', '只有小区才有小区类型');
      if (node.parent_id !== null) await this.assertUnique(q, node.parent_id, patch.name, patch.code, node.id);
      else if (patch.code && (await repo.codeTaken(q, patch.code, node.id))) throw duplicateCode(patch.code);
      await repo.updateNode(q, id, patch);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'node.update', targetType: 'node', targetId: id, nodeId: id, result: 'success',
        details: { before: { name: node.name, code: node.code, compoundKind: node.compound_kind }, after: patch },
      });
      return repo.toNodeDto((await repo.getNode(q, id))!);
    });
  }

  /** Moves a node under a new parent of the right kind; its whole subtree follows in one transaction. */
  async move(scope: Scope, id: number, parentId: number, actor: Actor): Promise<NodeDto> {
    const result = await this.db.tx(async (q) => {
      const node = await nodeInScope(q, id, scope, { forUpdate: true });
      const parent = await nodeInScope(q, parentId, scope, { forUpdate: true });
      if (node.parent_id === null) throw new AppError(400, 'TREE_SHAPE', '县级根节点不能移动');
      if (parent.path.startsWith(node.path)) {
        throw new AppError(400, 'TREE_CYCLE', `不能把“${node.name}”移动到它自己或它的下级“${parent.name}”之下`);
      }
      if (childKindOf(parent.kind) !== node.kind) {
        throw new AppError(400, 'TREE_SHAPE', `${label(node.kind)}只能移动到${label(NODE_KINDS[NODE_KINDS.indexOf(node.kind) - 1]!)}之下，不能放在${label(parent.kind)}之下`);
      }
      if (!parent.active) throw new AppError(409, 'NODE_INACTIVE', `目标节点“${parent.name}”已停用`);
      if (parent.id === node.parent_id) return repo.toNodeDto(node);
      if (await repo.siblingNameTaken(q, parent.id, node.name, node.id)) {
        throw new AppError(409, 'DUPLICATE', `“${parent.name}”下已有同名的${label(node.kind)}“${node.name}”`);
      }
      if (node.kind === 'compound') await this.carryBranch(q, node, parent);
      const moved = await repo.moveSubtree(q, node, parent);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'node.move', targetType: 'node', targetId: id, nodeId: id, result: 'success',
        details: { fromParentId: node.parent_id, toParentId: parent.id, subtreeSize: moved },
      });
      return repo.toNodeDto((await repo.getNode(q, id))!);
    });
    // Grants inside the moved subtree now have new paths: cached scopes must be reloaded.
    this.sessions.forgetAll();
    return result;
  }

  /** A standalone branch follows its compound to the new community; a joint one cannot be split by a move. */
  private async carryBranch(q: Queryable, compound: repo.NodeRow, community: repo.NodeRow): Promise<void> {
    for (const branch of await repo.branchOfCompound(q, compound.id)) {
      if (branch.compounds > 1) {
        throw new AppError(409, 'CONFLICT', `“${compound.name}”属于联建支部“${branch.name}”，请先调整该支部覆盖的小区再移动`);
      }
      await repo.reanchorBranch(q, branch.id, community.id);
    }
  }

  async setActive(scope: Scope, id: number, active: boolean, actor: Actor): Promise<NodeDto> {
    const result = await this.db.tx(async (q) => {
      const node = await nodeInScope(q, id, scope, { forUpdate: true });
      if (node.parent_id === null && !active) throw new AppError(400, 'TREE_SHAPE', '县级根节点不能停用');
      if (active && node.parent_id !== null) {
        const parent = (await repo.getNode(q, node.parent_id))!;
        if (!parent.active) throw new AppError(409, 'NODE_INACTIVE', `上级节点“${parent.name}”已停用，请先启用上级`);
      }
      const changed = await repo.setSubtreeActive(q, node, active);
      await appendAudit(q, {
        ...actorEntry(actor), action: active ? 'node.activate' : 'node.deactivate', targetType: 'node', targetId: id, nodeId: id,
        result: 'success', details: { subtreeChanged: changed },
      });
      return repo.toNodeDto((await repo.getNode(q, id))!);
    });
    // Grants on inactive nodes do not count: cached scopes must be reloaded.
    this.sessions.forgetAll();
    return result;
  }

  private async assertUnique(q: Queryable, parentId: number, name: string | undefined, code: string | undefined, exceptId = 0): Promise<void> {
    if (name && (await repo.siblingNameTaken(q, parentId, name, exceptId))) {
      throw new AppError(409, 'DUPLICATE', `同一上级下已有名为“${name}”的节点`);
    }
    if (code && (await repo.codeTaken(q, code, exceptId))) throw duplicateCode(code);
  }
}

const duplicateCode = (code: string) => new AppError(409, 'DUPLICATE', `编码“${code}”已被使用`);
