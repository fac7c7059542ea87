import {
  CONSULTATION_STEP_LABELS,
  significantBigrams,
  TOPIC_LIMITS,
  TOPIC_STATUS_LABELS,
  type ConsultationStep,
  type TopicDetailDto,
  type TopicStatus,
} from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import * as repo from './topics.repo.js';

/**
 * What every topic route shares: finding the topic in the caller's scope, the detail view,
 * and one move = one timeline entry + one audit row in the caller's transaction.
 */

export const WHAT = '议题';

/** A topic in the caller's consultations.read scope; anything else is 404, like a missing id. */
export async function topicToRead(q: Queryable, auth: AuthContext, id: number): Promise<repo.TopicRow> {
  const t = await repo.getTopic(q, id);
  if (!t || !pathInScope(t.node_path, scopeFor(auth, 'consultations.read'))) throw notFound(WHAT);
  return t;
}

/** A topic the caller runs (consultations.manage over its node), locked: readable but not theirs → 403. */
export async function topicToManage(q: Queryable, auth: AuthContext, id: number): Promise<repo.TopicRow> {
  const t = await repo.getTopic(q, id, { forUpdate: true });
  if (!t || !pathInScope(t.node_path, scopeFor(auth, 'consultations.read'))) throw notFound(WHAT);
  if (!pathInScope(t.node_path, scopeFor(auth, 'consultations.manage'))) throw forbidden('只有议题所在社区的社区书记或上级管理员可以审查和推进议题');
  return t;
}

/** 409 unless the topic is in one of `statuses` (and, given `step`, at that step). */
export function assertState(t: repo.TopicRow, statuses: readonly TopicStatus[], what: string, step?: ConsultationStep): void {
  const now = t.status === 'active' && t.step ? `“${CONSULTATION_STEP_LABELS[t.step].zh}”阶段` : `“${TOPIC_STATUS_LABELS[t.status].zh}”`;
  if (!statuses.includes(t.status)) {
    throw new AppError(409, 'ILLEGAL_TRANSITION', `议题当前为${now}，不能${what}`, { status: t.status, step: t.step });
  }
  if (step && t.step !== step) {
    throw new AppError(409, 'ILLEGAL_TRANSITION', `只有在“${CONSULTATION_STEP_LABELS[step].zh}”阶段可以${what}，议题当前为${now}`, { status: t.status, step: t.step });
  }
}

/** The responsible person of a step: a platform user (their name is taken) or a name. */
export async function responsibleOf(q: Queryable, v: { responsibleName?: string | undefined; responsibleUserId?: number | undefined }): Promise<{ name: string | null; userId: number | null }> {
  if (v.responsibleUserId === undefined) return { name: v.responsibleName ?? null, userId: null };
  const name = await repo.enabledUserName(q, v.responsibleUserId);
  if (!name) throw badRequest('负责人账号不存在或已停用');
  return { name: v.responsibleName ?? name, userId: v.responsibleUserId };
}

export interface Move {
  kind: repo.EventValues['kind'];
  /** The audit action, e.g. topic.accept. */
  action: string;
  /** The status before the move: the topic's own unless given (null for a topic just raised). */
  from?: TopicStatus | null;
  step: ConsultationStep | null;
  to: TopicStatus;
  note: string | null;
  details: Record<string, unknown>;
}

/** One timeline entry and one audit row for a move on `t` (whose row the caller holds locked). */
export async function recordMove(q: Queryable, t: repo.TopicRow, m: Move, actor: Actor): Promise<void> {
  const from = m.from === undefined ? t.status : m.from;
  await repo.insertEvent(q, { topicId: t.id, kind: m.kind, step: m.step, from, to: m.to, actorUserId: actor.userId, note: m.note, details: m.details });
  await appendAudit(q, {
    ...actorEntry(actor), action: m.action, targetType: 'topic', targetId: t.id, nodeId: t.node_id, result: 'success',
    details: { ...m.details, title: t.title, event: m.kind, before: { status: from, step: t.step }, after: { status: m.to, step: m.step } },
  });
}

/** Open topics of the same community with a similar title, among those the caller may read. */
export function similarTo(q: Queryable, auth: AuthContext, v: { communityPath: string; title: string; excludeId: number }) {
  return repo.similarTopics(q, {
    communityPath: v.communityPath, scopePatterns: scopePatterns(scopeFor(auth, 'consultations.read')), grams: significantBigrams(v.title),
    excludeId: v.excludeId, limit: TOPIC_LIMITS.similarMax,
  });
}

export async function topicDetail(q: Queryable, auth: AuthContext, id: number): Promise<TopicDetailDto> {
  const t = (await repo.getTopic(q, id))!;
  const open = t.status === 'screening' || t.status === 'active';
  return {
    ...repo.toTopicDto(t),
    steps: await repo.listSteps(q, id),
    options: await repo.listOptions(q, id),
    tasks: await repo.listTasks(q, id),
    events: await repo.listEvents(q, id),
    similar: open ? await similarTo(q, auth, { communityPath: t.community_path, title: t.title, excludeId: t.id }) : [],
  };
}
