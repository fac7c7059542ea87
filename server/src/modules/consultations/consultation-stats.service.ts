import {
  chinaToday,
  CONSULTATION_STEPS,
  MEETING_FORMS,
  TOPIC_STATUSES,
  type ConsultationStatsDto,
  type ConsultationStatsQuery,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import { subtreeOf } from '../person-roles/person-ref.js';
import * as repo from './consultation-stats.repo.js';

const MONTHS = 12;
const oneDecimal = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** 'YYYY-MM' of the last `n` months, oldest first, ending with the current month (China time). */
export function lastMonths(n: number, today = chinaToday()): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** 商量统计: what the console's statistics page and the cockpit show of consultation. */
export class ConsultationStatsService {
  constructor(private readonly db: Db) {}

  /**
   * Held meetings (planned and cancelled ones are not counted), by form and by month, and their
   * attendances; topics by status, by step (active ones) and by category; days to evaluation;
   * ratings. Within the caller's consultations.read scope, narrowed to `nodeId`'s subtree when given.
   */
  async stats(auth: AuthContext, query: ConsultationStatsQuery): Promise<ConsultationStatsDto> {
    const scope = scopeFor(auth, 'consultations.read');
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    const patterns = scopePatterns(scope);
    const months = lastMonths(MONTHS);
    const [held, byMonth, topics, byCategory, days, ratings] = await Promise.all([
      repo.heldMeetingCounts(this.db, patterns, subtreePath),
      repo.heldMeetingsByMonth(this.db, patterns, subtreePath, months[0]!),
      repo.topicCounts(this.db, patterns, subtreePath),
      repo.topicsByCategory(this.db, patterns, subtreePath),
      repo.averageDaysToEvaluation(this.db, patterns, subtreePath),
      repo.ratingTotals(this.db, patterns, subtreePath),
    ]);

    const byForm = Object.fromEntries(MEETING_FORMS.map((f) => [f, 0])) as ConsultationStatsDto['byForm'];
    let meetings = 0;
    let attendances = 0;
    for (const r of held) {
      byForm[r.form] = r.meetings;
      meetings += r.meetings;
      attendances += r.attendances;
    }
    const topicsByStatus = Object.fromEntries(TOPIC_STATUSES.map((s) => [s, 0])) as ConsultationStatsDto['topicsByStatus'];
    const topicsByStep = Object.fromEntries(CONSULTATION_STEPS.map((s) => [s, 0])) as ConsultationStatsDto['topicsByStep'];
    for (const r of topics) {
      topicsByStatus[r.status] += r.n;
      if (r.step) topicsByStep[r.step] += r.n;
    }
    const monthRows = new Map(byMonth.map((r) => [r.month, r]));
    return {
      meetings,
      attendances,
      byForm,
      topicsByStatus,
      topicsByStep,
      topicsByCategory: byCategory,
      averageDaysToEvaluation: oneDecimal(days),
      satisfaction: { average: oneDecimal(ratings.average), count: ratings.count },
      meetingsByMonth: months.map((month) => ({ month, meetings: monthRows.get(month)?.meetings ?? 0, attendances: monthRows.get(month)?.attendances ?? 0 })),
    };
  }
}
