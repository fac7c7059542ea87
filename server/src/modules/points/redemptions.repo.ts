import { maskPhone, type KeeperRedemptionDto, type PublicPointShopDto, type RedemptionDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';
import { chinaMonth, monthRange } from './points.repo.js';

/** Red-shop redemption in SQL: one-time codes, redemptions, and the shops that honour points. */

/** A name as a keeper sees it: the surname, the rest starred (张**). */
export const maskName = (name: string) => (name.length <= 1 ? name : `${name.slice(0, 1)}${'*'.repeat(Math.min(name.length - 1, 3))}`);

// ── Codes ───────────────────────────────────────────────────────────────────

/** Closes codes past their time (keeps the open-hash index small and unambiguous). */
export async function closeExpiredCodes(q: Queryable): Promise<void> {
  await q.query('UPDATE point_redemption_codes SET closed_at = now() WHERE closed_at IS NULL AND expires_at <= now()');
}

/** Keeps at most `keep` open codes of the person, closing the oldest. */
export async function closeOlderCodes(q: Queryable, personId: number, keep: number): Promise<void> {
  await q.query(
    `UPDATE point_redemption_codes SET closed_at = now()
      WHERE id IN (SELECT id FROM point_redemption_codes WHERE person_id = $1 AND closed_at IS NULL ORDER BY created_at DESC, id DESC OFFSET $2)`,
    [personId, keep],
  );
}

/** Inserts an open code; null when an open code already has this hash (the caller draws again). */
export async function insertCode(q: Queryable, c: { personId: number; residentId: number; hash: string; ttlMinutes: number }): Promise<{ id: number; expires_at: Date } | null> {
  const [row] = await q.query<{ id: number; expires_at: Date }>(
    `INSERT INTO point_redemption_codes (person_id, resident_id, code_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))
     ON CONFLICT (code_hash) WHERE closed_at IS NULL DO NOTHING RETURNING id, expires_at`,
    [c.personId, c.residentId, c.hash, c.ttlMinutes],
  );
  return row ?? null;
}

/** The open, unexpired code with this hash, locked: a concurrent redemption of it waits and then finds it closed. */
export async function lockOpenCode(q: Queryable, hash: string): Promise<{ id: number; person_id: number } | undefined> {
  const [row] = await q.query<{ id: number; person_id: number }>(
    'SELECT id, person_id FROM point_redemption_codes WHERE code_hash = $1 AND closed_at IS NULL AND expires_at > now() FOR UPDATE',
    [hash],
  );
  return row;
}

export async function markCodeUsed(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE point_redemption_codes SET used_at = now(), closed_at = now() WHERE id = $1', [id]);
}

export async function recentFailures(q: Queryable, shopId: number, windowMinutes: number): Promise<number> {
  const [r] = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM point_redeem_failures WHERE shop_id = $1 AND at > now() - make_interval(mins => $2)", [shopId, windowMinutes]);
  return r!.n;
}

export async function recordFailure(q: Queryable, shopId: number): Promise<void> {
  await q.query('INSERT INTO point_redeem_failures (shop_id) VALUES ($1)', [shopId]);
  await q.query("DELETE FROM point_redeem_failures WHERE at < now() - interval '1 day'");
}

// ── Shops ───────────────────────────────────────────────────────────────────

export interface ShopRow {
  id: number;
  name: string;
  node_id: number;
  node_path: string;
  keeper_id: number | null;
  honours_points: boolean;
}

export async function getShop(q: Queryable, id: number): Promise<ShopRow | undefined> {
  const [s] = await q.query<ShopRow>('SELECT s.id, s.name, s.node_id, n.path AS node_path, s.keeper_id, s.honours_points FROM red_shops s JOIN nodes n ON n.id = s.node_id WHERE s.id = $1', [id]);
  return s;
}

/** Red shops that honour points, with where they are (no personal data). */
export async function publicShops(q: Queryable, f: { communityPath: string | null; keeperId?: number }): Promise<PublicPointShopDto[]> {
  const rows = await q.query<{ id: number; name: string; services: string[]; node_name: string; community_name: string | null; address: string }>(
    `SELECT s.id, s.name, s.services, n.name AS node_name,
            (SELECT a.name FROM nodes a WHERE n.path LIKE a.path || '%' AND a.kind = 'community' LIMIT 1) AS community_name,
            (SELECT string_agg(a.name, ' ' ORDER BY a.depth) FROM nodes a WHERE n.path LIKE a.path || '%' AND a.depth > 0) AS address
       FROM red_shops s JOIN nodes n ON n.id = s.node_id
      WHERE s.honours_points AND ($1::text IS NULL OR n.path LIKE $1 || '%') AND ($2::int IS NULL OR s.keeper_id = $2)
      ORDER BY s.name, s.id`,
    [f.communityPath, f.keeperId ?? null],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, services: r.services, nodeName: r.node_name, communityName: r.community_name, address: r.address ?? r.node_name }));
}

