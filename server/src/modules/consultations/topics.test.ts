import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { STEP_EXIT_RULES, type SimilarTopicDto, type TopicDetailDto, type TopicDto } from '@xj/contracts';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, CHINESE, count, expectError, userId } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let subdistrict1: Client;
let branch1: Client;
let branch2: Client;
let commissioner1: Client;
/** 府前社区 (community1's), a compound of it (branch1's), a compound of 北关社区 (branch2's, another subdistrict). */
let community: number;
let compound1: number;
let compound2: number;
let community2: number;
const categories: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  subdistrict1 = await t.login('subdistrict1');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  commissioner1 = await t.login('commissioner1');
  community = await nodeId(t.db, '府前社区');
  community2 = await nodeId(t.db, '北关社区');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  for (const c of await t.db.query<{ id: number; code: string }>('SELECT id, code FROM agenda_categories')) categories[c.code] = c.id;
});
afterAll(async () => t.close());

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return res.json() as T;
};
const raise = (c: Client, body: Record<string, unknown>) => c.post('/api/consultations/topics', { source: 'branch', description: '居民多次反映，希望协商解决', ...body });
const raised = async (c: Client, body: Record<string, unknown>) => ok<TopicDetailDto>(await raise(c, body), 201);
const act = (c: Client, id: number, action: string, body: Record<string, unknown> = {}) => c.post(`/api/consultations/topics/${id}/${action}`, body);
const audits = (action: string, targetId: number) =>
  t.db.query<{ actor_user_id: number; node_id: number; result: string; details: Record<string, unknown> }>(
    'SELECT actor_user_id, node_id, result, details FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY id',
    [action, String(targetId)],
  );
/** A topic accepted by screening, now at 问诉求 (collect). */
async function activeTopic(title: string): Promise<TopicDetailDto> {
  const topic = await raised(branch1, { title, nodeId: compound1 });
  return ok<TopicDetailDto>(await act(community1, topic.id, 'screen', { categoryId: categories.parking, responsibleName: '王主任' }));
}

