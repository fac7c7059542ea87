/** Simplified Chinese strings: the console's view of residents' participation (comments, votes, questionnaire, ratings) and consultation statistics. */
export const consultationParticipationZhCN = {
  consultParticipation: {
    title: '居民参与',
  },
};
