import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';
import { dateSchema, phoneSchema } from './people.js';
import { exportOptionsShape } from './imports.js';
import {
  AGENDA_KINDS,
  AGENDA_LIMITS,
  CONSULTATION_STEPS,
  DECISION_SOURCES,
  MEETING_FORMS,
  MEETING_GROUPS,
  MEETING_LIMITS,
  MEETING_STATUSES,
  ATTENDANCE_SOURCES,
  OFFICE_LIMITS,
  OPTION_ATTACHMENT_TYPES,
  TOPIC_EVENT_KINDS,
  TOPIC_LIMITS,
  TOPIC_SOURCES,
  TOPIC_STATUSES,
  type OptionAttachmentType,
} from './consultation-kinds.js';

import { TICKET_PRIORITIES } from './ticket-kinds.js';

export * from './consultation-kinds.js';

/**
 * Consultation (商量): the agenda scope (/api/consultations/agenda-categories), consultation
 * offices (/api/consultations/offices) and topics with the five steps (/api/consultations/topics).
 */

export const agendaKindSchema = z.enum(AGENDA_KINDS);
export const topicSourceSchema = z.enum(TOPIC_SOURCES);
export const topicStatusSchema = z.enum(TOPIC_STATUSES);
export const consultationStepSchema = z.enum(CONSULTATION_STEPS);
export const decisionSourceSchema = z.enum(DECISION_SOURCES);
export const topicEventKindSchema = z.enum(TOPIC_EVENT_KINDS);

const searchQ = z.string().trim().max(LIMITS.searchMax).optional();
const booleanQuery = z.enum(['true', 'false']).optional();
const timestamps = { createdAt: z.string(), updatedAt: z.string() };
const atLeastOne = [(v: object) => Object.keys(v).length > 0, { message: '至少需要修改一项' }] as const;

// ── Agenda scope (七议五不议) ────────────────────────────────────────────────

export const agendaCategorySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: agendaKindSchema,
  description: z.string().nullable(),
  examples: z.array(z.string()),
  /** Added from common practice when the platform was set up: the county should review it. */
  isDefaultAddition: z.boolean(),
  sort: z.number().int(),
  active: z.boolean(),
  ...timestamps,
});
export type AgendaCategoryDto = z.infer<typeof agendaCategorySchema>;

const kindCounts = z.object({ allowed: z.number().int(), excluded: z.number().int() });
export const agendaCategoryListSchema = z.object({
  data: z.array(agendaCategorySchema),
  /** Active categories of each kind, and what the rule (七议五不议) expects: 7 and 5. */
  activeCounts: kindCounts,
  expectedCounts: kindCounts,
});
export type AgendaCategoryList = z.infer<typeof agendaCategoryListSchema>;

const agendaExamples = z
  .array(text(AGENDA_LIMITS.exampleMax))
  .max(AGENDA_LIMITS.examplesMax, { message: `示例最多 ${AGENDA_LIMITS.examplesMax} 条` });
const agendaSort = z.number().int({ message: '排序须为整数' }).min(0).max(AGENDA_LIMITS.sortMax);

export const agendaCategoryCreateSchema = z
  .object({
    code: z.string().trim().regex(AGENDA_LIMITS.codePattern, { message: '编码只能用小写英文字母、数字和下划线，以字母开头，2–40 个字符' }),
    name: text(AGENDA_LIMITS.nameMax),
    kind: agendaKindSchema,
    description: text(AGENDA_LIMITS.descriptionMax).optional(),
    examples: agendaExamples.default([]),
    sort: agendaSort.default(100),
  })
  .strict();
export type AgendaCategoryCreate = z.infer<typeof agendaCategoryCreateSchema>;

/** The code stays; deactivating is `active: false` (topics already screened keep their category). */
export const agendaCategoryUpdateSchema = z
  .object({
    name: text(AGENDA_LIMITS.nameMax).optional(),
    kind: agendaKindSchema.optional(),
    description: text(AGENDA_LIMITS.descriptionMax).nullable().optional(),
    examples: agendaExamples.optional(),
    sort: agendaSort.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine(...atLeastOne);
export type AgendaCategoryUpdate = z.infer<typeof agendaCategoryUpdateSchema>;

// ── Consultation offices (商量办公室) ────────────────────────────────────────

export const consultationOfficeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  /** Where it sits, e.g. a red station or the party service centre (free text until red stations exist). */
  venue: z.string().nullable(),
  address: z.string().nullable(),
  openingHours: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Masked. */
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  ...timestamps,
});
export type ConsultationOfficeDto = z.infer<typeof consultationOfficeSchema>;
export const consultationOfficeListSchema = listResponse(consultationOfficeSchema);

