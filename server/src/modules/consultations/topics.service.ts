import {
  titleBigrams,
  type SimilarTopicDto,
  type SimilarTopicQuery,
  type TopicClose,
  type TopicCreate,
  type TopicDetailDto,
  type TopicDto,
  type TopicListQuery,
  type TopicScreen,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeOfKinds, subtreeOf } from '../person-roles/person-ref.js';
import { getCategory } from './agenda-scope.repo.js';
import { assertState, recordMove, responsibleOf, similarTo, topicDetail, topicToManage, topicToRead } from './topic-access.js';
import { noticeTopicRaiser } from './resident-notices.repo.js';
import * as repo from './topics.repo.js';

/** Topics are raised at a community or one of its compounds. */
export const TOPIC_NODE_KINDS = ['community', 'compound'] as const;

/** The community path of a community or compound node: the node itself, or its parent. */
const communityPathOf = (node: { kind: string; path: string }) => (node.kind === 'community' ? node.path : node.path.replace(/\d+\/$/, ''));

/**
 * 议题: raising (consultations.raise), screening against the agenda scope (七议五不议) and
 * closing early (consultations.manage); reading within consultations.read.
 */
export class TopicsService {
  constructor(private readonly db: Db) {}

  async list(auth: AuthContext, query: TopicListQuery): Promise<Page<TopicDto>> {
    const scope = scopeFor(auth, 'consultations.read');
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    return repo.listTopics(
      this.db,
      { scopePatterns: scopePatterns(scope), subtreePath, status: query.status, step: query.step, categoryId: query.categoryId, source: query.source, q: query.q },
      query,
    );
  }

  async get(auth: AuthContext, id: number): Promise<TopicDetailDto> {
    await topicToRead(this.db, auth, id);
    return topicDetail(this.db, auth, id);
  }

  /** Open topics of the node's community whose titles overlap `title` (to avoid raising a duplicate). */
  async similar(auth: AuthContext, query: SimilarTopicQuery): Promise<{ data: SimilarTopicDto[] }> {
    const node = await nodeOfKinds(this.db, query.nodeId, scopeFor(auth, 'consultations.read'), TOPIC_NODE_KINDS, '议题所在位置');
    return { data: await similarTo(this.db, auth, { communityPath: communityPathOf(node), title: query.title, excludeId: query.excludeId ?? 0 }) };
  }

  async create(auth: AuthContext, input: TopicCreate, actor: Actor): Promise<TopicDetailDto> {
    return this.db.tx(async (q) => {
      const node = await nodeOfKinds(q, input.nodeId, scopeFor(auth, 'consultations.raise'), TOPIC_NODE_KINDS, '议题所在位置');
      let ticketCode: string | null = null;
      if (input.ticketId !== undefined) {
        // The ticket must be one the caller can read, in the topic's community, and not already an open topic.
        const ticket = await repo.getTicketPlace(q, input.ticketId);
        if (!ticket || !(pathInScope(ticket.node_path, scopeFor(auth, 'tickets.read')) || ticket.owner_user_id === auth.user.id)) throw notFound('关联的工单');
        if (!ticket.node_path.startsWith(communityPathOf(node))) throw badRequest(`工单 ${ticket.code} 不在该议题所在的社区`);
        const open = await repo.openTopicOfTicket(q, ticket.id);
        if (open) {
          const visible = pathInScope(open.node_path, scopeFor(auth, 'consultations.read'));
          throw new AppError(409, 'DUPLICATE', visible ? `工单 ${ticket.code} 已有未办结的议题（编号 ${open.id}）` : `工单 ${ticket.code} 已有未办结的议题`, {
            existingId: visible ? open.id : null,
          });
        }
        ticketCode = ticket.code;
      }
      const id = await repo.insertTopic(q, {
        title: input.title,
        titleGrams: titleBigrams(input.title),
        description: input.description,
        nodeId: node.id,
        source: input.source,
        ticketId: input.ticketId ?? null,
        raisedByName: input.raisedByName ?? null,
        raisedByPhone: input.raisedByPhone ?? null,
        createdBy: actor.userId,
      });
      const t = (await repo.getTopic(q, id))!;
      // The raiser's phone stays out of the timeline and the log.
      await recordMove(
        q,
        t,
        { kind: 'raised', action: 'topic.create', from: null, step: null, to: 'screening', note: null, details: { source: input.source, ticketId: input.ticketId ?? null, ticketCode } },
        actor,
      );
      return topicDetail(q, auth, id);
    });
  }

  /**
   * Screening against the agenda scope: an excluded category rejects the topic with a reason
   * the submitter sees; an allowed one activates it and opens 问诉求 (collect).
   */
  async screen(auth: AuthContext, id: number, input: TopicScreen, actor: Actor): Promise<TopicDetailDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      assertState(t, ['screening'], '审查');
      const category = await getCategory(q, input.categoryId);
      if (!category?.active) throw badRequest('议事范围类别不存在或已停用');
      if (category.kind === 'excluded') {
        if (!input.reason) throw badRequest(`“${category.name}”属于不议事项：请填写不予议事的理由，提出人会看到它`);
        await repo.updateTopic(q, id, { status: 'rejected', category_id: category.id, rejection_reason: input.reason, screened_at: new Date(), screened_by: actor.userId });
        await recordMove(q, t, { kind: 'rejected', action: 'topic.reject', step: null, to: 'rejected', note: input.reason, details: { categoryId: category.id, category: category.name } }, actor);
        await noticeTopicRaiser(q, id, 'topic_rejected', `您提出的议题“${t.title}”经审查不予议事。理由：${input.reason}`);
      } else {
        const responsible = await responsibleOf(q, input);
        await repo.updateTopic(q, id, { status: 'active', step: 'collect', category_id: category.id, screened_at: new Date(), screened_by: actor.userId });
        await repo.insertStep(q, id, 'collect', responsible);
        await recordMove(
          q,
          t,
          { kind: 'accepted', action: 'topic.accept', step: 'collect', to: 'active', note: input.reason ?? null, details: { categoryId: category.id, category: category.name, responsible: responsible.name } },
          actor,
        );
        await noticeTopicRaiser(q, id, 'topic_accepted', `您提出的议题“${t.title}”已通过审查，进入“问诉求”阶段，欢迎参与讨论。`);
      }
      return topicDetail(q, auth, id);
    });
  }

  /** Ends a screening or active topic early (a duplicate, withdrawn by its raiser, …), with a reason. */
  async close(auth: AuthContext, id: number, input: TopicClose, actor: Actor): Promise<TopicDetailDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      assertState(t, ['screening', 'active'], '终止');
      const open = await repo.openStep(q, id);
      if (open) await repo.endStep(q, open.id, open.record);
      await repo.updateTopic(q, id, { status: 'closed', step: null, closed_reason: input.reason, closed_at: new Date() });
      await recordMove(q, t, { kind: 'closed', action: 'topic.close', step: null, to: 'closed', note: input.reason, details: { atStep: t.step } }, actor);
      return topicDetail(q, auth, id);
    });
  }
}
