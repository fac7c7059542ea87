import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESIDENT_COOKIE, type MyTopicListDto, type PublicTopicDto, type PublicTopicItemDto, type ResidentNoticeListDto, type TopicDetailDto, type TopicSupportDto } from '@xj/contracts';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, CHINESE, count, expectError } from '../../test/fixtures.js';
import { collectTopic, excludedCategoryId, categoryId, ok, verifiedResident, type Resident } from '../../test/cloud-consultation.js';

let t: TestApp;
let community1: Client;
let branch1: Client;
/** A compound of 府前社区 (community1's); 府前社区 and 北关社区. */
let compound1: number;
let community: number;
let community2: number;
let alice: Resident;
let bob: Resident;

beforeAll(async () => {
  // Every resident here verifies from one address.
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  community = await nodeId(t.db, '府前社区');
  community2 = await nodeId(t.db, '北关社区');
  alice = await verifiedResident(t, '13922220001');
  bob = await verifiedResident(t, '13922220002');
});
afterAll(async () => t.close());

const P = '/api/public/consultations';
const anon = (url: string) => t.inject({ method: 'GET', url });
const anonPost = (url: string, payload: Record<string, unknown> = {}) => t.inject({ method: 'POST', url, payload });
const raise = (r: Resident, body: Record<string, unknown>) => r.post(`${P}/topics`, { title: '小区路灯不亮', description: '晚上回家很不方便', nodeId: compound1, ...body });
const screen = (id: number, body: Record<string, unknown>) => community1.post(`/api/consultations/topics/${id}/screen`, body);
const notices = async (r: Resident) => ok<ResidentNoticeListDto>(await r.get('/api/public/resident/notices'));
/** No response body may carry a resident's whole phone number. */
const noPhone = (body: string, ...phones: string[]) => {
  for (const p of phones) expect(body).not.toContain(p);
};

