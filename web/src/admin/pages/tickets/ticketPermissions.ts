/**
 * The steps the signed-in user may take on a ticket now: legal from its status (the shared
 * transition table) and theirs to take — the owner works on it, the community secretary
 * confirms and closes, a manager (re)assigns. The server checks all of it again.
 */
import { canTransition, ROLE_PERMISSIONS, TICKET_TRANSITIONS } from '@xj/contracts/domain';
import type { MeDto, TicketAction, TicketDetailDto, TicketDto, TicketPhotoStage, TicketStatus } from '@xj/contracts';

/** The steps this page has forms for, in the order their buttons appear. */
export const CONSOLE_ACTIONS = ['accept', 'start', 'handle', 'transfer', 'confirm', 'close', 'assign'] as const satisfies readonly TicketAction[];
export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];

// Secretaries are granted at their community (ROLE_NODE_KIND).
const isSecretaryOf = (ticket: TicketDto, me: MeDto) =>
  me.grants.some((g) => ROLE_PERMISSIONS[g.role].includes('tickets.confirm') && g.nodeId === ticket.communityId);

function mayAct(action: ConsoleAction, ticket: TicketDto, me: MeDto): boolean {
  const permission = TICKET_TRANSITIONS[action].permission;
  if (!me.permissions.includes(permission)) return false;
  // A triage ticket is routed to its community first (see mayRoute); assigning it is refused.
  if (action === 'assign' && ticket.triage) return false;
  switch (permission) {
    case 'tickets.handle':
      return ticket.owner?.userId === me.user.id;
    case 'tickets.confirm':
      return isSecretaryOf(ticket, me);
    default:
      return true;
  }
}

export function availableActions(ticket: TicketDto, me: MeDto | null): ConsoleAction[] {
  if (!me) return [];
  return CONSOLE_ACTIONS.filter((a) => canTransition(a, ticket.status) && mayAct(a, ticket, me));
}

/** 书记直通车: the community secretary, on an open ticket not already waiting for a reception day. */
export function mayEscalate(ticket: TicketDetailDto, me: MeDto | null): boolean {
  return !!me && me.permissions.includes('tickets.confirm') && ticket.status !== 'closed' && !ticket.escalationPending && isSecretaryOf(ticket, me);
}

/** A manager routes a triage ticket (12345 hotline or Open311, not routable on arrival) to its community. */
export function mayRoute(ticket: TicketDto, me: MeDto | null): boolean {
  return !!me && me.permissions.includes('tickets.manage') && ticket.triage && ticket.status === 'reported';
}

/** The owner photographs the work from accepting the ticket until the secretary has confirmed it (the server's rule). */
const HANDLE_PHOTO_STATUSES: readonly TicketStatus[] = ['accepted', 'in_progress', 'handled'];

/** The photo stages the user may add to: report (reporters, while open), handle (the owner, while working). */
export function photoStages(ticket: TicketDto, me: MeDto | null): TicketPhotoStage[] {
  if (!me) return [];
  const stages: TicketPhotoStage[] = [];
  if (me.permissions.includes('tickets.report') && ticket.status !== 'closed') stages.push('report');
  if (ticket.owner?.userId === me.user.id && HANDLE_PHOTO_STATUSES.includes(ticket.status)) stages.push('handle');
  return stages;
}
