import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CompanyGradeHistoryDto,
  CompanyRankingDto,
  MyScoringItemDto,
  NotificationList,
  PropertyRatingDto,
  RatingPeriodDto,
  RatingSchemeCreate,
  RatingSchemeDto,
  RatingScorecardDto,
  RectificationDto,
} from '@xj/contracts';
import { XLSX_CONTENT_TYPE } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError } from '../../test/fixtures.js';
import { headerOf } from '../../test/excel.js';
import { ok } from '../../test/cloud-consultation.js';
import { addDays, chinaDateOf } from '../tickets/working-days.js';
import { remindRatingPeriods } from './rating-reminders.js';
import { rankCompanies } from './rating-companies.js';
import type { RatingRow } from './property-ratings.repo.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let branch2: Client;
let subdistrict1: Client;
/** branch1's compound, and a second compound of community1's community (both under contract). */
let c1: number;
let c2: number;
let community: number;

const R = '/api/property-ratings';
const today = () => chinaDateOf(new Date());
const year = () => Number(today().slice(0, 4));
const put = (c: Client, url: string, body: unknown) => c.request({ method: 'PUT', url, payload: body as object });
const all = (n: number) => ({ cleaning: n, greening: n, security: n, repairs: n, fees: n, complaints: n, cooperation: n });

const defaultScheme = async (): Promise<RatingSchemeCreate> => {
  const s = ok<RatingSchemeDto>(await admin.get(`${R}/schemes/current`));
  return { name: s.name, indicators: s.indicators, sources: s.sources, grades: s.grades, missingSourceRule: s.missingSourceRule, surveyMinAnswers: s.surveyMinAnswers, rectificationDays: s.rectificationDays, note: '' };
};

/** The year-long period over c1 and c2 that most tests use (quarters are the demo data's). */
let period: RatingPeriodDto;
const ratingOf = (compoundId: number) => period.ratings.find((r) => r.compoundId === compoundId)!.id;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  subdistrict1 = await t.login('subdistrict1');
  c1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  const [row] = await t.db.query<{ community: number; c2: number }>(
    `SELECT n.parent_id AS community, (SELECT o.id FROM nodes o JOIN property_contracts pc ON pc.compound_id = o.id
        WHERE o.parent_id = n.parent_id AND o.id <> n.id AND o.kind = 'compound' AND pc.start_date <= $2::date AND pc.end_date >= $2::date ORDER BY o.id LIMIT 1) AS c2
       FROM nodes n WHERE n.id = $1`,
    [c1, `${year()}-12-31`],
  );
  community = row!.community;
  c2 = row!.c2;
});
afterAll(async () => t.close());

