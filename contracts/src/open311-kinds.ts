/** Names and limits of the Open311 GeoReport v2 interface. Zod-free so that browser code can import them. */

export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];
export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

export const OPEN311_LIMITS = {
  /** The specification's default: a span of 90 days or the first 1000 requests, whichever is smaller. */
  windowDays: 90,
  maxRequests: 1000,
  keyNameMax: 50,
  apiKeyMax: 200,
  // First and last name together fit the ticket's reporter name (50).
  nameMax: 24,
  emailMax: 254,
  deviceIdMax: 100,
  accountIdMax: 100,
  mediaUrlMax: 500,
  attributeMax: 200,
} as const;
