import { TICKET_ACTION_LABELS, TICKET_STATUS_LABELS, type Permission, type TicketAction, type TicketStatus } from '@xj/contracts';
import { AppError } from '../../platform/errors.js';

export interface TransitionRule {
  /** The statuses the step may start from. */
  from: readonly TicketStatus[];
  /** Where it may lead ('same': the status stays, the step only adds to the timeline). */
  to: readonly TicketStatus[] | 'same';
  /** The permission the route declares; who exactly may act is checked by the service. */
  permission: Permission;
}

/**
 * The one table of legal steps: reported → assigned → accepted → in_progress → handled →
 * confirmed → closed. A manager may (re)assign any open ticket short of handled; the owner
 * involves departments while working on it; the community secretary's confirmation leads to
 * confirmed, back to in_progress (not resolved) or straight to closed (closed unresolved).
 */
export const TICKET_TRANSITIONS: Record<TicketAction, TransitionRule> = {
  assign: { from: ['reported', 'assigned', 'accepted', 'in_progress'], to: ['assigned'], permission: 'tickets.manage' },
  accept: { from: ['assigned'], to: ['accepted'], permission: 'tickets.handle' },
  start: { from: ['accepted'], to: ['in_progress'], permission: 'tickets.handle' },
  transfer: { from: ['accepted', 'in_progress'], to: 'same', permission: 'tickets.handle' },
  handle: { from: ['in_progress'], to: ['handled'], permission: 'tickets.handle' },
  confirm: { from: ['handled'], to: ['confirmed', 'in_progress', 'closed'], permission: 'tickets.confirm' },
  close: { from: ['confirmed'], to: ['closed'], permission: 'tickets.confirm' },
};

export function canTransition(action: TicketAction, status: TicketStatus): boolean {
  return TICKET_TRANSITIONS[action].from.includes(status);
}

/** 409 ILLEGAL_TRANSITION naming the current status, when the step cannot start from it. */
export function assertTransition(action: TicketAction, status: TicketStatus): void {
  if (canTransition(action, status)) return;
  const allowed = TICKET_TRANSITIONS[action].from.map((s) => `“${TICKET_STATUS_LABELS[s].zh}”`).join('、');
  throw new AppError(
    409,
    'ILLEGAL_TRANSITION',
    `工单当前状态为“${TICKET_STATUS_LABELS[status].zh}”，不能${TICKET_ACTION_LABELS[action].zh}（仅${allowed}状态可以）`,
    { status, action, allowedFrom: TICKET_TRANSITIONS[action].from },
  );
}

