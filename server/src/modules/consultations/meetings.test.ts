import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { RESIDENT_COOKIE, type ConsultationStatsDto, type MeetingAttendanceDto, type MeetingDetailDto, type PublicMeetingDto, type TopicDetailDto } from '@xj/contracts';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError, userId } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let branch2: Client;
/** A compound of 府前社区 (community1's, branch1's), a new one of 府前社区 used only by the statistics fixture, a compound of 北关社区. */
let compound1: number;
let statsCompound: number;
let compound2: number;
let parking: number;

beforeAll(async () => {
  // Every resident here verifies from one address.
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  admin = await t.login('admin');
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  const community = await nodeId(t.db, '府前社区');
  // Created here, so the demo seed's consultation data never lands in it.
  const created = await admin.post('/api/nodes', { parentId: community, kind: 'compound', name: '会议统计测试小区', code: 'MT-STATS-1', compoundKind: 'commercial' });
  statsCompound = (created.json() as { id: number }).id;
  parking = (await t.db.query<{ id: number }>("SELECT id FROM agenda_categories WHERE code = 'parking'"))[0]!.id;
});
afterAll(async () => t.close());

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return res.json() as T;
};
const act = (c: Client, id: number, action: string, body: Record<string, unknown> = {}) => c.post(`/api/consultations/topics/${id}/${action}`, body);
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

/** A topic screened in, at 问诉求 (collect). */
async function collectTopic(title: string, nodeId = compound1): Promise<TopicDetailDto> {
  const topic = ok<TopicDetailDto>(await community1.post('/api/consultations/topics', { title, description: '居民多次反映，希望协商解决', nodeId, source: 'community' }), 201);
  return ok<TopicDetailDto>(await act(community1, topic.id, 'screen', { categoryId: parking }));
}
/** A topic at 议事项 (deliberate) with two options. */
async function deliberateTopic(title: string, nodeId = compound1): Promise<TopicDetailDto> {
  const topic = await collectTopic(title, nodeId);
  ok(await act(community1, topic.id, 'advance', { record: '收集到居民诉求' }));
  ok(await act(community1, topic.id, 'options', { title: '方案一' }));
  ok(await act(community1, topic.id, 'options', { title: '方案二' }));
  return ok<TopicDetailDto>(await act(community1, topic.id, 'advance'));
}
const plan = (c: Client, topicId: number, body: Record<string, unknown> = {}) =>
  c.post('/api/consultations/meetings', { topicId, form: 'roundtable', startsAt: inHours(1), place: '社区党群服务中心二楼', invitedGroups: ['resident_reps', 'property_company'], ...body });
const planned = async (topicId: number, body: Record<string, unknown> = {}) => ok<MeetingDetailDto>(await plan(community1, topicId, body), 201);
const meetingAct = (c: Client, id: number, action: string, body: Record<string, unknown>) => c.post(`/api/consultations/meetings/${id}/${action}`, body);
const audits = (action: string, targetId: number) =>
  t.db.query<{ actor_user_id: number | null; actor_name: string; details: Record<string, unknown> }>(
    'SELECT actor_user_id, actor_name, details FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY id',
    [action, String(targetId)],
  );

// ── Verified residents (the resident-auth flow: code from the development outbox, then verify) ──

let residentSeq = 0;
async function verifiedResident(): Promise<string> {
  const phone = `1391100${String(++residentSeq).padStart(4, '0')}`;
  expect((await t.inject({ method: 'POST', url: '/api/public/resident/code', payload: { phone } })).statusCode).toBe(200);
  const outbox = await t.inject({ method: 'GET', url: `/api/public/dev/sms-outbox?phone=${phone}` });
  const res = await t.inject({ method: 'POST', url: '/api/public/resident/verify', payload: { phone, code: (outbox.json() as { code: string }).code } });
  const cookie = res.cookies.find((c) => c.name === RESIDENT_COOKIE);
  if (!cookie) throw new Error(`no resident cookie: ${res.statusCode} ${res.body}`);
  return cookie.value;
}
const attend = (token: string, cookie?: string) =>
  t.inject({ method: 'POST', url: `/api/public/consultations/meetings/${token}/attend`, ...(cookie ? { headers: { cookie: `${RESIDENT_COOKIE}=${cookie}` } } : {}) });

