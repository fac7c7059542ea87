/** English strings of the console's view of residents' participation (comments, votes, questionnaire, ratings) and consultation statistics (same keys as consultation-participation.zh-CN). */
import type { consultationParticipationZhCN } from './consultation-participation.zh-CN';
import type { Strings } from './strings';

export const consultationParticipationEn: Strings<typeof consultationParticipationZhCN> = {
  consultParticipation: {
    title: 'Resident participation',
  },
};
