import type {
  TicketAction,
  TicketAssign,
  TicketCategoryDto,
  TicketConfirm,
  TicketCreate,
  TicketDetailDto,
  TicketDto,
  TicketEventKind,
  TicketHandle,
  TicketListQuery,
  TicketNote,
  TicketRoute,
  TicketStatus,
  TicketTransfer,
  TicketUnmaskResult,
} from '@xj/contracts';
import { TICKET_STATUS_LABELS } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { COMMUNITY_AND_BELOW, nodeOfKinds, subtreeOf } from '../person-roles/person-ref.js';
import { assertTransition } from './tickets.state.js';
import { chinaDateOf, deadlineFrom } from './working-days.js';
import { loadCalendar } from './working-days.repo.js';
import * as repo from './tickets.repo.js';
import { listPhotos } from './ticket-photos.repo.js';
import { triageNode, type IntakeNode } from './tickets-triage.repo.js';

const WHAT = '工单';

/** What one step does to a ticket: the new status, the columns it sets, its timeline entry. */
interface Step {
  kind: TicketEventKind;
  to: TicketStatus;
  changes: repo.TicketChanges;
  note: string | null;
  details: Record<string, unknown>;
}

export class TicketsService {
  constructor(private readonly db: Db) {}

  async categories(): Promise<{ data: TicketCategoryDto[] }> {
    return { data: await repo.listCategories(this.db) };
  }

  async list(auth: AuthContext, query: TicketListQuery): Promise<Page<TicketDto>> {
    const scope = scopeFor(auth, 'tickets.read');
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    const ownerId = query.mine === 'true' ? ((await repo.commissionerIdOfUser(this.db, auth.user.id)) ?? 0) : query.ownerId;
    return repo.listTickets(
      this.db,
      {
        scopePatterns: scopePatterns(scope),
        userId: auth.user.id,
        subtreePath,
        status: query.status,
        categoryId: query.categoryId,
        ownerId,
        source: query.source,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
        triage: query.triage === undefined ? undefined : query.triage === 'true',
        open: query.open === undefined ? undefined : query.open === 'true',
        q: query.q,
        sort: query.sort,
      },
      query,
    );
  }

  async get(auth: AuthContext, id: number): Promise<TicketDetailDto> {
    return this.detail(this.db, await this.ticketInScope(this.db, auth, id));
  }

