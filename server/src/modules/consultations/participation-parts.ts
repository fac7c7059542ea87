import type { QuestionnaireDto, RatingSummaryDto, VoteDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { isoOf } from '../person-roles/person-ref.js';
import * as repo from './participation.repo.js';
import * as votes from './votes.repo.js';

/** The questionnaire, online vote and rating of a topic, and what one resident did in them. */
export interface ParticipationParts {
  questionnaire: QuestionnaireDto | null;
  vote: VoteDto | null;
  rating: RatingSummaryDto | null;
  mine: { votedOptionId: number | null; ratedScore: number | null; answeredQuestionnaire: boolean };
}

/**
 * Shared by the phone page's topic view and the console's participation view.
 * `showTallies`: questionnaire tallies are shown to staff, and to a resident once they answered.
 */
export async function participationParts(
  q: Queryable,
  topic: { id: number },
  residentId: number | null,
  opts: { staff: boolean },
): Promise<ParticipationParts> {
  const answered = residentId !== null && (await repo.hasAnswered(q, topic.id, residentId));
  const votedOptionId = residentId === null ? null : await votes.myBallot(q, topic.id, residentId);
  const ratedScore = residentId === null ? null : await repo.myRating(q, topic.id, residentId);
  return {
    questionnaire: await questionnaireDto(q, topic.id, { tallies: opts.staff || answered }),
    vote: await voteDto(q, topic.id),
    rating: (await repo.reachedEvaluate(q, topic.id)) ? await repo.ratingSummary(q, topic.id) : null,
    mine: { votedOptionId, ratedScore, answeredQuestionnaire: answered },
  };
}

export async function questionnaireDto(q: Queryable, topicId: number, opts: { tallies: boolean }): Promise<QuestionnaireDto | null> {
  const found = await repo.getQuestionnaire(q, topicId);
  if (!found) return null;
  const questions = found.questions.map((x) => ({ text: x.text, choices: x.choices }));
  return { questions, tallies: opts.tallies ? await repo.questionnaireTallies(q, topicId, questions) : null, respondents: found.respondents };
}

/** How many have voted is always shown; the votes per option only once the vote has closed, to everyone (staff too). */
export async function voteDto(q: Queryable, topicId: number, now = new Date()): Promise<VoteDto | null> {
  const v = await votes.getVote(q, topicId);
  if (!v) return null;
  const open = votes.voteIsOpen(v, now);
  const closedAt = v.closed_at ?? (open ? null : v.closes_at);
  return {
    opensAt: isoOf(v.opens_at), closesAt: isoOf(v.closes_at), open, closedAt: closedAt && isoOf(closedAt), ballots: v.ballots,
    results: open ? null : await votes.voteResults(q, topicId),
  };
}
