import {
  type CommentCreate,
  type CommentDto,
  type CommentHide,
  type CommentListQuery,
  type CommentReport,
  type ConsoleCommentListQuery,
  type PublicCommentDto,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, type AuthContext } from '../../platform/auth/scope.js';
import type { ResidentContext } from '../../platform/auth/resident-sessions.js';
import type { Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';
import { residentActor, topicForResident, topicVisibleTo } from './public-topics.service.js';
import { assertState, topicToManage, topicToRead } from './topic-access.js';
import { getTopic, insertEvent } from './topics.repo.js';
import { insertNotice } from './resident-notices.repo.js';
import * as repo from './topic-comments.repo.js';
import { earnPoints } from '../points/points.ledger.js';

const WHAT = '留言';

/**
 * 留言 on a topic: verified residents write and report them on the phone page; the console
 * reads them all and hides one with a reason (kept, audited with its text; the author is told).
 */
export class TopicCommentsService {
  constructor(private readonly db: Db) {}

  async publicList(topicId: number, resident: ResidentContext | null, query: CommentListQuery): Promise<Page<PublicCommentDto>> {
    await topicForResident(this.db, topicId, resident);
    return repo.listPublicComments(this.db, topicId, resident?.residentId ?? null, query);
  }

  /** Any step while the topic is active; the comment remembers the step. */
  async create(topicId: number, resident: ResidentContext, input: CommentCreate, ip: string): Promise<PublicCommentDto> {
    return this.db.tx(async (q) => {
      const { t } = await topicForResident(q, topicId, resident, { forUpdate: true });
      assertState(t, ['active'], '留言');
      const { id, created_at } = await repo.insertComment(q, { topicId: t.id, residentId: resident.residentId, body: input.body, step: t.step });
      // 积分 for a resident linked to a registry person; one entry per comment.
      const earned = resident.personId
        ? await earnPoints(q, {
            personId: resident.personId, ruleCode: 'consultation_comment', source: { type: 'consultation_participation', id }, actor: residentActor(resident, ip),
            note: `云商量留言：${t.title}`,
          })
        : null;
      await appendAudit(q, {
        actorUserId: null, actorName: residentActor(resident, ip).name, ip, action: 'topicComment.create', targetType: 'topic_comment', targetId: id, nodeId: t.node_id,
        result: 'success', details: { topicId: t.id, residentId: resident.residentId, step: t.step, length: input.body.length, ...(earned ? { pointsEntryId: earned.entryId, points: earned.points } : {}) },
      });
      return { id, author: repo.authorOf(resident.phone), body: input.body, step: t.step, createdAt: isoOf(created_at), mine: true, status: 'visible' as const, hiddenReason: null, reportedByMe: false };
    });
  }

  /** Once per resident; not one's own, not a hidden one. */
  async report(commentId: number, resident: ResidentContext, input: CommentReport, ip: string): Promise<PublicCommentDto> {
    return this.db.tx(async (q) => {
      const c = await repo.getComment(q, commentId);
      // A comment on a topic this resident may not see is as missing as an unknown id.
      const visible = c && (await topicVisibleTo(q, c.topic_id, resident));
      if (!c || !visible) throw notFound(WHAT);
      if (c.status === 'hidden') throw new AppError(409, 'CONFLICT', '该留言已被隐藏，无需举报');
      if (c.resident_id === resident.residentId) throw new AppError(409, 'CONFLICT', '不能举报自己的留言');
      if (!(await repo.insertReport(q, c.id, resident.residentId, input.reason))) throw new AppError(409, 'DUPLICATE', '您已举报过这条留言');
      await appendAudit(q, {
        actorUserId: null, actorName: residentActor(resident, ip).name, ip, action: 'topicComment.report', targetType: 'topic_comment', targetId: c.id, nodeId: visible.node_id,
        result: 'success', details: { topicId: c.topic_id, residentId: resident.residentId, reason: input.reason },
      });
      return { id: c.id, author: repo.authorOf(c.phone), body: c.body, step: c.step, createdAt: isoOf(c.created_at), mine: false, status: c.status, hiddenReason: null, reportedByMe: true };
    });
  }

  async consoleList(auth: AuthContext, topicId: number, query: ConsoleCommentListQuery): Promise<Page<CommentDto>> {
    await topicToRead(this.db, auth, topicId);
    return repo.listConsoleComments(this.db, { topicId, status: query.status, reported: query.reported === undefined ? undefined : query.reported === 'true' }, query);
  }

  /**
   * Hides a comment (consultations.manage over the topic's node). One transaction: the row
   * kept with the reason, the topic's timeline, an audit row keeping the text, and a notice to the author.
   */
  async hide(auth: AuthContext, commentId: number, input: CommentHide, actor: Actor): Promise<CommentDto> {
    return this.db.tx(async (q) => {
      const found = await repo.getComment(q, commentId);
      const topic = found && (await getTopic(q, found.topic_id));
      if (!found || !topic || !pathInScope(topic.node_path, scopeFor(auth, 'consultations.read'))) throw notFound(WHAT);
      // The topic first, then the comment: the lock order of every topic move.
      const t = await topicToManage(q, auth, found.topic_id);
      const c = (await repo.getComment(q, commentId, { forUpdate: true }))!;
      if (c.status === 'hidden') throw new AppError(409, 'CONFLICT', '该留言已被隐藏');
      await repo.hideComment(q, c.id, input.reason, actor.userId);
      await insertEvent(q, { topicId: t.id, kind: 'comment_hidden', step: t.step, from: t.status, to: t.status, actorUserId: actor.userId, note: input.reason, details: { commentId: c.id } });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'topicComment.hide', targetType: 'topic_comment', targetId: c.id, nodeId: t.node_id, result: 'success',
        details: { topicId: t.id, title: t.title, commentId: c.id, residentId: c.resident_id, body: c.body, reason: input.reason, step: c.step },
      });
      await insertNotice(q, {
        residentId: c.resident_id, kind: 'comment_hidden', topicId: t.id, commentId: c.id,
        text: `您在议题“${t.title}”下的留言已被管理员隐藏。原因：${input.reason}`,
      });
      return repo.consoleComment(q, c.id);
    });
  }
}
