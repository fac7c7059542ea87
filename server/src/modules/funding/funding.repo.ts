import type { BudgetKind, BudgetLineDto, BudgetLineListQuery, DisbursementDto, DisbursementListQuery, DisbursementStatus, FundingPayeeDto } from '@xj/contracts';
import { usedPermille } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';

/** SQL of funding (经费保障): budget lines, disbursements, eligible payees and budget-versus-actual sums. Money in whole fen. */

const PATH_NAMES = (col: string) => `(SELECT array_agg(a.name ORDER BY a.depth) FROM nodes a
    WHERE a.id = ANY(string_to_array(trim(both '/' from ${col}), '/')::int[]) AND a.depth > 0)`;

export const figuresOf = (budget: number, approved: number, pending: number) => ({
  budgetFen: budget,
  approvedFen: approved,
  pendingFen: pending,
  remainingFen: budget - approved,
  usedPermille: usedPermille(approved, budget),
});

// ── Budget lines ────────────────────────────────────────────────────────────────────────────
export interface LineRow {
  id: number;
  year: number;
  node_id: number;
  node_name: string;
  node_kind: string;
  node_path: string;
  path_names: string[] | null;
  kind: BudgetKind;
  amount_fen: number;
  note: string | null;
  approved_fen: number;
  pending_fen: number;
  disbursements: number;
  created_by_name: string | null;
  updated_at: Date;
}
const LINE_COLUMNS = `l.id, l.year, l.node_id, n.name AS node_name, n.kind AS node_kind, n.path AS node_path, ${PATH_NAMES('n.path')} AS path_names,
  l.kind, l.amount_fen::bigint AS amount_fen, l.note, u.display_name AS created_by_name, l.updated_at,
  (SELECT coalesce(sum(d.amount_fen) FILTER (WHERE d.status = 'approved'), 0)::bigint FROM disbursements d WHERE d.budget_line_id = l.id) AS approved_fen,
  (SELECT coalesce(sum(d.amount_fen) FILTER (WHERE d.status = 'pending'), 0)::bigint FROM disbursements d WHERE d.budget_line_id = l.id) AS pending_fen,
  (SELECT count(*)::int FROM disbursements d WHERE d.budget_line_id = l.id) AS disbursements`;
const LINE_FROM = 'FROM budget_lines l JOIN nodes n ON n.id = l.node_id LEFT JOIN users u ON u.id = l.created_by';

export const lineDto = (r: LineRow): BudgetLineDto => ({
  id: r.id,
  year: r.year,
  nodeId: r.node_id,
  nodeName: r.node_name,
  nodeKind: r.node_kind,
  nodePathNames: r.path_names ?? [],
  kind: r.kind,
  note: r.note,
  disbursements: r.disbursements,
  createdByName: r.created_by_name,
  updatedAt: isoOf(r.updated_at),
  ...figuresOf(r.amount_fen, r.approved_fen, r.pending_fen),
});

