import { PARTY_ORG_KIND_LABELS, type PartyOrgCreate, type PartyOrgDto, type PartyOrgUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import * as repo from './party-orgs.repo.js';

const ANCHOR_KIND = { working_committee: 'subdistrict', party_committee: 'community' } as const;

const strip = ({ nodePath: _p, ...dto }: repo.PartyOrgRecord): PartyOrgDto => dto;

export class PartyOrgsService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, f: { kind?: PartyOrgDto['kind']; nodeId?: number; q?: string; page: number; pageSize: number }): Promise<Page<PartyOrgDto>> {
    const page = await repo.listPartyOrgs(this.db, { ...f, scopePatterns: scopePatterns(scope) }, f);
    return { ...page, data: page.data.map(strip) };
  }

  async get(scope: Scope, id: number): Promise<PartyOrgDto> {
    return strip(await this.load(this.db, scope, id));
  }

  private async load(q: Queryable, scope: Scope, id: number): Promise<repo.PartyOrgRecord> {
    const org = await repo.getPartyOrgInScope(q, id, scopePatterns(scope));
    if (!org) throw notFound('党组织');
    return org;
  }

  async create(scope: Scope, input: PartyOrgCreate, actor: Actor): Promise<PartyOrgDto> {
    return this.db.tx(async (q) => {
      if (input.secretaryUserId && !(await repo.userExists(q, input.secretaryUserId))) throw new AppError(400, 'VALIDATION_FAILED', '指定的书记账号不存在');
      let nodeId: number;
      let compoundIds: number[] = [];
      if (input.kind === 'branch') {
        if (!input.branchMode || !input.compoundIds) throw new AppError(400, 'VALIDATION_FAILED', '小区党支部需要指定组建方式（单建或联建）和覆盖的小区');
        if (input.nodeId) throw new AppError(400, 'VALIDATION_FAILED', '小区党支部不需要 nodeId，请用 compoundIds 指定小区');
        compoundIds = [...new Set(input.compoundIds)];
        nodeId = await this.checkBranchCompounds(q, scope, input.branchMode, compoundIds, 0);
      } else {
        if (!input.nodeId) throw new AppError(400, 'VALIDATION_FAILED', `${PARTY_ORG_KIND_LABELS[input.kind].zh}需要指定所在节点 nodeId`);
        if (input.branchMode || input.compoundIds) throw new AppError(400, 'VALIDATION_FAILED', '只有小区党支部才有组建方式和覆盖小区');
        const node = await nodeInScope(q, input.nodeId, scope);
        const expected = ANCHOR_KIND[input.kind];
        if (node.kind !== expected) {
          throw new AppError(400, 'TREE_SHAPE', `${PARTY_ORG_KIND_LABELS[input.kind].zh}只能设在${expected === 'subdistrict' ? '街道' : '社区'}`);
        }
        if (await repo.committeeExists(q, node.id, input.kind)) throw new AppError(409, 'DUPLICATE', `“${node.name}”已有${PARTY_ORG_KIND_LABELS[input.kind].zh}`);
        nodeId = node.id;
      }
      const id = await repo.insertPartyOrg(q, {
        kind: input.kind, name: input.name, nodeId, branchMode: input.branchMode ?? null,
        secretaryName: input.secretaryName ?? null, secretaryUserId: input.secretaryUserId ?? null,
      });
      if (compoundIds.length) await repo.setBranchCompounds(q, id, compoundIds);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'partyOrg.create', targetType: 'party_org', targetId: id, nodeId, result: 'success',
        details: { kind: input.kind, name: input.name, branchMode: input.branchMode ?? null, compoundIds },
      });
      return strip(await this.load(q, scope, id));
    });
  }

  async update(scope: Scope, id: number, patch: PartyOrgUpdate, actor: Actor): Promise<PartyOrgDto> {
    return this.db.tx(async (q) => {
      const org = await this.load(q, scope, id);
      if (patch.secretaryUserId && !(await repo.userExists(q, patch.secretaryUserId))) throw new AppError(400, 'VALIDATION_FAILED', '指定的书记账号不存在');
      let nodeId = org.nodeId;
      if (patch.compoundIds || patch.branchMode) {
        if (org.kind !== 'branch') throw new AppError(400, 'VALIDATION_FAILED', '只有小区党支部才有组建方式和覆盖小区');
        const mode = patch.branchMode ?? org.branchMode!;
        const compoundIds = [...new Set(patch.compoundIds ?? org.compounds.map((c) => c.id))];
        nodeId = await this.checkBranchCompounds(q, scope, mode, compoundIds, org.id);
        await repo.setBranchCompounds(q, org.id, compoundIds);
      }
      await repo.updatePartyOrg(q, id, {
        name: patch.name ?? org.name,
        nodeId,
        branchMode: patch.branchMode ?? org.branchMode,
        secretaryName: patch.secretaryName === undefined ? org.secretaryName : patch.secretaryName,
        secretaryUserId: patch.secretaryUserId === undefined ? org.secretaryUserId : patch.secretaryUserId,
        active: patch.active ?? org.active,
      });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'partyOrg.update', targetType: 'party_org', targetId: id, nodeId, result: 'success',
        details: { before: strip(org), change: patch },
      });
      return strip(await this.load(q, scope, id));
    });
  }

  /** 单建 covers one compound, 联建 several of the same community, none already under another branch. Returns the community. */
  private async checkBranchCompounds(q: Queryable, scope: Scope, mode: 'standalone' | 'joint', ids: number[], branchId: number): Promise<number> {
    if (mode === 'standalone' && ids.length !== 1) throw new AppError(400, 'VALIDATION_FAILED', '单建支部只能覆盖一个小区');
    if (mode === 'joint' && ids.length < 2) throw new AppError(400, 'VALIDATION_FAILED', '联建支部至少覆盖两个小区');
    const nodes = [];
    for (const id of ids) nodes.push(await nodeInScope(q, id, scope));
    const notCompound = nodes.find((n) => n.kind !== 'compound');
    if (notCompound) throw new AppError(400, 'TREE_SHAPE', `“${notCompound.name}”不是小区，支部只能建在小区`);
    const communities = new Set(nodes.map((n) => n.parent_id));
    if (communities.size > 1) throw new AppError(400, 'TREE_SHAPE', '联建支部覆盖的小区必须属于同一个社区');
    const taken = await repo.compoundsWithBranch(q, ids, branchId);
    if (taken.length) {
      throw new AppError(409, 'DUPLICATE', `小区“${taken[0]!.name}”已属于支部“${taken[0]!.branch_name}”`, { compounds: taken.map((t) => t.compound_id) });
    }
    return nodes[0]!.parent_id!;
  }
}
