import {
  maskPhone,
  type DeadlineUnit,
  type Satisfaction,
  type TicketCategoryDto,
  type TicketDto,
  type TicketEventDto,
  type TicketEventKind,
  type TicketOutcome,
  type TicketPriority,
  type TicketSort,
  type TicketSource,
  type TicketStatus,
} from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';

export interface TicketRow {
  id: number;
  code: string;
  source: TicketSource;
  category_id: number;
  category_code: string;
  category_name: string;
  node_id: number;
  node_name: string;
  node_path: string;
  community_id: number;
  community_name: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  description: string;
  reporter_name: string | null;
  reporter_phone: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  owner_id: number | null;
  owner_name: string | null;
  owner_department: string | null;
  owner_user_id: number | null;
  deadline: Date;
  overdue: boolean;
  assigned_at: Date | null;
  accepted_at: Date | null;
  handled_at: Date | null;
  confirmed_at: Date | null;
  closed_at: Date | null;
  outcome: TicketOutcome | null;
  satisfaction: Satisfaction | null;
  result_note: string | null;
  confirmation_note: string | null;
  escalated: boolean;
  escalated_at: Date | null;
  triage: boolean;
  created_at: Date;
  updated_at: Date;
}

// The community is the third id on every path below it: /county/subdistrict/community/…. A triage
// ticket (12345 hotline, not routable on arrival) sits on a subdistrict or the county: that node stands in.
// Every join is on a key that always matches, written LEFT so that PostgreSQL drops the ones a query
// does not use: a list's count then reads the tickets alone (bench/README.md, bench:tickets).
/**
 * Ticket lists stop counting at 1,000: at county scale (250,000 tickets) a count to 10,000 cost
 * more than ten times the page itself (bench/README.md, bench:tickets); past it, narrow the filters.
 */
export const TICKET_COUNT_CAP = 1_000;

const COLUMNS = `t.id, t.code, t.source, t.category_id, c.code AS category_code, c.name AS category_name,
  t.node_id, n.name AS node_name, n.path AS node_path, cm.id AS community_id, cm.name AS community_name,
  t.address, t.lat, t.lng, t.description, t.reporter_name, t.reporter_phone, t.priority, t.status,
  t.owner_id, op.name AS owner_name, o.department AS owner_department, o.user_id AS owner_user_id,
  t.deadline, (t.deadline < now() AND t.status <> 'closed') AS overdue,
  t.assigned_at, t.accepted_at, t.handled_at, t.confirmed_at, t.closed_at, t.outcome, t.satisfaction,
  t.result_note, t.confirmation_note, t.escalated, t.escalated_at, (n.depth < 2) AS triage, t.created_at, t.updated_at`;
