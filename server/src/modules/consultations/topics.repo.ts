import {
  maskPhone,
  TOPIC_OPEN_STATUSES,
  type AgendaKind,
  type ConsultationStep,
  type DecisionSource,
  type SimilarTopicDto,
  type TopicDto,
  type TopicEventDto,
  type TopicEventKind,
  type TopicOptionDto,
  type TopicSource,
  type TopicStatus,
  type TopicStepDto,
  type TopicTaskDto,
} from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';
import { attachmentsByOption } from './option-attachments.repo.js';

export interface TopicRow {
  id: number;
  title: string;
  description: string;
  node_id: number;
  node_name: string;
  node_path: string;
  community_id: number;
  community_name: string;
  community_path: string;
  source: TopicSource;
  ticket_id: number | null;
  ticket_code: string | null;
  raised_by_name: string | null;
  raised_by_phone: string | null;
  status: TopicStatus;
  step: ConsultationStep | null;
  category_id: number | null;
  category_name: string | null;
  category_kind: AgendaKind | null;
  rejection_reason: string | null;
  screened_at: Date | null;
  decision: string | null;
  decision_option_id: number | null;
  decision_source: DecisionSource | null;
  decided_at: Date | null;
  outcome: string | null;
  review_date: string | null;
  evaluated_at: Date | null;
  closed_reason: string | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `t.id, t.title, t.description, t.node_id, n.name AS node_name, n.path AS node_path,
  c.id AS community_id, c.name AS community_name, c.path AS community_path, t.source, t.ticket_id, tk.code AS ticket_code,
  t.raised_by_name, t.raised_by_phone, t.status, t.step, t.category_id, ac.name AS category_name, ac.kind AS category_kind,
  t.rejection_reason, t.screened_at, t.decision, t.decision_option_id, t.decision_source, t.decided_at, t.outcome,
  to_char(t.review_date, 'YYYY-MM-DD') AS review_date, t.evaluated_at, t.closed_reason, t.closed_at, t.created_at, t.updated_at`;
// A topic sits at a community or one of its compounds: its community is the node or the node's parent.
const FROM = `FROM topics t JOIN nodes n ON n.id = t.node_id
  JOIN nodes c ON c.id = CASE WHEN n.kind = 'community' THEN n.id ELSE n.parent_id END
  LEFT JOIN agenda_categories ac ON ac.id = t.category_id LEFT JOIN tickets tk ON tk.id = t.ticket_id`;

const isoOrNull = (d: Date | null) => (d ? isoOf(d) : null);

/** The raiser's phone is masked here, so no response can carry it in clear. */
export function toTopicDto(r: TopicRow): TopicDto {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    nodeId: r.node_id,
    nodeName: r.node_name,
    communityId: r.community_id,
    communityName: r.community_name,
    source: r.source,
    ticketId: r.ticket_id,
    ticketCode: r.ticket_code,
    raisedByName: r.raised_by_name,
    raisedByPhone: maskPhone(r.raised_by_phone),
    status: r.status,
    step: r.step,
    category: r.category_id === null ? null : { id: r.category_id, name: r.category_name!, kind: r.category_kind! },
    rejectionReason: r.rejection_reason,
    screenedAt: isoOrNull(r.screened_at),
    decision: r.decision,
    decisionOptionId: r.decision_option_id,
    decisionSource: r.decision_source,
    decidedAt: isoOrNull(r.decided_at),
    outcome: r.outcome,
    reviewDate: r.review_date,
    evaluatedAt: isoOrNull(r.evaluated_at),
    closedReason: r.closed_reason,
    closedAt: isoOrNull(r.closed_at),
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export interface TopicFilter {
  scopePatterns: string[];
  subtreePath?: string | undefined;
  status?: TopicStatus | undefined;
  step?: ConsultationStep | undefined;
  categoryId?: number | undefined;
  source?: TopicSource | undefined;
  q?: string | undefined;
}

/** Newest first. */
export function listTopics(q: Queryable, f: TopicFilter, page: { page: number; pageSize: number }): Promise<Page<TopicDto>> {
  const like = `%${likeEscape(f.q ?? '')}%`;
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.status, 't.status = ?', f.status)
    .addIf(f.step, 't.step = ?', f.step)
    .addIf(f.categoryId, 't.category_id = ?', f.categoryId)
    .addIf(f.source, 't.source = ?', f.source)
    .addIf(f.q, '(t.title ILIKE ? OR t.description ILIKE ?)', like, like);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 't.created_at DESC, t.id DESC', params: where.params }, page, toTopicDto);
}