describe('public topics', () => {
  it('anyone reads an accepted topic and finds it in the list, newest first, filtered by community; no personal data', async () => {
    const topic = await collectTopic(t, community1, '东门口电动车乱停', compound1);
    const list = ok<{ data: PublicTopicItemDto[] }>(await anon(`${P}/topics`));
    expect(list.data[0]).toMatchObject({ id: topic.id, title: '东门口电动车乱停', communityName: '府前社区', status: 'active', step: 'collect', supports: 0, comments: 0 });
    for (const i of list.data) expect(['active', 'evaluated', 'closed']).toContain(i.status);
    expect(ok<{ data: PublicTopicItemDto[] }>(await anon(`${P}/topics?communityId=${community}`)).data.map((i) => i.id)).toContain(topic.id);
    expect(ok<{ data: PublicTopicItemDto[] }>(await anon(`${P}/topics?communityId=${community2}`)).data.map((i) => i.id)).not.toContain(topic.id);

    const res = await anon(`${P}/topics/${topic.id}`);
    const view = ok<PublicTopicDto>(res);
    expect(view).toMatchObject({ id: topic.id, status: 'active', step: 'collect', rejectionReason: null, supports: 0, comments: 0, mine: null, meetings: [], options: [] });
    expect(view.steps).toEqual([{ step: 'collect', startedAt: expect.any(String), endedAt: null }]);
    expect(res.body).not.toMatch(/raisedBy|responsible|phone/i);

    // A resident's session adds what they did.
    expect(ok<PublicTopicDto>(await alice.get(`${P}/topics/${topic.id}`)).mine).toEqual({ supported: false, raised: false, votedOptionId: null, ratedScore: null, answeredQuestionnaire: false });
    expect(ok<PublicTopicDto>(await t.inject({ method: 'GET', url: `${P}/topics/${topic.id}`, headers: { cookie: `${RESIDENT_COOKIE}=forged` } })).mine).toBeNull();
  });

  it('shows the plan options and meetings: place and time, the sign-in page only while planned, no attendees', async () => {
    const topic = await collectTopic(t, community1, '小区加装电梯', compound1);
    const act = (action: string, body: Record<string, unknown> = {}) => community1.post(`/api/consultations/topics/${topic.id}/${action}`, body);
    ok(await act('advance', { record: '收集到加装电梯诉求' }));
    ok(await act('options', { title: '每户按楼层分摊', cost: 300000 }));
    ok(await act('advance'));
    const startsAt = new Date(Date.now() + 3_600_000).toISOString();
    const plan = (place: string) => community1.post('/api/consultations/meetings', { topicId: topic.id, form: 'roundtable', startsAt, place, invitedGroups: ['resident_reps'] });
    const held = ok<{ id: number }>(await plan('社区会议室'), 201);
    ok(await community1.post(`/api/consultations/meetings/${held.id}/attendees`, { name: '赵大爷', group: 'resident_reps', phone: '13922229999' }), 201);
    const cancelled = ok<{ id: number }>(await plan('被取消的会议'), 201);
    ok(await community1.post(`/api/consultations/meetings/${cancelled.id}/cancel`, { reason: '改期' }));
    const planned = ok<{ id: number; signInPath: string }>(await plan('小区广场'), 201);
    ok(await community1.post(`/api/consultations/meetings/${held.id}/hold`, { minutes: '讨论分摊比例', decision: '按楼层分摊' }));

    const res = await anon(`${P}/topics/${topic.id}`);
    const view = ok<PublicTopicDto>(res);
    expect(view.step).toBe('deliberate');
    expect(view.options).toEqual([{ id: expect.any(Number), title: '每户按楼层分摊', description: null, cost: 300000, attachments: [] }]);
    expect(view.meetings).toEqual([
      { form: 'roundtable', startsAt: expect.any(String), place: '社区会议室', status: 'held', signInPath: null },
      { form: 'roundtable', startsAt: expect.any(String), place: '小区广场', status: 'planned', signInPath: planned.signInPath },
    ]);
    expect(res.body).not.toContain('赵大爷');
    noPhone(res.body, '13922229999');
  });

  it('screening topics and those closed before acceptance are not public; unknown ids are 404', async () => {
    const raisedOnConsole = ok<TopicDetailDto>(await branch1.post('/api/consultations/topics', { title: '楼顶漏水', description: '雨天漏水', nodeId: compound1, source: 'branch' }), 201);
    expectError(await anon(`${P}/topics/${raisedOnConsole.id}`), 404, 'NOT_FOUND');
    ok(await community1.post(`/api/consultations/topics/${raisedOnConsole.id}/close`, { reason: '重复议题' }));
    expectError(await anon(`${P}/topics/${raisedOnConsole.id}`), 404, 'NOT_FOUND');
    expect(ok<{ data: PublicTopicItemDto[] }>(await anon(`${P}/topics?pageSize=50`)).data.map((i) => i.id)).not.toContain(raisedOnConsole.id);
    expectError(await anon(`${P}/topics/2147483647`), 404, 'NOT_FOUND');
    expectError(await anon(`${P}/topics/abc`), 400, 'VALIDATION_FAILED');
    expect(expectError(await anon(`${P}/topics?pageSize=51`), 400, 'VALIDATION_FAILED').message).toMatch(CHINESE);
  });
});

