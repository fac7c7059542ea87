import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaySheetDto, PaySchemeDto } from '@xj/contracts';
import { startTestApp, type TestApp } from '../test/harness.js';
import { count } from '../test/fixtures.js';
import { ok } from '../test/cloud-consultation.js';
import { chinaDateOf } from '../modules/tickets/working-days.js';
import { computePay } from '../modules/worker-pay/pay-computation.js';
import { monthBefore, WORKER_PAY_FIGURES } from './worker-pay-seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('demo pay sheets (三岗十八级)', () => {
  it('a year of sheets per community with workers: older months locked, last month reviewed, this month a draft', async () => {
    const today = chinaDateOf(new Date());
    const rows = await t.db.query<{ month: string; status: string; n: number }>('SELECT month, status, count(*)::int AS n FROM worker_pay_sheets GROUP BY month, status ORDER BY month');
    const communities = await count(t.db, 'SELECT count(DISTINCT community_id) FROM community_workers');
    expect(communities).toBeGreaterThan(0);
    expect(rows).toHaveLength(WORKER_PAY_FIGURES.months);
    expect(rows.every((r) => r.n === communities)).toBe(true);
    expect(rows.at(-1)).toMatchObject({ month: monthBefore(today, 0), status: 'draft' });
    expect(rows.at(-2)).toMatchObject({ month: monthBefore(today, 1), status: 'reviewed' });
    expect(rows.slice(0, -2).every((r) => r.status === 'locked')).toBe(true);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'seed.workerPay'")).toBe(1);
  });

  it("this month's lines carry the bonus of last year's closed annual results (results feed bonuses)", async () => {
    const month = monthBefore(chinaDateOf(new Date()), 0);
    const rows = await t.db.query<{ result: string | null; bonus: number }>(
      'SELECT l.assessment_result AS result, l.bonus FROM worker_pay_lines l JOIN worker_pay_sheets s ON s.id = l.sheet_id WHERE s.month = $1',
      [month],
    );
    expect(rows.filter((r) => r.result !== null).length).toBeGreaterThan(rows.length / 2);
    expect(rows.some((r) => r.result === 'excellent' && r.bonus > 0)).toBe(true);
  });

  it('each line is the module computation over the worker, and the sheet total is the sum of its lines', async () => {
    const admin = await t.login('admin');
    const scheme = ok<PaySchemeDto>(await admin.get('/api/worker-pay/schemes/current'));
    const [{ id }] = (await t.db.query<{ id: number }>("SELECT id FROM worker_pay_sheets WHERE status = 'locked' ORDER BY id LIMIT 1")) as [{ id: number }];
    const sheet = ok<PaySheetDto>(await admin.get(`/api/worker-pay/sheets/${id}`));
    expect(sheet.lines.length).toBeGreaterThan(0);
    expect(sheet.total).toBe(sheet.lines.reduce((s, l) => s + l.total, 0));
    const ws = await t.db.query<{ id: number; education: never; full_time_education: boolean; qualifications: never[]; service_start: string }>(
      "SELECT id, education, full_time_education, qualifications, to_char(service_start, 'YYYY-MM-DD') AS service_start FROM community_workers WHERE id = ANY($1::int[])",
      [sheet.lines.map((l) => l.worker.id)],
    );
    for (const l of sheet.lines) {
      const w = ws.find((x) => x.id === l.worker.id)!;
      const pay = computePay(scheme, { post: l.post, grade: l.grade, education: w.education, fullTimeEducation: w.full_time_education, qualifications: w.qualifications, serviceStart: w.service_start, assessmentResult: l.assessmentResult }, sheet.month);
      expect(l.total).toBe(pay.total + l.adjustment);
    }
  });
});
