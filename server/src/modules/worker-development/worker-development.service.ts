import {
  ASSESSMENT_RESULT_LABELS,
  ASSESSMENT_RESULTS,
  TRAINING_DEFAULT_REQUIRED_HOURS,
  type AssessmentResult,
  type AssessmentRoundCreate,
  type AssessmentRoundDto,
  type AssessmentRoundListQuery,
  type AssessmentRoundSummaryDto,
  type AssessmentRowDto,
  type AssessmentScoreBody,
  type TrainingAttendanceBody,
  type TrainingCourseCreate,
  type TrainingCourseDetailDto,
  type TrainingCourseDto,
  type TrainingRequirementDto,
  type TrainingShortfallDto,
  type WorkerRecordDto,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import { isoOf } from '../person-roles/person-ref.js';
import { checkIndicators, checkScores, earnedLevel, recordedLevel, totalHundredths } from './assessment-scoring.js';
import * as repo from './worker-development.repo.js';
import { workerSummaryDto } from '../community-workers/worker-summary.js';

const ROUND = '考核轮次';
const WORKER = '社区工作者';
const COURSE = '培训课程';

type WorkerPermission = 'workers.read' | 'workers.manage';
const visibility = (auth: AuthContext, p: WorkerPermission): repo.Visibility => {
  const scope = scopeFor(auth, p);
  return { patterns: scopePatterns(scope), paths: scope.paths };
};
const patternsOf = (auth: AuthContext, p: WorkerPermission) => scopePatterns(scopeFor(auth, p));

/** Hours are kept in tenths so sums stay exact. */
const tenths = (hours: number) => Math.round(hours * 10);
const hoursOf = (t: number) => t / 10;
/** numeric(5,2) from hundredths, as text so no float rounding happens on the way in. */
const totalText = (h: number) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;

const summaryDto = (r: repo.RoundRow): AssessmentRoundSummaryDto => ({
  id: r.id,
  name: r.name,
  year: r.year,
  kind: r.kind,
  nodeId: r.node_id,
  nodeName: r.node_name,
  deadline: r.deadline,
  status: r.status,
  openedAt: isoOf(r.opened_at),
  closedAt: r.closed_at && isoOf(r.closed_at),
  workers: r.workers,
  scored: r.scored,
});

const rowDto = (r: repo.ResultRow, canScore: boolean): AssessmentRowDto => {
  const score =
    r.result_id === null
      ? null
      : {
          total: Number(r.total),
          earned: earnedLevel(Math.round(Number(r.total) * 100)),
          result: r.result!,
          scores: r.scores ?? {},
          comment: r.comment,
          scoredByName: r.scored_by_name,
          scoredAt: isoOf(r.scored_at!),
        };
  return { worker: workerSummaryDto(r), score, canScore };
};

const courseDto = (c: repo.CourseRow, auth: AuthContext): TrainingCourseDto => ({
  id: c.id,
  title: c.title,
  organiser: c.organiser,
  nodeId: c.node_id,
  nodeName: c.node_name,
  startsOn: c.starts_on,
  endsOn: c.ends_on,
  hours: hoursOf(c.hours_tenths),
  mode: c.mode,
  required: c.required,
  attendees: c.attendees,
  canManage: pathInScope(c.node_path, scopeFor(auth, 'workers.manage')),
});

export class WorkerDevelopmentService {
  constructor(private readonly db: Db) {}

  // ── Assessment rounds ─────────────────────────────────────────────────────────────────────
  async listRounds(auth: AuthContext, query: AssessmentRoundListQuery): Promise<{ data: AssessmentRoundSummaryDto[] }> {
    return { data: (await repo.listRounds(this.db, visibility(auth, 'workers.read'), query)).map(summaryDto) };
  }

  private async roundDto(q: Queryable, auth: AuthContext, id: number): Promise<AssessmentRoundDto> {
    const round = await repo.getRound(q, id, visibility(auth, 'workers.read'));
    if (!round) throw notFound(ROUND);
    const manage = scopeFor(auth, 'workers.manage');
    const rows = (await repo.roundRows(q, round, patternsOf(auth, 'workers.read'))).map((r) =>
      rowDto(r, round.status === 'open' && pathInScope(r.community_path, manage)),
    );
    const levels = Object.fromEntries(ASSESSMENT_RESULTS.map((l) => [l, rows.filter((r) => r.score?.result === l).length])) as Record<AssessmentResult, number>;
    return {
      ...summaryDto(round),
      indicators: round.indicators,
      openedByName: round.opened_by_name,
      canClose: round.status === 'open' && pathInScope(round.node_path, manage),
      rows,
      levels,
    };
  }

  getRound(auth: AuthContext, id: number): Promise<AssessmentRoundDto> {
    return this.roundDto(this.db, auth, id);
  }

  /** Opens a round at a node the caller manages (county, subdistrict or community) for the active workers of its subtree. */
  async openRound(auth: AuthContext, input: AssessmentRoundCreate, actor: Actor): Promise<AssessmentRoundDto> {
    checkIndicators(input.indicators);
    return this.db.tx(async (q) => {
      const node = await repo.getNode(q, input.nodeId);
      if (!node || !pathInScope(node.path, scopeFor(auth, 'workers.manage'))) throw notFound('组织节点');
      if (!['county', 'subdistrict', 'community'].includes(node.kind)) throw badRequest('考核应在县、街道或社区开启');
      const id = await repo.insertRound(q, { ...input, openedBy: actor.userId });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'workerAssessment.open', targetType: 'worker_assessment_round', targetId: id, nodeId: node.id, result: 'success',
        details: { name: input.name, year: input.year, kind: input.kind, deadline: input.deadline, indicators: input.indicators.map((i) => `${i.code}:${i.weight}`) },
      });
      return this.roundDto(q, auth, id);
    });
  }

  /**
   * Scores (or re-scores) a worker of an open round: the caller manages the worker's community
   * and the worker belongs to the round's subtree; otherwise 404. A closed round answers 409.
   */
  async score(auth: AuthContext, roundId: number, workerId: number, body: AssessmentScoreBody, actor: Actor): Promise<AssessmentRowDto> {
    return this.db.tx(async (q) => {
      const round = await repo.getRound(q, roundId, visibility(auth, 'workers.read'), { forUpdate: true });
      if (!round) throw notFound(ROUND);
      const worker = await repo.workerInScope(q, workerId, patternsOf(auth, 'workers.manage'));
      if (!worker || !worker.community_path.startsWith(round.node_path)) throw notFound(WORKER);
      if (round.status !== 'open') throw new AppError(409, 'CONFLICT', `“${round.name}”已结束，不能再评分或修改评分`);
      const existing = await repo.existingResult(q, round.id, worker.id);
      if (!existing && worker.status !== 'active') throw badRequest(`${worker.name}已离岗，不能参加本轮考核`);
      checkScores(round.indicators, body.scores);
      const hundredths = totalHundredths(round.indicators, body.scores);
      const earned = earnedLevel(hundredths);
      const comment = body.comment ? body.comment : undefined;
      const result = recordedLevel(earned, body.result, comment, ASSESSMENT_RESULT_LABELS);
      const total = totalText(hundredths);
      await repo.upsertResult(q, { roundId: round.id, workerId: worker.id, scores: body.scores, total, result, comment: comment ?? null, scoredBy: actor.userId });
      await appendAudit(q, {
        ...actorEntry(actor), action: existing ? 'workerAssessment.rescore' : 'workerAssessment.score', targetType: 'community_worker', targetId: worker.id,
        nodeId: worker.community_id, result: 'success',
        details: { roundId: round.id, total, earned, result, ...(existing ? { previous: { total: existing.total, result: existing.result } } : {}) },
      });
      const row = (await repo.roundRows(q, round, patternsOf(auth, 'workers.read'))).find((r) => r.id === worker.id)!;
      return rowDto(row, true);
    });
  }

  /** Closes a round the caller manages (its node in their workers.manage scope); results are then final. */
  async closeRound(auth: AuthContext, id: number, actor: Actor): Promise<AssessmentRoundDto> {
    return this.db.tx(async (q) => {
      const round = await repo.getRound(q, id, visibility(auth, 'workers.read'), { forUpdate: true });
      if (!round) throw notFound(ROUND);
      if (!pathInScope(round.node_path, scopeFor(auth, 'workers.manage'))) throw new AppError(403, 'FORBIDDEN', `“${round.name}”由${round.node_name}组织，只有该单位可以结束考核`);
      if (round.status !== 'open') throw new AppError(409, 'CONFLICT', `“${round.name}”已经结束`);
      await repo.closeRound(q, round.id);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'workerAssessment.close', targetType: 'worker_assessment_round', targetId: round.id, nodeId: round.node_id, result: 'success',
        details: { name: round.name, workers: round.workers, scored: round.scored },
      });
      return this.roundDto(q, auth, id);
    });
  }

  // ── Training ──────────────────────────────────────────────────────────────────────────────
  async listCourses(auth: AuthContext, year: number | undefined): Promise<{ data: TrainingCourseDto[] }> {
    return { data: (await repo.listCourses(this.db, visibility(auth, 'workers.read'), year)).map((c) => courseDto(c, auth)) };
  }

  private async courseDetail(q: Queryable, auth: AuthContext, id: number): Promise<TrainingCourseDetailDto> {
    const course = await repo.getCourse(q, id, visibility(auth, 'workers.read'));
    if (!course) throw notFound(COURSE);
    const attendance = (await repo.courseAttendance(q, id, patternsOf(auth, 'workers.read'))).map((a) => ({
      id: a.attendance_id,
      courseId: a.course_id,
      worker: workerSummaryDto(a),
      hours: hoursOf(a.hours_tenths),
      passed: a.passed,
      certificateNo: a.certificate_no,
      recordedAt: isoOf(a.recorded_at),
    }));
    return { ...courseDto(course, auth), attendance };
  }

  getCourse(auth: AuthContext, id: number): Promise<TrainingCourseDetailDto> {
    return this.courseDetail(this.db, auth, id);
  }

  async createCourse(auth: AuthContext, input: TrainingCourseCreate, actor: Actor): Promise<TrainingCourseDetailDto> {
    if (input.endsOn < input.startsOn) throw badRequest('结束日期不能早于开始日期');
    return this.db.tx(async (q) => {
      const node = await repo.getNode(q, input.nodeId);
      if (!node || !pathInScope(node.path, scopeFor(auth, 'workers.manage'))) throw notFound('组织节点');
      if (!['county', 'subdistrict', 'community'].includes(node.kind)) throw badRequest('培训课程应登记在县、街道或社区');
      const id = await repo.insertCourse(q, { ...input, hoursTenths: tenths(input.hours), createdBy: actor.userId });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'workerTraining.course', targetType: 'worker_training_course', targetId: id, nodeId: node.id, result: 'success',
        details: { title: input.title, startsOn: input.startsOn, endsOn: input.endsOn, hours: input.hours, mode: input.mode, required: input.required },
      });
      return this.courseDetail(q, auth, id);
    });
  }

  /**
   * Records attendance of workers the caller manages at a course they can see (a county course is
   * visible to communities); hours never exceed the course's. One transaction, one audit row.
   */
  async recordAttendance(auth: AuthContext, courseId: number, body: TrainingAttendanceBody, actor: Actor): Promise<{ saved: number }> {
    return this.db.tx(async (q) => {
      const course = await repo.getCourse(q, courseId, visibility(auth, 'workers.read'));
      if (!course) throw notFound(COURSE);
      const ids = body.entries.map((e) => e.workerId);
      const dup = ids.find((id, i) => ids.indexOf(id) !== i);
      if (dup !== undefined) throw badRequest('同一名社区工作者在一次登记中出现了多次', { workerId: dup });
      const workers = new Map((await repo.workersInScope(q, ids, patternsOf(auth, 'workers.manage'))).map((w) => [w.id, w]));
      const missing = ids.find((id) => !workers.has(id));
      if (missing !== undefined) throw notFound(WORKER);
      for (const e of body.entries) {
        if (tenths(e.hours) > course.hours_tenths) throw badRequest(`${workers.get(e.workerId)!.name}的学时超过了课程学时 ${hoursOf(course.hours_tenths)}`, { workerId: e.workerId });
        await repo.upsertAttendance(q, { courseId, workerId: e.workerId, hoursTenths: tenths(e.hours), passed: e.passed, certificateNo: e.certificateNo ?? null, recordedBy: actor.userId });
      }
      await appendAudit(q, {
        ...actorEntry(actor), action: 'workerTraining.attendance', targetType: 'worker_training_course', targetId: courseId, nodeId: course.node_id, result: 'success',
        details: { entries: body.entries.map((e) => ({ workerId: e.workerId, hours: e.hours, passed: e.passed })) },
      });
      return { saved: body.entries.length };
    });
  }

  async requirement(q: Queryable = this.db): Promise<TrainingRequirementDto> {
    const row = await repo.requirement(q);
    return row
      ? { hours: hoursOf(row.required_hours_tenths), isDefault: false, updatedAt: isoOf(row.updated_at) }
      : { hours: TRAINING_DEFAULT_REQUIRED_HOURS, isDefault: true, updatedAt: null };
  }

  async setRequirement(hours: number, actor: Actor): Promise<TrainingRequirementDto> {
    return this.db.tx(async (q) => {
      const before = await this.requirement(q);
      await repo.setRequirement(q, tenths(hours), actor.userId);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'workerTraining.requirement', targetType: 'worker_training_settings', targetId: 1, result: 'success',
        details: { from: before.hours, fromDefault: before.isDefault, to: hours },
      });
      return this.requirement(q);
    });
  }

  /** Active workers in scope whose hours at courses starting in the year are below the requirement (equal is enough). */
  async shortfall(auth: AuthContext, year: number): Promise<TrainingShortfallDto> {
    const required = await this.requirement();
    const need = tenths(required.hours);
    const rows = await repo.yearHours(this.db, year, patternsOf(auth, 'workers.read'));
    return {
      year,
      required,
      workers: rows.length,
      data: rows
        .filter((r) => r.hours_tenths < need)
        .map((r) => ({ worker: workerSummaryDto(r), hours: hoursOf(r.hours_tenths), courses: r.courses, shortBy: hoursOf(need - r.hours_tenths) })),
    };
  }

  async exportRows(auth: AuthContext, year: number): Promise<{ rows: repo.ExportRow[]; totals: repo.YearHoursRow[]; required: TrainingRequirementDto }> {
    const patterns = patternsOf(auth, 'workers.read');
    return { rows: await repo.yearAttendance(this.db, year, patterns), totals: await repo.yearHours(this.db, year, patterns), required: await this.requirement() };
  }

  async pickList(auth: AuthContext): Promise<{ data: ReturnType<typeof workerSummaryDto>[] }> {
    return { data: (await repo.activeWorkers(this.db, patternsOf(auth, 'workers.manage'))).map(workerSummaryDto) };
  }

  // ── A worker's record ─────────────────────────────────────────────────────────────────────
  async workerRecord(auth: AuthContext, workerId: number): Promise<WorkerRecordDto> {
    const worker = await repo.workerInScope(this.db, workerId, patternsOf(auth, 'workers.read'));
    if (!worker) throw notFound(WORKER);
    const required = await this.requirement();
    const need = tenths(required.hours);
    return {
      workerId,
      assessments: (await repo.workerAssessments(this.db, workerId)).map((a) => ({
        roundId: a.round_id,
        roundName: a.round_name,
        year: a.year,
        kind: a.kind,
        roundStatus: a.round_status,
        total: Number(a.total),
        result: a.result,
        comment: a.comment,
        scoredAt: isoOf(a.scored_at),
      })),
      training: (await repo.workerTraining(this.db, workerId)).map((t) => ({
        courseId: t.course_id,
        title: t.title,
        organiser: t.organiser,
        startsOn: t.starts_on,
        endsOn: t.ends_on,
        mode: t.mode,
        required: t.required,
        hours: hoursOf(t.hours_tenths),
        passed: t.passed,
        certificateNo: t.certificate_no,
      })),
      trainingYears: (await repo.workerYears(this.db, workerId)).map((y) => ({ year: y.year, hours: hoursOf(y.hours_tenths), short: y.hours_tenths < need })),
      requiredHours: required.hours,
    };
  }
}
