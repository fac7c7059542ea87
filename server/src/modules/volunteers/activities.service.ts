import { randomBytes } from 'node:crypto';
import {
  ACTIVITY_STATUS_LABELS,
  activityCheckinPath,
  type ActivityCancel,
  type ActivityCreate,
  type ActivityDetailDto,
  type ActivityDto,
  type ActivityListQuery,
  type ActivityRosterDto,
  type ActivityUpdate,
  type RosterEntryDto,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { isoOf, nodeOfKinds, subtreeOf } from '../person-roles/person-ref.js';
import { checkIn, checkOut } from './signups.service.js';
import * as repo from './activities.repo.js';

const WHAT = '志愿服务活动';
const DAY = 86_400_000;

/** 128 random bits, base64url: the QR code's check-in token (22 characters). */
const newCheckinToken = () => randomBytes(16).toString('base64url');
/** A China date's midnight (UTC+8) as an instant. */
const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * Volunteer activities on the console: reading needs volunteers.read, publishing, changing,
 * cancelling, closing and checking people in or out volunteers.manage over the organiser node
 * (out of the caller's scope → 404). Every write is one transaction with the activity row
 * locked and an audit row.
 */
export class ActivitiesService {
  constructor(private readonly db: Db) {}

  async list(auth: AuthContext, query: ActivityListQuery): Promise<Page<ActivityDto>> {
    const scope = scopeFor(auth, 'volunteers.read');
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    return repo.listActivities(
      this.db,
      {
        scopePatterns: scopePatterns(scope), subtreePath, status: query.status, type: query.type,
        from: query.from && chinaMidnight(query.from).toISOString(),
        to: query.to && new Date(chinaMidnight(query.to).getTime() + DAY).toISOString(),
      },
      query,
    );
  }

  async get(auth: AuthContext, id: number): Promise<ActivityDetailDto> {
    return detail(await this.toRead(this.db, auth, id));
  }

  async roster(auth: AuthContext, id: number): Promise<ActivityRosterDto> {
    const a = await this.toRead(this.db, auth, id);
    return { data: await repo.listRoster(this.db, a.id) };
  }

  /** The roster for the export (masked), with an audit row of who exported it. */
  async rosterForExport(auth: AuthContext, id: number, actor: Actor): Promise<{ activity: ActivityDetailDto; rows: RosterEntryDto[] }> {
    return this.db.tx(async (q) => {
      const a = await this.toRead(q, auth, id);
      const rows = await repo.listRoster(q, a.id);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'volunteerActivity.export', targetType: 'volunteer_activity', targetId: a.id, nodeId: a.node_id, result: 'success',
        details: { rowCount: rows.length },
      });
      return { activity: detail(a), rows };
    });
  }

  async create(auth: AuthContext, input: ActivityCreate, actor: Actor): Promise<ActivityDetailDto> {
    return this.db.tx(async (q) => {
      const node = await nodeOfKinds(q, input.nodeId, scopeFor(auth, 'volunteers.manage'), ['community', 'compound'], '组织单位');
      if (Date.parse(input.endsAt) <= Date.now()) throw badRequest('活动结束时间已过，不能发布');
      const values = { ...input, description: input.description ?? null };
      const id = await repo.insertActivity(q, { ...values, nodeId: node.id, token: newCheckinToken(), createdBy: actor.userId });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'volunteerActivity.create', targetType: 'volunteer_activity', targetId: id, nodeId: node.id, result: 'success',
        details: { title: input.title, type: input.type, startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity, pointsMode: input.pointsMode, points: input.points, audience: input.audience },
      });
      return detail((await repo.getActivity(q, id))!);
    });
  }

  /** Changes an activity before its start; the capacity cannot drop below the sign-ups taken. */
  async update(auth: AuthContext, id: number, input: ActivityUpdate, actor: Actor): Promise<ActivityDetailDto> {
    return this.db.tx(async (q) => {
      const a = await this.toManage(q, auth, id);
      assertPublished(a, '修改');
      if (Date.now() >= a.starts_at.getTime()) throw new AppError(409, 'ILLEGAL_TRANSITION', '活动已开始，不能修改', { startsAt: isoOf(a.starts_at) });
      const v: repo.ActivityValues = {
        title: input.title ?? a.title,
        type: input.type ?? a.type,
        description: input.description === undefined ? a.description : input.description,
        place: input.place ?? a.place,
        startsAt: input.startsAt ?? isoOf(a.starts_at),
        endsAt: input.endsAt ?? isoOf(a.ends_at),
        capacity: input.capacity ?? a.capacity,
        pointsMode: input.pointsMode ?? a.points_mode,
        points: input.points ?? a.points,
        audience: input.audience ?? a.audience,
      };
      if (Date.parse(v.endsAt) <= Date.parse(v.startsAt)) throw badRequest('结束时间须晚于开始时间');
      if (input.startsAt !== undefined && Date.parse(input.startsAt) <= Date.now()) throw badRequest('开始时间须晚于现在');
      if (v.capacity < a.signed_up_count) throw new AppError(409, 'CONFLICT', `已有 ${a.signed_up_count} 人报名，名额不能少于已报名人数`, { signedUpCount: a.signed_up_count });
      await repo.updateActivity(q, a.id, v);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'volunteerActivity.update', targetType: 'volunteer_activity', targetId: a.id, nodeId: a.node_id, result: 'success',
        details: { changed: Object.keys(input) },
      });
      return detail((await repo.getActivity(q, a.id))!);
    });
  }

  /** Cancels a published activity that has not ended. */
  async cancel(auth: AuthContext, id: number, input: ActivityCancel, actor: Actor): Promise<ActivityDetailDto> {
    return this.db.tx(async (q) => {
      const a = await this.toManage(q, auth, id);
      assertPublished(a, '取消');
      if (Date.now() >= a.ends_at.getTime()) throw new AppError(409, 'ILLEGAL_TRANSITION', '活动已结束，请结束活动而不是取消', { endsAt: isoOf(a.ends_at) });
      await repo.markCancelled(q, a.id, input.reason);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'volunteerActivity.cancel', targetType: 'volunteer_activity', targetId: a.id, nodeId: a.node_id, result: 'success',
        details: { reason: input.reason, signedUpCount: a.signed_up_count },
      });
      return detail((await repo.getActivity(q, a.id))!);
    });
  }

  /** Closes the activity after its end: every sign-up without a check-in is recorded as a no-show. */
  async close(auth: AuthContext, id: number, actor: Actor): Promise<ActivityDetailDto> {
    return this.db.tx(async (q) => {
      const a = await this.toManage(q, auth, id);
      assertPublished(a, '结束');
      if (Date.now() < a.ends_at.getTime()) throw new AppError(409, 'ILLEGAL_TRANSITION', '活动尚未结束，结束时间之后才能关闭', { endsAt: isoOf(a.ends_at) });
      const noShows = await repo.markClosed(q, a.id);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'volunteerActivity.close', targetType: 'volunteer_activity', targetId: a.id, nodeId: a.node_id, result: 'success',
        details: { noShows, signedUpCount: a.signed_up_count, checkedInCount: a.checked_in_count },
      });
      return detail((await repo.getActivity(q, a.id))!);
    });
  }

  /** Staff check a signed-up person in or out (e.g. one without a phone at hand), under the same time rules as the QR code. */
  async attendance(auth: AuthContext, id: number, signupId: number, step: 'in' | 'out', actor: Actor): Promise<RosterEntryDto> {
    return this.db.tx(async (q) => {
      const a = await this.toManage(q, auth, id);
      const s = await repo.signupOf(q, a.id, signupId);
      if (!s) throw notFound('报名记录');
      await (step === 'in' ? checkIn : checkOut)(q, a, s, actor, 'staff');
      return (await repo.listRoster(q, a.id)).find((r) => r.signupId === s.id)!;
    });
  }

  private async toRead(q: Queryable, auth: AuthContext, id: number): Promise<repo.ActivityRow> {
    const a = await repo.getActivity(q, id);
    if (!a || !pathInScope(a.node_path, scopeFor(auth, 'volunteers.read'))) throw notFound(WHAT);
    return a;
  }

  /** The activity, locked, for a caller who manages its organiser node. */
  private async toManage(q: Queryable, auth: AuthContext, id: number): Promise<repo.ActivityRow> {
    const found = await repo.getActivity(q, id);
    if (!found || !pathInScope(found.node_path, scopeFor(auth, 'volunteers.manage'))) throw notFound(WHAT);
    return (await repo.getActivity(q, id, { lock: true }))!;
  }
}

function assertPublished(a: repo.ActivityRow, what: string): void {
  if (a.status !== 'published') throw new AppError(409, 'ILLEGAL_TRANSITION', `活动${ACTIVITY_STATUS_LABELS[a.status].zh}，不能${what}`, { status: a.status });
}

function detail(a: repo.ActivityRow): ActivityDetailDto {
  return { ...repo.toActivityDto(a), totalHours: Number(a.total_hours), checkinToken: a.checkin_token, checkinPath: activityCheckinPath(a.checkin_token) };
}
