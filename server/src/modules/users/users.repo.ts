import type { GrantDto, Role, UserDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  disabled: boolean;
  locked: boolean;
  must_change_password: boolean;
  last_login_at: Date | null;
  created_at: Date;
  grants: (GrantDto & { nodePath: string })[] | null;
}

export type UserRecord = Omit<UserDto, 'grants'> & { grants: (GrantDto & { nodePath: string })[] };

const SELECT = `u.id, u.username, u.display_name, u.disabled, coalesce(u.locked_until > now(), false) AS locked,
  u.must_change_password, u.last_login_at, u.created_at,
  (SELECT json_agg(json_build_object('id', g.id, 'role', g.role, 'nodeId', n.id, 'nodeName', n.name, 'nodeKind', n.kind, 'nodePath', n.path) ORDER BY n.path, g.role)
     FROM grants g JOIN nodes n ON n.id = g.node_id WHERE g.user_id = u.id) AS grants`;

// Visible: a grant inside the scope; users with no grant at all only to whole-tree managers.
const VISIBLE = `(EXISTS (SELECT 1 FROM grants g JOIN nodes n ON n.id = g.node_id WHERE g.user_id = u.id AND n.path LIKE ANY(?))
  OR (? AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.user_id = u.id)))`;

function toRecord(r: UserRow): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    disabled: r.disabled,
    locked: r.locked,
    mustChangePassword: r.must_change_password,
    lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    grants: r.grants ?? [],
  };
}

export function listUsers(
  q: Queryable,
  f: { scopePatterns: string[]; wholeTree: boolean; q?: string | undefined; role?: Role | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<UserRecord>> {
  const where = new Where()
    .add(VISIBLE, f.scopePatterns, f.wholeTree)
    .addIf(f.q, '(u.username ILIKE ? OR u.display_name ILIKE ?)', `%${likeEscape(f.q ?? '')}%`, `%${likeEscape(f.q ?? '')}%`)
    .addIf(f.role, 'EXISTS (SELECT 1 FROM grants g WHERE g.user_id = u.id AND g.role = ?)', f.role);
  return pagedQuery(q, { select: SELECT, fromWhere: `FROM users u ${where}`, orderBy: 'u.username', params: where.params }, page, toRecord);
}

export async function getVisibleUser(q: Queryable, id: number, scopePatterns: string[], wholeTree: boolean): Promise<UserRecord | undefined> {
  const where = new Where().add('u.id = ?', id).add(VISIBLE, scopePatterns, wholeTree);
  const [row] = await q.query<UserRow>(`SELECT ${SELECT} FROM users u ${where}`, where.params);
  return row && toRecord(row);
}

export async function usernameTaken(q: Queryable, username: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username])).length > 0;
}

export async function insertUser(q: Queryable, u: { username: string; displayName: string; passwordHash: string; mustChange: boolean }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO users (username, display_name, password_hash, must_change_password) VALUES ($1, $2, $3, $4) RETURNING id',
    [u.username, u.displayName, u.passwordHash, u.mustChange],
  );
  return row!.id;
}

export async function insertGrant(q: Queryable, userId: number, role: Role, nodeId: number): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO grants (user_id, role, node_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id',
    [userId, role, nodeId],
  );
  return row?.id ?? null;
}

export async function deleteGrant(q: Queryable, userId: number, grantId: number): Promise<boolean> {
  return (await q.query('DELETE FROM grants WHERE id = $1 AND user_id = $2 RETURNING id', [grantId, userId])).length > 0;
}

export async function updateUser(q: Queryable, id: number, p: { displayName?: string | undefined; disabled?: boolean | undefined }): Promise<void> {
  await q.query(
    'UPDATE users SET display_name = coalesce($2, display_name), disabled = coalesce($3, disabled), updated_at = now() WHERE id = $1',
    [id, p.displayName ?? null, p.disabled ?? null],
  );
}

export async function unlockUser(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE users SET failed_attempts = 0, locked_until = NULL, updated_at = now() WHERE id = $1', [id]);
}
