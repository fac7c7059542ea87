import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { ConsultationStatsDto, MeetingDetailDto, TopicDetailDto } from '@xj/contracts';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { expectError } from '../../test/fixtures.js';
import { lastMonths } from './consultation-stats.service.js';

let t: TestApp;
let community1: Client;
let branch2: Client;
/** A compound created here, so only this fixture (never the demo seed) puts consultation data in it. */
let compound: number;
let branch2Before: ConsultationStatsDto;
const categories: Record<string, { id: number; sort: number }> = {};

const DAY = 86_400_000;
const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return res.json() as T;
};
const act = (id: number, action: string, body: Record<string, unknown> = {}) => community1.post(`/api/consultations/topics/${id}/${action}`, body);
const chinaMonth = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login('admin');
  community1 = await t.login('community1');
  branch2 = await t.login('branch2');
  const created = await admin.post('/api/nodes', { parentId: await nodeId(t.db, '府前社区'), kind: 'compound', name: '商量统计测试小区', code: 'CS-TEST-1', compoundKind: 'commercial' });
  compound = ok<{ id: number }>(created, 201).id;
  branch2Before = await stats(branch2);
  for (const c of await t.db.query<{ id: number; code: string; sort: number }>('SELECT id, code, sort FROM agenda_categories')) categories[c.code] = c;
});
afterAll(async () => t.close());

async function raise(title: string): Promise<number> {
  return ok<TopicDetailDto>(await community1.post('/api/consultations/topics', { title, description: '居民反映，希望协商', nodeId: compound, source: 'community' }), 201).id;
}
/** Screened in and moved to 议事项 with two options. */
async function deliberating(title: string, category: string): Promise<number> {
  const id = await raise(title);
  ok(await act(id, 'screen', { categoryId: categories[category]!.id }));
  ok(await act(id, 'advance', { record: '收集诉求' }));
  ok(await act(id, 'options', { title: '方案一' }));
  ok(await act(id, 'options', { title: '方案二' }));
  ok(await act(id, 'advance'));
  return id;
}
/** A meeting planned and held (its decision becomes the topic's), with `attendees` recorded by staff. */
async function heldMeeting(topicId: number, form: string, attendees: number): Promise<number> {
  const m = ok<MeetingDetailDto>(
    await community1.post('/api/consultations/meetings', { topicId, form, startsAt: new Date(Date.now() + 3_600_000).toISOString(), place: '社区议事厅', invitedGroups: ['resident_reps'] }),
    201,
  );
  for (let i = 0; i < attendees; i++) ok(await community1.post(`/api/consultations/meetings/${m.id}/attendees`, { name: `参会${i}`, group: 'stewards' }), 201);
  ok(await community1.post(`/api/consultations/meetings/${m.id}/hold`, { minutes: '讨论', decision: '采用方案一' }));
  return m.id;
}
/** From 议事项 (decided) to evaluated; then its raised time is set `days` before its evaluation. */
async function evaluate(id: number, days: number): Promise<void> {
  ok(await act(id, 'advance', { record: '议定' }));
  ok(await act(id, 'advance', { record: '已办理' }));
  ok(await act(id, 'advance', { record: '回访', outcome: '问题已解决' }));
  await t.db.query(`UPDATE topics SET created_at = evaluated_at - make_interval(secs => $2) WHERE id = $1`, [id, days * 86_400]);
}
const stats = async (c: Client, query = '') => ok<ConsultationStatsDto>(await c.get(`/api/consultations/stats${query}`));

