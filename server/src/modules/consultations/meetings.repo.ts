import {
  maskPhone,
  meetingSignInPath,
  type AttendanceSource,
  type MeetingAttendeeDto,
  type MeetingDto,
  type MeetingForm,
  type MeetingGroup,
  type MeetingStatus,
} from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';

export interface MeetingRow {
  id: number;
  topic_id: number;
  topic_title: string;
  node_id: number;
  node_name: string;
  node_path: string;
  community_name: string;
  office_id: number | null;
  office_name: string | null;
  form: MeetingForm;
  starts_at: Date;
  ends_at: Date | null;
  place: string;
  invited_groups: MeetingGroup[];
  status: MeetingStatus;
  minutes: string | null;
  decision: string | null;
  decision_option_id: number | null;
  held_at: Date | null;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  signin_token: string;
  attendance_count: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `m.id, m.topic_id, t.title AS topic_title, t.node_id, n.name AS node_name, n.path AS node_path, c.name AS community_name,
  m.office_id, o.name AS office_name, m.form, m.starts_at, m.ends_at, m.place, m.invited_groups, m.status, m.minutes, m.decision,
  m.decision_option_id, m.held_at, m.cancel_reason, m.cancelled_at, m.signin_token,
  (SELECT count(*)::int FROM consultation_meeting_attendances a WHERE a.meeting_id = m.id) AS attendance_count, m.created_at, m.updated_at`;
// A meeting's place in the tree is its topic's node (a community or compound; its community is the node or the node's parent).
const FROM = `FROM consultation_meetings m JOIN topics t ON t.id = m.topic_id JOIN nodes n ON n.id = t.node_id
  JOIN nodes c ON c.id = CASE WHEN n.kind = 'community' THEN n.id ELSE n.parent_id END
  LEFT JOIN consultation_offices o ON o.id = m.office_id`;

const isoOrNull = (d: Date | null) => (d ? isoOf(d) : null);

export function toMeetingDto(r: MeetingRow): MeetingDto {
  return {
    id: r.id,
    topicId: r.topic_id,
    topicTitle: r.topic_title,
    nodeId: r.node_id,
    nodeName: r.node_name,
    communityName: r.community_name,
    office: r.office_id === null ? null : { id: r.office_id, name: r.office_name! },
    form: r.form,
    startsAt: isoOf(r.starts_at),
    endsAt: isoOrNull(r.ends_at),
    place: r.place,
    invitedGroups: r.invited_groups,
    status: r.status,
    minutes: r.minutes,
    decision: r.decision,
    decisionOptionId: r.decision_option_id,
    heldAt: isoOrNull(r.held_at),
    cancelReason: r.cancel_reason,
    cancelledAt: isoOrNull(r.cancelled_at),
    attendanceCount: r.attendance_count,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export interface MeetingFilter {
  scopePatterns: string[];
  subtreePath?: string | undefined;
  topicId?: number | undefined;
  status?: MeetingStatus | undefined;
  form?: MeetingForm | undefined;
}

/** Latest start first. */
export function listMeetings(q: Queryable, f: MeetingFilter, page: { page: number; pageSize: number }): Promise<Page<MeetingDto>> {
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.topicId, 'm.topic_id = ?', f.topicId)
    .addIf(f.status, 'm.status = ?', f.status)
    .addIf(f.form, 'm.form = ?', f.form);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 'm.starts_at DESC, m.id DESC', params: where.params }, page, toMeetingDto);
}

