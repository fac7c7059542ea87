import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaySchemeCreate, PaySchemeDto, PaySheetDto, PaySheetSummaryDto, PromotionDueDto, PromotionResultDto, PromotionRulesDto } from '@xj/contracts';
import { XLSX_CONTENT_TYPE } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, grantNodes, testPhone } from '../../test/fixtures.js';
import { headerOf } from '../../test/excel.js';
import { ok } from '../../test/cloud-consultation.js';
import { chinaDateOf } from '../tickets/working-days.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let community: number;
let otherCommunity: number;
const P = '/api/worker-pay';
/** Older than the demo seed's year of sheets. */
const MONTH = '2025-05';
const today = () => chinaDateOf(new Date());
const yearsAgo = (n: number, d = today()) => `${Number(d.slice(0, 4)) - n}${d.slice(4)}`;

/** A worker straight into the registry's tables (the registry's rules are its own tests'). */
async function worker(o: { name: string; post?: string; grade: number; gradeSince: string; education?: string; fullTime?: boolean; quals?: string[]; serviceStart?: string; communityId?: number }): Promise<number> {
  const nodeId = o.communityId ?? community;
  const [p] = await t.db.query<{ id: number }>('INSERT INTO people (name, phone, node_id) VALUES ($1, $2, $3) RETURNING id', [o.name, testPhone(), nodeId]);
  const [w] = await t.db.query<{ id: number }>(
    `INSERT INTO community_workers (person_id, community_id, post, grade, grade_since, batch, recruited_on, education, full_time_education, qualifications, service_start)
     VALUES ($1, $2, $3, $4, $5, '2020年第一批', '2020-03-01', $6, $7, $8::text[], $9) RETURNING id`,
    [p!.id, nodeId, o.post ?? 'staff', o.grade, o.gradeSince, o.education ?? 'bachelor', o.fullTime ?? true, o.quals ?? [], o.serviceStart ?? '2020-03-01'],
  );
  return w!.id;
}
/** A closed annual round of `year` at the community with the given results. */
async function annualRound(year: number, results: [number, string][]): Promise<void> {
  const [r] = await t.db.query<{ id: number }>(
    `INSERT INTO worker_assessment_rounds (name, year, kind, node_id, indicators, deadline, status, closed_at)
     VALUES ($1, $2, 'annual', $3, '[]'::jsonb, $4, 'closed', now()) RETURNING id`,
    [`测试${year}年度`, year, community, `${year}-12-31`],
  );
  for (const [w, result] of results) {
    await t.db.query(`INSERT INTO worker_assessment_results (round_id, worker_id, scores, total, result) VALUES ($1, $2, '{}'::jsonb, 90, $3)`, [r!.id, w, result]);
  }
}

let fixture: number;
let due: number;
let notYet: number;
let sheet: PaySheetDto;
const lineOf = (s: PaySheetDto, w: number) => s.lines.find((l) => l.worker.id === w)!;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  community = (await grantNodes(t.db, 'community1')).find((n) => n.kind === 'community')!.id;
  [{ id: otherCommunity }] = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'community' AND id <> $1 ORDER BY id LIMIT 1", [community])) as [{ id: number }];
  fixture = await worker({ name: '薪酬样例', grade: 7, gradeSince: '2025-01-01', quals: ['social_worker_assistant', 'social_worker'], serviceStart: '2019-06-15' });
  due = await worker({ name: '晋级样例', grade: 5, gradeSince: yearsAgo(3) });
  notYet = await worker({ name: '未满年限', grade: 5, gradeSince: yearsAgo(1) });
  await annualRound(2024, [[fixture, 'competent'], [due, 'excellent'], [notYet, 'competent']]);
});
afterAll(async () => t.close());

