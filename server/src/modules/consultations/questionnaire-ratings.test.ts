import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionnaireDto, RatingSummaryDto, TopicDetailDto, TopicParticipationDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError } from '../../test/fixtures.js';
import { collectTopic as screenedTopic, ok, verifiedResident, type Resident as ResidentClient } from '../../test/cloud-consultation.js';
import { participationParts } from './participation-parts.js';

let t: TestApp;
let community1: Client;
let compound1: number;

beforeAll(async () => {
  // Every resident here verifies from one address.
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  community1 = await t.login('community1');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
});
afterAll(async () => t.close());

const act = (c: Client, id: number, action: string, body: Record<string, unknown> = {}) => c.post(`/api/consultations/topics/${id}/${action}`, body);
const topicOf = async (id: number) => ok<TopicDetailDto>(await community1.get(`/api/consultations/topics/${id}`));
const participation = async (id: number) => ok<TopicParticipationDto>(await community1.get(`/api/consultations/topics/${id}/participation`));
const residentId = async (r: ResidentClient) => (await t.db.query<{ id: number }>('SELECT id FROM residents WHERE phone = $1', [r.phone]))[0]!.id;
let phoneSeq = 0;
const resident = () => verifiedResident(t, `1391300${String(++phoneSeq).padStart(4, '0')}`);

const collectTopic = (title: string) => screenedTopic(t, community1, title, compound1);

const QUESTIONS = [
  { text: '您家有几辆车？', choices: ['没有', '一辆', '两辆及以上'] },
  { text: '您支持错峰共享车位吗？', choices: ['支持', '不支持'] },
];
const setQuestionnaire = (id: number, questions: unknown = QUESTIONS) =>
  community1.request({ method: 'PUT', url: `/api/consultations/topics/${id}/questionnaire`, payload: { questions } });
const answer = (r: ResidentClient, id: number, answers: number[]) => r.post(`/api/public/consultations/topics/${id}/questionnaire/answers`, { answers });
const rate = (r: ResidentClient, id: number, score: number, comment?: string) => r.post(`/api/public/consultations/topics/${id}/rating`, { score, ...(comment ? { comment } : {}) });

describe('the questionnaire', () => {
  it('is published only while collecting demands, and replaced only while nobody has answered', async () => {
    const topic = await collectTopic('停车难问卷');
    expectError(await setQuestionnaire(topic.id, [{ text: '只有一个选项', choices: ['是'] }]), 400, 'VALIDATION_FAILED');
    expectError(await setQuestionnaire(topic.id, [{ text: '重复选项', choices: ['是', '是'] }]), 400, 'VALIDATION_FAILED');
    expectError(await setQuestionnaire(topic.id, []), 400, 'VALIDATION_FAILED');

    const first = ok<QuestionnaireDto>(await setQuestionnaire(topic.id, [QUESTIONS[0]]));
    expect(first).toEqual({ questions: [QUESTIONS[0]], tallies: [[0, 0, 0]], respondents: 0 });
    const replaced = ok<QuestionnaireDto>(await setQuestionnaire(topic.id));
    expect(replaced).toEqual({ questions: QUESTIONS, tallies: [[0, 0, 0], [0, 0]], respondents: 0 });
    expect((await topicOf(topic.id)).events.filter((e) => e.kind === 'questionnaire_set').map((e) => e.details)).toEqual([
      { questions: 1, replaced: false },
      { questions: 2, replaced: true },
    ]);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'topic.questionnaire' AND target_id = $1", [String(topic.id)])).toBe(2);

    ok(await answer(await resident(), topic.id, [1, 0]), 201);
    expect(expectError(await setQuestionnaire(topic.id, [QUESTIONS[1]]), 409, 'CONFLICT').message).toMatch(/1 位居民作答/);
    expect((await participation(topic.id)).questionnaire!.questions).toEqual(QUESTIONS);

    ok(await act(community1, topic.id, 'advance', { record: '收集到居民诉求' }));
    expectError(await setQuestionnaire(topic.id), 409, 'ILLEGAL_TRANSITION');
    expectError(await setQuestionnaire(2147483647), 404, 'NOT_FOUND');
  });

  it('is answered once per resident, one valid choice per question; tallies only to staff and to those who answered', async () => {
    const topic = await collectTopic('加装电梯问卷');
    const [a, b, c] = [await resident(), await resident(), await resident()];
    expectError(await answer(a, topic.id, [0, 0]), 404, 'NOT_FOUND');
    // A topic still being screened is not public: as good as missing.
    const screening = ok<TopicDetailDto>(await community1.post('/api/consultations/topics', { title: '待审查议题', description: '尚未审查', nodeId: compound1, source: 'community' }), 201);
    expectError(await rate(a, screening.id, 5), 404, 'NOT_FOUND');
    ok(await setQuestionnaire(topic.id));

    expect(expectError(await answer(a, topic.id, [0]), 400, 'VALIDATION_FAILED').message).toMatch(/共 2 题/);
    expect(expectError(await answer(a, topic.id, [0, 2]), 400, 'VALIDATION_FAILED').message).toMatch(/第 2 题/);
    expect(expectError(await answer(a, topic.id, [3, 0]), 400, 'VALIDATION_FAILED').message).toMatch(/第 1 题/);
    expectError(await answer(a, topic.id, [-1, 0]), 400, 'VALIDATION_FAILED');
    expectError(await t.inject({ method: 'POST', url: `/api/public/consultations/topics/${topic.id}/questionnaire/answers`, payload: { answers: [0, 0] } }), 401, 'RESIDENT_UNVERIFIED');

    const mine = ok<QuestionnaireDto>(await answer(a, topic.id, [1, 0]), 201);
    expect(mine).toMatchObject({ respondents: 1, tallies: [[0, 1, 0], [1, 0]] });
    expectError(await answer(a, topic.id, [2, 1]), 409, 'DUPLICATE');
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => answer(b, topic.id, [2, 1])));
    expect(concurrent.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await count(t.db, 'SELECT count(*) FROM topic_questionnaire_answers WHERE topic_id = $1', [topic.id])).toBe(2);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'topic.questionnaireAnswer' AND target_id = $1", [String(topic.id)])).toBe(2);

    const notYet = await participationParts(t.db, { id: topic.id }, await residentId(c), { staff: false });
    expect(notYet.questionnaire).toMatchObject({ respondents: 2, tallies: null });
    expect(notYet.mine.answeredQuestionnaire).toBe(false);
    const answered = await participationParts(t.db, { id: topic.id }, await residentId(a), { staff: false });
    expect(answered.questionnaire!.tallies).toEqual([[0, 1, 1], [1, 1]]);
    expect(answered.mine.answeredQuestionnaire).toBe(true);
    expect((await participation(topic.id)).questionnaire!.tallies).toEqual([[0, 1, 1], [1, 1]]);

    ok(await act(community1, topic.id, 'advance', { record: '收集到居民诉求' }));
    expectError(await answer(c, topic.id, [0, 0]), 409, 'ILLEGAL_TRANSITION');
  });
});

