import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContestDetailDto, MedalHistoryDto, PaperDto, QuestionDto, QuestionListDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, userId } from '../../test/fixtures.js';
import { ok } from '../../test/cloud-consultation.js';
import { answerCorrect, drawPaper, meanHundredths, rankEntries, testHundredths, totalHundredths } from './contest-scoring.js';

let t: TestApp;
let admin: Client;
let subdistrict1: Client;
let community1: Client;
let adminId: number;

const R = '/api/secretary-contests';
const put = (c: Client, url: string, body: unknown) => c.request({ method: 'PUT', url, payload: body as object });
const hourFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const create = (month: string, judgeIds: number[]) =>
  admin.post(R, { month, title: `${month} 测试比武`, weights: { report: 40, visit: 30, test: 30 }, perLevel: 2, timeLimitMinutes: 10, testOpensAt: hourFromNow(-1), testClosesAt: hourFromNow(24), judgeIds });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  subdistrict1 = await t.login('subdistrict1');
  community1 = await t.login('community1');
  adminId = await userId(t.db, 'admin');
});
afterAll(async () => t.close());

describe('contest arithmetic and rules (hand-computed)', () => {
  it('scores each question kind: single and true/false one option, multiple all-or-nothing', () => {
    expect(answerCorrect('single', [2], [2])).toBe(true);
    expect(answerCorrect('single', [2], [1])).toBe(false);
    expect(answerCorrect('single', [2], [2, 1])).toBe(false);
    expect(answerCorrect('truefalse', [0], [0])).toBe(true);
    expect(answerCorrect('truefalse', [0], null)).toBe(false);
    expect(answerCorrect('multiple', [0, 1, 2], [2, 0, 1])).toBe(true);
    expect(answerCorrect('multiple', [0, 1, 2], [0, 1])).toBe(false);
    expect(answerCorrect('multiple', [0, 1, 2], [0, 1, 2, 3])).toBe(false);
    expect(answerCorrect('multiple', [0, 1], [])).toBe(false);
  });

  it('part means, the test scale and the weighted total are exact to 2 decimals', () => {
    // (90 + 85 + 86) / 3 = 87.00; (90 + 85) / 2 = 87.50; 7 of 15 → 46.67.
    expect(meanHundredths([90, 85, 86])).toBe(8700);
    expect(meanHundredths([90, 85])).toBe(8750);
    expect(meanHundredths([])).toBeNull();
    expect(testHundredths(7, 15)).toBe(4667);
    // 40×87.50 + 30×80.00 + 30×46.67 = 3500 + 2400 + 1400.1 = 7300.1 → 73.00
    expect(totalHundredths({ report: 40, visit: 30, test: 30 }, { report: 8750, visit: 8000, test: 4667 })).toBe(7300);
    expect(totalHundredths({ report: 40, visit: 30, test: 30 }, { report: null, visit: 8000, test: 10000 })).toBe(5400);
  });

  it('ties: total, then test, then on-site report, then earlier submission, then name; medals for ranks 1–3', () => {
    const rows = [
      { id: 1, name: '乙', total: 9000, test: 8000, report: 9000, submittedAt: 100 },
      { id: 2, name: '甲', total: 9000, test: 9000, report: 8000, submittedAt: 200 }, // higher test wins
      { id: 3, name: '丙', total: 9000, test: 8000, report: 9500, submittedAt: 300 }, // higher report beats 1
      { id: 4, name: '丁', total: 8000, test: 8000, report: 8000, submittedAt: 50 },
      { id: 5, name: '戊', total: 8000, test: 8000, report: 8000, submittedAt: 40 }, // earlier submission beats 4
      { id: 6, name: '阿', total: 8000, test: 8000, report: 8000, submittedAt: null }, // not submitted comes last
    ];
    const ranked = rankEntries(rows);
    expect(ranked.map((r) => r.id)).toEqual([2, 3, 1, 5, 4, 6]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ranked.map((r) => r.medal)).toEqual(['gold', 'silver', 'bronze', null, null, null]);
    const same = rankEntries([
      { id: 8, name: '张三', total: 1, test: 1, report: 1, submittedAt: 1 },
      { id: 7, name: '李四', total: 1, test: 1, report: 1, submittedAt: 1 },
    ]);
    expect(same.map((r) => r.name)).toEqual(['李四', '张三']);
  });

  it('draws the same count at each difficulty, differently per contestant, the same on a reload', () => {
    const bank = new Map([[1, [1, 2, 3, 4, 5, 6, 7, 8]], [2, [11, 12, 13, 14, 15, 16, 17, 18]], [3, [21, 22, 23, 24, 25, 26, 27, 28]]]);
    const a = drawPaper(bank, 3, 9, 100);
    const b = drawPaper(bank, 3, 9, 101);
    expect(a).toEqual(drawPaper(bank, 3, 9, 100));
    expect(a).not.toEqual(b);
    for (const p of [a, b]) {
      expect(p.filter((x) => x < 10)).toHaveLength(3);
      expect(p.filter((x) => x > 10 && x < 20)).toHaveLength(3);
      expect(p.filter((x) => x > 20)).toHaveLength(3);
    }
  });
});