const FROM = `FROM tickets t LEFT JOIN ticket_categories c ON c.id = t.category_id LEFT JOIN nodes n ON n.id = t.node_id
  LEFT JOIN nodes cm ON cm.id = CASE WHEN n.depth >= 2 THEN split_part(n.path, '/', 4)::int ELSE n.id END
  LEFT JOIN commissioners o ON o.id = t.owner_id LEFT JOIN people op ON op.id = o.person_id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The reporter's phone is masked here, so no response can carry it in clear. */
export function toTicketDto(r: TicketRow): TicketDto {
  return {
    id: r.id,
    code: r.code,
    source: r.source,
    category: { id: r.category_id, code: r.category_code, name: r.category_name },
    nodeId: r.node_id,
    nodeName: r.node_name,
    communityId: r.community_id,
    communityName: r.community_name,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    description: r.description,
    reporterName: r.reporter_name,
    reporterPhone: maskPhone(r.reporter_phone),
    priority: r.priority,
    status: r.status,
    owner: r.owner_id === null ? null : { commissionerId: r.owner_id, name: r.owner_name!, department: r.owner_department!, userId: r.owner_user_id },
    deadline: iso(r.deadline)!,
    overdue: r.overdue,
    assignedAt: iso(r.assigned_at),
    acceptedAt: iso(r.accepted_at),
    handledAt: iso(r.handled_at),
    confirmedAt: iso(r.confirmed_at),
    closedAt: iso(r.closed_at),
    outcome: r.outcome,
    satisfaction: r.satisfaction,
    resultNote: r.result_note,
    confirmationNote: r.confirmation_note,
    escalated: r.escalated,
    escalatedAt: iso(r.escalated_at),
    triage: r.triage,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

export interface TicketFilter {
  scopePatterns: string[];
  /** The caller: the owner sees their own tickets wherever they are. */
  userId: number;
  subtreePath?: string | undefined;
  status?: TicketStatus | undefined;
  categoryId?: number | undefined;
  ownerId?: number | undefined;
  source?: TicketSource | undefined;
  overdue?: boolean | undefined;
  /** True: only the triage queue (hotline tickets waiting above community level). */
  triage?: boolean | undefined;
  /** True: only tickets not yet closed; false: only closed ones. */
  open?: boolean | undefined;
  q?: string | undefined;
  sort?: TicketSort | undefined;
}

/**
 * The tickets a caller may list: on a node in scope, or owned by the caller wherever they are.
 * A whole-tree scope covers every ticket and adds nothing. Otherwise the scope's node ids and the
 * caller's commissioner ids are looked up first and compared with the ticket's own columns: as
 * constants the planner estimates them and uses tickets_node_idx / tickets_owner_idx, where
 * `n.path LIKE ANY(…) OR o.user_id = …` across two joins made it read most of the county's
 * tickets to count one community's.
 */
export async function addTicketScope(q: Queryable, where: Where, scopePatterns: string[], userId: number): Promise<Where> {
  if (scopePatterns.some((p) => p.split('/').length === 3)) return where;
  const [ids] = await q.query<{ nodes: number[]; owners: number[] }>(
    'SELECT ARRAY(SELECT id FROM nodes WHERE path LIKE ANY($1)) AS nodes, ARRAY(SELECT id FROM commissioners WHERE user_id = $2) AS owners',
    [scopePatterns, userId],
  );
  if (!ids!.owners.length) return where.add('t.node_id = ANY(?::int[])', ids!.nodes);
  return where.add('(t.node_id = ANY(?::int[]) OR t.owner_id = ANY(?::int[]))', ids!.nodes, ids!.owners);
}

export async function listTickets(q: Queryable, f: TicketFilter, page: { page: number; pageSize: number }): Promise<Page<TicketDto>> {
  const where = (await addTicketScope(q, new Where(), f.scopePatterns, f.userId))
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.status, 't.status = ?', f.status)
    .addIf(f.categoryId, 't.category_id = ?', f.categoryId)
    .addIf(f.ownerId, 't.owner_id = ?', f.ownerId)
    .addIf(f.source, 't.source = ?', f.source)
    .addIf(f.q, '(t.code = upper(?) OR t.description ILIKE ? OR t.address ILIKE ?)', f.q, `%${likeEscape(f.q ?? '')}%`, `%${likeEscape(f.q ?? '')}%`);
  if (f.overdue !== undefined) where.add(f.overdue ? "(t.deadline < now() AND t.status <> 'closed')" : "NOT (t.deadline < now() AND t.status <> 'closed')");
  if (f.triage !== undefined) where.add(f.triage ? 'n.depth < 2' : 'n.depth >= 2');
  if (f.open !== undefined) where.add(f.open ? "t.status <> 'closed'" : "t.status = 'closed'");
  const orderBy = f.sort === 'deadline' ? 't.deadline ASC, t.id ASC' : 't.created_at DESC, t.id DESC';
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy, params: where.params }, page, toTicketDto, TICKET_COUNT_CAP);
}

/** One ticket; `forUpdate` locks its row first, so that concurrent steps on it run one after the other. */
export async function getTicket(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<TicketRow | undefined> {
  if (opts.forUpdate) await q.query('SELECT id FROM tickets WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<TicketRow>(`SELECT ${COLUMNS} ${FROM} WHERE t.id = $1`, [id]);
  return row;
}

interface EventRow {
  id: number;
  kind: TicketEventKind;
  from_status: TicketStatus | null;
  to_status: TicketStatus;
  actor_user_id: number | null;
  actor_name: string | null;
  note: string | null;
  details: Record<string, unknown>;
  at: Date;
}

export async function listEvents(q: Queryable, ticketId: number): Promise<TicketEventDto[]> {
  const rows = await q.query<EventRow>(
    `SELECT e.id, e.kind, e.from_status, e.to_status, e.actor_user_id, u.display_name AS actor_name, e.note, e.details, e.at
       FROM ticket_events e LEFT JOIN users u ON u.id = e.actor_user_id WHERE e.ticket_id = $1 ORDER BY e.id`,
    [ticketId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actor: r.actor_user_id === null ? null : { id: r.actor_user_id, name: r.actor_name ?? '' },
    note: r.note,
    details: r.details,
    at: new Date(r.at).toISOString(),
  }));
}

export interface EventValues {
  ticketId: number;
  kind: TicketEventKind;
  from: TicketStatus | null;
  to: TicketStatus;
  actorUserId: number | null;
  note: string | null;
  details: Record<string, unknown>;
}

export async function insertEvent(q: Queryable, e: EventValues): Promise<void> {
  await q.query('INSERT INTO ticket_events (ticket_id, kind, from_status, to_status, actor_user_id, note, details) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
    e.ticketId, e.kind, e.from, e.to, e.actorUserId, e.note, JSON.stringify(e.details),
  ]);
}

interface CategoryRow {
  id: number;
  code: string;
  name: string;
  deadline_amount: number;
  deadline_unit: DeadlineUnit;
  response_hours: number;
  active: boolean;
}

const toCategoryDto = (r: CategoryRow): TicketCategoryDto => ({
  id: r.id, code: r.code, name: r.name, deadlineAmount: r.deadline_amount, deadlineUnit: r.deadline_unit, responseHours: r.response_hours, active: r.active,
});

const CATEGORY_COLUMNS = 'id, code, name, deadline_amount, deadline_unit, response_hours, active';

export async function listCategories(q: Queryable): Promise<TicketCategoryDto[]> {
  return (await q.query<CategoryRow>(`SELECT ${CATEGORY_COLUMNS} FROM ticket_categories ORDER BY id`)).map(toCategoryDto);
}

export async function getCategory(q: Queryable, id: number): Promise<TicketCategoryDto | undefined> {
  const [row] = await q.query<CategoryRow>(`SELECT ${CATEGORY_COLUMNS} FROM ticket_categories WHERE id = $1`, [id]);
  return row && toCategoryDto(row);
}

/** The next code of a China day, e.g. XJ20261128-0001; the counter row serialises concurrent reports. */
export async function nextCode(q: Queryable, chinaDay: string): Promise<string> {
  const [row] = await q.query<{ last: number }>(
    `INSERT INTO ticket_code_counters (day, last) VALUES ($1::date, 1)
     ON CONFLICT (day) DO UPDATE SET last = ticket_code_counters.last + 1 RETURNING last`,
    [chinaDay],
  );
  return `XJ${chinaDay.replaceAll('-', '')}-${String(row!.last).padStart(4, '0')}`;
}

export interface TicketValues {
  code: string;
  source: TicketSource;
  categoryId: number;
  nodeId: number;
  address: string | null;
  lat: number | null;
  lng: number | null;
  description: string;
  reporterName: string | null;
  reporterPhone: string | null;
  priority: TicketPriority;
  reportedBy: number | null;
  deadline: Date;
  createdAt: Date;
}

export async function insertTicket(q: Queryable, v: TicketValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO tickets (code, source, category_id, node_id, address, lat, lng, description, reporter_name, reporter_phone,
       priority, status, reported_by, deadline, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'reported',$12,$13,$14,$14) RETURNING id`,
    [v.code, v.source, v.categoryId, v.nodeId, v.address, v.lat, v.lng, v.description, v.reporterName, v.reporterPhone, v.priority, v.reportedBy, v.deadline, v.createdAt],
  );
  return row!.id;
}

