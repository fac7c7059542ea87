import { CONSULTATION_STEPS, chinaToday, type CockpitFiguresDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { headlineTotals } from '../stats/stats.repo.js';
import { rateCounts } from '../tickets/tickets-rates.repo.js';
import { heldMeetingCounts, topicCounts } from '../consultations/consultation-stats.repo.js';
import { lastMonths } from '../consultations/consultation-stats.service.js';
import * as repo from './cockpit.repo.js';

/** Midnight at the start of a China date (UTC+8 all year), as an ISO instant. */
const chinaMidnight = (day: string) => `${day}T00:00:00+08:00`;
function addMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
/** 0/0 is "nothing to measure": null, as in the ticket-rates module. */
const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });

export interface FigureNode {
  id: number;
  path: string;
  depth: number;
}

/**
 * Every cockpit figure for the subtree of `node`, as of `now` (China months and years).
 * Ticket rates are the ticket-rates module's own counts (`rateCounts`) over the tickets reported
 * in the trend's twelve months; consultation counts are the consultation statistics' queries.
 */
export async function computeFigures(q: Queryable, node: FigureNode, now = new Date()): Promise<CockpitFiguresDto> {
  const pattern = `${node.path}%`;
  const today = chinaToday(now.getTime());
  const months = lastMonths(12, today);
  const month = months[11]!;
  const ratesFrom = `${months[0]!}-01`;
  const year = Number(today.slice(0, 4));

  const [headline, kinds, branches, registry, tickets, trend, rates, byChildTickets, grades, byChildGrades, kids] = await Promise.all([
    headlineTotals(q, [pattern]),
    repo.countNodesByKind(q, pattern),
    repo.countBranches(q, pattern),
    repo.registryCounts(q, pattern),
    repo.ticketCounts(q, pattern, chinaMidnight(`${month}-01`)),
    repo.ticketTrend(q, pattern, chinaMidnight(ratesFrom)),
    rateCounts(q, 'category', { scopePatterns: [pattern], userId: 0, reportedFrom: new Date(chinaMidnight(ratesFrom)), now }),
    repo.ticketsByChild(q, pattern, node.depth, chinaMidnight(ratesFrom)),
    repo.gradeCounts(q, pattern, null),
    repo.gradeCounts(q, pattern, node.depth),
    repo.childrenOf(q, node.id),
  ]);
  const [held, topics, volunteering, contest, funding, stations, innovation] = await Promise.all([
    heldMeetingCounts(q, [pattern], undefined),
    topicCounts(q, [pattern], undefined),
    repo.volunteering(q, pattern, chinaMidnight(`${year}-01-01`), chinaMidnight(`${year + 1}-01-01`)),
    repo.latestClosedContest(q),
    repo.fundingByKind(q, pattern, year),
    repo.stationVisits(q, pattern, `${month}-01`, `${addMonth(month)}-01`),
    repo.latestInnovation(q, pattern, 5),
  ]);
  const medals = contest ? await repo.medalsByCommunity(q, pattern, contest.id) : [];

  const count = (kind: string) => kinds.filter((k) => k.kind === kind).reduce((s, k) => s + k.n, 0);
  const compoundKind = (ck: string) => kinds.find((k) => k.kind === 'compound' && k.compound_kind === ck)?.n ?? 0;
  const overall = rates.find((r) => r.overall)!;
  const trendRows = new Map(trend.map((r) => [r.month, r]));
  const topicsByStep = Object.fromEntries(CONSULTATION_STEPS.map((s) => [s, 0])) as CockpitFiguresDto['consultations']['topicsByStep'];
  for (const r of topics) if (r.step) topicsByStep[r.step] += r.n;
  const total = grades[0] ?? { red: 0, green: 0, yellow: 0, grey: 0, unrated: 0 };
  const gradeOf = (g: Omit<repo.GradeRow, 'child' | 'compounds'>) => ({ red: g.red, green: g.green, yellow: g.yellow, grey: g.grey, unrated: g.unrated });
  const childTickets = new Map(byChildTickets.map((r) => [r.child, r]));
  const childGrades = new Map(byChildGrades.map((r) => [r.child, r]));
  const budgetFen = funding.reduce((s, f) => s + Number(f.budget_fen), 0);
  const approvedFen = funding.reduce((s, f) => s + Number(f.approved_fen), 0);
  const sumMedal = (m: 'gold' | 'silver' | 'bronze') => medals.reduce((s, c) => s + c[m], 0);

  return {
    counts: {
      subdistricts: count('subdistrict'),
      communities: count('community'),
      compounds: count('compound'),
      buildings: count('building'),
      stairwells: count('stairwell'),
      branches: branches.total,
      jointBranches: branches.joint,
      partyMembers: headline.partyMembers,
      dualRegisteredMembers: headline.dualRegisteredMembers,
      stewards: headline.stewards,
      redShops: headline.redShops,
      gigWorkers: headline.gigWorkers,
      commissioners: headline.commissioners,
      people: registry.people,
      stations: registry.stations,
      serviceRooms: registry.service_rooms,
    },
    compoundsByKind: { commercial: compoundKind('commercial'), work_unit: compoundKind('work_unit'), three_no: compoundKind('three_no') },
    tickets: {
      open: tickets.open,
      overdue: tickets.overdue,
      receivedThisMonth: tickets.received,
      closedThisMonth: tickets.closed,
      ratesFrom,
      response: ratio(overall.accepted_in_time, overall.due_for_acceptance),
      resolution: ratio(overall.closed_resolved, overall.closed),
      satisfaction: ratio(overall.satisfied_or_basically, overall.rated),
      trend: months.map((m) => ({ month: m, received: trendRows.get(m)?.received ?? 0, closed: trendRows.get(m)?.closed ?? 0 })),
    },
    consultations: {
      meetings: held.reduce((s, r) => s + r.meetings, 0),
      attendances: held.reduce((s, r) => s + r.attendances, 0),
      topicsByStep,
    },
    volunteering: {
      year,
      hours: Math.round(Number(volunteering.hours) * 10) / 10,
      activeVolunteers: volunteering.volunteers,
      pointsIssued: volunteering.issued,
      pointsRedeemed: volunteering.redeemed,
    },
    grades: gradeOf(total),
    contest: contest ? { ...contest, gold: sumMedal('gold'), silver: sumMedal('silver'), bronze: sumMedal('bronze'), byCommunity: medals } : null,
    funding: {
      year,
      budgetFen,
      approvedFen,
      used: budgetFen === 0 ? null : approvedFen / budgetFen,
      byKind: funding.map((f) => ({ kind: f.kind, budgetFen: Number(f.budget_fen), approvedFen: Number(f.approved_fen) })),
    },
    stations: { visitorsThisMonth: stations.total, points: stations.points },
    innovation: innovation.map((c) => ({ id: c.id, title: c.title, unitName: c.unit_name, publishedAt: new Date(c.published_at).toISOString() })),
    children: kids.map((k) => {
      const tk = childTickets.get(k.id);
      const g = childGrades.get(k.id);
      return {
        ...k,
        openTickets: tk?.open ?? 0,
        overdueTickets: tk?.overdue ?? 0,
        satisfaction: ratio(tk?.satisfied ?? 0, tk?.rated ?? 0),
        compounds: g?.compounds ?? 0,
        grades: g ? gradeOf(g) : { red: 0, green: 0, yellow: 0, grey: 0, unrated: 0 },
      };
    }),
  };
}
