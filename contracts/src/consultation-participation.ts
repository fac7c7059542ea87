import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { COMMENT_STATUSES, PARTICIPATION_LIMITS as L, RESIDENT_NOTICE_KINDS, TOPIC_LIMITS } from './consultation-kinds.js';
import { consultationStepSchema, instant, topicOptionAttachmentSchema, topicStatusSchema } from './consultations.js';

/**
 * Cloud consultation (云商量): what residents see and do on the phone pages
 * (/api/public/consultations/…, `access: 'public'` to read, `'resident'` to take part), and
 * what the console sees of it and moderates (/api/consultations/…).
 */

// ── Questionnaire (问诉求: optional, single-choice questions) ───────────────

export const questionnaireQuestionSchema = z
  .object({
    text: text(L.questionMax),
    choices: z.array(text(L.choiceMax)).min(L.choicesMin, `每题至少${L.choicesMin}个选项`).max(L.choicesMax, `每题最多${L.choicesMax}个选项`),
  })
  .strict()
  .refine((q) => new Set(q.choices).size === q.choices.length, { message: '同一题的选项不能重复', path: ['choices'] });

/** Publishing (or replacing, while nobody has answered) a topic's questionnaire: consultations.manage, collect step. */
export const questionnaireSetSchema = z
  .object({ questions: z.array(questionnaireQuestionSchema).min(1, '至少一道题').max(L.questionsMax, `最多${L.questionsMax}道题`) })
  .strict();
export type QuestionnaireSet = z.infer<typeof questionnaireSetSchema>;

/** A resident's answers: one choice index per question, in order. */
export const questionnaireAnswerSchema = z.object({ answers: z.array(z.number().int().min(0).max(L.choicesMax - 1)).min(1).max(L.questionsMax) }).strict();
export type QuestionnaireAnswer = z.infer<typeof questionnaireAnswerSchema>;

export const questionnaireSchema = z.object({
  questions: z.array(z.object({ text: z.string(), choices: z.array(z.string()) })),
  /** Per question, the count of each choice (the console and, after answering, the resident see them). */
  tallies: z.array(z.array(z.number().int())).nullable(),
  respondents: z.number().int(),
});
export type QuestionnaireDto = z.infer<typeof questionnaireSchema>;

// ── Online vote (议事项: one vote per verified resident, results hidden until it closes) ──

/** Opening the topic's online vote on its plan options (at least two): consultations.manage, deliberate step. */
export const voteOpenSchema = z.object({ closesAt: instant }).strict();
export type VoteOpen = z.infer<typeof voteOpenSchema>;

/** Closing it early or at its time; with `decision`, the winning option becomes the topic's decision (source 'vote'). */
export const voteCloseSchema = z.object({ decision: text(TOPIC_LIMITS.decisionMax).optional() }).strict().nullish();
export type VoteClose = z.infer<typeof voteCloseSchema>;

export const voteCastSchema = z.object({ optionId: idSchema }).strict();
export type VoteCast = z.infer<typeof voteCastSchema>;

/** A resident's own ballot, as the cast answers it (only to them: ballots are secret). */
export const voteBallotSchema = z.object({ optionId: z.number().int(), castAt: z.string() });
export type VoteBallotDto = z.infer<typeof voteBallotSchema>;

export const voteSchema = z.object({
  opensAt: z.string(),
  closesAt: z.string(),
  /** Open: ballots accepted now (not closed by hand, and before closesAt). */
  open: z.boolean(),
  closedAt: z.string().nullable(),
  /** How many residents have voted: shown while open. */
  ballots: z.number().int(),
  /** Per option, only once the vote has closed (null while open, for everyone incl. staff). */
  results: z.array(z.object({ optionId: z.number().int(), title: z.string(), votes: z.number().int() })).nullable(),
});
export type VoteDto = z.infer<typeof voteSchema>;

// ── Rating (评效果) ──────────────────────────────────────────────────────────

export const ratingCreateSchema = z.object({ score: z.number().int().min(1, '请选择1到5星').max(5, '请选择1到5星'), comment: text(L.ratingCommentMax).optional() }).strict();
export type RatingCreate = z.infer<typeof ratingCreateSchema>;

export const ratingSummarySchema = z.object({
  count: z.number().int(),
  /** Mean score, one decimal; null when nobody has rated. */
  average: z.number().nullable(),
  /** Count of each score 1..5 (index 0 = one star). */
  distribution: z.array(z.number().int()).length(5),
});
export type RatingSummaryDto = z.infer<typeof ratingSummarySchema>;

// ── Comments and moderation ──────────────────────────────────────────────────

export const commentCreateSchema = z.object({ body: text(L.commentMax) }).strict();
export type CommentCreate = z.infer<typeof commentCreateSchema>;

export const commentReportSchema = z.object({ reason: text(L.reportReasonMax) }).strict();
export type CommentReport = z.infer<typeof commentReportSchema>;

export const commentHideSchema = z.object({ reason: text(L.hideReasonMax) }).strict();
export type CommentHide = z.infer<typeof commentHideSchema>;

/** A comment as the phone page shows it. Hidden comments appear only to their author, with the reason. */
export const publicCommentSchema = z.object({
  id: z.number().int(),
  /** "居民（尾号1234）": never the whole number. */
  author: z.string(),
  body: z.string(),
  step: consultationStepSchema.nullable(),
  createdAt: z.string(),
  mine: z.boolean(),
  status: z.enum(COMMENT_STATUSES),
  hiddenReason: z.string().nullable(),
  /** Whether this resident has already reported it. */
  reportedByMe: z.boolean(),
});
export type PublicCommentDto = z.infer<typeof publicCommentSchema>;
export const publicCommentListSchema = listResponse(publicCommentSchema);

