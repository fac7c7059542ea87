import { chinaToday, type WorkplaceOrgCreate, type WorkplaceOrgDto, type WorkplaceOrgListQuery, type WorkplaceOrgUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { nodeOfKinds } from '../person-roles/person-ref.js';
import * as repo from './workplace-orgs.repo.js';

/** A workplace with a party organisation names it; one without has no name for it. */
function checkPartyOrg(v: repo.WorkplaceOrgValues): void {
  if (v.partyOrgType !== 'none' && !v.partyOrgName) throw badRequest('请填写单位党组织名称（partyOrgName）');
  if (v.partyOrgType === 'none' && v.partyOrgName) throw badRequest('未建立党组织的单位不能填写党组织名称');
}

async function assertNameFree(q: Queryable, v: repo.WorkplaceOrgValues, exceptId = 0): Promise<void> {
  const existing = await repo.findByName(q, v.communityId, v.name, exceptId);
  if (existing) throw new AppError(409, 'DUPLICATE', `“${v.name}”已在本社区报到（编号 ${existing.id}）`, { existingId: existing.id });
}

/** Workplace party organisations registered at a community (单位党组织到社区报到). */
export class WorkplaceOrgsService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: WorkplaceOrgListQuery): Promise<Page<WorkplaceOrgDto>> {
    const subtreePath = query.nodeId ? (await nodeInScope(this.db, query.nodeId, scope)).path : undefined;
    return repo.listWorkplaceOrgs(this.db, { scopePaths: scope.paths, subtreePath, status: query.status, q: query.q }, query);
  }

  /** Visible in the scope, or registered at the community above it. */
  async get(scope: Scope, id: number): Promise<WorkplaceOrgDto> {
    const org = await repo.getWorkplaceOrg(this.db, id);
    if (!org || !(pathInScope(org.community_path, scope) || scope.paths.some((p) => p.startsWith(org.community_path)))) throw notFound('报到单位');
    return repo.toWorkplaceOrgDto(org);
  }

  async create(scope: Scope, input: WorkplaceOrgCreate, actor: Actor): Promise<WorkplaceOrgDto> {
    return this.db.tx(async (q) => {
      await nodeOfKinds(q, input.communityId, scope, ['community'], '报到社区');
      const values: repo.WorkplaceOrgValues = {
        communityId: input.communityId,
        name: input.name,
        creditCode: input.creditCode ?? null,
        partyOrgType: input.partyOrgType,
        partyOrgName: input.partyOrgName ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        status: 'active',
        registeredAt: input.registeredAt ?? chinaToday(),
      };
      checkPartyOrg(values);
      await assertNameFree(q, values);
      const id = await repo.insertWorkplaceOrg(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'workplaceOrg.create', targetType: 'workplace_org', targetId: id, nodeId: values.communityId, result: 'success',
        details: { name: values.name, partyOrgType: values.partyOrgType },
      });
      return repo.toWorkplaceOrgDto((await repo.getWorkplaceOrg(q, id))!);
    });
  }

  /** Kept by those who manage the community itself (not a branch below it). */
  async update(scope: Scope, id: number, patch: WorkplaceOrgUpdate, actor: Actor): Promise<WorkplaceOrgDto> {
    return this.db.tx(async (q) => {
      const before = await repo.getWorkplaceOrg(q, id, { forUpdate: true });
      if (!before || !pathInScope(before.community_path, scope)) throw notFound('报到单位');
      const pick = <K extends keyof WorkplaceOrgUpdate, T>(k: K, current: T): T => (patch[k] === undefined ? current : (patch[k] as T));
      const partyOrgType = pick('partyOrgType', before.party_org_type);
      const values: repo.WorkplaceOrgValues = {
        communityId: before.community_id,
        name: pick('name', before.name),
        creditCode: pick('creditCode', before.credit_code),
        partyOrgType,
        // Setting "no party organisation" clears its name unless the patch names one (refused below).
        partyOrgName: partyOrgType === 'none' && patch.partyOrgName === undefined ? null : pick('partyOrgName', before.party_org_name),
        contactName: pick('contactName', before.contact_name),
        contactPhone: pick('contactPhone', before.contact_phone),
        status: pick('status', before.status),
        registeredAt: pick('registeredAt', before.registered_at),
      };
      checkPartyOrg(values);
      await assertNameFree(q, values, id);
      await repo.updateWorkplaceOrg(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'workplaceOrg.update', targetType: 'workplace_org', targetId: id, nodeId: values.communityId, result: 'success',
        details: { name: values.name, changed: Object.keys(patch) },
      });
      return repo.toWorkplaceOrgDto((await repo.getWorkplaceOrg(q, id))!);
    });
  }
}