  /**
   * Reports a ticket and, in the same transaction, hands it to the commissioner of its
   * community (首问负责). Without one it stays `reported`, in the subdistrict's unassigned queue.
   */
  async create(auth: AuthContext, input: TicketCreate, actor: Actor): Promise<TicketDetailDto> {
    return this.db.tx(async (q) => {
      const node = await nodeOfKinds(q, input.nodeId, scopeFor(auth, 'tickets.report'), COMMUNITY_AND_BELOW, '工单所在位置');
      const category = await repo.getCategory(q, input.categoryId);
      if (!category?.active) throw badRequest('工单类别不存在或已停用');
      const now = new Date();
      const calendar = await loadCalendar(q, chinaDateOf(now));
      const id = await repo.insertTicket(q, {
        code: await repo.nextCode(q, chinaDateOf(now)),
        source: input.source,
        categoryId: category.id,
        nodeId: node.id,
        address: input.address ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        description: input.description,
        reporterName: input.reporterName ?? null,
        reporterPhone: input.reporterPhone ?? null,
        priority: input.priority,
        reportedBy: actor.userId,
        deadline: deadlineFrom(now, { amount: category.deadlineAmount, unit: category.deadlineUnit }, calendar),
        createdAt: now,
      });
      await repo.insertEvent(q, { ticketId: id, kind: 'reported', from: null, to: 'reported', actorUserId: actor.userId, note: null, details: { source: input.source } });
      const owner = await autoAssign(q, id, node.path);
      const ticket = (await repo.getTicket(q, id))!;
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ticket.create', targetType: 'ticket', targetId: id, nodeId: node.id, result: 'success',
        details: { code: ticket.code, source: input.source, categoryId: category.id, priority: input.priority, ownerId: owner?.id ?? null },
      });
      return this.detail(q, ticket);
    });
  }

  /** A manager hands the ticket to a commissioner (from the unassigned queue, or to a new owner), who must accept it. */
  assign(auth: AuthContext, id: number, input: TicketAssign, actor: Actor): Promise<TicketDetailDto> {
    return this.step(auth, id, 'assign', actor, async (q, t) => {
      const manage = scopeFor(auth, 'tickets.manage');
      if (!pathInScope(t.node_path, manage)) throw forbidden('只有工单所在辖区的管理员可以派单');
      if (t.triage) throw conflict('该工单在分拣队列中（受理时未能定位到社区）：请先“分派到社区”，系统会派给所在社区的服务专员');
      const c = await repo.getCommissioner(q, input.commissionerId);
      if (!c || !pathInScope(c.community_path, manage)) throw notFound('服务专员');
      if (c.user_id === null || c.user_disabled) throw badRequest(`服务专员“${c.name}”没有可用的登录账号，无法接单`);
      if (c.id === t.owner_id && t.status === 'assigned') throw new AppError(409, 'CONFLICT', `工单已派给“${c.name}”，等待接单`);
      return {
        kind: 'assigned', to: 'assigned', changes: { ownerId: c.id, assignedAt: true }, note: input.reason,
        details: { commissionerId: c.id, commissionerName: c.name, previousOwnerId: t.owner_id },
      };
    });
  }

  /**
   * Routes a triage ticket (a 12345 hotline case or an Open311 request that waits on a subdistrict or the county) to
   * the community, or a node below it, that it concerns, and hands it to that community's
   * commissioner (首问负责) in the same transaction, as a report there would be.
   */
  route(auth: AuthContext, id: number, input: TicketRoute, actor: Actor): Promise<TicketDetailDto> {
    return this.db.tx(async (q) => {
      const t = await this.ticketInScope(q, auth, id, { forUpdate: true });
      const manage = scopeFor(auth, 'tickets.manage');
      if (!pathInScope(t.node_path, manage)) throw forbidden('只有工单所在辖区的管理员可以分派工单');
      if (!t.triage) throw conflict(`工单 ${t.code} 已在“${t.community_name}”，不在分拣队列中：需要换负责人时请改派`);
      if (t.status !== 'reported') throw new AppError(409, 'ILLEGAL_TRANSITION', `工单当前状态为“${TICKET_STATUS_LABELS[t.status].zh}”，不能分派到社区（仅“已上报”状态可以）`);
      const node = await nodeOfKinds(q, input.nodeId, manage, COMMUNITY_AND_BELOW, '分派到的位置');
      await repo.moveTicket(q, id, node.id);
      const details = { previousNodeId: t.node_id, previousNodeName: t.node_name, nodeId: node.id, nodeName: node.name };
      await repo.insertEvent(q, { ticketId: id, kind: 'routed', from: 'reported', to: 'reported', actorUserId: actor.userId, note: input.reason ?? null, details });
      const owner = await autoAssign(q, id, node.path);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ticket.route', targetType: 'ticket', targetId: id, nodeId: node.id, result: 'success',
        details: { code: t.code, ...details, ownerId: owner?.id ?? null },
      });
      return this.detail(q, (await repo.getTicket(q, id))!);
    });
  }

  accept(auth: AuthContext, id: number, input: TicketNote, actor: Actor): Promise<TicketDetailDto> {
    return this.step(auth, id, 'accept', actor, async (_q, t) => {
      assertOwner(auth, t);
      return { kind: 'accepted', to: 'accepted', changes: { acceptedAt: true }, note: input?.note ?? null, details: {} };
    });
  }

  start(auth: AuthContext, id: number, input: TicketNote, actor: Actor): Promise<TicketDetailDto> {
    return this.step(auth, id, 'start', actor, async (_q, t) => {
      assertOwner(auth, t);
      return { kind: 'started', to: 'in_progress', changes: {}, note: input?.note ?? null, details: {} };
    });
  }

  /** Involving another department leaves the owner accountable: only the timeline changes. */
  transfer(auth: AuthContext, id: number, input: TicketTransfer, actor: Actor): Promise<TicketDetailDto> {
    return this.step(auth, id, 'transfer', actor, async (_q, t) => {
      assertOwner(auth, t);
      return { kind: 'transferred', to: t.status, changes: {}, note: input.reason, details: { department: input.department } };
    });
  }

  handle(auth: AuthContext, id: number, input: TicketHandle, actor: Actor): Promise<TicketDetailDto> {
    return this.step(auth, id, 'handle', actor, async (_q, t) => {
      assertOwner(auth, t);
      return { kind: 'handled', to: 'handled', changes: { handledAt: true, resultNote: input.resultNote }, note: input.resultNote, details: {} };
    });
  }

  /**
   * 办结确认评价权: only a community secretary over the ticket confirms and rates. Resolved →
   * confirmed; not resolved → back to the owner (reopened), or closed as unresolved if chosen.
   */
  confirm(auth: AuthContext, id: number, input: TicketConfirm, actor: Actor): Promise<TicketDetailDto> {
    return this.step(auth, id, 'confirm', actor, async (_q, t) => {
      assertSecretary(auth, t);
      const details = { resolved: input.resolved, satisfaction: input.satisfaction };
      const note = input.comment ?? null;
      if (input.resolved) {
        return { kind: 'confirmed', to: 'confirmed', changes: { confirmedAt: true, satisfaction: input.satisfaction, confirmationNote: note }, note, details };
      }
      if (input.closeUnresolved) {
        return {
          kind: 'closed', to: 'closed', note, details,
          changes: { confirmedAt: true, closedAt: true, outcome: 'closed_unresolved', satisfaction: input.satisfaction, confirmationNote: note },
        };
      }
      return { kind: 'reopened', to: 'in_progress', changes: {}, note, details };
    });
  }

  close(auth: AuthContext, id: number, input: TicketNote, actor: Actor): Promise<TicketDetailDto> {
    return this.step(auth, id, 'close', actor, async (_q, t) => {
      assertSecretary(auth, t);
      return { kind: 'closed', to: 'closed', changes: { closedAt: true, outcome: 'closed_resolved' }, note: input?.note ?? null, details: {} };
    });
  }

  /**
   * Reveals the reporter's phone so that they can be called back: to a caller whose
   * tickets.unmask scope holds the ticket, or to its owner (首问负责人 calls back), else 404.
   * The reason is audited in the same transaction, also when the reporter left no phone
   * (`value` null): the look was taken all the same.
   */
  async unmaskReporterPhone(auth: AuthContext, id: number, reason: string, actor: Actor): Promise<TicketUnmaskResult> {
    return this.db.tx(async (q) => {
      const t = await repo.getTicket(q, id);
      if (!t || !(pathInScope(t.node_path, scopeFor(auth, 'tickets.unmask')) || t.owner_user_id === auth.user.id)) throw notFound(WHAT);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'ticket.unmask', targetType: 'ticket', targetId: id, nodeId: t.node_id, result: 'success',
        details: { code: t.code, field: 'reporterPhone', reason },
      });
      return { field: 'reporterPhone', value: t.reporter_phone };
    });
  }

  /**
   * Every step: one transaction with the ticket's row locked (a concurrent identical step
   * waits, then finds the new status and answers 409), a timeline entry and an audit row.
   */
  private async step(
    auth: AuthContext,
    id: number,
    action: TicketAction,
    actor: Actor,
    decide: (q: Queryable, t: repo.TicketRow) => Promise<Step>,
  ): Promise<TicketDetailDto> {
    return this.db.tx(async (q) => {
      const t = await this.ticketInScope(q, auth, id, { forUpdate: true });
      assertTransition(action, t.status);
      const s = await decide(q, t);
      await repo.updateTicket(q, id, s.to, s.changes);
      await repo.insertEvent(q, { ticketId: id, kind: s.kind, from: t.status, to: s.to, actorUserId: actor.userId, note: s.note, details: s.details });
      await appendAudit(q, {
        ...actorEntry(actor), action: `ticket.${action}`, targetType: 'ticket', targetId: id, nodeId: t.node_id, result: 'success',
        details: { code: t.code, event: s.kind, from: t.status, to: s.to, ...s.details },
      });
      return this.detail(q, (await repo.getTicket(q, id))!);
    });
  }

  /** A ticket in the caller's tickets.read scope, or owned by the caller (a manager may assign across communities). */
  private async ticketInScope(q: Queryable, auth: AuthContext, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.TicketRow> {
    const t = await repo.getTicket(q, id, opts);
    if (!t || !(pathInScope(t.node_path, scopeFor(auth, 'tickets.read')) || t.owner_user_id === auth.user.id)) throw notFound(WHAT);
    return t;
  }

  private async detail(q: Queryable, t: repo.TicketRow): Promise<TicketDetailDto> {
    return {
      ...repo.toTicketDto(t),
      events: await repo.listEvents(q, t.id),
      photos: await listPhotos(q, t.id),
      escalationPending: await repo.escalationPending(q, t.id),
    };
  }
}

