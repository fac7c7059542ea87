import type { CompanyGradeHistoryDto, CompanyRankingDto, CompanyRankingRowDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import * as repo from './property-ratings.repo.js';

const readPatterns = (auth: AuthContext) => scopePatterns(scopeFor(auth, 'ratings.read'));

/** Mean of totals in hundredths, rounded half up to 2 decimals (totals are exact to 2 decimals). */
function meanOf(totals: number[]): number | null {
  if (totals.length === 0) return null;
  const sum = totals.reduce((a, t) => a + Math.round(t * 100), 0);
  return Math.floor((2 * sum + totals.length) / (2 * totals.length)) / 100;
}

/**
 * Companies ranked over one period's computed ratings in scope: mean total descending, then
 * more compounds, then name (Chinese collation). Ranks are positions (no shared ranks).
 */
export function rankCompanies(ratings: repo.RatingRow[], lowGrades: ReadonlySet<string>): CompanyRankingRowDto[] {
  const byCompany = new Map<number, repo.RatingRow[]>();
  for (const r of ratings) byCompany.set(r.company_id, [...(byCompany.get(r.company_id) ?? []), r]);
  const rows = [...byCompany.values()].map((list) => {
    const grades: Record<string, number> = {};
    for (const r of list) if (r.grade) grades[r.grade] = (grades[r.grade] ?? 0) + 1;
    return {
      rank: 0,
      companyId: list[0]!.company_id,
      companyName: list[0]!.company_name,
      compounds: list.length,
      meanTotal: meanOf(list.filter((r) => r.total !== null).map((r) => Number(r.total))),
      grades,
      lowGrades: list.filter((r) => r.grade && lowGrades.has(r.grade)).length,
      flagged: list.filter((r) => r.contract_review_flag).length,
    };
  });
  rows.sort((a, b) => (b.meanTotal ?? -1) - (a.meanTotal ?? -1) || b.compounds - a.compounds || a.companyName.localeCompare(b.companyName, 'zh-CN'));
  return rows.map((r, i) => ({ ...r, rank: i + 1 }));
}

export async function companyRanking(q: Queryable, auth: AuthContext, periodId: number | undefined): Promise<CompanyRankingDto> {
  const patterns = readPatterns(auth);
  const id = periodId ?? (await repo.latestClosedPeriod(q, patterns));
  if (id === undefined) return { period: null, scheme: null, data: [] };
  const period = await repo.periodSummary(q, id, patterns);
  if (!period) throw notFound('考核期');
  const scheme = await repo.getScheme(q, period.schemeId);
  const ratings = (await repo.ratingsOfPeriod(q, id, patterns)).filter((r) => r.status !== 'open');
  const low = new Set(scheme.grades.filter((g) => g.low).map((g) => g.code));
  return { period, scheme: repo.schemeDto(scheme), data: rankCompanies(ratings, low) };
}

export async function companyHistory(q: Queryable, auth: AuthContext, companyId: number): Promise<CompanyGradeHistoryDto> {
  const name = await repo.companyName(q, companyId);
  if (name === undefined) throw notFound('物业企业');
  const rows = (await repo.ratingsOfCompany(q, companyId, readPatterns(auth))).filter((r) => r.status !== 'open');
  const schemes = new Map<number, repo.SchemeRow>();
  for (const r of rows) if (!schemes.has(r.scheme_id)) schemes.set(r.scheme_id, await repo.getScheme(q, r.scheme_id));
  return {
    companyId,
    companyName: name,
    ratings: rows.map((r) => {
      const g = schemes.get(r.scheme_id)!.grades.find((x) => x.code === r.grade);
      return { ...repo.ratingSummaryDto(r), periodEndsOn: r.period_ends_on, gradeName: g?.name ?? null, gradeColour: g?.colour ?? null };
    }),
  };
}