function lineWhere(patterns: string[], f: { year?: number | undefined; nodeId?: number | undefined; kind?: BudgetKind | undefined }): Where {
  return new Where()
    .add('n.path LIKE ANY(?)', patterns)
    .addIf(f.year, 'l.year = ?', f.year)
    .addIf(f.kind, 'l.kind = ?', f.kind)
    .addIf(f.nodeId, "n.path LIKE (SELECT path FROM nodes WHERE id = ?) || '%'", f.nodeId);
}
export function listLines(q: Queryable, patterns: string[], f: BudgetLineListQuery): Promise<Page<BudgetLineDto>> {
  const w = lineWhere(patterns, f);
  return pagedQuery<LineRow, BudgetLineDto>(q, { select: LINE_COLUMNS, fromWhere: `${LINE_FROM} ${w}`, orderBy: 'l.year DESC, n.path, l.kind, l.id', params: w.params }, f, lineDto);
}
/** Every line matching the filters (exports), capped. */
export async function allLines(q: Queryable, patterns: string[], f: Omit<BudgetLineListQuery, 'page' | 'pageSize'>, cap: number): Promise<BudgetLineDto[]> {
  const w = lineWhere(patterns, f);
  return (await q.query<LineRow>(`SELECT ${LINE_COLUMNS} ${LINE_FROM} ${w} ORDER BY l.year DESC, n.path, l.kind, l.id LIMIT ${cap}`, w.params)).map(lineDto);
}
export async function getLine(q: Queryable, id: number, lock = false): Promise<LineRow | undefined> {
  if (lock) await q.query('SELECT id FROM budget_lines WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<LineRow>(`SELECT ${LINE_COLUMNS} ${LINE_FROM} WHERE l.id = $1`, [id]);
  return row;
}
export async function lineIdFor(q: Queryable, year: number, nodeId: number, kind: BudgetKind): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>('SELECT id FROM budget_lines WHERE year = $1 AND node_id = $2 AND kind = $3', [year, nodeId, kind]);
  return row?.id;
}
export async function insertLine(q: Queryable, l: { year: number; nodeId: number; kind: BudgetKind; amountFen: number; note: string | null }, userId: number | null): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO budget_lines (year, node_id, kind, amount_fen, note, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [l.year, l.nodeId, l.kind, l.amountFen, l.note, userId],
  );
  return row!.id;
}
export async function updateLine(q: Queryable, id: number, amountFen: number, note: string | null): Promise<void> {
  await q.query('UPDATE budget_lines SET amount_fen = $2, note = $3, updated_at = now() WHERE id = $1', [id, amountFen, note]);
}
export async function deleteLine(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM budget_lines WHERE id = $1', [id]);
}
export async function approvedSum(q: Queryable, lineId: number): Promise<number> {
  const [row] = await q.query<{ s: number }>("SELECT coalesce(sum(amount_fen), 0)::bigint AS s FROM disbursements WHERE budget_line_id = $1 AND status = 'approved'", [lineId]);
  return row!.s;
}

// ── Eligible payees ─────────────────────────────────────────────────────────────────────────
/**
 * The people a stipend or allowance line may pay: current red stewards of compounds in the
 * line's subtree, or current branch secretaries (term open or not yet ended) of branches whose
 * community or compounds lie in it. Optionally only one person.
 */
export function eligiblePayees(q: Queryable, kind: BudgetKind, path: string, personId?: number): Promise<FundingPayeeDto[]> {
  const sql =
    kind === 'steward_stipend'
      ? `SELECT DISTINCT ON (p.id) p.id AS "personId", p.name, c.name AS "nodeName"
           FROM stewards s JOIN people p ON p.id = s.person_id JOIN nodes c ON c.id = s.compound_id
          WHERE c.path LIKE $1 || '%' AND s.since <= CURRENT_DATE AND ($2::int IS NULL OR p.id = $2)
          ORDER BY p.id, c.path`
      : `SELECT DISTINCT ON (p.id) p.id AS "personId", p.name, o.name AS "nodeName"
           FROM branch_secretaries b JOIN people p ON p.id = b.person_id JOIN party_orgs o ON o.id = b.branch_id JOIN nodes n ON n.id = o.node_id
          WHERE b.term_start <= CURRENT_DATE AND (b.term_end IS NULL OR b.term_end >= CURRENT_DATE) AND ($2::int IS NULL OR p.id = $2)
            AND (n.path LIKE $1 || '%' OR EXISTS (SELECT 1 FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id WHERE bc.branch_id = o.id AND c.path LIKE $1 || '%'))
          ORDER BY p.id, o.id`;
  return q.query<FundingPayeeDto>(`SELECT * FROM (${sql}) e ORDER BY e."nodeName", e.name, e."personId"`, [path, personId ?? null]);
}
export async function personInScope(q: Queryable, personId: number, patterns: string[]): Promise<{ id: number; name: string } | undefined> {
  const [row] = await q.query<{ id: number; name: string }>('SELECT p.id, p.name FROM people p JOIN nodes n ON n.id = p.node_id WHERE p.id = $1 AND n.path LIKE ANY($2)', [personId, patterns]);
  return row;
}

