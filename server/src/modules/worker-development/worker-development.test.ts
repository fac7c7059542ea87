import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { AssessmentRoundDto, AssessmentRoundSummaryDto, AssessmentRowDto, TrainingCourseDetailDto, TrainingRequirementDto, TrainingShortfallDto, WorkerRecordDto } from '@xj/contracts';
import { XLSX_CONTENT_TYPE } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, grantNodes } from '../../test/fixtures.js';
import { headerOf } from '../../test/excel.js';
import { ok } from '../../test/cloud-consultation.js';
import { earnedLevel, totalHundredths } from './assessment-scoring.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let county: number;
/** community1's community, and another community outside its scope. */
let home: number;
let other: number;
/** Workers inserted by SQL: three at home (one has left), one in the other community. */
let w1: number;
let w2: number;
let gone: number;
let far: number;

const R = '/api/worker-development';
const put = (c: Client, url: string, body: unknown) => c.request({ method: 'PUT', url, payload: body as object });
const INDICATORS = [
  { code: 'duty', name: '履职尽责', weight: 40 },
  { code: 'service', name: '服务群众', weight: 35 },
  { code: 'discipline', name: '遵规守纪', weight: 25 },
];
const s = (duty: number, service: number, discipline: number) => ({ duty, service, discipline });
const YEAR = 2031;

let seq = 0;
async function insertWorker(communityId: number, status: 'active' | 'left' = 'active'): Promise<number> {
  seq++;
  const [p] = await t.db.query<{ id: number }>(`INSERT INTO people (name, node_id) VALUES ($1, $2) RETURNING id`, [`测试社工${seq}`, communityId]);
  const [w] = await t.db.query<{ id: number }>(
    `INSERT INTO community_workers (person_id, community_id, post, grade, grade_since, batch, recruited_on, education, full_time_education, service_start, status, left_on)
     VALUES ($1, $2, 'staff', 3, '2022-01-01', '2020年第一批', '2020-06-01', 'bachelor', true, '2020-06-01', $3, $4) RETURNING id`,
    [p!.id, communityId, status, status === 'left' ? '2024-01-01' : null],
  );
  return w!.id;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  home = (await grantNodes(t.db, 'community1'))[0]!.id;
  [{ id: county }] = await t.db.query<{ id: number }>(`SELECT id FROM nodes WHERE kind = 'county' ORDER BY id LIMIT 1`) as [{ id: number }];
  [{ id: other }] = await t.db.query<{ id: number }>(`SELECT id FROM nodes WHERE kind = 'community' AND id <> $1 ORDER BY id LIMIT 1`, [home]) as [{ id: number }];
  w1 = await insertWorker(home);
  w2 = await insertWorker(home);
  gone = await insertWorker(home, 'left');
  far = await insertWorker(other);
});
afterAll(async () => t.close());

describe('scoring arithmetic (hand-computed)', () => {
  it('weighted totals are exact to 2 decimals and levels follow the thresholds, boundaries inclusive', () => {
    // 40×83 + 35×91 + 25×67 = 3320 + 3185 + 1675 = 8180 → 81.80
    expect(totalHundredths(INDICATORS, s(83, 91, 67))).toBe(8180);
    // 40×77 + 35×73 + 25×74 = 3080 + 2555 + 1850 = 7485 → 74.85
    expect(totalHundredths(INDICATORS, s(77, 73, 74))).toBe(7485);
    expect(earnedLevel(9000)).toBe('excellent');
    expect(earnedLevel(8999)).toBe('competent');
    expect(earnedLevel(7500)).toBe('competent');
    expect(earnedLevel(7485)).toBe('basically_competent');
    expect(earnedLevel(6000)).toBe('basically_competent');
    expect(earnedLevel(5999)).toBe('incompetent');
    expect(earnedLevel(0)).toBe('incompetent');
  });
});