describe('consultation statistics', () => {
  it('lists the last 12 months, oldest first, across a year boundary', () => {
    expect(lastMonths(3, '2026-02-10')).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(lastMonths(12, '2026-12-31')).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
  });

  it('counts topics by category, days to evaluation, satisfaction and meetings by month in the node\'s subtree', async () => {
    const empty = await stats(community1, `?nodeId=${compound}`);
    expect(empty).toMatchObject({ meetings: 0, topicsByCategory: [], averageDaysToEvaluation: null, satisfaction: { average: null, count: 0 } });
    expect(empty.meetingsByMonth.map((m) => m.month)).toEqual(lastMonths(12));
    const wholeBefore = await stats(community1);

    // A (parking): an on-site meeting now with 2 attendees, evaluated 3 days after it was raised.
    const a = await deliberating('统计停车议题', 'parking');
    await heldMeeting(a, 'onsite', 2);
    await evaluate(a, 3);
    // B (sanitation): a round-table held 60 days ago (1 attendee) and an online one 400 days ago (outside the
    // 12 months), evaluated 1.4 days after it was raised.
    const b = await deliberating('统计卫生议题', 'sanitation');
    const b1 = await heldMeeting(b, 'roundtable', 1);
    const b2 = await heldMeeting(b, 'online', 0);
    const sixtyDaysAgo = Date.now() - 60 * DAY;
    await t.db.query('UPDATE consultation_meetings SET held_at = $2 WHERE id = $1', [b1, new Date(sixtyDaysAgo)]);
    await t.db.query('UPDATE consultation_meetings SET held_at = $2 WHERE id = $1', [b2, new Date(Date.now() - 400 * DAY)]);
    await evaluate(b, 1.4);
    // C (parking) still at 问诉求; D rejected as an excluded category; E still being screened.
    const c = await raise('统计停车议题二');
    ok(await act(c, 'screen', { categoryId: categories.parking!.id }));
    const d = await raise('统计隐私议题');
    ok(await act(d, 'screen', { categoryId: categories.secret_privacy!.id, reason: '涉及个人隐私，不宜公开协商' }));
    await raise('统计待审议题');
    // Three residents rated A: 5, 4 and 2 stars.
    for (const [i, score] of [5, 4, 2].entries()) {
      const [r] = await t.db.query<{ id: number }>('INSERT INTO residents (phone) VALUES ($1) RETURNING id', [`1397700000${i}`]);
      await t.db.query('INSERT INTO topic_ratings (topic_id, resident_id, score) VALUES ($1, $2, $3)', [a, r!.id, score]);
    }

    const s = await stats(community1, `?nodeId=${compound}`);
    expect(s).toMatchObject({
      meetings: 3,
      attendances: 3,
      byForm: { onsite: 1, roundtable: 1, online: 1 },
      topicsByStatus: { screening: 1, rejected: 1, active: 1, evaluated: 2, closed: 0 },
      topicsByStep: { collect: 1, propose: 0, deliberate: 0, implement: 0, evaluate: 0 },
      averageDaysToEvaluation: 2.2,
      satisfaction: { average: 3.7, count: 3 },
    });
    // Allowed categories first, in the agenda's order, then excluded ones.
    const allowed = [...(['parking', 'sanitation'] as const)].sort((x, y) => categories[x]!.sort - categories[y]!.sort);
    const expected = { parking: 2, sanitation: 1 };
    expect(s.topicsByCategory).toEqual([
      ...allowed.map((code) => ({ categoryId: categories[code]!.id, name: code === 'parking' ? '停车管理' : '环境卫生', kind: 'allowed', count: expected[code] })),
      { categoryId: categories.secret_privacy!.id, name: '涉及秘密和个人隐私的事项', kind: 'excluded', count: 1 },
    ]);
    const byMonth = new Map(s.meetingsByMonth.map((m) => [m.month, m]));
    expect(s.meetingsByMonth).toHaveLength(12);
    expect(s.meetingsByMonth.at(-1)).toEqual({ month: chinaMonth(Date.now()), meetings: 1, attendances: 2 });
    expect(byMonth.get(chinaMonth(sixtyDaysAgo))).toEqual({ month: chinaMonth(sixtyDaysAgo), meetings: 1, attendances: 1 });
    expect(s.meetingsByMonth.reduce((n, m) => n + m.meetings, 0)).toBe(2);

    // The caller's whole scope moved by exactly the fixture.
    const whole = await stats(community1);
    expect(whole.meetings - wholeBefore.meetings).toBe(3);
    expect(whole.satisfaction.count - wholeBefore.satisfaction.count).toBe(3);
    const countOf = (x: ConsultationStatsDto, id: number) => x.topicsByCategory.find((k) => k.categoryId === id)?.count ?? 0;
    expect(countOf(whole, categories.parking!.id) - countOf(wholeBefore, categories.parking!.id)).toBe(2);
    expect(whole.meetingsByMonth.at(-1)!.meetings - wholeBefore.meetingsByMonth.at(-1)!.meetings).toBe(1);
  });

  it('keeps to the caller\'s scope', async () => {
    expectError(await branch2.get(`/api/consultations/stats?nodeId=${compound}`), 404, 'NOT_FOUND');
    // branch2's scope (北关社区) holds none of the fixture.
    expect(await stats(branch2)).toEqual(branch2Before);
  });
});