// ── Disbursements ───────────────────────────────────────────────────────────────────────────
export interface DisbursementRow {
  id: number;
  budget_line_id: number;
  year: number;
  kind: BudgetKind;
  node_id: number;
  node_name: string;
  node_path: string;
  month: string;
  person_id: number | null;
  payee: string;
  amount_fen: number;
  purpose: string;
  status: DisbursementStatus;
  requested_by: number | null;
  requested_by_name: string | null;
  requested_at: Date;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}
const D_COLUMNS = `d.id, d.budget_line_id, l.year, l.kind, l.node_id, n.name AS node_name, n.path AS node_path, d.month, d.person_id,
  coalesce(p.name, d.payee_name) AS payee, d.amount_fen::bigint AS amount_fen, d.purpose, d.status, d.requested_by, ru.display_name AS requested_by_name,
  d.requested_at, du.display_name AS decided_by_name, d.decided_at, d.decision_note`;
const D_FROM = `FROM disbursements d JOIN budget_lines l ON l.id = d.budget_line_id JOIN nodes n ON n.id = l.node_id LEFT JOIN people p ON p.id = d.person_id
  LEFT JOIN users ru ON ru.id = d.requested_by LEFT JOIN users du ON du.id = d.decided_by`;

export const disbursementDto = (r: DisbursementRow): DisbursementDto => ({
  id: r.id,
  budgetLineId: r.budget_line_id,
  year: r.year,
  kind: r.kind,
  nodeId: r.node_id,
  nodeName: r.node_name,
  month: r.month,
  personId: r.person_id,
  payee: r.payee,
  amountFen: r.amount_fen,
  purpose: r.purpose,
  status: r.status,
  requestedById: r.requested_by,
  requestedByName: r.requested_by_name,
  requestedAt: isoOf(r.requested_at),
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at ? isoOf(r.decided_at) : null,
  decisionNote: r.decision_note,
});

