import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicDetailDto, TopicParticipationDto, VoteBallotDto, VoteDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError } from '../../test/fixtures.js';
import { collectTopic as screenedTopic, ok, verifiedResident, type Resident as ResidentClient } from '../../test/cloud-consultation.js';
import { participationParts } from './participation-parts.js';

let t: TestApp;
let community1: Client;
let branch1: Client;
let compound1: number;

beforeAll(async () => {
  // Every resident here verifies from one address.
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
});
afterAll(async () => t.close());

const act = (c: Client, id: number, action: string, body: Record<string, unknown> = {}) => c.post(`/api/consultations/topics/${id}/${action}`, body);
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

/** A topic at 议事项 (deliberate) with `options` plan options. */
async function deliberateTopic(title: string, options = 2): Promise<TopicDetailDto> {
  const topic = await screenedTopic(t, community1, title, compound1);
  ok(await act(community1, topic.id, 'advance', { record: '收集到居民诉求' }));
  for (let i = 1; i <= options; i++) ok(await act(community1, topic.id, 'options', { title: `方案${i}` }));
  return ok<TopicDetailDto>(await act(community1, topic.id, 'advance'));
}
const openVote = (id: number, closesAt = inHours(48)) => act(community1, id, 'vote', { closesAt });
const closeVote = (id: number, body?: Record<string, unknown>) => community1.post(`/api/consultations/topics/${id}/vote/close`, body);
const cast = (r: ResidentClient, id: number, optionId: number) => r.post(`/api/public/consultations/topics/${id}/vote`, { optionId });
const participation = async (id: number) => ok<TopicParticipationDto>(await community1.get(`/api/consultations/topics/${id}/participation`));
const topicOf = (id: number) => community1.get(`/api/consultations/topics/${id}`).then((r) => ok<TopicDetailDto>(r));
const residentId = async (r: ResidentClient) => (await t.db.query<{ id: number }>('SELECT id FROM residents WHERE phone = $1', [r.phone]))[0]!.id;

let phoneSeq = 0;
const resident = () => verifiedResident(t, `1391200${String(++phoneSeq).padStart(4, '0')}`);

/** A deliberating topic with an open vote. */
async function votingTopic(title: string): Promise<{ id: number; options: number[] }> {
  const topic = await deliberateTopic(title);
  ok<VoteDto>(await openVote(topic.id), 201);
  return { id: topic.id, options: topic.options.map((o) => o.id) };
}

describe('opening the online vote', () => {
  it('only while deliberating, with at least two options, once per topic, closing 1 hour to 30 days ahead', async () => {
    const collecting = await screenedTopic(t, community1, '楼道灯改造', compound1);
    expectError(await openVote(collecting.id), 409, 'ILLEGAL_TRANSITION');

    const single = await deliberateTopic('单一方案的议题', 1);
    expect(expectError(await openVote(single.id), 409, 'CONFLICT').message).toContain('目前有 1 个');

    const topic = await deliberateTopic('充电桩选址投票');
    expectError(await openVote(topic.id, inHours(0.5)), 400, 'VALIDATION_FAILED');
    expectError(await openVote(topic.id, inHours(31 * 24)), 400, 'VALIDATION_FAILED');
    expectError(await openVote(topic.id, 'tomorrow'), 400, 'VALIDATION_FAILED');
    expectError(await act(branch1, topic.id, 'vote', { closesAt: inHours(48) }), 403, 'FORBIDDEN');
    expect(await count(t.db, 'SELECT count(*) FROM topic_votes WHERE topic_id = $1', [topic.id])).toBe(0);

    const closesAt = inHours(48);
    const vote = ok<VoteDto>(await openVote(topic.id, closesAt), 201);
    expect(vote).toMatchObject({ open: true, closedAt: null, ballots: 0, results: null, closesAt: new Date(closesAt).toISOString() });
    expectError(await openVote(topic.id), 409, 'DUPLICATE');

    const events = (await topicOf(topic.id)).events.filter((e) => e.kind === 'vote_opened');
    expect(events).toHaveLength(1);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'topic.voteOpen' AND target_id = $1", [String(topic.id)])).toBe(1);
  });
});

