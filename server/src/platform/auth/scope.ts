import { ROLE_PERMISSIONS, type NodeKind, type Permission, type Role } from '@xj/contracts';

export interface SessionGrant {
  id: number;
  role: Role;
  nodeId: number;
  nodeName: string;
  nodeKind: NodeKind;
  nodePath: string;
}

export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  user: { id: number; username: string; displayName: string; mustChangePassword: boolean };
  grants: SessionGrant[];
  permissions: ReadonlySet<Permission>;
}

/** The subtrees in which a user holds a permission, as materialised paths ('/1/5/'). */
export interface Scope {
  paths: string[];
}

export function permissionsOf(grants: readonly { role: Role }[]): Set<Permission> {
  return new Set(grants.flatMap((g) => ROLE_PERMISSIONS[g.role]));
}

export function scopeFor(auth: AuthContext, permission: Permission): Scope {
  const paths = auth.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission)).map((g) => g.nodePath);
  // Drop paths already covered by a shorter one.
  const minimal = paths.filter((p) => !paths.some((o) => o !== p && p.startsWith(o)));
  return { paths: [...new Set(minimal)] };
}

/** `LIKE ANY` patterns for SQL: `path LIKE ANY($n)`. Delimited paths keep node 1 from matching 12. */
export function scopePatterns(scope: Scope): string[] {
  return scope.paths.map((p) => `${p}%`);
}

export function pathInScope(path: string, scope: Scope): boolean {
  return scope.paths.some((p) => path.startsWith(p));
}

/** True when the scope includes a tree root, i.e. the whole county. */
export function scopeIsWholeTree(scope: Scope): boolean {
  return scope.paths.some((p) => p.split('/').length === 3);
}
