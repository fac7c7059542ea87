import {
  DEPUTY_BODY_LABELS,
  DEPUTY_LEVEL_LABELS,
  type DeputyCreate,
  type DeputyDto,
  type DeputyListQuery,
  type DeputyUpdate,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { personInScope } from '../people/people.service.js';
import { assertNoSecondRecord, COMMUNITY_AND_BELOW, nodeOfKinds, subtreeOf, type RoleScopes } from '../person-roles/person-ref.js';
import * as repo from './deputies.repo.js';

const seatLabel = (v: repo.DeputyValues) => `${DEPUTY_LEVEL_LABELS[v.level].zh}${DEPUTY_BODY_LABELS[v.body].zh}`;

export class DeputiesService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: DeputyListQuery): Promise<Page<DeputyDto>> {
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    return repo.listDeputies(this.db, { scopePatterns: scopePatterns(scope), q: query.q, subtreePath, body: query.body, level: query.level }, query);
  }

  async get(scope: Scope, id: number): Promise<DeputyDto> {
    return repo.toDeputyDto(await this.deputyInScope(this.db, scope, id));
  }

  async create(scopes: RoleScopes, input: DeputyCreate, actor: Actor): Promise<DeputyDto> {
    return this.db.tx(async (q) => {
      const person = await personInScope(q, input.personId, scopes.people);
      const node = await nodeOfKinds(q, input.nodeId ?? person.node_id, scopes.records, COMMUNITY_AND_BELOW, '代表委员的联系点');
      const values: repo.DeputyValues = { personId: person.id, body: input.body, level: input.level, nodeId: node.id };
      assertNoSecondRecord(await repo.findSameSeat(q, values), scopes.people, seatLabel(values));
      const id = await repo.insertDeputy(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'deputy.create', targetType: 'deputy', targetId: id, nodeId: node.id, result: 'success',
        details: { personId: person.id, body: values.body, level: values.level },
      });
      return repo.toDeputyDto((await repo.getDeputy(q, id))!);
    });
  }

  async update(scopes: RoleScopes, id: number, patch: DeputyUpdate, actor: Actor): Promise<DeputyDto> {
    return this.db.tx(async (q) => {
      const before = await this.deputyInScope(q, scopes.records, id);
      if (patch.nodeId) await nodeOfKinds(q, patch.nodeId, scopes.records, COMMUNITY_AND_BELOW, '代表委员的联系点');
      const values: repo.DeputyValues = {
        personId: before.person_id, body: patch.body ?? before.body, level: patch.level ?? before.level, nodeId: patch.nodeId ?? before.node_id,
      };
      assertNoSecondRecord(await repo.findSameSeat(q, values, id), scopes.people, seatLabel(values));
      await repo.updateDeputy(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'deputy.update', targetType: 'deputy', targetId: id, nodeId: values.nodeId, result: 'success',
        details: { personId: before.person_id, changed: Object.keys(patch) },
      });
      return repo.toDeputyDto((await repo.getDeputy(q, id))!);
    });
  }

  private async deputyInScope(q: Queryable, scope: Scope, id: number): Promise<repo.DeputyRow> {
    const row = await repo.getDeputy(q, id);
    if (!row || !pathInScope(row.node_path, scope)) throw notFound('代表委员');
    return row;
  }
}
