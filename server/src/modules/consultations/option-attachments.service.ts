import type { ReadStream } from 'node:fs';
import { CONSULTATION_STEP_LABELS, OPTION_ATTACHMENT_LIMITS, OPTION_ATTACHMENT_TYPES, type ConsultationStep, type OptionAttachmentType, type TopicDetailDto } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, type AuthContext } from '../../platform/auth/scope.js';
import { openStoredFile, removeStoredFile, writeStoredFile } from '../../platform/stored-files.js';
import { assertState, topicDetail, topicToManage } from './topic-access.js';
import { checkAttachment, displayName } from './option-attachments.files.js';
import { isPublic, publicFacts } from './public-topics.repo.js';
import { getTopic, type TopicRow } from './topics.repo.js';
import * as repo from './option-attachments.repo.js';

const WHAT = '附件';
/** Files are added and removed while the plans are proposed and deliberated. */
const STEPS: readonly ConsultationStep[] = ['propose', 'deliberate'];

export interface AttachmentFile {
  name: string;
  contentType: OptionAttachmentType;
  bytes: number;
  body: ReadStream;
}

/**
 * Files on a topic's plan options (提方案): added and removed by whoever runs the topic while
 * its plans are open; read on the console within consultations.read, and by anyone once the
 * topic is public. The file is written before the row's transaction and removed if it fails;
 * a removed row's file goes after the commit.
 */
export class OptionAttachmentsService {
  constructor(
    private readonly db: Db,
    private readonly dir: string,
  ) {}

  async upload(auth: AuthContext, topicId: number, optionId: number, file: { buffer: Buffer; fileName: string }, actor: Actor): Promise<TopicDetailDto> {
    await this.editable(this.db, auth, topicId, optionId, '上传方案附件');
    const contentType = await checkAttachment(file.buffer);
    const name = displayName(file.fileName, contentType);
    const fileName = await writeStoredFile(this.dir, file.buffer, OPTION_ATTACHMENT_TYPES[contentType]);
    try {
      return await this.db.tx(async (q) => {
        const { t, option } = await this.editable(q, auth, topicId, optionId, '上传方案附件');
        if ((await repo.countAttachments(q, option.id)) >= OPTION_ATTACHMENT_LIMITS.perOption) {
          throw conflict(`每个方案最多 ${OPTION_ATTACHMENT_LIMITS.perOption} 个附件，请先删除不需要的附件`);
        }
        const id = await repo.insertAttachment(q, { optionId: option.id, name, fileName, contentType, bytes: file.buffer.length, createdBy: actor.userId });
        await audit(q, t, actor, 'topic.optionAttachment', { optionId: option.id, option: option.title, attachmentId: id, name, contentType, bytes: file.buffer.length });
        return topicDetail(q, auth, topicId);
      });
    } catch (err) {
      await removeStoredFile(this.dir, fileName);
      throw err;
    }
  }

  async remove(auth: AuthContext, topicId: number, optionId: number, attachmentId: number, actor: Actor): Promise<TopicDetailDto> {
    const { detail, fileName } = await this.db.tx(async (q) => {
      const { t, option } = await this.editable(q, auth, topicId, optionId, '删除方案附件');
      const a = await repo.getAttachment(q, attachmentId);
      if (!a || a.option_id !== option.id) throw notFound(WHAT);
      await repo.deleteAttachment(q, a.id);
      await audit(q, t, actor, 'topic.optionAttachment.delete', { optionId: option.id, option: option.title, attachmentId: a.id, name: a.name });
      return { detail: await topicDetail(q, auth, topicId), fileName: a.file_name };
    });
    // After the commit: a failure here leaves an unreferenced file, never a row without its file.
    await removeStoredFile(this.dir, fileName).catch(() => undefined);
    return detail;
  }

  /** On the console: an attachment of a topic in the caller's consultations.read scope; anything else is 404. */
  async open(auth: AuthContext, id: number): Promise<AttachmentFile> {
    const a = await repo.getAttachment(this.db, id);
    const t = a && (await getTopic(this.db, a.topic_id));
    if (!a || !t || !pathInScope(t.node_path, scopeFor(auth, 'consultations.read'))) throw notFound(WHAT);
    return this.file(a);
  }

  /** On the phone pages: an attachment of a public topic (accepted by screening); anything else is 404. */
  async openPublic(id: number): Promise<AttachmentFile> {
    const a = await repo.getAttachment(this.db, id);
    const t = a && (await getTopic(this.db, a.topic_id));
    const facts = t && (await publicFacts(this.db, t.id));
    if (!a || !t || !facts || !isPublic({ status: t.status, screened_at: facts.screened_at })) throw notFound(WHAT);
    return this.file(a);
  }

  private async file(a: repo.AttachmentRow): Promise<AttachmentFile> {
    return { name: a.name, contentType: a.content_type, bytes: a.bytes, body: await openStoredFile(this.dir, a.file_name, '附件文件') };
  }

  /** The topic (locked when `q` is a transaction) run by the caller, active at 提方案 or 议事项, and one of its options. */
  private async editable(q: Queryable, auth: AuthContext, topicId: number, optionId: number, what: string): Promise<{ t: TopicRow; option: { id: number; title: string } }> {
    const t = await topicToManage(q, auth, topicId);
    assertState(t, ['active'], what);
    if (!t.step || !STEPS.includes(t.step)) {
      const steps = STEPS.map((s) => `“${CONSULTATION_STEP_LABELS[s].zh}”`).join('或');
      throw new AppError(409, 'ILLEGAL_TRANSITION', `只有在${steps}阶段可以${what}，议题当前为“${CONSULTATION_STEP_LABELS[t.step!].zh}”阶段`, { status: t.status, step: t.step });
    }
    const option = await repo.optionOfTopic(q, t.id, optionId);
    if (!option) throw notFound('方案');
    return { t, option };
  }
}

async function audit(q: Queryable, t: TopicRow, actor: Actor, action: string, details: Record<string, unknown>): Promise<void> {
  await appendAudit(q, {
    ...actorEntry(actor), action, targetType: 'topic', targetId: t.id, nodeId: t.node_id, result: 'success', details: { title: t.title, ...details },
  });
}
