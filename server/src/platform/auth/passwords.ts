import argon2 from 'argon2';
import { passwordClasses } from '@xj/contracts';
import { AppError } from '../errors.js';

// OWASP's argon2id baseline (19 MiB, 2 passes): strong, and quick enough for a login endpoint.
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-0');
  await verifyPassword(await dummyHash, password);
}

export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

/** Throws PASSWORD_POLICY with a message that says exactly what is missing. */
export function assertPasswordPolicy(policy: PasswordPolicy, password: string, username?: string): void {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`长度至少 ${policy.minLength} 位`);
  if (passwordClasses(password) < policy.minClasses) problems.push(`至少包含小写字母、大写字母、数字、符号中的 ${policy.minClasses} 类`);
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('不能包含用户名');
  if (problems.length > 0) {
    throw new AppError(400, 'PASSWORD_POLICY', `密码不符合要求：${problems.join('；')}`, { problems });
  }
}
