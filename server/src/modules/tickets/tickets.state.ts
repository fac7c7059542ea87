import { canTransition, TICKET_ACTION_LABELS, TICKET_STATUS_LABELS, TICKET_TRANSITIONS, type TicketAction, type TicketStatus } from '@xj/contracts';
import { AppError } from '../../platform/errors.js';

// The table lives in the contracts so that the console shows exactly the steps the server allows.
export { canTransition, TICKET_TRANSITIONS, type TicketTransitionRule as TransitionRule } from '@xj/contracts';

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

