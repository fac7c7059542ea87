import type { TicketStatus } from '@xj/contracts';
import { AppError, badRequest } from '../../platform/errors.js';
import { assertTransition } from '../tickets/tickets.state.js';
import { endOfChinaDay } from '../tickets/working-days.js';

/** The ticket as a reception day's decision finds it (locked by the caller). */
export interface DecisionTicket {
  code: string;
  status: TicketStatus;
  ownerId: number | null;
  deadline: Date;
}

/** The commissioner a decision names as the new owner, already found within the manager's scope. */
export interface DecisionOwner {
  id: number;
  name: string;
  userId: number | null;
  userDisabled: boolean | null;
}

export interface DecisionChange {
  newOwner?: DecisionOwner | undefined;
  /** A China date; the deadline becomes its 23:59:59. */
  newDeadline?: string | undefined;
}

export interface DecisionEffect {
  /** `assigned` with a new owner (who must accept again), else the status stays. */
  to: TicketStatus;
  newOwner: DecisionOwner | null;
  newDeadline: Date | null;
  /** What the "接待日决定" timeline entry and the audit row carry besides the session's references. */
  details: Record<string, unknown>;
}

/**
 * What a reception day's decision may do to a ticket, and what it then does, without touching
 * the database: a new owner only where `assign` is a legal step and only one who can sign in
 * and is not the owner already; a new deadline only on an open ticket and not before `today`
 * (the China date of the decision). `ReceptionDaysService.decide` applies it; the demo seed
 * applies it to its held sessions, so both write the same.
 */
export function decisionEffect(t: DecisionTicket, change: DecisionChange, today: string): DecisionEffect {
  let to = t.status;
  const details: Record<string, unknown> = {};
  const owner = change.newOwner ?? null;
  if (owner) {
    assertTransition('assign', t.status);
    if (owner.userId === null || owner.userDisabled) throw badRequest(`服务专员“${owner.name}”没有可用的登录账号，无法接单`);
    if (owner.id === t.ownerId) throw badRequest(`“${owner.name}”已是该工单的负责人`);
    to = 'assigned';
    Object.assign(details, { previousOwnerId: t.ownerId, commissionerId: owner.id, commissionerName: owner.name });
  }
  let newDeadline: Date | null = null;
  if (change.newDeadline !== undefined) {
    if (t.status === 'closed') throw new AppError(409, 'ILLEGAL_TRANSITION', `工单 ${t.code} 已关闭，不能调整办理期限`);
    if (change.newDeadline < today) throw badRequest('新的办理期限不能早于今天');
    newDeadline = endOfChinaDay(change.newDeadline);
    Object.assign(details, { previousDeadline: new Date(t.deadline).toISOString(), deadline: newDeadline.toISOString() });
  }
  return { to, newOwner: owner, newDeadline, details };
}
