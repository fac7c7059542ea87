import type { StewardCreate, StewardDto, StewardListQuery, StewardUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { personInScope } from '../people/people.service.js';
import * as repo from './stewards.repo.js';

const strip = ({ compoundPath: _p, personId: _id, ...dto }: repo.StewardRecord): StewardDto => dto;

export class StewardsService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: StewardListQuery): Promise<Page<StewardDto>> {
    const subtreePath = query.nodeId ? (await nodeInScope(this.db, query.nodeId, scope)).path : undefined;
    const qualitySupervisor = query.qualitySupervisor === undefined ? undefined : query.qualitySupervisor === 'true';
    const page = await repo.listStewards(
      this.db,
      { scopePatterns: scopePatterns(scope), subtreePath, stairwellId: query.stairwellId, qualitySupervisor, q: query.q },
      query,
    );
    return { ...page, data: page.data.map(strip) };
  }

  async get(scope: Scope, id: number): Promise<StewardDto> {
    return strip(await this.load(this.db, scope, id));
  }

  private async load(q: Queryable, scope: Scope, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.StewardRecord> {
    const steward = await repo.getSteward(q, id, opts);
    if (!steward || !pathInScope(steward.compoundPath, scope)) throw notFound('红色管家');
    return steward;
  }

  /** Every stairwell lies inside the steward's compound; returns the ids without repeats. */
  private async checkStairwells(q: Queryable, compound: { name: string; path: string }, ids: number[]): Promise<number[]> {
    const unique = [...new Set(ids)];
    const inside = new Set(await repo.stairwellsInside(q, unique, compound.path));
    const outside = unique.find((id) => !inside.has(id));
    if (outside !== undefined) throw badRequest(`编号 ${outside} 的节点不是小区“${compound.name}”内的楼道`, { stairwellId: outside });
    return unique;
  }

  async create(scope: Scope, readScope: Scope, input: StewardCreate, actor: Actor): Promise<StewardDto> {
    return this.db.tx(async (q) => {
      const compound = await nodeInScope(q, input.compoundId, scope);
      if (compound.kind !== 'compound') throw new AppError(400, 'TREE_SHAPE', `红色管家须登记在小区，“${compound.name}”不是小区`);
      const person = await personInScope(q, input.personId, readScope);
      const stairwellIds = await this.checkStairwells(q, compound, input.stairwellIds);
      const existing = await repo.stewardOf(q, person.id, compound.id);
      if (existing) {
        throw new AppError(409, 'DUPLICATE', `${person.name}已是小区“${compound.name}”的红色管家（编号 ${existing.id}），请修改其负责的楼道`, { existingId: existing.id });
      }
      const values = { qualitySupervisor: input.qualitySupervisor ?? false, since: input.since };
      const id = await repo.insertSteward(q, person.id, compound.id, values);
      await repo.setStewardStairwells(q, id, stairwellIds);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'steward.create', targetType: 'steward', targetId: id, nodeId: compound.id, result: 'success',
        details: { personId: person.id, stairwellIds, ...values },
      });
      return strip((await repo.getSteward(q, id))!);
    });
  }

  async update(scope: Scope, id: number, patch: StewardUpdate, actor: Actor): Promise<StewardDto> {
    return this.db.tx(async (q) => {
      const before = await this.load(q, scope, id, { forUpdate: true });
      if (patch.stairwellIds) {
        const ids = await this.checkStairwells(q, { name: before.compoundName, path: before.compoundPath }, patch.stairwellIds);
        await repo.setStewardStairwells(q, id, ids);
      }
      const values = { qualitySupervisor: patch.qualitySupervisor ?? before.qualitySupervisor, since: patch.since ?? before.since };
      await repo.updateSteward(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'steward.update', targetType: 'steward', targetId: id, nodeId: before.compoundId, result: 'success',
        details: { personId: before.personId, changed: Object.keys(patch), ...values, ...(patch.stairwellIds ? { stairwellIds: patch.stairwellIds } : {}) },
      });
      return strip((await repo.getSteward(q, id))!);
    });
  }

  async remove(scope: Scope, id: number, actor: Actor): Promise<{ ok: true }> {
    return this.db.tx(async (q) => {
      const steward = await this.load(q, scope, id, { forUpdate: true });
      await repo.deleteSteward(q, id);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'steward.delete', targetType: 'steward', targetId: id, nodeId: steward.compoundId, result: 'success',
        details: { personId: steward.personId, stairwellIds: steward.stairwells.map((w) => w.id) },
      });
      return { ok: true as const };
    });
  }
}
