/**
 * Verified residents (zod-free): a mobile number confirmed with a one-time code sent by SMS.
 * Shared by the server's rules and the phone pages' countdowns.
 */
export const RESIDENT_CODE_RULES = {
  /** Digits in a code. */
  length: 6,
  /** A code is valid this long after it is sent. */
  ttlSeconds: 300,
  /** Wrong entries a code survives; the next attempt is refused even with the right code. */
  maxAttempts: 5,
  /** One code per phone per this many seconds. */
  resendSeconds: 60,
  /** Codes per phone in any 24 hours. */
  perDay: 10,
} as const;

/** A verified resident stays signed in this long on that browser. */
export const RESIDENT_SESSION_DAYS = 30;

/** The resident session cookie (separate from the staff session's `xj_sid`). */
export const RESIDENT_COOKIE = 'xj_rsid';

/** Codes go by SMS: mainland mobile numbers only. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const isValidMobile = (phone: string) => MOBILE_PATTERN.test(phone);