export const consultationOfficeListQuerySchema = paginationQuerySchema
  .extend({ q: searchQ, nodeId: idSchema.optional(), active: booleanQuery })
  .strict();
export type ConsultationOfficeListQuery = z.infer<typeof consultationOfficeListQuerySchema>;

/** The office list's filters; the contact phone is not a registered person's, so it stays masked (no plain option). */
export const consultationOfficeExportQuerySchema = consultationOfficeListQuerySchema
  .omit({ page: true, pageSize: true })
  .extend(exportOptionsShape)
  .strict()
  .superRefine((v, ctx) => {
    if (v.unmask) ctx.addIssue({ code: 'custom', path: ['unmask'], message: '商量办公室导出不提供明文：联系电话始终脱敏' });
  });
export type ConsultationOfficeExportQuery = z.infer<typeof consultationOfficeExportQuerySchema>;

export const consultationOfficeCreateSchema = z
  .object({
    name: text(OFFICE_LIMITS.nameMax),
    nodeId: idSchema,
    venue: text(OFFICE_LIMITS.venueMax).optional(),
    address: text(OFFICE_LIMITS.addressMax).optional(),
    openingHours: text(OFFICE_LIMITS.hoursMax).optional(),
    contactName: text(OFFICE_LIMITS.contactNameMax).optional(),
    contactPhone: phoneSchema.optional(),
    active: z.boolean().default(true),
  })
  .strict();
export type ConsultationOfficeCreate = z.infer<typeof consultationOfficeCreateSchema>;

export const consultationOfficeUpdateSchema = z
  .object({
    name: text(OFFICE_LIMITS.nameMax).optional(),
    nodeId: idSchema.optional(),
    venue: text(OFFICE_LIMITS.venueMax).nullable().optional(),
    address: text(OFFICE_LIMITS.addressMax).nullable().optional(),
    openingHours: text(OFFICE_LIMITS.hoursMax).nullable().optional(),
    contactName: text(OFFICE_LIMITS.contactNameMax).nullable().optional(),
    contactPhone: phoneSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine(...atLeastOne);
export type ConsultationOfficeUpdate = z.infer<typeof consultationOfficeUpdateSchema>;

// ── Topics (议题) and the five steps ─────────────────────────────────────────

const categoryRef = z.object({ id: z.number().int(), name: z.string(), kind: agendaKindSchema });

export const topicSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  communityId: z.number().int(),
  communityName: z.string(),
  source: topicSourceSchema,
  ticketId: z.number().int().nullable(),
  ticketCode: z.string().nullable(),
  raisedByName: z.string().nullable(),
  /** Masked. */
  raisedByPhone: z.string().nullable(),
  status: topicStatusSchema,
  /** The current step while active. */
  step: consultationStepSchema.nullable(),
  category: categoryRef.nullable(),
  /** Why screening rejected it: the submitter sees this. */
  rejectionReason: z.string().nullable(),
  screenedAt: z.string().nullable(),
  decision: z.string().nullable(),
  decisionOptionId: z.number().int().nullable(),
  decisionSource: decisionSourceSchema.nullable(),
  decidedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  reviewDate: z.string().nullable(),
  evaluatedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  ...timestamps,
});
export type TopicDto = z.infer<typeof topicSchema>;
export const topicListSchema = listResponse(topicSchema);

export const topicStepSchema = z.object({
  id: z.number().int(),
  step: consultationStepSchema,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  responsibleName: z.string().nullable(),
  responsibleUserId: z.number().int().nullable(),
  record: z.string().nullable(),
});
export type TopicStepDto = z.infer<typeof topicStepSchema>;

/** A file attached to a plan option; downloaded from optionAttachmentPath(id). */
export const topicOptionAttachmentSchema = z.object({
  id: z.number().int(),
  /** The uploader's file name, cleaned (shown and offered as the download's name). */
  name: z.string(),
  contentType: z.enum(Object.keys(OPTION_ATTACHMENT_TYPES) as [OptionAttachmentType, ...OptionAttachmentType[]]),
  bytes: z.number().int(),
  createdAt: z.string(),
});
export type TopicOptionAttachmentDto = z.infer<typeof topicOptionAttachmentSchema>;