// ── Redemptions ─────────────────────────────────────────────────────────────

export async function insertRedemption(q: Queryable, r: { shopId: number; personId: number; points: number; item: string; keeperResidentId: number; codeId: number }): Promise<{ id: number; created_at: Date }> {
  const [row] = await q.query<{ id: number; created_at: Date }>(
    'INSERT INTO point_redemptions (shop_id, person_id, points, item, keeper_resident_id, code_id) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id, created_at',
    [r.shopId, r.personId, r.points, r.item, r.keeperResidentId, r.codeId],
  );
  return row!;
}

interface RedemptionRow {
  id: number;
  shop_id: number;
  shop_name: string;
  person_id: number;
  member_name: string;
  member_phone: string | null;
  points: number;
  item: string;
  created_at: Date;
}

const REDEMPTION_SELECT = 'r.id, r.shop_id, s.name AS shop_name, r.person_id, p.name AS member_name, p.phone AS member_phone, r.points, r.item, r.created_at';
const REDEMPTION_FROM = 'FROM point_redemptions r JOIN red_shops s ON s.id = r.shop_id JOIN nodes n ON n.id = s.node_id JOIN people p ON p.id = r.person_id';

export function listRedemptions(q: Queryable, f: { scopePatterns: string[]; shopId?: number | undefined; month?: string | undefined }, page: { page: number; pageSize: number }): Promise<Page<RedemptionDto>> {
  const w = new Where().add('n.path LIKE ANY(?)', f.scopePatterns).addIf(f.shopId, 'r.shop_id = ?', f.shopId);
  if (f.month) {
    const [from, to] = monthRange(f.month);
    w.add('r.created_at >= ? AND r.created_at < ?', from, to);
  }
  return pagedQuery<RedemptionRow, RedemptionDto>(q, { select: REDEMPTION_SELECT, fromWhere: `${REDEMPTION_FROM} ${w.toString()}`, orderBy: 'r.id DESC', params: w.params }, page, (r) => ({
    id: r.id, shopId: r.shop_id, shopName: r.shop_name, personId: r.person_id, memberName: r.member_name, memberPhone: maskPhone(r.member_phone), points: r.points, item: r.item, createdAt: isoOf(r.created_at),
  }));
}

/** A shop's own history as its keeper sees it: members' names masked. */
export function shopRedemptions(q: Queryable, shopId: number, page: { page: number; pageSize: number }): Promise<Page<KeeperRedemptionDto>> {
  return pagedQuery<RedemptionRow, KeeperRedemptionDto>(q, { select: REDEMPTION_SELECT, fromWhere: `${REDEMPTION_FROM} WHERE r.shop_id = $1`, orderBy: 'r.id DESC', params: [shopId] }, page, (r) => ({
    redemptionId: r.id, memberName: maskName(r.member_name), points: r.points, item: r.item, createdAt: isoOf(r.created_at),
  }));
}

export async function redemptionStats(q: Queryable, scopePatterns: string[], year: number) {
  const rows = await q.query<{ shop_id: number; shop_name: string; month: string; redemptions: number; points: number }>(
    `SELECT r.shop_id, s.name AS shop_name, ${chinaMonth('r.created_at')} AS month, count(*)::int AS redemptions, sum(r.points)::int AS points
       ${REDEMPTION_FROM}
      WHERE n.path LIKE ANY($1) AND r.created_at >= $2 AND r.created_at < $3
      GROUP BY r.shop_id, s.name, month ORDER BY month, s.name, r.shop_id`,
    [scopePatterns, `${year}-01-01T00:00:00+08:00`, `${year + 1}-01-01T00:00:00+08:00`],
  );
  return rows.map((r) => ({ shopId: r.shop_id, shopName: r.shop_name, month: r.month, redemptions: r.redemptions, points: r.points }));
}
