import type { AgendaItemDto, AttendeeDto, AttendeeRole, EscalationDto, ReceptionDayDto, ReceptionDayStatus, TicketStatus } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoDate, isoOf } from '../person-roles/person-ref.js';

export interface ReceptionDayRow {
  id: number;
  node_id: number;
  node_name: string;
  node_path: string;
  day: string;
  place: string;
  status: ReceptionDayStatus;
  minutes: string | null;
  held_at: Date | null;
  attendee_count: number;
  item_count: number;
  decided_count: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `rd.id, rd.node_id, n.name AS node_name, n.path AS node_path, ${isoDate('rd.day')} AS day, rd.place, rd.status,
  rd.minutes, rd.held_at, rd.created_at, rd.updated_at,
  (SELECT count(*)::int FROM reception_day_attendees a WHERE a.reception_day_id = rd.id) AS attendee_count,
  (SELECT count(*)::int FROM reception_day_items i WHERE i.reception_day_id = rd.id) AS item_count,
  (SELECT count(*)::int FROM reception_day_items i WHERE i.reception_day_id = rd.id AND i.decided_at IS NOT NULL) AS decided_count`;
const FROM = 'FROM reception_days rd JOIN nodes n ON n.id = rd.node_id';

export function toReceptionDayDto(r: ReceptionDayRow): ReceptionDayDto {
  return {
    id: r.id,
    nodeId: r.node_id,
    nodeName: r.node_name,
    day: r.day,
    place: r.place,
    status: r.status,
    minutes: r.minutes,
    heldAt: r.held_at && isoOf(r.held_at),
    attendeeCount: r.attendee_count,
    itemCount: r.item_count,
    decidedCount: r.decided_count,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

/**
 * A session is visible to a reader whose scope lies within its area (a subdistrict admin sees
 * county sessions) or holds it (a county admin sees subdistrict sessions).
 */
const VISIBLE = '(n.path LIKE ANY(?) OR EXISTS (SELECT 1 FROM unnest(?::text[]) s(p) WHERE s.p LIKE n.path || \'%\'))';

export interface ReceptionDayFilter {
  scopePaths: string[];
  subtreePath?: string | undefined;
  status?: ReceptionDayStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function listReceptionDays(q: Queryable, f: ReceptionDayFilter, page: { page: number; pageSize: number }): Promise<Page<ReceptionDayDto>> {
  const where = new Where()
    .add(VISIBLE, f.scopePaths.map((p) => `${p}%`), f.scopePaths)
    .addIf(f.subtreePath, '(n.path LIKE ? OR ? LIKE n.path || \'%\')', `${f.subtreePath}%`, f.subtreePath)
    .addIf(f.status, 'rd.status = ?', f.status)
    .addIf(f.from, 'rd.day >= ?::date', f.from)
    .addIf(f.to, 'rd.day <= ?::date', f.to);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 'rd.day DESC, rd.id DESC', params: where.params }, page, toReceptionDayDto);
}

export async function getReceptionDay(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<ReceptionDayRow | undefined> {
  if (opts.forUpdate) await q.query('SELECT id FROM reception_days WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<ReceptionDayRow>(`SELECT ${COLUMNS} ${FROM} WHERE rd.id = $1`, [id]);
  return row;
}

export async function insertReceptionDay(q: Queryable, v: { nodeId: number; day: string; place: string; createdBy: number | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>('INSERT INTO reception_days (node_id, day, place, created_by) VALUES ($1, $2::date, $3, $4) RETURNING id', [
    v.nodeId, v.day, v.place, v.createdBy,
  ]);
  return row!.id;
}

export async function updateReceptionDay(q: Queryable, id: number, v: { day?: string | undefined; place?: string | undefined; status?: 'cancelled' | undefined }): Promise<void> {
  await q.query(
    `UPDATE reception_days SET day = coalesce($2::date, day), place = coalesce($3, place), status = coalesce($4, status), updated_at = now() WHERE id = $1`,
    [id, v.day ?? null, v.place ?? null, v.status ?? null],
  );
}

export async function holdReceptionDay(q: Queryable, id: number, minutes: string): Promise<void> {
  await q.query("UPDATE reception_days SET status = 'held', minutes = $2, held_at = now(), updated_at = now() WHERE id = $1", [id, minutes]);
}

// ── Attendees ────────────────────────────────────────────────────────────────

interface AttendeeRow {
  id: number;
  name: string;
  role: AttendeeRole;
  position: string | null;
  user_id: number | null;
  person_id: number | null;
}

export async function listAttendees(q: Queryable, receptionDayId: number): Promise<AttendeeDto[]> {
  const rows = await q.query<AttendeeRow>('SELECT id, name, role, position, user_id, person_id FROM reception_day_attendees WHERE reception_day_id = $1 ORDER BY id', [
    receptionDayId,
  ]);
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, position: r.position, userId: r.user_id, personId: r.person_id }));
}

export async function insertAttendee(
  q: Queryable,
  v: { receptionDayId: number; name: string; role: AttendeeRole; position: string | null; userId: number | null; personId: number | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO reception_day_attendees (reception_day_id, name, role, position, user_id, person_id) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
    [v.receptionDayId, v.name, v.role, v.position, v.userId, v.personId],
  );
  return row!.id;
}

/** Removes an attendee of the session; false when there is none with that id. */
export async function deleteAttendee(q: Queryable, receptionDayId: number, attendeeId: number): Promise<{ name: string } | undefined> {
  const [row] = await q.query<{ name: string }>('DELETE FROM reception_day_attendees WHERE id = $1 AND reception_day_id = $2 RETURNING name', [attendeeId, receptionDayId]);
  return row;
}

export async function userExists(q: Queryable, id: number): Promise<boolean> {
  return (await q.query('SELECT 1 FROM users WHERE id = $1', [id])).length > 0;
}

export async function personPath(q: Queryable, id: number): Promise<string | undefined> {
  const [row] = await q.query<{ path: string }>('SELECT n.path FROM people p JOIN nodes n ON n.id = p.node_id WHERE p.id = $1', [id]);
  return row?.path;
}

// ── Agenda ───────────────────────────────────────────────────────────────────

export interface AgendaRow {
  id: number;
  reception_day_id: number;
  ticket_id: number;
  ticket_code: string;
  ticket_description: string;
  ticket_status: TicketStatus;
  ticket_category: string;
  ticket_node_name: string;
  ticket_node_path: string;
  ticket_community: string;
  ticket_owner: string | null;
  ticket_deadline: Date;
  ticket_overdue: boolean;
  escalation_id: number | null;
  escalation_reason: string | null;
  escalated_at: Date | null;
  escalated_by: string | null;
  decision: string | null;
  new_owner_id: number | null;
  new_owner_name: string | null;
  new_deadline: Date | null;
  decided_at: Date | null;
  decided_by: number | null;
  decided_by_name: string | null;
}

const AGENDA_SELECT = `SELECT i.id, i.reception_day_id, t.id AS ticket_id, t.code AS ticket_code, t.description AS ticket_description,
    t.status AS ticket_status, c.name AS ticket_category, tn.name AS ticket_node_name, tn.path AS ticket_node_path,
    cm.name AS ticket_community, op.name AS ticket_owner, t.deadline AS ticket_deadline,
    (t.deadline < now() AND t.status <> 'closed') AS ticket_overdue,
    e.id AS escalation_id, e.reason AS escalation_reason, e.escalated_at, eu.display_name AS escalated_by,
    i.decision, i.new_owner_id, np.name AS new_owner_name, i.new_deadline, i.decided_at, i.decided_by, du.display_name AS decided_by_name
  FROM reception_day_items i
  JOIN tickets t ON t.id = i.ticket_id JOIN ticket_categories c ON c.id = t.category_id
  JOIN nodes tn ON tn.id = t.node_id JOIN nodes cm ON cm.id = CASE WHEN tn.depth >= 2 THEN split_part(tn.path, '/', 4)::int ELSE tn.id END
  LEFT JOIN commissioners o ON o.id = t.owner_id LEFT JOIN people op ON op.id = o.person_id
  LEFT JOIN ticket_escalations e ON e.id = i.escalation_id LEFT JOIN users eu ON eu.id = e.escalated_by
  LEFT JOIN commissioners nc ON nc.id = i.new_owner_id LEFT JOIN people np ON np.id = nc.person_id
  LEFT JOIN users du ON du.id = i.decided_by`;

export function toAgendaItemDto(r: AgendaRow): AgendaItemDto {
  return {
    id: r.id,
    ticket: {
      id: r.ticket_id,
      code: r.ticket_code,
      description: r.ticket_description,
      status: r.ticket_status,
      categoryName: r.ticket_category,
      nodeName: r.ticket_node_name,
      communityName: r.ticket_community,
      ownerName: r.ticket_owner,
      deadline: isoOf(r.ticket_deadline),
      overdue: r.ticket_overdue,
    },
    escalation: r.escalation_id === null ? null : { id: r.escalation_id, reason: r.escalation_reason!, escalatedAt: isoOf(r.escalated_at!), escalatedBy: r.escalated_by },
    decision: r.decision,
    newOwner: r.new_owner_id === null ? null : { commissionerId: r.new_owner_id, name: r.new_owner_name ?? '' },
    newDeadline: r.new_deadline && isoOf(r.new_deadline),
    decidedAt: r.decided_at && isoOf(r.decided_at),
    decidedBy: r.decided_by === null ? null : { id: r.decided_by, name: r.decided_by_name ?? '' },
  };
}

/** The agenda, filtered to the tickets under `scopePatterns`. */
export function listAgenda(q: Queryable, receptionDayId: number, scopePatterns: string[]): Promise<AgendaRow[]> {
  return q.query<AgendaRow>(`${AGENDA_SELECT} WHERE i.reception_day_id = $1 AND tn.path LIKE ANY($2) ORDER BY i.id`, [receptionDayId, scopePatterns]);
}

export async function getAgendaItem(q: Queryable, receptionDayId: number, itemId: number): Promise<AgendaRow | undefined> {
  const [row] = await q.query<AgendaRow>(`${AGENDA_SELECT} WHERE i.reception_day_id = $1 AND i.id = $2`, [receptionDayId, itemId]);
  return row;
}

export async function insertAgendaItem(q: Queryable, v: { receptionDayId: number; ticketId: number; escalationId: number | null; addedBy: number | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO reception_day_items (reception_day_id, ticket_id, escalation_id, added_by) VALUES ($1,$2,$3,$4) RETURNING id',
    [v.receptionDayId, v.ticketId, v.escalationId, v.addedBy],
  );
  return row!.id;
}

export async function agendaHasTicket(q: Queryable, receptionDayId: number, ticketId: number): Promise<boolean> {
  return (await q.query('SELECT 1 FROM reception_day_items WHERE reception_day_id = $1 AND ticket_id = $2', [receptionDayId, ticketId])).length > 0;
}

export async function undecidedCodes(q: Queryable, receptionDayId: number): Promise<string[]> {
  const rows = await q.query<{ code: string }>(
    'SELECT t.code FROM reception_day_items i JOIN tickets t ON t.id = i.ticket_id WHERE i.reception_day_id = $1 AND i.decided_at IS NULL ORDER BY i.id',
    [receptionDayId],
  );
  return rows.map((r) => r.code);
}

export async function recordDecision(
  q: Queryable,
  itemId: number,
  v: { decision: string; newOwnerId: number | null; newDeadline: Date | null; decidedBy: number | null },
): Promise<void> {
  await q.query('UPDATE reception_day_items SET decision = $2, new_owner_id = $3, new_deadline = $4, decided_at = now(), decided_by = $5 WHERE id = $1', [
    itemId, v.decision, v.newOwnerId, v.newDeadline, v.decidedBy,
  ]);
}

/**
 * A cancelled session's undecided escalated items leave its agenda, so that their escalations
 * wait for (or go to) the next session; the ids of the escalations released.
 */
export async function releaseUndecidedEscalations(q: Queryable, receptionDayId: number): Promise<{ escalation_id: number; ticket_id: number; node_path: string }[]> {
  return q.query(
    `DELETE FROM reception_day_items i USING tickets t, nodes n
      WHERE i.reception_day_id = $1 AND i.decided_at IS NULL AND i.escalation_id IS NOT NULL AND t.id = i.ticket_id AND n.id = t.node_id
      RETURNING i.escalation_id, i.ticket_id, n.path AS node_path`,
    [receptionDayId],
  );
}

// ── Escalations ──────────────────────────────────────────────────────────────

export async function pendingEscalationOf(q: Queryable, ticketId: number): Promise<{ id: number; scheduled: boolean } | undefined> {
  const [row] = await q.query<{ id: number; scheduled: boolean }>(
    `SELECT e.id, EXISTS (SELECT 1 FROM reception_day_items i WHERE i.escalation_id = e.id) AS scheduled
       FROM ticket_escalations e WHERE e.ticket_id = $1 AND e.resolved_at IS NULL`,
    [ticketId],
  );
  return row;
}

export async function insertEscalation(q: Queryable, v: { ticketId: number; reason: string; escalatedBy: number | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>('INSERT INTO ticket_escalations (ticket_id, reason, escalated_by) VALUES ($1,$2,$3) RETURNING id', [
    v.ticketId, v.reason, v.escalatedBy,
  ]);
  return row!.id;
}

export async function markTicketEscalated(q: Queryable, ticketId: number): Promise<void> {
  await q.query('UPDATE tickets SET escalated = true, escalated_at = now(), updated_at = now() WHERE id = $1', [ticketId]);
}

export async function resolveEscalation(q: Queryable, escalationId: number): Promise<void> {
  await q.query('UPDATE ticket_escalations SET resolved_at = now() WHERE id = $1', [escalationId]);
}

/**
 * The next reception day for a ticket: the earliest planned session on or after `today` held
 * by the ticket's subdistrict or the county, without the ticket on its agenda yet; on the same
 * day the subdistrict's session comes before the county's. Locked, so a concurrent hold waits.
 */
export async function nextReceptionDay(q: Queryable, ticketId: number, ticketPath: string, today: string): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>(
    `SELECT rd.id FROM reception_days rd JOIN nodes n ON n.id = rd.node_id
      WHERE rd.status = 'planned' AND rd.day >= $3::date AND $2 LIKE n.path || '%'
        AND NOT EXISTS (SELECT 1 FROM reception_day_items i WHERE i.reception_day_id = rd.id AND i.ticket_id = $1)
      ORDER BY rd.day, n.depth DESC, rd.id LIMIT 1 FOR UPDATE OF rd`,
    [ticketId, ticketPath, today],
  );
  return row?.id;
}

/** Pending escalations that are on no agenda yet, for tickets under `nodePath`. */
export function unscheduledEscalationsUnder(q: Queryable, nodePath: string): Promise<{ id: number; ticket_id: number }[]> {
  return q.query(
    `SELECT e.id, e.ticket_id FROM ticket_escalations e JOIN tickets t ON t.id = e.ticket_id JOIN nodes n ON n.id = t.node_id
      WHERE e.resolved_at IS NULL AND n.path LIKE $1
        AND NOT EXISTS (SELECT 1 FROM reception_day_items i WHERE i.escalation_id = e.id)
      ORDER BY e.escalated_at, e.id`,
    [`${nodePath}%`],
  );
}

interface EscalationRow {
  id: number;
  ticket_id: number;
  ticket_code: string;
  community_name: string;
  reason: string;
  escalated_at: Date;
  escalated_by: number | null;
  escalated_by_name: string | null;
  rd_id: number | null;
  rd_day: string | null;
  rd_place: string | null;
  rd_node_name: string | null;
}

const ESCALATION_SELECT = `SELECT e.id, e.ticket_id, t.code AS ticket_code, cm.name AS community_name, e.reason, e.escalated_at,
    e.escalated_by, u.display_name AS escalated_by_name,
    rd.id AS rd_id, ${isoDate('rd.day')} AS rd_day, rd.place AS rd_place, rn.name AS rd_node_name
  FROM ticket_escalations e JOIN tickets t ON t.id = e.ticket_id JOIN nodes n ON n.id = t.node_id
  JOIN nodes cm ON cm.id = CASE WHEN n.depth >= 2 THEN split_part(n.path, '/', 4)::int ELSE n.id END
  LEFT JOIN users u ON u.id = e.escalated_by
  LEFT JOIN reception_day_items i ON i.escalation_id = e.id
  LEFT JOIN reception_days rd ON rd.id = i.reception_day_id LEFT JOIN nodes rn ON rn.id = rd.node_id`;

const toEscalationDto = (r: EscalationRow): EscalationDto => ({
  id: r.id,
  ticketId: r.ticket_id,
  ticketCode: r.ticket_code,
  communityName: r.community_name,
  reason: r.reason,
  escalatedAt: isoOf(r.escalated_at),
  escalatedBy: r.escalated_by === null ? null : { id: r.escalated_by, name: r.escalated_by_name ?? '' },
  receptionDay: r.rd_id === null ? null : { id: r.rd_id, day: r.rd_day!, place: r.rd_place!, nodeName: r.rd_node_name! },
});

export async function getEscalation(q: Queryable, id: number): Promise<EscalationDto> {
  const [row] = await q.query<EscalationRow>(`${ESCALATION_SELECT} WHERE e.id = $1`, [id]);
  return toEscalationDto(row!);
}

/** Pending escalations of tickets in scope, the unscheduled ones first. */
export async function listPendingEscalations(q: Queryable, scopePatterns: string[]): Promise<EscalationDto[]> {
  const rows = await q.query<EscalationRow>(
    `${ESCALATION_SELECT} WHERE e.resolved_at IS NULL AND n.path LIKE ANY($1) ORDER BY (rd.id IS NOT NULL), e.escalated_at, e.id LIMIT 500`,
    [scopePatterns],
  );
  return rows.map(toEscalationDto);
}

export async function setTicketDeadline(q: Queryable, ticketId: number, deadline: Date): Promise<void> {
  await q.query('UPDATE tickets SET deadline = $2, updated_at = now() WHERE id = $1', [ticketId, deadline]);
}
