import { z } from 'zod';
import { idSchema, text } from './common.js';
import { dateSchema } from './people.js';
import { ASSESSMENT_RESULTS, ASSESSMENT_ROUND_KINDS, WORKER_LIMITS } from './community-worker-kinds.js';
import { workerSummarySchema } from './community-workers.js';

/** Contracts for the development of community workers (issue 8): performance assessment rounds (绩效考核) and training (教育培训). */

export const assessmentResultSchema = z.enum(ASSESSMENT_RESULTS);
export const assessmentRoundKindSchema = z.enum(ASSESSMENT_ROUND_KINDS);

export const TRAINING_MODES = ['online', 'offline'] as const;
export const trainingModeSchema = z.enum(TRAINING_MODES);
/** Required training hours per worker per year when the county has not set its own. */
export const TRAINING_DEFAULT_REQUIRED_HOURS = 40;

// ── Assessment rounds ──────────────────────────────────────────────────────────────────────
export const assessmentIndicatorSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,29}$/, { message: '指标代码应为小写字母开头的字母、数字或下划线（2–30 位）' }),
    name: text(30),
    /** Whole percent; the round's weights sum to 100. */
    weight: z.number().int().min(1).max(100),
  })
  .strict();
export type AssessmentIndicator = z.infer<typeof assessmentIndicatorSchema>;

export const assessmentRoundCreateSchema = z
  .object({
    nodeId: idSchema,
    name: text(WORKER_LIMITS.roundNameMax),
    year: z.number().int().min(2000).max(2100),
    kind: assessmentRoundKindSchema,
    indicators: z.array(assessmentIndicatorSchema).min(1).max(WORKER_LIMITS.indicatorsMax),
    deadline: dateSchema,
  })
  .strict();
export type AssessmentRoundCreate = z.infer<typeof assessmentRoundCreateSchema>;

export const assessmentRoundStatusSchema = z.enum(['open', 'closed']);

export const assessmentRoundSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  kind: assessmentRoundKindSchema,
  nodeId: z.number().int(),
  nodeName: z.string(),
  deadline: z.string(),
  status: assessmentRoundStatusSchema,
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Active workers of the round's subtree that the caller can see, and how many of them are scored. */
  workers: z.number().int(),
  scored: z.number().int(),
});
export type AssessmentRoundSummaryDto = z.infer<typeof assessmentRoundSummarySchema>;

export const assessmentRoundListQuerySchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    status: assessmentRoundStatusSchema.optional(),
  })
  .strict();
export type AssessmentRoundListQuery = z.infer<typeof assessmentRoundListQuerySchema>;
export const assessmentRoundListSchema = z.object({ data: z.array(assessmentRoundSummarySchema) });

export const assessmentScoreSchema = z.object({
  total: z.number(),
  /** The level the total earns by the thresholds. */
  earned: assessmentResultSchema,
  /** The level recorded: the earned one, or a lower one the scorer set with a comment. */
  result: assessmentResultSchema,
  scores: z.record(z.string(), z.number().int()),
  comment: z.string().nullable(),
  scoredByName: z.string().nullable(),
  scoredAt: z.string(),
});

/** A worker of the round with their result, null while not scored. */
export const assessmentRowSchema = z.object({
  worker: workerSummarySchema,
  score: assessmentScoreSchema.nullable(),
  /** The caller may score this worker (workers.manage over the worker's community, round open). */
  canScore: z.boolean(),
});
export type AssessmentRowDto = z.infer<typeof assessmentRowSchema>;

export const assessmentRoundSchema = assessmentRoundSummarySchema.extend({
  indicators: z.array(assessmentIndicatorSchema),
  openedByName: z.string().nullable(),
  /** The caller may close the round (workers.manage over its node). */
  canClose: z.boolean(),
  rows: z.array(assessmentRowSchema),
  /** Count of each recorded level among the rows. */
  levels: z.record(assessmentResultSchema, z.number().int()),
});
export type AssessmentRoundDto = z.infer<typeof assessmentRoundSchema>;

export const assessmentScoreParamsSchema = z.object({ id: idSchema, workerId: idSchema }).strict();
export const assessmentScoreBodySchema = z
  .object({
    /** Whole points 0–100 for every indicator of the round. */
    scores: z.record(z.string().max(30), z.number().int().min(0).max(100)),
    /** A level lower than the total earns (never higher); requires a comment. Omitted: the earned level. */
    result: assessmentResultSchema.optional(),
    comment: z.string().trim().max(WORKER_LIMITS.commentMax).optional(),
  })
  .strict();
