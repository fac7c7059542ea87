/**
 * The steps the signed-in user may take on a ticket now: legal from its status (the shared
 * transition table) and theirs to take — the owner works on it, the community secretary
 * confirms and closes, a manager (re)assigns. The server checks all of it again.
 */
import { canTransition, ROLE_PERMISSIONS, TICKET_TRANSITIONS } from '@xj/contracts/domain';
import type { MeDto, TicketAction, TicketDto } from '@xj/contracts';

/** The steps this page has forms for, in the order their buttons appear. */
export const CONSOLE_ACTIONS = ['accept', 'start', 'handle', 'transfer', 'confirm', 'close', 'assign'] as const satisfies readonly TicketAction[];
export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];

function mayAct(action: ConsoleAction, ticket: TicketDto, me: MeDto): boolean {
  const permission = TICKET_TRANSITIONS[action].permission;
  if (!me.permissions.includes(permission)) return false;
  switch (permission) {
    case 'tickets.handle':
      return ticket.owner?.userId === me.user.id;
    case 'tickets.confirm':
      // Secretaries are granted at their community (ROLE_NODE_KIND).
      return me.grants.some((g) => ROLE_PERMISSIONS[g.role].includes('tickets.confirm') && g.nodeId === ticket.communityId);
    default:
      return true;
  }
}

export function availableActions(ticket: TicketDto, me: MeDto | null): ConsoleAction[] {
  if (!me) return [];
  return CONSOLE_ACTIONS.filter((a) => canTransition(a, ticket.status) && mayAct(a, ticket, me));
}
