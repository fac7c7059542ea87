/**
 * Names, labels and rules of consultation (商量): the agenda scope (七议五不议), topics and
 * the five-step method (协商议事五步工作法). Zod-free so that browser code can import them.
 */

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

// ── Agenda scope (七议五不议) ────────────────────────────────────────────────

/** `allowed`: may be consulted (议); `excluded`: may not (不议). */
export const AGENDA_KINDS = ['allowed', 'excluded'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export const AGENDA_KIND_LABELS: Labels<AgendaKind> = {
  allowed: { zh: '可议事项', en: 'May be consulted' },
  excluded: { zh: '不议事项', en: 'Not for consultation' },
};
/** How many active categories of each kind the county's rule (七议五不议) names. */
export const AGENDA_EXPECTED_COUNTS: Record<AgendaKind, number> = { allowed: 7, excluded: 5 };

export const AGENDA_LIMITS = {
  codePattern: /^[a-z][a-z0-9_]{1,39}$/,
  nameMax: 50,
  descriptionMax: 500,
  exampleMax: 100,
  examplesMax: 10,
  sortMax: 1000,
} as const;

// ── Topics (议题) ────────────────────────────────────────────────────────────

/** Where a topic comes from: a resident (phone page, later), a red steward, a compound branch, a ticket, the community. */
export const TOPIC_SOURCES = ['resident', 'steward', 'branch', 'ticket', 'community'] as const;
export type TopicSource = (typeof TOPIC_SOURCES)[number];
export const TOPIC_SOURCE_LABELS: Labels<TopicSource> = {
  resident: { zh: '居民提出', en: 'Resident' },
  steward: { zh: '红色管家', en: 'Red steward' },
  branch: { zh: '小区党支部', en: 'Compound branch' },
  ticket: { zh: '工单转入', en: 'From a ticket' },
  community: { zh: '社区提出', en: 'Community' },
};

/**
 * screening → rejected (excluded category, terminal) or active (allowed category; the five
 * steps) → evaluated (outcome published). `closed`: ended early with a reason (a duplicate,
 * withdrawn), terminal.
 */
export const TOPIC_STATUSES = ['screening', 'rejected', 'active', 'evaluated', 'closed'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
export const TOPIC_STATUS_LABELS: Labels<TopicStatus> = {
  screening: { zh: '待审查', en: 'Screening' },
  rejected: { zh: '不予议事', en: 'Rejected' },
  active: { zh: '议事中', en: 'In progress' },
  evaluated: { zh: '已办结', en: 'Evaluated' },
  closed: { zh: '已终止', en: 'Closed' },
};
/** Open topics: the ones a new similar topic may duplicate, and at most one per ticket. */
export const TOPIC_OPEN_STATUSES = ['screening', 'active'] as const satisfies readonly TopicStatus[];

/** 协商议事五步工作法, in order. */
export const CONSULTATION_STEPS = ['collect', 'propose', 'deliberate', 'implement', 'evaluate'] as const;
export type ConsultationStep = (typeof CONSULTATION_STEPS)[number];
export const CONSULTATION_STEP_LABELS: Labels<ConsultationStep> = {
  collect: { zh: '问诉求', en: 'Collect demands' },
  propose: { zh: '提方案', en: 'Propose' },
  deliberate: { zh: '议事项', en: 'Deliberate' },
  implement: { zh: '快办理', en: 'Carry out' },
  evaluate: { zh: '评效果', en: 'Evaluate' },
};

/** What must hold before a topic may leave a step. */
export const STEP_CONDITIONS = ['record', 'option', 'decision', 'tasksDoneOrRecord', 'outcome'] as const;
export type StepCondition = (typeof STEP_CONDITIONS)[number];

export interface StepExitRule {
  /** The step that opens next; null: leaving this step concludes the topic (status `evaluated`). */
  next: ConsultationStep | null;
  needs: readonly StepCondition[];
  /** The refusal (409 ILLEGAL_TRANSITION, details.unmet) when a condition does not hold. */
  message: string;
}

/**
 * The one table of step moves, used by the server (409 when a condition does not hold) and
 * by the console (what to do before the next step):
 * - collect → propose: the step's record (the demands collected) is written;
 * - propose → deliberate: at least one plan option;
 * - deliberate → implement: a decision (text and chosen option) — recorded by hand now, by a
 *   consultation meeting or an online vote later (`decisionSource`);
 * - implement → evaluate: every task at 100%, or a record of what was done;
 * - evaluate → (evaluated): the outcome, published with an optional review date.
 */
export const STEP_EXIT_RULES: Record<ConsultationStep, StepExitRule> = {
  collect: { next: 'propose', needs: ['record'], message: '请先填写“问诉求”的记录（收集到的居民诉求），再进入“提方案”' },
  propose: { next: 'deliberate', needs: ['option'], message: '至少要有一个方案，才能进入“议事项”' },
  deliberate: { next: 'implement', needs: ['decision'], message: '请先记录议事决定（决定内容和选定的方案），再进入“快办理”' },
  implement: { next: 'evaluate', needs: ['tasksDoneOrRecord'], message: '办理任务尚未全部完成（100%），也没有填写办理记录，不能进入“评效果”' },
  evaluate: { next: null, needs: ['outcome'], message: '请填写评效果的结论（办理结果），才能办结议题' },
};

/** Where a decision comes from: entered by hand; a consultation meeting's decision; an online vote (both next). */
export const DECISION_SOURCES = ['recorded', 'meeting', 'vote'] as const;
export type DecisionSource = (typeof DECISION_SOURCES)[number];

/** Timeline entries. */
export const TOPIC_EVENT_KINDS = [
  'raised', 'rejected', 'accepted', 'advanced', 'option_added', 'decided', 'task_added', 'task_updated', 'evaluated', 'closed',
  'meeting_planned', 'meeting_held', 'meeting_cancelled',
  'questionnaire_set', 'vote_opened', 'vote_closed', 'comment_hidden',
] as const;
export type TopicEventKind = (typeof TOPIC_EVENT_KINDS)[number];
export const TOPIC_EVENT_KIND_LABELS: Labels<TopicEventKind> = {
  raised: { zh: '提出议题', en: 'Raised' },
  rejected: { zh: '审查不予议事', en: 'Rejected by screening' },
  accepted: { zh: '审查通过', en: 'Accepted by screening' },
  advanced: { zh: '进入下一步', en: 'Next step' },
  option_added: { zh: '新增方案', en: 'Option added' },
  decided: { zh: '记录议事决定', en: 'Decision recorded' },
  task_added: { zh: '新增办理任务', en: 'Task added' },
  task_updated: { zh: '更新任务进度', en: 'Task updated' },
  evaluated: { zh: '评效果并办结', en: 'Evaluated' },
  closed: { zh: '终止议题', en: 'Closed' },
  meeting_planned: { zh: '安排商量会议', en: 'Meeting planned' },
  meeting_held: { zh: '召开商量会议', en: 'Meeting held' },
  meeting_cancelled: { zh: '取消商量会议', en: 'Meeting cancelled' },
  questionnaire_set: { zh: '发布问卷', en: 'Questionnaire published' },
  vote_opened: { zh: '发起线上投票', en: 'Online vote opened' },
  vote_closed: { zh: '线上投票结束', en: 'Online vote closed' },
  comment_hidden: { zh: '隐藏居民留言', en: 'Comment hidden' },
};

export const TOPIC_LIMITS = {
  titleMax: 100,
  descriptionMax: 2000,
  nameMax: 50,
  recordMax: 5000,
  reasonMax: 500,
  optionTitleMax: 100,
  optionDescriptionMax: 2000,
  /** Yuan, two decimals. */
  costMax: 100_000_000,
  decisionMax: 2000,
  outcomeMax: 2000,
  taskTitleMax: 100,
  similarMax: 5,
} as const;

export const OFFICE_LIMITS = {
  nameMax: 100,
  venueMax: 200,
  addressMax: 200,
  hoursMax: 100,
  contactNameMax: 50,
} as const;

/** Pieces too common in titles to make two of them similar (小区, 社区, 问题…). */
const COMMON_BIGRAMS = new Set(['小区', '社区', '问题', '居民', '关于', '建议', '解决', '希望', '要求', '反映', '一个', '我们']);

/**
 * Every two-character piece of a title (letters and digits only, lower-cased): the server
 * stores them with the topic and finds similar titles by the pieces they share. Chinese has
 * no spaces between words, so character pairs stand in for words.
 */
export function titleBigrams(title: string): string[] {
  const chars = [...title.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')];
  if (chars.length === 1) return [chars[0]!];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/** The pieces a search for similar titles uses: common ones dropped. */
export function significantBigrams(title: string): string[] {
  return titleBigrams(title).filter((g) => !COMMON_BIGRAMS.has(g));
}

// ── Consultation meetings (商量会议) ─────────────────────────────────────────

/** 现场 / 圆桌 / 线上. */
export const MEETING_FORMS = ['onsite', 'roundtable', 'online'] as const;
export type MeetingForm = (typeof MEETING_FORMS)[number];
export const MEETING_FORM_LABELS: Labels<MeetingForm> = {
  onsite: { zh: '现场商量', en: 'On-site' },
  roundtable: { zh: '圆桌会议', en: 'Round-table' },
  online: { zh: '线上商量', en: 'Online' },
};

/** Who is invited: resident representatives, commissioners, the property company, red stewards, 两代表一委员, others. */
export const MEETING_GROUPS = ['resident_reps', 'commissioners', 'property_company', 'stewards', 'deputies', 'others'] as const;
export type MeetingGroup = (typeof MEETING_GROUPS)[number];
export const MEETING_GROUP_LABELS: Labels<MeetingGroup> = {
  resident_reps: { zh: '居民代表', en: 'Resident representatives' },
  commissioners: { zh: '专员', en: 'Commissioners' },
  property_company: { zh: '物业企业', en: 'Property company' },
  stewards: { zh: '红色管家', en: 'Red stewards' },
  deputies: { zh: '两代表一委员', en: 'Deputies and CPPCC members' },
  others: { zh: '其他', en: 'Others' },
};

/** planned → held (minutes and decision) or cancelled (reason); both terminal. */
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Labels<MeetingStatus> = {
  planned: { zh: '待召开', en: 'Planned' },
  held: { zh: '已召开', en: 'Held' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** How an attendance was recorded: by staff on the console, or by a verified resident scanning the QR code. */
export const ATTENDANCE_SOURCES = ['staff', 'qr'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

export const MEETING_LIMITS = {
  placeMax: 200,
  minutesMax: 10000,
  decisionMax: 2000,
  reasonMax: 500,
  nameMax: 50,
  /** Residents may sign in from this long before the start. */
  signInOpensHoursBefore: 2,
} as const;

/** The phone page a meeting's QR code opens. */
export const meetingSignInPath = (token: string) => `/m/consult/meeting/${token}`;

// ── Cloud consultation (云商量): residents taking part from their phones ─────

/** The phone page a topic's QR code opens. */
export const topicPublicPath = (id: number) => `/m/consult/${id}`;

/**
 * Which topics anyone may read on the phone pages: accepted ones (active, evaluated, closed
 * after acceptance). Screening and rejected topics are shown only to the resident who raised them.
 */
export const PUBLIC_TOPIC_STATUSES = ['active', 'evaluated', 'closed'] as const satisfies readonly TopicStatus[];

/**
 * What a verified resident may do, and in which step of an active topic:
 * - comment: any step while the topic is active;
 * - support (支持/点赞, one per resident): while collecting demands;
 * - answer the questionnaire (once): while collecting demands, if one is published;
 * - vote (once): while the topic's online vote is open (deliberate step);
 * - rate (once, 1–5 stars): in the evaluate step.
 */
export const PARTICIPATION_STEPS = {
  support: 'collect',
  questionnaire: 'collect',
  vote: 'deliberate',
  rate: 'evaluate',
} as const satisfies Record<string, ConsultationStep>;

/** visible, or hidden by a moderator with a reason (kept, audited; its author is told). */
export const COMMENT_STATUSES = ['visible', 'hidden'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** Messages to a resident on the phone pages. */
export const RESIDENT_NOTICE_KINDS = ['comment_hidden', 'topic_rejected', 'topic_accepted'] as const;
export type ResidentNoticeKind = (typeof RESIDENT_NOTICE_KINDS)[number];

export const PARTICIPATION_LIMITS = {
  commentMax: 500,
  reportReasonMax: 200,
  hideReasonMax: 200,
  ratingCommentMax: 300,
  questionsMax: 5,
  questionMax: 100,
  choicesMin: 2,
  choicesMax: 6,
  choiceMax: 50,
  /** An online vote runs at least an hour and at most 30 days. */
  voteMinHours: 1,
  voteMaxDays: 30,
  commentsPageMax: 50,
} as const;

/**
 * Files attached to a plan option (提方案): the type is read from the content (a renamed text
 * file is refused whatever its name); Word and Excel files are told apart from other ZIPs by
 * their entries (word/, xl/).
 */
export const OPTION_ATTACHMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;
export type OptionAttachmentType = keyof typeof OPTION_ATTACHMENT_TYPES;
/** What the file pickers offer. */
export const OPTION_ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';
export const OPTION_ATTACHMENT_LIMITS = {
  bytes: 10 * 1024 * 1024,
  perOption: 5,
  /** The file name shown to people. */
  nameMax: 100,
} as const;
/** Where a file is downloaded: the console (consultations.read over the topic) or the phone pages (public topics). */
export const optionAttachmentPath = (id: number, where: 'console' | 'public'): string =>
  where === 'public' ? `/api/public/consultations/attachments/${id}` : `/api/consultations/attachments/${id}`;
