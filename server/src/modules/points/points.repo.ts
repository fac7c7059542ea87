import { maskPhone, POINT_ENTRY_KIND_LABELS, type PointEntryDto, type PointEntryKind, type PointRuleDto, type PointRuleUpdate, type PointSourceType } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { pagedQuery, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';

/** The points ledger in SQL: rules, accounts (one balance row per person) and append-only entries. */

interface RuleRow {
  code: string;
  name: string;
  description: string;
  unit: PointRuleDto['unit'];
  points: number;
  active: boolean;
  is_default: boolean;
  updated_at: Date;
}

const toRule = (r: RuleRow): PointRuleDto => ({
  code: r.code, name: r.name, description: r.description, unit: r.unit, points: r.points, active: r.active, isDefault: r.is_default, updatedAt: isoOf(r.updated_at),
});

export async function listRules(q: Queryable): Promise<PointRuleDto[]> {
  return (await q.query<RuleRow>('SELECT * FROM point_rules ORDER BY code')).map(toRule);
}

export async function getRule(q: Queryable, code: string, opts: { forUpdate?: boolean } = {}): Promise<PointRuleDto | undefined> {
  const [r] = await q.query<RuleRow>(`SELECT * FROM point_rules WHERE code = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [code]);
  return r && toRule(r);
}

/** Changing a rule makes it the county's own (no longer a platform default). */
export async function updateRule(q: Queryable, code: string, p: PointRuleUpdate): Promise<PointRuleDto> {
  const [r] = await q.query<RuleRow>(
    `UPDATE point_rules SET points = coalesce($2, points), active = coalesce($3, active), name = coalesce($4, name),
            description = coalesce($5, description), is_default = false, updated_at = now()
      WHERE code = $1 RETURNING *`,
    [code, p.points ?? null, p.active ?? null, p.name ?? null, p.description ?? null],
  );
  return toRule(r!);
}

export interface NewEntry {
  personId: number;
  kind: PointEntryKind;
  delta: number;
  ruleCode?: string | null;
  sourceType?: PointSourceType | null;
  sourceId?: number | null;
  reversesEntryId?: number | null;
  redemptionId?: number | null;
  note?: string | null;
  actorUserId?: number | null;
  actorResidentId?: number | null;
}

/** Locks the person's balance row (creating it at zero) and answers the balance: every change to it goes through this lock. */
export async function lockBalance(q: Queryable, personId: number): Promise<number> {
  await q.query('INSERT INTO point_accounts (person_id) VALUES ($1) ON CONFLICT (person_id) DO NOTHING', [personId]);
  const [a] = await q.query<{ balance: number }>('SELECT balance FROM point_accounts WHERE person_id = $1 FOR UPDATE', [personId]);
  return a!.balance;
}

export const insufficientPoints = (balance: number, wanted: number) =>
  new AppError(409, 'INSUFFICIENT_POINTS', `积分不足：当前可用${balance}分，本次需要${wanted}分`);

/**
 * Appends one ledger entry and moves the balance with it, under the balance row's lock, in the
 * caller's transaction. A change that would make the balance negative is refused (409
 * INSUFFICIENT_POINTS); the table's CHECK refuses it too, should this code ever be wrong.
 */
export async function appendEntry(q: Queryable, e: NewEntry): Promise<{ id: number; balanceAfter: number }> {
  const balance = await lockBalance(q, e.personId);
  const after = balance + e.delta;
  if (after < 0) throw insufficientPoints(balance, -e.delta);
  await q.query('UPDATE point_accounts SET balance = $2, updated_at = now() WHERE person_id = $1', [e.personId, after]);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO point_entries (person_id, kind, delta, balance_after, rule_code, source_type, source_id, reverses_entry_id, redemption_id, note, actor_user_id, actor_resident_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
    [e.personId, e.kind, e.delta, after, e.ruleCode ?? null, e.sourceType ?? null, e.sourceId ?? null, e.reversesEntryId ?? null, e.redemptionId ?? null, e.note ?? null, e.actorUserId ?? null, e.actorResidentId ?? null],
  );
  return { id: row!.id, balanceAfter: after };
}

export async function hasEarned(q: Queryable, personId: number, ruleCode: string, sourceType: string, sourceId: number): Promise<boolean> {
  const rows = await q.query("SELECT 1 FROM point_entries WHERE kind = 'earn' AND person_id = $1 AND rule_code = $2 AND source_type = $3 AND source_id = $4", [personId, ruleCode, sourceType, sourceId]);
  return rows.length > 0;
}

export async function balanceOf(q: Queryable, personId: number): Promise<number> {
  const [a] = await q.query<{ balance: number }>('SELECT balance FROM point_accounts WHERE person_id = $1', [personId]);
  return a?.balance ?? 0;
}

/** A person with their home node: the scope of their points. */
export interface PersonRow {
  id: number;
  name: string;
  phone: string | null;
  node_id: number;
  node_path: string;
}

export async function getPerson(q: Queryable, id: number): Promise<PersonRow | undefined> {
  const [p] = await q.query<PersonRow>('SELECT p.id, p.name, p.phone, p.node_id, n.path AS node_path FROM people p JOIN nodes n ON n.id = p.node_id WHERE p.id = $1', [id]);
  return p;
}

interface EntryRow {
  id: number;
  person_id: number;
  kind: PointEntryKind;
  delta: number;
  balance_after: number;
  rule_code: string | null;
  rule_name: string | null;
  source_type: PointSourceType | null;
  source_id: number | null;
  reverses_entry_id: number | null;
  reversed_by: number | null;
  redemption_id: number | null;
  shop_name: string | null;
  item: string | null;
  note: string | null;
  actor_name: string | null;
  created_at: Date;
}

const ENTRY_SELECT = `e.*, r.name AS rule_name, rev.id AS reversed_by, s.name AS shop_name, pr.item,
  coalesce(u.display_name, CASE WHEN res.phone IS NOT NULL THEN '居民 ' || res.phone END) AS actor_name`;
const ENTRY_FROM = `FROM point_entries e
  LEFT JOIN point_rules r ON r.code = e.rule_code
  LEFT JOIN point_entries rev ON rev.reverses_entry_id = e.id
  LEFT JOIN point_redemptions pr ON pr.id = e.redemption_id
  LEFT JOIN red_shops s ON s.id = pr.shop_id
  LEFT JOIN users u ON u.id = e.actor_user_id
  LEFT JOIN residents res ON res.id = e.actor_resident_id`;

/** Why, in words: the rule's name, the shop and item of a redemption, or the kind of correction. */
function labelOf(r: EntryRow): string {
  if (r.kind === 'earn') return r.rule_name ?? POINT_ENTRY_KIND_LABELS.earn.zh;
  if (r.kind === 'redemption') return `${POINT_ENTRY_KIND_LABELS.redemption.zh}：${r.shop_name ?? ''} ${r.item ?? ''}`.trim();
  return POINT_ENTRY_KIND_LABELS[r.kind].zh;
}

function toEntry(r: EntryRow): PointEntryDto {
  // A resident actor is named by a masked phone.
  const actorName = r.actor_name?.startsWith('居民 ') ? `居民 ${maskPhone(r.actor_name.slice(3))}` : r.actor_name;
  return {
    id: r.id, kind: r.kind, delta: r.delta, balanceAfter: r.balance_after, label: labelOf(r), ruleCode: r.rule_code, sourceType: r.source_type,
    sourceId: r.source_id, reversesEntryId: r.reverses_entry_id, reversedByEntryId: r.reversed_by, redemptionId: r.redemption_id, note: r.note,
    actorName, createdAt: isoOf(r.created_at),
  };
}

/** An entry, when given a person only if it is theirs. */
export async function getEntry(q: Queryable, id: number, personId?: number): Promise<PointEntryDto | undefined> {
  const [r] = await q.query<EntryRow>(`SELECT ${ENTRY_SELECT} ${ENTRY_FROM} WHERE e.id = $1 AND ($2::int IS NULL OR e.person_id = $2)`, [id, personId ?? null]);
  return r && toEntry(r);
}

export function ledgerPage(q: Queryable, personId: number, page: { page: number; pageSize: number }): Promise<Page<PointEntryDto>> {
  return pagedQuery<EntryRow, PointEntryDto>(q, { select: ENTRY_SELECT, fromWhere: `${ENTRY_FROM} WHERE e.person_id = $1`, orderBy: 'e.id DESC', params: [personId] }, page, toEntry);
}

export async function recentEntries(q: Queryable, personId: number, limit: number): Promise<PointEntryDto[]> {
  return (await q.query<EntryRow>(`SELECT ${ENTRY_SELECT} ${ENTRY_FROM} WHERE e.person_id = $1 ORDER BY e.id DESC LIMIT $2`, [personId, limit])).map(toEntry);
}

/** China time (UTC+8) month of a timestamp column, as 'YYYY-MM'. */
export const chinaMonth = (column: string) => `to_char((${column} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;

/** Points earned in a month: positive entries other than reversals (earnings and manual awards). */
const EARNED = "e.delta > 0 AND e.kind <> 'reversal'";

export async function earnedInMonth(q: Queryable, personId: number, month: string): Promise<number> {
  const [r] = await q.query<{ n: number }>(`SELECT coalesce(sum(e.delta), 0)::int AS n FROM point_entries e WHERE e.person_id = $1 AND ${EARNED} AND ${chinaMonth('e.created_at')} = $2`, [personId, month]);
  return r!.n;
}

/** Start and end (exclusive) of a China-time month, for an index-friendly range. */
export function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${month}-01T00:00:00+08:00`, `${next}-01T00:00:00+08:00`];
}

export async function leaderboard(q: Queryable, f: { scopePatterns: string[]; subtreePath: string | null; month: string; limit: number }) {
  const [from, to] = monthRange(f.month);
  const rows = await q.query<{ person_id: number; name: string; phone: string | null; node_name: string; points: number }>(
    `SELECT p.id AS person_id, p.name, p.phone, n.name AS node_name, sum(e.delta)::int AS points
       FROM point_entries e JOIN people p ON p.id = e.person_id JOIN nodes n ON n.id = p.node_id
      WHERE ${EARNED} AND e.created_at >= $3 AND e.created_at < $4
        AND n.path LIKE ANY($1) AND ($2::text IS NULL OR n.path LIKE $2 || '%')
      GROUP BY p.id, p.name, p.phone, n.name
      ORDER BY points DESC, p.id LIMIT $5`,
    [f.scopePatterns, f.subtreePath, from, to, f.limit],
  );
  return rows.map((r, i) => ({ rank: i + 1, personId: r.person_id, name: r.name, phone: maskPhone(r.phone), nodeName: r.node_name, points: r.points }));
}