/** 首问负责: the owner, and no one else, works on the ticket. */
function assertOwner(auth: AuthContext, t: repo.TicketRow): void {
  if (t.owner_user_id !== auth.user.id) throw forbidden('只有负责该工单的服务专员（首问负责人）可以办理');
}

function assertSecretary(auth: AuthContext, t: repo.TicketRow): void {
  if (!pathInScope(t.node_path, scopeFor(auth, 'tickets.confirm'))) throw forbidden('只有工单所在社区的社区书记可以确认和关闭');
}

/** A ticket from an intake outside the console (Open311, …): node and category already resolved. */
export interface TicketIntake {
  source: repo.TicketValues['source'];
  category: TicketCategoryDto;
  node: { id: number; path: string };
  address: string | null;
  lat: number | null;
  lng: number | null;
  description: string;
  reporterName: string | null;
  reporterPhone: string | null;
  priority: repo.TicketValues['priority'];
  /** True: `node` is a triage queue (see `intakePlace`); the ticket waits there, unassigned, for a manager to route it. */
  triage?: boolean;
  /** Extra audit details of the intake (never personal data). */
  details?: Record<string, unknown>;
}

/**
 * Where an intake outside the console files a ticket concerning `named` (the node it named, or
 * none): that node when it is an active community or anything below it; otherwise the triage
 * queue of the subdistrict on its path, or of the county when none is known. Shared by the
 * 12345 hotline and Open311, so both queue what they cannot place in the same way.
 */
