import { createHash, randomBytes } from 'node:crypto';
import type { Role, NodeKind } from '@xj/contracts';
import type { Db, Queryable } from '../db.js';
import { permissionsOf, type AuthContext, type SessionGrant } from './scope.js';

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
  /** How long a resolved session is served from memory before the database is asked again. */
  cacheSeconds: number;
}

interface CacheEntry {
  ctx: AuthContext;
  userId: number;
  fetchedAt: number;
  lastSeen: number;
  dbLastSeen: number;
  expiresAt: number;
}

const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sessions live in the database so that several app nodes share them. A short in-memory
 * cache keeps the per-request lookup off the database; logout and account changes clear it
 * on this node at once, and on other nodes within `cacheSeconds`.
 */
export class SessionStore {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly db: Db,
    private readonly settings: SessionSettings,
  ) {}

  async create(userId: number, ip: string | null, userAgent: string | null): Promise<{ token: string; csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.db.query(
      `INSERT INTO sessions (id, user_id, csrf_token, ip, user_agent, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6))`,
      [hashToken(token), userId, csrfToken, ip, userAgent?.slice(0, 300) ?? null, this.settings.maxHours],
    );
    return { token, csrfToken };
  }

  /** The signed-in context for a cookie token, or null when unknown, expired, idle too long or disabled. */
  async resolve(token: string): Promise<AuthContext | null> {
    const id = hashToken(token);
    const now = Date.now();
    let entry = this.cache.get(id);
    if (!entry || now - entry.fetchedAt > this.settings.cacheSeconds * 1000) {
      const loaded = await this.load(id, now, entry?.lastSeen ?? 0);
      if (!loaded) {
        this.cache.delete(id);
        return null;
      }
      entry = loaded;
      if (this.settings.cacheSeconds > 0) this.cache.set(id, entry);
    }
    if (now > entry.expiresAt || now - entry.lastSeen > this.settings.idleMinutes * 60_000) {
      await this.destroy(token);
      return null;
    }
    entry.lastSeen = now;
    if (now - entry.dbLastSeen > TOUCH_EVERY_MS) {
      entry.dbLastSeen = now;
      await this.db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [id, new Date(now)]);
    }
    return entry.ctx;
  }

  private async load(id: string, now: number, localLastSeen: number): Promise<CacheEntry | null> {
    const [row] = await this.db.query<{
      user_id: number;
      csrf_token: string;
      last_seen_at: Date;
      expires_at: Date;
      username: string;
      display_name: string;
      must_change_password: boolean;
      disabled: boolean;
    }>(
      `SELECT s.user_id, s.csrf_token, s.last_seen_at, s.expires_at,
              u.username, u.display_name, u.must_change_password, u.disabled
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      [id],
    );
    if (!row || row.disabled) return null;
    const grants = await this.db.query<{ id: number; role: Role; node_id: number; name: string; kind: NodeKind; path: string }>(
      `SELECT g.id, g.role, g.node_id, n.name, n.kind, n.path
         FROM grants g JOIN nodes n ON n.id = g.node_id
        WHERE g.user_id = $1 AND n.active ORDER BY n.path, g.role`,
      [row.user_id],
    );
    const sessionGrants: SessionGrant[] = grants.map((g) => ({
      id: g.id,
      role: g.role,
      nodeId: g.node_id,
      nodeName: g.name,
      nodeKind: g.kind,
      nodePath: g.path,
    }));
    const dbLastSeen = new Date(row.last_seen_at).getTime();
    return {
      userId: row.user_id,
      fetchedAt: now,
      dbLastSeen,
      lastSeen: Math.max(dbLastSeen, localLastSeen),
      expiresAt: new Date(row.expires_at).getTime(),
      ctx: {
        sessionId: id,
        csrfToken: row.csrf_token,
        user: { id: row.user_id, username: row.username, displayName: row.display_name, mustChangePassword: row.must_change_password },
        grants: sessionGrants,
        permissions: permissionsOf(sessionGrants),
      },
    };
  }

  async destroy(token: string): Promise<void> {
    const id = hashToken(token);
    this.cache.delete(id);
    await this.db.query('DELETE FROM sessions WHERE id = $1', [id]);
  }

  /** Forgets cached sessions of a user after their account, password or grants changed. */
  forgetUser(userId: number): void {
    for (const [id, e] of this.cache) if (e.userId === userId) this.cache.delete(id);
  }

  /** Forgets every cached session after the tree changed under grants (a move rewrites paths, deactivation hides grants). */
  forgetAll(): void {
    this.cache.clear();
  }

  async destroyAllForUser(userId: number, exceptSessionId?: string): Promise<void> {
    this.forgetUser(userId);
    await this.db.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, exceptSessionId ?? '']);
  }

  async purgeExpired(q: Queryable = this.db): Promise<number> {
    const rows = await q.query(
      `DELETE FROM sessions WHERE expires_at < now() OR last_seen_at < now() - make_interval(mins => $1) RETURNING id`,
      [this.settings.idleMinutes],
    );
    return rows.length;
  }
}
