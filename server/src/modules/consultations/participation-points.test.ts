import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetailDto, PublicCommentDto, TopicDetailDto, VoteDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count } from '../../test/fixtures.js';
import { collectTopic, ok, verifiedResident, type Resident } from '../../test/cloud-consultation.js';
import { balance, expectLedgerConsistent, member } from '../../test/points.js';

/** 积分 for taking part in cloud consultation: comments, online votes and meeting sign-ins by residents linked to a person. */

let t: TestApp;
let admin: Client;
let community1: Client;
let compound1: number;

beforeAll(async () => {
  // Every resident here verifies from one address.
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  admin = await t.login('admin');
  community1 = await t.login('community1');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
});
afterAll(async () => t.close());

const P = '/api/public/consultations';
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const act = (id: number, action: string, body: Record<string, unknown> = {}) => community1.post(`/api/consultations/topics/${id}/${action}`, body);

let phoneSeq = 0;
/** A verified resident whose phone is in no registry record (not linked to a person). */
const unlinked = () => verifiedResident(t, `1391300${String(++phoneSeq).padStart(4, '0')}`);

interface Entry {
  rule_code: string;
  source_type: string;
  source_id: string;
  delta: number;
}
const entriesOf = (personId: number) =>
  t.db.query<Entry>("SELECT rule_code, source_type, source_id::text, delta FROM point_entries WHERE person_id = $1 AND kind = 'earn' ORDER BY id", [personId]);
const entriesBy = (ruleCode: string, sourceId: number) =>
  count(t.db, "SELECT count(*)::int AS n FROM point_entries WHERE rule_code = $1 AND source_id = $2 AND kind = 'earn'", [ruleCode, sourceId]);

/** A topic at 议事项 (deliberate) with two plan options. */
async function deliberateTopic(title: string): Promise<TopicDetailDto> {
  const topic = await collectTopic(t, community1, title, compound1);
  ok(await act(topic.id, 'advance', { record: '收集到居民诉求' }));
  ok(await act(topic.id, 'options', { title: '方案一' }));
  ok(await act(topic.id, 'options', { title: '方案二' }));
  return ok<TopicDetailDto>(await act(topic.id, 'advance'));
}
const comment = (r: Resident, topicId: number, body = '建议增加照明') => r.post(`${P}/topics/${topicId}/comments`, { body });
const attend = (r: Resident, token: string) => r.post(`${P}/meetings/${token}/attend`);

describe('a resident linked to a registry person earns points for taking part', () => {
  it('a comment: one consultation_comment entry per comment, sourced by the comment', async () => {
    const p = await member(t, community1, compound1, '留言居民');
    const topic = await collectTopic(t, community1, '楼道照明改造', compound1);
    const first = ok<PublicCommentDto>(await comment(p.phoneSession, topic.id), 201);
    const second = ok<PublicCommentDto>(await comment(p.phoneSession, topic.id, '灯要节能'), 201);
    expect(await entriesOf(p.id)).toEqual([
      { rule_code: 'consultation_comment', source_type: 'consultation_participation', source_id: String(first.id), delta: 1 },
      { rule_code: 'consultation_comment', source_type: 'consultation_participation', source_id: String(second.id), delta: 1 },
    ]);
    expect(await balance(t, p.id)).toBe(2);
    const [audit] = await t.db.query<{ details: { pointsEntryId: number; points: number } }>(
      "SELECT details FROM audit_log WHERE action = 'topicComment.create' AND target_id = $1",
      [String(first.id)],
    );
    expect(audit!.details).toMatchObject({ pointsEntryId: expect.any(Number), points: 1 });
    await expectLedgerConsistent(t);
  });

  it('a vote ballot: one consultation_vote entry per topic', async () => {
    const p = await member(t, community1, compound1, '投票居民');
    const topic = await deliberateTopic('非机动车棚选址');
    ok<VoteDto>(await act(topic.id, 'vote', { closesAt: inHours(48) }), 201);
    ok(await p.phoneSession.post(`${P}/topics/${topic.id}/vote`, { optionId: topic.options[0]!.id }), 201);
    // A second ballot is refused, and earns nothing.
    expect((await p.phoneSession.post(`${P}/topics/${topic.id}/vote`, { optionId: topic.options[1]!.id })).statusCode).toBe(409);
    expect(await entriesOf(p.id)).toEqual([{ rule_code: 'consultation_vote', source_type: 'consultation_participation', source_id: String(topic.id), delta: 2 }]);
    expect(await balance(t, p.id)).toBe(2);
    await expectLedgerConsistent(t);
  });

  it('a QR sign-in to a meeting: one meeting_attendance entry per meeting, a second sign-in earns nothing more', async () => {
    const p = await member(t, community1, compound1, '参会居民');
    const topic = await deliberateTopic('小区停车收费');
    const m = ok<MeetingDetailDto>(
      await community1.post('/api/consultations/meetings', { topicId: topic.id, form: 'roundtable', startsAt: inHours(1), place: '社区党群服务中心', invitedGroups: ['resident_reps'] }),
      201,
    );
    ok(await attend(p.phoneSession, m.signInToken), 201);
    ok(await attend(p.phoneSession, m.signInToken), 200);
    expect(await entriesOf(p.id)).toEqual([{ rule_code: 'meeting_attendance', source_type: 'consultation_participation', source_id: String(m.id), delta: 5 }]);
    // Attendance staff record has no resident behind it: nobody is credited for it.
    ok(await community1.post(`/api/consultations/meetings/${m.id}/attendees`, { name: '张阿姨', group: 'resident_reps' }), 201);
    expect(await entriesBy('meeting_attendance', m.id)).toBe(1);
    expect(await balance(t, p.id)).toBe(5);
    await expectLedgerConsistent(t);
  });
});

describe('no points', () => {
  it('for a resident whose phone is not linked to a registry person (the act still succeeds)', async () => {
    const r = await unlinked();
    const topic = await deliberateTopic('垃圾分类亭位置');
    ok<VoteDto>(await act(topic.id, 'vote', { closesAt: inHours(48) }), 201);
    const c = ok<PublicCommentDto>(await comment(r, topic.id), 201);
    ok(await r.post(`${P}/topics/${topic.id}/vote`, { optionId: topic.options[0]!.id }), 201);
    const m = ok<MeetingDetailDto>(
      await community1.post('/api/consultations/meetings', { topicId: topic.id, form: 'onsite', startsAt: inHours(1), place: '小区广场', invitedGroups: ['resident_reps'] }),
      201,
    );
    ok(await attend(r, m.signInToken), 201);
    expect(await entriesBy('consultation_comment', c.id)).toBe(0);
    expect(await entriesBy('consultation_vote', topic.id)).toBe(0);
    expect(await entriesBy('meeting_attendance', m.id)).toBe(0);
  });

  it('while the rule is inactive', async () => {
    const p = await member(t, community1, compound1, '规则停用居民');
    const topic = await collectTopic(t, community1, '健身器材更新', compound1);
    ok(await admin.patch('/api/points/rules/consultation_comment', { active: false }));
    try {
      ok<PublicCommentDto>(await comment(p.phoneSession, topic.id), 201);
      expect(await entriesOf(p.id)).toEqual([]);
      expect(await balance(t, p.id)).toBe(0);
    } finally {
      ok(await admin.patch('/api/points/rules/consultation_comment', { active: true }));
    }
    const later = ok<PublicCommentDto>(await comment(p.phoneSession, topic.id, '再提一条'), 201);
    expect((await entriesOf(p.id)).map((e) => e.source_id)).toEqual([String(later.id)]);
    await expectLedgerConsistent(t);
  });
});
