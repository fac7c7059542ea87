import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESIDENT_COOKIE, type CommentDto, type PublicCommentDto, type PublicTopicDto, type ResidentNoticeListDto, type TopicDetailDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, CHINESE, count, expectError, userId } from '../../test/fixtures.js';
import { collectTopic, ok, verifiedResident, type Resident } from '../../test/cloud-consultation.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let branch2: Client;
let commissioner1: Client;
/** A compound of 府前社区 (community1's, branch1's) and one of 北关社区 (branch2's). */
let compound1: number;
let compound2: number;
let alice: Resident;
let bob: Resident;
let carol: Resident;
/** Every response body of the file: none may carry a resident's whole phone number. */
const bodies: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  admin = await t.login('admin');
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  commissioner1 = await t.login('commissioner1');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  alice = await verifiedResident(t, '13933330001');
  bob = await verifiedResident(t, '13933330002');
  carol = await verifiedResident(t, '13933330003');
});
afterAll(async () => t.close());

const P = '/api/public/consultations';
const kept = <R extends { body: string }>(res: R): R => {
  bodies.push(res.body);
  return res;
};
const comment = async (r: Resident, topicId: number, body: string) => kept(await r.post(`${P}/topics/${topicId}/comments`, { body }));
const publicList = async (topicId: number, r?: Resident) =>
  ok<{ data: PublicCommentDto[] }>(kept(r ? await r.get(`${P}/topics/${topicId}/comments`) : await t.inject({ method: 'GET', url: `${P}/topics/${topicId}/comments` })));
const consoleList = async (c: Client, topicId: number, qs = '') => ok<{ data: CommentDto[] }>(kept(await c.get(`/api/consultations/topics/${topicId}/comments${qs}`)));
const hide = async (c: Client, id: number, reason: string) => kept(await c.post(`/api/consultations/comments/${id}/hide`, { reason }));
const report = async (r: Resident, id: number, reason = '内容不实') => kept(await r.post(`${P}/comments/${id}/report`, { reason }));

