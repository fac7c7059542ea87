import type { Queryable } from '../../platform/db.js';

export interface UserAuthRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  failed_attempts: number;
  locked_until: Date | null;
}

export async function findUserForLogin(q: Queryable, username: string): Promise<UserAuthRow | undefined> {
  const [row] = await q.query<UserAuthRow>(
    `SELECT id, username, display_name, password_hash, must_change_password, disabled, failed_attempts, locked_until
       FROM users WHERE lower(username) = lower($1)`,
    [username],
  );
  return row;
}

export async function findUserById(q: Queryable, id: number): Promise<UserAuthRow | undefined> {
  const [row] = await q.query<UserAuthRow>(
    `SELECT id, username, display_name, password_hash, must_change_password, disabled, failed_attempts, locked_until
       FROM users WHERE id = $1`,
    [id],
  );
  return row;
}

/** Counts a failed attempt; at `max` failures the account locks for `lockMinutes`. Row-locked against races. */
export async function recordFailedLogin(q: Queryable, userId: number, max: number, lockMinutes: number): Promise<{ locked: boolean }> {
  const [row] = await q.query<{ locked: boolean }>(
    `UPDATE users SET
        failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
        locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
      WHERE id = $1
      RETURNING locked_until IS NOT NULL AND locked_until > now() AS locked`,
    [userId, max, lockMinutes],
  );
  return { locked: row?.locked ?? false };
}

export async function recordSuccessfulLogin(q: Queryable, userId: number): Promise<void> {
  await q.query('UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = now() WHERE id = $1', [userId]);
}

export async function setPassword(q: Queryable, userId: number, hash: string, mustChange: boolean): Promise<void> {
  await q.query(
    `UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = now(), updated_at = now(),
            failed_attempts = 0, locked_until = NULL
      WHERE id = $1`,
    [userId, hash, mustChange],
  );
}