describe('ballots', () => {
  it('one per verified resident, on one of the topic\'s options, even with 10 concurrent requests', async () => {
    const { id, options } = await votingTopic('非机动车棚改造');
    const other = await votingTopic('另一个投票议题');
    const [a, b] = [await resident(), await resident()];

    expectError(await t.inject({ method: 'POST', url: `/api/public/consultations/topics/${id}/vote`, payload: { optionId: options[0] } }), 401, 'RESIDENT_UNVERIFIED');
    expectError(await cast(a, id, other.options[0]!), 400, 'VALIDATION_FAILED');
    expectError(await cast(a, 2147483647, options[0]!), 404, 'NOT_FOUND');

    const ballot = ok<VoteBallotDto>(await cast(a, id, options[0]!), 201);
    expect(ballot.optionId).toBe(options[0]);
    expect(Date.parse(ballot.castAt)).not.toBeNaN();
    expectError(await cast(a, id, options[1]!), 409, 'VOTE_ALREADY_CAST');

    const results = await Promise.all(Array.from({ length: 10 }, () => cast(b, id, options[1]!)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    for (const r of results.filter((x) => x.statusCode === 409)) expectError(r, 409, 'VOTE_ALREADY_CAST');
    expect(await count(t.db, 'SELECT count(*) FROM topic_vote_ballots WHERE topic_id = $1 AND resident_id = $2', [id, await residentId(b)])).toBe(1);
    expect(await count(t.db, 'SELECT count(*) FROM topic_vote_ballots WHERE topic_id = $1', [id])).toBe(2);

    // Ballots are secret: the audit rows say who voted, never for what.
    const audits = await t.db.query<{ actor_user_id: number | null; actor_name: string; details: Record<string, unknown> }>(
      "SELECT actor_user_id, actor_name, details FROM audit_log WHERE action = 'topic.vote' AND target_id = $1 ORDER BY id",
      [String(id)],
    );
    expect(audits).toHaveLength(2);
    for (const row of audits) {
      expect(row.actor_user_id).toBeNull();
      expect(row.actor_name).toMatch(/^居民 139\*{4}\d{4}$/);
      expect(Object.keys(row.details)).not.toContain('optionId');
      expect(JSON.stringify(row.details)).not.toMatch(/option|方案/i);
    }
  });

  it('results stay hidden while the vote is open, for residents and the console alike', async () => {
    const { id, options } = await votingTopic('小区绿化补种');
    const [a, b] = [await resident(), await resident()];
    ok(await cast(a, id, options[0]!), 201);
    ok(await cast(b, id, options[1]!), 201);

    const mine = await participationParts(t.db, { id }, await residentId(a), { staff: false });
    expect(mine.vote).toMatchObject({ open: true, ballots: 2, results: null });
    expect(mine.mine.votedOptionId).toBe(options[0]);
    const staffView = await participationParts(t.db, { id }, null, { staff: true });
    expect(staffView.vote).toMatchObject({ open: true, ballots: 2, results: null });
    expect(staffView.mine.votedOptionId).toBeNull();
    await expect(participation(id)).resolves.toMatchObject({ vote: { open: true, ballots: 2, results: null } });
    // The phone page's topic view: the same, and this resident's own choice to them only.
    expect(ok(await a.get(`/api/public/consultations/topics/${id}`))).toMatchObject({ vote: { open: true, ballots: 2, results: null }, mine: { votedOptionId: options[0] } });
    expect(ok(await t.inject({ method: 'GET', url: `/api/public/consultations/topics/${id}` }))).toMatchObject({ vote: { open: true, ballots: 2, results: null }, mine: null });
  });
});

describe('closing the vote', () => {
  it('with a decision: the option with most votes becomes the topic\'s decision (source vote); later ballots are refused', async () => {
    const { id, options } = await votingTopic('停车位分配方案');
    const [a, b, c, d] = [await resident(), await resident(), await resident(), await resident()];
    ok(await cast(a, id, options[1]!), 201);
    ok(await cast(b, id, options[1]!), 201);
    ok(await cast(c, id, options[0]!), 201);

    expectError(await closeVote(id, { decision: '' }), 400, 'VALIDATION_FAILED');
    const closed = ok<VoteDto>(await closeVote(id, { decision: '按线上投票结果实施方案2' }));
    expect(closed.open).toBe(false);
    expect(closed.closedAt).not.toBeNull();
    expect(closed.results).toEqual([
      { optionId: options[0], title: '方案1', votes: 1 },
      { optionId: options[1], title: '方案2', votes: 2 },
    ]);

    const topic = await topicOf(id);
    expect(topic).toMatchObject({ decision: '按线上投票结果实施方案2', decisionOptionId: options[1], decisionSource: 'vote' });
    const kinds = topic.events.map((e) => e.kind);
    expect(kinds.slice(kinds.indexOf('vote_closed'))).toEqual(['vote_closed', 'decided']);
    expect(topic.events.find((e) => e.kind === 'decided')!.details).toMatchObject({ source: 'vote', optionId: options[1] });
    for (const action of ['topic.voteClose', 'topic.decide']) {
      expect(await count(t.db, 'SELECT count(*) FROM audit_log WHERE action = $1 AND target_id = $2', [action, String(id)])).toBe(1);
    }

    expectError(await cast(d, id, options[0]!), 409, 'VOTE_CLOSED');
    expectError(await closeVote(id), 409, 'VOTE_CLOSED');
    expect(await count(t.db, 'SELECT count(*) FROM topic_vote_ballots WHERE topic_id = $1', [id])).toBe(3);
    // Closed: the results are shown to everyone, the resident's own choice to them only.
    const mine = await participationParts(t.db, { id }, await residentId(c), { staff: false });
    expect(mine.vote!.results).toEqual(closed.results);
    expect(mine.mine.votedOptionId).toBe(options[0]);
    await expect(participation(id)).resolves.toMatchObject({ vote: { open: false, results: closed.results } });
    expect(ok(await d.get(`/api/public/consultations/topics/${id}`))).toMatchObject({ vote: { open: false, results: closed.results }, mine: { votedOptionId: null } });
    // The decision meets 议事项's exit condition.
    expect(ok<TopicDetailDto>(await act(community1, id, 'advance')).step).toBe('implement');
  });

  it('a tie for first place, or no ballots, is refused when deciding; without a decision it just closes', async () => {
    const tied = await votingTopic('健身器材位置');
    expect(expectError(await closeVote(tied.id, { decision: '按投票结果' }), 409, 'CONFLICT').message).toMatch(/还没有居民投票/);
    const [a, b] = [await resident(), await resident()];
    ok(await cast(a, tied.id, tied.options[0]!), 201);
    ok(await cast(b, tied.id, tied.options[1]!), 201);
    expect(expectError(await closeVote(tied.id, { decision: '按投票结果' }), 409, 'VOTE_TIED').message).toMatch(/商量会议/);
    // Nothing was written: still open, no decision.
    await expect(participation(tied.id)).resolves.toMatchObject({ vote: { open: true, results: null } });
    expect((await topicOf(tied.id)).decision).toBeNull();

    const closed = ok<VoteDto>(await closeVote(tied.id));
    expect(closed).toMatchObject({ open: false, ballots: 2 });
    expect(closed.results!.map((r) => r.votes)).toEqual([1, 1]);
    expect((await topicOf(tied.id)).decisionSource).toBeNull();
  });

  it('a vote past its closing time takes no ballots and shows its results; closing it then just marks it', async () => {
    const { id, options } = await votingTopic('快递柜位置');
    const a = await resident();
    ok(await cast(a, id, options[0]!), 201);
    await t.db.query("UPDATE topic_votes SET opens_at = now() - interval '3 hours', closes_at = now() - interval '1 hour' WHERE topic_id = $1", [id]);
    expectError(await cast(await resident(), id, options[1]!), 409, 'VOTE_CLOSED');
    const view = await participation(id);
    expect(view.vote).toMatchObject({ open: false, closedAt: view.vote!.closesAt, results: [{ votes: 1 }, { votes: 0 }] });
    const marked = ok<VoteDto>(await closeVote(id));
    expect(marked.closedAt).toBe(view.vote!.closesAt);
    expectError(await closeVote(id), 409, 'VOTE_CLOSED');
  });
});