export const topicOptionSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  /** Estimated cost in yuan. */
  cost: z.number().nullable(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  createdAt: z.string(),
  attachments: z.array(topicOptionAttachmentSchema),
});
export type TopicOptionDto = z.infer<typeof topicOptionSchema>;

export const topicTaskSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  ownerName: z.string(),
  deadline: z.string().nullable(),
  progress: z.number().int(),
  /** The ticket carrying the task out, when it was handed to the ticket module. */
  ticket: z.object({ id: z.number().int(), code: z.string(), status: z.string() }).nullable(),
  ...timestamps,
});
export type TopicTaskDto = z.infer<typeof topicTaskSchema>;

export const topicEventSchema = z.object({
  id: z.number().int(),
  kind: topicEventKindSchema,
  step: consultationStepSchema.nullable(),
  fromStatus: topicStatusSchema.nullable(),
  toStatus: topicStatusSchema,
  actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type TopicEventDto = z.infer<typeof topicEventSchema>;

export const similarTopicSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  status: topicStatusSchema,
  step: consultationStepSchema.nullable(),
  nodeName: z.string(),
  /** Two-character pieces the titles share. */
  shared: z.number().int(),
  createdAt: z.string(),
});
export type SimilarTopicDto = z.infer<typeof similarTopicSchema>;
export const similarTopicListSchema = z.object({ data: z.array(similarTopicSchema) });

export const topicDetailSchema = topicSchema.extend({
  steps: z.array(topicStepSchema),
  options: z.array(topicOptionSchema),
  tasks: z.array(topicTaskSchema),
  events: z.array(topicEventSchema),
  /** Open topics of the same community with a similar title (filled while this one is open). */
  similar: z.array(similarTopicSchema),
});
export type TopicDetailDto = z.infer<typeof topicDetailSchema>;

export const topicListQuerySchema = paginationQuerySchema
  .extend({
    status: topicStatusSchema.optional(),
    step: consultationStepSchema.optional(),
    categoryId: idSchema.optional(),
    nodeId: idSchema.optional(),
    source: topicSourceSchema.optional(),
    q: searchQ,
  })
  .strict();
export type TopicListQuery = z.infer<typeof topicListQuerySchema>;

export const similarTopicQuerySchema = z
  .object({
    nodeId: idSchema,
    title: text(TOPIC_LIMITS.titleMax),
    /** Leave this topic out (when checking a topic already filed). */
    excludeId: idSchema.optional(),
  })
  .strict();
export type SimilarTopicQuery = z.infer<typeof similarTopicQuerySchema>;

export const topicCreateSchema = z
  .object({
    title: text(TOPIC_LIMITS.titleMax),
    description: text(TOPIC_LIMITS.descriptionMax),
    nodeId: idSchema,
    source: topicSourceSchema,
    ticketId: idSchema.optional(),
    raisedByName: text(TOPIC_LIMITS.nameMax).optional(),
    raisedByPhone: phoneSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.source === 'ticket' && v.ticketId === undefined) ctx.addIssue({ code: 'custom', path: ['ticketId'], message: '来源为“工单转入”时须指明工单' });
  });
export type TopicCreate = z.infer<typeof topicCreateSchema>;

/** The responsible person of the step that opens: a name, or a user of the platform (their name is taken). */
const responsible = {
  responsibleName: text(TOPIC_LIMITS.nameMax).optional(),
  responsibleUserId: idSchema.optional(),
};

export const topicScreenSchema = z
  .object({
    categoryId: idSchema,
    /** Required when the category is excluded: the submitter sees it. */
    reason: text(TOPIC_LIMITS.reasonMax).optional(),
    ...responsible,
  })
  .strict();
export type TopicScreen = z.infer<typeof topicScreenSchema>;

export const topicAdvanceSchema = z
  .object({
    /** The record of the step being left (kept if already written and not given). */
    record: text(TOPIC_LIMITS.recordMax).optional(),
    ...responsible,
    /** Leaving 评效果: the outcome, published, and an optional date to review the effect. */
    outcome: text(TOPIC_LIMITS.outcomeMax).optional(),
    reviewDate: dateSchema.optional(),
  })
  .strict();
export type TopicAdvance = z.infer<typeof topicAdvanceSchema>;
/** The route's body: may be left out when there is nothing to add (the record already written). */
export const topicAdvanceBodySchema = topicAdvanceSchema.nullish();

