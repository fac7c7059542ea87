import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetLineDto, DisbursementBatchApproveResult, DisbursementBatchResult, DisbursementDto, FundingPayeeDto, FundingReportDto } from '@xj/contracts';
import { XLSX_CONTENT_TYPE } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, grantNodes, userId } from '../../test/fixtures.js';
import { headerOf } from '../../test/excel.js';
import { ok } from '../../test/cloud-consultation.js';

/**
 * Funding on years the demo seed leaves empty: 2024 holds the hand-computed budget-versus-actual
 * fixture, 2023 the approval and payee rules. Requests come from community1 (funding.manage),
 * decisions from admin or subdistrict1 (funding.approve).
 */
let t: TestApp;
let admin: Client;
let sub1: Client;
let community1: Client;
let county: number;
let community: number;
let other: number;
/** Another community of subdistrict1's, beside community1's. */
let neighbour: number;
let stewards: number[];
let otherSteward: number;
let secretary: number;
const P = '/api/funding';

const line = async (c: Client, year: number, nodeId: number, kind: string, amountFen: number) => ok<BudgetLineDto>(await c.post(`${P}/lines`, { year, nodeId, kind, amountFen }), 201);
const request = async (c: Client, body: Record<string, unknown>) => ok<DisbursementDto>(await c.post(`${P}/disbursements`, { purpose: '测试拨付', ...body }), 201);
const approve = (c: Client, id: number) => c.post(`${P}/disbursements/${id}/approve`, {});

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  sub1 = await t.login('subdistrict1');
  community1 = await t.login('community1');
  community = (await grantNodes(t.db, 'community1')).find((n) => n.kind === 'community')!.id;
  const sub = (await grantNodes(t.db, 'subdistrict1'))[0]!.id;
  [{ id: county }] = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'county' ORDER BY id LIMIT 1")) as [{ id: number }];
  [{ id: other }] = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'community' AND parent_id <> $1 ORDER BY id LIMIT 1", [sub])) as [{ id: number }];
  [{ id: neighbour }] = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'community' AND parent_id = $1 AND id <> $2 ORDER BY id LIMIT 1", [sub, community])) as [{ id: number }];
  stewards = (
    await t.db.query<{ person_id: number }>(
      'SELECT DISTINCT s.person_id FROM stewards s JOIN nodes cp ON cp.id = s.compound_id WHERE cp.parent_id = $1 AND s.since <= CURRENT_DATE ORDER BY s.person_id',
      [community],
    )
  ).map((r) => r.person_id);
  [{ person_id: otherSteward }] = (await t.db.query<{ person_id: number }>(
    'SELECT s.person_id FROM stewards s JOIN nodes cp ON cp.id = s.compound_id WHERE cp.parent_id = $1 AND s.person_id NOT IN (SELECT s2.person_id FROM stewards s2 JOIN nodes c2 ON c2.id = s2.compound_id WHERE c2.parent_id = $2) ORDER BY s.person_id LIMIT 1',
    [other, community],
  )) as [{ person_id: number }];
  [{ person_id: secretary }] = (await t.db.query<{ person_id: number }>(
    `SELECT b.person_id FROM branch_secretaries b JOIN party_orgs o ON o.id = b.branch_id
      WHERE o.node_id = $1 AND b.term_start <= CURRENT_DATE AND (b.term_end IS NULL OR b.term_end >= CURRENT_DATE)
        AND b.person_id NOT IN (SELECT person_id FROM stewards) ORDER BY b.person_id LIMIT 1`,
    [community],
  )) as [{ person_id: number }];
  expect(stewards.length).toBeGreaterThan(12);
});
afterAll(async () => t.close());