describe('ratings', () => {
  it('only in 评效果, once per resident, summarised with a one-decimal average', async () => {
    const topic = await collectTopic('垃圾清运评价');
    const id = topic.id;
    ok(await act(community1, id, 'advance', { record: '收集到居民诉求' }));
    const optionId = ok<TopicDetailDto>(await act(community1, id, 'options', { title: '增加清运频次' })).options[0]!.id;
    ok(await act(community1, id, 'advance'));
    ok(await act(community1, id, 'decision', { decision: '每天清运两次', optionId }));
    ok(await act(community1, id, 'advance'));
    const [a, b, c, d] = [await resident(), await resident(), await resident(), await resident()];
    expectError(await rate(a, id, 5), 409, 'ILLEGAL_TRANSITION');
    // Before 评效果 there is nothing to summarise.
    expect((await participation(id)).rating).toBeNull();

    ok(await act(community1, id, 'advance', { record: '已与环卫所签订协议' }));
    expect((await participation(id)).rating).toEqual({ count: 0, average: null, distribution: [0, 0, 0, 0, 0] });
    expectError(await rate(a, id, 6), 400, 'VALIDATION_FAILED');
    expectError(await rate(a, id, 0), 400, 'VALIDATION_FAILED');
    ok<RatingSummaryDto>(await rate(a, id, 5, '清运及时多了'), 201);
    ok<RatingSummaryDto>(await rate(b, id, 4), 201);
    const summary = ok<RatingSummaryDto>(await rate(c, id, 4), 201);
    expect(summary).toEqual({ count: 3, average: 4.3, distribution: [0, 0, 0, 2, 1] });
    expectError(await rate(a, id, 1), 409, 'DUPLICATE');
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'topic.rate' AND target_id = $1", [String(id)])).toBe(3);

    const parts = await participationParts(t.db, { id }, await residentId(a), { staff: false });
    expect(parts.rating).toEqual(summary);
    expect(parts.mine.ratedScore).toBe(5);
    expect((await participationParts(t.db, { id }, await residentId(d), { staff: false })).mine.ratedScore).toBeNull();

    // Concluded: no more ratings, the summary stays.
    ok(await act(community1, id, 'advance', { outcome: '垃圾日产日清' }));
    expectError(await rate(d, id, 3), 409, 'ILLEGAL_TRANSITION');
    expect((await participation(id)).rating).toEqual(summary);
  });

  it('the console\'s view counts supports and comments and is 404 out of scope', async () => {
    const topic = await collectTopic('参与统计');
    const a = await resident();
    const rid = await residentId(a);
    await t.db.query('INSERT INTO topic_supports (topic_id, resident_id) VALUES ($1, $2)', [topic.id, rid]);
    const [c1] = await t.db.query<{ id: number }>("INSERT INTO topic_comments (topic_id, resident_id, body, step) VALUES ($1, $2, '支持', 'collect') RETURNING id", [topic.id, rid]);
    await t.db.query(
      "INSERT INTO topic_comments (topic_id, resident_id, body, step, status, hidden_reason, hidden_at) VALUES ($1, $2, '广告', 'collect', 'hidden', '广告内容', now())",
      [topic.id, rid],
    );
    await t.db.query("INSERT INTO topic_comment_reports (comment_id, resident_id, reason) VALUES ($1, $2, '不实')", [c1!.id, rid]);
    expect(await participation(topic.id)).toEqual({ supports: 1, comments: 1, hiddenComments: 1, reportedComments: 1, questionnaire: null, vote: null, rating: null });
    const branch2 = await t.login('branch2');
    expectError(await branch2.get(`/api/consultations/topics/${topic.id}/participation`), 404, 'NOT_FOUND');
  });
});
