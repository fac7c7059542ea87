import type { AuditListQuery, AuditRowDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { auditFieldsOf, type StoredAuditRow } from '../../platform/audit/audit.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';

const toDto = (r: Omit<StoredAuditRow, 'prev_hash' | 'hash'>): AuditRowDto => {
  const { result, ...fields } = auditFieldsOf(r);
  return { id: r.id, ...fields, result: result as AuditRowDto['result'] };
};

/** Rows tied to a node in scope; rows without a node (sign-ins, account changes) only for whole-tree auditors. */
export function listAudit(q: Queryable, scopePatterns: string[], wholeTree: boolean, f: AuditListQuery): Promise<Page<AuditRowDto>> {
  const where = new Where()
    .add('(n.path LIKE ANY(?) OR (? AND n.id IS NULL))', scopePatterns, wholeTree)
    .addIf(f.actor, 'a.actor_name = ?', f.actor)
    .addIf(f.action, 'a.action LIKE ?', `${f.action}%`)
    .addIf(f.targetType, 'a.target_type = ?', f.targetType)
    .addIf(f.targetId, 'a.target_id = ?', f.targetId)
    .addIf(f.result, 'a.result = ?', f.result)
    .addIf(f.nodeId, 'a.node_id = ?', f.nodeId)
    .addIf(f.from, 'a.at >= ?::timestamptz', f.from)
    .addIf(f.to, 'a.at <= ?::timestamptz', f.to);
  return pagedQuery(
    q,
    {
      select: 'a.id, a.at, a.actor_user_id, a.actor_name, a.action, a.target_type, a.target_id, a.node_id, a.result, a.ip, a.details',
      fromWhere: `FROM audit_log a LEFT JOIN nodes n ON n.id = a.node_id ${where}`,
      orderBy: 'a.id DESC',
      params: where.params,
    },
    f,
    toDto,
  );
}
