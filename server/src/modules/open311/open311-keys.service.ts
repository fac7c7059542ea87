import { randomBytes } from 'node:crypto';
import type { Open311KeyCreate, Open311KeyCreatedDto, Open311KeyDto } from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { hashKey } from './open311.service.js';
import * as repo from './open311.repo.js';

const WHAT = 'Open311 接口密钥';
const PREFIX_LENGTH = 10;

export const generateKey = () => `xj311_${randomBytes(24).toString('base64url')}`;

/** API keys of Open311 client systems: only their SHA-256 is stored, the key is shown once. */
export class Open311KeysService {
  constructor(private readonly db: Db) {}

  async list(): Promise<{ data: Open311KeyDto[] }> {
    return { data: await repo.listKeys(this.db) };
  }

  /** `key` is for the documented demo key only; otherwise a random one is generated. */
  async create(input: Open311KeyCreate, actor: Actor, key = generateKey()): Promise<Open311KeyCreatedDto> {
    return this.db.tx(async (q) => {
      const id = await repo.insertKey(q, { name: input.name, keyHash: hashKey(key), keyPrefix: key.slice(0, PREFIX_LENGTH), createdBy: actor.userId });
      await appendAudit(q, { ...actorEntry(actor), action: 'open311.key.create', targetType: 'open311_key', targetId: id, result: 'success', details: { name: input.name } });
      return { ...(await repo.getKey(q, id))!, key };
    });
  }

  async revoke(id: number, actor: Actor): Promise<Open311KeyDto> {
    return this.db.tx(async (q) => {
      const key = await repo.getKey(q, id, { forUpdate: true });
      if (!key) throw notFound(WHAT);
      if (key.revokedAt) throw new AppError(409, 'CONFLICT', `密钥“${key.name}”已于 ${key.revokedAt} 吊销`);
      await repo.revokeKey(q, id, actor.userId);
      await appendAudit(q, { ...actorEntry(actor), action: 'open311.key.revoke', targetType: 'open311_key', targetId: id, result: 'success', details: { name: key.name } });
      return (await repo.getKey(q, id))!;
    });
  }
}
