import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { Queryable } from '../db.js';

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  nodeId?: number | null;
  result: AuditResult;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Who acts and from where: passed from the route to the service for its audit rows. */
export interface Actor {
  userId: number | null;
  name: string | null;
  ip: string | null;
}

const GENESIS = '0'.repeat(64);
// Serialises appends so that every row links to the one before it.
const AUDIT_CHAIN_LOCK = 7_244_002;

interface HashedFields {
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  nodeId: number | null;
  result: string;
  ip: string | null;
  details: unknown;
}

export function auditHash(prevHash: string, f: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(stringify(f) ?? '').digest('hex');
}

/** Appends one hash-chained audit row inside the caller's transaction. */
export async function appendAudit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const [last] = await q.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const fields: HashedFields = {
    at: new Date().toISOString(),
    actorUserId: e.actorUserId,
    actorName: e.actorName,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId == null ? null : String(e.targetId),
    nodeId: e.nodeId ?? null,
    result: e.result,
    ip: e.ip ?? null,
    details: e.details ?? {},
  };
  const prevHash = last?.hash ?? GENESIS;
  await q.query(
    `INSERT INTO audit_log (at, actor_user_id, actor_name, action, target_type, target_id, node_id, result, ip, details, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [
      fields.at,
      fields.actorUserId,
      fields.actorName,
      fields.action,
      fields.targetType,
      fields.targetId,
      fields.nodeId,
      fields.result,
      fields.ip,
      JSON.stringify(fields.details),
      prevHash,
      auditHash(prevHash, fields),
    ],
  );
}

export function actorEntry(actor: Actor): Pick<AuditEntry, 'actorUserId' | 'actorName' | 'ip'> {
  return { actorUserId: actor.userId, actorName: actor.name, ip: actor.ip };
}

/** An audit_log row as the database returns it. */
export interface StoredAuditRow {
  id: number;
  at: Date;
  actor_user_id: number | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  node_id: number | null;
  result: string;
  ip: string | null;
  details: unknown;
  prev_hash: string;
  hash: string;
}

/** The hashed fields of a stored row, in the form they were hashed when appended. */
export function auditFieldsOf(r: Omit<StoredAuditRow, 'prev_hash' | 'hash'>): HashedFields {
  return {
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
  };
}

/** Walks the whole chain in id order; reports the first row whose link or content does not match. */
export async function verifyAuditChain(q: Queryable, batch = 5000): Promise<{ ok: boolean; checked: number; firstBrokenId: number | null }> {
  let prev = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await q.query<StoredAuditRow>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2', [lastId, batch]);
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null };
    for (const r of rows) {
      const expected = auditHash(prev, auditFieldsOf(r));
      if (r.prev_hash !== prev || r.hash !== expected) return { ok: false, checked, firstBrokenId: r.id };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
}