export async function getTopic(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<TopicRow | undefined> {
  const [row] = await q.query<TopicRow>(`SELECT ${COLUMNS} ${FROM} WHERE t.id = $1${opts.forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return row;
}

export interface TopicValues {
  title: string;
  titleGrams: string[];
  description: string;
  nodeId: number;
  source: TopicSource;
  ticketId: number | null;
  raisedByName: string | null;
  raisedByPhone: string | null;
  createdBy: number | null;
}

export async function insertTopic(q: Queryable, v: TopicValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO topics (title, title_grams, description, node_id, source, ticket_id, raised_by_name, raised_by_phone, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [v.title, v.titleGrams, v.description, v.nodeId, v.source, v.ticketId, v.raisedByName, v.raisedByPhone, v.createdBy],
  );
  return row!.id;
}

/** The columns a move sets (snake_case names of `topics`); `updated_at` always. */
export async function updateTopic(q: Queryable, id: number, changes: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(changes);
  const sets = keys.map((k, i) => `${k} = $${i + 2}`);
  await q.query(`UPDATE topics SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, [id, ...keys.map((k) => changes[k])]);
}

/** An open topic already made of this ticket. */
export async function openTopicOfTicket(q: Queryable, ticketId: number): Promise<{ id: number; node_path: string } | undefined> {
  const [row] = await q.query<{ id: number; node_path: string }>(
    'SELECT t.id, n.path AS node_path FROM topics t JOIN nodes n ON n.id = t.node_id WHERE t.ticket_id = $1 AND t.status = ANY($2::text[])',
    [ticketId, TOPIC_OPEN_STATUSES],
  );
  return row;
}

export async function getTicketPlace(q: Queryable, ticketId: number): Promise<{ id: number; code: string; node_path: string; owner_user_id: number | null } | undefined> {
  const [row] = await q.query<{ id: number; code: string; node_path: string; owner_user_id: number | null }>(
    `SELECT tk.id, tk.code, n.path AS node_path, cm.user_id AS owner_user_id
       FROM tickets tk JOIN nodes n ON n.id = tk.node_id LEFT JOIN commissioners cm ON cm.id = tk.owner_id WHERE tk.id = $1`,
    [ticketId],
  );
  return row;
}

/**
 * Open topics under `communityPath` (and in the reader's scope) whose titles share
 * two-character pieces with `grams`: at least two, or a third of the pieces searched for.
 */
export async function similarTopics(
  q: Queryable,
  f: { communityPath: string; scopePatterns: string[]; grams: string[]; excludeId: number; limit: number },
): Promise<SimilarTopicDto[]> {
  if (f.grams.length === 0) return [];
  const rows = await q.query<{ id: number; title: string; status: TopicStatus; step: ConsultationStep | null; node_name: string; shared: number; created_at: Date }>(
    `SELECT * FROM (
       SELECT t.id, t.title, t.status, t.step, n.name AS node_name, t.created_at,
              cardinality(ARRAY(SELECT unnest(t.title_grams) INTERSECT SELECT unnest($2::text[])))::int AS shared
         FROM topics t JOIN nodes n ON n.id = t.node_id
        WHERE t.title_grams && $2::text[] AND n.path LIKE $1 AND n.path LIKE ANY($3) AND t.status = ANY($4::text[]) AND t.id <> $5
     ) s
     WHERE s.shared >= 2 OR s.shared * 3 >= $6
     ORDER BY s.shared DESC, s.created_at DESC, s.id DESC LIMIT $7`,
    [`${f.communityPath}%`, f.grams, f.scopePatterns, TOPIC_OPEN_STATUSES, f.excludeId, f.grams.length, f.limit],
  );
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, step: r.step, nodeName: r.node_name, shared: r.shared, createdAt: isoOf(r.created_at) }));
}

