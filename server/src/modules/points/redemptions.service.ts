import { createHash, randomInt } from 'node:crypto';
import {
  maskPhone,
  POINT_LIMITS as L,
  type KeeperRedemptionDto,
  type MyPointsDto,
  type PublicPointShopDto,
  type RedeemCreate,
  type RedemptionCodeDto,
  type RedemptionDto,
  type RedemptionListQuery,
  type RedemptionStatsDto,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import type { ResidentContext } from '../../platform/auth/resident-sessions.js';
import type { Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';
import * as points from './points.repo.js';
import * as repo from './redemptions.repo.js';

/** Only a hash of a code is stored: it lives ten minutes, and never sits in a table or a backup as typed. */
export const hashRedemptionCode = (code: string) => createHash('sha256').update(`xj-points-redemption:${code}`).digest('hex');

const codeInvalid = () => new AppError(409, 'REDEMPTION_CODE_INVALID', '兑换码无效、已过期或已使用，请让居民刷新兑换码后重试');
const notLinked = () =>
  new AppError(409, 'RESIDENT_NOT_LINKED', '您的手机号尚未与社区登记的居民信息关联，请联系所在社区登记手机号后再使用积分');
const actorName = (r: ResidentContext) => `居民 ${maskPhone(r.phone)}`;

/**
 * Red-shop redemption (红色小店兑换) and the member's statement. A member holds up to
 * `openCodesMax` single-use codes (one per shop visit; a further code closes the oldest), each
 * valid `codeTtlMinutes`. A keeper redeems a code in one transaction: the code row is locked
 * (the same code twice → one succeeds), then the member's balance row (two codes of one member
 * that together exceed the balance → one succeeds), then the code is closed, the redemption and
 * its ledger entry written and audited. Staff read redemptions within their points.read scope.
 */
export class RedemptionsService {
  constructor(private readonly db: Db) {}

  // ── Member (phone) ───────────────────────────────────────────────────────

  async issueCode(resident: ResidentContext, ip: string | null): Promise<RedemptionCodeDto> {
    const personId = resident.personId;
    if (personId === null) throw notLinked();
    return this.db.tx(async (q) => {
      await points.lockBalance(q, personId); // serialises one member's code requests
      await repo.closeExpiredCodes(q);
      await repo.closeOlderCodes(q, personId, L.openCodesMax - 1);
      for (let draw = 0; ; draw++) {
        if (draw === 20) throw new Error('no free redemption code after 20 draws');
        const code = String(randomInt(0, 10 ** L.codeDigits)).padStart(L.codeDigits, '0');
        const row = await repo.insertCode(q, { personId, residentId: resident.residentId, hash: hashRedemptionCode(code), ttlMinutes: L.codeTtlMinutes });
        if (!row) continue; // another member holds the same digits right now: draw again
        await appendAudit(q, {
          actorUserId: null, actorName: actorName(resident), ip, action: 'points.redemptionCode.issue', targetType: 'person', targetId: personId, result: 'success',
          details: { codeId: row.id, residentId: resident.residentId },
        });
        return { code, expiresAt: isoOf(row.expires_at) };
      }
    });
  }

  async me(resident: ResidentContext): Promise<MyPointsDto> {
    if (resident.personId === null) throw notLinked();
    const month = (await this.db.query<{ m: string }>(`SELECT ${points.chinaMonth('now()')} AS m`))[0]!.m;
    const [balance, thisMonthEarned, entries] = await Promise.all([
      points.balanceOf(this.db, resident.personId),
      points.earnedInMonth(this.db, resident.personId, month),
      points.recentEntries(this.db, resident.personId, L.statementSize),
    ]);
    return { balance, thisMonthEarned, entries: entries.map((e) => ({ id: e.id, kind: e.kind, delta: e.delta, balanceAfter: e.balanceAfter, label: e.label, note: e.note, createdAt: e.createdAt })) };
  }

  async publicShops(communityId: number | undefined): Promise<{ data: PublicPointShopDto[] }> {
    let communityPath: string | null = null;
    if (communityId) {
      const [n] = await this.db.query<{ path: string }>('SELECT path FROM nodes WHERE id = $1 AND active', [communityId]);
      if (!n) throw notFound('社区');
      communityPath = n.path;
    }
    return { data: await repo.publicShops(this.db, { communityPath }) };
  }

  // ── Keeper (phone) ───────────────────────────────────────────────────────

  async myShops(resident: ResidentContext): Promise<{ data: PublicPointShopDto[] }> {
    if (resident.personId === null) return { data: [] };
    return { data: await repo.publicShops(this.db, { communityPath: null, keeperId: resident.personId }) };
  }

  async redeem(resident: ResidentContext, input: RedeemCreate, ip: string | null): Promise<KeeperRedemptionDto> {
    try {
      return await this.db.tx(async (q) => {
        const shop = await this.keeperShop(q, resident, input.shopId);
        if (!shop.honours_points) throw new AppError(409, 'CONFLICT', '该红色小店未开通积分兑换');
        if ((await repo.recentFailures(q, shop.id, L.redeemFailureWindowMinutes)) >= L.redeemFailuresMax) {
          throw new AppError(429, 'RATE_LIMITED', `兑换码错误次数过多，请${L.redeemFailureWindowMinutes}分钟后再试`);
        }
        const code = await repo.lockOpenCode(q, hashRedemptionCode(input.code));
        if (!code) throw codeInvalid();
        if (code.person_id === shop.keeper_id) throw new AppError(409, 'CONFLICT', '店主不能为自己兑换积分，请由其他工作人员办理');
        const balance = await points.lockBalance(q, code.person_id);
        // The keeper learns only that it is not enough, never the member's balance.
        if (balance < input.points) throw new AppError(409, 'INSUFFICIENT_POINTS', '该居民积分不足，请减少兑换积分或更换商品');
        await repo.markCodeUsed(q, code.id);
        const r = await repo.insertRedemption(q, { shopId: shop.id, personId: code.person_id, points: input.points, item: input.item, keeperResidentId: resident.residentId, codeId: code.id });
        const entry = await points.appendEntry(q, {
          personId: code.person_id, kind: 'redemption', delta: -input.points, sourceType: 'redemption', sourceId: r.id, redemptionId: r.id, note: input.item, actorResidentId: resident.residentId,
        });
        await appendAudit(q, {
          actorUserId: null, actorName: actorName(resident), ip, action: 'points.redeem', targetType: 'red_shop', targetId: shop.id, nodeId: shop.node_id, result: 'success',
          details: { redemptionId: r.id, personId: code.person_id, points: input.points, item: input.item, entryId: entry.id, codeId: code.id, keeperResidentId: resident.residentId },
        });
        const [member] = await q.query<{ name: string }>('SELECT name FROM people WHERE id = $1', [code.person_id]);
        return { redemptionId: r.id, memberName: repo.maskName(member!.name), points: input.points, item: input.item, createdAt: isoOf(r.created_at) };
      });
    } catch (err) {
      // A wrong code counts against the shop's guesses (outside the rolled-back transaction).
      if (err instanceof AppError && err.code === 'REDEMPTION_CODE_INVALID') await repo.recordFailure(this.db, input.shopId);
      throw err;
    }
  }

  async shopHistory(resident: ResidentContext, shopId: number, page: { page: number; pageSize: number }): Promise<Page<KeeperRedemptionDto>> {
    const shop = await this.keeperShop(this.db, resident, shopId);
    return repo.shopRedemptions(this.db, shop.id, page);
  }

  /** The shop, if the resident keeps it: unknown → 404, someone else's → 403. */
  private async keeperShop(q: Queryable, resident: ResidentContext, shopId: number): Promise<repo.ShopRow> {
    const shop = await repo.getShop(q, shopId);
    if (!shop) throw notFound('红色小店');
    if (resident.personId === null || shop.keeper_id !== resident.personId) throw forbidden('只有该红色小店的店主可以办理积分兑换');
    return shop;
  }

  // ── Console ──────────────────────────────────────────────────────────────

  async list(auth: AuthContext, query: RedemptionListQuery): Promise<Page<RedemptionDto>> {
    const scope = scopeFor(auth, 'points.read');
    if (query.shopId) {
      const shop = await repo.getShop(this.db, query.shopId);
      if (!shop || !pathInScope(shop.node_path, scope)) throw notFound('红色小店');
    }
    return repo.listRedemptions(this.db, { scopePatterns: scopePatterns(scope), shopId: query.shopId, month: query.month }, query);
  }

  async stats(auth: AuthContext, year: number): Promise<RedemptionStatsDto> {
    return { year, data: await repo.redemptionStats(this.db, scopePatterns(scopeFor(auth, 'points.read')), year) };
  }
}