/** The columns a step may set, besides status (set to now(): a `true` timestamp flag). */
export interface TicketChanges {
  ownerId?: number;
  assignedAt?: true;
  acceptedAt?: true;
  handledAt?: true;
  confirmedAt?: true;
  closedAt?: true;
  outcome?: TicketOutcome;
  satisfaction?: Satisfaction;
  resultNote?: string;
  confirmationNote?: string | null;
}

const CHANGE_COLUMNS: Record<keyof TicketChanges, string> = {
  ownerId: 'owner_id',
  assignedAt: 'assigned_at',
  acceptedAt: 'accepted_at',
  handledAt: 'handled_at',
  confirmedAt: 'confirmed_at',
  closedAt: 'closed_at',
  outcome: 'outcome',
  satisfaction: 'satisfaction',
  resultNote: 'result_note',
  confirmationNote: 'confirmation_note',
};

export async function updateTicket(q: Queryable, id: number, status: TicketStatus, changes: TicketChanges): Promise<void> {
  const sets = ['status = $2', 'updated_at = now()'];
  const params: unknown[] = [id, status];
  for (const [key, value] of Object.entries(changes) as [keyof TicketChanges, unknown][]) {
    if (value === undefined) continue;
    if (value === true) sets.push(`${CHANGE_COLUMNS[key]} = now()`);
    else {
      params.push(value);
      sets.push(`${CHANGE_COLUMNS[key]} = $${params.length}`);
    }
  }
  await q.query(`UPDATE tickets SET ${sets.join(', ')} WHERE id = $1`, params);
}