describe('budget versus actual (hand-computed fixture, 2024)', () => {
  let report: FundingReportDto;
  beforeAll(async () => {
    const stipend = await line(community1, 2024, community, 'steward_stipend', 240_000);
    const fund = await line(community1, 2024, community, 'party_work_fund', 500_000);
    const station = await line(admin, 2024, neighbour, 'station_running', 100_000);
    const countyFund = await line(admin, 2024, county, 'party_work_fund', 1_000_000);
    const a = await request(community1, { budgetLineId: stipend.id, month: '2024-01', personId: stewards[0], amountFen: 20_000 });
    const b = await request(community1, { budgetLineId: stipend.id, month: '2024-01', personId: stewards[1], amountFen: 20_000 });
    await request(community1, { budgetLineId: stipend.id, month: '2024-02', personId: stewards[0], amountFen: 20_000 });
    const c = await request(community1, { budgetLineId: fund.id, month: '2024-03', payeeName: '社区党群服务中心', amountFen: 123_456 });
    const d = await request(admin, { budgetLineId: station.id, month: '2024-03', payeeName: '驿站物业', amountFen: 33_333 });
    const e = await request(admin, { budgetLineId: station.id, month: '2024-03', payeeName: '驿站物业', amountFen: 10_000 });
    // The county's line is outside subdistrict1's scope.
    expectError(await sub1.post(`${P}/disbursements`, { budgetLineId: countyFund.id, month: '2024-05', payeeName: '县委组织部党建办', amountFen: 250_000, purpose: '越权' }), 404);
    const g = await request(admin, { budgetLineId: countyFund.id, month: '2024-05', payeeName: '县委组织部党建办', amountFen: 250_000 });
    for (const id of [a.id, b.id, c.id]) ok(await admin.post(`${P}/disbursements/${id}/approve`, {}));
    ok(await sub1.post(`${P}/disbursements/${d.id}/approve`, {}));
    ok(await sub1.post(`${P}/disbursements/${e.id}/reject`, { reason: '重复申请' }));
    // The county's own line needs a second county approver, which the demo lacks: decided straight in the table.
    await t.db.query("UPDATE disbursements SET status = 'approved', decided_by = $2, decided_at = now() WHERE id = $1", [g.id, await userId(t.db, 'subdistrict1')]);
    report = ok<FundingReportDto>(await admin.get(`${P}/report?year=2024&nodeId=${county}`));
  });

  it('county totals: budget 18,400.00, approved 4,467.89, pending 200.00, remaining 13,932.11, 24.3% used', () => {
    expect(report.totals).toEqual({ budgetFen: 1_840_000, approvedFen: 446_789, pendingFen: 20_000, remainingFen: 1_393_211, usedPermille: 243 });
  });
  it('by kind, every kind listed (allowance empty: % used is null)', () => {
    const k = Object.fromEntries(report.byKind.map((x) => [x.kind, x]));
    expect(k.steward_stipend).toMatchObject({ budgetFen: 240_000, approvedFen: 40_000, pendingFen: 20_000, remainingFen: 200_000, usedPermille: 167 });
    expect(k.party_work_fund).toMatchObject({ budgetFen: 1_500_000, approvedFen: 373_456, pendingFen: 0, usedPermille: 249 });
    expect(k.station_running).toMatchObject({ budgetFen: 100_000, approvedFen: 33_333, usedPermille: 333 });
    expect(k.branch_secretary_allowance).toMatchObject({ budgetFen: 0, approvedFen: 0, usedPermille: null });
  });
  it("by node: the county's own lines and the subdistrict's subtree; drilling into the subdistrict shows its two communities", async () => {
    expect(report.byNode).toEqual([
      expect.objectContaining({ nodeId: county, own: true, budgetFen: 1_000_000, approvedFen: 250_000, pendingFen: 0 }),
      expect.objectContaining({ own: false, hasChildren: true, budgetFen: 840_000, approvedFen: 196_789, pendingFen: 20_000, usedPermille: 234 }),
    ]);
    const drill = ok<FundingReportDto>(await admin.get(`${P}/report?year=2024&nodeId=${report.byNode[1]!.nodeId}`));
    expect(drill.byNode.map((n) => [n.nodeId, n.budgetFen, n.approvedFen, n.remainingFen]).sort((a, b) => b[1]! - a[1]!)).toEqual([
      [community, 740_000, 163_456, 576_544],
      [neighbour, 100_000, 33_333, 66_667],
    ]);
  });
  it('monthly approved series from January to December', () => {
    expect(report.monthly).toHaveLength(12);
    expect(report.monthly.filter((m) => m.approvedFen).map((m) => [m.month, m.approvedFen])).toEqual([['2024-01', 40_000], ['2024-03', 156_789], ['2024-05', 250_000]]);
  });
  it("community1 sees only its community's lines, disbursements and report", async () => {
    const lines = ok<{ data: BudgetLineDto[] }>(await community1.get(`${P}/lines?year=2024`));
    expect(lines.data.map((l) => l.nodeId).every((n) => n === community)).toBe(true);
    expect(lines.data).toHaveLength(2);
    const ds = ok<{ data: DisbursementDto[] }>(await community1.get(`${P}/disbursements?year=2024&pageSize=100`));
    expect(ds.data).toHaveLength(4);
    const r = ok<FundingReportDto>(await community1.get(`${P}/report?year=2024`));
    expect(r.node.id).toBe(community);
    expect(r.totals).toMatchObject({ budgetFen: 740_000, approvedFen: 163_456 });
    expectError(await community1.get(`${P}/report?year=2024&nodeId=${county}`), 404);
    const stationLine = ok<{ data: BudgetLineDto[] }>(await admin.get(`${P}/lines?year=2024&nodeId=${neighbour}`)).data[0]!;
    expectError(await community1.get(`${P}/lines/${stationLine.id}`), 404);
    expectError(await community1.patch(`${P}/lines/${stationLine.id}`, { amountFen: 1 }), 404);
  });
  it('filters: kind, status, month and node', async () => {
    const q = (s: string) => admin.get(`${P}/disbursements?year=2024&pageSize=100&${s}`);
    expect(ok<{ data: DisbursementDto[] }>(await q('status=pending')).data).toHaveLength(1);
    expect(ok<{ data: DisbursementDto[] }>(await q('kind=station_running')).data.map((d) => d.status).sort()).toEqual(['approved', 'rejected']);
    expect(ok<{ data: DisbursementDto[] }>(await q('month=2024-01')).data).toHaveLength(2);
    expect(ok<{ data: DisbursementDto[] }>(await q(`nodeId=${neighbour}`)).data).toHaveLength(2);
  });
  it('exports are real workbooks: lines, disbursements and the report', async () => {
    for (const [url, first] of [[`${P}/lines/export.xlsx?year=2024`, '年度'], [`${P}/disbursements/export.xlsx?year=2024`, '月份'], [`${P}/report/export.xlsx?year=2024`, '预算类别']] as const) {
      const res = await admin.get(url);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
      expect((await headerOf(res.rawPayload))[0]).toBe(first);
    }
  });
});

