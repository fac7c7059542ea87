import { z } from 'zod';
import { idSchema, text } from './common.js';
import { instant } from './consultations.js';
import { workerSummarySchema } from './community-workers.js';
import { CONTEST_LIMITS, CONTEST_STATUSES, JUDGED_PARTS, MEDALS, QUESTION_KINDS } from './secretary-contest-kinds.js';

/** Contracts of the monthly secretary contest (擂台比武, issue 8 item 5). */

export const questionKindSchema = z.enum(QUESTION_KINDS);
export const judgedPartSchema = z.enum(JUDGED_PARTS);
export const medalSchema = z.enum(MEDALS);
export const contestStatusSchema = z.enum(CONTEST_STATUSES);

// ── Question bank ──────────────────────────────────────────────────────────────────────────
export const questionCreateSchema = z
  .object({
    kind: questionKindSchema,
    difficulty: z.number().int().min(1).max(3),
    stem: text(500),
    options: z.array(text(200)).min(2).max(6),
    /** Indexes into options: one for single choice and true/false, one or more for multiple choice. */
    answer: z.array(z.number().int().min(0).max(5)).min(1).max(6),
  })
  .strict();
export type QuestionCreate = z.infer<typeof questionCreateSchema>;

export const questionSchema = questionCreateSchema.extend({ id: z.number().int(), active: z.boolean() });
export type QuestionDto = z.infer<typeof questionSchema>;
export const questionListSchema = z.object({ data: z.array(questionSchema), counts: z.record(z.string(), z.number().int()) });
export type QuestionListDto = z.infer<typeof questionListSchema>;

/** One row of the question bank's Excel import, as typed (options A–F, the answer as letters). */
export const questionImportRowSchema = z.object({
  kind: questionKindSchema,
  difficulty: z.string().trim().regex(/^[123]$/, { message: '难度只能填 1、2 或 3' }).transform(Number),
  stem: text(500),
  optionA: text(200).optional(),
  optionB: text(200).optional(),
  optionC: text(200).optional(),
  optionD: text(200).optional(),
  optionE: text(200).optional(),
  optionF: text(200).optional(),
  answer: z.string().trim().min(1).max(20, { message: '答案过长：填选项字母，如 A 或 ACD' }),
});
export type QuestionImportRow = z.infer<typeof questionImportRowSchema>;

/** Console users who may be appointed judges (they hold a role that may score): names only. */
export const judgeCandidateListSchema = z.object({ data: z.array(z.object({ id: z.number().int(), name: z.string(), unit: z.string().nullable() })) });
export type JudgeCandidateListDto = z.infer<typeof judgeCandidateListSchema>;

// ── Contests ───────────────────────────────────────────────────────────────────────────────
export const contestCreateSchema = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' }),
    title: text(100),
    weights: z.object({ report: z.number().int().min(0).max(100), visit: z.number().int().min(0).max(100), test: z.number().int().min(0).max(100) }).strict(),
    perLevel: z.number().int().min(1).max(CONTEST_LIMITS.maxPerLevel),
    timeLimitMinutes: z.number().int().min(1).max(CONTEST_LIMITS.maxMinutes),
    testOpensAt: instant,
    testClosesAt: instant,
    judgeIds: z.array(idSchema).min(1).max(20),
  })
  .strict();
export type ContestCreate = z.infer<typeof contestCreateSchema>;

export const contestSummarySchema = z.object({
  id: z.number().int(),
  month: z.string(),
  title: z.string(),
  status: contestStatusSchema,
  weights: z.object({ report: z.number().int(), visit: z.number().int(), test: z.number().int() }),
  perLevel: z.number().int(),
  timeLimitMinutes: z.number().int(),
  testOpensAt: z.string(),
  testClosesAt: z.string(),
  contestants: z.number().int(),
  closedAt: z.string().nullable(),
  /** Whether the caller is an appointed judge, and whether they take part as a contestant. */
  isJudge: z.boolean(),
  myEntryId: z.number().int().nullable(),
});
export type ContestSummaryDto = z.infer<typeof contestSummarySchema>;
export const contestListSchema = z.object({ data: z.array(contestSummarySchema) });