describe('comments', () => {
  it('a verified resident comments on an active topic; anyone reads them, authors shown by the last four digits', async () => {
    const topic = await collectTopic(t, community1, '小区停车收费不透明', compound1);
    expectError(await t.inject({ method: 'POST', url: `${P}/topics/${topic.id}/comments`, payload: { body: '匿名留言' } }), 401, 'RESIDENT_UNVERIFIED');
    expectError(await t.inject({ method: 'POST', url: `${P}/topics/${topic.id}/comments`, payload: { body: '伪造会话' }, headers: { cookie: `${RESIDENT_COOKIE}=forged` } }), 401, 'RESIDENT_UNVERIFIED');

    const created = ok<PublicCommentDto>(await comment(alice, topic.id, '建议公示每月停车费收支'), 201);
    expect(created).toMatchObject({ author: '居民（尾号0001）', body: '建议公示每月停车费收支', step: 'collect', mine: true, status: 'visible', hiddenReason: null, reportedByMe: false });
    ok(await comment(bob, topic.id, '同意楼上'), 201);

    const anon = await publicList(topic.id);
    expect(anon.data.map((c) => c.body)).toEqual(['同意楼上', '建议公示每月停车费收支']);
    expect(anon.data.every((c) => !c.mine && !c.reportedByMe)).toBe(true);
    expect((await publicList(topic.id, alice)).data.map((c) => c.mine)).toEqual([false, true]);
    expect(ok<PublicTopicDto>(kept(await t.inject({ method: 'GET', url: `${P}/topics/${topic.id}` }))).comments).toBe(2);
    expect(await count(t.db, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'topicComment.create' AND target_id = $1", [String(created.id)])).toBe(1);

    // Paging and bad input.
    const page = ok<{ data: PublicCommentDto[]; pagination: { total: number } }>(await t.inject({ method: 'GET', url: `${P}/topics/${topic.id}/comments?page=2&pageSize=1` }));
    expect(page.data.map((c) => c.body)).toEqual(['建议公示每月停车费收支']);
    expect(page.pagination.total).toBe(2);
    expectError(await t.inject({ method: 'GET', url: `${P}/topics/${topic.id}/comments?pageSize=51` }), 400, 'VALIDATION_FAILED');
    for (const body of ['', '   ', 'x'.repeat(501)]) expect(expectError(await comment(alice, topic.id, body), 400, 'VALIDATION_FAILED').message).toMatch(CHINESE);
    expectError(await alice.post(`${P}/topics/${topic.id}/comments`, { body: '多余字段', author: 'x' }), 400, 'VALIDATION_FAILED');
  });

  it('only while the topic is active: screening, closed and unknown topics are refused', async () => {
    const screening = ok<PublicTopicDto>(await alice.post(`${P}/topics`, { title: '单元门禁损坏', description: '门禁刷卡无反应', nodeId: compound1 }), 201);
    const refused = expectError(await comment(alice, screening.id, '我提的议题'), 409, 'ILLEGAL_TRANSITION');
    expect(refused.message).toMatch(CHINESE);
    expectError(await comment(bob, screening.id, '别人的待审议题'), 404, 'NOT_FOUND');
    expectError(await t.inject({ method: 'GET', url: `${P}/topics/${screening.id}/comments` }), 404, 'NOT_FOUND');

    const closed = await collectTopic(t, community1, '议题将被终止', compound1);
    ok(await community1.post(`/api/consultations/topics/${closed.id}/close`, { reason: '与其他议题重复' }));
    expect(expectError(await comment(alice, closed.id, '已终止'), 409, 'ILLEGAL_TRANSITION').message).toContain('已终止');
    expectError(await comment(alice, 2147483647, '不存在'), 404, 'NOT_FOUND');
    expect(await count(t.db, 'SELECT count(*)::int AS n FROM topic_comments WHERE topic_id = ANY($1)', [[screening.id, closed.id]])).toBe(0);
  });
});

describe('reports and moderation', () => {
  it('a resident reports a comment once, not their own; the console sees reports, the phone masked', async () => {
    const topic = await collectTopic(t, community1, '广场舞噪音扰民', compound1);
    const c = ok<PublicCommentDto>(await comment(alice, topic.id, '晚上九点后还在放音乐'), 201);
    expectError(await t.inject({ method: 'POST', url: `${P}/comments/${c.id}/report`, payload: { reason: '匿名' } }), 401, 'RESIDENT_UNVERIFIED');
    expectError(await report(alice, c.id), 409, 'CONFLICT');
    expect(ok<PublicCommentDto>(await report(bob, c.id, '与事实不符'), 201)).toMatchObject({ id: c.id, reportedByMe: true, mine: false });
    expectError(await report(bob, c.id), 409, 'DUPLICATE');
    ok(await report(carol, c.id, '人身攻击'), 201);
    expect((await publicList(topic.id, bob)).data[0]).toMatchObject({ id: c.id, reportedByMe: true });
    expectError(await report(bob, 2147483647), 404, 'NOT_FOUND');
    expect(expectError(await bob.post(`${P}/comments/${c.id}/report`, { reason: 'x'.repeat(201) }), 400, 'VALIDATION_FAILED').message).toMatch(CHINESE);
    expect(await count(t.db, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'topicComment.report' AND target_id = $1", [String(c.id)])).toBe(2);

    const all = await consoleList(community1, topic.id);
    expect(all.data[0]).toMatchObject({ id: c.id, topicId: topic.id, authorPhone: '139****0001', reports: 2, reportReasons: ['与事实不符', '人身攻击'], status: 'visible', hiddenByName: null });
    expect((await consoleList(community1, topic.id, '?reported=false')).data).toEqual([]);
    expect((await consoleList(branch1, topic.id, '?reported=true')).data).toHaveLength(1);
    expectError(await branch2.get(`/api/consultations/topics/${topic.id}/comments`), 404, 'NOT_FOUND');
    expectError(await community1.get(`/api/consultations/topics/${topic.id}/comments?status=deleted`), 400, 'VALIDATION_FAILED');
  });

  it('a manager hides a comment: kept with the reason, timeline, audit with the text, and the author told; others refused by scope', async () => {
    const topic = await collectTopic(t, community1, '物业服务质量差', compound1);
    const c = ok<PublicCommentDto>(await comment(alice, topic.id, '物业经理天天不在岗，打电话也不接'), 201);
    ok(await comment(bob, topic.id, '希望换物业'), 201);

    // Roles without consultations.manage are refused by the access check (403); community1 does not see another community's topic (404).
    expectError(await hide(branch1, c.id, '不文明用语'), 403, 'FORBIDDEN');
    expectError(await hide(branch2, c.id, '不文明用语'), 403, 'FORBIDDEN');
    expectError(await hide(commissioner1, c.id, '不文明用语'), 403, 'FORBIDDEN');
    const elsewhere = await collectTopic(t, admin, '北关社区的议题', compound2);
    const foreign = ok<PublicCommentDto>(await comment(bob, elsewhere.id, '别的社区的留言'), 201);
    expectError(await hide(community1, foreign.id, '不文明用语'), 404, 'NOT_FOUND');
    expectError(await community1.get(`/api/consultations/topics/${elsewhere.id}/comments`), 404, 'NOT_FOUND');
    expect((await consoleList(admin, elsewhere.id)).data.map((x) => x.id)).toEqual([foreign.id]);
    expectError(await hide(community1, 2147483647, '不文明用语'), 404, 'NOT_FOUND');
    expect(expectError(await hide(community1, c.id, ''), 400, 'VALIDATION_FAILED').message).toMatch(CHINESE);
    expect(await count(t.db, "SELECT count(*)::int AS n FROM topic_comments WHERE id = $1 AND status = 'hidden'", [c.id])).toBe(0);

    const hidden = ok<CommentDto>(await hide(community1, c.id, '含有针对个人的指责，请文明发言'));
    expect(hidden).toMatchObject({ id: c.id, status: 'hidden', hiddenReason: '含有针对个人的指责，请文明发言', body: '物业经理天天不在岗，打电话也不接', authorPhone: '139****0001' });
    expect(hidden.hiddenByName).toBeTruthy();
    expect(hidden.hiddenAt).not.toBeNull();
    expectError(await hide(community1, c.id, '再隐藏一次'), 409, 'CONFLICT');

    // Gone from the public list and the count; the author still sees it, with the reason.
    expect((await publicList(topic.id)).data.map((x) => x.id)).not.toContain(c.id);
    expect((await publicList(topic.id, bob)).data.map((x) => x.id)).not.toContain(c.id);
    expect((await publicList(topic.id, alice)).data.find((x) => x.id === c.id)).toMatchObject({ status: 'hidden', hiddenReason: '含有针对个人的指责，请文明发言', mine: true });
    expect(ok<PublicTopicDto>(kept(await t.inject({ method: 'GET', url: `${P}/topics/${topic.id}` }))).comments).toBe(1);
    expectError(await report(bob, c.id), 409, 'CONFLICT');

    // The console still lists it.
    expect((await consoleList(community1, topic.id, '?status=hidden')).data.map((x) => x.id)).toEqual([c.id]);

    // Notice to the author.
    const told = ok<ResidentNoticeListDto>(kept(await alice.get('/api/public/resident/notices')));
    expect(told.data[0]).toMatchObject({ kind: 'comment_hidden', topicId: topic.id, read: false });
    expect(told.data[0]!.text).toContain('含有针对个人的指责，请文明发言');
    expect(ok<ResidentNoticeListDto>(await bob.get('/api/public/resident/notices')).data.filter((n) => n.kind === 'comment_hidden')).toEqual([]);

    // Timeline and audit (the audit keeps the hidden text and the reason).
    const detail = ok<TopicDetailDto>(kept(await community1.get(`/api/consultations/topics/${topic.id}`)));
    expect(detail.events.at(-1)).toMatchObject({ kind: 'comment_hidden', note: '含有针对个人的指责，请文明发言', details: { commentId: c.id }, actor: { id: await userId(t.db, 'community1') } });
    const [audit] = await t.db.query<{ actor_user_id: number; details: Record<string, unknown> }>(
      "SELECT actor_user_id, details FROM audit_log WHERE action = 'topicComment.hide' AND target_id = $1",
      [String(c.id)],
    );
    expect(audit!.actor_user_id).toBe(await userId(t.db, 'community1'));
    expect(audit!.details).toMatchObject({ commentId: c.id, topicId: topic.id, body: '物业经理天天不在岗，打电话也不接', reason: '含有针对个人的指责，请文明发言' });
  });

  it('no response body of this file carried a whole phone number', () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const b of bodies) for (const r of [alice, bob, carol]) expect(b).not.toContain(r.phone);
  });
});
