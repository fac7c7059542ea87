import {
  maskPhone,
  PARTICIPATION_STEPS,
  titleBigrams,
  type PublicTopicDto,
  type PublicTopicItemDto,
  type PublicTopicListQuery,
  type ResidentNoticeDto,
  type ResidentTopicCreate,
  type TopicSupportDto,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/audit.js';
import type { Scope } from '../../platform/auth/scope.js';
import type { ResidentContext } from '../../platform/auth/resident-sessions.js';
import type { Page } from '../../platform/paging.js';
import { isoOf, nodeOfKinds } from '../person-roles/person-ref.js';
import { participationParts } from './participation-parts.js';
import { assertState, recordMove, WHAT } from './topic-access.js';
import { TOPIC_NODE_KINDS } from './topics.service.js';
import { visibleCommentCount } from './topic-comments.repo.js';
import * as topics from './topics.repo.js';
import * as notices from './resident-notices.repo.js';
import * as repo from './public-topics.repo.js';

/** Residents raise topics anywhere in the county. */
const ANYWHERE: Scope = { paths: ['/'] };
/** Topics one resident may raise per hour. */
export const RAISE_PER_HOUR = 10;

/** Who a resident's write is in the audit log and the timeline: no account, the masked phone. */
export const residentActor = (r: ResidentContext, ip: string): Actor => ({ userId: null, name: `居民 ${maskPhone(r.phone)}`, ip });

/**
 * A topic as a resident may see it: an accepted (public) one, or one this resident raised
 * (screening, rejected). Anything else answers 404, like a missing id.
 */
export async function topicForResident(q: Queryable, id: number, resident: ResidentContext | null, opts: { forUpdate?: boolean } = {}) {
  const t = await topics.getTopic(q, id, opts);
  const facts = t && (await repo.publicFacts(q, id));
  if (!t || !facts) throw notFound(WHAT);
  const raised = resident !== null && facts.raised_by_resident_id === resident.residentId;
  if (!raised && !repo.isPublic({ status: t.status, screened_at: facts.screened_at })) throw notFound(WHAT);
  return { t, raised };
}

/** The topic if the resident may see it, else null. */
export async function topicVisibleTo(q: Queryable, id: number, resident: ResidentContext | null): Promise<topics.TopicRow | null> {
  try {
    return (await topicForResident(q, id, resident)).t;
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  }
}

/**
 * 云商量 on the phone pages: public topics (anyone), raising a topic and supporting one
 * (verified residents), the topics a resident raised and the notices they were sent.
 */
export class PublicTopicsService {
  constructor(private readonly db: Db) {}

  list(query: PublicTopicListQuery): Promise<Page<PublicTopicItemDto>> {
    return repo.listPublicTopics(this.db, { communityId: query.communityId }, query);
  }

  async get(id: number, resident: ResidentContext | null): Promise<PublicTopicDto> {
    return this.view(this.db, id, resident);
  }

  /** A verified resident raises a topic at a community or compound: it goes to screening (source 'resident'). */
  async raise(resident: ResidentContext, input: ResidentTopicCreate, ip: string): Promise<PublicTopicDto> {
    return this.db.tx(async (q) => {
      const recent = await repo.raisedInLastHour(q, resident.residentId);
      if (recent.n >= RAISE_PER_HOUR) {
        const wait = Math.max(60, Math.ceil((recent.oldest!.getTime() + 3_600_000 - Date.now()) / 1000));
        throw new AppError(429, 'RATE_LIMITED', `每小时最多提出${RAISE_PER_HOUR}个议题，请稍后再试`, { retryAfterSeconds: wait });
      }
      const node = await nodeOfKinds(q, input.nodeId, ANYWHERE, TOPIC_NODE_KINDS, '议题所在位置');
      const id = await topics.insertTopic(q, {
        title: input.title,
        titleGrams: titleBigrams(input.title),
        description: input.description,
        nodeId: node.id,
        source: 'resident',
        ticketId: null,
        raisedByName: null,
        raisedByPhone: resident.phone,
        createdBy: null,
      });
      await repo.setRaisedByResident(q, id, resident.residentId);
      const t = (await topics.getTopic(q, id))!;
      // The raiser's phone stays out of the timeline and the log (the actor name is masked).
      await recordMove(
        q,
        t,
        { kind: 'raised', action: 'topic.create', from: null, step: null, to: 'screening', note: null, details: { source: 'resident', residentId: resident.residentId } },
        residentActor(resident, ip),
      );
      return this.view(q, id, resident);
    });
  }

  /** 支持: once per resident (a second call answers 200 with the same count), only while collecting demands. */
  async support(id: number, resident: ResidentContext, ip: string): Promise<TopicSupportDto & { created: boolean }> {
    return this.db.tx(async (q) => {
      const { t } = await topicForResident(q, id, resident, { forUpdate: true });
      assertState(t, ['active'], '支持', PARTICIPATION_STEPS.support);
      const created = await repo.insertSupport(q, t.id, resident.residentId);
      if (created) {
        await appendAudit(q, {
          actorUserId: null, actorName: residentActor(resident, ip).name, ip, action: 'topic.support', targetType: 'topic', targetId: t.id, nodeId: t.node_id,
          result: 'success', details: { residentId: resident.residentId, step: t.step },
        });
      }
      return { supports: await repo.supportCount(q, t.id), supported: true as const, created };
    });
  }

  async myTopics(resident: ResidentContext): Promise<{ data: (PublicTopicItemDto & { rejectionReason: string | null })[] }> {
    return { data: await repo.residentTopics(this.db, resident.residentId) };
  }

  notices(resident: ResidentContext): Promise<{ data: ResidentNoticeDto[]; unread: number }> {
    return notices.listNotices(this.db, resident.residentId);
  }

  async readNotices(resident: ResidentContext, ip: string): Promise<{ ok: true }> {
    await this.db.tx(async (q) => {
      const n = await notices.markAllRead(q, resident.residentId);
      if (n > 0) {
        await appendAudit(q, {
          actorUserId: null, actorName: residentActor(resident, ip).name, ip, action: 'residentNotice.read', targetType: 'resident', targetId: resident.residentId,
          result: 'success', details: { notices: n },
        });
      }
    });
    return { ok: true };
  }

  private async view(q: Queryable, id: number, resident: ResidentContext | null): Promise<PublicTopicDto> {
    const { t, raised } = await topicForResident(q, id, resident);
    const parts = await participationParts(q, t, resident?.residentId ?? null, { staff: false });
    const steps = await topics.listSteps(q, id);
    const options = await topics.listOptions(q, id);
    return {
      id: t.id,
      title: t.title,
      description: t.description,
      communityName: t.community_name,
      nodeName: t.node_name,
      categoryName: t.category_name,
      status: t.status,
      step: t.step,
      rejectionReason: raised ? t.rejection_reason : null,
      steps: steps.map((s) => ({ step: s.step, startedAt: s.startedAt, endedAt: s.endedAt })),
      options: options.map((o) => ({ id: o.id, title: o.title, description: o.description, cost: o.cost, attachments: o.attachments })),
      meetings: await repo.publicMeetings(q, id),
      decision: t.decision,
      outcome: t.outcome,
      reviewDate: t.review_date,
      supports: await repo.supportCount(q, id),
      comments: await visibleCommentCount(q, id),
      questionnaire: parts.questionnaire,
      vote: parts.vote,
      rating: parts.rating,
      mine: resident ? { supported: await repo.hasSupported(q, id, resident.residentId), raised, ...parts.mine } : null,
      createdAt: isoOf(t.created_at),
    };
  }
}
