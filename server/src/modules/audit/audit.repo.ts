import type { AuditListQuery, AuditRowDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';

interface Row {
  id: number;
  at: Date;
  actor_user_id: number | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  node_id: number | null;
  result: AuditRowDto['result'];
  ip: string | null;
  details: unknown;
}

const toDto = (r: Row): AuditRowDto => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  actorUserId: r.actor_user_id,
  actorName: r.actor_name,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  nodeId: r.node_id,
  result: r.result,
  ip: r.ip,
  details: r.details,
});

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
