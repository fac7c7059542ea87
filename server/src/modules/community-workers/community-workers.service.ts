import {
  chinaToday,
  WORKER_POST_LABELS,
  type WorkerChangeCreate,
  type WorkerCreate,
  type WorkerDetailDto,
  type WorkerDto,
  type WorkerListQuery,
  type WorkerStatsDto,
  type WorkerUpdate,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { insertPerson } from '../people/people.repo.js';
import { assertIdNumberFree, personInScope, reconcileWithIdNumber } from '../people/people.service.js';
import { assertNoSecondRecord, nodeOfKinds, subtreeOf } from '../person-roles/person-ref.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import * as repo from './community-workers.repo.js';

const strip = ({ communityPath: _p, ...dto }: repo.WorkerRecord): WorkerDto => dto;
const valuesOf = (w: repo.WorkerRecord): repo.WorkerValues & { status: WorkerDto['status']; leftOn: string | null } => ({
  communityId: w.communityId, post: w.post, grade: w.grade, gradeSince: w.gradeSince, position: w.position, batch: w.batch,
  recruitedOn: w.recruitedOn, education: w.education, fullTimeEducation: w.fullTimeEducation, degreeMajor: w.degreeMajor,
  qualifications: w.qualifications, serviceStart: w.serviceStart, status: w.status, leftOn: w.leftOn,
});

/** Who acts: the workers scope for the records, the people.read scope to pick an existing person. */
export interface WorkerScopes {
  workers: Scope;
  people: Scope;
}

export class CommunityWorkersService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: WorkerListQuery): Promise<Page<WorkerDto>> {
    const { page, pageSize, nodeId, ...filters } = query;
    const subtreePath = await subtreeOf(this.db, nodeId, scope);
    const result = await repo.listWorkers(this.db, chinaToday(), { scopePatterns: scopePatterns(scope), subtreePath, ...filters }, { page, pageSize });
    return { ...result, data: result.data.map(strip) };
  }

  async get(scope: Scope, id: number): Promise<WorkerDetailDto> {
    const worker = await this.load(this.db, scope, id);
    return { ...strip(worker), history: await repo.historyOf(this.db, id) };
  }

  private async load(q: Queryable, scope: Scope, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.WorkerRecord> {
    const worker = await repo.getWorker(q, chinaToday(), id, opts);
    if (!worker || !pathInScope(worker.communityPath, scope)) throw notFound('社区工作者');
    return worker;
  }

  private community(q: Queryable, id: number, scope: Scope) {
    return nodeOfKinds(q, id, scope, ['community'], '所在社区');
  }

  async create(scopes: WorkerScopes, input: WorkerCreate, actor: Actor): Promise<WorkerDetailDto> {
    return this.db.tx(async (q) => {
      const community = await this.community(q, input.communityId, scopes.workers);
      let personId: number;
      let newPerson = false;
      if (input.personId !== undefined) {
        personId = (await personInScope(q, input.personId, scopes.people)).id;
        assertNoSecondRecord(await this.existingOf(q, personId), scopes.workers, '社区工作者');
      } else {
        const p = input.person!;
        await nodeInScope(q, p.nodeId, scopes.workers);
        const values = reconcileWithIdNumber({
          name: p.name, gender: p.gender ?? null, birthDate: p.birthDate ?? null, phone: p.phone ?? null, idNumber: p.idNumber ?? null, nodeId: p.nodeId, notes: p.notes || null,
        });
        await assertIdNumberFree(q, values.idNumber, scopes.people);
        personId = await insertPerson(q, values);
        newPerson = true;
        await appendAudit(q, {
          ...actorEntry(actor), action: 'person.create', targetType: 'person', targetId: personId, nodeId: values.nodeId, result: 'success',
          details: { name: values.name, hasPhone: !!values.phone, hasIdNumber: !!values.idNumber, via: 'worker.create' },
        });
      }
      const values: repo.WorkerValues = {
        communityId: community.id,
        post: input.post,
        grade: input.grade,
        gradeSince: input.gradeSince ?? input.recruitedOn,
        position: input.position ?? null,
        batch: input.batch,
        recruitedOn: input.recruitedOn,
        education: input.education,
        fullTimeEducation: input.fullTimeEducation,
        degreeMajor: input.degreeMajor ?? null,
        qualifications: input.qualifications ?? [],
        serviceStart: input.serviceStart ?? input.recruitedOn,
      };
      const id = await writeNewWorker(q, personId, values, actor.userId);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'worker.create', targetType: 'community_worker', targetId: id, nodeId: community.id, result: 'success',
        details: { personId, newPerson, post: values.post, grade: values.grade, batch: values.batch },
      });
      const worker = (await repo.getWorker(q, chinaToday(), id))!;
      return { ...strip(worker), history: await repo.historyOf(q, id) };
    });
  }

  private async existingOf(q: Queryable, personId: number) {
    const w = await repo.workerOfPerson(q, personId);
    return w && { id: w.id, node_path: w.community_path };
  }

  async update(scope: Scope, id: number, patch: WorkerUpdate, actor: Actor): Promise<WorkerDetailDto> {
    return this.db.tx(async (q) => {
      const before = await this.load(q, scope, id, { forUpdate: true });
      const next = { ...valuesOf(before) };
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
      await repo.updateWorker(q, id, next);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'worker.update', targetType: 'community_worker', targetId: id, nodeId: before.communityId, result: 'success',
        details: { changed: Object.keys(patch) },
      });
      return { ...strip((await repo.getWorker(q, chinaToday(), id))!), history: await repo.historyOf(q, id) };
    });
  }

  /** Adjusts post, grade or community, or records leaving: the worker, one history row and one audit row together. */
  async change(scope: Scope, id: number, input: WorkerChangeCreate, actor: Actor): Promise<WorkerDetailDto> {
    return this.db.tx(async (q) => {
      const before = await this.load(q, scope, id, { forUpdate: true });
      if (before.status === 'left') throw new AppError(409, 'CONFLICT', `${before.name}已离岗，不能再调整`);
      if (input.effectiveOn < before.recruitedOn) throw badRequest(`生效日期不能早于入职日期 ${before.recruitedOn}`);
      const next = valuesOf(before);
      const row: repo.ChangeValues = {
        workerId: id, kind: 'leave', fromPost: before.post, toPost: before.post, fromGrade: before.grade, toGrade: before.grade,
        fromCommunityId: before.communityId, toCommunityId: before.communityId, effectiveOn: input.effectiveOn, reason: input.reason, actorUserId: actor.userId,
      };
      if (input.kind === 'leave') {
        next.status = 'left';
        next.leftOn = input.effectiveOn;
      } else {
        if (input.communityId !== undefined && input.communityId !== before.communityId) {
          next.communityId = (await this.community(q, input.communityId, scope)).id;
        }
        next.post = input.post ?? before.post;
        next.grade = input.grade ?? before.grade;
        if (input.position !== undefined) next.position = input.position;
        const moved = next.communityId !== before.communityId;
        const postChanged = next.post !== before.post;
        const gradeChanged = next.grade !== before.grade;
        if (!moved && !postChanged && !gradeChanged) {
          throw badRequest(`调整后的岗位、等级和所在社区与现在相同（${WORKER_POST_LABELS[before.post].zh}${before.grade}级）`);
        }
        if (gradeChanged) next.gradeSince = input.effectiveOn;
        row.kind = moved ? 'transfer' : postChanged ? 'post' : 'grade';
        row.toPost = next.post;
        row.toGrade = next.grade;
        row.toCommunityId = next.communityId;
      }
      await repo.updateWorker(q, id, next);
      const changeId = await repo.insertChange(q, row);
      await appendAudit(q, {
        ...actorEntry(actor), action: `worker.${row.kind}`, targetType: 'community_worker', targetId: id, nodeId: before.communityId, result: 'success',
        details: {
          changeId, effectiveOn: row.effectiveOn, reason: row.reason,
          from: { post: row.fromPost, grade: row.fromGrade, communityId: row.fromCommunityId },
          to: { post: row.toPost, grade: row.toGrade, communityId: row.toCommunityId },
        },
      });
      return { ...strip((await repo.getWorker(q, chinaToday(), id))!), history: await repo.historyOf(q, id) };
    });
  }

  async stats(scope: Scope, nodeId: number | undefined): Promise<WorkerStatsDto> {
    const subtreePath = await subtreeOf(this.db, nodeId, scope);
    const c = await repo.workerCounts(this.db, { scopePatterns: scopePatterns(scope), subtreePath });
    const activeRow = c.statuses.find((s) => s.status === 'active');
    const sum = <K extends string>(rows: { count: number }[], key: (r: never) => K) => {
      const m = new Map<K, number>();
      for (const r of rows) m.set(key(r as never), (m.get(key(r as never)) ?? 0) + r.count);
      return m;
    };
    const byPost = sum(c.byPostGrade, (r: { post: WorkerDto['post'] }) => r.post);
    const byGrade = sum(c.byPostGrade, (r: { grade: number }) => String(r.grade));
    return {
      active: activeRow?.count ?? 0,
      left: c.statuses.find((s) => s.status === 'left')?.count ?? 0,
      fullTimeDegree: activeRow?.degree ?? 0,
      byPost: (['head', 'deputy', 'staff'] as const).map((post) => ({ post, count: byPost.get(post) ?? 0 })),
      byGrade: [...byGrade].map(([grade, count]) => ({ grade: Number(grade), count })).sort((a, b) => a.grade - b.grade),
      byPostGrade: c.byPostGrade,
      byBatch: c.byBatch,
      byEducation: c.byEducation.map((r) => ({ education: r.education, fullTime: r.full_time, count: r.count })),
      byCommunity: c.byCommunity.map((r) => ({ communityId: r.community_id, communityName: r.community_name, count: r.count })),
    };
  }
}

/** Inserts a worker and their join row (shared by the API and the import). */
export async function writeNewWorker(q: Queryable, personId: number, v: repo.WorkerValues, actorUserId: number | null): Promise<number> {
  const id = await repo.insertWorker(q, personId, v);
  await repo.insertChange(q, {
    workerId: id, kind: 'join', fromPost: null, toPost: v.post, fromGrade: null, toGrade: v.grade, fromCommunityId: null, toCommunityId: v.communityId,
    effectiveOn: v.recruitedOn, reason: `${v.batch}入职`, actorUserId,
  });
  return id;
}
