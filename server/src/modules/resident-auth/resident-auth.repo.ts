import type { Queryable } from '../../platform/db.js';

/** Serialises everything about one phone's codes (sending and checking) across app nodes. */
const PHONE_LOCK = 7_244_030;

export async function lockPhone(q: Queryable, phone: string): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PHONE_LOCK, phone]);
}

export interface SendWindow {
  /** Seconds since the phone's last code, or null if none in the last 24 hours. */
  last_age: number | null;
  /** Codes sent to the phone in the last 24 hours, and the age of the oldest of them. */
  day_count: number;
  day_oldest_age: number | null;
}

export async function phoneWindow(q: Queryable, phone: string): Promise<SendWindow> {
  const [row] = await q.query<SendWindow>(
    `SELECT extract(epoch FROM now() - max(created_at))::float8 AS last_age,
            count(*)::int AS day_count,
            extract(epoch FROM now() - min(created_at))::float8 AS day_oldest_age
       FROM resident_codes WHERE phone = $1 AND created_at > now() - interval '24 hours'`,
    [phone],
  );
  return row!;
}

/** Codes sent for one client address in the last hour, and the age of the oldest of them. */
export async function ipWindow(q: Queryable, ip: string): Promise<{ n: number; oldest_age: number | null }> {
  const [row] = await q.query<{ n: number; oldest_age: number | null }>(
    `SELECT count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float8 AS oldest_age
       FROM resident_codes WHERE ip = $1 AND created_at > now() - interval '1 hour'`,
    [ip],
  );
  return row!;
}

/** A new code closes the phone's earlier ones: only the newest can be entered. */
export async function insertCode(q: Queryable, phone: string, codeHash: string, ip: string, ttlSeconds: number): Promise<number> {
  await q.query('UPDATE resident_codes SET closed_at = now() WHERE phone = $1 AND closed_at IS NULL', [phone]);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO resident_codes (phone, code_hash, ip, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING id`,
    [phone, codeHash, ip, ttlSeconds],
  );
  return row!.id;
}

/** The code could not be sent: it never existed for the limits either. */
export async function deleteCode(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM resident_codes WHERE id = $1', [id]);
}

export interface OpenCode {
  id: number;
  code_hash: string;
  attempts: number;
  expired: boolean;
}

/** The phone's live code, row-locked so concurrent attempts count one by one. */
export async function openCodeForUpdate(q: Queryable, phone: string): Promise<OpenCode | undefined> {
  const [row] = await q.query<OpenCode>(
    `SELECT id, code_hash, attempts, expires_at <= now() AS expired
       FROM resident_codes WHERE phone = $1 AND closed_at IS NULL
      ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE`,
    [phone],
  );
  return row;
}

export async function recordWrongAttempt(q: Queryable, id: number): Promise<number> {
  const [row] = await q.query<{ attempts: number }>('UPDATE resident_codes SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts', [id]);
  return row!.attempts;
}

export async function closeCode(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE resident_codes SET closed_at = now() WHERE id = $1', [id]);
}

export async function upsertResident(q: Queryable, phone: string): Promise<{ id: number; person_id: number | null; created: boolean }> {
  const [row] = await q.query<{ id: number; person_id: number | null; created: boolean }>(
    `INSERT INTO residents (phone) VALUES ($1)
     ON CONFLICT (phone) DO UPDATE SET last_verified_at = now()
     RETURNING id, person_id, (xmax = 0) AS created`,
    [phone],
  );
  return row!;
}

/** The registry person with this phone, when exactly one has it (the last-four index finds the candidates). */
export async function soleRegistryPerson(q: Queryable, phone: string): Promise<number | null> {
  const rows = await q.query<{ id: number }>('SELECT id FROM people WHERE right(phone, 4) = right($1, 4) AND phone = $1 ORDER BY id LIMIT 2', [phone]);
  return rows.length === 1 ? rows[0]!.id : null;
}

export async function linkPerson(q: Queryable, residentId: number, personId: number): Promise<void> {
  await q.query('UPDATE residents SET person_id = $2 WHERE id = $1', [residentId, personId]);
}

/** Codes past the 24-hour window and expired resident sessions. */
export async function purgeResidentAuth(q: Queryable): Promise<number> {
  const codes = await q.query(`DELETE FROM resident_codes WHERE created_at < now() - interval '25 hours' RETURNING id`);
  const sessions = await q.query('DELETE FROM resident_sessions WHERE expires_at < now() RETURNING id');
  return codes.length + sessions.length;
}
