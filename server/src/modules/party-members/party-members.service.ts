import type { PartyMemberCreate, PartyMemberDto, PartyMemberListQuery, PartyMemberUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { personInScope } from '../people/people.service.js';
import { assertRemovalKeepsCommittees } from '../owners-committees/owners-committees.service.js';
import { lockCommitteeRule } from '../owners-committees/owners-committees.repo.js';
import * as repo from './party-members.repo.js';

const strip = ({ nodePath: _p, personId: _id, ...dto }: repo.PartyMemberRecord): PartyMemberDto => dto;

export class PartyMembersService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: PartyMemberListQuery): Promise<Page<PartyMemberDto>> {
    const subtreePath = query.nodeId ? (await nodeInScope(this.db, query.nodeId, scope)).path : undefined;
    const page = await repo.listPartyMembers(this.db, { ...query, scopePatterns: scopePatterns(scope), subtreePath }, query);
    return { ...page, data: page.data.map(strip) };
  }

  async get(scope: Scope, id: number): Promise<PartyMemberDto> {
    return strip(await this.load(this.db, scope, id));
  }

  private async load(q: Queryable, scope: Scope, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.PartyMemberRecord> {
    const member = await repo.getPartyMember(q, id, opts);
    if (!member || !pathInScope(member.nodePath, scope)) throw notFound('党员');
    return member;
  }

  /** The member is registered at a compound in the caller's write scope that their branch covers; dual members name their workplace. */
  private async checkValues(q: Queryable, scope: Scope, v: repo.PartyMemberValues): Promise<void> {
    const node = await nodeInScope(q, v.nodeId, scope);
    if (node.kind !== 'compound') throw new AppError(400, 'TREE_SHAPE', `党员须登记在小区，“${node.name}”不是小区`);
    if (!(await repo.branchCovering(q, v.branchId, node.id))) throw badRequest(`所选支部不是覆盖小区“${node.name}”的小区党支部`);
    if (v.management === 'dual' && !v.workplaceOrg) throw badRequest('双报到党员须填写所在单位（workplaceOrg）');
  }

  async create(scope: Scope, readScope: Scope, input: PartyMemberCreate, actor: Actor): Promise<PartyMemberDto> {
    return this.db.tx(async (q) => {
      const values: repo.PartyMemberValues = {
        status: input.status, joinedDate: input.joinedDate, branchId: input.branchId,
        management: input.management, workplaceOrg: input.workplaceOrg ?? null, nodeId: input.nodeId,
      };
      await this.checkValues(q, scope, values);
      const person = await personInScope(q, input.personId, readScope);
      const existing = await repo.membershipOf(q, person.id);
      if (existing) throw new AppError(409, 'DUPLICATE', `${person.name}已登记为党员（编号 ${existing.id}），一人只能登记一次`, { existingId: existing.id });
      const id = await repo.insertPartyMember(q, person.id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'partyMember.create', targetType: 'party_member', targetId: id, nodeId: values.nodeId, result: 'success',
        details: { personId: person.id, status: values.status, management: values.management, branchId: values.branchId },
      });
      return strip((await repo.getPartyMember(q, id))!);
    });
  }

  async update(scope: Scope, id: number, patch: PartyMemberUpdate, actor: Actor): Promise<PartyMemberDto> {
    return this.db.tx(async (q) => {
      const before = await this.load(q, scope, id, { forUpdate: true });
      const values: repo.PartyMemberValues = {
        status: patch.status ?? before.status,
        joinedDate: patch.joinedDate ?? before.joinedDate,
        branchId: patch.branchId ?? before.branchId,
        management: patch.management ?? before.management,
        workplaceOrg: patch.workplaceOrg === undefined ? before.workplaceOrg : patch.workplaceOrg,
        nodeId: patch.nodeId ?? before.nodeId,
      };
      await this.checkValues(q, scope, values);
      await repo.updatePartyMember(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'partyMember.update', targetType: 'party_member', targetId: id, nodeId: values.nodeId, result: 'success',
        details: { personId: before.personId, changed: Object.keys(patch) },
      });
      return strip((await repo.getPartyMember(q, id))!);
    });
  }

  /** Ends a membership (transfer out, death, …); refused if a committee the person sits on would fall to 60% or below. */
  async remove(scope: Scope, id: number, actor: Actor): Promise<{ ok: true }> {
    return this.db.tx(async (q) => {
      await lockCommitteeRule(q);
      const member = await this.load(q, scope, id, { forUpdate: true });
      await assertRemovalKeepsCommittees(q, member.personId, member.person.name);
      await repo.deletePartyMember(q, id);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'partyMember.delete', targetType: 'party_member', targetId: id, nodeId: member.nodeId, result: 'success',
        details: { personId: member.personId, status: member.status, management: member.management, branchId: member.branchId },
      });
      return { ok: true as const };
    });
  }
}
