import type { TicketRateFiguresDto, TicketRatesDto, TicketRatesQuery } from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { addDays } from './working-days.js';
import * as repo from './tickets-rates.repo.js';

/** Midnight at the start of a China date (UTC+8 all year). */
const startOfChinaDay = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

/** 0/0 is "nothing to measure": null, never NaN. */
const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });

const hours = (h: number | null, count: number) => ({ hours: h === null ? null : Math.round(h * 100) / 100, count });

/**
 * The rates of one group from its counts. The definitions (what each numerator and
 * denominator counts) are written in contracts/src/ticket-rates.ts and docs/ticket-rates.md;
 * the counts themselves come from `rateCounts`.
 */
function figures(r: repo.RateCountsRow): TicketRateFiguresDto {
  return {
    counts: { reported: r.reported, accepted: r.accepted, handled: r.handled, closed: r.closed, confirmed: r.confirmed },
    response: ratio(r.accepted_in_time, r.due_for_acceptance),
    onTime: ratio(r.handled_on_time, r.due_for_handling),
    resolution: ratio(r.closed_resolved, r.closed),
    satisfaction: ratio(r.satisfied_or_basically, r.rated),
    strictSatisfaction: ratio(r.satisfied, r.rated),
    hoursToAccept: hours(r.hours_to_accept, r.accepted),
    hoursToClose: hours(r.hours_to_close, r.closed),
  };
}

export class TicketRatesService {
  constructor(private readonly db: Db) {}

  /**
   * Rates over the tickets reported in the period (China dates, both ends included) that the
   * caller may list, within `nodeId`'s subtree when given (out of scope: 404), per group and overall.
   */
  async rates(auth: AuthContext, query: TicketRatesQuery): Promise<TicketRatesDto> {
    const scope = scopeFor(auth, 'tickets.read');
    const node = query.nodeId === undefined ? undefined : await nodeInScope(this.db, query.nodeId, scope);
    const now = new Date();
    const rows = await repo.rateCounts(this.db, query.groupBy, {
      scopePatterns: scopePatterns(scope),
      userId: auth.user.id,
      subtreePath: node?.path,
      reportedFrom: query.from === undefined ? undefined : startOfChinaDay(query.from),
      reportedBefore: query.to === undefined ? undefined : startOfChinaDay(addDays(query.to, 1)),
      now,
    });
    // The empty grouping set yields its row even over no tickets at all.
    const overall = rows.find((r) => r.overall)!;
    return {
      groupBy: query.groupBy,
      from: query.from ?? null,
      to: query.to ?? null,
      node: node ? { id: node.id, name: node.name, kind: node.kind } : null,
      overall: figures(overall),
      groups: rows.filter((r) => !r.overall).map((r) => ({ key: r.key!, label: r.label, ...figures(r) })),
      computedAt: now.toISOString(),
    };
  }
}
