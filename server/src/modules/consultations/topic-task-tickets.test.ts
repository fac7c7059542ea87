import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { TicketDetailDto, TopicDetailDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, expectError } from '../../test/fixtures.js';

let t: TestApp;
let community1: Client;
let commissioner1: Client;
let branch1: Client;
let compound1: number;
let categoryId: number;
let parking: number;

beforeAll(async () => {
  t = await startTestApp();
  community1 = await t.login('community1');
  commissioner1 = await t.login('commissioner1');
  branch1 = await t.login('branch1');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  categoryId = (await t.db.query<{ id: number }>('SELECT id FROM ticket_categories WHERE active ORDER BY id LIMIT 1'))[0]!.id;
  parking = (await t.db.query<{ id: number }>("SELECT id FROM agenda_categories WHERE code = 'parking'"))[0]!.id;
});
afterAll(async () => t.close());

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return res.json() as T;
};
const act = (c: Client, id: number, action: string, body: Record<string, unknown> = {}) => c.post(`/api/consultations/topics/${id}/${action}`, body);

/** A topic of branch1's compound taken to 快办理 with one task. */
async function topicWithTask(title: string): Promise<{ id: number; taskId: number }> {
  const { id } = ok<TopicDetailDto>(await branch1.post('/api/consultations/topics', { source: 'branch', title, description: '居民反映', nodeId: compound1 }), 201);
  ok(await act(community1, id, 'screen', { categoryId: parking }));
  ok(await act(community1, id, 'advance', { record: '收集诉求' }));
  const optionId = ok<TopicDetailDto>(await act(community1, id, 'options', { title: '划线' })).options[0]!.id;
  ok(await act(community1, id, 'advance'));
  ok(await act(community1, id, 'decision', { decision: '采用划线方案', optionId }));
  ok(await act(community1, id, 'advance'));
  const withTask = ok<TopicDetailDto>(await act(community1, id, 'tasks', { title: '施划停车位', ownerName: '物业王经理', deadline: '2026-12-31' }));
  return { id, taskId: withTask.tasks[0]!.id };
}

describe('快办理: a task handed to the ticket module', () => {
  it('files a ticket at the topic\'s place (source consultation), hands it to the commissioner, and the task shows it', async () => {
    const { id, taskId } = await topicWithTask('小区停车位施划');
    const topic = ok<TopicDetailDto>(await act(community1, id, `tasks/${taskId}/ticket`, { categoryId, priority: 'high' }), 201);
    const ticketRef = topic.tasks[0]!.ticket!;
    expect(ticketRef.code).toBeTruthy();
    expect(topic.events.at(-1)).toMatchObject({ kind: 'task_updated' });
    expect(topic.events.at(-1)!.details).toMatchObject({ taskId, ticketCode: ticketRef.code });

    const ticket = ok<TicketDetailDto>(await commissioner1.get(`/api/tickets/${ticketRef.id}`));
    expect(ticket).toMatchObject({ source: 'consultation', priority: 'high', nodeId: compound1, status: 'assigned' });
    expect(ticket.description).toContain('小区停车位施划');
    expect(ticket.description).toContain('施划停车位');
    const [audit] = await t.db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'topic.taskTicket' AND target_id = $1", [String(id)]);
    expect(audit!.details).toMatchObject({ taskId, ticketId: ticketRef.id });

    // Once only; the task's status follows the ticket.
    expectError(await act(community1, id, `tasks/${taskId}/ticket`, { categoryId }), 409, 'CONFLICT');
    ok(await commissioner1.post(`/api/tickets/${ticketRef.id}/accept`, {}));
    const after = ok<TopicDetailDto>(await community1.get(`/api/consultations/topics/${id}`));
    expect(after.tasks[0]!.ticket).toMatchObject({ id: ticketRef.id, status: 'accepted' });
  });

  it('refuses outside 快办理, an unknown category or task, and callers who do not run the topic', async () => {
    const { id, taskId } = await topicWithTask('楼道灯维修');
    expectError(await act(community1, id, `tasks/${taskId}/ticket`, { categoryId: 2_000_000 }), 400, 'VALIDATION_FAILED');
    expectError(await act(community1, id, `tasks/2000000/ticket`, { categoryId }), 404, 'NOT_FOUND');
    expectError(await act(community1, id, `tasks/${taskId}/ticket`, { categoryId, priority: 'someday' }), 400, 'VALIDATION_FAILED');
    expectError(await act(branch1, id, `tasks/${taskId}/ticket`, { categoryId }), 403);
    ok(await act(community1, id, 'advance', { record: '已完成' }));
    expectError(await act(community1, id, `tasks/${taskId}/ticket`, { categoryId }), 409, 'ILLEGAL_TRANSITION');
    const tickets = await t.db.query("SELECT 1 FROM tickets WHERE source = 'consultation' AND description LIKE '%楼道灯维修%'");
    expect(tickets).toHaveLength(0);
  });
});
