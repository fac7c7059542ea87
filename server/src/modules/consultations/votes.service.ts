import { PARTICIPATION_LIMITS, PARTICIPATION_STEPS, type VoteBallotDto, type VoteCast, type VoteClose, type VoteDto, type VoteOpen } from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/audit/audit.js';
import type { AuthContext } from '../../platform/auth/scope.js';
import type { ResidentContext } from '../../platform/auth/resident-sessions.js';
import { isoOf } from '../person-roles/person-ref.js';
import { assertState, recordMove, topicToManage } from './topic-access.js';
import { applyDecision } from './topic-steps.service.js';
import { listOptions } from './topics.repo.js';
import { voteDto } from './participation-parts.js';
import { auditResident, topicForResident } from './participation.service.js';
import * as repo from './votes.repo.js';
import { earnPoints } from '../points/points.ledger.js';
import { residentActor } from './public-topics.service.js';

const WHAT = '线上投票';
const HOUR = 3_600_000;

const voteClosed = () => new AppError(409, 'VOTE_CLOSED', '线上投票已结束，不能再投票');

/**
 * 议事项's online vote (线上投票) on the topic's plan options: one per topic, one secret ballot
 * per verified resident, results shown only once it has closed. Closing it may make the
 * winning option the topic's decision (`decisionSource: vote`).
 */
export class VotesService {
  constructor(private readonly db: Db) {}

  async open(auth: AuthContext, id: number, input: VoteOpen, actor: Actor): Promise<VoteDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      const hours = (new Date(input.closesAt).getTime() - Date.now()) / HOUR;
      if (hours < PARTICIPATION_LIMITS.voteMinHours || hours > PARTICIPATION_LIMITS.voteMaxDays * 24) {
        throw badRequest(`投票截止时间应在 ${PARTICIPATION_LIMITS.voteMinHours} 小时后、${PARTICIPATION_LIMITS.voteMaxDays} 天内`, { closesAt: input.closesAt });
      }
      assertState(t, ['active'], '发起线上投票', PARTICIPATION_STEPS.vote);
      const options = await listOptions(q, id);
      if (options.length < 2) throw new AppError(409, 'CONFLICT', `线上投票至少需要两个方案，该议题目前有 ${options.length} 个`, { options: options.length });
      if (await repo.getVote(q, id)) throw new AppError(409, 'DUPLICATE', '该议题已发起过线上投票（每个议题一次）');
      await repo.insertVote(q, id, input.closesAt, actor.userId);
      await recordMove(
        q,
        t,
        { kind: 'vote_opened', action: 'topic.voteOpen', step: t.step, to: t.status, note: null, details: { closesAt: isoOf(input.closesAt), options: options.map((o) => o.id) } },
        actor,
      );
      return (await voteDto(q, id))!;
    });
  }

  /**
   * Closes the vote (or marks one past its closing time as closed); with `decision`, the option
   * with the most votes becomes the topic's decision, in the same transaction.
   */
  async close(auth: AuthContext, id: number, input: VoteClose, actor: Actor): Promise<VoteDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      const v = await repo.getVote(q, id, { forUpdate: true });
      if (!v) throw notFound(WHAT);
      if (v.closed_at !== null) throw new AppError(409, 'VOTE_CLOSED', '线上投票已结束', { closedAt: isoOf(v.closed_at) });
      const decision = input?.decision;
      const results = await repo.voteResults(q, id);
      let winner: (typeof results)[number] | undefined;
      if (decision !== undefined) {
        assertState(t, ['active'], '以投票结果作为议事决定', PARTICIPATION_STEPS.vote);
        if (v.ballots === 0) throw new AppError(409, 'CONFLICT', '还没有居民投票，不能以投票结果作为议事决定');
        const top = Math.max(...results.map((r) => r.votes));
        const leaders = results.filter((r) => r.votes === top);
        if (leaders.length > 1) {
          throw new AppError(409, 'VOTE_TIED', `${leaders.map((r) => `“${r.title}”`).join('、')}得票相同（各 ${top} 票），请召开商量会议或手工记录议事决定`, { tied: leaders.map((r) => r.optionId) });
        }
        winner = leaders[0]!;
      }
      await repo.markClosed(q, id, actor.userId);
      const expired = !repo.voteIsOpen(v, new Date());
      await recordMove(
        q,
        t,
        { kind: 'vote_closed', action: 'topic.voteClose', step: t.step, to: t.status, note: null, details: { ballots: v.ballots, results, expired, winnerOptionId: winner?.optionId ?? null } },
        actor,
      );
      if (winner) await applyDecision(q, t, { decision: decision!, optionId: winner.optionId, source: 'vote', meetingId: null }, actor);
      return (await voteDto(q, id))!;
    });
  }

  /**
   * A verified resident's ballot: once (any number of concurrent requests leave one row — the
   * primary key — and one 201), on one of the topic's options, while the vote is open.
   */
  async cast(id: number, input: VoteCast, resident: ResidentContext, ip: string): Promise<VoteBallotDto> {
    return this.db.tx(async (q) => {
      const t = await topicForResident(q, id);
      assertState(t, ['active'], '投票', PARTICIPATION_STEPS.vote);
      const v = await repo.getVote(q, id);
      if (!v) throw notFound(WHAT);
      if (!repo.voteIsOpen(v, new Date())) throw voteClosed();
      if (!(await listOptions(q, id)).some((o) => o.id === input.optionId)) throw badRequest('所选方案不属于该议题');
      const ballot = await repo.insertBallot(q, id, resident.residentId, input.optionId);
      if (!ballot) throw new AppError(409, 'VOTE_ALREADY_CAST', '您已投过票，每人只能投一次');
      // 积分 for a resident linked to a registry person: one entry per topic's vote.
      const earned = resident.personId
        ? await earnPoints(q, {
            personId: resident.personId, ruleCode: 'consultation_vote', source: { type: 'consultation_participation', id: t.id }, actor: residentActor(resident, ip),
            note: `云商量投票：${t.title}`,
          })
        : null;
      // Ballots are secret: the audit row records that this resident voted, never the option chosen.
      await auditResident(q, t, resident, ip, 'topic.vote', earned ? { pointsEntryId: earned.entryId, points: earned.points } : {});
      return { optionId: input.optionId, castAt: isoOf(ballot.created_at) };
    });
  }
}
