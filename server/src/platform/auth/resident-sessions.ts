import { randomBytes } from 'node:crypto';
import { RESIDENT_SESSION_DAYS } from '@xj/contracts';
import type { Db, Queryable } from '../db.js';
import { hashToken } from './sessions.js';

/** A resident who verified their phone number (no staff account, no permissions). */
export interface ResidentContext {
  residentId: number;
  phone: string;
  personId: number | null;
  /** sha256 of the cookie token: the resident_sessions row. */
  sessionId: string;
}

/**
 * Resident sessions, in the database like staff sessions (any app node serves any request) but
 * separate from them: another table, another cookie, a fixed 30-day life and no permissions.
 * Only the SHA-256 of the random cookie token is stored. Not cached: one indexed lookup per
 * request of a route that needs a verified resident.
 */
export class ResidentSessionStore {
  constructor(private readonly db: Db) {}

  /** Opens a session (inside the verification's transaction); returns the cookie token. */
  async create(q: Queryable, residentId: number, ip: string | null, userAgent: string | null): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await q.query(
      `INSERT INTO resident_sessions (id, resident_id, ip, user_agent, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))`,
      [hashToken(token), residentId, ip, userAgent?.slice(0, 300) ?? null, RESIDENT_SESSION_DAYS],
    );
    return token;
  }

  async resolve(token: string): Promise<ResidentContext | null> {
    if (!token || token.length > 100) return null;
    const id = hashToken(token);
    const [row] = await this.db.query<{ resident_id: number; phone: string; person_id: number | null }>(
      `SELECT s.resident_id, r.phone, r.person_id
         FROM resident_sessions s JOIN residents r ON r.id = s.resident_id
        WHERE s.id = $1 AND s.expires_at > now()`,
      [id],
    );
    return row ? { residentId: row.resident_id, phone: row.phone, personId: row.person_id, sessionId: id } : null;
  }

  async destroy(token: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM resident_sessions WHERE id = $1 RETURNING id', [hashToken(token)]);
    return rows.length > 0;
  }
}
