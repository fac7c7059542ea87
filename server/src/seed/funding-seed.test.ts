import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FundingReportDto } from '@xj/contracts';
import { startTestApp, type TestApp } from '../test/harness.js';
import { count } from '../test/fixtures.js';
import { ok } from '../test/cloud-consultation.js';
import { chinaDateOf } from '../modules/tickets/working-days.js';
import { FUNDING_FIGURES } from './funding-seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const today = () => chinaDateOf(new Date());
const year = () => Number(today().slice(0, 4));

describe('demo funding (经费保障)', () => {
  it("last year's and this year's lines: the county work fund and each community's stipend, allowance and work fund", async () => {
    const communities = await count(t.db, "SELECT count(*) FROM nodes WHERE kind = 'community'");
    for (const y of [year() - 1, year()]) {
      const byKind = await t.db.query<{ kind: string; n: number }>('SELECT l.kind, count(*)::int AS n FROM budget_lines l WHERE l.year = $1 GROUP BY l.kind', [y]);
      const n = (k: string) => byKind.find((r) => r.kind === k)?.n ?? 0;
      expect(n('party_work_fund')).toBe(communities + 1);
      expect(n('steward_stipend')).toBe(communities);
      expect(n('branch_secretary_allowance')).toBeGreaterThan(0);
      expect(n('station_running')).toBeGreaterThan(0);
    }
    expect(await count(t.db, 'SELECT count(*) FROM budget_lines WHERE year NOT IN ($1, $2)', [year() - 1, year()])).toBe(0);
  });

  it('the stipend line of a community pays its stewards ¥200 a month: budget = stewards × 12 × 200', async () => {
    const rows = await t.db.query<{ amount: number; stewards: number }>(
      `SELECT l.amount_fen::bigint AS amount, (SELECT count(DISTINCT s.person_id)::int FROM stewards s JOIN nodes cp ON cp.id = s.compound_id WHERE cp.parent_id = l.node_id AND s.since <= CURRENT_DATE) AS stewards
         FROM budget_lines l WHERE l.kind = 'steward_stipend' AND l.year = $1`,
      [year()],
    );
    expect(rows.reduce((s, r) => s + r.stewards, 0)).toBeGreaterThan(1000);
    for (const r of rows) expect(r.amount).toBe(r.stewards * 12 * FUNDING_FIGURES.stewardMonthlyFen);
  });

  it('approved disbursements run from January of last year to last month and never exceed a line\'s budget', async () => {
    const months = await t.db.query<{ month: string }>("SELECT DISTINCT month FROM disbursements WHERE status = 'approved' ORDER BY month");
    expect(months[0]!.month).toBe(`${year() - 1}-01`);
    const m = Number(today().slice(5, 7));
    const last = m === 1 ? `${year() - 1}-12` : `${year()}-${String(m - 1).padStart(2, '0')}`;
    expect(months.at(-1)!.month).toBe(last);
    expect(months).toHaveLength(12 + m - 1);
    const over = await count(
      t.db,
      "SELECT count(*) FROM budget_lines l WHERE l.amount_fen < (SELECT coalesce(sum(amount_fen), 0) FROM disbursements d WHERE d.budget_line_id = l.id AND d.status = 'approved')",
    );
    expect(over).toBe(0);
    expect(await count(t.db, "SELECT count(*) FROM disbursements WHERE month > to_char(CURRENT_DATE, 'YYYY-MM')")).toBe(0);
    // Requester and approver always differ; the month is within the line's year; one per person, line and month.
    expect(await count(t.db, 'SELECT count(*) FROM disbursements WHERE requested_by = decided_by')).toBe(0);
    expect(await count(t.db, 'SELECT count(*) FROM disbursements d JOIN budget_lines l ON l.id = d.budget_line_id WHERE substr(d.month, 1, 4)::int <> l.year')).toBe(0);
    expect(await count(t.db, "SELECT count(*) FROM disbursements WHERE status = 'approved' AND decided_by IS NULL")).toBe(0);
    // A requester is a user whose grant covers the line's node (history without a console requester reads as imported).
    const outOfScope = await count(
      t.db,
      `SELECT count(*) FROM disbursements d JOIN budget_lines l ON l.id = d.budget_line_id JOIN nodes n ON n.id = l.node_id
        WHERE d.requested_by IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM grants g JOIN nodes gn ON gn.id = g.node_id WHERE g.user_id = d.requested_by AND n.path LIKE gn.path || '%')`,
    );
    expect(outOfScope).toBe(0);
    expect(await count(t.db, 'SELECT count(*) FROM disbursements WHERE requested_by IS NOT NULL')).toBeGreaterThan(0);
  });

  it('this month: a few pending requests and exactly one rejected, with its reason', async () => {
    const month = today().slice(0, 7);
    const rows = await t.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM disbursements WHERE month = $1 GROUP BY status', [month]);
    expect(rows.find((r) => r.status === 'pending')!.n).toBe(FUNDING_FIGURES.pendingStewards + 2);
    expect(rows.find((r) => r.status === 'rejected')!.n).toBe(1);
    expect(rows.find((r) => r.status === 'approved')).toBeUndefined();
    expect(await count(t.db, "SELECT count(*) FROM disbursements WHERE status = 'rejected' AND length(decision_note) > 4")).toBe(1);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'seed.funding'")).toBe(1);
  });

  it("the county's report sums every line: budget = Σ lines, approved = Σ approved disbursements", async () => {
    const admin = await t.login('admin');
    const r = ok<FundingReportDto>(await admin.get(`/api/funding/report?year=${year() - 1}`));
    const [sums] = (await t.db.query<{ budget: number; approved: number }>(
      `SELECT (SELECT sum(amount_fen)::bigint FROM budget_lines WHERE year = $1) AS budget,
              (SELECT sum(d.amount_fen)::bigint FROM disbursements d JOIN budget_lines l ON l.id = d.budget_line_id WHERE l.year = $1 AND d.status = 'approved') AS approved`,
      [year() - 1],
    )) as [{ budget: number; approved: number }];
    expect([r.totals.budgetFen, r.totals.approvedFen]).toEqual([sums.budget, sums.approved]);
    expect(r.monthly.every((m) => m.approvedFen > 0)).toBe(true);
    expect(r.totals.usedPermille).toBeGreaterThan(800);
  });
});
