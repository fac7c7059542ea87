import {
  maskPhone,
  type ActivityAudience,
  type ActivityDto,
  type ActivityStatus,
  type ActivityType,
  type PointsMode,
  type PublicActivityDto,
  type RosterEntryDto,
  type SignupStatus,
} from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';

export interface ActivityRow {
  id: number;
  node_id: number;
  node_name: string;
  node_path: string;
  community_name: string;
  title: string;
  type: ActivityType;
  description: string | null;
  place: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  points_mode: PointsMode;
  points: number;
  audience: ActivityAudience;
  status: ActivityStatus;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  closed_at: Date | null;
  checkin_token: string;
  signed_up_count: number;
  checked_in_count: number;
  no_show_count: number;
  total_hours: string | number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `a.id, a.node_id, n.name AS node_name, n.path AS node_path, c.name AS community_name, a.title, a.type, a.description, a.place,
  a.starts_at, a.ends_at, a.capacity, a.points_mode, a.points, a.audience, a.status, a.cancel_reason, a.cancelled_at, a.closed_at, a.checkin_token,
  (SELECT count(*)::int FROM volunteer_signups s WHERE s.activity_id = a.id AND s.status = 'signed_up') AS signed_up_count,
  (SELECT count(*)::int FROM volunteer_signups s WHERE s.activity_id = a.id AND s.status = 'signed_up' AND s.checked_in_at IS NOT NULL) AS checked_in_count,
  (SELECT count(*)::int FROM volunteer_signups s WHERE s.activity_id = a.id AND s.status = 'signed_up' AND s.no_show) AS no_show_count,
  (SELECT coalesce(sum(s.hours), 0) FROM volunteer_signups s WHERE s.activity_id = a.id AND s.status = 'signed_up') AS total_hours,
  a.created_at, a.updated_at`;
// The organiser is a community or a compound; its community is the node or the node's parent.
const FROM = `FROM volunteer_activities a JOIN nodes n ON n.id = a.node_id
  JOIN nodes c ON c.id = CASE WHEN n.kind = 'community' THEN n.id ELSE n.parent_id END`;

const isoOrNull = (d: Date | null) => (d ? isoOf(d) : null);

const core = (r: ActivityRow) => ({
  id: r.id,
  nodeId: r.node_id,
  nodeName: r.node_name,
  communityName: r.community_name,
  title: r.title,
  type: r.type,
  description: r.description,
  place: r.place,
  startsAt: isoOf(r.starts_at),
  endsAt: isoOf(r.ends_at),
  capacity: r.capacity,
  pointsMode: r.points_mode,
  points: r.points,
  audience: r.audience,
  status: r.status,
  signedUpCount: r.signed_up_count,
});

export function toActivityDto(r: ActivityRow): ActivityDto {
  return {
    ...core(r),
    checkedInCount: r.checked_in_count,
    noShowCount: r.no_show_count,
    cancelReason: r.cancel_reason,
    cancelledAt: isoOrNull(r.cancelled_at),
    closedAt: isoOrNull(r.closed_at),
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export const toPublicActivityDto = (r: ActivityRow): PublicActivityDto => ({ ...core(r), full: r.signed_up_count >= r.capacity });

export interface ActivityFilter {
  scopePatterns: string[];
  subtreePath?: string | undefined;
  status?: ActivityStatus | undefined;
  type?: ActivityType | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Latest start first. */
export function listActivities(q: Queryable, f: ActivityFilter, page: { page: number; pageSize: number }): Promise<Page<ActivityDto>> {
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.status, 'a.status = ?', f.status)
    .addIf(f.type, 'a.type = ?', f.type)
    .addIf(f.from, 'a.starts_at >= ?', f.from)
    .addIf(f.to, 'a.starts_at < ?', f.to);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 'a.starts_at DESC, a.id DESC', params: where.params }, page, toActivityDto);
}

/** Published activities that have not ended, soonest first. */
export function listUpcoming(q: Queryable, f: { subtreePath?: string | undefined; type?: ActivityType | undefined }, page: { page: number; pageSize: number }): Promise<Page<PublicActivityDto>> {
  const where = new Where()
    .add("a.status = 'published'")
    .add('a.ends_at > now()')
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.type, 'a.type = ?', f.type);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 'a.starts_at, a.id', params: where.params }, page, toPublicActivityDto);
}

/**
 * `lock`: the row is locked FOR UPDATE first, serialising sign-ups (capacity) and state changes of
 * one activity; the counts are then read by a second statement, whose snapshot sees what the
 * transactions it waited for committed.
 */
