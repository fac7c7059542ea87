import { GIG_WORKER_TYPE_LABELS, type GigWorkerCreate, type GigWorkerDto, type GigWorkerListQuery, type GigWorkerUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { personInScope } from '../people/people.service.js';
import { assertNoSecondRecord, COMMUNITY_AND_BELOW, nodeOfKinds, subtreeOf, type RoleScopes } from '../person-roles/person-ref.js';
import * as repo from './gig-workers.repo.js';

const WHAT = '新就业群体';

export class GigWorkersService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: GigWorkerListQuery): Promise<Page<GigWorkerDto>> {
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    return repo.listGigWorkers(this.db, { scopePatterns: scopePatterns(scope), q: query.q, subtreePath, type: query.type }, query);
  }

  async get(scope: Scope, id: number): Promise<GigWorkerDto> {
    return repo.toGigWorkerDto(await this.workerInScope(this.db, scope, id));
  }

  async create(scopes: RoleScopes, input: GigWorkerCreate, actor: Actor): Promise<GigWorkerDto> {
    return this.db.tx(async (q) => {
      const person = await personInScope(q, input.personId, scopes.people);
      const node = await nodeOfKinds(q, input.nodeId ?? person.node_id, scopes.records, COMMUNITY_AND_BELOW, '新就业群体的居住地');
      assertNoSecondRecord(await repo.findByPerson(q, person.id), scopes.people, WHAT);
      const values: repo.GigWorkerValues = { personId: person.id, type: input.type, platform: input.platform ?? null, nodeId: node.id };
      const id = await repo.insertGigWorker(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'gigWorker.create', targetType: 'gig_worker', targetId: id, nodeId: node.id, result: 'success',
        details: { personId: person.id, type: values.type, typeLabel: GIG_WORKER_TYPE_LABELS[values.type].zh, platform: values.platform },
      });
      return repo.toGigWorkerDto((await repo.getGigWorker(q, id))!);
    });
  }

  async update(scopes: RoleScopes, id: number, patch: GigWorkerUpdate, actor: Actor): Promise<GigWorkerDto> {
    return this.db.tx(async (q) => {
      const before = await this.workerInScope(q, scopes.records, id);
      if (patch.nodeId) await nodeOfKinds(q, patch.nodeId, scopes.records, COMMUNITY_AND_BELOW, '新就业群体的居住地');
      const values: repo.GigWorkerValues = {
        personId: before.person_id,
        type: patch.type ?? before.type,
        platform: patch.platform === undefined ? before.platform : patch.platform,
        nodeId: patch.nodeId ?? before.node_id,
      };
      await repo.updateGigWorker(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'gigWorker.update', targetType: 'gig_worker', targetId: id, nodeId: values.nodeId, result: 'success',
        details: { personId: before.person_id, changed: Object.keys(patch) },
      });
      return repo.toGigWorkerDto((await repo.getGigWorker(q, id))!);
    });
  }

  private async workerInScope(q: Queryable, scope: Scope, id: number): Promise<repo.GigWorkerRow> {
    const row = await repo.getGigWorker(q, id);
    if (!row || !pathInScope(row.node_path, scope)) throw notFound(WHAT);
    return row;
  }
}