describe('assessment rounds', () => {
  let round: AssessmentRoundDto;
  let countyRound: AssessmentRoundDto;

  it('refuses indicators whose weights do not sum to 100, in Chinese', async () => {
    const res = await community1.post(`${R}/rounds`, { nodeId: home, name: '测试考核', year: YEAR, kind: 'annual', deadline: `${YEAR}-01-31`, indicators: [...INDICATORS.slice(0, 2), { code: 'discipline', name: '遵规守纪', weight: 20 }] });
    expect(expectError(res, 400, 'VALIDATION_FAILED').message).toContain('100%');
    expect(await count(t.db, `SELECT count(*) FROM worker_assessment_rounds WHERE year = $1`, [YEAR])).toBe(0);
  });

  it('opens a round for the active workers of the subtree, audited', async () => {
    round = ok<AssessmentRoundDto>(await community1.post(`${R}/rounds`, { nodeId: home, name: `${YEAR}年度考核`, year: YEAR, kind: 'annual', deadline: `${YEAR}-01-31`, indicators: INDICATORS }), 201);
    expect(round.status).toBe('open');
    const ids = round.rows.map((r) => r.worker.id);
    expect(ids).toEqual(expect.arrayContaining([w1, w2]));
    expect(ids).not.toContain(gone);
    expect(ids).not.toContain(far);
    expect(round.rows.every((r) => r.score === null && r.canScore)).toBe(true);
    expect(round.canClose).toBe(true);
    expect(await count(t.db, `SELECT count(*) FROM audit_log WHERE action = 'workerAssessment.open' AND target_id = $1`, [String(round.id)])).toBe(1);
  });

  it('cannot open a round at a node outside the scope (404)', async () => {
    expectError(await community1.post(`${R}/rounds`, { nodeId: other, name: '越权考核', year: YEAR, kind: 'annual', deadline: `${YEAR}-01-31`, indicators: INDICATORS }), 404, 'NOT_FOUND');
  });

  it('scores a worker: weighted total and earned level', async () => {
    const row = ok<AssessmentRowDto>(await put(community1, `${R}/rounds/${round.id}/results/${w1}`, { scores: s(83, 91, 67) }));
    expect(row.score).toMatchObject({ total: 81.8, earned: 'competent', result: 'competent', comment: null });
    const [stored] = await t.db.query<{ total: string }>('SELECT total::text FROM worker_assessment_results WHERE round_id = $1 AND worker_id = $2', [round.id, w1]);
    expect(stored!.total).toBe('81.80');
  });

  it('a total exactly on a threshold earns that level; re-scoring while open revises it', async () => {
    let row = ok<AssessmentRowDto>(await put(community1, `${R}/rounds/${round.id}/results/${w2}`, { scores: s(90, 90, 90) }));
    expect(row.score).toMatchObject({ total: 90, result: 'excellent' });
    row = ok<AssessmentRowDto>(await put(community1, `${R}/rounds/${round.id}/results/${w2}`, { scores: s(77, 73, 74) }));
    expect(row.score).toMatchObject({ total: 74.85, result: 'basically_competent' });
    row = ok<AssessmentRowDto>(await put(community1, `${R}/rounds/${round.id}/results/${w2}`, { scores: s(60, 60, 60) }));
    expect(row.score).toMatchObject({ total: 60, result: 'basically_competent' });
    row = ok<AssessmentRowDto>(await put(community1, `${R}/rounds/${round.id}/results/${w2}`, { scores: s(60, 60, 59) }));
    expect(row.score).toMatchObject({ total: 59.75, result: 'incompetent' });
    expect(await count(t.db, `SELECT count(*) FROM audit_log WHERE action = 'workerAssessment.rescore' AND target_id = $1`, [String(w2)])).toBe(3);
  });

  it('never records a higher level than the total earns; a lower one needs a comment', async () => {
    const url = `${R}/rounds/${round.id}/results/${w1}`;
    expect(expectError(await put(community1, url, { scores: s(83, 91, 67), result: 'excellent', comment: '表现突出' }), 400).message).toContain('不能评定为更高');
    expect(expectError(await put(community1, url, { scores: s(83, 91, 67), result: 'basically_competent' }), 400).message).toContain('说明');
    const row = ok<AssessmentRowDto>(await put(community1, url, { scores: s(83, 91, 67), result: 'basically_competent', comment: '年内受到群众实名投诉两次' }));
    expect(row.score).toMatchObject({ total: 81.8, earned: 'competent', result: 'basically_competent', comment: '年内受到群众实名投诉两次' });
  });

  it('refuses missing or unknown indicators', async () => {
    expectError(await put(community1, `${R}/rounds/${round.id}/results/${w1}`, { scores: { duty: 80, service: 80 } }), 400);
    expectError(await put(community1, `${R}/rounds/${round.id}/results/${w1}`, { scores: { ...s(80, 80, 80), extra: 5 } }), 400);
    expectError(await put(community1, `${R}/rounds/${round.id}/results/${w1}`, { scores: s(101, 80, 80) }), 400);
  });

  it('another community’s worker, or one outside the round, answers 404', async () => {
    countyRound = ok<AssessmentRoundDto>(await admin.post(`${R}/rounds`, { nodeId: county, name: `${YEAR}年上半年考核`, year: YEAR, kind: 'half_year', deadline: `${YEAR}-07-31`, indicators: INDICATORS }), 201);
    expectError(await put(community1, `${R}/rounds/${countyRound.id}/results/${far}`, { scores: s(80, 80, 80) }), 404, 'NOT_FOUND');
    expectError(await put(community1, `${R}/rounds/${round.id}/results/${far}`, { scores: s(80, 80, 80) }), 404, 'NOT_FOUND');
    expectError(await community1.get(`${R}/workers/${far}/record`), 404, 'NOT_FOUND');
    // The county round is visible to the community, which scores its own workers in it but cannot close it.
    const seen = ok<AssessmentRoundDto>(await community1.get(`${R}/rounds/${countyRound.id}`));
    expect(seen.rows.map((r) => r.worker.id)).not.toContain(far);
    expect(seen.canClose).toBe(false);
    ok<AssessmentRowDto>(await put(community1, `${R}/rounds/${countyRound.id}/results/${w1}`, { scores: s(95, 95, 95) }));
    expectError(await community1.post(`${R}/rounds/${countyRound.id}/close`, {}), 403, 'FORBIDDEN');
    const list = ok<{ data: AssessmentRoundSummaryDto[] }>(await community1.get(`${R}/rounds?year=${YEAR}`));
    expect(list.data.map((r) => r.id).sort()).toEqual([round.id, countyRound.id].sort());
  });

  it('closing a round makes it final: scoring answers 409', async () => {
    const closed = ok<AssessmentRoundDto>(await community1.post(`${R}/rounds/${round.id}/close`, {}));
    expect(closed.status).toBe('closed');
    expect(closed.rows.every((r) => !r.canScore)).toBe(true);
    expectError(await put(community1, `${R}/rounds/${round.id}/results/${w1}`, { scores: s(99, 99, 99) }), 409, 'CONFLICT');
    expectError(await community1.post(`${R}/rounds/${round.id}/close`, {}), 409, 'CONFLICT');
    expect(await count(t.db, `SELECT count(*) FROM audit_log WHERE action = 'workerAssessment.close' AND target_id = $1`, [String(round.id)])).toBe(1);
  });

  it('a worker’s record lists their assessments', async () => {
    const rec = ok<WorkerRecordDto>(await community1.get(`${R}/workers/${w1}/record`));
    expect(rec.assessments.map((a) => [a.roundId, a.result])).toEqual(expect.arrayContaining([[round.id, 'basically_competent'], [countyRound.id, 'excellent']]));
  });
});

