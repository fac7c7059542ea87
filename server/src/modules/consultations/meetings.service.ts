import { randomBytes } from 'node:crypto';
import {
  maskPhone,
  MEETING_FORM_LABELS,
  MEETING_LIMITS,
  MEETING_STATUS_LABELS,
  type MeetingAttendanceDto,
  type MeetingAttendeeCreate,
  type MeetingCancel,
  type MeetingCreate,
  type MeetingDetailDto,
  type MeetingDto,
  type MeetingHold,
  type MeetingListQuery,
  type MeetingStatus,
  type PublicMeetingDto,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import type { ResidentContext } from '../../platform/auth/resident-sessions.js';
import type { Page } from '../../platform/paging.js';
import { isoOf, subtreeOf } from '../person-roles/person-ref.js';
import { getOffice } from './consultation-offices.repo.js';
import { applyDecision } from './topic-steps.service.js';
import { assertState, recordMove, topicToManage } from './topic-access.js';
import { listOptions, type TopicRow } from './topics.repo.js';
import { meetingMinutesHtml } from './meetings.minutes.js';
import * as repo from './meetings.repo.js';
import { earnPoints } from '../points/points.ledger.js';

const WHAT = '商量会议';
const HOUR = 3_600_000;

/** 128 random bits, base64url: the QR code's sign-in token (22 characters). */
export const newSignInToken = () => randomBytes(16).toString('base64url');

/**
 * Whether a verified resident may sign in now: from two hours before the start while the
 * meeting is planned, and not after its end time when one is set. Held or cancelled: closed.
 */
export function signInOpen(m: { status: MeetingStatus; starts_at: Date; ends_at: Date | null }, now: Date): boolean {
  if (m.status !== 'planned') return false;
  if (now.getTime() < m.starts_at.getTime() - MEETING_LIMITS.signInOpensHoursBefore * HOUR) return false;
  return m.ends_at === null || now.getTime() <= m.ends_at.getTime();
}

/**
 * 商量会议: a meeting of a topic in 议事项 (deliberate), planned → held (minutes and decision,
 * which becomes the topic's decision) or cancelled; attendance by staff or by residents'
 * QR sign-in; statistics. Writes need consultations.manage over the topic's node (out of
 * the reader's scope → 404), each in one transaction with the topic locked, a timeline
 * entry and an audit row.
 */
export class MeetingsService {
  constructor(private readonly db: Db) {}

  async list(auth: AuthContext, query: MeetingListQuery): Promise<Page<MeetingDto>> {
    const scope = scopeFor(auth, 'consultations.read');
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    return repo.listMeetings(this.db, { scopePatterns: scopePatterns(scope), subtreePath, topicId: query.topicId, status: query.status, form: query.form }, query);
  }

  async get(auth: AuthContext, id: number): Promise<MeetingDetailDto> {
    return this.detail(this.db, await this.toRead(this.db, auth, id));
  }

  /** The printable minutes (A4 HTML). */
  async minutesHtml(auth: AuthContext, id: number): Promise<string> {
    const m = await this.toRead(this.db, auth, id);
    const option = m.decision_option_id === null ? undefined : (await listOptions(this.db, m.topic_id)).find((o) => o.id === m.decision_option_id);
    return meetingMinutesHtml(await this.detail(this.db, m), option?.title ?? null, new Date());
  }

  /** The meeting, if the caller may read its topic; anything else is 404. */
  async toRead(q: Queryable, auth: AuthContext, id: number): Promise<repo.MeetingRow> {
    const m = await repo.getMeeting(q, id);
    if (!m || !pathInScope(m.node_path, scopeFor(auth, 'consultations.read'))) throw notFound(WHAT);
    return m;
  }

  async create(auth: AuthContext, input: MeetingCreate, actor: Actor): Promise<MeetingDetailDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, input.topicId);
      assertState(t, ['active'], '安排商量会议', 'deliberate');
      let officeName: string | null = null;
      if (input.officeId !== undefined) {
        const office = await getOffice(q, input.officeId);
        // An office of the topic's community (at the community or one of its compounds).
        if (!office || !office.node_path.startsWith(t.community_path)) throw badRequest('商量办公室不存在，或不在该议题所在的社区');
        if (!office.active) throw badRequest(`商量办公室“${office.name}”已停用`);
        officeName = office.name;
      }
      const id = await repo.insertMeeting(q, {
        topicId: t.id,
        officeId: input.officeId ?? null,
        form: input.form,
        startsAt: input.startsAt,
        endsAt: input.endsAt ?? null,
        place: input.place,
        invitedGroups: input.invitedGroups,
        signInToken: newSignInToken(),
        createdBy: actor.userId,
      });
      const details = { meetingId: id, form: input.form, startsAt: input.startsAt, endsAt: input.endsAt ?? null, place: input.place, officeId: input.officeId ?? null, office: officeName, invitedGroups: input.invitedGroups };
      await recordMove(q, t, { kind: 'meeting_planned', action: 'consultationMeeting.create', step: t.step, to: 'active', note: `${MEETING_FORM_LABELS[input.form].zh}：${input.place}`, details }, actor);
      return this.detail(q, (await repo.getMeeting(q, id))!);
    });
  }

  /**
   * Holds the meeting: its minutes and decision are recorded and the decision becomes the
   * topic's (`decisionSource: meeting`), which meets the exit condition of 议事项.
   */
  async hold(auth: AuthContext, id: number, input: MeetingHold, actor: Actor): Promise<MeetingDetailDto> {
    return this.db.tx(async (q) => {
      const { t, m } = await this.toManage(q, auth, id);
      assertPlanned(m, '召开');
      assertState(t, ['active'], '记录商量会议的决定', 'deliberate');
      await repo.markHeld(q, m.id, { minutes: input.minutes, decision: input.decision, optionId: input.optionId ?? null, heldBy: actor.userId });
      await applyDecision(q, t, { decision: input.decision, optionId: input.optionId ?? null, source: 'meeting', meetingId: m.id }, actor);
      await recordMove(
        q,
        t,
        { kind: 'meeting_held', action: 'consultationMeeting.hold', step: t.step, to: 'active', note: input.decision, details: { meetingId: m.id, form: m.form, optionId: input.optionId ?? null, attendances: m.attendance_count, minutesLength: input.minutes.length } },
        actor,
      );
      return this.detail(q, (await repo.getMeeting(q, id))!);
    });
  }

  async cancel(auth: AuthContext, id: number, input: MeetingCancel, actor: Actor): Promise<MeetingDetailDto> {
    return this.db.tx(async (q) => {
      const { t, m } = await this.toManage(q, auth, id);
      assertPlanned(m, '取消');
      await repo.markCancelled(q, m.id, input.reason);
      await recordMove(q, t, { kind: 'meeting_cancelled', action: 'consultationMeeting.cancel', step: t.step, to: t.status, note: input.reason, details: { meetingId: m.id, form: m.form, startsAt: isoOf(m.starts_at) } }, actor);
      return this.detail(q, (await repo.getMeeting(q, id))!);
    });
  }

  /** Staff record an attendee (name, group, optional phone: masked in every response and kept out of the audit). */
  async addAttendee(auth: AuthContext, id: number, input: MeetingAttendeeCreate, actor: Actor): Promise<MeetingDetailDto> {
    return this.db.tx(async (q) => {
      const { t, m } = await this.toManage(q, auth, id);
      if (m.status === 'cancelled') throw new AppError(409, 'ILLEGAL_TRANSITION', '会议已取消，不能登记参会人员', { status: m.status });
      const attendeeId = await repo.insertStaffAttendee(q, m.id, { name: input.name, group: input.group, phone: input.phone ?? null, recordedBy: actor.userId });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'consultationMeeting.attendee', targetType: 'consultation_meeting', targetId: m.id, nodeId: t.node_id, result: 'success',
        details: { topicId: t.id, attendeeId, name: input.name, group: input.group, withPhone: input.phone !== undefined },
      });
      return this.detail(q, (await repo.getMeeting(q, id))!);
    });
  }

  // ── Residents (QR code) ────────────────────────────────────────────────────

  /** What the QR code's page shows anyone: the meeting, no personal data. */
  async publicSummary(token: string): Promise<PublicMeetingDto> {
    const m = await this.byToken(this.db, token);
    return {
      topicTitle: m.topic_title, communityName: m.community_name, form: m.form, startsAt: isoOf(m.starts_at), endsAt: m.ends_at ? isoOf(m.ends_at) : null,
      place: m.place, status: m.status, signInOpen: signInOpen(m, new Date()),
    };
  }

  /** A verified resident signs in: once per meeting (a second call answers the same attendance), only while sign-in is open. */
  async attend(token: string, resident: ResidentContext, ip: string): Promise<MeetingAttendanceDto> {
    return this.db.tx(async (q) => {
      const m = await this.byToken(q, token, { forShare: true });
      const now = new Date();
      if (!signInOpen(m, now)) {
        const reason = m.status === 'cancelled' ? 'cancelled' : m.status === 'planned' && now < m.starts_at ? 'not_open' : 'closed';
        const message = {
          cancelled: '会议已取消，不能签到',
          not_open: `会议开始前 ${MEETING_LIMITS.signInOpensHoursBefore} 小时才能签到`,
          closed: '会议已结束，签到已关闭',
        }[reason];
        throw new AppError(409, 'CONFLICT', message, { reason, status: m.status, startsAt: isoOf(m.starts_at) });
      }
      const a = await repo.signInResident(q, m.id, resident.residentId);
      if (a.created) {
        const actor: Actor = { userId: null, name: `居民 ${maskPhone(resident.phone)}`, ip };
        // 积分 for a resident linked to a registry person: one entry per meeting (the ledger's key).
        const earned = resident.personId
          ? await earnPoints(q, {
              personId: resident.personId, ruleCode: 'meeting_attendance', source: { type: 'consultation_participation', id: m.id }, actor,
              note: `参加商量会议：${m.topic_title}`,
            })
          : null;
        await appendAudit(q, {
          ...actorEntry(actor), action: 'consultationMeeting.signIn', targetType: 'consultation_meeting', targetId: m.id, nodeId: m.node_id, result: 'success',
          details: { topicId: m.topic_id, residentId: resident.residentId, attendanceId: a.id, ...(earned ? { pointsEntryId: earned.entryId, points: earned.points } : {}) },
        });
      }
      return { attendanceId: a.id, signedInAt: isoOf(a.created_at), created: a.created };
    });
  }

  // ── Helpers ────────────────────────────────────────────────────────────────

  /** The meeting and its topic, locked (topic first, as every topic move does), for a caller who runs the topic. */
  private async toManage(q: Queryable, auth: AuthContext, id: number): Promise<{ t: TopicRow; m: repo.MeetingRow }> {
    const found = await this.toRead(q, auth, id);
    const t = await topicToManage(q, auth, found.topic_id);
    return { t, m: (await repo.getMeeting(q, id, { forUpdate: true }))! };
  }

  private async byToken(q: Queryable, token: string, opts: { forShare?: boolean } = {}): Promise<repo.MeetingRow> {
    const m = await repo.meetingByToken(q, token, opts);
    if (!m) throw notFound(WHAT);
    return m;
  }

  private async detail(q: Queryable, m: repo.MeetingRow): Promise<MeetingDetailDto> {
    return { ...repo.toMeetingDto(m), attendees: await repo.listAttendees(q, m.id), signInToken: m.signin_token, signInPath: repo.signInPathOf(m) };
  }
}

function assertPlanned(m: repo.MeetingRow, what: string): void {
  if (m.status !== 'planned') {
    throw new AppError(409, 'ILLEGAL_TRANSITION', `会议${MEETING_STATUS_LABELS[m.status].zh}，不能${what}`, { status: m.status });
  }
}
