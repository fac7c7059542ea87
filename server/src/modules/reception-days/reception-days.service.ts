import type {
  AgendaAdd,
  AgendaDecide,
  AttendeeCreate,
  ReceptionDayCreate,
  ReceptionDayDetailDto,
  ReceptionDayDto,
  ReceptionDayHold,
  ReceptionDayListQuery,
  ReceptionDayUpdate,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { nodeOfKinds } from '../person-roles/person-ref.js';
import * as tickets from '../tickets/tickets.repo.js';
import { assertTransition } from '../tickets/tickets.state.js';
import { chinaDateOf } from '../tickets/working-days.js';
import * as repo from './reception-days.repo.js';
import { placeOnNextAgenda } from './tickets-escalation.service.js';
import { decisionEffect, type DecisionOwner } from './reception-days.decision.js';

const WHAT = '接待日';

/**
 * 书记接待日: sessions held by the county or a subdistrict. Planning, attendees, the agenda and
 * decisions need `tickets.manage` over the session's node; reading needs `tickets.read` within
 * or over its area, and shows only the agenda items of tickets the reader may read.
 */
export class ReceptionDaysService {
  constructor(private readonly db: Db) {}

  async list(auth: AuthContext, query: ReceptionDayListQuery): Promise<Page<ReceptionDayDto>> {
    const scope = scopeFor(auth, 'tickets.read');
    const subtreePath = query.nodeId ? (await nodeInScope(this.db, query.nodeId, scope)).path : undefined;
    return repo.listReceptionDays(this.db, { scopePaths: scope.paths, subtreePath, status: query.status, from: query.from, to: query.to }, query);
  }

  async get(auth: AuthContext, id: number): Promise<ReceptionDayDetailDto> {
    return this.detail(this.db, auth, await this.visible(this.db, auth, id));
  }

  /** Plans a session; the pending escalations of its area that wait for a session join its agenda. */
  async create(auth: AuthContext, input: ReceptionDayCreate, actor: Actor): Promise<ReceptionDayDetailDto> {
    return this.db.tx(async (q) => {
      const node = await nodeOfKinds(q, input.nodeId, scopeFor(auth, 'tickets.manage'), ['county', 'subdistrict'], '接待日举办单位');
      const id = await repo.insertReceptionDay(q, { nodeId: node.id, day: input.day, place: input.place, createdBy: actor.userId });
      const pulled = input.day >= chinaDateOf(new Date()) ? await repo.unscheduledEscalationsUnder(q, node.path) : [];
      for (const e of pulled) await repo.insertAgendaItem(q, { receptionDayId: id, ticketId: e.ticket_id, escalationId: e.id, addedBy: actor.userId });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'reception_day.create', targetType: 'reception_day', targetId: id, nodeId: node.id, result: 'success',
        details: { day: input.day, place: input.place, escalationsPulled: pulled.map((e) => e.id) },
      });
      return this.detail(q, auth, (await repo.getReceptionDay(q, id))!);
    });
  }

  /**
   * Reschedules or cancels a planned session. Cancelling releases its undecided escalations to
   * the next planned session (or back to the unscheduled list).
   */
  update(auth: AuthContext, id: number, input: ReceptionDayUpdate, actor: Actor): Promise<ReceptionDayDetailDto> {
    return this.write(auth, id, actor, 'reception_day.update', async (q, rd) => {
      assertPlanned(rd);
      await repo.updateReceptionDay(q, id, input);
      const moved: Record<number, number | null> = {};
      if (input.status === 'cancelled') {
        for (const e of await repo.releaseUndecidedEscalations(q, id)) {
          moved[e.escalation_id] = await placeOnNextAgenda(q, { escalationId: e.escalation_id, ticketId: e.ticket_id, ticketPath: e.node_path, addedBy: actor.userId });
        }
      }
      return { ...input, ...(input.status === 'cancelled' ? { escalationsMoved: moved } : {}) };
    });
  }

  addAttendee(auth: AuthContext, id: number, input: AttendeeCreate, actor: Actor): Promise<ReceptionDayDetailDto> {
    return this.write(auth, id, actor, 'reception_day.attendee_add', async (q, rd) => {
      assertPlanned(rd);
      if (input.userId !== undefined && !(await repo.userExists(q, input.userId))) throw badRequest('参会人员关联的用户不存在');
      if (input.personId !== undefined) {
        const path = await repo.personPath(q, input.personId);
        if (!path || !pathInScope(path, scopeFor(auth, 'people.read'))) throw notFound('人员');
      }
      const attendeeId = await repo.insertAttendee(q, {
        receptionDayId: id, name: input.name, role: input.role, position: input.position ?? null, userId: input.userId ?? null, personId: input.personId ?? null,
      });
      return { attendeeId, name: input.name, role: input.role };
    });
  }

  removeAttendee(auth: AuthContext, id: number, attendeeId: number, actor: Actor): Promise<ReceptionDayDetailDto> {
    return this.write(auth, id, actor, 'reception_day.attendee_remove', async (q, rd) => {
      assertPlanned(rd);
      const removed = await repo.deleteAttendee(q, id, attendeeId);
      if (!removed) throw notFound('参会人员');
      return { attendeeId, name: removed.name };
    });
  }

  /** Adds an open ticket of the session's area by hand; a waiting escalation of it comes along. */
  addToAgenda(auth: AuthContext, id: number, input: AgendaAdd, actor: Actor): Promise<ReceptionDayDetailDto> {
    return this.write(auth, id, actor, 'reception_day.agenda_add', async (q, rd) => {
      assertPlanned(rd);
      const t = await tickets.getTicket(q, input.ticketId, { forUpdate: true });
      if (!t || !pathInScope(t.node_path, scopeFor(auth, 'tickets.read')) || !t.node_path.startsWith(rd.node_path)) throw notFound('工单');
      if (t.status === 'closed') throw conflict(`工单 ${t.code} 已关闭，不能列入议程`);
      if (await repo.agendaHasTicket(q, id, t.id)) throw conflict(`工单 ${t.code} 已在本次接待日议程中`);
      const pending = await repo.pendingEscalationOf(q, t.id);
      const escalationId = pending && !pending.scheduled ? pending.id : null;
      const itemId = await repo.insertAgendaItem(q, { receptionDayId: id, ticketId: t.id, escalationId, addedBy: actor.userId });
      return { itemId, ticketId: t.id, code: t.code, escalationId };
    });
  }

  /**
   * The session's decision on one ticket, in one transaction: the decision recorded, the
   * escalation resolved, and the ticket reassigned (the new owner must accept it) and/or given
   * a new deadline (rules: `decisionEffect`), with a "接待日决定" timeline entry.
   */
  decide(auth: AuthContext, id: number, itemId: number, input: AgendaDecide, actor: Actor): Promise<ReceptionDayDetailDto> {
    return this.write(auth, id, actor, 'reception_day.decide', async (q, rd) => {
      assertPlanned(rd);
      const item = await repo.getAgendaItem(q, id, itemId);
      if (!item) throw notFound('议程事项');
      if (item.decided_at) throw conflict(`工单 ${item.ticket_code} 已有接待日决定`);
      const t = (await tickets.getTicket(q, item.ticket_id, { forUpdate: true }))!;
      let newOwner: DecisionOwner | undefined;
      if (input.newOwnerId !== undefined) {
        // An illegal step is 409 whoever is named; then the commissioner must be in the manager's scope (else 404).
        assertTransition('assign', t.status);
        const c = await tickets.getCommissioner(q, input.newOwnerId);
        if (!c || !pathInScope(c.community_path, scopeFor(auth, 'tickets.manage'))) throw notFound('服务专员');
        newOwner = { id: c.id, name: c.name, userId: c.user_id, userDisabled: c.user_disabled };
      }
      const effect = decisionEffect(
        { code: t.code, status: t.status, ownerId: t.owner_id, deadline: new Date(t.deadline) },
        { newOwner, newDeadline: input.newDeadline },
        chinaDateOf(new Date()),
      );
      if (effect.newOwner) await tickets.updateTicket(q, t.id, 'assigned', { ownerId: effect.newOwner.id, assignedAt: true });
      if (effect.newDeadline) await repo.setTicketDeadline(q, t.id, effect.newDeadline);
      const details = { receptionDayId: id, receptionDay: rd.day, itemId, ...effect.details };
      await repo.recordDecision(q, itemId, { decision: input.decision, newOwnerId: effect.newOwner?.id ?? null, newDeadline: effect.newDeadline, decidedBy: actor.userId });
      if (item.escalation_id !== null) await repo.resolveEscalation(q, item.escalation_id);
      await tickets.insertEvent(q, { ticketId: t.id, kind: 'reception_decided', from: t.status, to: effect.to, actorUserId: actor.userId, note: input.decision, details });
      return { ticketId: t.id, code: t.code, from: t.status, to: effect.to, ...details };
    });
  }

  /** Marks the session held with its minutes; every agenda item must have its decision first. */
  hold(auth: AuthContext, id: number, input: ReceptionDayHold, actor: Actor): Promise<ReceptionDayDetailDto> {
    return this.write(auth, id, actor, 'reception_day.hold', async (q, rd) => {
      assertPlanned(rd);
      if (rd.day > chinaDateOf(new Date())) throw conflict(`接待日定于 ${rd.day}，尚未到召开日期`);
      const open = await repo.undecidedCodes(q, id);
      if (open.length) throw conflict(`议程中还有 ${open.length} 件工单没有决定：${open.slice(0, 10).join('、')}`, { undecided: open });
      await repo.holdReceptionDay(q, id, input.minutes);
      return { day: rd.day };
    });
  }

  /**
   * Every change of a session: one transaction with its row locked, the manager's scope
   * checked (visible but not theirs: 403), and one audit row with what `change` reports.
   */
  private write(
    auth: AuthContext,
    id: number,
    actor: Actor,
    action: string,
    change: (q: Queryable, rd: repo.ReceptionDayRow) => Promise<Record<string, unknown>>,
  ): Promise<ReceptionDayDetailDto> {
    return this.db.tx(async (q) => {
      const rd = await this.visible(q, auth, id, { forUpdate: true });
      if (!pathInScope(rd.node_path, scopeFor(auth, 'tickets.manage'))) throw forbidden('只有举办接待日的县、街道管理员可以修改接待日');
      const details = await change(q, rd);
      const ticketAction = action === 'reception_day.decide';
      await appendAudit(q, {
        ...actorEntry(actor), action, targetType: ticketAction ? 'ticket' : 'reception_day', targetId: ticketAction ? (details.ticketId as number) : id,
        nodeId: rd.node_id, result: 'success', details,
      });
      return this.detail(q, auth, (await repo.getReceptionDay(q, id))!);
    });
  }

  private async visible(q: Queryable, auth: AuthContext, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.ReceptionDayRow> {
    const rd = await repo.getReceptionDay(q, id, opts);
    const scope = scopeFor(auth, 'tickets.read');
    if (!rd || !(pathInScope(rd.node_path, scope) || scope.paths.some((p) => p.startsWith(rd.node_path)))) throw notFound(WHAT);
    return rd;
  }

  private async detail(q: Queryable, auth: AuthContext, rd: repo.ReceptionDayRow): Promise<ReceptionDayDetailDto> {
    const agenda = await repo.listAgenda(q, rd.id, scopePatterns(scopeFor(auth, 'tickets.read')));
    return { ...repo.toReceptionDayDto(rd), attendees: await repo.listAttendees(q, rd.id), agenda: agenda.map(repo.toAgendaItemDto) };
  }
}

function assertPlanned(rd: repo.ReceptionDayRow): void {
  if (rd.status !== 'planned') throw conflict(`接待日${rd.status === 'held' ? '已召开' : '已取消'}，不能再修改`);
}
