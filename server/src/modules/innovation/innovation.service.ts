import type { ReadStream } from 'node:fs';
import {
  INNOVATION_EDITABLE,
  INNOVATION_LIMITS,
  INNOVATION_STATUS_LABELS,
  OPTION_ATTACHMENT_TYPES,
  type InnovationAttachmentDto,
  type InnovationCaseDetailDto,
  type InnovationCaseSummaryDto,
  type InnovationCaseValues,
  type InnovationLatestDto,
  type InnovationLibraryDto,
  type InnovationLibraryQuery,
  type InnovationStatus,
  type InnovationSubmissionsDto,
  type InnovationSubmissionsQuery,
  type OptionAttachmentType,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import { openStoredFile, removeStoredFile, writeStoredFile } from '../../platform/stored-files.js';
import { isoOf } from '../person-roles/person-ref.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { checkAttachment, displayName } from '../consultations/option-attachments.files.js';
import * as repo from './innovation.repo.js';

const CASE = '创新案例';
const ATTACHMENT_WHAT = '附件';
/** Units that may submit a case: a subdistrict, a community or a compound (or the county itself). */
const UNIT_KINDS = ['county', 'subdistrict', 'community', 'compound'];

export interface InnovationFile {
  name: string;
  contentType: OptionAttachmentType;
  bytes: number;
  body: ReadStream;
}

const label = (s: InnovationStatus) => `“${INNOVATION_STATUS_LABELS[s].zh}”`;

/** Trimmed, without repeats (case-insensitively), in the order given. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

function summaryDto(r: repo.CaseRow): InnovationCaseSummaryDto {
  return {
    id: r.id,
    nodeId: r.node_id,
    nodeName: r.node_name,
    unitName: r.unit_name,
    title: r.title,
    status: r.status,
    tags: r.tags,
    figures: r.figures.map((f) => ({ label: f.label, value: Number(f.value), unit: f.unit ?? '' })),
    submittedAt: r.submitted_at && isoOf(r.submitted_at),
    publishedAt: r.published_at && isoOf(r.published_at),
    updatedAt: isoOf(r.updated_at),
  };
}

const attachmentDto = (a: repo.AttachmentRow): InnovationAttachmentDto => ({ id: a.id, name: a.original_name, contentType: a.content_type, bytes: a.bytes, createdAt: isoOf(a.created_at) });

/**
 * Innovation cases (创新创效): a unit (innovation.submit over the case's node) writes a draft,
 * submits it; the county (innovation.review) returns it with a note or publishes it into the
 * library, and may take a published case down again with a reason. Published cases are read by
 * anyone with innovation.read; the others only by the unit's scope and, once submitted, the
 * reviewers — to anyone else they do not exist (404).
 */
export class InnovationService {
  constructor(
    private readonly db: Db,
    private readonly dir: string,
  ) {}

  // ── Reading ──────────────────────────────────────────────────────────────────────────────
  async library(query: InnovationLibraryQuery): Promise<InnovationLibraryDto> {
    const f = { q: query.q || undefined, tag: query.tag || undefined };
    const page = await repo.listPublished(this.db, f, query);
    return { data: page.data.map(summaryDto), pagination: page.pagination, tags: await repo.tagCounts(this.db, f) };
  }

  async submissions(auth: AuthContext, query: InnovationSubmissionsQuery): Promise<InnovationSubmissionsDto> {
    const paths = [...scopeFor(auth, 'innovation.submit').paths, ...scopeFor(auth, 'innovation.review').paths];
    const page = await repo.listInScope(this.db, scopePatterns({ paths }), query.status, query);
    return { data: page.data.map(summaryDto), pagination: page.pagination };
  }

  async latest(limit: number): Promise<InnovationLatestDto> {
    const rows = await repo.latestPublished(this.db, limit);
    return { data: rows.map((r) => ({ id: r.id, title: r.title, unitName: r.unit_name, nodeId: r.node_id, tags: r.tags, publishedAt: isoOf(r.published_at!) })) };
  }

  get(auth: AuthContext, id: number): Promise<InnovationCaseDetailDto> {
    return this.detail(this.db, auth, id);
  }

  private async detail(q: Queryable, auth: AuthContext, id: number): Promise<InnovationCaseDetailDto> {
    const c = await this.readable(q, auth, id);
    const files = await repo.attachmentsOf(q, c.id);
    return {
      ...summaryDto(c),
      problem: c.problem,
      method: c.method,
      results: c.results,
      reviewNote: c.review_note,
      reviewedAt: c.reviewed_at && isoOf(c.reviewed_at),
      createdBy: c.created_by_name,
      attachments: files.map(attachmentDto),
      canEdit: INNOVATION_EDITABLE.includes(c.status) && this.unitMay(auth, c),
      canReview: (c.status === 'submitted' || c.status === 'published') && this.reviewerMay(auth, c),
    };
  }

  // ── The unit's steps ─────────────────────────────────────────────────────────────────────
  async create(auth: AuthContext, input: InnovationCaseValues, actor: Actor): Promise<InnovationCaseDetailDto> {
    const values = { ...input, tags: cleanTags(input.tags) };
    return this.db.tx(async (q) => {
      await this.unitNode(q, auth, values.nodeId);
      const id = await repo.insertCase(q, values, actor.userId);
      await audit(q, actor, 'innovation.create', id, values.nodeId, { title: values.title, unitName: values.unitName });
      return this.detail(q, auth, id);
    });
  }

  async update(auth: AuthContext, id: number, input: InnovationCaseValues, actor: Actor): Promise<InnovationCaseDetailDto> {
    const values = { ...input, tags: cleanTags(input.tags) };
    return this.db.tx(async (q) => {
      const c = await this.forUnit(q, auth, id, INNOVATION_EDITABLE, '修改');
      await this.unitNode(q, auth, values.nodeId);
      await repo.updateContent(q, c.id, values);
      await audit(q, actor, 'innovation.update', c.id, values.nodeId, { title: values.title, ...(values.nodeId !== c.node_id ? { fromNodeId: c.node_id } : {}) });
      return this.detail(q, auth, c.id);
    });
  }

  submit(auth: AuthContext, id: number, actor: Actor): Promise<InnovationCaseDetailDto> {
    return this.step(auth, id, actor, 'unit', INNOVATION_EDITABLE, '提交审核', 'submitted', 'innovation.submit', { submittedBy: actor.userId });
  }

  /** The unit takes a submitted case back to draft before the county decides. */
  recall(auth: AuthContext, id: number, actor: Actor): Promise<InnovationCaseDetailDto> {
    return this.step(auth, id, actor, 'unit', ['submitted'], '撤回', 'draft', 'innovation.recall', {});
  }

  /** The unit gives up a draft or returned case (it stays on record as withdrawn). */
  withdraw(auth: AuthContext, id: number, reason: string, actor: Actor): Promise<InnovationCaseDetailDto> {
    return this.step(auth, id, actor, 'unit', INNOVATION_EDITABLE, '放弃', 'withdrawn', 'innovation.withdraw', { note: reason });
  }

  // ── The county's steps ───────────────────────────────────────────────────────────────────
  publish(auth: AuthContext, id: number, actor: Actor): Promise<InnovationCaseDetailDto> {
    return this.step(auth, id, actor, 'reviewer', ['submitted'], '发布', 'published', 'innovation.publish', { reviewedBy: actor.userId, note: null, published: true });
  }

  returnCase(auth: AuthContext, id: number, note: string, actor: Actor): Promise<InnovationCaseDetailDto> {
    return this.step(auth, id, actor, 'reviewer', ['submitted'], '退回', 'returned', 'innovation.return', { reviewedBy: actor.userId, note });
  }

  unpublish(auth: AuthContext, id: number, reason: string, actor: Actor): Promise<InnovationCaseDetailDto> {
    return this.step(auth, id, actor, 'reviewer', ['published'], '撤销发布', 'withdrawn', 'innovation.unpublish', { reviewedBy: actor.userId, note: reason });
  }

  private async step(
    auth: AuthContext,
    id: number,
    actor: Actor,
    who: 'unit' | 'reviewer',
    from: readonly InnovationStatus[],
    what: string,
    to: InnovationStatus,
    action: string,
    set: Parameters<typeof repo.setStatus>[3],
  ): Promise<InnovationCaseDetailDto> {
    return this.db.tx(async (q) => {
      const c = who === 'unit' ? await this.forUnit(q, auth, id, from, what) : await this.forReviewer(q, auth, id, from, what);
      await repo.setStatus(q, c.id, to, set);
      await audit(q, actor, action, c.id, c.node_id, { title: c.title, from: c.status, to, ...(set.note ? { note: set.note } : {}) });
      return this.detail(q, auth, c.id);
    });
  }

  // ── Attachments ──────────────────────────────────────────────────────────────────────────
  async upload(auth: AuthContext, id: number, file: { buffer: Buffer; fileName: string }, actor: Actor): Promise<InnovationCaseDetailDto> {
    await this.forUnit(this.db, auth, id, INNOVATION_EDITABLE, '上传附件');
    const contentType = await checkAttachment(file.buffer);
    const name = displayName(file.fileName, contentType);
    const fileName = await writeStoredFile(this.dir, file.buffer, OPTION_ATTACHMENT_TYPES[contentType]);
    try {
      return await this.db.tx(async (q) => {
        const c = await this.forUnit(q, auth, id, INNOVATION_EDITABLE, '上传附件');
        if ((await repo.attachmentsOf(q, c.id)).length >= INNOVATION_LIMITS.attachmentsMax) {
          throw conflict(`每个案例最多 ${INNOVATION_LIMITS.attachmentsMax} 个附件，请先删除不需要的附件`);
        }
        const attachmentId = await repo.insertAttachment(q, { caseId: c.id, fileName, name, contentType, bytes: file.buffer.length, createdBy: actor.userId });
        await audit(q, actor, 'innovation.attachment', c.id, c.node_id, { title: c.title, attachmentId, name, contentType, bytes: file.buffer.length });
        return this.detail(q, auth, c.id);
      });
    } catch (err) {
      await removeStoredFile(this.dir, fileName);
      throw err;
    }
  }

  async removeAttachment(auth: AuthContext, id: number, attachmentId: number, actor: Actor): Promise<InnovationCaseDetailDto> {
    const { detail, fileName } = await this.db.tx(async (q) => {
      const c = await this.forUnit(q, auth, id, INNOVATION_EDITABLE, '删除附件');
      const a = await repo.getAttachment(q, attachmentId);
      if (!a || a.case_id !== c.id) throw notFound(ATTACHMENT_WHAT);
      await repo.deleteAttachment(q, a.id);
      await audit(q, actor, 'innovation.attachment.delete', c.id, c.node_id, { title: c.title, attachmentId: a.id, name: a.original_name });
      return { detail: await this.detail(q, auth, c.id), fileName: a.file_name };
    });
    // After the commit: a failure here leaves an unreferenced file, never a row without its file.
    await removeStoredFile(this.dir, fileName).catch(() => undefined);
    return detail;
  }

  /** A file of a case the caller may read; anything else is 404. */
  async open(auth: AuthContext, attachmentId: number): Promise<InnovationFile> {
    const a = await repo.getAttachment(this.db, attachmentId);
    if (!a) throw notFound(ATTACHMENT_WHAT);
    await this.readable(this.db, auth, a.case_id).catch(() => {
      throw notFound(ATTACHMENT_WHAT);
    });
    return { name: a.original_name, contentType: a.content_type, bytes: a.bytes, body: await openStoredFile(this.dir, a.file_name, '附件文件') };
  }

  // ── Who may do what ──────────────────────────────────────────────────────────────────────
  private unitMay(auth: AuthContext, c: repo.CaseRow): boolean {
    return pathInScope(c.node_path, scopeFor(auth, 'innovation.submit'));
  }

  private reviewerMay(auth: AuthContext, c: repo.CaseRow): boolean {
    return pathInScope(c.node_path, scopeFor(auth, 'innovation.review'));
  }

  private mayRead(auth: AuthContext, c: repo.CaseRow): boolean {
    if (c.status === 'published') return auth.permissions.has('innovation.read');
    return this.unitMay(auth, c) || (c.status !== 'draft' && this.reviewerMay(auth, c));
  }

  private async readable(q: Queryable, auth: AuthContext, id: number, lock = false): Promise<repo.CaseRow> {
    const c = await repo.getCase(q, id, { forUpdate: lock });
    if (!c || !this.mayRead(auth, c)) throw notFound(CASE);
    return c;
  }

  /** The case (locked inside a transaction) for a step of its unit, in one of the `from` states. */
  private async forUnit(q: Queryable, auth: AuthContext, id: number, from: readonly InnovationStatus[], what: string): Promise<repo.CaseRow> {
    const c = await this.readable(q, auth, id, q !== this.db);
    if (!this.unitMay(auth, c)) throw forbidden(`只有案例所属单位可以${what}`);
    assertState(c, from, what);
    return c;
  }

  private async forReviewer(q: Queryable, auth: AuthContext, id: number, from: readonly InnovationStatus[], what: string): Promise<repo.CaseRow> {
    const c = await this.readable(q, auth, id, true);
    if (!this.reviewerMay(auth, c)) throw forbidden(`只有县级审核人可以${what}案例`);
    assertState(c, from, what);
    return c;
  }

  /** The submitting unit's node: in the caller's innovation.submit scope, active, a unit level. */
  private async unitNode(q: Queryable, auth: AuthContext, nodeId: number): Promise<void> {
    const node = await nodeInScope(q, nodeId, scopeFor(auth, 'innovation.submit'));
    if (!node.active) throw badRequest('所选单位节点已停用，请选择其他单位');
    if (!UNIT_KINDS.includes(node.kind)) throw badRequest('提交单位应为街道、社区或小区，请不要选择楼栋或单元');
  }
}

function assertState(c: repo.CaseRow, from: readonly InnovationStatus[], what: string): void {
  if (from.includes(c.status)) return;
  throw new AppError(409, 'ILLEGAL_TRANSITION', `只有${from.map(label).join('或')}的案例可以${what}，该案例当前为${label(c.status)}`, { status: c.status });
}

async function audit(q: Queryable, actor: Actor, action: string, id: number, nodeId: number, details: Record<string, unknown>): Promise<void> {
  await appendAudit(q, { ...actorEntry(actor), action, targetType: 'innovation_case', targetId: id, nodeId, result: 'success', details });
}
