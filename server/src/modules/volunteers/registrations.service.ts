import {
  maskPhone,
  type DualRegistrationApprove,
  type DualRegistrationCreate,
  type DualRegistrationDto,
  type DualRegistrationListQuery,
  type MyDualRegistrationDto,
  type ResidentDualRegistrationCreate,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { ResidentContext } from '../../platform/auth/resident-sessions.js';
import type { Page } from '../../platform/paging.js';
import { getNode, branchOfCompound, type NodeRow } from '../nodes/nodes.repo.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { nodeOfKinds } from '../person-roles/person-ref.js';
import { personInScope } from '../people/people.service.js';
import * as members from '../party-members/party-members.repo.js';
import { assertRemovalKeepsCommittees } from '../owners-committees/owners-committees.service.js';
import { lockCommitteeRule } from '../owners-committees/owners-committees.repo.js';
import * as orgs from './workplace-orgs.repo.js';
import * as repo from './registrations.repo.js';

const residentActor = (r: ResidentContext, ip: string): Actor => ({ userId: null, name: `居民 ${maskPhone(r.phone)}`, ip });

/** The workplace as given: a registered organisation of the compound's community, or a name. */
async function workplaceOf(q: Queryable, compound: NodeRow, input: { workplaceOrgId?: number | undefined; workplaceOrgName?: string | undefined }) {
  if (input.workplaceOrgId === undefined) return { id: null, name: input.workplaceOrgName ?? null };
  const org = await orgs.getWorkplaceOrg(q, input.workplaceOrgId);
  if (!org || org.status !== 'active' || !compound.path.startsWith(org.community_path)) {
    throw badRequest(`所选单位未在“${compound.name}”所在社区报到，请重新选择或直接填写单位名称`);
  }
  return { id: org.id, name: null };
}

async function assertNoLiveRegistration(q: Queryable, personId: number): Promise<void> {
  const live = await repo.liveRegistrationOf(q, personId);
  if (live) {
    const what = live.status === 'pending' ? '已提交报到申请，正在等待审核' : '已报到';
    throw new AppError(409, 'DUPLICATE', `${what}（${live.compound_name}），不能重复报到`, { existingId: live.id });
  }
}

/** In-service party members registering at the compound where they live (在职党员到小区报到), and the branch's decision. */
export class RegistrationsService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: DualRegistrationListQuery): Promise<Page<DualRegistrationDto>> {
    const narrow = query.compoundId ?? query.nodeId;
    const subtreePath = narrow ? (await nodeInScope(this.db, narrow, scope)).path : undefined;
    return repo.listRegistrations(this.db, { scopePatterns: scopePatterns(scope), subtreePath, status: query.status }, query);
  }

  async get(scope: Scope, id: number): Promise<DualRegistrationDto> {
    return repo.toRegistrationDto(await this.load(this.db, scope, id));
  }

  private async load(q: Queryable, scope: Scope, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.RegistrationRow> {
    const row = await repo.getRegistration(q, id, opts);
    if (!row || !pathInScope(row.compound_path, scope)) throw notFound('报到申请');
    return row;
  }

  /** Staff register a member: the compound in their write scope, the person in their people scope. */
  async create(scope: Scope, peopleScope: Scope, input: DualRegistrationCreate, actor: Actor): Promise<DualRegistrationDto> {
    return this.db.tx(async (q) => {
      const compound = await nodeOfKinds(q, input.compoundId, scope, ['compound'], '报到小区');
      const person = await personInScope(q, input.personId, peopleScope);
      const workplace = await workplaceOf(q, compound, input);
      await assertNoLiveRegistration(q, person.id);
      const id = await repo.insertRegistration(q, {
        personId: person.id, compoundId: compound.id, workplaceOrgId: workplace.id, workplaceOrgName: workplace.name,
        source: 'staff', residentId: null, createdBy: actor.userId,
      });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'dualRegistration.create', targetType: 'dual_registration', targetId: id, nodeId: compound.id, result: 'success',
        details: { personId: person.id, source: 'staff', workplaceOrgId: workplace.id },
      });
      return repo.toRegistrationDto((await repo.getRegistration(q, id))!);
    });
  }

  /** A verified resident registers on the phone; their phone must lead to exactly one registry person. */
  async createByResident(resident: ResidentContext, input: ResidentDualRegistrationCreate, ip: string): Promise<MyDualRegistrationDto> {
    const personId = resident.personId;
    if (!personId) throw new AppError(409, 'RESIDENT_NOT_LINKED', '您的手机号尚未与社区登记的人员信息关联，请联系所在社区登记您的手机号后再报到');
    return this.db.tx(async (q) => {
      const compound = await getNode(q, input.compoundId);
      if (!compound) throw notFound('小区');
      if (compound.kind !== 'compound') throw new AppError(400, 'TREE_SHAPE', `请选择居住的小区，“${compound.name}”不是小区`);
      if (!compound.active) throw new AppError(409, 'NODE_INACTIVE', `“${compound.name}”已停用`);
      const workplace = await workplaceOf(q, compound, input);
      await assertNoLiveRegistration(q, personId);
      const id = await repo.insertRegistration(q, {
        personId, compoundId: compound.id, workplaceOrgId: workplace.id, workplaceOrgName: workplace.name,
        source: 'phone', residentId: resident.residentId, createdBy: null,
      });
      await appendAudit(q, {
        ...actorEntry(residentActor(resident, ip)), action: 'dualRegistration.create', targetType: 'dual_registration', targetId: id, nodeId: compound.id,
        result: 'success', details: { personId, source: 'phone', residentId: resident.residentId, workplaceOrgId: workplace.id },
      });
      return repo.toMyRegistrationDto((await repo.getRegistration(q, id))!);
    });
  }

  async mine(resident: ResidentContext): Promise<MyDualRegistrationDto[]> {
    if (!resident.personId) return [];
    return (await repo.registrationsOfPerson(this.db, resident.personId)).map(repo.toMyRegistrationDto);
  }

  /**
   * The compound's branch approves: the person becomes (or stays) a party member, managed as
   * 'dual' at this compound under its branch, with the workplace named.
   */
  async approve(scope: Scope, id: number, input: DualRegistrationApprove, actor: Actor): Promise<DualRegistrationDto> {
    return this.db.tx(async (q) => {
      const reg = await this.load(q, scope, id, { forUpdate: true });
      if (reg.status !== 'pending') throw conflict('只能审核待审核的报到申请');
      const [branchRow] = await branchOfCompound(q, reg.compound_id);
      const branch = branchRow && (await members.branchCovering(q, branchRow.id, reg.compound_id));
      if (!branch) throw conflict(`“${reg.compound_name}”尚未设立小区党支部，无法通过报到`);
      const existing = await members.membershipOf(q, reg.person_id);
      let memberId: number;
      if (existing) {
        const before = (await members.getPartyMember(q, existing.id, { forUpdate: true }))!;
        memberId = before.id;
        await members.updatePartyMember(q, memberId, {
          status: input?.status ?? before.status, joinedDate: input?.joinedDate ?? before.joinedDate,
          branchId: branch.id, management: 'dual', workplaceOrg: reg.workplace_name, nodeId: reg.compound_id,
        });
        await appendAudit(q, {
          ...actorEntry(actor), action: 'partyMember.update', targetType: 'party_member', targetId: memberId, nodeId: reg.compound_id, result: 'success',
          details: { personId: reg.person_id, changed: ['management', 'workplaceOrg', 'nodeId', 'branchId'], dualRegistrationId: id },
        });
      } else {
        if (!input?.joinedDate) throw badRequest('该人员尚未登记为党员，通过报到时请填写入党日期（joinedDate）');
        memberId = await members.insertPartyMember(q, reg.person_id, {
          status: input.status ?? 'full', joinedDate: input.joinedDate, branchId: branch.id,
          management: 'dual', workplaceOrg: reg.workplace_name, nodeId: reg.compound_id,
        });
        await appendAudit(q, {
          ...actorEntry(actor), action: 'partyMember.create', targetType: 'party_member', targetId: memberId, nodeId: reg.compound_id, result: 'success',
          details: { personId: reg.person_id, status: input.status ?? 'full', management: 'dual', branchId: branch.id, dualRegistrationId: id },
        });
      }
      await repo.approveRegistration(q, id, actor.userId, memberId);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'dualRegistration.approve', targetType: 'dual_registration', targetId: id, nodeId: reg.compound_id, result: 'success',
        details: { personId: reg.person_id, partyMemberId: memberId, branchId: branch.id },
      });
      return repo.toRegistrationDto((await repo.getRegistration(q, id))!);
    });
  }

  async decline(scope: Scope, id: number, reason: string, actor: Actor): Promise<DualRegistrationDto> {
    return this.db.tx(async (q) => {
      const reg = await this.load(q, scope, id, { forUpdate: true });
      if (reg.status !== 'pending') throw conflict('只能审核待审核的报到申请');
      await repo.declineRegistration(q, id, actor.userId, reason);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'dualRegistration.decline', targetType: 'dual_registration', targetId: id, nodeId: reg.compound_id, result: 'success',
        details: { personId: reg.person_id, reason },
      });
      return repo.toRegistrationDto((await repo.getRegistration(q, id))!);
    });
  }

  /**
   * 撤回/注销报到: a pending or approved registration is withdrawn with a reason. Withdrawing an
   * approved one ends the dual registration at the compound: the membership its approval made
   * dual there is removed from the compound's register (the member's party relationship stays
   * with their workplace), subject to the owners' committee rule like any membership removal.
   * A membership since moved elsewhere or managed directly is left alone.
   */
  async withdraw(scope: Scope, id: number, reason: string, actor: Actor): Promise<DualRegistrationDto> {
    return this.db.tx(async (q) => {
      // The committee rule's lock first, as every membership removal takes it.
      await lockCommitteeRule(q);
      const reg = await this.load(q, scope, id, { forUpdate: true });
      if (reg.status !== 'pending' && reg.status !== 'approved') throw conflict('只能撤回待审核或已通过的报到');
      let removedMemberId: number | null = null;
      if (reg.status === 'approved' && reg.party_member_id !== null) {
        const m = await members.getPartyMember(q, reg.party_member_id, { forUpdate: true });
        if (m && m.management === 'dual' && m.nodeId === reg.compound_id) {
          await assertRemovalKeepsCommittees(q, m.personId, m.person.name);
          await members.deletePartyMember(q, m.id);
          removedMemberId = m.id;
          await appendAudit(q, {
            ...actorEntry(actor), action: 'partyMember.delete', targetType: 'party_member', targetId: m.id, nodeId: m.nodeId, result: 'success',
            details: {
              personId: m.personId, status: m.status, joinedDate: m.joinedDate, management: m.management, branchId: m.branchId, workplaceOrg: m.workplaceOrg,
              dualRegistrationId: id, reason: 'dual registration withdrawn',
            },
          });
        }
      }
      await repo.withdrawRegistration(q, id, actor.userId, reason);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'dualRegistration.withdraw', targetType: 'dual_registration', targetId: id, nodeId: reg.compound_id, result: 'success',
        details: { personId: reg.person_id, from: reg.status, reason, partyMemberId: reg.party_member_id, membershipRemoved: removedMemberId !== null },
      });
      return repo.toRegistrationDto((await repo.getRegistration(q, id))!);
    });
  }
}
