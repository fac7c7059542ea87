import { z } from 'zod';
import { idSchema } from './common.js';
import { CONSULTATION_STEPS } from './consultation-kinds.js';

export const cockpitQuerySchema = z.object({ nodeId: idSchema.optional() }).strict();

const int = z.number().int();
const nodeRef = z.object({ id: int, name: z.string(), kind: z.string() });

/** A rate as the ticket-rates module defines it: numerator ÷ denominator, null when nothing was due. */
const rate = z.object({ numerator: int, denominator: int, rate: z.number().nullable() });

/** Compounds by the grade of their latest published property rating (default scheme's codes). */
export const COCKPIT_GRADES = ['red', 'green', 'yellow', 'grey'] as const;
const gradeCounts = z.object({ red: int, green: int, yellow: int, grey: int, unrated: int });

const medals = { gold: int, silver: int, bronze: int };

/** What the cockpit shows for one node's subtree; precomputed per node (cockpit_snapshots). */
export const cockpitFiguresSchema = z.object({
  counts: z.object({
    subdistricts: int,
    communities: int,
    compounds: int,
    buildings: int,
    stairwells: int,
    branches: int,
    jointBranches: int,
    partyMembers: int,
    dualRegisteredMembers: int,
    stewards: int,
    redShops: int,
    gigWorkers: int,
    commissioners: int,
    people: int,
    stations: int,
    serviceRooms: int,
  }),
  compoundsByKind: z.object({ commercial: int, work_unit: int, three_no: int }),
  tickets: z.object({
    open: int,
    overdue: int,
    receivedThisMonth: int,
    closedThisMonth: int,
    /** The rates cover tickets reported from this China date on (the trend's first month). */
    ratesFrom: z.string(),
    response: rate,
    resolution: rate,
    satisfaction: rate,
    /** The last 12 China months, oldest first: reported in the month vs closed in the month. */
    trend: z.array(z.object({ month: z.string(), received: int, closed: int })),
  }),
  consultations: z.object({
    meetings: int,
    attendances: int,
    topicsByStep: z.object(Object.fromEntries(CONSULTATION_STEPS.map((s) => [s, int])) as Record<(typeof CONSULTATION_STEPS)[number], typeof int>),
  }),
  volunteering: z.object({ year: int, hours: z.number(), activeVolunteers: int, pointsIssued: int, pointsRedeemed: int }),
  grades: gradeCounts,
  contest: z
    .object({
      id: int,
      month: z.string(),
      title: z.string(),
      ...medals,
      byCommunity: z.array(z.object({ id: int, name: z.string(), ...medals })),
    })
    .nullable(),
  funding: z.object({
    year: int,
    budgetFen: z.number(),
    approvedFen: z.number(),
    /** approved ÷ budget, null without a budget. */
    used: z.number().nullable(),
    byKind: z.array(z.object({ kind: z.string(), budgetFen: z.number(), approvedFen: z.number() })),
  }),
  stations: z.object({
    visitorsThisMonth: int,
    /** Active stations with coordinates, for the map view. */
    points: z.array(z.object({ id: int, name: z.string(), lat: z.number(), lng: z.number(), visitors: int })),
  }),
  innovation: z.array(z.object({ id: int, title: z.string(), unitName: z.string(), publishedAt: z.string() })),
  /** The node's children (subdistricts, communities or compounds) with a few figures each, for drill-down. */
  children: z.array(
    nodeRef.extend({ openTickets: int, overdueTickets: int, satisfaction: rate, compounds: int, grades: gradeCounts }),
  ),
});
export type CockpitFiguresDto = z.infer<typeof cockpitFiguresSchema>;

export const cockpitSummarySchema = cockpitFiguresSchema.extend({
  node: nodeRef,
  /** The caller's scope roots (one per grant), to start the breadcrumb from. */
  roots: z.array(nodeRef),
  /** From the caller's scope root down to the node. */
  breadcrumb: z.array(nodeRef),
  /** MAP_TILE_URL ({z}/{x}/{y} template) when configured: the screen shows a map; else the tree. */
  mapTileUrl: z.string().nullable(),
  computedAt: z.string(),
});
export type CockpitSummaryDto = z.infer<typeof cockpitSummarySchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