describe('training', () => {
  let course8: TrainingCourseDetailDto;
  let course4: TrainingCourseDetailDto;

  it('the requirement is a default 40 hours until the county sets one (workers.configure only)', async () => {
    expect(ok<TrainingRequirementDto>(await community1.get(`${R}/training/requirement`))).toMatchObject({ hours: 40, isDefault: true });
    expectError(await put(community1, `${R}/training/requirement`, { hours: 12 }), 403, 'FORBIDDEN');
    expect(ok<TrainingRequirementDto>(await put(admin, `${R}/training/requirement`, { hours: 12 }))).toMatchObject({ hours: 12, isDefault: false });
    expect(await count(t.db, `SELECT count(*) FROM audit_log WHERE action = 'workerTraining.requirement'`)).toBe(1);
  });

  it('records courses and attendance; hours never exceed the course’s', async () => {
    course8 = ok<TrainingCourseDetailDto>(await admin.post(`${R}/courses`, { nodeId: county, title: '社区治理能力提升培训', organiser: '县委组织部', startsOn: `${YEAR}-03-02`, endsOn: `${YEAR}-03-03`, hours: 8, mode: 'offline', required: true }), 201);
    course4 = ok<TrainingCourseDetailDto>(await community1.post(`${R}/courses`, { nodeId: home, title: '网格服务实务', organiser: '社区党委', startsOn: `${YEAR}-05-10`, endsOn: `${YEAR}-05-10`, hours: 4, mode: 'online', required: false }), 201);
    expectError(await community1.post(`${R}/courses`, { nodeId: home, title: '倒序', organiser: '社区', startsOn: `${YEAR}-05-10`, endsOn: `${YEAR}-05-09`, hours: 4, mode: 'online', required: false }), 400);
    // A county course is visible to the community, which records its own workers' attendance.
    expect(ok<{ saved: number }>(await put(community1, `${R}/courses/${course8.id}/attendance`, { entries: [{ workerId: w1, hours: 8, passed: true, certificateNo: 'XJ-2031-001' }, { workerId: w2, hours: 8, passed: true }] })).saved).toBe(2);
    expectError(await put(community1, `${R}/courses/${course4.id}/attendance`, { entries: [{ workerId: w1, hours: 4.5, passed: true }] }), 400);
    expectError(await put(community1, `${R}/courses/${course4.id}/attendance`, { entries: [{ workerId: far, hours: 4, passed: true }] }), 404, 'NOT_FOUND');
    ok(await put(community1, `${R}/courses/${course4.id}/attendance`, { entries: [{ workerId: w1, hours: 4, passed: true }, { workerId: w2, hours: 3.9, passed: false }] }));
    const detail = ok<TrainingCourseDetailDto>(await community1.get(`${R}/courses/${course4.id}`));
    expect(detail.attendance.map((a) => [a.worker.id, a.hours])).toEqual(expect.arrayContaining([[w1, 4], [w2, 3.9]]));
    expect(await count(t.db, `SELECT count(*) FROM worker_training_attendance WHERE worker_id = $1`, [far])).toBe(0);
  });

  it('flags workers short of the requirement: 12 of 12 is enough, 11.9 is short', async () => {
    const short = ok<TrainingShortfallDto>(await community1.get(`${R}/training/shortfall?year=${YEAR}`));
    expect(short.required.hours).toBe(12);
    const ids = short.data.map((r) => r.worker.id);
    expect(ids).not.toContain(w1);
    expect(short.data.find((r) => r.worker.id === w2)).toMatchObject({ hours: 11.9, shortBy: 0.1, courses: 2 });
    expect(ids).not.toContain(far);
    expect(ids).not.toContain(gone);
    const rec = ok<WorkerRecordDto>(await community1.get(`${R}/workers/${w2}/record`));
    expect(rec.trainingYears.find((y) => y.year === YEAR)).toEqual({ year: YEAR, hours: 11.9, short: true });
  });

  it('the picker lists the active workers the caller manages; other roles are refused', async () => {
    const picks = ok<{ data: { id: number; phone: string | null }[] }>(await community1.get(`${R}/workers`)).data.map((w) => w.id);
    expect(picks).toEqual(expect.arrayContaining([w1, w2]));
    expect(picks).not.toContain(gone);
    expect(picks).not.toContain(far);
    const branch1 = await t.login('branch1');
    expectError(await branch1.get(`${R}/rounds`), 403, 'FORBIDDEN');
    const rec = ok<WorkerRecordDto>(await community1.get(`${R}/workers/${w1}/record`));
    expect(rec.training.map((x) => [x.courseId, x.hours, x.certificateNo])).toEqual(expect.arrayContaining([[course8.id, 8, 'XJ-2031-001'], [course4.id, 4, null]]));
    expect(rec.trainingYears.find((y) => y.year === YEAR)).toEqual({ year: YEAR, hours: 12, short: false });
  });

  it('exports the year’s record as a real workbook', async () => {
    const res = await community1.get(`${R}/training/record.xlsx?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    expect(await headerOf(res.rawPayload)).toEqual(['社区', '姓名', '岗位', '等级', '参训课程数', '累计学时', '应修学时', '是否达标']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const detail = wb.getWorksheet('培训明细')!;
    expect(detail.rowCount).toBe(1 + 4);
    const summary: string[] = [];
    wb.getWorksheet('年度学时')!.eachRow((r) => summary.push(r.values!.toString()));
    expect(summary.some((l) => l.includes('11.9') && l.includes('学时不足'))).toBe(true);
  });
});
