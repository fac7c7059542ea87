import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { RESIDENT_COOKIE, type RatingIndicator } from '@xj/contracts';
import type { TestApp } from './harness.js';
import { cardHundredths, computeRating } from '../modules/property-ratings/rating-scoring.js';

/**
 * Test fixtures of the phone side of the property assessment: periods and ratings written
 * directly with SQL (independent of the period API), stewards and committee members, and a
 * verified resident client that can also PUT and upload.
 */

export interface PhoneResident {
  phone: string;
  cookie: string;
  request(o: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** Verifies `phone` through the real flow (code from the demo SMS outbox). */
export async function phoneResident(t: TestApp, phone: string): Promise<PhoneResident> {
  await t.inject({ method: 'POST', url: '/api/public/resident/code', payload: { phone } });
  const code = (await t.inject({ method: 'GET', url: `/api/public/dev/sms-outbox?phone=${phone}` })).json<{ code: string }>().code;
  const res = await t.inject({ method: 'POST', url: '/api/public/resident/verify', payload: { phone, code } });
  const c = res.cookies.find((x) => x.name === RESIDENT_COOKIE);
  if (!c) throw new Error(`no resident cookie: ${res.statusCode} ${res.body}`);
  const cookie = `${RESIDENT_COOKIE}=${c.value}`;
  const request = (o: InjectOptions) => t.inject({ ...o, headers: { cookie, ...(o.headers ?? {}) } });
  const withBody = (method: 'POST' | 'PUT') => (url: string, body?: unknown) => request({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
  return { phone, cookie, request, get: (url) => request({ method: 'GET', url }), post: withBody('POST'), put: withBody('PUT') };
}

export async function currentIndicators(t: TestApp): Promise<RatingIndicator[]> {
  return (await t.db.query<{ indicators: RatingIndicator[] }>('SELECT indicators FROM rating_schemes ORDER BY version DESC LIMIT 1'))[0]!.indicators;
}

let seq = 0;

/**
 * A period at the compound's community with one rating for the compound. `open` takes
 * scorecards until `deadline` (default: a month ahead); `closed` and `published` carry a
 * frozen result computed from a branch card of `branchScore` on every indicator.
 */
export async function ratingAt(
  t: TestApp,
  compoundId: number,
  opts: { status?: 'open' | 'closed' | 'published'; deadline?: string; branchScore?: number; year?: number } = {},
): Promise<{ periodId: number; ratingId: number; name: string }> {
  const status = opts.status ?? 'open';
  seq++;
  const year = opts.year ?? 2000 + seq;
  const name = `${year}年第1季度`;
  const [scheme] = await t.db.query<{ id: number; indicators: RatingIndicator[]; sources: never; grades: never; missing_source_rule: never; survey_min_answers: number }>(
    'SELECT id, indicators, sources, grades, missing_source_rule, survey_min_answers FROM rating_schemes ORDER BY version DESC LIMIT 1',
  );
  const [company] = await t.db.query<{ id: number }>(
    'SELECT coalesce((SELECT company_id FROM property_contracts WHERE compound_id = $1 ORDER BY start_date DESC LIMIT 1), (SELECT min(id) FROM property_companies)) AS id',
    [compoundId],
  );
  const deadline = opts.deadline ?? new Date(Date.now() + (8 + 30 * 24) * 3600_000).toISOString().slice(0, 10);
  const [period] = await t.db.query<{ id: number }>(
    `INSERT INTO rating_periods (scheme_id, node_id, kind, year, seq, name, starts_on, ends_on, deadline, status, closed_at)
     VALUES ($1, (SELECT parent_id FROM nodes WHERE id = $2), 'quarter', $3, 1, $4, make_date($3, 1, 1), make_date($3, 3, 31),
             $5::date, $6, ${status === 'open' ? 'NULL' : 'now()'}) RETURNING id`,
    [scheme!.id, compoundId, year, name, deadline, status === 'open' ? 'open' : 'closed'],
  );
  let result: ReturnType<typeof computeRating> | null = null;
  if (status !== 'open') {
    const scores = Object.fromEntries(scheme!.indicators.map((i) => [i.code, opts.branchScore ?? 95]));
    result = computeRating(
      { indicators: scheme!.indicators, sources: scheme!.sources, grades: scheme!.grades, missingSourceRule: scheme!.missing_source_rule, surveyMinAnswers: scheme!.survey_min_answers },
      { branch: [cardHundredths(scheme!.indicators, scores)] },
    );
  }
  const [rating] = await t.db.query<{ id: number }>(
    `INSERT INTO property_ratings (period_id, compound_id, company_id, status, total, grade, breakdown, missing_sources, computed_at, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, ${status === 'open' ? 'NULL' : 'now()'}, ${status === 'published' ? 'now()' : 'NULL'}) RETURNING id`,
    [period!.id, compoundId, company!.id, status, result?.total ?? null, result?.grade ?? null, result ? JSON.stringify(result) : null, result?.missingSources ?? []],
  );
  return { periodId: period!.id, ratingId: rating!.id, name };
}

/** Makes the person a red steward of the compound. */
export async function makeSteward(t: TestApp, personId: number, compoundId: number): Promise<number> {
  const [row] = await t.db.query<{ id: number }>("INSERT INTO stewards (person_id, compound_id, since) VALUES ($1, $2, '2024-01-01') RETURNING id", [personId, compoundId]);
  return row!.id;
}

/** An owners' committee of the compound with the person as a member; `current` sets the term around today, else one that ended. */
export async function makeCommitteeMember(t: TestApp, personId: number, compoundId: number, current = true): Promise<void> {
  const [c] = await t.db.query<{ id: number }>(
    current
      ? "INSERT INTO owners_committees (compound_id, term_start, term_end, election_date) VALUES ($1, current_date - 365, current_date + 365, current_date - 370) RETURNING id"
      : "INSERT INTO owners_committees (compound_id, term_start, term_end, election_date) VALUES ($1, '2015-01-01', '2019-12-31', '2014-12-20') RETURNING id",
    [compoundId],
  );
  await t.db.query("INSERT INTO owners_committee_members (committee_id, person_id, position) VALUES ($1, $2, 'member')", [c!.id, personId]);
}
