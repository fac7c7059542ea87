import type { MeDto } from '@xj/contracts';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { assertPasswordPolicy, burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import type { AuthContext } from '../../platform/auth/scope.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import * as repo from './auth.repo.js';

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly sessions: SessionStore,
  ) {}

  /** Checks credentials, applies the lockout rule, audits the attempt, and opens a session. */
  async login(username: string, password: string, ip: string, userAgent: string | null): Promise<{ token: string; me: MeDto }> {
    const user = await repo.findUserForLogin(this.db, username);
    const fail = async (reason: string, userId: number | null, err: AppError): Promise<never> => {
      await this.db.tx((q) =>
        appendAudit(q, { actorUserId: userId, actorName: username, action: 'auth.login', targetType: 'user', targetId: userId, result: 'failure', ip, details: { reason } }),
      );
      throw err;
    };
    if (!user) {
      await burnPasswordCheck(password);
      return fail('unknown_user', null, invalidCredentials());
    }
    if (user.locked_until && user.locked_until.getTime() > Date.now()) {
      const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000);
      return fail('locked', user.id, new AppError(403, 'ACCOUNT_LOCKED', `账号因多次密码错误已锁定，请 ${minutes} 分钟后再试`, { minutes }));
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      const { maxFailures, lockMinutes } = this.config.login;
      const { locked } = await this.db.tx(async (q) => {
        const r = await repo.recordFailedLogin(q, user.id, maxFailures, lockMinutes);
        await appendAudit(q, {
          actorUserId: user.id, actorName: user.username, action: 'auth.login', targetType: 'user', targetId: user.id,
          result: 'failure', ip, details: { reason: 'wrong_password', locked: r.locked },
        });
        return r;
      });
      throw locked
        ? new AppError(403, 'ACCOUNT_LOCKED', `密码连续错误 ${maxFailures} 次，账号已锁定 ${lockMinutes} 分钟`, { minutes: lockMinutes })
        : invalidCredentials();
    }
    if (user.disabled) return fail('disabled', user.id, new AppError(403, 'ACCOUNT_DISABLED', '账号已停用，请联系管理员'));

    await this.db.tx(async (q) => {
      await repo.recordSuccessfulLogin(q, user.id);
      await appendAudit(q, { actorUserId: user.id, actorName: user.username, action: 'auth.login', targetType: 'user', targetId: user.id, result: 'success', ip });
    });
    const { token } = await this.sessions.create(user.id, ip, userAgent);
    const ctx = await this.sessions.resolve(token);
    if (!ctx) throw new AppError(500, 'INTERNAL', '会话创建失败');
    return { token, me: this.me(ctx) };
  }

  me(auth: AuthContext): MeDto {
    return {
      user: auth.user,
      grants: auth.grants.map(({ nodePath: _p, ...g }) => g),
      permissions: [...auth.permissions],
      csrfToken: auth.csrfToken,
      demoMode: this.config.demoMode,
    };
  }

  async logout(token: string, actor: Actor): Promise<void> {
    await this.sessions.destroy(token);
    await this.db.tx((q) => appendAudit(q, { ...actorEntry(actor), action: 'auth.logout', targetType: 'user', targetId: actor.userId, result: 'success' }));
  }

  async changePassword(auth: AuthContext, current: string, next: string, actor: Actor): Promise<void> {
    const user = await repo.findUserById(this.db, auth.user.id);
    if (!user || !(await verifyPassword(user.password_hash, current))) {
      throw new AppError(400, 'PASSWORD_WRONG', '当前密码不正确');
    }
    assertPasswordPolicy(this.config.passwordPolicy, next, user.username);
    if (current === next) throw new AppError(400, 'PASSWORD_POLICY', '新密码不能与当前密码相同');
    const hash = await hashPassword(next);
    await this.db.tx(async (q) => {
      await repo.setPassword(q, user.id, hash, false);
      await appendAudit(q, { ...actorEntry(actor), action: 'auth.password.change', targetType: 'user', targetId: user.id, result: 'success' });
    });
    // Other sessions of this user end; this one goes on.
    await this.sessions.destroyAllForUser(user.id, auth.sessionId);
  }
}