describe('a resident raises a topic', () => {
  it('goes to screening, visible only to its raiser (with the rejection reason), who is told the outcome', async () => {
    const res = await raise(alice, { title: '小区垃圾桶太少' });
    const topic = ok<PublicTopicDto>(res, 201);
    expect(topic).toMatchObject({ status: 'screening', step: null, communityName: '府前社区', mine: { raised: true, supported: false } });
    noPhone(res.body, alice.phone);
    expectError(await anon(`${P}/topics/${topic.id}`), 404, 'NOT_FOUND');
    expectError(await bob.get(`${P}/topics/${topic.id}`), 404, 'NOT_FOUND');
    expect(ok<{ data: PublicTopicItemDto[] }>(await anon(`${P}/topics?pageSize=50`)).data.map((i) => i.id)).not.toContain(topic.id);

    // The console sees a resident's topic, the phone masked; the timeline and the log name the resident by the masked phone.
    const consoleRes = await community1.get(`/api/consultations/topics/${topic.id}`);
    const detail = ok<TopicDetailDto>(consoleRes);
    expect(detail).toMatchObject({ source: 'resident', raisedByPhone: '139****0001', status: 'screening' });
    expect(detail.events).toMatchObject([{ kind: 'raised', toStatus: 'screening', actor: null }]);
    noPhone(consoleRes.body, alice.phone);
    const [audit] = await t.db.query<{ actor_user_id: number | null; actor_name: string; details: string }>(
      "SELECT actor_user_id, actor_name, details::text AS details FROM audit_log WHERE action = 'topic.create' AND target_id = $1",
      [String(topic.id)],
    );
    expect(audit).toMatchObject({ actor_user_id: null, actor_name: '居民 139****0001' });
    expect(audit!.details).not.toContain(alice.phone);

    // Rejected: the raiser sees why, on the topic, in their list and in a notice.
    ok(await screen(topic.id, { categoryId: await excludedCategoryId(t), reason: '属于物业合同纠纷，请通过法律途径解决' }));
    const rejected = ok<PublicTopicDto>(await alice.get(`${P}/topics/${topic.id}`));
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: '属于物业合同纠纷，请通过法律途径解决' });
    expectError(await bob.get(`${P}/topics/${topic.id}`), 404, 'NOT_FOUND');
    const mineRes = await alice.get(`${P}/my-topics`);
    noPhone(mineRes.body, alice.phone);
    const mine = ok<MyTopicListDto>(mineRes);
    expect(mine.data).toEqual([expect.objectContaining({ id: topic.id, status: 'rejected', rejectionReason: '属于物业合同纠纷，请通过法律途径解决' })]);
    expect(ok<MyTopicListDto>(await bob.get(`${P}/my-topics`)).data).toEqual([]);
    const told = await notices(alice);
    expect(told.unread).toBe(1);
    expect(told.data[0]).toMatchObject({ kind: 'topic_rejected', topicId: topic.id, read: false });
    expect(told.data[0]!.text).toContain('属于物业合同纠纷，请通过法律途径解决');
    expect((await notices(bob)).data).toEqual([]);

    // Accepted: public now, and the raiser is told.
    const second = ok<PublicTopicDto>(await raise(alice, { title: '健身器材损坏', nodeId: community }), 201);
    ok(await screen(second.id, { categoryId: await categoryId(t, 'parking') }));
    expect(ok<PublicTopicDto>(await anon(`${P}/topics/${second.id}`))).toMatchObject({ status: 'active', step: 'collect', mine: null });
    expect((await notices(alice)).data[0]).toMatchObject({ kind: 'topic_accepted', topicId: second.id });

    // Marking all read.
    expect(ok(await alice.post('/api/public/resident/notices/read', {}))).toEqual({ ok: true });
    const read = await notices(alice);
    expect(read.unread).toBe(0);
    expect(read.data.every((n) => n.read)).toBe(true);
  });

  it('needs a verified resident, a community or compound, and Chinese messages for bad input', async () => {
    expectError(await anonPost(`${P}/topics`, { title: '无会话', description: '无会话', nodeId: compound1 }), 401, 'RESIDENT_UNVERIFIED');
    expectError(await anon(`${P}/my-topics`), 401, 'RESIDENT_UNVERIFIED');
    expectError(await anon('/api/public/resident/notices'), 401, 'RESIDENT_UNVERIFIED');
    expectError(await anonPost('/api/public/resident/notices/read'), 401, 'RESIDENT_UNVERIFIED');
    const subdistrict = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'subdistrict' ORDER BY id LIMIT 1"))[0]!.id;
    expect(expectError(await raise(bob, { nodeId: subdistrict }), 400, 'TREE_SHAPE').message).toMatch(CHINESE);
    expectError(await raise(bob, { nodeId: 2147483647 }), 404, 'NOT_FOUND');
    for (const body of [{ title: '' }, { title: 'x'.repeat(101) }, { nodeId: 'abc' }, { source: 'community' }]) {
      expect(expectError(await raise(bob, body), 400, 'VALIDATION_FAILED').message).toMatch(CHINESE);
    }
    // Cross-site POSTs are refused (the resident cookie carries no CSRF token).
    expectError(await bob.post(`${P}/topics`, { title: '跨站', description: '跨站', nodeId: compound1 }, { origin: 'https://evil.example' }), 403, 'CSRF_FAILED');
    expect(await count(t.db, 'SELECT count(*)::int AS n FROM topics WHERE raised_by_phone = $1', [bob.phone])).toBe(0);
  });

  it('a resident raises at most ten topics an hour', async () => {
    const busy = await verifiedResident(t, '13922220003');
    for (let i = 0; i < 10; i++) ok(await raise(busy, { title: `限流议题${i}` }), 201);
    const err = expectError(await raise(busy, { title: '第十一个议题' }), 429, 'RATE_LIMITED');
    expect(err.message).toMatch(CHINESE);
    expect(ok<MyTopicListDto>(await busy.get(`${P}/my-topics`)).data).toHaveLength(10);
  });
});

