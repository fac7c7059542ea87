import { NODE_KINDS, type SocialOrgCreate, type SocialOrgDto, type SocialOrgListQuery, type SocialOrgUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { personInScope } from '../people/people.service.js';
import { nodeOfKinds, subtreeOf, type RoleScopes } from '../person-roles/person-ref.js';
import * as repo from './social-orgs.repo.js';

// A social organisation may serve a whole subdistrict, unlike a shop.
export const SOCIAL_ORG_NODE_KINDS = NODE_KINDS.slice(NODE_KINDS.indexOf('subdistrict'));

export class SocialOrgsService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: SocialOrgListQuery): Promise<Page<SocialOrgDto>> {
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    const registered = query.registered === undefined ? undefined : query.registered === 'true';
    return repo.listSocialOrgs(this.db, { scopePatterns: scopePatterns(scope), q: query.q, subtreePath, kind: query.kind, registered }, query);
  }

  async get(scope: Scope, id: number): Promise<SocialOrgDto> {
    return repo.toSocialOrgDto(await this.orgInScope(this.db, scope, id));
  }

  async create(scopes: RoleScopes, input: SocialOrgCreate, actor: Actor): Promise<SocialOrgDto> {
    return this.db.tx(async (q) => {
      await this.checkRefs(q, scopes, input);
      const values: repo.SocialOrgValues = {
        name: input.name, kind: input.kind, nodeId: input.nodeId, contactId: input.contactId ?? null, services: input.services, registered: input.registered,
      };
      const id = await repo.insertSocialOrg(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'socialOrg.create', targetType: 'social_org', targetId: id, nodeId: values.nodeId, result: 'success',
        details: { name: values.name, kind: values.kind, contactId: values.contactId, registered: values.registered },
      });
      return repo.toSocialOrgDto((await repo.getSocialOrg(q, id))!);
    });
  }

  async update(scopes: RoleScopes, id: number, patch: SocialOrgUpdate, actor: Actor): Promise<SocialOrgDto> {
    return this.db.tx(async (q) => {
      const before = await this.orgInScope(q, scopes.records, id);
      // Only what changes is checked again: an unchanged contact may live outside the caller's people scope.
      await this.checkRefs(q, scopes, patch);
      const values: repo.SocialOrgValues = {
        name: patch.name ?? before.name,
        kind: patch.kind ?? before.kind,
        nodeId: patch.nodeId ?? before.node_id,
        contactId: patch.contactId === undefined ? before.contact_id : patch.contactId,
        services: patch.services ?? before.services,
        registered: patch.registered ?? before.registered,
      };
      await repo.updateSocialOrg(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'socialOrg.update', targetType: 'social_org', targetId: id, nodeId: values.nodeId, result: 'success',
        details: { name: values.name, changed: Object.keys(patch) },
      });
      return repo.toSocialOrgDto((await repo.getSocialOrg(q, id))!);
    });
  }

  private async checkRefs(q: Queryable, scopes: RoleScopes, v: { nodeId?: number | undefined; contactId?: number | null | undefined }): Promise<void> {
    if (v.nodeId) await nodeOfKinds(q, v.nodeId, scopes.records, SOCIAL_ORG_NODE_KINDS, '社会组织的所在地');
    if (v.contactId) await personInScope(q, v.contactId, scopes.people);
  }

  private async orgInScope(q: Queryable, scope: Scope, id: number): Promise<repo.SocialOrgRow> {
    const row = await repo.getSocialOrg(q, id);
    if (!row || !pathInScope(row.node_path, scope)) throw notFound('社会组织');
    return row;
  }
}