export async function intakePlace(q: Queryable, named: IntakeNode | undefined): Promise<{ node: IntakeNode; triage: boolean }> {
  if (named?.active && COMMUNITY_AND_BELOW.includes(named.kind)) return { node: named, triage: false };
  return { node: await triageNode(q, named?.path), triage: true };
}

/**
 * Files a ticket in the caller's transaction and hands it to the commissioner of its community
 * (首问负责), exactly as a console report does; without one it stays `reported`. A triage
 * ticket stays `reported` in its queue until a manager routes it (`TicketsService.route`).
 */
export async function fileTicket(q: Queryable, input: TicketIntake, actor: Actor): Promise<repo.TicketRow> {
  const now = new Date();
  const calendar = await loadCalendar(q, chinaDateOf(now));
  const id = await repo.insertTicket(q, {
    code: await repo.nextCode(q, chinaDateOf(now)),
    source: input.source,
    categoryId: input.category.id,
    nodeId: input.node.id,
    address: input.address,
    lat: input.lat,
    lng: input.lng,
    description: input.description,
    reporterName: input.reporterName,
    reporterPhone: input.reporterPhone,
    priority: input.priority,
    reportedBy: actor.userId,
    deadline: deadlineFrom(now, { amount: input.category.deadlineAmount, unit: input.category.deadlineUnit }, calendar),
    createdAt: now,
  });
  const triage = input.triage === true;
  await repo.insertEvent(q, {
    ticketId: id, kind: 'reported', from: null, to: 'reported', actorUserId: actor.userId, note: null, details: { source: input.source, ...(triage ? { triage } : {}) },
  });
  const owner = triage ? undefined : await autoAssign(q, id, input.node.path);
  const ticket = (await repo.getTicket(q, id))!;
  await appendAudit(q, {
    ...actorEntry(actor), action: 'ticket.create', targetType: 'ticket', targetId: id, nodeId: input.node.id, result: 'success',
    details: { code: ticket.code, source: input.source, categoryId: input.category.id, priority: input.priority, ownerId: owner?.id ?? null, triage, ...input.details },
  });
  return ticket;
}

/**
 * 首问负责: hands a just-reported ticket to the commissioner of its community (the timeline
 * shows an automatic assignment). Without one it stays `reported`, in the unassigned queue.
 */
export async function autoAssign(q: Queryable, ticketId: number, nodePath: string): Promise<repo.CommissionerPick | undefined> {
  const owner = await repo.communityCommissioner(q, nodePath);
  if (owner) {
    await repo.updateTicket(q, ticketId, 'assigned', { ownerId: owner.id, assignedAt: true });
    await repo.insertEvent(q, {
      ticketId, kind: 'assigned', from: 'reported', to: 'assigned', actorUserId: null, note: null,
      details: { commissionerId: owner.id, commissionerName: owner.name, automatic: true },
    });
  }
  return owner;
}
