import type { DualMemberList, DualMemberListQuery, VolunteerSettingsDto } from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { forbidden } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { scopeIsWholeTree, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { isoOf } from '../person-roles/person-ref.js';
import * as repo from './members.repo.js';

/** Each branch's dual-registered members and their service; who has not served for a period the county sets. */
export class DualMembersService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: DualMemberListQuery): Promise<DualMemberList> {
    const subtreePath = query.nodeId ? (await nodeInScope(this.db, query.nodeId, scope)).path : undefined;
    const inactiveDays = query.inactiveDays ?? (await repo.getSettings(this.db)).inactive_days;
    const inactive = query.inactive === undefined ? undefined : query.inactive === 'true';
    const page = await repo.listDualMembers(this.db, { scopePatterns: scopePatterns(scope), subtreePath, inactiveDays, inactive }, query);
    return { ...page, inactiveDays };
  }

  async settings(): Promise<VolunteerSettingsDto> {
    const row = await repo.getSettings(this.db);
    return { inactiveDays: row.inactive_days, updatedAt: isoOf(row.updated_at) };
  }

  /** The period is the county's rule: only who manages volunteers at the county changes it. */
  async updateSettings(scope: Scope, inactiveDays: number, actor: Actor): Promise<VolunteerSettingsDto> {
    if (!scopeIsWholeTree(scope)) throw forbidden('只有县级管理员可以修改未服务提醒周期');
    await this.db.tx(async (q) => {
      const before = await repo.getSettings(q);
      await repo.updateSettings(q, inactiveDays, actor.userId);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'volunteerSettings.update', targetType: 'volunteer_settings', targetId: 1, result: 'success',
        details: { inactiveDays, before: before.inactive_days },
      });
    });
    return this.settings();
  }
}
