import type { EscalationDto, TicketEscalate, TicketEscalationResult } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import * as tickets from '../tickets/tickets.repo.js';
import { chinaDateOf } from '../tickets/working-days.js';
import * as repo from './reception-days.repo.js';

/**
 * Puts a pending escalation on the agenda of the ticket's next reception day (see
 * `nextReceptionDay`); without one it waits, unscheduled, for the next session created.
 */
export async function placeOnNextAgenda(q: Queryable, e: { escalationId: number; ticketId: number; ticketPath: string; addedBy: number | null }): Promise<number | null> {
  const dayId = await repo.nextReceptionDay(q, e.ticketId, e.ticketPath, chinaDateOf(new Date()));
  if (dayId === undefined) return null;
  await repo.insertAgendaItem(q, { receptionDayId: dayId, ticketId: e.ticketId, escalationId: e.escalationId, addedBy: e.addedBy });
  return dayId;
}

export class TicketEscalationService {
  constructor(private readonly db: Db) {}

  /**
   * 书记直通车: the community secretary over an open ticket takes it to the next reception day.
   * Not twice while an earlier escalation waits for its decision.
   */
  escalate(auth: AuthContext, id: number, input: TicketEscalate, actor: Actor): Promise<TicketEscalationResult> {
    return this.db.tx(async (q) => {
      const t = await tickets.getTicket(q, id, { forUpdate: true });
      if (!t || !(pathInScope(t.node_path, scopeFor(auth, 'tickets.read')) || t.owner_user_id === auth.user.id)) throw notFound('工单');
      if (!pathInScope(t.node_path, scopeFor(auth, 'tickets.confirm'))) throw forbidden('只有工单所在社区的社区书记可以提交书记直通车');
      if (t.status === 'closed') throw new AppError(409, 'ILLEGAL_TRANSITION', '工单已关闭，不能提交书记直通车');
      if (await repo.pendingEscalationOf(q, id)) throw new AppError(409, 'CONFLICT', '该工单已提交书记直通车，正等待接待日研究决定');
      const escalationId = await repo.insertEscalation(q, { ticketId: id, reason: input.reason, escalatedBy: actor.userId });
      await repo.markTicketEscalated(q, id);
      const dayId = await placeOnNextAgenda(q, { escalationId, ticketId: id, ticketPath: t.node_path, addedBy: actor.userId });
      const escalation = await repo.getEscalation(q, escalationId);
      const details = { escalationId, receptionDayId: dayId, receptionDay: escalation.receptionDay?.day ?? null };
      await tickets.insertEvent(q, { ticketId: id, kind: 'escalated', from: t.status, to: t.status, actorUserId: actor.userId, note: input.reason, details });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ticket.escalate', targetType: 'ticket', targetId: id, nodeId: t.node_id, result: 'success',
        details: { code: t.code, ...details },
      });
      return { ticket: tickets.toTicketDto((await tickets.getTicket(q, id))!), escalation };
    });
  }

  /** Escalations still waiting for a decision, in the caller's scope; the unscheduled first. */
  async pending(auth: AuthContext): Promise<{ data: EscalationDto[] }> {
    return { data: await repo.listPendingEscalations(this.db, scopePatterns(scopeFor(auth, 'tickets.read'))) };
  }
}