describe('opening a period', () => {
  it('opens at the community for the listed compounds with the current scheme version, audited', async () => {
    const res = await community1.post(`${R}/periods`, { nodeId: community, kind: 'year', year: year(), seq: 1, deadline: addDays(today(), 10), compoundIds: [c1, c2] });
    period = ok<RatingPeriodDto>(res, 201);
    expect(period.name).toBe(`${year()}年度`);
    expect([period.startsOn, period.endsOn]).toEqual([`${year()}-01-01`, `${year()}-12-31`]);
    expect(period.status).toBe('open');
    expect(period.ratings.map((r) => r.compoundId).sort()).toEqual([c1, c2].sort());
    expect(period.ratings.every((r) => r.status === 'open' && r.total === null)).toBe(true);
    expect(period.scheme.version).toBe(period.schemeVersion);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'ratingPeriod.open' AND target_id = $1", [String(period.id)])).toBe(1);
  });

  it('refuses a compound already in a period of the same kind, year and sequence (naming it)', async () => {
    const e = expectError(await community1.post(`${R}/periods`, { nodeId: community, kind: 'year', year: year(), seq: 1, deadline: addDays(today(), 10), compoundIds: [c1] }), 409, 'CONFLICT');
    expect(e.message).toContain(period.ratings.find((r) => r.compoundId === c1)!.compoundName);
  });

  it('refuses impossible sequences, deadlines out of range, compounds without a contract, and nodes out of scope', async () => {
    const base = { nodeId: community, kind: 'half_year', year: year(), seq: 2, deadline: addDays(today(), 10), compoundIds: [c1] };
    expectError(await community1.post(`${R}/periods`, { ...base, seq: 3 }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(`${R}/periods`, { ...base, deadline: `${year() + 1}-03-05` }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(`${R}/periods`, { ...base, deadline: `${year()}-07-01` }), 400, 'VALIDATION_FAILED');
    const [bare] = await t.db.query<{ id: number }>(
      "SELECT n.id FROM nodes n WHERE n.parent_id = $1 AND n.kind = 'compound' AND NOT EXISTS (SELECT 1 FROM property_contracts pc WHERE pc.compound_id = n.id) LIMIT 1",
      [community],
    );
    if (bare) expectError(await community1.post(`${R}/periods`, { ...base, compoundIds: [bare.id] }), 400, 'VALIDATION_FAILED');
    const [other] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'community' AND id <> $1 ORDER BY id DESC LIMIT 1", [community]);
    expectError(await community1.post(`${R}/periods`, { ...base, nodeId: other!.id }), 404);
    expectError(await branch1.post(`${R}/periods`, base), 403);
  });
});

describe('schemes', () => {
  it('refuses weights that do not sum to 100, and saves a good scheme as the next version; open periods keep theirs', async () => {
    const good = await defaultScheme();
    const bad = { ...good, sources: good.sources.map((s, i) => (i === 0 ? { ...s, weight: s.weight - 5 } : s)) };
    const e = expectError(await admin.post(`${R}/schemes`, bad), 400);
    expect(['VALIDATION_FAILED', 'RATING_SCHEME_INVALID']).toContain(e.code);
    expect(JSON.stringify(e)).toContain('100');
    expectError(await admin.post(`${R}/schemes`, { ...good, indicators: good.indicators.map((i, n) => (n === 0 ? { ...i, weight: i.weight + 1 } : i)) }), 400);
    expectError(await community1.post(`${R}/schemes`, good), 403);

    const before = ok<RatingSchemeDto>(await admin.get(`${R}/schemes/current`)).version;
    const saved = ok<RatingSchemeDto>(await admin.post(`${R}/schemes`, { ...good, name: '第二版考核方案', surveyMinAnswers: 3 }), 201);
    expect(saved.version).toBe(before + 1);
    expect(ok<RatingSchemeDto>(await admin.get(`${R}/schemes/current`)).id).toBe(saved.id);
    expect(ok<{ data: RatingSchemeDto[] }>(await community1.get(`${R}/schemes`)).data[0]!.version).toBe(saved.version);
    const again = ok<RatingPeriodDto>(await community1.get(`${R}/periods/${period.id}`));
    expect(again.schemeVersion).toBe(period.schemeVersion);
    expect(again.scheme.surveyMinAnswers).toBe(period.scheme.surveyMinAnswers);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'ratingScheme.create' AND target_id = $1", [String(saved.id)])).toBe(1);
  });
});

describe('staff scorecards and scope', () => {
  it('lists the scorer\'s work: branch1 the branch card of its compound, community1 the regulator cards', async () => {
    const b = ok<{ data: MyScoringItemDto[] }>(await branch1.get(`${R}/scoring`)).data.filter((x) => x.periodId === period.id);
    expect(b.map((x) => [x.ratingId, x.source])).toEqual([[ratingOf(c1), 'branch']]);
    const c = ok<{ data: MyScoringItemDto[] }>(await community1.get(`${R}/scoring`)).data.filter((x) => x.periodId === period.id);
    expect(c.map((x) => x.source)).toEqual(['regulator', 'regulator']);
  });

  it('a branch scores only its own compound; another compound answers 404; the regulator card is the community\'s', async () => {
    expectError(await put(branch1, `${R}/ratings/${ratingOf(c2)}/scorecards/branch`, { scores: all(80) }), 404);
    expectError(await put(branch2, `${R}/ratings/${ratingOf(c1)}/scorecards/branch`, { scores: all(80) }), 404);
    expectError(await branch2.get(`${R}/ratings/${ratingOf(c1)}`), 404);
    expectError(await put(branch1, `${R}/ratings/${ratingOf(c1)}/scorecards/regulator`, { scores: all(80) }), 403, 'RATING_NOT_SCORER');
    expectError(await put(community1, `${R}/ratings/${ratingOf(c1)}/scorecards/branch`, { scores: all(80) }), 403, 'RATING_NOT_SCORER');
    expectError(await put(subdistrict1, `${R}/ratings/${ratingOf(c1)}/scorecards/regulator`, { scores: all(80) }), 403);
  });

  it('every indicator of the period\'s scheme must be scored, and nothing else', async () => {
    const { cooperation: _c, ...missing } = all(80);
    const e = expectError(await put(branch1, `${R}/ratings/${ratingOf(c1)}/scorecards/branch`, { scores: missing }), 400, 'VALIDATION_FAILED');
    expect(e.message).toContain('配合支部工作');
    expectError(await put(branch1, `${R}/ratings/${ratingOf(c1)}/scorecards/branch`, { scores: { ...all(80), parking: 50 } }), 400, 'VALIDATION_FAILED');
    expectError(await put(branch1, `${R}/ratings/${ratingOf(c1)}/scorecards/branch`, { scores: all(101) }), 400, 'VALIDATION_FAILED');
  });

  it('the branch submits and revises its card (audited); the community scores as regulator; the live total follows', async () => {
    const first = ok<RatingScorecardDto>(await put(branch1, `${R}/ratings/${ratingOf(c1)}/scorecards/branch`, { scores: all(50), comment: '初评' }));
    expect(first.score).toBe(50);
    // cleaning 15×90 + greening 10×80 + security 15×85 + repairs 20×70 + fees 10×100 + complaints 15×75 + cooperation 15×95 = 8375 → 83.75
    const revised = ok<RatingScorecardDto>(
      await put(branch1, `${R}/ratings/${ratingOf(c1)}/scorecards/branch`, { scores: { cleaning: 90, greening: 80, security: 85, repairs: 70, fees: 100, complaints: 75, cooperation: 95 } }),
    );
    expect(revised.id).toBe(first.id);
    expect(revised.score).toBe(83.75);
    expect(revised.byName).toContain('支部书记');
    ok(await put(community1, `${R}/ratings/${ratingOf(c1)}/scorecards/regulator`, { scores: all(60) }));
    ok(await put(community1, `${R}/ratings/${ratingOf(c2)}/scorecards/regulator`, { scores: all(60) }));
    const actions = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'ratingScorecard.%' AND target_id = $1 ORDER BY id", [String(ratingOf(c1))]);
    expect(actions.map((a) => a.action)).toEqual(['ratingScorecard.submit', 'ratingScorecard.revise', 'ratingScorecard.submit']);

    const live = ok<PropertyRatingDto>(await branch1.get(`${R}/ratings/${ratingOf(c1)}`));
    // Reweight: survey, owners' committee and stewards are missing; (30 × 83.75 + 15 × 60) / 45 = 75.8333… → 75.83
    expect(live.result.total).toBe(75.83);
    expect(live.result.grade).toBe('yellow');
    expect(live.result.missingSources.sort()).toEqual(['owners_committee', 'stewards', 'survey']);
    expect(live.result.sources.find((s) => s.source === 'branch')).toMatchObject({ score: 83.75, appliedWeight: 66.67, scorecards: 1 });
    expect(live.canScore).toEqual(['branch']);
    expect(live.total).toBeNull();
  });

  it('after the deadline the cards are refused with RATING_DEADLINE_PASSED', async () => {
    await t.db.query('UPDATE rating_periods SET deadline = $2 WHERE id = $1', [period.id, addDays(today(), -1)]);
    expectError(await put(branch1, `${R}/ratings/${ratingOf(c1)}/scorecards/branch`, { scores: all(99) }), 409, 'RATING_DEADLINE_PASSED');
    await t.db.query('UPDATE rating_periods SET deadline = $2 WHERE id = $1', [period.id, addDays(today(), 10)]);
  });
});

describe('reminders', () => {
  it('chases the scorers missing a card, once a day; the daily job takes periods due within three days', async () => {
    // c2's branch card is missing (its branch has no account here); all regulator cards are in.
    const first = ok<{ notifications: number; missing: number }>(await community1.post(`${R}/periods/${period.id}/remind`));
    expect(first.missing).toBe(1);
    expectError(await community1.post(`${R}/periods/${period.id}/remind`), 409, 'CONFLICT');
    expectError(await branch1.post(`${R}/periods/${period.id}/remind`), 403);
    // Not due yet for the job today; two days before the deadline it is (a new China day).
    expect((await t.db.tx((q) => remindRatingPeriods(q, { now: new Date() }))).periods).toBe(0);
    const soon = new Date(Date.parse(`${addDays(today(), 8)}T04:00:00Z`));
    const done = await t.db.tx((q) => remindRatingPeriods(q, { now: soon }));
    expect(done.periods).toBeGreaterThanOrEqual(1);
    expect((await t.db.tx((q) => remindRatingPeriods(q, { now: soon }))).periods).toBe(0);
  });
});

describe('closing and publishing', () => {
  it('publishing before the period closes is refused', async () => {
    expectError(await community1.post(`${R}/ratings/${ratingOf(c1)}/publish`), 409, 'RATING_NOT_OPEN');
    expectError(await community1.post(`${R}/periods/${period.id}/publish`), 409, 'RATING_NOT_OPEN');
  });

  it('close freezes total, grade and breakdown; cards are no longer taken', async () => {
    expectError(await branch1.post(`${R}/periods/${period.id}/close`), 403);
    const closed = ok<RatingPeriodDto>(await community1.post(`${R}/periods/${period.id}/close`));
    expect(closed.status).toBe('closed');
    const r1 = closed.ratings.find((r) => r.compoundId === c1)!;
    expect([r1.status, r1.total, r1.grade]).toEqual(['closed', 75.83, 'yellow']);
    expect(closed.ratings.find((r) => r.compoundId === c2)).toMatchObject({ total: 60, grade: 'grey', missingSources: ['branch', 'owners_committee', 'survey', 'stewards'] });
    expect(closed.grades).toEqual({ yellow: 1, grey: 1 });
    const detail = ok<PropertyRatingDto>(await community1.get(`${R}/ratings/${r1.id}`));
    expect(detail.result.computedAt).not.toBeNull();
    expect(detail.canPublish).toBe(true);
    expectError(await put(branch1, `${R}/ratings/${r1.id}/scorecards/branch`, { scores: all(99) }), 409, 'RATING_NOT_OPEN');
    expectError(await community1.post(`${R}/periods/${period.id}/close`), 409, 'RATING_NOT_OPEN');
  });

  it('a low grade issues a rectification notice and tells the community; a second low in a row flags the contract to the branch', async () => {
    // The same companies' previous published ratings (the latest earlier period end, after any demo quarter): grey at c1, green at c2.
    const [prev] = await t.db.query<{ id: number }>(
      `INSERT INTO rating_periods (scheme_id, node_id, kind, year, seq, name, starts_on, ends_on, deadline, status, closed_at)
       VALUES ($1, $2, 'half_year', 2001, 2, '测试上一期', $3, $4, $4, 'closed', now()) RETURNING id`,
      [period.schemeId, community, `${year()}-07-01`, `${year()}-12-30`],
    );
    for (const [compound, grade, total] of [[c1, 'grey', 55], [c2, 'green', 85]] as const) {
      await t.db.query(
        `INSERT INTO property_ratings (period_id, compound_id, company_id, status, total, grade, breakdown, computed_at, published_at)
         SELECT $1, $2, company_id, 'published', $4, $3, '{}'::jsonb, now(), now() FROM property_ratings WHERE period_id = $5 AND compound_id = $2`,
        [prev!.id, compound, grade, total, period.id],
      );
    }
    const communityUser = (await t.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'community1'"))[0]!.id;
    const notes = (kind: string) => count(t.db, 'SELECT count(*) FROM notifications WHERE kind = $1', [kind]);
    const rectBefore = await notes('rating_rectification');

    const one = ok<PropertyRatingDto>(await community1.post(`${R}/ratings/${ratingOf(c1)}/publish`));
    expect(one.status).toBe('published');
    expect(one.contractReviewFlag).toBe(true);
    expect(one.rectification).toMatchObject({ status: 'open', deadline: addDays(today(), period.scheme.rectificationDays), grade: 'yellow' });
    expectError(await community1.post(`${R}/ratings/${ratingOf(c1)}/publish`), 409, 'RATING_NOT_OPEN');

    const bulk = ok<{ published: number; rectifications: number; flagged: number }>(await community1.post(`${R}/periods/${period.id}/publish`));
    expect(bulk).toEqual({ published: 1, rectifications: 1, flagged: 0 });
    expect(await notes('rating_rectification')).toBe(rectBefore + 2);
    expect(await count(t.db, "SELECT count(*) FROM notifications WHERE kind = 'rating_rectification' AND user_id = $1", [communityUser])).toBe(2);
    const b1 = ok<NotificationList>(await branch1.get('/api/notifications?pageSize=50'));
    expect(b1.data.some((n) => n.kind === 'rating_contract_review' && n.message.includes(one.companyName))).toBe(true);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'propertyRating.publish' AND target_id = ANY($1::text[])", [[String(ratingOf(c1)), String(ratingOf(c2))]])).toBe(2);
    const c2r = ok<PropertyRatingDto>(await community1.get(`${R}/ratings/${ratingOf(c2)}`));
    expect(c2r.contractReviewFlag).toBe(false);
  });

  it('rectifications: listed in scope, reported, then verified (audited)', async () => {
    const list = ok<{ data: RectificationDto[] }>(await community1.get(`${R}/rectifications?pageSize=200`)).data;
    const x = list.find((r) => r.ratingId === ratingOf(c1))!;
    expect(x.status).toBe('open');
    expect(ok<{ data: RectificationDto[] }>(await branch2.get(`${R}/rectifications?pageSize=200`)).data.some((r) => r.id === x.id)).toBe(false);
    expectError(await community1.post(`${R}/rectifications/${x.id}/verify`, { note: '尚未整改' }), 409, 'CONFLICT');
    expectError(await branch1.post(`${R}/rectifications/${x.id}/report`, { report: '已整改完毕' }), 403);
    const reported = ok<RectificationDto>(await community1.post(`${R}/rectifications/${x.id}/report`, { report: '已清理楼道杂物，维修路灯 6 盏' }));
    expect(reported.status).toBe('reported');
    const verified = ok<RectificationDto>(await community1.post(`${R}/rectifications/${x.id}/verify`, { note: '现场查看，已整改到位' }));
    expect(verified).toMatchObject({ status: 'verified', verifyNote: '现场查看，已整改到位' });
    expect(verified.verifiedByName).toBeTruthy();
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action LIKE 'ratingRectification.%' AND target_id = $1", [String(x.id)])).toBe(2);
  });
});

describe('companies', () => {
  it('ranks the period\'s companies by mean total, and shows a company\'s grade history', async () => {
    const ranking = ok<CompanyRankingDto>(await community1.get(`${R}/companies?periodId=${period.id}`));
    expect(ranking.period!.id).toBe(period.id);
    expect(ranking.data.map((r) => [r.rank, r.meanTotal])).toEqual([[1, 75.83], [2, 60]]);
    expect(ranking.data[0]).toMatchObject({ compounds: 1, lowGrades: 1, flagged: 1, grades: { yellow: 1 } });
    const history = ok<CompanyGradeHistoryDto>(await community1.get(`${R}/companies/${ranking.data[0]!.companyId}/history`));
    expect(history.ratings.map((r) => r.periodEndsOn)).toContain(`${year()}-12-31`);
    expect(history.ratings.find((r) => r.periodId === period.id)).toMatchObject({ grade: 'yellow', gradeColour: '#d4b106' });
    expectError(await community1.get(`${R}/companies/2147483647/history`), 404);
  });

  it('ties: the same mean ranks more compounds first, then by name', () => {
    const row = (id: number, name: string, total: number) => ({ company_id: id, company_name: name, total: String(total), grade: 'green', contract_review_flag: false }) as unknown as RatingRow;
    const ranked = rankCompanies([row(1, '乙物业', 85), row(2, '甲物业', 85), row(3, '丙物业', 80), row(3, '丙物业', 90), row(4, '丁物业', 90)], new Set(['grey']));
    expect(ranked.map((r) => [r.rank, r.companyName, r.meanTotal])).toEqual([
      [1, '丁物业', 90],
      [2, '丙物业', 85],
      [3, '甲物业', 85],
      [4, '乙物业', 85],
    ]);
  });

  it('exports the period\'s results and the ranking as real workbooks', async () => {
    const res = await community1.get(`${R}/periods/${period.id}/results.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    const header = await headerOf(res.rawPayload);
    expect(header).toEqual(expect.arrayContaining(['小区', '物业服务企业', '小区党支部', '总分', '等级']));
    const ranking = await community1.get(`${R}/companies.xlsx?periodId=${period.id}`);
    expect(ranking.statusCode).toBe(200);
    expect(await headerOf(ranking.rawPayload)).toEqual(expect.arrayContaining(['排名', '物业服务企业', '平均分']));
    expectError(await branch2.get(`${R}/periods/${period.id}/results.xlsx`), 404);
  });
});
