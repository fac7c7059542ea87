import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { maskPhone, RESIDENT_CODE_RULES, type ResidentCodeSent, type ResidentMeDto } from '@xj/contracts';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { ResidentContext, ResidentSessionStore } from '../../platform/auth/resident-sessions.js';
import type { SmsSender } from '../../platform/sms/sms.js';
import * as repo from './resident-auth.repo.js';

const RULES = RESIDENT_CODE_RULES;
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/**
 * Codes are stored as `scrypt$<salt>$<hash>` of "<phone>:<code>": a million possible codes cost
 * hours of scrypt to try, far longer than a code lives, so even a reader of the table cannot
 * use a code in time. No server secret is needed, so any app node checks any code.
 */
async function hashCode(phone: string, code: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(`${phone}:${code}`, salt, 32);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

async function codeMatches(stored: string, phone: string, code: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(`${phone}:${code}`, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(expected, actual);
}

/** "45 秒" / "3 分钟" / "2 小时": how long a resident has to wait. */
export function waitText(seconds: number): string {
  if (seconds < 120) return `${seconds} 秒`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} 分钟`;
  return `${Math.ceil(seconds / 3600)} 小时`;
}

/** 429 with the wait in the message, in `details.retryAfterSeconds` and (set by the route) in Retry-After. */
export function tooMany(message: string, retryAfterSeconds: number, code: 'RATE_LIMITED' | 'RESIDENT_CODE_LOCKED' = 'RATE_LIMITED'): AppError {
  return new AppError(429, code, message, { retryAfterSeconds });
}

const remaining = (limit: number, age: number | null) => Math.max(1, Math.ceil(limit - (age ?? limit)));

/**
 * Verified residents: a one-time code by SMS (6 digits, 5 minutes, 5 wrong attempts; one per
 * phone per 60 s, 10 per phone per 24 h, a per-address hourly limit), then a resident session.
 */
export class ResidentAuthService {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly sms: SmsSender,
    private readonly sessions: ResidentSessionStore,
  ) {}

  async sendCode(phone: string, ip: string): Promise<ResidentCodeSent> {
    const code = String(randomInt(0, 10 ** RULES.length)).padStart(RULES.length, '0');
    const codeHash = await hashCode(phone, code);
    const id = await this.db.tx(async (q) => {
      await repo.lockPhone(q, phone);
      const w = await repo.phoneWindow(q, phone);
      if (w.last_age !== null && w.last_age < RULES.resendSeconds) {
        const wait = remaining(RULES.resendSeconds, w.last_age);
        throw tooMany(`验证码发送过于频繁，请 ${waitText(wait)}后再试`, wait);
      }
      if (w.day_count >= RULES.perDay) {
        const wait = remaining(24 * 3600, w.day_oldest_age);
        throw tooMany(`该手机号 24 小时内获取验证码已达 ${RULES.perDay} 次，请 ${waitText(wait)}后再试`, wait);
      }
      const perIp = await repo.ipWindow(q, ip);
      if (perIp.n >= this.config.residentCodesPerIpPerHour) {
        const wait = remaining(3600, perIp.oldest_age);
        throw tooMany(`当前网络获取验证码过于频繁，请 ${waitText(wait)}后再试`, wait);
      }
      return repo.insertCode(q, phone, codeHash, ip, RULES.ttlSeconds);
    });
    try {
      await this.sms.sendCode(phone, code);
    } catch (err) {
      // Not sent: the code must not block a retry or count against the limits.
      await this.db.tx((q) => repo.deleteCode(q, id));
      throw err instanceof AppError ? err : new AppError(503, 'SMS_UNAVAILABLE', '短信发送失败，请稍后再试');
    }
    return { phoneMasked: maskPhone(phone)!, expiresInSeconds: RULES.ttlSeconds, resendAfterSeconds: RULES.resendSeconds };
  }

  /** Checks the code; on success opens a resident session and answers its cookie token. */
  async verify(phone: string, code: string, ip: string, userAgent: string | null): Promise<{ token: string; phoneMasked: string }> {
    const masked = maskPhone(phone)!;
    const actor = { actorUserId: null, actorName: `居民 ${masked}`, ip };
    const outcome = await this.db.tx(async (q): Promise<{ token: string } | AppError> => {
      await repo.lockPhone(q, phone);
      const open = await repo.openCodeForUpdate(q, phone);
      if (!open) return new AppError(400, 'RESIDENT_CODE_MISSING', '请先获取验证码');
      if (open.attempts >= RULES.maxAttempts) {
        const w = await repo.phoneWindow(q, phone);
        const wait = w.last_age === null ? 0 : Math.max(0, Math.ceil(RULES.resendSeconds - w.last_age));
        return tooMany(wait > 0 ? `验证码错误次数过多，请 ${waitText(wait)}后重新获取` : '验证码错误次数过多，请重新获取验证码', wait, 'RESIDENT_CODE_LOCKED');
      }
      if (open.expired) return new AppError(400, 'RESIDENT_CODE_EXPIRED', '验证码已过期，请重新获取');
      if (!(await codeMatches(open.code_hash, phone, code))) {
        const attempts = await repo.recordWrongAttempt(q, open.id);
        const left = Math.max(0, RULES.maxAttempts - attempts);
        await appendAudit(q, { ...actor, action: 'resident.verify', targetType: 'resident_code', targetId: open.id, result: 'failure', details: { reason: 'wrong_code', attempts } });
        return new AppError(
          400,
          'RESIDENT_CODE_WRONG',
          left > 0 ? `验证码不正确，还可以再试 ${left} 次` : '验证码不正确，错误次数已用完，请重新获取验证码',
          { remainingAttempts: left },
        );
      }
      await repo.closeCode(q, open.id);
      const resident = await repo.upsertResident(q, phone);
      let personId = resident.person_id;
      if (personId === null) {
        personId = await repo.soleRegistryPerson(q, phone);
        if (personId !== null) await repo.linkPerson(q, resident.id, personId);
      }
      const token = await this.sessions.create(q, resident.id, ip, userAgent);
      await appendAudit(q, {
        ...actor,
        action: 'resident.verify',
        targetType: 'resident',
        targetId: resident.id,
        result: 'success',
        details: { newResident: resident.created, personId },
      });
      return { token };
    });
    if (outcome instanceof AppError) throw outcome;
    return { token: outcome.token, phoneMasked: masked };
  }

  me(resident: ResidentContext): ResidentMeDto {
    return { verified: true, phoneMasked: maskPhone(resident.phone)!, residentId: resident.residentId };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.sessions.destroy(token);
  }
}