export const topicRecordSchema = z.object({ record: text(TOPIC_LIMITS.recordMax) }).strict();
export type TopicRecord = z.infer<typeof topicRecordSchema>;

export const topicOptionCreateSchema = z
  .object({
    title: text(TOPIC_LIMITS.optionTitleMax),
    description: text(TOPIC_LIMITS.optionDescriptionMax).optional(),
    cost: z.number().min(0, { message: '费用不能为负数' }).max(TOPIC_LIMITS.costMax, { message: '费用超出上限' }).multipleOf(0.01, { message: '费用最多两位小数' }).optional(),
  })
  .strict();
export type TopicOptionCreate = z.infer<typeof topicOptionCreateSchema>;

export const topicDecisionSchema = z.object({ decision: text(TOPIC_LIMITS.decisionMax), optionId: idSchema }).strict();
export type TopicDecision = z.infer<typeof topicDecisionSchema>;

const progress = z.number().int({ message: '进度须为整数' }).min(0, { message: '进度在 0–100 之间' }).max(100, { message: '进度在 0–100 之间' });
export const topicTaskCreateSchema = z
  .object({ title: text(TOPIC_LIMITS.taskTitleMax), ownerName: text(TOPIC_LIMITS.nameMax), deadline: dateSchema.optional(), progress: progress.default(0) })
  .strict();
export type TopicTaskCreate = z.infer<typeof topicTaskCreateSchema>;
export const topicTaskUpdateSchema = z
  .object({
    title: text(TOPIC_LIMITS.taskTitleMax).optional(),
    ownerName: text(TOPIC_LIMITS.nameMax).optional(),
    deadline: dateSchema.nullable().optional(),
    progress: progress.optional(),
  })
  .strict()
  .refine(...atLeastOne);
export type TopicTaskUpdate = z.infer<typeof topicTaskUpdateSchema>;
/** Handing a task to the ticket module: the ticket's category, optionally its own description and priority. */
export const topicTaskTicketSchema = z
  .object({ categoryId: idSchema, description: text(TOPIC_LIMITS.descriptionMax).optional(), priority: z.enum(TICKET_PRIORITIES).default('normal') })
  .strict();
export type TopicTaskTicket = z.infer<typeof topicTaskTicketSchema>;
export const topicTaskParamsSchema = z.object({ id: idSchema, taskId: idSchema }).strict();
export const topicOptionAttachmentParamsSchema = z.object({ id: idSchema, optionId: idSchema, attachmentId: idSchema }).strict();

export const topicCloseSchema = z.object({ reason: text(TOPIC_LIMITS.reasonMax) }).strict();
export type TopicClose = z.infer<typeof topicCloseSchema>;

// ── Consultation meetings (商量会议) ─────────────────────────────────────────

export const meetingFormSchema = z.enum(MEETING_FORMS);
export const meetingGroupSchema = z.enum(MEETING_GROUPS);
export const meetingStatusSchema = z.enum(MEETING_STATUSES);
export const attendanceSourceSchema = z.enum(ATTENDANCE_SOURCES);
export const instant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601 并带时区，如 2026-12-01T14:30:00+08:00' });

