import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyRankingDto, MyScoringItemDto, RatingGrade, RatingIndicator, RatingPeriodDto, RatingSource, RectificationDto } from '@xj/contracts';
import { startTestApp, type TestApp } from '../test/harness.js';
import { branchOf, count } from '../test/fixtures.js';
import { ok } from '../test/cloud-consultation.js';
import { chinaDateOf } from '../modules/tickets/working-days.js';
import { cardHundredths, computeRating } from '../modules/property-ratings/rating-scoring.js';
import { PROPERTY_RATING_FIGURES } from './property-ratings-seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const R = '/api/property-ratings';

describe('demo property ratings (四色管理考核)', () => {
  it('the last quarters are published with all four grades; the current quarter is open', async () => {
    const grades = await t.db.query<{ grade: string; n: number }>("SELECT grade, count(*)::int AS n FROM property_ratings WHERE status = 'published' GROUP BY grade");
    expect(grades.map((g) => g.grade).sort()).toEqual(['green', 'grey', 'red', 'yellow']);
    const periods = await t.db.query<{ year: number; seq: number; status: string; deadline: string }>(
      "SELECT year, seq, status, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM rating_periods ORDER BY ends_on, id",
    );
    expect(new Set(periods.map((p) => `${p.year}Q${p.seq}`)).size).toBe(PROPERTY_RATING_FIGURES.quarters);
    const open = periods.filter((p) => p.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((p) => p.deadline >= chinaDateOf(new Date()))).toBe(true);
    expect(await count(t.db, "SELECT count(*) FROM property_ratings WHERE status = 'closed'")).toBe(0);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'seed.propertyRatings'")).toBe(1);
  });

  it('every frozen total and grade is computeRating over the stored scorecards', async () => {
    const rows = await t.db.query<{
      id: number; total: string | null; grade: string | null; missing_sources: RatingSource[];
      indicators: RatingIndicator[]; sources: { source: RatingSource; weight: number }[]; grades: RatingGrade[]; missing_source_rule: 'reweight' | 'zero'; survey_min_answers: number;
    }>(
      `SELECT r.id, r.total, r.grade, r.missing_sources, s.indicators, s.sources, s.grades, s.missing_source_rule, s.survey_min_answers
         FROM property_ratings r JOIN rating_periods p ON p.id = r.period_id JOIN rating_schemes s ON s.id = p.scheme_id WHERE r.status <> 'open' ORDER BY r.id`,
    );
    expect(rows.length).toBeGreaterThan(20);
    const cards = await t.db.query<{ rating_id: number; source: RatingSource; scores: Record<string, number>; score: string }>('SELECT rating_id, source, scores, score FROM rating_scorecards');
    let branchWeighted = 0;
    for (const r of rows) {
      const mine = cards.filter((c) => c.rating_id === r.id);
      const bySource: Partial<Record<RatingSource, number[]>> = {};
      for (const c of mine) {
        const h = cardHundredths(r.indicators, c.scores);
        expect(Number(c.score)).toBe(h / 100);
        (bySource[c.source] ??= []).push(h);
      }
      const result = computeRating({ indicators: r.indicators, sources: r.sources, grades: r.grades, missingSourceRule: r.missing_source_rule, surveyMinAnswers: r.survey_min_answers }, bySource);
      expect([r.total === null ? null : Number(r.total), r.grade, [...r.missing_sources].sort()]).toEqual([result.total, result.grade, [...result.missingSources].sort()]);
      if (!result.missingSources.includes('branch')) branchWeighted++;
    }
    expect(branchWeighted).toBeGreaterThan(0);
    // Some compounds fall short of the survey minimum: the missing-source rule shows.
    expect(rows.some((r) => r.missing_sources.includes('survey'))).toBe(true);
  });

  it('scorecards come from the compound\'s own stewards and committee members, as verified residents; inspections vary in severity', async () => {
    expect(
      await count(
        t.db,
        `SELECT count(*) FROM rating_scorecards sc JOIN property_ratings r ON r.id = sc.rating_id
          WHERE sc.source = 'stewards' AND NOT EXISTS (SELECT 1 FROM stewards s WHERE s.person_id = sc.person_id AND s.compound_id = r.compound_id)`,
      ),
    ).toBe(0);
    expect(
      await count(
        t.db,
        `SELECT count(*) FROM rating_scorecards sc JOIN property_ratings r ON r.id = sc.rating_id
          WHERE sc.source = 'owners_committee' AND NOT EXISTS (SELECT 1 FROM owners_committee_members m JOIN owners_committees oc ON oc.id = m.committee_id
                                                            WHERE m.person_id = sc.person_id AND oc.compound_id = r.compound_id)`,
      ),
    ).toBe(0);
    expect(await count(t.db, "SELECT count(*) FROM rating_scorecards sc JOIN residents x ON x.id = sc.resident_id WHERE sc.source IN ('stewards','owners_committee') AND x.person_id <> sc.person_id")).toBe(0);
    expect(await count(t.db, "SELECT count(*) FROM rating_scorecards WHERE source = 'survey'")).toBeGreaterThan(50);
    const severities = await t.db.query<{ severity: string }>('SELECT DISTINCT severity FROM property_inspections ORDER BY 1');
    expect(severities.map((s) => s.severity)).toEqual(['good', 'minor', 'serious']);
    expect(await count(t.db, 'SELECT count(*) FROM property_inspections i JOIN stewards s ON s.id = i.steward_id WHERE s.compound_id <> i.compound_id')).toBe(0);
  });

  it('low grades carry rectification notices (older ones verified), and one contract is flagged', async () => {
    const community1 = await t.login('community1');
    const list = ok<{ data: RectificationDto[] }>(await community1.get(`${R}/rectifications?pageSize=200`)).data;
    expect(list.length).toBeGreaterThan(0);
    expect(list.some((x) => x.status === 'verified')).toBe(true);
    expect(await count(t.db, 'SELECT count(*) FROM property_ratings WHERE contract_review_flag')).toBeGreaterThan(0);
    expect(
      await count(t.db, "SELECT count(*) FROM property_ratings r WHERE r.status = 'published' AND r.grade IN ('yellow','grey') AND NOT EXISTS (SELECT 1 FROM rating_rectifications x WHERE x.rating_id = r.id)"),
    ).toBe(0);
    const ranking = ok<CompanyRankingDto>(await community1.get(`${R}/companies`));
    expect(ranking.period).not.toBeNull();
    expect(ranking.data.length).toBeGreaterThan(2);
  });

  it('branch1 has its compound\'s branch card to submit in the open quarter', async () => {
    const branch1 = await t.login('branch1');
    const { compoundIds } = await branchOf(t.db, 'branch1');
    const work = ok<{ data: MyScoringItemDto[] }>(await branch1.get(`${R}/scoring`)).data;
    expect(work.some((w) => w.source === 'branch' && !w.submitted)).toBe(true);
    const period = ok<RatingPeriodDto>(await branch1.get(`${R}/periods/${work[0]!.periodId}`));
    expect(period.status).toBe('open');
    expect(period.ratings.map((r) => r.compoundId)).toEqual(compoundIds);
  });
});
