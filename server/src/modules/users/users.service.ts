import { NODE_KIND_LABELS, ROLE_LABELS, ROLE_NODE_KIND, type GrantInput, type Role, type UserCreate, type UserDto } from '@xj/contracts';
import type { Config } from '../../platform/config.js';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { assertPasswordPolicy, hashPassword } from '../../platform/auth/passwords.js';
import { pathInScope, scopeIsWholeTree, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import { setPassword } from '../auth/auth.repo.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import * as repo from './users.repo.js';

const strip = (u: repo.UserRecord): UserDto => ({ ...u, grants: u.grants.map(({ nodePath: _p, ...g }) => g) });

export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly sessions: SessionStore,
  ) {}

  async list(scope: Scope, f: { q?: string; role?: Role; page: number; pageSize: number }) {
    const page = await repo.listUsers(this.db, { ...f, scopePatterns: scopePatterns(scope), wholeTree: scopeIsWholeTree(scope) }, f);
    return { ...page, data: page.data.map(strip) };
  }

  async get(scope: Scope, id: number): Promise<UserDto> {
    return strip(await this.visible(this.db, scope, id));
  }

  private async visible(q: Queryable, scope: Scope, id: number): Promise<repo.UserRecord> {
    const user = await repo.getVisibleUser(q, id, scopePatterns(scope), scopeIsWholeTree(scope));
    if (!user) throw notFound('用户');
    return user;
  }

  /** A manager changes an account only when every grant of it lies inside the manager's scope. */
  private async manageable(q: Queryable, scope: Scope, id: number, actor: Actor): Promise<repo.UserRecord> {
    const user = await this.visible(q, scope, id);
    if (user.grants.some((g) => !pathInScope(g.nodePath, scope))) throw forbidden('该用户在您的管辖范围之外也有授权，请由上级管理员处理');
    if (user.id === actor.userId) throw forbidden('不能在用户管理中修改自己的账号，请使用“我的账号”');
    return user;
  }

  private async checkGrant(q: Queryable, scope: Scope, g: GrantInput): Promise<void> {
    const node = await nodeInScope(q, g.nodeId, scope);
    const expected = ROLE_NODE_KIND[g.role];
    if (node.kind !== expected) {
      throw new AppError(400, 'VALIDATION_FAILED', `“${ROLE_LABELS[g.role].zh}”只能授予在${NODE_KIND_LABELS[expected].zh}级节点，“${node.name}”是${NODE_KIND_LABELS[node.kind].zh}`);
    }
    if (!node.active) throw new AppError(409, 'NODE_INACTIVE', `节点“${node.name}”已停用`);
  }

  async create(scope: Scope, input: UserCreate, actor: Actor): Promise<UserDto> {
    assertPasswordPolicy(this.config.passwordPolicy, input.password, input.username);
    const hash = await hashPassword(input.password);
    return this.db.tx(async (q) => {
      if (await repo.usernameTaken(q, input.username)) throw new AppError(409, 'DUPLICATE', `用户名“${input.username}”已被使用`);
      for (const g of input.grants) await this.checkGrant(q, scope, g);
      const id = await repo.insertUser(q, { username: input.username, displayName: input.displayName, passwordHash: hash, mustChange: true });
      for (const g of input.grants) await repo.insertGrant(q, id, g.role, g.nodeId);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'user.create', targetType: 'user', targetId: id, nodeId: input.grants[0]!.nodeId, result: 'success',
        details: { username: input.username, displayName: input.displayName, grants: input.grants },
      });
      return strip(await this.visible(q, scope, id));
    });
  }

  async update(scope: Scope, id: number, patch: { displayName?: string | undefined; disabled?: boolean | undefined }, actor: Actor): Promise<UserDto> {
    const result = await this.db.tx(async (q) => {
      const user = await this.manageable(q, scope, id, actor);
      await repo.updateUser(q, id, patch);
      if (patch.disabled) await q.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'user.update', targetType: 'user', targetId: id, nodeId: user.grants[0]?.nodeId ?? null, result: 'success',
        details: { before: { displayName: user.displayName, disabled: user.disabled }, after: patch },
      });
      return strip(await this.visible(q, scope, id));
    });
    this.sessions.forgetUser(id);
    return result;
  }

  async resetPassword(scope: Scope, id: number, password: string, actor: Actor): Promise<UserDto> {
    const user = await this.manageable(this.db, scope, id, actor);
    assertPasswordPolicy(this.config.passwordPolicy, password, user.username);
    const hash = await hashPassword(password);
    await this.db.tx(async (q) => {
      await setPassword(q, id, hash, true);
      await q.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      await appendAudit(q, { ...actorEntry(actor), action: 'user.password.reset', targetType: 'user', targetId: id, nodeId: user.grants[0]?.nodeId ?? null, result: 'success' });
    });
    this.sessions.forgetUser(id);
    return this.get(scope, id);
  }

  async unlock(scope: Scope, id: number, actor: Actor): Promise<UserDto> {
    return this.db.tx(async (q) => {
      const user = await this.manageable(q, scope, id, actor);
      await repo.unlockUser(q, id);
      await appendAudit(q, { ...actorEntry(actor), action: 'user.unlock', targetType: 'user', targetId: id, nodeId: user.grants[0]?.nodeId ?? null, result: 'success' });
      return strip(await this.visible(q, scope, id));
    });
  }

  async addGrant(scope: Scope, id: number, g: GrantInput, actor: Actor): Promise<UserDto> {
    const result = await this.db.tx(async (q) => {
      await this.manageable(q, scope, id, actor);
      await this.checkGrant(q, scope, g);
      const grantId = await repo.insertGrant(q, id, g.role, g.nodeId);
      if (grantId === null) throw new AppError(409, 'DUPLICATE', '该用户已有这项授权');
      await appendAudit(q, { ...actorEntry(actor), action: 'user.grant.add', targetType: 'user', targetId: id, nodeId: g.nodeId, result: 'success', details: { grantId, ...g } });
      return strip(await this.visible(q, scope, id));
    });
    this.sessions.forgetUser(id);
    return result;
  }

  async removeGrant(scope: Scope, id: number, grantId: number, actor: Actor): Promise<UserDto> {
    const result = await this.db.tx(async (q) => {
      const user = await this.manageable(q, scope, id, actor);
      const grant = user.grants.find((g) => g.id === grantId);
      if (!grant || !(await repo.deleteGrant(q, id, grantId))) throw notFound('授权');
      await appendAudit(q, {
        ...actorEntry(actor), action: 'user.grant.remove', targetType: 'user', targetId: id, nodeId: grant.nodeId, result: 'success',
        details: { grantId, role: grant.role, nodeId: grant.nodeId },
      });
      // The account may now be out of the manager's sight; answer with what is known.
      return strip({ ...user, grants: user.grants.filter((g) => g.id !== grantId) });
    });
    this.sessions.forgetUser(id);
    return result;
  }
}
