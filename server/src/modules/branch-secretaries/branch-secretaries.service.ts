import type { BranchSecretaryCreate, BranchSecretaryDto, BranchSecretaryListQuery, BranchSecretaryUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { personInScope } from '../people/people.service.js';
import * as repo from './branch-secretaries.repo.js';

const strip = ({ compoundPaths: _p, personId: _id, branchNodeId: _n, ...dto }: repo.SecretaryRecord): BranchSecretaryDto => dto;

type Overlap = Awaited<ReturnType<typeof repo.overlappingTerms>>[number];
const overlapError = (branchName: string, o: Overlap) =>
  new AppError(
    409,
    'CONFLICT',
    `支部“${branchName}”的书记${o.person_name}任期 ${o.term_start} 至 ${o.term_end ?? '今'}，与新任期重叠；一个支部同一时间只有一位书记，请先结束其任期`,
    { existingId: o.id },
  );

export class BranchSecretariesService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: BranchSecretaryListQuery): Promise<Page<BranchSecretaryDto>> {
    const subtreePath = query.nodeId ? (await nodeInScope(this.db, query.nodeId, scope)).path : undefined;
    const current = query.current === undefined ? undefined : query.current === 'true';
    const page = await repo.listSecretaries(
      this.db,
      { scopePatterns: scopePatterns(scope), subtreePath, branchId: query.branchId, background: query.background, current, q: query.q },
      query,
    );
    return { ...page, data: page.data.map(strip) };
  }

  async get(scope: Scope, id: number): Promise<BranchSecretaryDto> {
    return strip(await this.load(this.db, scope, id));
  }

  /** A secretary is seen through the branch's compounds. */
  private async load(q: Queryable, scope: Scope, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.SecretaryRecord> {
    const s = await repo.getSecretary(q, id, opts);
    if (!s || !s.compoundPaths.some((p) => pathInScope(p, scope))) throw notFound('支部书记');
    return s;
  }

  private async lockBranch(q: Queryable, scope: Scope, branchId: number) {
    const branch = await repo.lockBranchInScope(q, branchId, scopePatterns(scope));
    if (!branch) throw notFound('小区党支部');
    return branch;
  }

  /**
   * One secretary per branch at a time: an overlapping term is refused, unless `endPrevious`
   * asks to end the one earlier term on the day before the new one starts.
   */
  async create(scope: Scope, readScope: Scope, input: BranchSecretaryCreate, actor: Actor): Promise<BranchSecretaryDto> {
    return this.db.tx(async (q) => {
      const branch = await this.lockBranch(q, scope, input.branchId);
      const person = await personInScope(q, input.personId, readScope);
      const values: repo.SecretaryValues = { background: input.background, termStart: input.termStart, termEnd: input.termEnd ?? null };
      const overlaps = await repo.overlappingTerms(q, branch.id, values.termStart, values.termEnd);
      let endedPreviousId: number | null = null;
      if (overlaps.length) {
        const previous = overlaps[0]!;
        const canEnd = input.endPrevious && overlaps.length === 1 && previous.term_start < values.termStart;
        if (!canEnd) throw overlapError(branch.name, previous);
        await repo.endTermBefore(q, previous.id, values.termStart);
        endedPreviousId = previous.id;
      }
      const id = await repo.insertSecretary(q, branch.id, person.id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'branchSecretary.create', targetType: 'branch_secretary', targetId: id, nodeId: branch.node_id, result: 'success',
        details: { branchId: branch.id, personId: person.id, ...values, endedPreviousId },
      });
      return strip((await repo.getSecretary(q, id))!);
    });
  }

  async update(scope: Scope, id: number, patch: BranchSecretaryUpdate, actor: Actor): Promise<BranchSecretaryDto> {
    return this.db.tx(async (q) => {
      const found = await this.load(q, scope, id);
      const branch = await this.lockBranch(q, scope, found.branchId);
      const before = await this.load(q, scope, id, { forUpdate: true });
      const values: repo.SecretaryValues = {
        background: patch.background ?? before.background,
        termStart: patch.termStart ?? before.termStart,
        termEnd: patch.termEnd === undefined ? before.termEnd : patch.termEnd,
      };
      if (values.termEnd && values.termEnd < values.termStart) throw badRequest('任期结束日期不能早于开始日期');
      const [overlap] = await repo.overlappingTerms(q, branch.id, values.termStart, values.termEnd, id);
      if (overlap) throw overlapError(branch.name, overlap);
      await repo.updateSecretary(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'branchSecretary.update', targetType: 'branch_secretary', targetId: id, nodeId: branch.node_id, result: 'success',
        details: { branchId: branch.id, personId: before.personId, changed: Object.keys(patch), ...values },
      });
      return strip((await repo.getSecretary(q, id))!);
    });
  }

  /** Removes a record entered by mistake; a secretary who leaves gets a term end instead. */
  async remove(scope: Scope, id: number, actor: Actor): Promise<{ ok: true }> {
    return this.db.tx(async (q) => {
      const s = await this.load(q, scope, id, { forUpdate: true });
      await repo.deleteSecretary(q, id);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'branchSecretary.delete', targetType: 'branch_secretary', targetId: id, nodeId: s.branchNodeId, result: 'success',
        details: { branchId: s.branchId, personId: s.personId, termStart: s.termStart, termEnd: s.termEnd },
      });
      return { ok: true as const };
    });
  }
}