describe('support (支持)', () => {
  it('once per resident while collecting demands: 201, then 200 with the same count; 10 concurrent requests make one row', async () => {
    const topic = await collectTopic(t, community1, '增设非机动车棚', compound1);
    const url = `${P}/topics/${topic.id}/support`;
    expectError(await anonPost(url), 401, 'RESIDENT_UNVERIFIED');
    expect(ok<TopicSupportDto>(await alice.post(url), 201)).toEqual({ supports: 1, supported: true });
    expect(ok<TopicSupportDto>(await alice.post(url, {}), 200)).toEqual({ supports: 1, supported: true });

    const answers = await Promise.all(Array.from({ length: 10 }, () => bob.post(url)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await count(t.db, 'SELECT count(*)::int AS n FROM topic_supports WHERE topic_id = $1', [topic.id])).toBe(2);
    expect(await count(t.db, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'topic.support' AND target_id = $1", [String(topic.id)])).toBe(2);

    const view = ok<PublicTopicDto>(await bob.get(`${P}/topics/${topic.id}`));
    expect(view.supports).toBe(2);
    expect(view.mine).toMatchObject({ supported: true, raised: false });
    expect(ok<{ data: PublicTopicItemDto[] }>(await anon(`${P}/topics?pageSize=50`)).data.find((i) => i.id === topic.id)?.supports).toBe(2);

    // Past 问诉求 support is closed.
    ok(await community1.post(`/api/consultations/topics/${topic.id}/advance`, { record: '收集到居民诉求' }));
    const closed = expectError(await (await verifiedResident(t, '13922220004')).post(url), 409, 'ILLEGAL_TRANSITION');
    expect(closed.message).toContain('问诉求');
    expectError(await alice.post(`${P}/topics/2147483647/support`), 404, 'NOT_FOUND');
    expectError(await alice.post(`${P}/topics/abc/support`), 400, 'VALIDATION_FAILED');
    expectError(await alice.post(url, { extra: 1 }), 400, 'VALIDATION_FAILED');
  });

  it('a screening topic cannot be supported, not even by its raiser', async () => {
    const topic = ok<PublicTopicDto>(await raise(bob, { title: '楼道灯坏了' }), 201);
    expectError(await bob.post(`${P}/topics/${topic.id}/support`), 409, 'ILLEGAL_TRANSITION');
    expectError(await alice.post(`${P}/topics/${topic.id}/support`), 404, 'NOT_FOUND');
  });
});
