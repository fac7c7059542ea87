import type { CadreOpinionStatsDto, CadreOpinionStatsQuery } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { CHINA_TODAY } from './cadre-opinions.repo.js';

/** Requests per year (China time), answers, the share answered and days to answer, within [from, to] (China dates, inclusive). */
export async function cadreOpinionStats(q: Queryable, f: CadreOpinionStatsQuery): Promise<CadreOpinionStatsDto> {
  const day = `(r.requested_at AT TIME ZONE 'Asia/Shanghai')::date`;
  const where = `WHERE ($1::date IS NULL OR ${day} >= $1::date) AND ($2::date IS NULL OR ${day} <= $2::date)`;
  const params = [f.from ?? null, f.to ?? null];
  const years = await q.query<{ year: number; requests: number; answered: number; pending: number; withdrawn: number }>(
    `SELECT extract(year FROM ${day})::int AS year, count(*)::int AS requests,
            count(*) FILTER (WHERE r.status = 'answered')::int AS answered,
            count(*) FILTER (WHERE r.status = 'pending')::int AS pending,
            count(*) FILTER (WHERE r.status = 'withdrawn')::int AS withdrawn
       FROM cadre_opinion_requests r ${where} GROUP BY 1 ORDER BY 1`,
    params,
  );
  const [t] = await q.query<{
    agree: number; agree_with_reservations: number; disagree: number; median: number | string | null; mean: number | string | null; overdue: number;
  }>(
    `SELECT count(*) FILTER (WHERE r.answer = 'agree')::int AS agree,
            count(*) FILTER (WHERE r.answer = 'agree_with_reservations')::int AS agree_with_reservations,
            count(*) FILTER (WHERE r.answer = 'disagree')::int AS disagree,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.answered_at - r.requested_at) / 86400) FILTER (WHERE r.status = 'answered') AS median,
            avg(extract(epoch FROM r.answered_at - r.requested_at) / 86400) FILTER (WHERE r.status = 'answered') AS mean,
            count(*) FILTER (WHERE r.status = 'pending' AND r.deadline < ${CHINA_TODAY})::int AS overdue
       FROM cadre_opinion_requests r ${where}`,
    params,
  );
  const total = years.reduce((s, y) => s + y.requests, 0);
  const answered = years.reduce((s, y) => s + y.answered, 0);
  const live = total - years.reduce((s, y) => s + y.withdrawn, 0);
  const days = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return {
    total,
    byYear: years,
    byAnswer: { agree: t!.agree, agree_with_reservations: t!.agree_with_reservations, disagree: t!.disagree },
    answeredShare: live > 0 ? Math.round((answered / live) * 1000) / 1000 : null,
    medianDaysToAnswer: days(t!.median),
    meanDaysToAnswer: days(t!.mean),
    overdue: t!.overdue,
  };
}