describe('budget lines', () => {
  it('one line per year, node and kind (409); the node must be in scope (404) and a county to compound level (400)', async () => {
    const l = await line(community1, 2023, community, 'party_work_fund', 300_000);
    expectError(await community1.post(`${P}/lines`, { year: 2023, nodeId: community, kind: 'party_work_fund', amountFen: 1 }), 409, 'DUPLICATE');
    expectError(await community1.post(`${P}/lines`, { year: 2023, nodeId: other, kind: 'party_work_fund', amountFen: 1 }), 404);
    const [stairwell] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' LIMIT 1", [community]);
    expectError(await community1.post(`${P}/lines`, { year: 2023, nodeId: stairwell!.id, kind: 'party_work_fund', amountFen: 1 }), 400);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'budgetLine.create' AND target_id = $1", [String(l.id)])).toBe(1);
  });
  it('the amount cannot go below what is approved (409); an unused line can be deleted, a used one not', async () => {
    const l = await line(community1, 2023, community, 'station_running', 100_000);
    const d = await request(community1, { budgetLineId: l.id, month: '2023-06', payeeName: '驿站', amountFen: 60_000 });
    ok(await admin.post(`${P}/disbursements/${d.id}/approve`, {}));
    expectError(await community1.patch(`${P}/lines/${l.id}`, { amountFen: 59_999 }), 409, 'FUNDING_BELOW_APPROVED');
    expect(ok<BudgetLineDto>(await community1.patch(`${P}/lines/${l.id}`, { amountFen: 60_000, note: '压减' }))).toMatchObject({ budgetFen: 60_000, remainingFen: 0, usedPermille: 1000, note: '压减' });
    expectError(await community1.delete(`${P}/lines/${l.id}`), 409);
    const empty = await line(admin, 2023, other, 'station_running', 1);
    ok(await admin.delete(`${P}/lines/${empty.id}`));
    expectError(await admin.get(`${P}/lines/${empty.id}`), 404);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action IN ('budgetLine.update', 'budgetLine.delete') AND target_id IN ($1, $2)", [String(l.id), String(empty.id)])).toBe(2);
  });
});

