import {
  ACTIVITY_LIMITS,
  ACTIVITY_STATUS_LABELS,
  maskPhone,
  servedHours,
  type MySignupDto,
  type MyVolunteeringDto,
  type PublicActivityDto,
  type PublicActivityListQuery,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import type { ResidentContext } from '../../platform/auth/resident-sessions.js';
import type { Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';
import { earnPoints } from '../points/points.ledger.js';
import * as repo from './activities.repo.js';

const WHAT = '志愿服务活动';
const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Who a resident is in the audit log: no account, the masked phone. */
export const residentActor = (r: ResidentContext, ip: string): Actor => ({ userId: null, name: `居民 ${maskPhone(r.phone)}`, ip });

const refuse = (reason: string, message: string, details: Record<string, unknown> = {}) => new AppError(409, 'CONFLICT', message, { reason, ...details });

function assertNotCancelled(a: repo.ActivityRow): void {
  if (a.status === 'cancelled') throw refuse('cancelled', '活动已取消', { status: a.status });
}

/**
 * Checks a sign-up in: from 30 minutes before the start to the end, while the activity is
 * published. A second check-in answers the first one's time.
 */
export async function checkIn(q: Queryable, a: repo.ActivityRow, s: repo.SignupRow, actor: Actor, via: 'qr' | 'staff'): Promise<repo.SignupRow> {
  if (s.checked_in_at) return s;
  assertNotCancelled(a);
  if (s.status !== 'signed_up') throw refuse('not_signed_up', '报名已取消，不能签到');
  const now = Date.now();
  if (now < a.starts_at.getTime() - ACTIVITY_LIMITS.checkinOpensMinutesBefore * MINUTE) {
    throw refuse('not_open', `活动开始前 ${ACTIVITY_LIMITS.checkinOpensMinutesBefore} 分钟才能签到`, { startsAt: isoOf(a.starts_at) });
  }
  if (a.status !== 'published' || now > a.ends_at.getTime()) throw refuse('closed', '活动已结束，签到已关闭', { status: a.status });
  const row = await repo.setCheckedIn(q, s.id, new Date(now));
  await appendAudit(q, {
    ...actorEntry(actor), action: 'volunteerActivity.checkIn', targetType: 'volunteer_activity', targetId: a.id, nodeId: a.node_id, result: 'success',
    details: { signupId: s.id, residentId: s.resident_id, via },
  });
  return row;
}

/**
 * Checks a sign-up out: after its check-in, up to 2 hours after the end. Hours are the time
 * between, capped to the activity's length (rounded down to 0.1 h); a person linked to the
 * resident earns the activity's points in the same transaction. A second check-out answers the first.
 */
export async function checkOut(q: Queryable, a: repo.ActivityRow, s: repo.SignupRow, actor: Actor, via: 'qr' | 'staff'): Promise<repo.SignupRow> {
  if (s.checked_out_at) return s;
  assertNotCancelled(a);
  if (s.status !== 'signed_up') throw refuse('not_signed_up', '报名已取消，不能签退');
  if (!s.checked_in_at) throw refuse('not_checked_in', '请先签到再签退');
  const now = Date.now();
  if (now > a.ends_at.getTime() + ACTIVITY_LIMITS.checkoutClosesHoursAfter * HOUR) {
    throw refuse('closed', `活动结束 ${ACTIVITY_LIMITS.checkoutClosesHoursAfter} 小时后不能签退`, { endsAt: isoOf(a.ends_at) });
  }
  const at = new Date(Math.max(now, s.checked_in_at.getTime()));
  const hours = servedHours(s.checked_in_at, at, a.starts_at, a.ends_at);
  let row = await repo.setCheckedOut(q, s.id, at, hours);
  const personId = s.person_id ?? (await repo.residentPerson(q, s.resident_id)).personId;
  let credited: { entryId: number; points: number } | null = null;
  if (personId !== null && a.points > 0) {
    const perHour = a.points_mode === 'per_hour';
    credited = await earnPoints(q, {
      personId,
      ruleCode: perHour ? 'volunteer_hour' : 'volunteer_activity',
      points: perHour ? Math.floor(hours * a.points) : a.points,
      source: { type: 'volunteer_attendance', id: s.id },
      actor,
      note: a.title,
    });
    if (credited) row = await repo.setPoints(q, s.id, credited.entryId, credited.points);
  }
  await appendAudit(q, {
    ...actorEntry(actor), action: 'volunteerActivity.checkOut', targetType: 'volunteer_activity', targetId: a.id, nodeId: a.node_id, result: 'success',
    details: { signupId: s.id, residentId: s.resident_id, via, hours, personId, pointsEntryId: credited?.entryId ?? null, points: credited?.points ?? null },
  });
  return row;
}

/**
 * The phone side of volunteer activities: anyone sees upcoming published activities; verified
 * residents sign up (capacity held under concurrency by locking the activity row), cancel before
 * the start, check in and out with the activity's QR code, and see their hours and points.
 */
export class SignupsService {
  constructor(private readonly db: Db) {}

  async listUpcoming(query: PublicActivityListQuery): Promise<Page<PublicActivityDto>> {
    let subtreePath: string | undefined;
    if (query.nodeId !== undefined) {
      const [n] = await this.db.query<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [query.nodeId]);
      if (!n) throw notFound('节点');
      subtreePath = n.path;
    }
    return repo.listUpcoming(this.db, { subtreePath, type: query.type }, query);
  }

  async get(id: number): Promise<PublicActivityDto> {
    const a = await repo.getActivity(this.db, id);
    if (!a) throw notFound(WHAT);
    return repo.toPublicActivityDto(a);
  }

  /** Signs up (201), or answers the resident's existing sign-up (200). */
  async signUp(id: number, resident: ResidentContext, ip: string): Promise<{ signup: MySignupDto; created: boolean }> {
    return this.db.tx(async (q) => {
      const a = await repo.getActivity(q, id, { lock: true });
      if (!a) throw notFound(WHAT);
      const existing = await repo.activeSignup(q, a.id, resident.residentId);
      if (existing) return { signup: await this.mine(q, resident.residentId, existing.id), created: false };
      if (a.status !== 'published') throw refuse(a.status, `活动${ACTIVITY_STATUS_LABELS[a.status].zh}，不能报名`, { status: a.status });
      if (Date.now() >= a.starts_at.getTime()) throw refuse('started', '活动已开始，报名已截止', { startsAt: isoOf(a.starts_at) });
      const who = await repo.residentPerson(q, resident.residentId);
      if (a.audience === 'members' && !who.isMember) throw new AppError(403, 'FORBIDDEN', '该活动仅限党员报名：您的手机号未关联到党员信息');
      if (a.signed_up_count >= a.capacity) throw new AppError(409, 'ACTIVITY_FULL', `活动名额已满（${a.capacity} 人）`, { capacity: a.capacity });
      const s = await repo.insertSignup(q, a.id, resident.residentId, who.personId);
      await appendAudit(q, {
        ...actorEntry(residentActor(resident, ip)), action: 'volunteerActivity.signUp', targetType: 'volunteer_activity', targetId: a.id, nodeId: a.node_id, result: 'success',
        details: { signupId: s.id, residentId: resident.residentId, personId: who.personId },
      });
      return { signup: await this.mine(q, resident.residentId, s.id), created: true };
    });
  }

  /** Cancels the resident's sign-up, before the start only. */
  async cancel(id: number, resident: ResidentContext, ip: string): Promise<MySignupDto> {
    return this.db.tx(async (q) => {
      const a = await repo.getActivity(q, id, { lock: true });
      if (!a) throw notFound(WHAT);
      const s = await repo.activeSignup(q, a.id, resident.residentId);
      if (!s) throw notFound('报名记录');
      if (Date.now() >= a.starts_at.getTime() || a.status !== 'published') throw refuse('started', '活动已开始或已结束，不能取消报名', { status: a.status });
      await repo.cancelSignup(q, s.id);
      await appendAudit(q, {
        ...actorEntry(residentActor(resident, ip)), action: 'volunteerActivity.cancelSignUp', targetType: 'volunteer_activity', targetId: a.id, nodeId: a.node_id, result: 'success',
        details: { signupId: s.id, residentId: resident.residentId },
      });
      return this.mine(q, resident.residentId, s.id);
    });
  }

  async checkIn(token: string, resident: ResidentContext, ip: string): Promise<MySignupDto> {
    return this.attendance(token, resident, (q, a, s) => checkIn(q, a, s, residentActor(resident, ip), 'qr'));
  }

  async checkOut(token: string, resident: ResidentContext, ip: string): Promise<MySignupDto> {
    return this.attendance(token, resident, (q, a, s) => checkOut(q, a, s, residentActor(resident, ip), 'qr'));
  }

  async me(resident: ResidentContext): Promise<MyVolunteeringDto> {
    const signups = (await repo.mySignups(this.db, resident.residentId)).map(toMySignup);
    const served = signups.filter((s) => s.status === 'signed_up' && s.hours !== null);
    return {
      signups,
      totals: {
        activities: served.length,
        hours: Math.round(served.reduce((sum, s) => sum + s.hours!, 0) * 10) / 10,
        points: served.reduce((sum, s) => sum + (s.points ?? 0), 0),
      },
    };
  }

  private async attendance(token: string, resident: ResidentContext, step: (q: Queryable, a: repo.ActivityRow, s: repo.SignupRow) => Promise<repo.SignupRow>): Promise<MySignupDto> {
    return this.db.tx(async (q) => {
      const a = await repo.activityByToken(q, token);
      if (!a) throw notFound(WHAT);
      const s = await repo.activeSignup(q, a.id, resident.residentId);
      if (!s) throw refuse('not_signed_up', '您没有报名该活动，请先报名');
      const row = await step(q, a, s);
      return this.mine(q, resident.residentId, row.id);
    });
  }

  private async mine(q: Queryable, residentId: number, signupId: number): Promise<MySignupDto> {
    return toMySignup((await repo.mySignups(q, residentId, signupId))[0]!);
  }
}

function toMySignup(r: repo.MySignupRow): MySignupDto {
  return {
    signupId: r.id,
    status: r.status,
    signedUpAt: isoOf(r.created_at),
    checkedInAt: r.checked_in_at ? isoOf(r.checked_in_at) : null,
    checkedOutAt: r.checked_out_at ? isoOf(r.checked_out_at) : null,
    hours: r.hours === null ? null : Number(r.hours),
    noShow: r.no_show,
    points: r.points,
    activity: { id: r.activity_id, title: r.title, type: r.type, place: r.place, startsAt: isoOf(r.starts_at), endsAt: isoOf(r.ends_at), status: r.activity_status },
  };
}