export interface CommissionerPick {
  id: number;
  user_id: number | null;
  name: string;
  community_path: string;
  user_disabled: boolean | null;
}

const COMMISSIONER_PICK = `SELECT c.id, c.user_id, p.name, cn.path AS community_path, u.disabled AS user_disabled
  FROM commissioners c JOIN people p ON p.id = c.person_id JOIN nodes cn ON cn.id = c.community_id LEFT JOIN users u ON u.id = c.user_id`;

/**
 * 首问负责: the commissioner of the community on `nodePath` who owns a new ticket. One who can
 * sign in comes first, then the one with the fewest open tickets, then the lowest id.
 */
export async function communityCommissioner(q: Queryable, nodePath: string): Promise<CommissionerPick | undefined> {
  const [row] = await q.query<CommissionerPick>(
    `${COMMISSIONER_PICK}
      WHERE $1 LIKE cn.path || '%'
      ORDER BY (c.user_id IS NULL OR u.disabled), (SELECT count(*) FROM tickets t WHERE t.owner_id = c.id AND t.status <> 'closed'), c.id
      LIMIT 1`,
    [nodePath],
  );
  return row;
}

export async function getCommissioner(q: Queryable, id: number): Promise<CommissionerPick | undefined> {
  const [row] = await q.query<CommissionerPick>(`${COMMISSIONER_PICK} WHERE c.id = $1`, [id]);
  return row;
}

export async function commissionerIdOfUser(q: Queryable, userId: number): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>('SELECT id FROM commissioners WHERE user_id = $1', [userId]);
  return row?.id;
}

/** 书记直通车 waiting for a reception day's decision (`tickets.escalated` stays true after it). */
export async function escalationPending(q: Queryable, ticketId: number): Promise<boolean> {
  const [row] = await q.query<{ pending: boolean }>('SELECT EXISTS (SELECT 1 FROM ticket_escalations WHERE ticket_id = $1 AND resolved_at IS NULL) AS pending', [ticketId]);
  return row!.pending;
}

/** Moves a ticket to another node (routing a triage ticket); its status and owner are the caller's steps. */
export async function moveTicket(q: Queryable, id: number, nodeId: number): Promise<void> {
  await q.query('UPDATE tickets SET node_id = $2, updated_at = now() WHERE id = $1', [id, nodeId]);
}