describe('raising a topic', () => {
  it('a branch raises a topic at its compound: screening, the raiser\'s phone masked, on the timeline and in the audit log', async () => {
    const topic = await raised(branch1, { title: '三号楼前乱停车', nodeId: compound1, raisedByName: '李大姐', raisedByPhone: '13912345678' });
    expect(topic).toMatchObject({ status: 'screening', step: null, category: null, nodeId: compound1, communityId: community, source: 'branch', raisedByName: '李大姐' });
    expect(topic.raisedByPhone).toBe('139****5678');
    expect(topic.steps).toEqual([]);
    expect(topic.events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([['raised', null, 'screening']]);
    const [row] = await audits('topic.create', topic.id);
    expect(row).toMatchObject({ actor_user_id: await userId(t.db, 'branch1'), node_id: compound1, result: 'success' });
    expect(JSON.stringify(row!.details)).not.toContain('13912345678');
  });

  it('only in the raiser\'s scope, at a community or compound; a commissioner only reads', async () => {
    expectError(await raise(branch1, { title: '别的小区的事', nodeId: compound2 }), 404, 'NOT_FOUND');
    expectError(await raise(branch1, { title: '整个社区的事', nodeId: community }), 404, 'NOT_FOUND');
    const building = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE parent_id = $1 AND kind = 'building' LIMIT 1", [compound1]))[0]!.id;
    expectError(await raise(community1, { title: '楼栋的事', nodeId: building }), 400, 'TREE_SHAPE');
    expectError(await raise(commissioner1, { title: '专员提出', nodeId: community }), 403, 'FORBIDDEN');
    expectError(await raise(community1, { title: '缺工单', nodeId: community, source: 'ticket' }), 400, 'VALIDATION_FAILED');
    ok(await raise(community1, { title: '社区层面的议题', nodeId: community, source: 'community' }), 201);
  });

  it('from a ticket in the same community, at most one open topic per ticket', async () => {
    const [ticket] = await t.db.query<{ id: number; code: string }>(
      "SELECT tk.id, tk.code FROM tickets tk JOIN nodes n ON n.id = tk.node_id WHERE n.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' ORDER BY tk.id LIMIT 1",
      [community],
    );
    const [elsewhere] = await t.db.query<{ id: number }>(
      "SELECT tk.id FROM tickets tk JOIN nodes n ON n.id = tk.node_id WHERE n.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' ORDER BY tk.id LIMIT 1",
      [community2],
    );
    const topic = await raised(community1, { title: '工单转议题', nodeId: community, source: 'ticket', ticketId: ticket!.id });
    expect(topic).toMatchObject({ source: 'ticket', ticketId: ticket!.id, ticketCode: ticket!.code });
    const again = expectError(await raise(community1, { title: '同一工单再转', nodeId: community, source: 'ticket', ticketId: ticket!.id }), 409, 'DUPLICATE');
    expect(again.details).toEqual({ existingId: topic.id });
    // Another community's ticket is out of community1's scope: as if it did not exist.
    expectError(await raise(community1, { title: '别处工单', nodeId: community, source: 'ticket', ticketId: elsewhere!.id }), 404, 'NOT_FOUND');
    // The county sees it, but it is not in this topic's community.
    expectError(await raise(admin, { title: '别处工单', nodeId: community, source: 'ticket', ticketId: elsewhere!.id }), 400, 'VALIDATION_FAILED');
    // Once closed, the ticket may become a topic again.
    ok(await act(community1, topic.id, 'close', { reason: '已并入其他议题' }));
    ok(await raise(community1, { title: '工单再转议题', nodeId: community, source: 'ticket', ticketId: ticket!.id }), 201);
  });
});

describe('screening (七议五不议)', () => {
  it('an excluded category needs a reason, rejects the topic, and the submitter sees the reason', async () => {
    const topic = await raised(branch1, { title: '要求公开业主身份证号', nodeId: compound1 });
    const missing = expectError(await act(community1, topic.id, 'screen', { categoryId: categories.secret_privacy }), 400, 'VALIDATION_FAILED');
    expect(missing.message).toMatch(/不议事项.*理由/);
    expect(ok<TopicDetailDto>(await branch1.get(`/api/consultations/topics/${topic.id}`)).status).toBe('screening');

    const rejected = ok<TopicDetailDto>(await act(community1, topic.id, 'screen', { categoryId: categories.secret_privacy, reason: '涉及个人隐私，不宜公开协商' }));
    expect(rejected).toMatchObject({ status: 'rejected', step: null, rejectionReason: '涉及个人隐私，不宜公开协商', category: { id: categories.secret_privacy, kind: 'excluded' } });
    expect(rejected.steps).toEqual([]);
    // The branch that raised it reads the reason.
    const seen = ok<TopicDetailDto>(await branch1.get(`/api/consultations/topics/${topic.id}`));
    expect(seen.rejectionReason).toBe('涉及个人隐私，不宜公开协商');
    expect(seen.events.at(-1)).toMatchObject({ kind: 'rejected', fromStatus: 'screening', toStatus: 'rejected', note: '涉及个人隐私，不宜公开协商' });
    const [row] = await audits('topic.reject', topic.id);
    expect(row).toMatchObject({ actor_user_id: await userId(t.db, 'community1'), result: 'success', details: { categoryId: categories.secret_privacy } });

    // Rejected is terminal.
    expectError(await act(community1, topic.id, 'screen', { categoryId: categories.parking }), 409, 'ILLEGAL_TRANSITION');
    expectError(await act(community1, topic.id, 'advance', { record: 'x' }), 409, 'ILLEGAL_TRANSITION');
    expectError(await act(community1, topic.id, 'close', { reason: 'x' }), 409, 'ILLEGAL_TRANSITION');
  });

  it('an allowed category activates the topic and opens 问诉求 with its responsible person', async () => {
    const topic = await raised(branch1, { title: '楼道堆物清理', nodeId: compound1 });
    const active = ok<TopicDetailDto>(await act(community1, topic.id, 'screen', { categoryId: categories.sanitation, responsibleUserId: await userId(t.db, 'branch1') }));
    expect(active).toMatchObject({ status: 'active', step: 'collect', category: { id: categories.sanitation, name: '环境卫生', kind: 'allowed' }, rejectionReason: null });
    expect(active.steps).toHaveLength(1);
    expect(active.steps[0]).toMatchObject({ step: 'collect', endedAt: null, record: null, responsibleUserId: await userId(t.db, 'branch1') });
    expect(active.steps[0]!.responsibleName).toBeTruthy();
    expect(active.events.at(-1)).toMatchObject({ kind: 'accepted', step: 'collect', fromStatus: 'screening', toStatus: 'active' });
    expect(await audits('topic.accept', topic.id)).toHaveLength(1);
  });

  it('only a manager of the topic\'s node screens; unknown or inactive categories and responsible users are refused', async () => {
    const topic = await raised(branch1, { title: '健身器材维修', nodeId: compound1 });
    // The branch reads it but does not screen (403); another community's branch does not see it at all (404).
    expectError(await act(community1, topic.id, 'screen', {}), 400, 'VALIDATION_FAILED');
    expectError(await act(branch1, topic.id, 'screen', { categoryId: categories.public_space }), 403, 'FORBIDDEN');
    expectError(await branch2.get(`/api/consultations/topics/${topic.id}`), 404, 'NOT_FOUND');
    expectError(await act(community1, topic.id, 'screen', { categoryId: 2_000_000 }), 400, 'VALIDATION_FAILED');
    expectError(await act(community1, topic.id, 'screen', { categoryId: categories.public_space, responsibleUserId: 2_000_000 }), 400, 'VALIDATION_FAILED');
    await t.db.query('UPDATE agenda_categories SET active = false WHERE id = $1', [categories.neighbourhood]);
    try {
      expectError(await act(community1, topic.id, 'screen', { categoryId: categories.neighbourhood }), 400, 'VALIDATION_FAILED');
    } finally {
      await t.db.query('UPDATE agenda_categories SET active = true WHERE id = $1', [categories.neighbourhood]);
    }
    expect(ok<TopicDetailDto>(await branch1.get(`/api/consultations/topics/${topic.id}`))).toMatchObject({ status: 'screening', steps: [] });
  });
});

describe('the five steps', () => {
  it('refuses moves whose conditions do not hold, with the table\'s Chinese message', async () => {
    const topic = await activeTopic('电动车充电难');
    // Leaving 问诉求 needs a record.
    const noRecord = expectError(await act(community1, topic.id, 'advance'), 409, 'ILLEGAL_TRANSITION');
    expect(noRecord.message).toBe(STEP_EXIT_RULES.collect.message);
    expect(noRecord.details).toEqual({ step: 'collect', unmet: ['record'] });
    // Options and decisions belong to later steps; outcome to the last.
    expectError(await act(community1, topic.id, 'options', { title: '方案一' }), 409, 'ILLEGAL_TRANSITION');
    expectError(await act(community1, topic.id, 'advance', { record: '收集诉求', outcome: '太早了' }), 400, 'VALIDATION_FAILED');
    // A record written first counts.
    ok(await act(community1, topic.id, 'record', { record: '走访 30 户，20 户希望建集中充电棚' }));
    const propose = ok<TopicDetailDto>(await act(community1, topic.id, 'advance', { responsibleName: '张书记' }));
    expect(propose.step).toBe('propose');
    expect(propose.steps[0]).toMatchObject({ step: 'collect', record: '走访 30 户，20 户希望建集中充电棚' });
    expect(propose.steps[0]!.endedAt).not.toBeNull();

    // Leaving 提方案 needs at least one option.
    const noOption = expectError(await act(community1, topic.id, 'advance', { record: '还没有方案' }), 409, 'ILLEGAL_TRANSITION');
    expect(noOption.message).toBe('至少要有一个方案，才能进入“议事项”');
    expect(noOption.details).toEqual({ step: 'propose', unmet: ['option'] });
    expectError(await act(community1, topic.id, 'decision', { decision: '太早', optionId: 1 }), 409, 'ILLEGAL_TRANSITION');
    const after = ok<TopicDetailDto>(await community1.get(`/api/consultations/topics/${topic.id}`));
    expect(after.step).toBe('propose');
    expect(after.steps.filter((s) => s.endedAt === null)).toHaveLength(1);
  });

  it('walks a topic through all five steps to its published outcome, every move on the timeline and in the audit log', async () => {
    const topic = await activeTopic('小区停车位不足');
    const id = topic.id;
    ok(await act(community1, id, 'advance', { record: '收集到 45 条停车诉求' }));
    const withOptions = ok<TopicDetailDto>(await act(community1, id, 'options', { title: '绿化带改停车位', description: '改造东侧绿化带', cost: 120000.5 }));
    expect(withOptions.options[0]).toMatchObject({ title: '绿化带改停车位', cost: 120000.5, createdBy: { id: await userId(t.db, 'community1') } });
    ok(await act(community1, id, 'options', { title: '错峰共享周边单位车位' }));
    const deliberate = ok<TopicDetailDto>(await act(community1, id, 'advance', { responsibleName: '议事会' }));
    expect(deliberate.step).toBe('deliberate');

    // Leaving 议事项 needs a decision on one of this topic's options.
    expect(expectError(await act(community1, id, 'advance'), 409, 'ILLEGAL_TRANSITION').details).toEqual({ step: 'deliberate', unmet: ['decision'] });
    const other = await activeTopic('另一个议题的方案');
    ok(await act(community1, other.id, 'advance', { record: '另一个议题的诉求' }));
    const foreign = ok<TopicDetailDto>(await act(community1, other.id, 'options', { title: '别的议题的方案' })).options[0]!.id;
    expectError(await act(community1, id, 'decision', { decision: '采用', optionId: foreign }), 400, 'VALIDATION_FAILED');
    const optionId = deliberate.options[1]!.id;
    const decided = ok<TopicDetailDto>(await act(community1, id, 'decision', { decision: '居民代表会议表决通过错峰共享方案', optionId }));
    expect(decided).toMatchObject({ decision: '居民代表会议表决通过错峰共享方案', decisionOptionId: optionId, decisionSource: 'recorded' });
    ok(await act(community1, id, 'advance', { record: '圆桌会议 18 人参加' }));

    // Leaving 快办理 needs every task at 100% (or a record).
    const withTask = ok<TopicDetailDto>(await act(community1, id, 'tasks', { title: '与周边单位签协议', ownerName: '王主任', deadline: '2026-12-31', progress: 50 }));
    const taskId = withTask.tasks[0]!.id;
    expect(expectError(await act(community1, id, 'advance'), 409, 'ILLEGAL_TRANSITION').details).toEqual({ step: 'implement', unmet: ['tasksDoneOrRecord'] });
    expectError(await community1.patch(`/api/consultations/topics/${id}/tasks/${taskId}`, { progress: 101 }), 400, 'VALIDATION_FAILED');
    expectError(await community1.patch(`/api/consultations/topics/${id}/tasks/2000000`, { progress: 100 }), 404, 'NOT_FOUND');
    const done = ok<TopicDetailDto>(await community1.patch(`/api/consultations/topics/${id}/tasks/${taskId}`, { progress: 100 }));
    expect(done.tasks[0]).toMatchObject({ progress: 100, deadline: '2026-12-31', ownerName: '王主任' });
    ok(await act(community1, id, 'advance'));

    // Leaving 评效果 needs the outcome; it concludes the topic.
    expect(expectError(await act(community1, id, 'advance'), 409, 'ILLEGAL_TRANSITION').details).toEqual({ step: 'evaluate', unmet: ['outcome'] });
    const evaluated = ok<TopicDetailDto>(await act(community1, id, 'advance', { record: '回访 30 户，满意 27 户', outcome: '新增共享车位 60 个，夜间停车难缓解', reviewDate: '2027-06-30' }));
    expect(evaluated).toMatchObject({ status: 'evaluated', step: null, outcome: '新增共享车位 60 个，夜间停车难缓解', reviewDate: '2027-06-30' });
    expect(evaluated.evaluatedAt).not.toBeNull();
    expect(evaluated.steps.map((s) => s.step)).toEqual(['collect', 'propose', 'deliberate', 'implement', 'evaluate']);
    expect(evaluated.steps.every((s) => s.endedAt !== null)).toBe(true);
    expect(evaluated.steps.map((s) => s.responsibleName)).toEqual(['王主任', null, '议事会', null, null]);
    expect(evaluated.events.map((e) => e.kind)).toEqual([
      'raised', 'accepted', 'advanced', 'option_added', 'option_added', 'advanced', 'decided', 'advanced', 'task_added', 'task_updated', 'advanced', 'evaluated',
    ]);
    expect(evaluated.events.filter((e) => e.kind === 'advanced').map((e) => [e.details.from, e.details.to])).toEqual([
      ['collect', 'propose'], ['propose', 'deliberate'], ['deliberate', 'implement'], ['implement', 'evaluate'],
    ]);
    expect(await audits('topic.advance', id)).toHaveLength(4);
    const [evaluation] = await audits('topic.evaluate', id);
    expect(evaluation).toMatchObject({ node_id: compound1, details: { from: 'evaluate', before: { status: 'active', step: 'evaluate' }, after: { status: 'evaluated', step: null } } });

    // Concluded: nothing moves any more; the timeline cannot be rewritten.
    expectError(await act(community1, id, 'advance', { outcome: '再来一次' }), 409, 'ILLEGAL_TRANSITION');
    await expect(t.db.query('UPDATE topic_events SET note = $2 WHERE topic_id = $1', [id, '改写'])).rejects.toThrow(/append-only/);
    // The list filters by status, step, category, node and text.
    const list = ok<{ data: TopicDto[] }>(await community1.get(`/api/consultations/topics?status=evaluated&categoryId=${categories.parking}&nodeId=${compound1}&q=${encodeURIComponent('停车位')}`));
    expect(list.data.map((x) => x.id)).toEqual([id]);
  });

  it('keeps one active step at a time, under concurrent moves too', async () => {
    const topic = await activeTopic('垃圾桶摆放位置');
    ok(await act(community1, topic.id, 'record', { record: '诉求已收集' }));
    const results = await Promise.all([act(community1, topic.id, 'advance'), act(community1, topic.id, 'advance')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await count(t.db, 'SELECT count(*) FROM topic_steps WHERE topic_id = $1 AND ended_at IS NULL', [topic.id])).toBe(1);
    expect(await count(t.db, 'SELECT count(*) FROM topic_steps WHERE topic_id = $1', [topic.id])).toBe(2);
    // The database itself refuses a second open step.
    await expect(t.db.query("INSERT INTO topic_steps (topic_id, step) VALUES ($1, 'deliberate')", [topic.id])).rejects.toThrow();
    // Closing ends the open step.
    const closed = ok<TopicDetailDto>(await act(community1, topic.id, 'close', { reason: '与其他议题重复' }));
    expect(closed).toMatchObject({ status: 'closed', step: null, closedReason: '与其他议题重复' });
    expect(closed.steps.every((s) => s.endedAt !== null)).toBe(true);
    expect(await audits('topic.close', topic.id)).toHaveLength(1);
  });

  it('the filters of the list: step and source', async () => {
    const topic = await activeTopic('路灯不亮影响夜间出行');
    const atCollect = ok<{ data: TopicDto[] }>(await community1.get('/api/consultations/topics?status=active&step=collect&source=branch&pageSize=200')).data;
    expect(atCollect.map((x) => x.id)).toContain(topic.id);
    expect(atCollect.every((x) => x.step === 'collect' && x.source === 'branch')).toBe(true);
    expectError(await community1.get('/api/consultations/topics?step=vote'), 400, 'VALIDATION_FAILED');
  });
});

describe('similar topics', () => {
  it('suggests open topics of the same community whose titles share character pairs', async () => {
    const parking = await raised(branch1, { title: '夜间停车位紧张', nodeId: compound1 });
    const similar = async (nodeId: number, title: string) =>
      ok<{ data: SimilarTopicDto[] }>(await community1.get(`/api/consultations/topics/similar?nodeId=${nodeId}&title=${encodeURIComponent(title)}`)).data;
    const found = await similar(community, '停车位太少怎么办');
    expect(found.map((s) => s.id)).toContain(parking.id);
    expect(found.find((s) => s.id === parking.id)!.shared).toBeGreaterThanOrEqual(2);
    // Unrelated words find nothing; common words alone (小区, 问题) do not make titles similar.
    expect((await similar(community, '广场舞音响扰民')).map((s) => s.id)).not.toContain(parking.id);
    expect((await similar(community, '小区问题')).map((s) => s.id)).not.toContain(parking.id);

    // The screen response shows them too.
    const duplicate = await raised(branch1, { title: '停车位紧张怎么解决', nodeId: compound1 });
    expect(duplicate.similar.map((s) => s.id)).toContain(parking.id);
    const screened = ok<TopicDetailDto>(await act(community1, duplicate.id, 'screen', { categoryId: categories.parking }));
    expect(screened.similar.map((s) => s.id)).toContain(parking.id);
    expect(screened.similar.map((s) => s.id)).not.toContain(duplicate.id);

    // Another community's topics are not suggested (and 北关's branch sees none of 府前's).
    const elsewhere = await raised(branch2, { title: '夜间停车位紧张', nodeId: compound2 });
    expect((await similar(community, '夜间停车位紧张')).map((s) => s.id)).not.toContain(elsewhere.id);
    const fromBranch2 = ok<{ data: SimilarTopicDto[] }>(await branch2.get(`/api/consultations/topics/similar?nodeId=${compound2}&title=${encodeURIComponent('夜间停车位紧张')}`)).data;
    expect(fromBranch2.map((s) => s.id)).not.toContain(parking.id);
    expectError(await branch2.get(`/api/consultations/topics/similar?nodeId=${compound1}&title=x`), 404, 'NOT_FOUND');
    // Closed topics are no longer suggested.
    ok(await act(community1, parking.id, 'close', { reason: '与其他议题合并' }));
    expect((await similar(community, '停车位太少怎么办')).map((s) => s.id)).not.toContain(parking.id);
  });
});

describe('scope', () => {
  it('a topic outside the caller\'s subtree is 404, and lists show only their subtree', async () => {
    const topic = await raised(branch2, { title: '北关社区的议题', nodeId: compound2 });
    for (const c of [branch1, community1, subdistrict1, commissioner1]) {
      expectError(await c.get(`/api/consultations/topics/${topic.id}`), 404, 'NOT_FOUND');
      expect(ok<{ data: TopicDto[] }>(await c.get('/api/consultations/topics?pageSize=200')).data.map((x) => x.id)).not.toContain(topic.id);
    }
    // Managers elsewhere cannot act on it either: 404, as for a missing id.
    for (const c of [community1, subdistrict1]) {
      expectError(await act(c, topic.id, 'close', { reason: '越权' }), 404, 'NOT_FOUND');
      expectError(await act(c, topic.id, 'screen', { categoryId: categories.parking }), 404, 'NOT_FOUND');
    }
    const mine = await raised(branch1, { title: '府前社区的议题', nodeId: compound1 });
    expectError(await branch2.get(`/api/consultations/topics/${mine.id}`), 404, 'NOT_FOUND');
    expect(ok<{ data: TopicDto[] }>(await branch2.get('/api/consultations/topics?pageSize=200')).data.every((x) => x.communityId === community2)).toBe(true);
    expectError(await branch2.get(`/api/consultations/topics?nodeId=${community}`), 404, 'NOT_FOUND');
    // The county and the commissioner of 府前 read it; the commissioner cannot run it.
    expect(ok<TopicDetailDto>(await admin.get(`/api/consultations/topics/${topic.id}`)).title).toBe('北关社区的议题');
    expect(ok<TopicDetailDto>(await commissioner1.get(`/api/consultations/topics/${mine.id}`)).id).toBe(mine.id);
    expectError(await act(commissioner1, mine.id, 'close', { reason: '专员' }), 403, 'FORBIDDEN');
    const refused = expectError(await act(branch1, mine.id, 'close', { reason: '支部' }), 403, 'FORBIDDEN');
    expect(refused.message).toMatch(CHINESE);
  });
});