export async function getActivity(q: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<ActivityRow | undefined> {
  if (opts.lock && (await q.query('SELECT id FROM volunteer_activities WHERE id = $1 FOR UPDATE', [id])).length === 0) return undefined;
  const [row] = await q.query<ActivityRow>(`SELECT ${COLUMNS} ${FROM} WHERE a.id = $1`, [id]);
  return row;
}

/** The activity of a check-in token, locked as by `getActivity`. */
export async function activityByToken(q: Queryable, token: string): Promise<ActivityRow | undefined> {
  const [found] = await q.query<{ id: number }>('SELECT id FROM volunteer_activities WHERE checkin_token = $1 FOR UPDATE', [token]);
  return found ? getActivity(q, found.id) : undefined;
}

export interface ActivityValues {
  title: string;
  type: ActivityType;
  description: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  pointsMode: PointsMode;
  points: number;
  audience: ActivityAudience;
}

export async function insertActivity(q: Queryable, v: ActivityValues & { nodeId: number; token: string; createdBy: number | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO volunteer_activities (node_id, title, type, description, place, starts_at, ends_at, capacity, points_mode, points, audience, checkin_token, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [v.nodeId, v.title, v.type, v.description, v.place, v.startsAt, v.endsAt, v.capacity, v.pointsMode, v.points, v.audience, v.token, v.createdBy],
  );
  return row!.id;
}

export async function updateActivity(q: Queryable, id: number, v: ActivityValues): Promise<void> {
  await q.query(
    `UPDATE volunteer_activities SET title = $2, type = $3, description = $4, place = $5, starts_at = $6, ends_at = $7, capacity = $8,
       points_mode = $9, points = $10, audience = $11, updated_at = now() WHERE id = $1`,
    [id, v.title, v.type, v.description, v.place, v.startsAt, v.endsAt, v.capacity, v.pointsMode, v.points, v.audience],
  );
}

export async function markCancelled(q: Queryable, id: number, reason: string): Promise<void> {
  await q.query(`UPDATE volunteer_activities SET status = 'cancelled', cancel_reason = $2, cancelled_at = now(), updated_at = now() WHERE id = $1`, [id, reason]);
}

/** Closes the activity; every active sign-up without a check-in becomes a no-show. Answers how many. */
export async function markClosed(q: Queryable, id: number): Promise<number> {
  await q.query(`UPDATE volunteer_activities SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = $1`, [id]);
  const rows = await q.query<{ id: number }>(
    `UPDATE volunteer_signups SET no_show = true WHERE activity_id = $1 AND status = 'signed_up' AND checked_in_at IS NULL RETURNING id`,
    [id],
  );
  return rows.length;
}

// ── Sign-ups ─────────────────────────────────────────────────────────────────

export interface SignupRow {
  id: number;
  activity_id: number;
  resident_id: number;
  person_id: number | null;
  status: SignupStatus;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  hours: string | null;
  no_show: boolean;
  points_entry_id: string | null;
  points: number | null;
  created_at: Date;
}

const SIGNUP_COLUMNS = 'id, activity_id, resident_id, person_id, status, checked_in_at, checked_out_at, hours, no_show, points_entry_id, points, created_at';

export async function activeSignup(q: Queryable, activityId: number, residentId: number): Promise<SignupRow | undefined> {
  const [row] = await q.query<SignupRow>(`SELECT ${SIGNUP_COLUMNS} FROM volunteer_signups WHERE activity_id = $1 AND resident_id = $2 AND status = 'signed_up' FOR UPDATE`, [activityId, residentId]);
  return row;
}

export async function signupOf(q: Queryable, activityId: number, signupId: number): Promise<SignupRow | undefined> {
  const [row] = await q.query<SignupRow>(`SELECT ${SIGNUP_COLUMNS} FROM volunteer_signups WHERE id = $1 AND activity_id = $2 FOR UPDATE`, [signupId, activityId]);
  return row;
}

export async function insertSignup(q: Queryable, activityId: number, residentId: number, personId: number | null): Promise<SignupRow> {
  const [row] = await q.query<SignupRow>(
    `INSERT INTO volunteer_signups (activity_id, resident_id, person_id) VALUES ($1, $2, $3) RETURNING ${SIGNUP_COLUMNS}`,
    [activityId, residentId, personId],
  );
  return row!;
}

export async function cancelSignup(q: Queryable, id: number): Promise<SignupRow> {
  const [row] = await q.query<SignupRow>(`UPDATE volunteer_signups SET status = 'cancelled', cancelled_at = now() WHERE id = $1 RETURNING ${SIGNUP_COLUMNS}`, [id]);
  return row!;
}

export async function setCheckedIn(q: Queryable, id: number, at: Date): Promise<SignupRow> {
  const [row] = await q.query<SignupRow>(`UPDATE volunteer_signups SET checked_in_at = $2, no_show = false WHERE id = $1 RETURNING ${SIGNUP_COLUMNS}`, [id, at]);
  return row!;
}

export async function setCheckedOut(q: Queryable, id: number, at: Date, hours: number): Promise<SignupRow> {
  const [row] = await q.query<SignupRow>(`UPDATE volunteer_signups SET checked_out_at = $2, hours = $3 WHERE id = $1 RETURNING ${SIGNUP_COLUMNS}`, [id, at, hours]);
  return row!;
}

export async function setPoints(q: Queryable, id: number, entryId: number, points: number): Promise<SignupRow> {
  const [row] = await q.query<SignupRow>(`UPDATE volunteer_signups SET points_entry_id = $2, points = $3 WHERE id = $1 RETURNING ${SIGNUP_COLUMNS}`, [id, entryId, points]);
  return row!;
}

/** The registry person a resident is linked to now, and whether that person is a party member. */
export async function residentPerson(q: Queryable, residentId: number): Promise<{ personId: number | null; isMember: boolean }> {
  const [row] = await q.query<{ person_id: number | null; is_member: boolean }>(
    `SELECT r.person_id, EXISTS (SELECT 1 FROM party_members m WHERE m.person_id = r.person_id) AS is_member FROM residents r WHERE r.id = $1`,
    [residentId],
  );
  return { personId: row?.person_id ?? null, isMember: row?.is_member ?? false };
}

interface RosterRow {
  id: number;
  resident_id: number;
  person_id: number | null;
  name: string | null;
  phone: string;
  is_member: boolean;
  status: SignupStatus;
  created_at: Date;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  hours: string | null;
  no_show: boolean;
  points: number | null;
}

/** Every sign-up of the activity in order; phones masked here, so no response or export carries them in clear. */
export async function listRoster(q: Queryable, activityId: number): Promise<RosterEntryDto[]> {
  const rows = await q.query<RosterRow>(
    `SELECT s.id, s.resident_id, s.person_id, p.name, r.phone, EXISTS (SELECT 1 FROM party_members m WHERE m.person_id = s.person_id) AS is_member,
            s.status, s.created_at, s.checked_in_at, s.checked_out_at, s.hours, s.no_show, s.points
       FROM volunteer_signups s JOIN residents r ON r.id = s.resident_id LEFT JOIN people p ON p.id = s.person_id
      WHERE s.activity_id = $1 ORDER BY s.id`,
    [activityId],
  );
  return rows.map((r) => ({
    signupId: r.id,
    residentId: r.resident_id,
    personId: r.person_id,
    name: r.name,
    phone: maskPhone(r.phone),
    isMember: r.is_member,
    status: r.status,
    signedUpAt: isoOf(r.created_at),
    checkedInAt: isoOrNull(r.checked_in_at),
    checkedOutAt: isoOrNull(r.checked_out_at),
    hours: r.hours === null ? null : Number(r.hours),
    noShow: r.no_show,
    points: r.points,
  }));
}

export interface MySignupRow extends SignupRow {
  title: string;
  type: ActivityType;
  place: string;
  starts_at: Date;
  ends_at: Date;
  activity_status: ActivityStatus;
}

/** A resident's sign-ups, latest activity first. */
export function mySignups(q: Queryable, residentId: number, signupId?: number): Promise<MySignupRow[]> {
  return q.query<MySignupRow>(
    `SELECT s.id, s.activity_id, s.resident_id, s.person_id, s.status, s.checked_in_at, s.checked_out_at, s.hours, s.no_show, s.points_entry_id, s.points, s.created_at,
            a.title, a.type, a.place, a.starts_at, a.ends_at, a.status AS activity_status
       FROM volunteer_signups s JOIN volunteer_activities a ON a.id = s.activity_id
      WHERE s.resident_id = $1${signupId === undefined ? '' : ' AND s.id = $2'} ORDER BY a.starts_at DESC, s.id DESC LIMIT 500`,
    signupId === undefined ? [residentId] : [residentId, signupId],
  );
}