export async function getMeeting(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<MeetingRow | undefined> {
  const [row] = await q.query<MeetingRow>(`SELECT ${COLUMNS} ${FROM} WHERE m.id = $1${opts.forUpdate ? ' FOR UPDATE OF m' : ''}`, [id]);
  return row;
}

/** `forShare`: a sign-in holds the row so that holding or cancelling the meeting waits for it (and vice versa). */
export async function meetingByToken(q: Queryable, token: string, opts: { forShare?: boolean } = {}): Promise<MeetingRow | undefined> {
  const [row] = await q.query<MeetingRow>(`SELECT ${COLUMNS} ${FROM} WHERE m.signin_token = $1${opts.forShare ? ' FOR SHARE OF m' : ''}`, [token]);
  return row;
}

export interface MeetingValues {
  topicId: number;
  officeId: number | null;
  form: MeetingForm;
  startsAt: string;
  endsAt: string | null;
  place: string;
  invitedGroups: MeetingGroup[];
  signInToken: string;
  createdBy: number | null;
}

export async function insertMeeting(q: Queryable, v: MeetingValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO consultation_meetings (topic_id, office_id, form, starts_at, ends_at, place, invited_groups, signin_token, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [v.topicId, v.officeId, v.form, v.startsAt, v.endsAt, v.place, v.invitedGroups, v.signInToken, v.createdBy],
  );
  return row!.id;
}

export async function markHeld(q: Queryable, id: number, v: { minutes: string; decision: string; optionId: number | null; heldBy: number | null }): Promise<void> {
  await q.query(
    `UPDATE consultation_meetings SET status = 'held', minutes = $2, decision = $3, decision_option_id = $4, held_at = now(), held_by = $5, updated_at = now() WHERE id = $1`,
    [id, v.minutes, v.decision, v.optionId, v.heldBy],
  );
}

export async function markCancelled(q: Queryable, id: number, reason: string): Promise<void> {
  await q.query(`UPDATE consultation_meetings SET status = 'cancelled', cancel_reason = $2, cancelled_at = now(), updated_at = now() WHERE id = $1`, [id, reason]);
}

// ── Attendance ───────────────────────────────────────────────────────────────

interface AttendeeRow {
  id: number;
  name: string | null;
  attendee_group: MeetingGroup | null;
  phone: string | null;
  source: AttendanceSource;
  resident_id: number | null;
  created_at: Date;
}

/** Phones masked here, so no response can carry them in clear; a resident's phone is the verified one. */
export async function listAttendees(q: Queryable, meetingId: number): Promise<MeetingAttendeeDto[]> {
  const rows = await q.query<AttendeeRow>(
    `SELECT a.id, a.name, a.attendee_group, coalesce(a.phone, r.phone) AS phone, a.source, a.resident_id, a.created_at
       FROM consultation_meeting_attendances a LEFT JOIN residents r ON r.id = a.resident_id
      WHERE a.meeting_id = $1 ORDER BY a.id`,
    [meetingId],
  );
  return rows.map((r) => ({
    id: r.id, name: r.name, group: r.attendee_group, phone: maskPhone(r.phone), source: r.source, residentId: r.resident_id, createdAt: isoOf(r.created_at),
  }));
}

export async function insertStaffAttendee(q: Queryable, meetingId: number, v: { name: string; group: MeetingGroup; phone: string | null; recordedBy: number | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO consultation_meeting_attendances (meeting_id, source, name, attendee_group, phone, recorded_by)
     VALUES ($1, 'staff', $2, $3, $4, $5) RETURNING id`,
    [meetingId, v.name, v.group, v.phone, v.recordedBy],
  );
  return row!.id;
}

/**
 * A resident's sign-in: one row per resident and meeting (a partial unique index), so any
 * number of concurrent requests leave one row; `created` tells whether this call wrote it.
 */
export async function signInResident(q: Queryable, meetingId: number, residentId: number): Promise<{ id: number; created_at: Date; created: boolean }> {
  const [inserted] = await q.query<{ id: number; created_at: Date }>(
    `INSERT INTO consultation_meeting_attendances (meeting_id, source, resident_id) VALUES ($1, 'qr', $2)
     ON CONFLICT (meeting_id, resident_id) WHERE resident_id IS NOT NULL DO NOTHING RETURNING id, created_at`,
    [meetingId, residentId],
  );
  if (inserted) return { ...inserted, created: true };
  const [existing] = await q.query<{ id: number; created_at: Date }>(
    'SELECT id, created_at FROM consultation_meeting_attendances WHERE meeting_id = $1 AND resident_id = $2',
    [meetingId, residentId],
  );
  return { ...existing!, created: false };
}

// ── Statistics ───────────────────────────────────────────────────────────────

/** Held meetings by form and their attendances, under the scope (and the optional subtree). */
export const signInPathOf = (r: MeetingRow) => meetingSignInPath(r.signin_token);