describe('payee rules', () => {
  let stipend: BudgetLineDto;
  let allowance: BudgetLineDto;
  beforeAll(async () => {
    stipend = await line(community1, 2023, community, 'steward_stipend', 2_400_000);
    allowance = await line(community1, 2023, community, 'branch_secretary_allowance', 600_000);
  });
  it('a stipend goes to a current steward of the subtree, an allowance to a current branch secretary there', async () => {
    expect(await request(community1, { budgetLineId: stipend.id, month: '2023-01', personId: stewards[0], amountFen: 20_000 })).toMatchObject({ status: 'pending', kind: 'steward_stipend' });
    expect(await request(community1, { budgetLineId: allowance.id, month: '2023-01', personId: secretary, amountFen: 50_000 })).toMatchObject({ status: 'pending' });
    expectError(await community1.post(`${P}/disbursements`, { budgetLineId: stipend.id, month: '2023-01', personId: secretary, amountFen: 20_000, purpose: '非管家' }), 400, 'FUNDING_PAYEE_INELIGIBLE');
    expectError(await community1.post(`${P}/disbursements`, { budgetLineId: allowance.id, month: '2023-01', personId: stewards[2], amountFen: 50_000, purpose: '非书记' }), 400, 'FUNDING_PAYEE_INELIGIBLE');
    // A steward of another community: out of community1's sight (404), and not of this subtree for the county (400).
    expectError(await community1.post(`${P}/disbursements`, { budgetLineId: stipend.id, month: '2023-01', personId: otherSteward, amountFen: 20_000, purpose: '外社区' }), 404);
    expectError(await admin.post(`${P}/disbursements`, { budgetLineId: stipend.id, month: '2023-01', personId: otherSteward, amountFen: 20_000, purpose: '外社区' }), 400, 'FUNDING_PAYEE_INELIGIBLE');
    const payees = ok<{ data: FundingPayeeDto[] }>(await community1.get(`${P}/lines/${stipend.id}/payees`));
    expect(payees.data.map((p) => p.personId).sort((a, b) => a - b)).toEqual(stewards);
  });
  it('stipends need a person, not a named payee; one of person or payee; month within the year; amount > 0', async () => {
    expectError(await community1.post(`${P}/disbursements`, { budgetLineId: stipend.id, month: '2023-02', payeeName: '某人', amountFen: 20_000, purpose: '无人员' }), 400);
    expectError(await community1.post(`${P}/disbursements`, { budgetLineId: stipend.id, month: '2023-02', personId: stewards[0], payeeName: '某人', amountFen: 20_000, purpose: '两者' }), 400);
    expectError(await community1.post(`${P}/disbursements`, { budgetLineId: stipend.id, month: '2024-02', personId: stewards[0], amountFen: 20_000, purpose: '跨年' }), 400);
    expectError(await community1.post(`${P}/disbursements`, { budgetLineId: stipend.id, month: '2023-02', personId: stewards[0], amountFen: 0, purpose: '零元' }), 400);
  });
  it('one per person, line and month (409); after a rejection the person may be requested again', async () => {
    const first = await request(community1, { budgetLineId: stipend.id, month: '2023-03', personId: stewards[3], amountFen: 20_000 });
    expectError(await community1.post(`${P}/disbursements`, { budgetLineId: stipend.id, month: '2023-03', personId: stewards[3], amountFen: 20_000, purpose: '重复' }), 409, 'DUPLICATE');
    ok(await admin.post(`${P}/disbursements/${first.id}/reject`, { reason: '金额有误' }));
    await request(community1, { budgetLineId: stipend.id, month: '2023-03', personId: stewards[3], amountFen: 20_000 });
  });
  it('a batch for a month: every current steward once, in one transaction, with a per-person result; again: all skipped', async () => {
    const b = ok<DisbursementBatchResult>(await community1.post(`${P}/disbursements/batch`, { budgetLineId: stipend.id, month: '2023-01', amountFen: 20_000, purpose: '2023年1月红色管家补贴' }));
    expect(b.results).toHaveLength(stewards.length);
    expect([b.created, b.skipped]).toEqual([stewards.length - 1, 1]);
    expect(b.results.find((r) => r.personId === stewards[0])).toMatchObject({ outcome: 'exists' });
    const again = ok<DisbursementBatchResult>(await community1.post(`${P}/disbursements/batch`, { budgetLineId: stipend.id, month: '2023-01', amountFen: 20_000, purpose: '再次' }));
    expect([again.created, again.skipped]).toEqual([0, stewards.length]);
    expect(await count(t.db, "SELECT count(*) FROM disbursements WHERE budget_line_id = $1 AND month = '2023-01'", [stipend.id])).toBe(stewards.length);
    const fund = ok<{ data: BudgetLineDto[] }>(await community1.get(`${P}/lines?year=2023&kind=party_work_fund`)).data[0]!;
    expectError(await community1.post(`${P}/disbursements/batch`, { budgetLineId: fund.id, month: '2023-01', amountFen: 1, purpose: '工作经费不能批量' }), 400);
    expectError(await community1.post(`${P}/disbursements/batch`, { budgetLineId: 2_147_483_647, month: '2023-01', amountFen: 1, purpose: '不存在' }), 404);
  });
});

