/**
 * Names and labels of closed-loop tickets (首问负责制 / 办结确认评价权). Zod-free so that
 * browser code can import them.
 */

import type { Permission } from './permissions.js';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const TICKET_SOURCES = ['community_report', 'resident_report', 'hotline', 'reception_day', 'open311', 'consultation', 'inspection'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];
export const TICKET_SOURCE_LABELS: Labels<TicketSource> = {
  community_report: { zh: '社区上报', en: 'Community report' },
  resident_report: { zh: '居民反映', en: 'Resident report' },
  hotline: { zh: '12345热线', en: '12345 hotline' },
  reception_day: { zh: '书记接待日', en: 'Reception day' },
  open311: { zh: 'Open311', en: 'Open311' },
  consultation: { zh: '商量办理', en: 'Consultation task' },
  inspection: { zh: '管家巡查', en: 'Steward inspection' },
};
/** Sources a signed-in user may enter by hand; the hotline and Open311 arrive through their own intakes. */
export const TICKET_MANUAL_SOURCES = ['community_report', 'resident_report', 'reception_day'] as const satisfies readonly TicketSource[];

export const TICKET_STATUSES = ['reported', 'assigned', 'accepted', 'in_progress', 'handled', 'confirmed', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_STATUS_LABELS: Labels<TicketStatus> = {
  reported: { zh: '已上报', en: 'Reported' },
  assigned: { zh: '已派单', en: 'Assigned' },
  accepted: { zh: '已接单', en: 'Accepted' },
  in_progress: { zh: '办理中', en: 'In progress' },
  handled: { zh: '已办结待确认', en: 'Handled' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  closed: { zh: '已关闭', en: 'Closed' },
};

export const TICKET_PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_PRIORITY_LABELS: Labels<TicketPriority> = {
  normal: { zh: '一般', en: 'Normal' },
  high: { zh: '较急', en: 'High' },
  urgent: { zh: '紧急', en: 'Urgent' },
};

export const TICKET_OUTCOMES = ['closed_resolved', 'closed_unresolved'] as const;
export type TicketOutcome = (typeof TICKET_OUTCOMES)[number];
export const TICKET_OUTCOME_LABELS: Labels<TicketOutcome> = {
  closed_resolved: { zh: '已解决', en: 'Resolved' },
  closed_unresolved: { zh: '未解决', en: 'Unresolved' },
};

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Labels<Satisfaction> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

export const DEADLINE_UNITS = ['hours', 'working_days'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];
export const DEADLINE_UNIT_LABELS: Labels<DeadlineUnit> = {
  hours: { zh: '小时', en: 'Hours' },
  working_days: { zh: '个工作日', en: 'Working days' },
};

/** The steps a ticket can take; which status each starts from is the server's state table. */
export const TICKET_ACTIONS = ['assign', 'accept', 'start', 'transfer', 'handle', 'confirm', 'close'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];
export const TICKET_ACTION_LABELS: Labels<TicketAction> = {
  assign: { zh: '派单', en: 'Assign' },
  accept: { zh: '接单', en: 'Accept' },
  start: { zh: '开始办理', en: 'Start' },
  transfer: { zh: '协调部门', en: 'Involve a department' },
  handle: { zh: '办结', en: 'Mark handled' },
  confirm: { zh: '确认评价', en: 'Confirm and rate' },
  close: { zh: '关闭', en: 'Close' },
};

export interface TicketTransitionRule {
  /** The statuses the step may start from. */
  from: readonly TicketStatus[];
  /** Where it may lead ('same': the status stays, the step only adds to the timeline). */
  to: readonly TicketStatus[] | 'same';
  /** The permission the route declares; who exactly may act is checked by the service. */
  permission: Permission;
}

/**
 * The one table of legal steps, used by the server (409 on anything else) and by the console
 * (which buttons to show): reported → assigned → accepted → in_progress → handled →
 * confirmed → closed. A manager may (re)assign any open ticket short of handled; the owner
 * involves departments while working on it; the community secretary's confirmation leads to
 * confirmed, back to in_progress (not resolved) or straight to closed (closed unresolved).
 */
export const TICKET_TRANSITIONS: Record<TicketAction, TicketTransitionRule> = {
  assign: { from: ['reported', 'assigned', 'accepted', 'in_progress'], to: ['assigned'], permission: 'tickets.manage' },
  accept: { from: ['assigned'], to: ['accepted'], permission: 'tickets.handle' },
  start: { from: ['accepted'], to: ['in_progress'], permission: 'tickets.handle' },
  transfer: { from: ['accepted', 'in_progress'], to: 'same', permission: 'tickets.handle' },
  handle: { from: ['in_progress'], to: ['handled'], permission: 'tickets.handle' },
  confirm: { from: ['handled'], to: ['confirmed', 'in_progress', 'closed'], permission: 'tickets.confirm' },
  close: { from: ['confirmed'], to: ['closed'], permission: 'tickets.confirm' },
};

export function canTransition(action: TicketAction, status: TicketStatus): boolean {
  return TICKET_TRANSITIONS[action].from.includes(status);
}

/** Orders of the ticket list: newest first, or the earliest deadline first. */
export const TICKET_SORTS = ['created', 'deadline'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

/** Timeline entries. */
export const TICKET_EVENT_KINDS = [
  'reported', 'assigned', 'accepted', 'started', 'transferred', 'handled', 'confirmed', 'reopened', 'closed',
  // 书记直通车 and the reception day's decision (migration 0009).
  'escalated', 'reception_decided',
  // A manager routes a triage ticket (12345 hotline or Open311, not routable on arrival) to a community (migration 0011).
  'routed',
] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];
export const TICKET_EVENT_KIND_LABELS: Labels<TicketEventKind> = {
  reported: { zh: '上报', en: 'Reported' },
  assigned: { zh: '派单', en: 'Assigned' },
  accepted: { zh: '接单', en: 'Accepted' },
  started: { zh: '开始办理', en: 'Started' },
  transferred: { zh: '协调部门', en: 'Department involved' },
  handled: { zh: '办结', en: 'Handled' },
  confirmed: { zh: '确认评价', en: 'Confirmed' },
  reopened: { zh: '未解决，重新办理', en: 'Reopened' },
  closed: { zh: '关闭', en: 'Closed' },
  escalated: { zh: '书记直通车', en: 'Escalated (secretary direct line)' },
  reception_decided: { zh: '接待日决定', en: 'Reception day decision' },
  routed: { zh: '分派到社区', en: 'Routed to a community' },
};

export const TICKET_LIMITS = {
  descriptionMax: 2000,
  addressMax: 200,
  reporterNameMax: 50,
  noteMax: 2000,
  departmentMax: 50,
} as const;

/** Photos: taken at report, or by the owner while handling. Their type is checked by content, not by name. */
export const TICKET_PHOTO_STAGES = ['report', 'handle'] as const;
export type TicketPhotoStage = (typeof TICKET_PHOTO_STAGES)[number];
export const TICKET_PHOTO_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type TicketPhotoType = keyof typeof TICKET_PHOTO_TYPES;
export const TICKET_PHOTO_LIMITS = {
  bytes: 5 * 1024 * 1024,
  /** Per ticket and stage: the resident's photos never use up the owner's. */
  perStage: 6,
} as const;

export const TICKET_CODE_PATTERN = /^XJ[0-9]{8}-[0-9]{4,6}$/;
/** A resident's tracking key travels in this header, never in a URL (which access logs keep). */
export const TRACKING_KEY_HEADER = 'x-tracking-key';