// ── Steps ────────────────────────────────────────────────────────────────────

interface StepRow {
  id: number;
  step: ConsultationStep;
  started_at: Date;
  ended_at: Date | null;
  responsible_name: string | null;
  responsible_user_id: number | null;
  record: string | null;
}

const toStepDto = (r: StepRow): TopicStepDto => ({
  id: r.id,
  step: r.step,
  startedAt: isoOf(r.started_at),
  endedAt: isoOrNull(r.ended_at),
  responsibleName: r.responsible_name,
  responsibleUserId: r.responsible_user_id,
  record: r.record,
});

export async function listSteps(q: Queryable, topicId: number): Promise<TopicStepDto[]> {
  const rows = await q.query<StepRow>('SELECT id, step, started_at, ended_at, responsible_name, responsible_user_id, record FROM topic_steps WHERE topic_id = $1 ORDER BY id', [topicId]);
  return rows.map(toStepDto);
}

export async function openStep(q: Queryable, topicId: number): Promise<TopicStepDto | undefined> {
  const [row] = await q.query<StepRow>(
    'SELECT id, step, started_at, ended_at, responsible_name, responsible_user_id, record FROM topic_steps WHERE topic_id = $1 AND ended_at IS NULL',
    [topicId],
  );
  return row && toStepDto(row);
}

export async function insertStep(q: Queryable, topicId: number, step: ConsultationStep, responsible: { name: string | null; userId: number | null }): Promise<void> {
  await q.query('INSERT INTO topic_steps (topic_id, step, responsible_name, responsible_user_id) VALUES ($1, $2, $3, $4)', [
    topicId, step, responsible.name, responsible.userId,
  ]);
}

export async function setStepRecord(q: Queryable, stepId: number, record: string | null): Promise<void> {
  await q.query('UPDATE topic_steps SET record = $2 WHERE id = $1', [stepId, record]);
}

export async function endStep(q: Queryable, stepId: number, record: string | null): Promise<void> {
  await q.query('UPDATE topic_steps SET record = $2, ended_at = now() WHERE id = $1', [stepId, record]);
}

// ── Options and tasks ────────────────────────────────────────────────────────

export async function listOptions(q: Queryable, topicId: number): Promise<TopicOptionDto[]> {
  const rows = await q.query<{ id: number; title: string; description: string | null; cost: string | null; created_by: number | null; creator: string | null; created_at: Date }>(
    `SELECT o.id, o.title, o.description, o.cost::text AS cost, o.created_by, u.display_name AS creator, o.created_at
       FROM topic_options o LEFT JOIN users u ON u.id = o.created_by WHERE o.topic_id = $1 ORDER BY o.id`,
    [topicId],
  );
  const attachments = rows.length > 0 ? await attachmentsByOption(q, topicId) : new Map<number, never[]>();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    cost: r.cost === null ? null : Number(r.cost),
    createdBy: r.created_by === null ? null : { id: r.created_by, name: r.creator ?? '' },
    createdAt: isoOf(r.created_at),
    attachments: attachments.get(r.id) ?? [],
  }));
}