export type AssessmentScoreBody = z.infer<typeof assessmentScoreBodySchema>;
export const assessmentRowResponseSchema = assessmentRowSchema;

// ── Training ───────────────────────────────────────────────────────────────────────────────
/** Hours with at most one decimal (e.g. 7.5). */
const hours = (min: number) =>
  z
    .number()
    .min(min)
    .max(200)
    .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, { message: '学时最多保留一位小数' });

export const trainingCourseCreateSchema = z
  .object({
    nodeId: idSchema,
    title: text(100),
    organiser: text(50),
    startsOn: dateSchema,
    endsOn: dateSchema,
    hours: hours(0.1),
    mode: trainingModeSchema,
    required: z.boolean(),
  })
  .strict();
export type TrainingCourseCreate = z.infer<typeof trainingCourseCreateSchema>;

export const trainingCourseSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  organiser: z.string(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number(),
  mode: trainingModeSchema,
  required: z.boolean(),
  /** Attendance rows of workers the caller can see. */
  attendees: z.number().int(),
  canManage: z.boolean(),
});
export type TrainingCourseDto = z.infer<typeof trainingCourseSchema>;
export const trainingCourseListQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();
export const trainingCourseListSchema = z.object({ data: z.array(trainingCourseSchema) });

export const trainingAttendanceSchema = z.object({
  id: z.number().int(),
  courseId: z.number().int(),
  worker: workerSummarySchema,
  hours: z.number(),
  passed: z.boolean(),
  certificateNo: z.string().nullable(),
  recordedAt: z.string(),
});
export type TrainingAttendanceDto = z.infer<typeof trainingAttendanceSchema>;
export const trainingCourseDetailSchema = trainingCourseSchema.extend({ attendance: z.array(trainingAttendanceSchema) });
export type TrainingCourseDetailDto = z.infer<typeof trainingCourseDetailSchema>;

/** Records (or revises) attendance of several workers at once; one transaction. */
export const trainingAttendanceBodySchema = z
  .object({
    entries: z
      .array(
        z
          .object({
            workerId: idSchema,
            hours: hours(0),
            passed: z.boolean(),
            certificateNo: text(50).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type TrainingAttendanceBody = z.infer<typeof trainingAttendanceBodySchema>;
export const trainingAttendanceResultSchema = z.object({ saved: z.number().int() });

export const trainingRequirementSchema = z.object({
  hours: z.number(),
  /** True while the county has not set its own figure. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type TrainingRequirementDto = z.infer<typeof trainingRequirementSchema>;
export const trainingRequirementBodySchema = z.object({ hours: hours(0) }).strict();

export const trainingYearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();

/** A worker's training hours in a year against the requirement. */
export const trainingShortfallRowSchema = z.object({
  worker: workerSummarySchema,
  hours: z.number(),
  courses: z.number().int(),
  /** Required hours minus attended, > 0 on this list. */
  shortBy: z.number(),
});
export const trainingShortfallSchema = z.object({
  year: z.number().int(),
  required: trainingRequirementSchema,
  workers: z.number().int(),
  data: z.array(trainingShortfallRowSchema),
});
export type TrainingShortfallDto = z.infer<typeof trainingShortfallSchema>;

// ── A worker's record (the worker detail page) ────────────────────────────────────────────
export const workerRecordSchema = z.object({
  workerId: z.number().int(),
  assessments: z.array(
    z.object({
      roundId: z.number().int(),
      roundName: z.string(),
      year: z.number().int(),
      kind: assessmentRoundKindSchema,
      roundStatus: assessmentRoundStatusSchema,
      total: z.number(),
      result: assessmentResultSchema,
      comment: z.string().nullable(),
      scoredAt: z.string(),
    }),
  ),
  training: z.array(
    z.object({
      courseId: z.number().int(),
      title: z.string(),
      organiser: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      mode: trainingModeSchema,
      required: z.boolean(),
      hours: z.number(),
      passed: z.boolean(),
      certificateNo: z.string().nullable(),
    }),
  ),
  /** Hours attended per year, newest first, with the requirement. */
  trainingYears: z.array(z.object({ year: z.number().int(), hours: z.number(), short: z.boolean() })),
  requiredHours: z.number(),
});
export type WorkerRecordDto = z.infer<typeof workerRecordSchema>;
/** Active workers the caller manages, for pickers (a county has a few hundred). */
export const workerPickListSchema = z.object({ data: z.array(workerSummarySchema) });

export const workerRecordParamsSchema = z.object({ workerId: idSchema }).strict();
