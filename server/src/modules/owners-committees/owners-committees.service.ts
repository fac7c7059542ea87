import {
  partyShareOf,
  partyShareProblem,
  type OwnersCommitteeCreate,
  type OwnersCommitteeDetailDto,
  type OwnersCommitteeDto,
  type OwnersCommitteeListQuery,
  type OwnersCommitteeUpdate,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { personInScope } from '../people/people.service.js';
import * as repo from './owners-committees.repo.js';
import { listCommitteeMembers, type CommitteeMemberExportRow } from './owners-committees-excel.repo.js';

const strip = ({ compoundPath: _p, ...dto }: repo.CommitteeRecord): OwnersCommitteeDto => dto;

/** Refuses a committee make-up in which party members are 60% or less (409, the share in the message). */
function assertPartyShare(partyMembers: number, members: number, prefix = ''): void {
  const problem = partyShareProblem(partyMembers, members);
  if (problem) {
    throw new AppError(409, 'CONFLICT', `${prefix}${problem}`, { memberCount: members, partyMemberCount: partyMembers, partyShare: partyShareOf(partyMembers, members) });
  }
}

/**
 * Removing a party membership must not drop a committee the person sits on to 60% or below.
 * Only committees whose term has not ended count: a past term is history, not a make-up to keep.
 * The caller holds the committee-rule lock.
 */
export async function assertRemovalKeepsCommittees(q: Queryable, personId: number, personName: string): Promise<void> {
  const broken = (await repo.openCommitteesOf(q, personId))
    .map((c) => ({ c, problem: partyShareProblem(c.party_member_count - 1, c.member_count) }))
    .filter((x) => x.problem);
  if (broken.length) {
    const where = broken.map(({ c, problem }) => `小区“${c.compound_name}”业委会${problem}`).join('；');
    throw new AppError(409, 'CONFLICT', `${personName}是业委会成员，移除其党员身份后：${where}`, {
      committees: broken.map(({ c }) => ({ id: c.id, memberCount: c.member_count, partyMemberCount: c.party_member_count - 1 })),
    });
  }
}

export class OwnersCommitteesService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: OwnersCommitteeListQuery): Promise<Page<OwnersCommitteeDto>> {
    const subtreePath = query.nodeId ? (await nodeInScope(this.db, query.nodeId, scope)).path : undefined;
    const current = query.current === undefined ? undefined : query.current === 'true';
    const page = await repo.listCommittees(this.db, { scopePatterns: scopePatterns(scope), subtreePath, current }, query);
    return { ...page, data: page.data.map(strip) };
  }

  /** The members of the listed committees, one row each (the export). */
  async listMembers(scope: Scope, query: OwnersCommitteeListQuery): Promise<Page<CommitteeMemberExportRow>> {
    const subtreePath = query.nodeId ? (await nodeInScope(this.db, query.nodeId, scope)).path : undefined;
    const current = query.current === undefined ? undefined : query.current === 'true';
    return listCommitteeMembers(this.db, { scopePatterns: scopePatterns(scope), subtreePath, current }, query);
  }

  async get(scope: Scope, id: number): Promise<OwnersCommitteeDetailDto> {
    return this.detail(this.db, await this.load(this.db, scope, id));
  }

  private async load(q: Queryable, scope: Scope, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.CommitteeRecord> {
    const committee = await repo.getCommittee(q, id, opts);
    if (!committee || !pathInScope(committee.compoundPath, scope)) throw notFound('业委会');
    return committee;
  }

  private async detail(q: Queryable, c: repo.CommitteeRecord): Promise<OwnersCommitteeDetailDto> {
    return { ...strip(c), members: await repo.committeeMembers(q, c.id) };
  }

  /** Dates in order, and no other committee of the compound in office during the term. */
  private async checkTerm(q: Queryable, compound: { id: number; name: string }, v: repo.CommitteeValues, exceptId = 0): Promise<void> {
    if (v.termEnd < v.termStart) throw badRequest('任期结束日期不能早于开始日期');
    if (v.electionDate > v.termStart) throw badRequest('选举日期不能晚于任期开始日期');
    const [other] = await repo.overlappingCommittees(q, compound.id, v.termStart, v.termEnd, exceptId);
    if (other) {
      throw new AppError(409, 'CONFLICT', `小区“${compound.name}”已有业委会（任期 ${other.term_start} 至 ${other.term_end}），与该任期重叠；一个小区同一时间只有一届业委会，请先调整其任期`, {
        existingId: other.id,
      });
    }
  }

  /** Every member is a person the caller may see; party members must be more than 60%. */
  private async checkMembers(q: Queryable, readScope: Scope, members: OwnersCommitteeCreate['members']): Promise<number> {
    for (const m of members) await personInScope(q, m.personId, readScope);
    const party = await repo.partyMemberCount(q, members.map((m) => m.personId));
    assertPartyShare(party, members.length, '业委会');
    return party;
  }

  async create(scope: Scope, readScope: Scope, input: OwnersCommitteeCreate, actor: Actor): Promise<OwnersCommitteeDetailDto> {
    return this.db.tx(async (q) => {
      await repo.lockCommitteeRule(q);
      const compound = await nodeInScope(q, input.compoundId, scope);
      if (compound.kind !== 'compound') throw new AppError(400, 'TREE_SHAPE', `业委会只能设在小区，“${compound.name}”不是小区`);
      const values = { termStart: input.termStart, termEnd: input.termEnd, electionDate: input.electionDate };
      await this.checkTerm(q, compound, values);
      const partyMembers = await this.checkMembers(q, readScope, input.members);
      const id = await repo.insertCommittee(q, compound.id, values);
      await repo.setCommitteeMembers(q, id, input.members);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ownersCommittee.create', targetType: 'owners_committee', targetId: id, nodeId: compound.id, result: 'success',
        details: { ...values, memberCount: input.members.length, partyMemberCount: partyMembers, members: input.members },
      });
      return this.detail(q, (await repo.getCommittee(q, id))!);
    });
  }

  async update(scope: Scope, readScope: Scope, id: number, patch: OwnersCommitteeUpdate, actor: Actor): Promise<OwnersCommitteeDetailDto> {
    return this.db.tx(async (q) => {
      await repo.lockCommitteeRule(q);
      const before = await this.load(q, scope, id, { forUpdate: true });
      const values = {
        termStart: patch.termStart ?? before.termStart,
        termEnd: patch.termEnd ?? before.termEnd,
        electionDate: patch.electionDate ?? before.electionDate,
      };
      await this.checkTerm(q, { id: before.compoundId, name: before.compoundName }, values, id);
      if (patch.members) {
        await this.checkMembers(q, readScope, patch.members);
        await repo.setCommitteeMembers(q, id, patch.members);
      } else {
        assertPartyShare(before.partyMemberCount, before.memberCount, '业委会');
      }
      await repo.updateCommittee(q, id, values);
      const after = (await repo.getCommittee(q, id))!;
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ownersCommittee.update', targetType: 'owners_committee', targetId: id, nodeId: before.compoundId, result: 'success',
        details: {
          changed: Object.keys(patch), ...values, memberCount: after.memberCount, partyMemberCount: after.partyMemberCount,
          ...(patch.members ? { members: patch.members } : {}),
        },
      });
      return this.detail(q, after);
    });
  }

  async remove(scope: Scope, id: number, actor: Actor): Promise<{ ok: true }> {
    return this.db.tx(async (q) => {
      const c = await this.load(q, scope, id, { forUpdate: true });
      await repo.deleteCommittee(q, id);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ownersCommittee.delete', targetType: 'owners_committee', targetId: id, nodeId: c.compoundId, result: 'success',
        details: { termStart: c.termStart, termEnd: c.termEnd, memberCount: c.memberCount, partyMemberCount: c.partyMemberCount },
      });
      return { ok: true as const };
    });
  }
}