export async function insertOption(q: Queryable, topicId: number, v: { title: string; description: string | null; cost: number | null; createdBy: number | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO topic_options (topic_id, title, description, cost, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [topicId, v.title, v.description, v.cost, v.createdBy],
  );
  return row!.id;
}

interface TaskRow {
  id: number;
  title: string;
  owner_name: string;
  deadline: string | null;
  progress: number;
  ticket_id: number | null;
  ticket_code: string | null;
  ticket_status: string | null;
  created_at: Date;
  updated_at: Date;
}
const TASK_SELECT = `SELECT k.id, k.title, k.owner_name, to_char(k.deadline, 'YYYY-MM-DD') AS deadline, k.progress, k.ticket_id,
       tk.code AS ticket_code, tk.status AS ticket_status, k.created_at, k.updated_at
  FROM topic_tasks k LEFT JOIN tickets tk ON tk.id = k.ticket_id`;
const toTaskDto = (r: TaskRow): TopicTaskDto => ({
  id: r.id, title: r.title, ownerName: r.owner_name, deadline: r.deadline, progress: r.progress,
  ticket: r.ticket_id === null ? null : { id: r.ticket_id, code: r.ticket_code!, status: r.ticket_status! },
  createdAt: isoOf(r.created_at), updatedAt: isoOf(r.updated_at),
});

export async function listTasks(q: Queryable, topicId: number): Promise<TopicTaskDto[]> {
  return (await q.query<TaskRow>(`${TASK_SELECT} WHERE k.topic_id = $1 ORDER BY k.id`, [topicId])).map(toTaskDto);
}

export async function getTask(q: Queryable, topicId: number, taskId: number, opts: { forUpdate?: boolean } = {}): Promise<TopicTaskDto | undefined> {
  const [row] = await q.query<TaskRow>(`${TASK_SELECT} WHERE k.topic_id = $1 AND k.id = $2${opts.forUpdate ? ' FOR UPDATE OF k' : ''}`, [topicId, taskId]);
  return row && toTaskDto(row);
}

export async function setTaskTicket(q: Queryable, taskId: number, ticketId: number): Promise<void> {
  await q.query('UPDATE topic_tasks SET ticket_id = $2, updated_at = now() WHERE id = $1', [taskId, ticketId]);
}

export interface TaskValues {
  title: string;
  ownerName: string;
  deadline: string | null;
  progress: number;
}

export async function insertTask(q: Queryable, topicId: number, v: TaskValues, createdBy: number | null): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO topic_tasks (topic_id, title, owner_name, deadline, progress, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [topicId, v.title, v.ownerName, v.deadline, v.progress, createdBy],
  );
  return row!.id;
}

export async function updateTask(q: Queryable, taskId: number, v: TaskValues): Promise<void> {
  await q.query('UPDATE topic_tasks SET title = $2, owner_name = $3, deadline = $4, progress = $5, updated_at = now() WHERE id = $1', [
    taskId, v.title, v.ownerName, v.deadline, v.progress,
  ]);
}

// ── Timeline ─────────────────────────────────────────────────────────────────

export async function listEvents(q: Queryable, topicId: number): Promise<TopicEventDto[]> {
  const rows = await q.query<{
    id: string | number; kind: TopicEventKind; step: ConsultationStep | null; from_status: TopicStatus | null; to_status: TopicStatus;
    actor_user_id: number | null; actor_name: string | null; note: string | null; details: Record<string, unknown>; at: Date;
  }>(
    `SELECT e.id, e.kind, e.step, e.from_status, e.to_status, e.actor_user_id, u.display_name AS actor_name, e.note, e.details, e.at
       FROM topic_events e LEFT JOIN users u ON u.id = e.actor_user_id WHERE e.topic_id = $1 ORDER BY e.id`,
    [topicId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    step: r.step,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actor: r.actor_user_id === null ? null : { id: r.actor_user_id, name: r.actor_name ?? '' },
    note: r.note,
    details: r.details,
    at: isoOf(r.at),
  }));
}

export interface EventValues {
  topicId: number;
  kind: TopicEventKind;
  step: ConsultationStep | null;
  from: TopicStatus | null;
  to: TopicStatus;
  actorUserId: number | null;
  note: string | null;
  details: Record<string, unknown>;
}

export async function insertEvent(q: Queryable, e: EventValues): Promise<void> {
  await q.query('INSERT INTO topic_events (topic_id, kind, step, from_status, to_status, actor_user_id, note, details) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)', [
    e.topicId, e.kind, e.step, e.from, e.to, e.actorUserId, e.note, JSON.stringify(e.details),
  ]);
}

/** A user's display name, for a responsible person named by account (enabled accounts only). */
export async function enabledUserName(q: Queryable, userId: number): Promise<string | undefined> {
  const [row] = await q.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1 AND NOT disabled', [userId]);
  return row?.display_name;
}
