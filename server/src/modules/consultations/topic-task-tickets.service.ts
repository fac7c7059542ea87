import type { TopicDetailDto, TopicTaskTicket } from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, type AuthContext } from '../../platform/auth/scope.js';
import { fileTicket } from '../tickets/tickets.service.js';
import * as ticketsRepo from '../tickets/tickets.repo.js';
import { assertState, recordMove, topicDetail, topicToManage } from './topic-access.js';
import * as repo from './topics.repo.js';

/**
 * 快办理 → the ticket module: a task of the implement step becomes a ticket at the topic's
 * place (source 'consultation'), handed to the community's commissioner like any report, so
 * that the closed loop (acceptance, deadline, confirmation) runs it; the task shows its status.
 */
export class TopicTaskTicketsService {
  constructor(private readonly db: Db) {}

  async openTicket(auth: AuthContext, id: number, taskId: number, input: TopicTaskTicket, actor: Actor): Promise<TopicDetailDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      const task = await repo.getTask(q, id, taskId, { forUpdate: true });
      if (!task) throw notFound('办理任务');
      assertState(t, ['active'], '把办理任务转为工单', 'implement');
      if (task.ticket) throw conflict(`该任务已转为工单 ${task.ticket.code}`);
      if (!pathInScope(t.node_path, scopeFor(auth, 'tickets.report'))) throw forbidden('没有在议题所在位置上报工单的权限');
      const category = await ticketsRepo.getCategory(q, input.categoryId);
      if (!category?.active) throw badRequest('工单类别不存在或已停用');
      const ticket = await fileTicket(
        q,
        {
          source: 'consultation',
          category,
          node: { id: t.node_id, path: t.node_path },
          address: null,
          lat: null,
          lng: null,
          description: input.description ?? `议题“${t.title}”的办理任务：${task.title}（负责人：${task.ownerName}）`,
          reporterName: null,
          reporterPhone: null,
          priority: input.priority,
          details: { topicId: t.id, taskId },
        },
        actor,
      );
      await repo.setTaskTicket(q, taskId, ticket.id);
      await recordMove(q, t, { kind: 'task_updated', action: 'topic.taskTicket', step: t.step, to: 'active', note: null, details: { taskId, title: task.title, ticketId: ticket.id, ticketCode: ticket.code } }, actor);
      return topicDetail(q, auth, id);
    });
  }
}