describe('planning a meeting', () => {
  it('only while the topic deliberates (409 otherwise), by a manager in scope (404 out of it)', async () => {
    const topic = await collectTopic('楼道照明改造');
    expect(expectError(await plan(community1, topic.id), 409, 'ILLEGAL_TRANSITION').details).toEqual({ status: 'active', step: 'collect' });
    // A topic of another community is as good as missing for community1; a branch secretary cannot manage.
    const foreign = ok<TopicDetailDto>(await branch2.post('/api/consultations/topics', { title: '北关的议题', description: '北关小区的事', nodeId: compound2, source: 'branch' }), 201);
    expectError(await plan(community1, foreign.id), 404, 'NOT_FOUND');
    const deliberating = await deliberateTopic('小区充电桩建设');
    expectError(await plan(branch1, deliberating.id), 403, 'FORBIDDEN');
    // Bad input: end before start, unknown group, an office of another community.
    expectError(await plan(community1, deliberating.id, { endsAt: inHours(0.5) }), 400, 'VALIDATION_FAILED');
    expectError(await plan(community1, deliberating.id, { invitedGroups: ['mayor'] }), 400, 'VALIDATION_FAILED');
    const office = ok<{ id: number }>(await admin.post('/api/consultations/offices', { name: '北关商量室', nodeId: compound2 }), 201);
    expectError(await plan(community1, deliberating.id, { officeId: office.id }), 400, 'VALIDATION_FAILED');
    expect(await count(t.db, 'SELECT count(*) FROM consultation_meetings WHERE topic_id = $1', [deliberating.id])).toBe(0);
  });

  it('records form, time, place, office and invited groups, with a random sign-in token, on the timeline and audited', async () => {
    const topic = await deliberateTopic('非机动车棚选址');
    const office = ok<{ id: number; name: string }>(await community1.post('/api/consultations/offices', { name: '府前红色驿站商量室', nodeId: compound1 }), 201);
    const m = await planned(topic.id, { form: 'onsite', officeId: office.id, endsAt: inHours(3) });
    expect(m).toMatchObject({ topicId: topic.id, form: 'onsite', status: 'planned', office: { id: office.id, name: '府前红色驿站商量室' }, invitedGroups: ['resident_reps', 'property_company'], attendees: [], attendanceCount: 0 });
    expect(m.signInToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(m.signInPath).toBe(`/m/consult/meeting/${m.signInToken}`);
    const other = await planned(topic.id);
    expect(other.signInToken).not.toBe(m.signInToken);
    const detail = ok<TopicDetailDto>(await community1.get(`/api/consultations/topics/${topic.id}`));
    expect(detail.events.filter((e) => e.kind === 'meeting_planned').map((e) => e.details.meetingId)).toEqual([m.id, other.id]);
    const [row] = await audits('consultationMeeting.create', topic.id);
    expect(row).toMatchObject({ actor_user_id: await userId(t.db, 'community1') });
    const list = ok<{ data: { id: number }[] }>(await community1.get(`/api/consultations/meetings?topicId=${topic.id}`));
    expect(list.data.map((x) => x.id).sort()).toEqual([m.id, other.id].sort());
  });

  it('out of the reader\'s scope a meeting is 404 (detail, minutes, list)', async () => {
    const topic = await deliberateTopic('垃圾分类亭位置');
    const m = await planned(topic.id);
    expectError(await branch2.get(`/api/consultations/meetings/${m.id}`), 404, 'NOT_FOUND');
    expectError(await branch2.get(`/api/consultations/meetings/${m.id}/minutes.html`), 404, 'NOT_FOUND');
    expect(ok<{ data: unknown[] }>(await branch2.get(`/api/consultations/meetings?topicId=${topic.id}`)).data).toEqual([]);
    // A branch secretary has no consultations.manage at all.
    expectError(await meetingAct(branch2, m.id, 'cancel', { reason: '越权' }), 403, 'FORBIDDEN');
  });
});

describe('holding a meeting', () => {
  it('needs minutes and a decision (400); sets the topic\'s decision (source meeting) so 议事项 can be left', async () => {
    const topic = await deliberateTopic('小区停车收费标准');
    const m = await planned(topic.id);
    expectError(await meetingAct(community1, m.id, 'hold', { decision: '按方案二执行' }), 400, 'VALIDATION_FAILED');
    expectError(await meetingAct(community1, m.id, 'hold', { minutes: '讨论了收费标准' }), 400, 'VALIDATION_FAILED');
    expectError(await meetingAct(community1, m.id, 'hold', { minutes: '讨论', decision: '   ' }), 400, 'VALIDATION_FAILED');
    // An option of another topic.
    const other = await deliberateTopic('另一个停车议题');
    expectError(await meetingAct(community1, m.id, 'hold', { minutes: '讨论', decision: '按别的方案', optionId: other.options[0]!.id }), 400, 'VALIDATION_FAILED');
    expect((await t.db.query<{ status: string }>('SELECT status FROM consultation_meetings WHERE id = $1', [m.id]))[0]!.status).toBe('planned');
    // Without a decision the topic cannot leave 议事项.
    expectError(await act(community1, topic.id, 'advance'), 409, 'ILLEGAL_TRANSITION');

    const optionId = topic.options[1]!.id;
    const held = ok<MeetingDetailDto>(await meetingAct(community1, m.id, 'hold', { minutes: '居民代表 12 人参加，讨论收费标准', decision: '按方案二执行，每月 60 元', optionId }));
    expect(held).toMatchObject({ status: 'held', minutes: '居民代表 12 人参加，讨论收费标准', decision: '按方案二执行，每月 60 元', decisionOptionId: optionId });
    expect(held.heldAt).not.toBeNull();
    const after = ok<TopicDetailDto>(await community1.get(`/api/consultations/topics/${topic.id}`));
    expect(after).toMatchObject({ decision: '按方案二执行，每月 60 元', decisionOptionId: optionId, decisionSource: 'meeting' });
    expect((await t.db.query<{ decision_meeting_id: number }>('SELECT decision_meeting_id FROM topics WHERE id = $1', [topic.id]))[0]!.decision_meeting_id).toBe(m.id);
    expect(after.events.slice(-3).map((e) => e.kind)).toEqual(['meeting_planned', 'decided', 'meeting_held']);
    expect(await audits('consultationMeeting.hold', topic.id)).toHaveLength(1);

    // Held is final; the topic moves on.
    expectError(await meetingAct(community1, m.id, 'hold', { minutes: '再开一次', decision: '改' }), 409, 'ILLEGAL_TRANSITION');
    expectError(await meetingAct(community1, m.id, 'cancel', { reason: '取消' }), 409, 'ILLEGAL_TRANSITION');
    expect(ok<TopicDetailDto>(await act(community1, topic.id, 'advance')).step).toBe('implement');
    // Not deliberating any more: no new meeting, and another planned meeting can no longer be held.
    expectError(await plan(community1, topic.id), 409, 'ILLEGAL_TRANSITION');
  });

  it('the decision option is optional; cancelling needs a reason and keeps the topic undecided', async () => {
    const topic = await deliberateTopic('健身器材更新');
    const c = await planned(topic.id);
    expectError(await meetingAct(community1, c.id, 'cancel', {}), 400, 'VALIDATION_FAILED');
    const cancelled = ok<MeetingDetailDto>(await meetingAct(community1, c.id, 'cancel', { reason: '暴雨，改期' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '暴雨，改期' });
    expect(ok<TopicDetailDto>(await community1.get(`/api/consultations/topics/${topic.id}`)).decision).toBeNull();
    const m = await planned(topic.id);
    const held = ok<MeetingDetailDto>(await meetingAct(community1, m.id, 'hold', { minutes: '讨论', decision: '更新全部器材' }));
    expect(held.decisionOptionId).toBeNull();
    const after = ok<TopicDetailDto>(await community1.get(`/api/consultations/topics/${topic.id}`));
    expect(after).toMatchObject({ decisionSource: 'meeting', decisionOptionId: null });
    expect(after.events.map((e) => e.kind)).toContain('meeting_cancelled');
  });
});

describe('residents sign in by QR code', () => {
  it('the public summary has no personal data; signing in needs a verified resident and is idempotent', async () => {
    const topic = await deliberateTopic('楼顶防水维修');
    const m = await planned(topic.id, { startsAt: inHours(1.5) });
    ok(await meetingAct(community1, m.id, 'attendees', { name: '张阿姨', group: 'resident_reps', phone: '13912345678' }), 201);
    const summary = ok<PublicMeetingDto>(await t.inject({ method: 'GET', url: `/api/public/consultations/meetings/${m.signInToken}` }));
    expect(summary).toEqual({ topicTitle: '楼顶防水维修', communityName: '府前社区', form: 'roundtable', startsAt: m.startsAt, endsAt: null, place: m.place, status: 'planned', signInOpen: true });
    expectError(await t.inject({ method: 'GET', url: '/api/public/consultations/meetings/AAAAAAAAAAAAAAAAAAAAAA' }), 404, 'NOT_FOUND');
    expectError(await t.inject({ method: 'GET', url: '/api/public/consultations/meetings/short' }), 400, 'VALIDATION_FAILED');

    expectError(await attend(m.signInToken), 401, 'RESIDENT_UNVERIFIED');
    const cookie = await verifiedResident();
    const first = ok<MeetingAttendanceDto>(await attend(m.signInToken, cookie), 201);
    expect(first.created).toBe(true);
    const again = ok<MeetingAttendanceDto>(await attend(m.signInToken, cookie), 200);
    expect(again).toEqual({ ...first, created: false });
    expect(await count(t.db, 'SELECT count(*) FROM consultation_meeting_attendances WHERE meeting_id = $1', [m.id])).toBe(2);
    const [audit] = await audits('consultationMeeting.signIn', m.id);
    expect(audit!.actor_name).toMatch(/^居民 139\*{4}\d{4}$/);
    // The console sees both attendances, phones masked.
    const detail = ok<MeetingDetailDto>(await community1.get(`/api/consultations/meetings/${m.id}`));
    expect(detail.attendees.map((a) => [a.source, a.phone])).toEqual([['staff', '139****5678'], ['qr', expect.stringMatching(/^139\*{4}\d{4}$/)]]);
    expect(JSON.stringify(detail)).not.toContain('13912345678');
    // A staff session does not sign in as a resident.
    expectError(await community1.post(`/api/public/consultations/meetings/${m.signInToken}/attend`), 401, 'RESIDENT_UNVERIFIED');
  });

  it('refused before the window opens (2 hours before), after cancelling and once held', async () => {
    const topic = await deliberateTopic('小区门禁升级');
    const cookie = await verifiedResident();
    const early = await planned(topic.id, { startsAt: inHours(2.5) });
    expect(expectError(await attend(early.signInToken, cookie), 409, 'CONFLICT').details).toMatchObject({ reason: 'not_open' });
    expect(ok<PublicMeetingDto>(await t.inject({ method: 'GET', url: `/api/public/consultations/meetings/${early.signInToken}` })).signInOpen).toBe(false);
    // Past its end time.
    const ended = await planned(topic.id, { startsAt: inHours(-3), endsAt: inHours(-1) });
    expect(expectError(await attend(ended.signInToken, cookie), 409, 'CONFLICT').details).toMatchObject({ reason: 'closed' });
    const cancelled = await planned(topic.id);
    ok(await meetingAct(community1, cancelled.id, 'cancel', { reason: '改期' }));
    expect(expectError(await attend(cancelled.signInToken, cookie), 409, 'CONFLICT').details).toMatchObject({ reason: 'cancelled' });
    const held = await planned(topic.id, { startsAt: inHours(-1) });
    ok(await attend(held.signInToken, cookie), 201);
    ok(await meetingAct(community1, held.id, 'hold', { minutes: '讨论门禁', decision: '升级人脸识别门禁' }));
    expect(expectError(await attend(held.signInToken, cookie), 409, 'CONFLICT').details).toMatchObject({ reason: 'closed' });
    expect(await count(t.db, 'SELECT count(*) FROM consultation_meeting_attendances a JOIN consultation_meetings m ON m.id = a.meeting_id WHERE m.topic_id = $1', [topic.id])).toBe(1);
  });

  it('one attendance per resident, also under 10 concurrent requests', async () => {
    const topic = await deliberateTopic('电梯加装意向');
    const m = await planned(topic.id);
    const cookie = await verifiedResident();
    const results = await Promise.all(Array.from({ length: 10 }, () => attend(m.signInToken, cookie)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(results.map((r) => (r.json() as MeetingAttendanceDto).attendanceId));
    expect(ids.size).toBe(1);
    expect(await count(t.db, 'SELECT count(*) FROM consultation_meeting_attendances WHERE meeting_id = $1', [m.id])).toBe(1);
    expect(await audits('consultationMeeting.signIn', m.id)).toHaveLength(1);
  });
});

describe('printable minutes', () => {
  it('an A4 page with the decision, attendees and a signatures area; no full phone number anywhere', async () => {
    const topic = await deliberateTopic('老旧小区雨污分流');
    const m = await planned(topic.id, { form: 'onsite' });
    ok(await meetingAct(community1, m.id, 'attendees', { name: '李<b>大姐</b>', group: 'resident_reps', phone: '13987654321' }), 201);
    ok(await meetingAct(community1, m.id, 'hold', { minutes: '居民 13811112222 反映雨天积水严重', decision: '采用方案一，年底前完工', optionId: topic.options[0]!.id }));
    const res = await community1.get(`/api/consultations/meetings/${m.id}/minutes.html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    for (const s of ['老旧小区雨污分流', '采用方案一，年底前完工', '方案一', '现场商量', '居民代表、物业企业', '139****4321', '138****2222', '签字', '@page { size: A4']) expect(html).toContain(s);
    expect(html).not.toMatch(/1[3-9]\d{9}/);
    expect(html).not.toContain('<b>大姐');
    expect(html).not.toContain('<script');
  });
});

// jsqr is CommonJS whose types say `export default`: under NodeNext the function is `.default`.
const jsQR = jsQRModule.default;

describe('sign-in QR code', () => {
  it('a PNG whose code opens the meeting\'s sign-in page on this site; out of scope is 404', async () => {
    const topic = await deliberateTopic('小区门口电动车充电桩');
    const m = await planned(topic.id, { form: 'roundtable' });
    const res = await community1.get(`/api/consultations/meetings/${m.id}/qr.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const png = PNG.sync.read(res.rawPayload);
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(`http://localhost:80${m.signInPath}`);
    expect(m.signInPath).toBe(`/m/consult/meeting/${m.signInToken}`);
    expectError(await branch2.get(`/api/consultations/meetings/${m.id}/qr.png`), 404, 'NOT_FOUND');
  });
});

describe('statistics', () => {
  it('counts held meetings by form and their attendances, topics by status and step, in the caller\'s scope', async () => {
    // The fixture, alone in its compound: A has a held on-site meeting (2 staff attendees + 1 resident) and a
    // cancelled round-table; B a held online meeting without attendees and a planned on-site meeting a resident
    // signed in to (not counted); C is still being screened.
    const a = await deliberateTopic('统计议题甲', statsCompound);
    const b = await deliberateTopic('统计议题乙', statsCompound);
    ok(await community1.post('/api/consultations/topics', { title: '统计议题丙', description: '待审查', nodeId: statsCompound, source: 'community' }), 201);
    const a1 = await planned(a.id, { form: 'onsite' });
    ok(await meetingAct(community1, a1.id, 'attendees', { name: '甲一', group: 'stewards' }), 201);
    ok(await meetingAct(community1, a1.id, 'attendees', { name: '甲二', group: 'deputies' }), 201);
    const cookie = await verifiedResident();
    ok(await attend(a1.signInToken, cookie), 201);
    ok(await meetingAct(community1, a1.id, 'hold', { minutes: '讨论', decision: '决定甲' }));
    const a2 = await planned(a.id, { form: 'roundtable' });
    ok(await meetingAct(community1, a2.id, 'cancel', { reason: '不再需要' }));
    const b1 = await planned(b.id, { form: 'onsite' });
    ok(await attend(b1.signInToken, cookie), 201);
    const b2 = await planned(b.id, { form: 'online', place: '微信群' });
    ok(await meetingAct(community1, b2.id, 'hold', { minutes: '线上讨论', decision: '决定乙' }));

    const stats = ok<ConsultationStatsDto>(await community1.get(`/api/consultations/stats?nodeId=${statsCompound}`));
    expect(stats).toMatchObject({
      meetings: 2,
      attendances: 3,
      byForm: { onsite: 1, roundtable: 0, online: 1 },
      topicsByStatus: { screening: 1, rejected: 0, active: 2, evaluated: 0, closed: 0 },
      topicsByStep: { collect: 0, propose: 0, deliberate: 2, implement: 0, evaluate: 0 },
    });
    // The whole scope includes the fixture; a node out of scope is 404; bad parameters 400.
    const all = ok<ConsultationStatsDto>(await community1.get('/api/consultations/stats'));
    expect(all.meetings).toBeGreaterThanOrEqual(2);
    expect(all.meetings).toBe(all.byForm.onsite + all.byForm.roundtable + all.byForm.online);
    expect(all.attendances).toBeGreaterThanOrEqual(3);
    expectError(await branch2.get(`/api/consultations/stats?nodeId=${statsCompound}`), 404, 'NOT_FOUND');
    expectError(await community1.get('/api/consultations/stats?nodeId=abc'), 400, 'VALIDATION_FAILED');
    // branch2's scope holds none of it.
    const theirs = ok<ConsultationStatsDto>(await branch2.get('/api/consultations/stats'));
    expect(theirs.topicsByStep.deliberate).toBe(0);
  });
});