export const contestEntrySchema = z.object({
  id: z.number().int(),
  worker: workerSummarySchema,
  /** Judges who scored each part so far (progress). */
  judged: z.object({ report: z.number().int(), visit: z.number().int() }),
  /** The caller's own scores when they are a judge. */
  myScores: z.object({ report: z.number().int().nullable(), visit: z.number().int().nullable() }),
  testStartedAt: z.string().nullable(),
  testSubmittedAt: z.string().nullable(),
  /** Part scores and the weighted total (0–100, 2 decimals); set on closing. */
  report: z.number().nullable(),
  visit: z.number().nullable(),
  test: z.number().nullable(),
  total: z.number().nullable(),
  rank: z.number().int().nullable(),
  medal: medalSchema.nullable(),
  rewardText: z.string().nullable(),
  rewardAmount: z.number().nullable(),
});
export type ContestEntryDto = z.infer<typeof contestEntrySchema>;

export const contestDetailSchema = contestSummarySchema.extend({
  judges: z.array(z.object({ id: z.number().int(), name: z.string() })),
  entries: z.array(contestEntrySchema),
  canManage: z.boolean(),
});
export type ContestDetailDto = z.infer<typeof contestDetailSchema>;

export const contestEntryParamsSchema = z.object({ id: idSchema, entryId: idSchema, part: judgedPartSchema }).strict();
export const judgeScoreBodySchema = z.object({ score: z.number().int().min(0).max(100) }).strict();

export const contestRewardsBodySchema = z
  .object({ rewards: z.array(z.object({ medal: medalSchema, text: text(200), amount: z.number().min(0).max(1_000_000).multipleOf(0.01) }).strict()).min(1).max(3) })
  .strict();
export type ContestRewardsBody = z.infer<typeof contestRewardsBodySchema>;

// ── Knowledge test ─────────────────────────────────────────────────────────────────────────
export const paperQuestionSchema = z.object({
  seq: z.number().int(),
  kind: questionKindSchema,
  difficulty: z.number().int(),
  stem: z.string(),
  options: z.array(z.string()),
  chosen: z.array(z.number().int()).nullable(),
  /** Shown only after submission. */
  correct: z.boolean().nullable(),
});
export const paperSchema = z.object({
  contestId: z.number().int(),
  entryId: z.number().int(),
  timeLimitMinutes: z.number().int(),
  questionCount: z.number().int(),
  startedAt: z.string().nullable(),
  /** When the time runs out (started + limit); submissions up to the grace after it count. */
  deadline: z.string().nullable(),
  submittedAt: z.string().nullable(),
  correct: z.number().int().nullable(),
  score: z.number().nullable(),
  questions: z.array(paperQuestionSchema),
});
export type PaperDto = z.infer<typeof paperSchema>;
export const paperSubmitSchema = z
  .object({ answers: z.array(z.object({ seq: z.number().int().min(1).max(60), chosen: z.array(z.number().int().min(0).max(5)).max(6) }).strict()).max(60) })
  .strict();
export type PaperSubmit = z.infer<typeof paperSubmitSchema>;

// ── Medal history ──────────────────────────────────────────────────────────────────────────
export const medalHistorySchema = z.object({
  worker: workerSummarySchema,
  medals: z.object({ gold: z.number().int(), silver: z.number().int(), bronze: z.number().int() }),
  contests: z.array(z.object({ contestId: z.number().int(), month: z.string(), title: z.string(), total: z.number().nullable(), rank: z.number().int().nullable(), contestants: z.number().int(), medal: medalSchema.nullable() })),
});
export type MedalHistoryDto = z.infer<typeof medalHistorySchema>;
export const workerIdParamsSchema = z.object({ workerId: idSchema }).strict();
