import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentRoundDto, AssessmentRoundSummaryDto, TrainingShortfallDto } from '@xj/contracts';
import { startTestApp, type TestApp } from '../test/harness.js';
import { count } from '../test/fixtures.js';
import { ok } from '../test/cloud-consultation.js';
import { earnedLevel, totalHundredths } from '../modules/worker-development/assessment-scoring.js';
import { DEMO_INDICATORS } from './worker-development-seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const R = '/api/worker-development';

describe('demo assessments and training of community workers', () => {
  it('last year’s annual round is closed with every worker then in post scored, in a realistic spread', async () => {
    const admin = await t.login('admin');
    const rounds = ok<{ data: AssessmentRoundSummaryDto[] }>(await admin.get(`${R}/rounds`)).data;
    const annual = rounds.find((r) => r.kind === 'annual')!;
    expect(annual.status).toBe('closed');
    const detail = ok<AssessmentRoundDto>(await admin.get(`${R}/rounds/${annual.id}`));
    const scored = detail.rows.filter((r) => r.score !== null).length;
    expect(scored).toBeGreaterThan(100);
    const share = (l: string) => detail.levels[l as keyof typeof detail.levels] / scored;
    expect(share('competent')).toBeGreaterThan(0.6);
    expect(share('excellent')).toBeGreaterThan(0.1);
    expect(share('excellent')).toBeLessThan(0.2);
    expect(detail.levels.basically_competent).toBeGreaterThan(0);
    expect([1, 2]).toContain(detail.levels.incompetent);
    // Stored totals agree with the scoring rule; a recorded level is never above the earned one.
    for (const r of detail.rows.filter((x) => x.score)) {
      const h = totalHundredths(DEMO_INDICATORS, r.score!.scores);
      expect(r.score!.total).toBe(h / 100);
      expect(r.score!.earned).toBe(earnedLevel(h));
    }
    const open = rounds.find((r) => r.kind === 'half_year')!;
    expect(open.status).toBe('open');
    expect(open.scored).toBeGreaterThan(0);
    expect(open.scored).toBeLessThan(open.workers);
  });

  it('a year of training leaves a handful of workers short of the default 40 hours', async () => {
    const admin = await t.login('admin');
    const [{ year }] = (await t.db.query<{ year: number }>('SELECT extract(year FROM min(starts_on))::int AS year FROM worker_training_courses')) as [{ year: number }];
    const courses = await count(t.db, 'SELECT count(*) FROM worker_training_courses');
    expect(courses).toBeGreaterThanOrEqual(10);
    expect(courses).toBeLessThanOrEqual(15);
    const short = ok<TrainingShortfallDto>(await admin.get(`${R}/training/shortfall?year=${year}`));
    expect(short.required).toMatchObject({ hours: 40, isDefault: true });
    const trained = await count(t.db, 'SELECT count(DISTINCT worker_id) FROM worker_training_attendance');
    // Short: the seeded handful plus anyone recruited too late in the year to train.
    expect(short.data.length).toBeGreaterThanOrEqual(5);
    expect(short.workers - short.data.length).toBeGreaterThan(trained - 10);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'seed.workerDevelopment'")).toBe(1);
  });
});