describe('approval rules', () => {
  let fund: BudgetLineDto;
  beforeAll(async () => {
    fund = ok<{ data: BudgetLineDto[] }>(await admin.get(`${P}/lines?year=2023&nodeId=${community}&kind=party_work_fund`)).data[0]!;
  });
  it('the requester cannot approve their own request (403 FUNDING_SELF_APPROVAL); another approver can', async () => {
    const d = await request(admin, { budgetLineId: fund.id, month: '2023-04', payeeName: '党群服务中心', amountFen: 1_000 });
    const err = expectError(await approve(admin, d.id), 403, 'FUNDING_SELF_APPROVAL');
    expect(err.message).toMatch(/不能审批自己提交/);
    expectError(await admin.post(`${P}/disbursements/${d.id}/reject`, { reason: '自己驳回' }), 403, 'FUNDING_SELF_APPROVAL');
    expect(ok<DisbursementDto>(await approve(sub1, d.id))).toMatchObject({ status: 'approved', decidedByName: expect.any(String) });
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'disbursement.approve' AND target_id = $1", [String(d.id)])).toBe(1);
  });
  it("out of the approver's scope: 404; without funding.approve: 403", async () => {
    const o = await line(admin, 2023, other, 'party_work_fund', 10_000);
    const d = await request(admin, { budgetLineId: o.id, month: '2023-04', payeeName: '外社区', amountFen: 1_000 });
    expectError(await approve(sub1, d.id), 404);
    expectError(await sub1.post(`${P}/disbursements/${d.id}/reject`, { reason: '越权' }), 404);
    expectError(await approve(community1, d.id), 403);
    expectError(await approve(admin, 2_147_483_647), 404);
  });
  it('only pending requests are decided (409); rejecting needs a reason (400)', async () => {
    const d = await request(community1, { budgetLineId: fund.id, month: '2023-05', payeeName: '党群服务中心', amountFen: 1_000 });
    expectError(await admin.post(`${P}/disbursements/${d.id}/reject`, {}), 400);
    expectError(await admin.post(`${P}/disbursements/${d.id}/reject`, { reason: '   ' }), 400);
    const r = ok<DisbursementDto>(await admin.post(`${P}/disbursements/${d.id}/reject`, { reason: '材料不全' }));
    expect(r).toMatchObject({ status: 'rejected', decisionNote: '材料不全' });
    expectError(await approve(admin, d.id), 409, 'ILLEGAL_TRANSITION');
    expectError(await admin.post(`${P}/disbursements/${d.id}/reject`, { reason: '再驳回' }), 409, 'ILLEGAL_TRANSITION');
  });
  it('approving over the budget is refused (409 FUNDING_OVER_BUDGET) and changes nothing', async () => {
    const l = await line(community1, 2022, community, 'station_running', 50_000);
    const a = await request(community1, { budgetLineId: l.id, month: '2022-07', payeeName: '驿站', amountFen: 30_000 });
    const b = await request(community1, { budgetLineId: l.id, month: '2022-08', payeeName: '驿站', amountFen: 20_001 });
    ok(await approve(admin, a.id));
    const err = expectError(await approve(admin, b.id), 409, 'FUNDING_OVER_BUDGET');
    expect(err.message).toMatch(/超出预算/);
    expect(ok<BudgetLineDto>(await admin.get(`${P}/lines/${l.id}`))).toMatchObject({ approvedFen: 30_000, pendingFen: 20_001, remainingFen: 20_000 });
  });
  it('concurrent approvals that together exceed the budget: exactly the ones that fit succeed', async () => {
    const l = await line(community1, 2022, community, 'steward_stipend', 100_000);
    const ds = [];
    for (const p of stewards.slice(0, 5)) ds.push(await request(community1, { budgetLineId: l.id, month: '2022-09', personId: p, amountFen: 30_000 }));
    const results = await Promise.all(ds.map((d) => approve(admin, d.id)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expectError(r, 409, 'FUNDING_OVER_BUDGET');
    expect(ok<BudgetLineDto>(await admin.get(`${P}/lines/${l.id}`))).toMatchObject({ approvedFen: 90_000, pendingFen: 60_000 });
  });
  it('batch approval: the same rules per item in one transaction, reported per item', async () => {
    const stipend = ok<{ data: BudgetLineDto[] }>(await admin.get(`${P}/lines?year=2023&nodeId=${community}&kind=steward_stipend`)).data[0]!;
    expect(stipend.approvedFen).toBe(0);
    const pending = ok<{ data: DisbursementDto[] }>(await admin.get(`${P}/disbursements?budgetLineId=${stipend.id}&status=pending&pageSize=200`)).data;
    const own = await request(admin, { budgetLineId: fund.id, month: '2023-10', payeeName: '自己申请', amountFen: 1 });
    const res = ok<DisbursementBatchApproveResult>(await admin.post(`${P}/disbursements/approve-batch`, { ids: [...pending.map((d) => d.id), own.id, 2_147_483_647] }));
    // 2,400,000 fen pays 120 stipends at 20,000: the first 120 fit, any further ones are over the budget.
    const fits = Math.min(pending.length, 120);
    expect(res.approved).toBe(fits);
    expect(res.results.slice(0, pending.length).map((r) => r.ok)).toEqual(pending.map((_, i) => i < fits));
    for (const r of res.results.slice(fits, pending.length)) expect(r.code).toBe('FUNDING_OVER_BUDGET');
    expect(res.results.find((r) => r.id === own.id)).toMatchObject({ ok: false, code: 'FUNDING_SELF_APPROVAL' });
    expect(res.results.find((r) => r.id === 2_147_483_647)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const after = ok<BudgetLineDto>(await admin.get(`${P}/lines/${stipend.id}`));
    expect(after.approvedFen).toBe(fits * 20_000);
    expect(after.approvedFen).toBeLessThanOrEqual(after.budgetFen);
  });
});
