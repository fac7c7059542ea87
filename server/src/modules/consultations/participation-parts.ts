import type { QuestionnaireDto, RatingSummaryDto, VoteDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';

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
  _q: Queryable,
  _topic: { id: number },
  _residentId: number | null,
  _opts: { staff: boolean },
): Promise<ParticipationParts> {
  // Filled in by the votes/ratings/questionnaire work (participation-votes.*).
  return { questionnaire: null, vote: null, rating: null, mine: { votedOptionId: null, ratedScore: null, answeredQuestionnaire: false } };
}
