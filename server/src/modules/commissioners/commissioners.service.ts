import type { CommissionerCreate, CommissionerDto, CommissionerListQuery, CommissionerUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { personInScope } from '../people/people.service.js';
import { assertNoSecondRecord, nodeOfKinds, subtreeOf, type RoleScopes } from '../person-roles/person-ref.js';
import * as repo from './commissioners.repo.js';

const WHAT = '社区服务专员';

/** A linked account must exist and belong to no other commissioner record. */
async function checkUser(q: Queryable, userId: number, exceptId = 0): Promise<void> {
  const user = await repo.findUser(q, userId);
  if (!user) throw badRequest('指定的账号不存在');
  if (user.commissioner_id && user.commissioner_id !== exceptId) {
    throw new AppError(409, 'DUPLICATE', `账号“${user.username}”已关联另一名服务专员（编号 ${user.commissioner_id}）`);
  }
}

export class CommissionersService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: CommissionerListQuery): Promise<Page<CommissionerDto>> {
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    return repo.listCommissioners(this.db, { scopePatterns: scopePatterns(scope), q: query.q, subtreePath, department: query.department }, query);
  }

  async get(scope: Scope, id: number): Promise<CommissionerDto> {
    return repo.toCommissionerDto(await this.commissionerInScope(this.db, scope, id));
  }

  async create(scopes: RoleScopes, input: CommissionerCreate, actor: Actor): Promise<CommissionerDto> {
    return this.db.tx(async (q) => {
      const person = await personInScope(q, input.personId, scopes.people);
      const community = await nodeOfKinds(q, input.communityId, scopes.records, ['community'], '服务专员的派驻地');
      assertNoSecondRecord(await repo.findByPerson(q, person.id), scopes.people, WHAT);
      if (input.userId) await checkUser(q, input.userId);
      const values: repo.CommissionerValues = {
        personId: person.id, department: input.department, rank: input.rank ?? null, communityId: community.id, userId: input.userId ?? null,
      };
      const id = await repo.insertCommissioner(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'commissioner.create', targetType: 'commissioner', targetId: id, nodeId: community.id, result: 'success',
        details: { personId: person.id, department: values.department, rank: values.rank, userId: values.userId },
      });
      return repo.toCommissionerDto((await repo.getCommissioner(q, id))!);
    });
  }

  async update(scopes: RoleScopes, id: number, patch: CommissionerUpdate, actor: Actor): Promise<CommissionerDto> {
    return this.db.tx(async (q) => {
      const before = await this.commissionerInScope(q, scopes.records, id);
      if (patch.communityId) await nodeOfKinds(q, patch.communityId, scopes.records, ['community'], '服务专员的派驻地');
      if (patch.userId) await checkUser(q, patch.userId, id);
      const values: repo.CommissionerValues = {
        personId: before.person_id,
        department: patch.department ?? before.department,
        rank: patch.rank === undefined ? before.rank : patch.rank,
        communityId: patch.communityId ?? before.community_id,
        userId: patch.userId === undefined ? before.user_id : patch.userId,
      };
      await repo.updateCommissioner(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'commissioner.update', targetType: 'commissioner', targetId: id, nodeId: values.communityId, result: 'success',
        details: { personId: before.person_id, changed: Object.keys(patch) },
      });
      return repo.toCommissionerDto((await repo.getCommissioner(q, id))!);
    });
  }

  private async commissionerInScope(q: Queryable, scope: Scope, id: number): Promise<repo.CommissionerRow> {
    const row = await repo.getCommissioner(q, id);
    if (!row || !pathInScope(row.community_path, scope)) throw notFound(WHAT);
    return row;
  }
}
