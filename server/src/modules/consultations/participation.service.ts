import {
  maskPhone,
  PARTICIPATION_STEPS,
  PUBLIC_TOPIC_STATUSES,
  type QuestionnaireAnswer,
  type QuestionnaireDto,
  type QuestionnaireSet,
  type RatingCreate,
  type RatingSummaryDto,
  type TopicParticipationDto,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/audit.js';
import type { AuthContext } from '../../platform/auth/scope.js';
import type { ResidentContext } from '../../platform/auth/resident-sessions.js';
import { assertState, recordMove, topicToManage, topicToRead, WHAT } from './topic-access.js';
import { getTopic, type TopicRow } from './topics.repo.js';
import { participationParts, questionnaireDto } from './participation-parts.js';
import * as repo from './participation.repo.js';

/**
 * A topic a verified resident takes part in: one the phone pages show (anything else is 404),
 * held for share so that a move of the topic waits for the resident's write (and vice versa).
 */
export async function topicForResident(q: Queryable, id: number): Promise<TopicRow> {
  await repo.shareTopic(q, id);
  const t = await getTopic(q, id);
  // Accepted by screening (a topic closed while screening stays private, as on the phone pages).
  if (!t || t.screened_at === null || !(PUBLIC_TOPIC_STATUSES as readonly string[]).includes(t.status)) throw notFound(WHAT);
  return t;
}

/** The audit row of a resident's write: who (masked phone), from where, on which topic. */
export async function auditResident(q: Queryable, t: TopicRow, r: ResidentContext, ip: string, action: string, details: Record<string, unknown>): Promise<void> {
  await appendAudit(q, {
    actorUserId: null, actorName: `居民 ${maskPhone(r.phone)}`, ip, action, targetType: 'topic', targetId: t.id, nodeId: t.node_id, result: 'success',
    details: { title: t.title, residentId: r.residentId, ...details },
  });
}

/** 问诉求's questionnaire, 评效果's ratings, and the console's view of participation in a topic. */
export class ParticipationService {
  constructor(private readonly db: Db) {}

  async view(auth: AuthContext, id: number): Promise<TopicParticipationDto> {
    const t = await topicToRead(this.db, auth, id);
    const { questionnaire, vote, rating } = await participationParts(this.db, t, null, { staff: true });
    return { ...(await repo.engagementCounts(this.db, t.id)), questionnaire, vote, rating };
  }

  /** Publishes the questionnaire of a topic collecting demands, or replaces it while nobody has answered. */
  async setQuestionnaire(auth: AuthContext, id: number, input: QuestionnaireSet, actor: Actor): Promise<QuestionnaireDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      assertState(t, ['active'], '发布问卷', PARTICIPATION_STEPS.questionnaire);
      const before = await repo.getQuestionnaire(q, id, { forUpdate: true });
      if (before && before.respondents > 0) {
        throw new AppError(409, 'CONFLICT', `已有 ${before.respondents} 位居民作答，问卷不能再修改`, { respondents: before.respondents });
      }
      await repo.upsertQuestionnaire(q, id, input.questions, actor.userId);
      await recordMove(
        q,
        t,
        { kind: 'questionnaire_set', action: 'topic.questionnaire', step: t.step, to: 'active', note: null, details: { questions: input.questions.length, replaced: before !== undefined } },
        actor,
      );
      return (await questionnaireDto(q, id, { tallies: true }))!;
    });
  }

  /** A verified resident answers once (concurrent answers leave one row: the primary key). */
  async answer(id: number, input: QuestionnaireAnswer, resident: ResidentContext, ip: string): Promise<QuestionnaireDto> {
    return this.db.tx(async (q) => {
      const t = await topicForResident(q, id);
      const found = await repo.getQuestionnaire(q, id);
      if (!found) throw notFound('问卷');
      assertState(t, ['active'], '填写问卷', PARTICIPATION_STEPS.questionnaire);
      const n = found.questions.length;
      if (input.answers.length !== n) throw badRequest(`问卷共 ${n} 题，请每题选择一个答案`, { questions: n, answers: input.answers.length });
      input.answers.forEach((a, i) => {
        if (a >= found.questions[i]!.choices.length) throw badRequest(`第 ${i + 1} 题没有第 ${a + 1} 个选项`, { question: i + 1 });
      });
      if (!(await repo.insertAnswers(q, id, resident.residentId, input.answers))) {
        throw new AppError(409, 'DUPLICATE', '您已填写过这份问卷');
      }
      await auditResident(q, t, resident, ip, 'topic.questionnaireAnswer', { questions: n });
      return (await questionnaireDto(q, id, { tallies: true }))!;
    });
  }

  /** 评效果: a verified resident rates the result once (1–5 stars). */
  async rate(id: number, input: RatingCreate, resident: ResidentContext, ip: string): Promise<RatingSummaryDto> {
    return this.db.tx(async (q) => {
      const t = await topicForResident(q, id);
      assertState(t, ['active'], '评价办理效果', PARTICIPATION_STEPS.rate);
      if (!(await repo.insertRating(q, id, resident.residentId, { score: input.score, comment: input.comment ?? null }))) {
        throw new AppError(409, 'DUPLICATE', '您已评价过这个议题');
      }
      await auditResident(q, t, resident, ip, 'topic.rate', { score: input.score, withComment: input.comment !== undefined });
      return repo.ratingSummary(q, id);
    });
  }
}