describe('scheme', () => {
  it('starts with the default version 1, marked for the county to review', async () => {
    const s = ok<PaySchemeDto>(await community1.get(`${P}/schemes/current`));
    expect([s.version, s.isDefault]).toEqual([1, true]);
    expect(s.basePay.staff).toHaveLength(18);
  });
  it('only the county saves a version, and a bad table is a 400', async () => {
    const s = ok<PaySchemeDto>(await admin.get(`${P}/schemes/current`));
    const body: PaySchemeCreate = { name: s.name, basePay: s.basePay, education: s.education, qualification: s.qualification, seniorityPerYear: s.seniorityPerYear, seniorityCapYears: s.seniorityCapYears, bonus: s.bonus, note: '' };
    expectError(await community1.post(`${P}/schemes`, body), 403);
    expectError(await admin.post(`${P}/schemes`, { ...body, basePay: { ...body.basePay, head: body.basePay.head.slice(1) } }), 400);
    expectError(await admin.post(`${P}/schemes`, { ...body, seniorityPerYear: 12.5 }), 400);
  });
});

describe('pay sheet', () => {
  it('computes a draft for the community with frozen lines matching the hand-computed fixture', async () => {
    sheet = ok<PaySheetDto>(await community1.post(`${P}/sheets`, { communityId: community, month: MONTH }));
    expect([sheet.status, sheet.schemeVersion, sheet.month]).toEqual(['draft', 1, MONTH]);
    // Default scheme v1, staff grade 7: base 2800 + 6 × 80 = 3280; full-time bachelor 200; social worker 400 (> assistant 200, highest only);
    // 2019-06-15 → 2025-05-31 = 5 full years × 30 = 150; 2024 annual result 称职 → 150. Total 3280 + 200 + 400 + 150 + 150 = 4180.
    expect(lineOf(sheet, fixture)).toMatchObject({ post: 'staff', grade: 7, base: 3280, education: 200, qualification: 400, serviceYears: 5, seniority: 150, assessmentResult: 'competent', bonus: 150, adjustment: 0, total: 4180 });
    expect(sheet.totals.total).toBe(sheet.lines.reduce((s, l) => s + l.total, 0));
    expect(sheet.total).toBe(sheet.totals.total);
    expect(lineOf(sheet, fixture).worker.phone).toMatch(/\*{4}/);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'workerPaySheet.compute' AND target_id = $1", [String(sheet.id)])).toBe(1);
  });

  it('refuses a community out of scope (404), a non-community node and a future month (400)', async () => {
    expectError(await community1.post(`${P}/sheets`, { communityId: otherCommunity, month: MONTH }), 404);
    const [sub] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'subdistrict' ORDER BY id LIMIT 1");
    expectError(await admin.post(`${P}/sheets`, { communityId: sub!.id, month: MONTH }), 400);
    expectError(await community1.post(`${P}/sheets`, { communityId: community, month: `${Number(today().slice(0, 4)) + 1}-01` }), 400);
    expectError(await community1.get(`${P}/sheets/${sheet.id + 100000}`), 404);
  });

  it("another community's sheet is out of community1's scope: 404 on read, export and edits", async () => {
    const other = ok<PaySheetDto>(await admin.post(`${P}/sheets`, { communityId: otherCommunity, month: MONTH }));
    expectError(await community1.get(`${P}/sheets/${other.id}`), 404);
    expectError(await community1.get(`${P}/sheets/${other.id}/export.xlsx`), 404);
    expectError(await community1.post(`${P}/sheets/${other.id}/review`, {}), 404);
    expectError(await community1.post(`${P}/sheets/${other.id}/adjustments`, { workerId: fixture, amount: 1, reason: '越权调整' }), 404);
    const mine = ok<{ data: PaySheetSummaryDto[] }>(await community1.get(`${P}/sheets?month=${MONTH}`));
    expect(mine.data.some((s) => s.id === other.id)).toBe(false);
  });

  it('adjusts a draft line with a reason, and a recompute keeps the adjustment', async () => {
    const s = ok<PaySheetDto>(await community1.post(`${P}/sheets/${sheet.id}/adjustments`, { workerId: fixture, amount: 100, reason: '补发上月加班补贴' }));
    expect(lineOf(s, fixture)).toMatchObject({ adjustment: 100, adjustmentReason: '补发上月加班补贴', total: 4280 });
    expect(s.total).toBe(sheet.total + 100);
    expectError(await community1.post(`${P}/sheets/${sheet.id}/adjustments`, { workerId: 2_000_000, amount: 5, reason: '不在表中' }), 404);
    const again = ok<PaySheetDto>(await community1.post(`${P}/sheets`, { communityId: community, month: MONTH }));
    expect(again.id).toBe(sheet.id);
    expect(lineOf(again, fixture).total).toBe(4280);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'workerPaySheet.recompute' AND target_id = $1", [String(sheet.id)])).toBe(1);
  });

  it('reviews (community), then only the county locks; a locked sheet refuses recompute and edits with 409', async () => {
    expectError(await admin.post(`${P}/sheets/${sheet.id}/lock`, {}), 409, 'ILLEGAL_TRANSITION');
    const reviewed = ok<PaySheetDto>(await community1.post(`${P}/sheets/${sheet.id}/review`, {}));
    expect(reviewed.status).toBe('reviewed');
    expect(reviewed.reviewedByName).not.toBeNull();
    expectError(await community1.post(`${P}/sheets/${sheet.id}/adjustments`, { workerId: fixture, amount: 1, reason: '审核后调整' }), 409, 'PAY_SHEET_NOT_DRAFT');
    expectError(await community1.post(`${P}/sheets/${sheet.id}/lock`, {}), 403);
    const locked = ok<PaySheetDto>(await admin.post(`${P}/sheets/${sheet.id}/lock`, {}));
    expect(locked.status).toBe('locked');
    const before = await count(t.db, 'SELECT sum(total) FROM worker_pay_lines WHERE sheet_id = $1', [sheet.id]);
    expectError(await community1.post(`${P}/sheets`, { communityId: community, month: MONTH }), 409, 'PAY_SHEET_LOCKED');
    expectError(await community1.post(`${P}/sheets/${sheet.id}/adjustments`, { workerId: fixture, amount: 0, reason: '撤销' }), 409, 'PAY_SHEET_LOCKED');
    expectError(await community1.post(`${P}/sheets/${sheet.id}/review`, {}), 409, 'PAY_SHEET_LOCKED');
    expect(await count(t.db, 'SELECT sum(total) FROM worker_pay_lines WHERE sheet_id = $1', [sheet.id])).toBe(before);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'workerPaySheet.lock' AND target_id = $1", [String(sheet.id)])).toBe(1);
  });

  it('lists sheets in scope and exports one with a totals row', async () => {
    const list = ok<{ data: PaySheetSummaryDto[] }>(await community1.get(`${P}/sheets?month=${MONTH}`));
    expect(list.data.map((s) => s.id)).toContain(sheet.id);
    expect(list.data.every((s) => s.communityId === community)).toBe(true);
    const res = await community1.get(`${P}/sheets/${sheet.id}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_CONTENT_TYPE);
    expect(await headerOf(res.rawPayload)).toContain('应发合计（元）');
  });

  it('a new scheme version leaves the locked sheet on the version it was computed with', async () => {
    const s = ok<PaySchemeDto>(await admin.get(`${P}/schemes/current`));
    const v = ok<PaySchemeDto>(
      await admin.post(`${P}/schemes`, { name: '2027年方案', basePay: { ...s.basePay, staff: s.basePay.staff.map((x) => x + 100) }, education: s.education, qualification: s.qualification, seniorityPerYear: s.seniorityPerYear, seniorityCapYears: s.seniorityCapYears, bonus: s.bonus, note: '上调' }),
      201,
    );
    expect([v.version, v.isDefault]).toEqual([s.version + 1, false]);
    const kept = ok<PaySheetDto>(await community1.get(`${P}/sheets/${sheet.id}`));
    expect([kept.schemeVersion, lineOf(kept, fixture).base]).toEqual([1, 3280]);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'workerPayScheme.create' AND target_id = $1", [String(v.id)])).toBe(1);
  });
});

describe('promotions', () => {
  it('lists who is due in scope, with the reason for each rule', async () => {
    const list = ok<{ data: PromotionDueDto[] }>(await community1.get(`${P}/promotions/due`));
    const d = list.data.find((x) => x.worker.id === due)!;
    expect(d.toGrade).toBe(6);
    expect(d.checks.map((c) => c.rule).sort()).toEqual(['assessment', 'max_grade', 'qualification', 'years_at_grade']);
    expect(d.checks.every((c) => c.met && c.detail.length > 0)).toBe(true);
    expect(list.data.some((x) => x.worker.id === notYet)).toBe(false);
    expect(list.data.every((x) => x.worker.communityId === community || x.worker.communityName)).toBe(true);
  });

  it('applies +1 grade (county only), re-checking eligibility; the history and audit record it', async () => {
    expectError(await community1.post(`${P}/promotions`, { workerId: due, reason: '年度晋级' }), 403);
    expectError(await admin.post(`${P}/promotions`, { workerId: notYet, reason: '年度晋级' }), 409, 'PROMOTION_NOT_ELIGIBLE');
    expectError(await admin.post(`${P}/promotions`, { workerId: 2_000_000, reason: '年度晋级' }), 404);
    const r = ok<PromotionResultDto>(await admin.post(`${P}/promotions`, { workerId: due, reason: '2024年度考核优秀，任现级满3年' }));
    expect(r).toEqual({ workerId: due, fromGrade: 5, toGrade: 6, effectiveOn: today() });
    const [w] = await t.db.query<{ grade: number; since: string }>("SELECT grade, to_char(grade_since, 'YYYY-MM-DD') AS since FROM community_workers WHERE id = $1", [due]);
    expect(w).toEqual({ grade: 6, since: today() });
    expect(await count(t.db, "SELECT count(*) FROM community_worker_changes WHERE worker_id = $1 AND kind = 'promotion' AND from_grade = 5 AND to_grade = 6", [due])).toBe(1);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'worker.promote' AND target_id = $1", [String(due)])).toBe(1);
    // The grade has just taken effect: not due again.
    expectError(await admin.post(`${P}/promotions`, { workerId: due, reason: '再次晋级' }), 409, 'PROMOTION_NOT_ELIGIBLE');
  });

  it('the county changes the rules (audited); the new rules decide who is due', async () => {
    const rules = ok<PromotionRulesDto>(await admin.get(`${P}/promotion-rules`));
    expect(rules.isDefault).toBe(true);
    const { isDefault: _a, updatedAt: _b, updatedByName: _c, ...body } = rules;
    expectError(await community1.request({ method: 'POST', url: `${P}/promotion-rules`, payload: { ...body, yearsAtGrade: 1 } }), 403);
    expectError(await admin.request({ method: 'POST', url: `${P}/promotion-rules`, payload: { ...body, minCompetentResults: 3 } }), 400);
    const changed = ok<PromotionRulesDto>(await admin.request({ method: 'POST', url: `${P}/promotion-rules`, payload: { ...body, yearsAtGrade: 1 } }));
    expect([changed.yearsAtGrade, changed.isDefault]).toEqual([1, false]);
    const list = ok<{ data: PromotionDueDto[] }>(await community1.get(`${P}/promotions/due?communityId=${community}`));
    expect(list.data.some((x) => x.worker.id === notYet)).toBe(true);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'workerPromotionRules.update'")).toBe(1);
    await admin.request({ method: 'POST', url: `${P}/promotion-rules`, payload: body });
  });
});