export const meetingAttendeeSchema = z.object({
  id: z.number().int(),
  /** A resident who signed in by QR code has no name on record: null. */
  name: z.string().nullable(),
  group: meetingGroupSchema.nullable(),
  /** Masked. */
  phone: z.string().nullable(),
  source: attendanceSourceSchema,
  residentId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type MeetingAttendeeDto = z.infer<typeof meetingAttendeeSchema>;

export const meetingSchema = z.object({
  id: z.number().int(),
  topicId: z.number().int(),
  topicTitle: z.string(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  communityName: z.string(),
  office: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  form: meetingFormSchema,
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string(),
  invitedGroups: z.array(meetingGroupSchema),
  status: meetingStatusSchema,
  minutes: z.string().nullable(),
  decision: z.string().nullable(),
  decisionOptionId: z.number().int().nullable(),
  heldAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  attendanceCount: z.number().int(),
  ...timestamps,
});
export type MeetingDto = z.infer<typeof meetingSchema>;
export const meetingListSchema = listResponse(meetingSchema);

export const meetingDetailSchema = meetingSchema.extend({
  attendees: z.array(meetingAttendeeSchema),
  /** The sign-in token (for the QR code) and the phone page's path it opens. */
  signInToken: z.string(),
  signInPath: z.string(),
});
export type MeetingDetailDto = z.infer<typeof meetingDetailSchema>;

export const meetingListQuerySchema = paginationQuerySchema
  .extend({ topicId: idSchema.optional(), status: meetingStatusSchema.optional(), form: meetingFormSchema.optional(), nodeId: idSchema.optional() })
  .strict();
export type MeetingListQuery = z.infer<typeof meetingListQuerySchema>;

export const meetingCreateSchema = z
  .object({
    topicId: idSchema,
    officeId: idSchema.optional(),
    form: meetingFormSchema,
    startsAt: instant,
    endsAt: instant.optional(),
    place: text(MEETING_LIMITS.placeMax),
    invitedGroups: z.array(meetingGroupSchema).max(MEETING_GROUPS.length).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endsAt !== undefined && Date.parse(v.endsAt) <= Date.parse(v.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间须晚于开始时间' });
    if (new Set(v.invitedGroups).size !== v.invitedGroups.length) ctx.addIssue({ code: 'custom', path: ['invitedGroups'], message: '邀请对象不能重复' });
  });
export type MeetingCreate = z.infer<typeof meetingCreateSchema>;

/** Holding a meeting: the minutes (the discussion) and the decision, optionally the option chosen. */
export const meetingHoldSchema = z
  .object({ minutes: text(MEETING_LIMITS.minutesMax), decision: text(MEETING_LIMITS.decisionMax), optionId: idSchema.optional() })
  .strict();
export type MeetingHold = z.infer<typeof meetingHoldSchema>;

export const meetingCancelSchema = z.object({ reason: text(MEETING_LIMITS.reasonMax) }).strict();
export type MeetingCancel = z.infer<typeof meetingCancelSchema>;

export const meetingAttendeeCreateSchema = z
  .object({ name: text(MEETING_LIMITS.nameMax), group: meetingGroupSchema, phone: phoneSchema.optional() })
  .strict();
export type MeetingAttendeeCreate = z.infer<typeof meetingAttendeeCreateSchema>;

/** A meeting's sign-in token: 128 random bits, base64url (22 characters). */
export const meetingTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{22}$/, { message: '签到码不正确' }) }).strict();

/** What anyone holding the QR code sees: no personal data. */
export const publicMeetingSchema = z.object({
  topicTitle: z.string(),
  communityName: z.string(),
  form: meetingFormSchema,
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string(),
  status: meetingStatusSchema,
  /** Whether a verified resident may sign in now. */
  signInOpen: z.boolean(),
});
export type PublicMeetingDto = z.infer<typeof publicMeetingSchema>;

export const meetingAttendanceSchema = z.object({
  attendanceId: z.number().int(),
  signedInAt: z.string(),
  /** False when this resident had already signed in (the same attendance is answered). */
  created: z.boolean(),
});
export type MeetingAttendanceDto = z.infer<typeof meetingAttendanceSchema>;

export const consultationStatsQuerySchema = z.object({ nodeId: idSchema.optional() }).strict();
export type ConsultationStatsQuery = z.infer<typeof consultationStatsQuerySchema>;

/**
 * Held meetings only (planned and cancelled ones are not counted) and their attendances; topics by
 * status (the outcomes: evaluated, rejected, closed, still active or in screening), step and category;
 * how long topics take from raised to evaluated; residents' satisfaction (评效果 ratings).
 */
export const consultationStatsSchema = z.object({
  meetings: z.number().int(),
  attendances: z.number().int(),
  byForm: z.object({ onsite: z.number().int(), roundtable: z.number().int(), online: z.number().int() }),
  topicsByStatus: z.record(topicStatusSchema, z.number().int()),
  topicsByStep: z.record(consultationStepSchema, z.number().int()),
  /** Categories with at least one topic (screened ones; allowed first, in the agenda's order). */
  topicsByCategory: z.array(z.object({ categoryId: z.number().int(), name: z.string(), kind: agendaKindSchema, count: z.number().int() })),
  /** Mean days from raised to evaluated, one decimal; null when no topic has been evaluated. */
  averageDaysToEvaluation: z.number().nullable(),
  /** Residents' ratings of the topics: mean score (one decimal, null when none) and how many. */
  satisfaction: z.object({ average: z.number().nullable(), count: z.number().int() }),
  /** The last 12 months (China time, oldest first, the current one last): held meetings and their attendances. */
  meetingsByMonth: z.array(z.object({ month: z.string(), meetings: z.number().int(), attendances: z.number().int() })),
});
export type ConsultationStatsDto = z.infer<typeof consultationStatsSchema>;
