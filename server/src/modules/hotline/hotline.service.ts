import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { HotlineTicket, HotlineTicketStatusDto } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import * as tickets from '../tickets/tickets.repo.js';
import { autoAssign, intakePlace } from '../tickets/tickets.service.js';
import { nodeByCode } from '../tickets/tickets-triage.repo.js';
import { chinaDateOf, deadlineFrom } from '../tickets/working-days.js';
import { loadCalendar } from '../tickets/working-days.repo.js';
import * as repo from './hotline.repo.js';

/** Who the audit log and the timeline name for what the hotline files. */
export const HOTLINE_ACTOR_NAME = '12345热线';
/** A hotline clock slightly ahead of ours is fine; a case received in the future is not. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** A concurrent request filed the same case first: roll back ours (and its ticket number). */
class AlreadyFiled extends Error {}

export class HotlineService {
  constructor(private readonly db: Db) {}

  /**
   * Files a hotline case once: a replay with the same content answers the ticket already on
   * file (`created: false`), one with other content 409. Concurrent replays serialise on the
   * unique (source, external_id) index; the losers roll back and read the winner's ticket.
   */
  async intake(input: HotlineTicket, ip: string | null): Promise<{ created: boolean; ticket: HotlineTicketStatusDto }> {
    const receivedAt = new Date(input.receivedAt);
    if (receivedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw badRequest('受理时间（receivedAt）不能晚于当前时间');
    const contentHash = createHash('sha256').update(stringify(input) ?? '').digest('hex');
    try {
      const ticket = await this.db.tx(async (q) => {
        if (await repo.ticketByExternalId(q, input.externalId)) throw new AlreadyFiled();
        return this.file(q, input, contentHash, receivedAt, { userId: null, name: HOTLINE_ACTOR_NAME, ip });
      });
      return { created: true, ticket };
    } catch (err) {
      if (!(err instanceof AlreadyFiled)) throw err;
    }
    const existing = (await repo.ticketByExternalId(this.db, input.externalId))!;
    if (existing.content_hash !== contentHash) {
      throw new AppError(409, 'HOTLINE_EXTERNAL_ID_CONFLICT', `热线工单 ${input.externalId} 已受理，本次内容与首次提交不同：同一编号不能更改内容`);
    }
    return { created: false, ticket: toStatusDto((await tickets.getTicket(this.db, existing.id))!, input.externalId) };
  }

  async status(externalId: string): Promise<HotlineTicketStatusDto> {
    const existing = await repo.ticketByExternalId(this.db, externalId);
    if (!existing) throw notFound('热线工单');
    return toStatusDto((await tickets.getTicket(this.db, existing.id))!, externalId);
  }

  private async file(q: Queryable, input: HotlineTicket, contentHash: string, receivedAt: Date, actor: Actor): Promise<HotlineTicketStatusDto> {
    // Any code that does not name an active community or a node below it (none, unknown, inactive, a subdistrict, the county) → the triage queue.
    const { node, triage } = await intakePlace(q, input.nodeCode === undefined ? undefined : await nodeByCode(q, input.nodeCode));
    const categoryId = await repo.categoryIdFor(q, input.category);
    const category = categoryId === undefined ? undefined : await tickets.getCategory(q, categoryId);
    if (!category) throw new AppError(503, 'HOTLINE_DISABLED', '没有可用的工单类别，热线工单暂无法受理');
    const deadline = input.deadline
      ? new Date(input.deadline)
      : deadlineFrom(receivedAt, { amount: category.deadlineAmount, unit: category.deadlineUnit }, await loadCalendar(q, chinaDateOf(receivedAt)));
    const now = new Date();
    const id = await repo.insertHotlineTicket(q, {
      code: await tickets.nextCode(q, chinaDateOf(now)),
      externalId: input.externalId,
      contentHash,
      categoryId: category.id,
      nodeId: node.id,
      address: input.address ?? null,
      description: input.content,
      reporterPhone: input.reporterPhone ?? null,
      deadline,
      createdAt: now,
    });
    if (id === undefined) throw new AlreadyFiled();
    // What the hotline said, as it said it: its category and place may not be ours.
    const intake = { source: 'hotline', externalId: input.externalId, receivedAt: receivedAt.toISOString(), category: input.category ?? null, nodeCode: input.nodeCode ?? null, triage };
    await tickets.insertEvent(q, { ticketId: id, kind: 'reported', from: null, to: 'reported', actorUserId: null, note: null, details: intake });
    const owner = triage ? undefined : await autoAssign(q, id, node.path);
    const ticket = (await tickets.getTicket(q, id))!;
    await appendAudit(q, {
      ...actorEntry(actor), action: 'ticket.create', targetType: 'ticket', targetId: id, nodeId: node.id, result: 'success',
      details: { code: ticket.code, source: 'hotline', externalId: input.externalId, categoryId: category.id, ownerId: owner?.id ?? null, triage },
    });
    return toStatusDto(ticket, input.externalId);
  }
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** What the hotline's follow-up call needs; nothing about the reporter. */
function toStatusDto(t: tickets.TicketRow, externalId: string): HotlineTicketStatusDto {
  return {
    externalId,
    code: t.code,
    status: t.status,
    triage: t.triage,
    deadline: iso(t.deadline)!,
    overdue: t.overdue,
    owner: t.owner_id === null ? null : { name: t.owner_name!, department: t.owner_department! },
    resultNote: t.result_note,
    handledAt: iso(t.handled_at),
    confirmation:
      t.confirmed_at === null
        ? null
        : { resolved: t.outcome !== 'closed_unresolved', satisfaction: t.satisfaction, comment: t.confirmation_note, confirmedAt: iso(t.confirmed_at)! },
    outcome: t.outcome,
    closedAt: iso(t.closed_at),
  };
}
