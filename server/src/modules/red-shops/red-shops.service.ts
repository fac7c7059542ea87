import type { RedShopCreate, RedShopDto, RedShopListQuery, RedShopUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { personInScope } from '../people/people.service.js';
import { COMMUNITY_AND_BELOW, nodeOfKinds, subtreeOf, type RoleScopes } from '../person-roles/person-ref.js';
import * as repo from './red-shops.repo.js';

export class RedShopsService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: RedShopListQuery): Promise<Page<RedShopDto>> {
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    const honoursPoints = query.honoursPoints === undefined ? undefined : query.honoursPoints === 'true';
    return repo.listRedShops(this.db, { scopePatterns: scopePatterns(scope), q: query.q, subtreePath, honoursPoints }, query);
  }

  async get(scope: Scope, id: number): Promise<RedShopDto> {
    return repo.toRedShopDto(await this.shopInScope(this.db, scope, id));
  }

  async create(scopes: RoleScopes, input: RedShopCreate, actor: Actor): Promise<RedShopDto> {
    return this.db.tx(async (q) => {
      const values: repo.RedShopValues = {
        name: input.name,
        nodeId: input.nodeId,
        keeperId: input.keeperId ?? null,
        services: input.services,
        honoursPoints: input.honoursPoints,
        joinedDate: input.joinedDate ?? null,
      };
      await this.checkRefs(q, scopes, values);
      const id = await repo.insertRedShop(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'redShop.create', targetType: 'red_shop', targetId: id, nodeId: values.nodeId, result: 'success',
        details: { name: values.name, keeperId: values.keeperId, honoursPoints: values.honoursPoints },
      });
      return repo.toRedShopDto((await repo.getRedShop(q, id))!);
    });
  }

  async update(scopes: RoleScopes, id: number, patch: RedShopUpdate, actor: Actor): Promise<RedShopDto> {
    return this.db.tx(async (q) => {
      const before = await this.shopInScope(q, scopes.records, id);
      const values: repo.RedShopValues = {
        name: patch.name ?? before.name,
        nodeId: patch.nodeId ?? before.node_id,
        keeperId: patch.keeperId === undefined ? before.keeper_id : patch.keeperId,
        services: patch.services ?? before.services,
        honoursPoints: patch.honoursPoints ?? before.honours_points,
        joinedDate: patch.joinedDate === undefined ? before.joined_date : patch.joinedDate,
      };
      // Only what changes is checked again: an unchanged keeper may live outside the caller's people scope.
      await this.checkRefs(q, scopes, { nodeId: patch.nodeId, keeperId: patch.keeperId });
      await repo.updateRedShop(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'redShop.update', targetType: 'red_shop', targetId: id, nodeId: values.nodeId, result: 'success',
        details: { name: values.name, changed: Object.keys(patch) },
      });
      return repo.toRedShopDto((await repo.getRedShop(q, id))!);
    });
  }

  /** The shop's node (when set) must be a community or below in the caller's scope; the keeper a person they may see. */
  private async checkRefs(q: Queryable, scopes: RoleScopes, v: { nodeId?: number | undefined; keeperId?: number | null | undefined }): Promise<void> {
    if (v.nodeId) await nodeOfKinds(q, v.nodeId, scopes.records, COMMUNITY_AND_BELOW, '红色商铺的地址');
    if (v.keeperId) await personInScope(q, v.keeperId, scopes.people);
  }

  private async shopInScope(q: Queryable, scope: Scope, id: number): Promise<repo.RedShopRow> {
    const row = await repo.getRedShop(q, id);
    if (!row || !pathInScope(row.node_path, scope)) throw notFound('红色商铺');
    return row;
  }
}