describe('question bank', () => {
  it('checks answers against the kind; only the county manages it', async () => {
    expectError(await admin.post(`${R}/questions`, { kind: 'single', difficulty: 1, stem: '测试单选', options: ['甲', '乙'], answer: [0, 1] }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post(`${R}/questions`, { kind: 'truefalse', difficulty: 1, stem: '测试判断', options: ['正确', '错误'], answer: [2] }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(`${R}/questions`, { kind: 'single', difficulty: 1, stem: '测试单选', options: ['甲', '乙'], answer: [0] }), 403);
    const q = ok<QuestionDto>(await admin.post(`${R}/questions`, { kind: 'multiple', difficulty: 3, stem: '测试多选', options: ['甲', '乙', '丙'], answer: [0, 2] }), 201);
    expect(q.active).toBe(true);
    const retired = ok<QuestionDto>(await admin.post(`${R}/questions/${q.id}/retire`));
    expect(retired.active).toBe(false);
    expectError(await admin.post(`${R}/questions/${q.id}/retire`), 409, 'CONFLICT');
    const list = ok<QuestionListDto>(await admin.get(`${R}/questions`));
    expect(list.data.length).toBeGreaterThanOrEqual(61);
    expect(Object.values(list.counts).every((n) => n >= 20)).toBe(true);
  });
});

describe('a contest', () => {
  let c: ContestDetailDto;

  it('refuses weights not summing to 100 and non-county creators', async () => {
    const res = await admin.post(R, { month: '2031-04', title: '坏权重', weights: { report: 40, visit: 40, test: 30 }, perLevel: 2, timeLimitMinutes: 10, testOpensAt: hourFromNow(-1), testClosesAt: hourFromNow(2), judgeIds: [adminId] });
    expect(expectError(res, 400, 'VALIDATION_FAILED').message).toContain('100');
    expectError(await community1.post(R, { month: '2031-04', title: '越权', weights: { report: 40, visit: 30, test: 30 }, perLevel: 2, timeLimitMinutes: 10, testOpensAt: hourFromNow(-1), testClosesAt: hourFromNow(2), judgeIds: [adminId] }), 403);
  });

  it('creates a month with the community secretaries as contestants, audited; a month only once', async () => {
    c = ok<ContestDetailDto>(await create('2031-05', [adminId]), 201);
    expect(c.entries).toHaveLength(18);
    expect(c.entries.every((e) => e.worker.post === 'head')).toBe(true);
    expect(c.judges.map((j) => j.id)).toEqual([adminId]);
    expect(await count(t.db, `SELECT count(*) FROM audit_log WHERE action = 'secretaryContest.create' AND target_id = $1`, [String(c.id)])).toBe(1);
    expectError(await create('2031-05', [adminId]), 409, 'CONFLICT');
  });

  it('judge rules: only appointed judges; one score per judge, contestant and part', async () => {
    const entry = c.entries[0]!;
    expectError(await put(subdistrict1, `${R}/${c.id}/entries/${entry.id}/scores/report`, { score: 80 }), 403, 'FORBIDDEN');
    const after = ok<ContestDetailDto>(await put(admin, `${R}/${c.id}/entries/${entry.id}/scores/report`, { score: 91 }));
    expect(after.entries.find((e) => e.id === entry.id)!.myScores.report).toBe(91);
    expect(after.entries.find((e) => e.id === entry.id)!.judged.report).toBe(1);
    expectError(await put(admin, `${R}/${c.id}/entries/${entry.id}/scores/report`, { score: 95 }), 409, 'CONFLICT');
    ok(await put(admin, `${R}/${c.id}/entries/${entry.id}/scores/visit`, { score: 88 }));
    expectError(await put(admin, `${R}/${c.id}/entries/2147483647/scores/visit`, { score: 88 }), 404, 'NOT_FOUND');
    expect(await count(t.db, `SELECT count(*) FROM audit_log WHERE action = 'secretaryContest.score' AND target_id = $1`, [String(entry.id)])).toBe(2);
  });

  it('the secretary takes the test: equal difficulty, the same paper on a reload, scored automatically, once', async () => {
    const mine = ok<ContestDetailDto>(await community1.get(`${R}/${c.id}`));
    expect(mine.myEntryId).not.toBeNull();
    expectError(await subdistrict1.post(`${R}/${c.id}/test/start`), 403, 'FORBIDDEN');
    const paper = ok<PaperDto>(await community1.post(`${R}/${c.id}/test/start`));
    expect(paper.questions).toHaveLength(6);
    expect([1, 2, 3].map((d) => paper.questions.filter((x) => x.difficulty === d).length)).toEqual([2, 2, 2]);
    expect(ok<PaperDto>(await community1.post(`${R}/${c.id}/test/start`)).questions.map((x) => x.stem)).toEqual(paper.questions.map((x) => x.stem));
    const keys = await t.db.query<{ seq: number; answer: number[] }>(
      `SELECT x.seq, q.answer FROM secretary_contest_papers x JOIN contest_questions q ON q.id = x.question_id WHERE x.entry_id = $1 ORDER BY x.seq`, [paper.entryId]);
    // Five right, the last one wrong (an extra option for multiple choice, another option otherwise).
    const answers = keys.map((k, i) => ({ seq: k.seq, chosen: i < 5 ? k.answer : [(k.answer[0]! + 1) % 2] }));
    const done = ok<PaperDto>(await community1.post(`${R}/${c.id}/test/submit`, { answers }));
    expect(done.correct).toBe(5);
    expect(done.score).toBe(83.33);
    expect(done.questions.map((q) => q.correct)).toEqual([true, true, true, true, true, false]);
    expectError(await community1.post(`${R}/${c.id}/test/submit`, { answers }), 409, 'CONFLICT');
  });

  it('draws differ between contestants of the same contest', async () => {
    const entries = await t.db.query<{ worker_id: number }>('SELECT worker_id FROM secretary_contest_entries WHERE contest_id = $1 ORDER BY id LIMIT 2', [c.id]);
    const bank = new Map<number, number[]>();
    for (const r of await t.db.query<{ id: number; difficulty: number }>('SELECT id, difficulty FROM contest_questions WHERE active ORDER BY id')) bank.set(r.difficulty, [...(bank.get(r.difficulty) ?? []), r.id]);
    expect(drawPaper(bank, 2, c.id, entries[0]!.worker_id)).not.toEqual(drawPaper(bank, 2, c.id, entries[1]!.worker_id));
  });

  it('closes: exact totals, unique ranks, medals; no scoring after; rewards audited; medal history', async () => {
    expectError(await community1.post(`${R}/${c.id}/close`), 403);
    const closed = ok<ContestDetailDto>(await admin.post(`${R}/${c.id}/close`));
    expect(closed.status).toBe('closed');
    const ranks = closed.entries.map((e) => e.rank);
    expect(ranks).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(closed.entries.slice(0, 3).map((e) => e.medal)).toEqual(['gold', 'silver', 'bronze']);
    expect(closed.entries.filter((e) => e.medal).length).toBe(3);
    const scored = closed.entries.find((e) => e.id === c.entries[0]!.id)!;
    expect(scored.report).toBe(91);
    expect(scored.visit).toBe(88);
    const mineId = (await community1.get(`${R}/${c.id}`)).json<ContestDetailDto>().myEntryId;
    const mine = closed.entries.find((e) => e.id === mineId)!;
    // 30% of 83.33 = 25.00 (24.999 rounds half up), no judge scores.
    expect(mine.test).toBe(83.33);
    expect(mine.total).toBe(25);
    expectError(await put(admin, `${R}/${c.id}/entries/${c.entries[1]!.id}/scores/report`, { score: 80 }), 409, 'CONFLICT');
    expectError(await admin.post(`${R}/${c.id}/close`), 409, 'CONFLICT');
    const rewarded = ok<ContestDetailDto>(await put(admin, `${R}/${c.id}/rewards`, { rewards: [{ medal: 'gold', text: '金牌奖金', amount: 1000 }, { medal: 'silver', text: '银牌奖金', amount: 600.5 }] }));
    expect(rewarded.entries[0]).toMatchObject({ medal: 'gold', rewardText: '金牌奖金', rewardAmount: 1000 });
    expect(rewarded.entries[1]).toMatchObject({ medal: 'silver', rewardAmount: 600.5 });
    expect(await count(t.db, `SELECT count(*) FROM audit_log WHERE action = 'secretaryContest.reward'`)).toBeGreaterThanOrEqual(2);
    const gold = rewarded.entries[0]!.worker.id;
    const history = ok<MedalHistoryDto>(await admin.get(`${R}/workers/${gold}/medals`));
    expect(history.contests.at(-1)).toMatchObject({ contestId: c.id, rank: 1, medal: 'gold' });
    expect(history.medals.gold).toBeGreaterThanOrEqual(1);
    expect(history.worker.phone ?? '').not.toMatch(/^\d{11}$/);
  });

  it('a late submission is refused and the paper counts as unanswered', async () => {
    const late = ok<ContestDetailDto>(await create('2031-06', [adminId]), 201);
    const paper = ok<PaperDto>(await community1.post(`${R}/${late.id}/test/start`));
    // Started 11 minutes ago: past the 10-minute limit plus the 60-second grace.
    await t.db.query(`UPDATE secretary_contest_entries SET test_started_at = now() - interval '11 minutes 1 second' WHERE id = $1`, [paper.entryId]);
    expect(expectError(await community1.post(`${R}/${late.id}/test/submit`, { answers: [] }), 409, 'CONFLICT').message).toContain('超时');
    const closed = ok<ContestDetailDto>(await admin.post(`${R}/${late.id}/close`));
    expect(closed.entries.find((e) => e.id === paper.entryId)!.test).toBe(0);
  });

  it('within the grace the submission counts', async () => {
    const grace = ok<ContestDetailDto>(await create('2031-07', [adminId]), 201);
    const paper = ok<PaperDto>(await community1.post(`${R}/${grace.id}/test/start`));
    await t.db.query(`UPDATE secretary_contest_entries SET test_started_at = now() - interval '10 minutes 30 seconds' WHERE id = $1`, [paper.entryId]);
    expect(ok<PaperDto>(await community1.post(`${R}/${grace.id}/test/submit`, { answers: [] })).correct).toBe(0);
  });
});

describe('demo data', () => {
  it('has twelve closed monthly contests with three medals and rewards each, and this month open', async () => {
    const rows = await t.db.query<{ status: string; medals: number; rewards: number }>(
      `SELECT c.status, count(e.medal)::int AS medals, count(e.reward_text)::int AS rewards FROM secretary_contests c
       JOIN secretary_contest_entries e ON e.contest_id = c.id WHERE c.month < '2031' GROUP BY c.id, c.status ORDER BY c.month`);
    expect(rows.filter((r) => r.status === 'closed')).toHaveLength(12);
    expect(rows.filter((r) => r.status === 'closed').every((r) => r.medals === 3 && r.rewards === 3)).toBe(true);
    expect(rows.at(-1)!.status).toBe('open');
  });
});
