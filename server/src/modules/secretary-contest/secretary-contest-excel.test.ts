import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContestDetailDto, JudgeCandidateListDto, QuestionListDto } from '@xj/contracts';
import { headerOf, importAndWait, uploadFile, xlsxOf } from '../../test/excel.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, userId } from '../../test/fixtures.js';
import { ok } from '../../test/cloud-consultation.js';

/** The question bank's Excel import and export, and the judge picker's candidate list. */
let t: TestApp;
let admin: Client;
let community1: Client;

const R = '/api/secretary-contests';
const HEADERS = ['题型*', '难度*', '题干*', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案*'];
const xlsx = (rows: unknown[][]) => xlsxOf('试题', HEADERS, rows);
const questions = () => count(t.db, 'SELECT count(*) FROM contest_questions');
const imports = (result: string) => count(t.db, `SELECT count(*) FROM audit_log WHERE action = 'contestQuestion.import' AND result = $1`, [result]);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
});
afterAll(async () => t.close());

describe('question bank import', () => {
  it('downloads a template with the Chinese headers; only the county', async () => {
    const res = await admin.get(`${R}/questions/import/template`);
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(HEADERS);
    expectError(await community1.get(`${R}/questions/import/template`), 403);
  });

  it('reports every bad row with its column; all or nothing writes none, valid rows writes the good ones in one go', async () => {
    const file = await xlsx([
      ['单选题', '1', '导入单选：社区书记擂台比武每月举行几次？', '一次', '两次', '三次', '', '', '', 'A'],
      ['多选题', '3', '导入多选：知识测试的题型有哪些？', '单选题', '多选题', '判断题', '问答题', '', '', 'A、B，C'],
      ['判断题', '2', '导入判断：评委可以为同一书记同一环节评两次分。', '', '', '', '', '', '', '错误'],
      ['单选题', '4', '导入难度错', '甲', '乙', '', '', '', '', 'A'],
      ['单选题', '1', '导入答案多', '甲', '乙', '', '', '', '', 'AB'],
      ['多选题', '2', '导入选项断', '甲', '', '丙', '', '', '', 'AC'],
      ['问答题', '2', '导入题型错', '甲', '乙', '', '', '', '', 'A'],
      ['单选题', '2', '导入答案越界', '甲', '乙', '', '', '', '', 'E'],
      ['判断题', '1', '导入单选：社区书记擂台比武每月举行几次？', '', '', '', '', '', '', '对'],
    ]);
    const [q0, ok0, failed0] = [await questions(), await imports('success'), await imports('failure')];
    const refused = await importAndWait(admin, `${R}/questions/import`, file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'done', inserted: 0, invalidRows: 7 });
    expect(refused.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '题干'], [5, '难度'], [6, '答案'], [7, '选项B'], [8, '题型'], [9, '答案'], [10, '题干'],
    ]);
    expect(refused.errors[1]!.message).toBe('难度只能填 1、2 或 3');
    expect(refused.errors[2]!.message).toBe('单选题和判断题只有一个正确答案');
    expect(refused.errors[5]!.message).toBe('答案序号超出选项范围');
    expect(await questions()).toBe(q0);
    expect(await imports('failure')).toBe(failed0 + 1);

    const done = await importAndWait(admin, `${R}/questions/import`, file, 'valid_rows');
    expect(done).toMatchObject({ status: 'done', inserted: 2, invalidRows: 7 });
    expect(await questions()).toBe(q0 + 2);
    expect(await imports('success')).toBe(ok0 + 1);
    const bank = ok<QuestionListDto>(await admin.get(`${R}/questions`));
    expect(bank.data.find((q) => q.stem === '导入多选：知识测试的题型有哪些？')).toMatchObject({ kind: 'multiple', difficulty: 3, options: ['单选题', '多选题', '判断题', '问答题'], answer: [0, 1, 2], active: true });
    expect(bank.data.find((q) => q.stem.startsWith('导入判断'))).toMatchObject({ kind: 'truefalse', options: ['正确', '错误'], answer: [1] });

    // Imported again: the stems are already in the bank.
    const again = await importAndWait(admin, `${R}/questions/import`, await xlsx([['判断题', '2', '导入判断：评委可以为同一书记同一环节评两次分。', '', '', '', '', '', '', '错']]), 'valid_rows');
    expect(again).toMatchObject({ inserted: 0, invalidRows: 1 });
    expect(again.errors[0]).toMatchObject({ column: '题干', message: '题库中已有相同题干的启用试题' });
  });

  it('a file that is not an .xlsx, without the columns or without rows → 400, nothing written', async () => {
    const q0 = await questions();
    expectError(await uploadFile(admin, `${R}/questions/import?wait=true`, Buffer.from('题型,难度\n单选题,1\n')), 400);
    expectError(await uploadFile(admin, `${R}/questions/import?wait=true`, await xlsxOf('试题', ['题目', '答案'], [['x', 'A']])), 400);
    expectError(await uploadFile(admin, `${R}/questions/import?wait=true`, await xlsx([])), 400);
    expectError(await uploadFile(community1, `${R}/questions/import?wait=true`, await xlsx([['单选题', '1', '越权导入', '甲', '乙', '', '', '', '', 'A']])), 403);
    expect(await questions()).toBe(q0);
  });

  it('exports the bank with the template columns, so an edited export imports again', async () => {
    const res = await admin.get(`${R}/questions/export`);
    expect(res.statusCode).toBe(200);
    expect(await headerOf(res.rawPayload)).toEqual(['编号', '题型', '难度', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '状态']);
    expectError(await community1.get(`${R}/questions/export`), 403);
  });
});

describe('judge candidates', () => {
  it('lists enabled users who may score, names and units only; the county only', async () => {
    const list = ok<JudgeCandidateListDto>(await admin.get(`${R}/judge-candidates`));
    const ids = list.data.map((u) => u.id);
    expect(ids).toContain(await userId(t.db, 'admin'));
    expect(ids).toContain(await userId(t.db, 'subdistrict1'));
    expect(ids).toContain(await userId(t.db, 'community1'));
    expect(ids).not.toContain(await userId(t.db, 'auditor'));
    expect(ids).not.toContain(await userId(t.db, 'branch1'));
    expect(Object.keys(list.data[0]!).sort()).toEqual(['id', 'name', 'unit']);
    expectError(await community1.get(`${R}/judge-candidates`), 403);
  });

  it('a contest refuses a judge who may not score', async () => {
    const body = {
      month: '2032-01', title: '评委校验', weights: { report: 40, visit: 30, test: 30 }, perLevel: 1, timeLimitMinutes: 10,
      testOpensAt: new Date(Date.now() - 3_600_000).toISOString(), testClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const res = await admin.post(R, { ...body, judgeIds: [await userId(t.db, 'branch1')] });
    expect(expectError(res, 400, 'VALIDATION_FAILED').message).toContain('评委');
    expect(await count(t.db, `SELECT count(*) FROM secretary_contests WHERE month = '2032-01'`)).toBe(0);
    const c = ok<ContestDetailDto>(await admin.post(R, { ...body, judgeIds: [await userId(t.db, 'community1')] }), 201);
    expect(c.judges.map((j) => j.id)).toEqual([await userId(t.db, 'community1')]);
  });
});