function disbursementWhere(patterns: string[], f: Omit<DisbursementListQuery, 'page' | 'pageSize'>): Where {
  return new Where()
    .add('n.path LIKE ANY(?)', patterns)
    .addIf(f.year, 'l.year = ?', f.year)
    .addIf(f.month, 'd.month = ?', f.month)
    .addIf(f.kind, 'l.kind = ?', f.kind)
    .addIf(f.status, 'd.status = ?', f.status)
    .addIf(f.budgetLineId, 'd.budget_line_id = ?', f.budgetLineId)
    .addIf(f.nodeId, "n.path LIKE (SELECT path FROM nodes WHERE id = ?) || '%'", f.nodeId);
}
export function listDisbursements(q: Queryable, patterns: string[], f: DisbursementListQuery): Promise<Page<DisbursementDto>> {
  const w = disbursementWhere(patterns, f);
  return pagedQuery<DisbursementRow, DisbursementDto>(
    q,
    { select: D_COLUMNS, fromWhere: `${D_FROM} ${w}`, orderBy: 'd.month DESC, d.requested_at DESC, d.id DESC', params: w.params },
    f,
    disbursementDto,
  );
}
export async function allDisbursements(q: Queryable, patterns: string[], f: Omit<DisbursementListQuery, 'page' | 'pageSize'>, cap: number): Promise<DisbursementDto[]> {
  const w = disbursementWhere(patterns, f);
  return (await q.query<DisbursementRow>(`SELECT ${D_COLUMNS} ${D_FROM} ${w} ORDER BY d.month DESC, n.path, d.id LIMIT ${cap}`, w.params)).map(disbursementDto);
}
export async function getDisbursement(q: Queryable, id: number, lock = false): Promise<DisbursementRow | undefined> {
  if (lock) await q.query('SELECT id FROM disbursements WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<DisbursementRow>(`SELECT ${D_COLUMNS} ${D_FROM} WHERE d.id = $1`, [id]);
  return row;
}
export async function activeFor(q: Queryable, lineId: number, month: string, personIds: number[]): Promise<Map<number, number>> {
  const rows = await q.query<{ id: number; person_id: number }>(
    "SELECT id, person_id FROM disbursements WHERE budget_line_id = $1 AND month = $2 AND person_id = ANY($3::int[]) AND status <> 'rejected'",
    [lineId, month, personIds],
  );
  return new Map(rows.map((r) => [r.person_id, r.id]));
}
export interface DisbursementInsert {
  personId: number | null;
  payeeName: string | null;
}
/** Inserts pending requests (one statement for a batch); their ids in input order. */
export async function insertDisbursements(q: Queryable, lineId: number, month: string, amountFen: number, purpose: string, userId: number | null, payees: DisbursementInsert[]): Promise<number[]> {
  if (!payees.length) return [];
  const rows = await q.query<{ id: number }>(
    `INSERT INTO disbursements (budget_line_id, month, person_id, payee_name, amount_fen, purpose, requested_by)
     SELECT $1, $2, x.person_id, x.payee_name, $3, $4, $5 FROM unnest($6::int[], $7::text[]) WITH ORDINALITY AS x(person_id, payee_name, ord)
     ORDER BY x.ord RETURNING id`,
    [lineId, month, amountFen, purpose, userId, payees.map((p) => p.personId), payees.map((p) => p.payeeName)],
  );
  return rows.map((r) => r.id);
}
export async function decide(q: Queryable, id: number, status: 'approved' | 'rejected', userId: number | null, note: string | null): Promise<void> {
  await q.query('UPDATE disbursements SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4 WHERE id = $1', [id, status, userId, note]);
}

// ── Budget versus actual ────────────────────────────────────────────────────────────────────
export interface SumRow {
  key: string;
  budget: number;
  approved: number;
  pending: number;
}
/** Budget, approved and pending of the year's lines under `path`, grouped by `group` (an SQL expression over l, n and $2, the path). */
export function sums(q: Queryable, year: number, path: string, group: string): Promise<SumRow[]> {
  return q.query<SumRow>(
    `SELECT ${group} AS key, sum(l.amount_fen)::bigint AS budget, coalesce(sum(d.approved), 0)::bigint AS approved, coalesce(sum(d.pending), 0)::bigint AS pending
       FROM budget_lines l JOIN nodes n ON n.id = l.node_id
       LEFT JOIN (SELECT budget_line_id, sum(amount_fen) FILTER (WHERE status = 'approved') AS approved, sum(amount_fen) FILTER (WHERE status = 'pending') AS pending
                    FROM disbursements WHERE budget_line_id IN (SELECT id FROM budget_lines WHERE year = $1) GROUP BY budget_line_id) d ON d.budget_line_id = l.id
      WHERE l.year = $1 AND n.path LIKE $2 || '%' GROUP BY 1`,
    [year, path],
  );
}
/** The child of the node at `$2` whose subtree holds the line ('' for the node's own lines). */
export const CHILD_KEY = "split_part(substr(n.path, length($2) + 1), '/', 1)";
export function monthlyApproved(q: Queryable, year: number, path: string): Promise<{ month: string; approved: number }[]> {
  return q.query<{ month: string; approved: number }>(
    `SELECT d.month, sum(d.amount_fen)::bigint AS approved FROM disbursements d JOIN budget_lines l ON l.id = d.budget_line_id JOIN nodes n ON n.id = l.node_id
      WHERE l.year = $1 AND n.path LIKE $2 || '%' AND d.status = 'approved' GROUP BY d.month`,
    [year, path],
  );
}
export function childNodes(q: Queryable, parentId: number): Promise<{ id: number; name: string; kind: string; path: string; has_children: boolean }[]> {
  return q.query(
    `SELECT c.id, c.name, c.kind, c.path, EXISTS (SELECT 1 FROM nodes g WHERE g.parent_id = c.id AND g.kind IN ('subdistrict','community','compound')) AS has_children
       FROM nodes c WHERE c.parent_id = $1 ORDER BY c.code, c.id`,
    [parentId],
  );
}