export const commentListQuerySchema = paginationQuerySchema.extend({ pageSize: z.coerce.number().int().min(1).max(L.commentsPageMax).default(20) }).strict();
export type CommentListQuery = z.infer<typeof commentListQuerySchema>;

/** A comment as the console shows it: hidden ones too, with reports. */
export const commentSchema = z.object({
  id: z.number().int(),
  topicId: z.number().int(),
  /** Masked phone of the verified resident. */
  authorPhone: z.string(),
  body: z.string(),
  step: consultationStepSchema.nullable(),
  createdAt: z.string(),
  status: z.enum(COMMENT_STATUSES),
  hiddenReason: z.string().nullable(),
  hiddenAt: z.string().nullable(),
  hiddenByName: z.string().nullable(),
  reports: z.number().int(),
  reportReasons: z.array(z.string()),
});
export type CommentDto = z.infer<typeof commentSchema>;
export const commentListSchema = listResponse(commentSchema);

export const consoleCommentListQuerySchema = commentListQuerySchema.extend({
  status: z.enum(COMMENT_STATUSES).optional(),
  reported: z.enum(['true', 'false']).optional(),
}).strict();
export type ConsoleCommentListQuery = z.infer<typeof consoleCommentListQuerySchema>;

export const commentParamsSchema = z.object({ id: idSchema }).strict();

/** 支持 (collect step): the topic's count after this resident's support (idempotent). */
export const topicSupportSchema = z.object({ supports: z.number().int(), supported: z.literal(true) });
export type TopicSupportDto = z.infer<typeof topicSupportSchema>;

// ── The topic as residents see it ────────────────────────────────────────────

/** What this resident has done on the topic (null when not verified). */
export const topicMineSchema = z.object({
  supported: z.boolean(),
  votedOptionId: z.number().int().nullable(),
  ratedScore: z.number().int().nullable(),
  answeredQuestionnaire: z.boolean(),
  /** The resident raised this topic. */
  raised: z.boolean(),
});
export type TopicMineDto = z.infer<typeof topicMineSchema>;

export const publicTopicSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  communityName: z.string(),
  nodeName: z.string(),
  categoryName: z.string().nullable(),
  status: topicStatusSchema,
  step: consultationStepSchema.nullable(),
  /** Shown to the resident who raised a rejected topic. */
  rejectionReason: z.string().nullable(),
  steps: z.array(z.object({ step: consultationStepSchema, startedAt: z.string(), endedAt: z.string().nullable() })),
  options: z.array(z.object({ id: z.number().int(), title: z.string(), description: z.string().nullable(), cost: z.number().nullable(), attachments: z.array(topicOptionAttachmentSchema) })),
  meetings: z.array(z.object({ form: z.string(), startsAt: z.string(), place: z.string(), status: z.string(), signInPath: z.string().nullable() })),
  decision: z.string().nullable(),
  outcome: z.string().nullable(),
  reviewDate: z.string().nullable(),
  supports: z.number().int(),
  comments: z.number().int(),
  questionnaire: questionnaireSchema.nullable(),
  vote: voteSchema.nullable(),
  rating: ratingSummarySchema.nullable(),
  mine: topicMineSchema.nullable(),
  createdAt: z.string(),
});
export type PublicTopicDto = z.infer<typeof publicTopicSchema>;

/** The phone list: public topics, newest first, optionally one community's. */
export const publicTopicListQuerySchema = paginationQuerySchema
  .extend({ communityId: idSchema.optional(), pageSize: z.coerce.number().int().min(1).max(50).default(20) })
  .strict();
export type PublicTopicListQuery = z.infer<typeof publicTopicListQuerySchema>;
export const publicTopicItemSchema = publicTopicSchema.pick({ id: true, title: true, communityName: true, nodeName: true, categoryName: true, status: true, step: true, supports: true, comments: true, createdAt: true });
export type PublicTopicItemDto = z.infer<typeof publicTopicItemSchema>;
export const publicTopicListSchema = listResponse(publicTopicItemSchema);

/** A resident raising a topic from the phone (source 'resident'); it goes to screening. */
export const residentTopicCreateSchema = z
  .object({ title: text(TOPIC_LIMITS.titleMax), description: text(TOPIC_LIMITS.descriptionMax), nodeId: idSchema })
  .strict();
export type ResidentTopicCreate = z.infer<typeof residentTopicCreateSchema>;

/** The resident's own topics with their screening outcome. */
export const myTopicListSchema = z.object({ data: z.array(publicTopicItemSchema.extend({ rejectionReason: z.string().nullable() })) });
export type MyTopicListDto = z.infer<typeof myTopicListSchema>;

export const residentNoticeSchema = z.object({
  id: z.number().int(),
  kind: z.enum(RESIDENT_NOTICE_KINDS),
  topicId: z.number().int().nullable(),
  text: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type ResidentNoticeDto = z.infer<typeof residentNoticeSchema>;
export const residentNoticeListSchema = z.object({ data: z.array(residentNoticeSchema), unread: z.number().int() });
export type ResidentNoticeListDto = z.infer<typeof residentNoticeListSchema>;

// ── The console's view of participation on one topic ────────────────────────

export const topicParticipationSchema = z.object({
  supports: z.number().int(),
  comments: z.number().int(),
  hiddenComments: z.number().int(),
  reportedComments: z.number().int(),
  questionnaire: questionnaireSchema.nullable(),
  vote: voteSchema.nullable(),
  rating: ratingSummarySchema.nullable(),
});
export type TopicParticipationDto = z.infer<typeof topicParticipationSchema>;
