/** The headline figures of the one-click query, in display order. */
export const HEADLINE_FIGURES = [
  'communities',
  'compounds',
  'stewards',
  'redShops',
  'gigWorkers',
  'commissioners',
  'partyMembers',
  'dualRegisteredMembers',
] as const;
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];
