import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import {
  WORKER_CHANGE_KINDS,
  WORKER_EDUCATIONS,
  WORKER_GRADE_MAX,
  WORKER_GRADE_MIN,
  WORKER_LIMITS,
  WORKER_POSTS,
  WORKER_QUALIFICATION_LABELS,
  WORKER_QUALIFICATIONS,
  WORKER_STATUSES,
  type WorkerQualification,
} from './community-worker-kinds.js';
import { exportOptionsShape, requireUnmaskReason } from './imports.js';
import { LIMITS } from './limits.js';
import { dateSchema, idNumberSchema, personCreateSchema } from './people.js';

/** Contracts for the community worker registry (社区工作者, 三岗十八级, issue 8). */

export const workerPostSchema = z.enum(WORKER_POSTS);
export const workerStatusSchema = z.enum(WORKER_STATUSES);

/** A worker in lists and in other modules (pay sheets, assessments, training). The phone is always masked. */
export const workerSummarySchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  /** Masked (138****1234), null when the person has none. */
  phone: z.string().nullable(),
  communityId: z.number().int(),
  communityName: z.string(),
  post: workerPostSchema,
  grade: z.number().int(),
  status: workerStatusSchema,
});
export type WorkerSummaryDto = z.infer<typeof workerSummarySchema>;

export const workerEducationSchema = z.enum(WORKER_EDUCATIONS);
export const workerQualificationSchema = z.enum(WORKER_QUALIFICATIONS);
export const workerChangeKindSchema = z.enum(WORKER_CHANGE_KINDS);
const gradeMessage = `等级应为 ${WORKER_GRADE_MIN}–${WORKER_GRADE_MAX} 的整数`;
/** A grade in a JSON body: a number, nothing else. */
export const workerGradeSchema = z.number({ message: gradeMessage }).int(gradeMessage).min(WORKER_GRADE_MIN, gradeMessage).max(WORKER_GRADE_MAX, gradeMessage);
/** A grade typed as text (query strings, spreadsheet cells). */
const gradeTextSchema = z
  .string()
  .trim()
  .regex(/^\d{1,2}$/, gradeMessage)
  .transform(Number)
  .pipe(workerGradeSchema);

/** A yes/no query parameter. */
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** One entry of a worker's history (append-only). */
export const workerChangeSchema = z.object({
  id: z.number().int(),
  kind: workerChangeKindSchema,
  fromPost: workerPostSchema.nullable(),
  toPost: workerPostSchema.nullable(),
  fromGrade: z.number().int().nullable(),
  toGrade: z.number().int().nullable(),
  fromCommunityName: z.string().nullable(),
  toCommunityName: z.string().nullable(),
  effectiveOn: z.string(),
  reason: z.string(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type WorkerChangeDto = z.infer<typeof workerChangeSchema>;

/** A worker as lists show them: the summary plus the registry's fields. */
export const workerSchema = workerSummarySchema.extend({
  /** Always masked. */
  idNumber: z.string().nullable(),
  position: z.string().nullable(),
  gradeSince: z.string(),
  batch: z.string(),
  recruitedOn: z.string(),
  education: workerEducationSchema,
  fullTimeEducation: z.boolean(),
  degreeMajor: z.string().nullable(),
  qualifications: z.array(workerQualificationSchema),
  serviceStart: z.string(),
  /** Whole years from service_start to today (China date), or to the day they left. */
  serviceYears: z.number().int(),
  /** Whole years at the current grade. */
  yearsAtGrade: z.number().int(),
  /** Bachelor's or higher (本科及以上). */
  hasDegree: z.boolean(),
  /** Bachelor's or higher earned full-time (全日制本科及以上). */
  fullTimeDegree: z.boolean(),
  leftOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkerDto = z.infer<typeof workerSchema>;
export const workerListSchema = listResponse(workerSchema);

export const workerDetailSchema = workerSchema.extend({ history: z.array(workerChangeSchema) });
export type WorkerDetailDto = z.infer<typeof workerDetailSchema>;

export const workerListQuerySchema = paginationQuerySchema
  .extend({
    nodeId: idSchema.optional(),
    post: workerPostSchema.optional(),
    grade: gradeTextSchema.optional(),
    status: workerStatusSchema.optional(),
    education: workerEducationSchema.optional(),
    fullTimeDegree: flag.optional(),
    batch: z.string().trim().max(WORKER_LIMITS.batchMax).optional(),
    /** A name (part), or the last four digits of the phone. */
    q: z.string().trim().max(LIMITS.searchMax).optional(),
  })
  .strict();
export type WorkerListQuery = z.infer<typeof workerListQuerySchema>;

export const workerExportQuerySchema = workerListQuerySchema
  .omit({ page: true, pageSize: true })
  .extend(exportOptionsShape)
  .strict()
  .superRefine(requireUnmaskReason);

const qualificationsSchema = z
  .array(workerQualificationSchema)
  .max(WORKER_QUALIFICATIONS.length)
  .transform((a) => [...new Set(a)]);

/** The registry's own fields (everything but the person, post, grade and community). */
const workerFields = {
  position: text(WORKER_LIMITS.positionMax),
  batch: text(WORKER_LIMITS.batchMax),
  recruitedOn: dateSchema,
  education: workerEducationSchema,
  fullTimeEducation: z.boolean(),
  degreeMajor: text(WORKER_LIMITS.majorMax),
  qualifications: qualificationsSchema,
  serviceStart: dateSchema,
};

/** A new worker: an existing person (personId) or a new one (person, the people module's rules). */
export const workerCreateSchema = z
  .object({
    personId: idSchema.optional(),
    person: personCreateSchema.optional(),
    communityId: idSchema,
    post: workerPostSchema,
    grade: workerGradeSchema,
    /** Defaults to recruitedOn. */
    gradeSince: dateSchema.optional(),
    position: workerFields.position.optional(),
    batch: workerFields.batch,
    recruitedOn: workerFields.recruitedOn,
    education: workerFields.education,
    fullTimeEducation: workerFields.fullTimeEducation,
    degreeMajor: workerFields.degreeMajor.optional(),
    qualifications: workerFields.qualifications.optional(),
    /** Defaults to recruitedOn. */
    serviceStart: workerFields.serviceStart.optional(),
  })
  .strict()
  .refine((v) => (v.personId === undefined) !== (v.person === undefined), {
    message: '请选择已登记的人员（personId）或填写新人员信息（person），二者选一',
    path: ['personId'],
  });
export type WorkerCreate = z.infer<typeof workerCreateSchema>;

export const workerUpdateSchema = z
  .object({
    position: workerFields.position.nullable().optional(),
    batch: workerFields.batch.optional(),
    recruitedOn: workerFields.recruitedOn.optional(),
    education: workerFields.education.optional(),
    fullTimeEducation: workerFields.fullTimeEducation.optional(),
    degreeMajor: workerFields.degreeMajor.nullable().optional(),
    qualifications: workerFields.qualifications.optional(),
    serviceStart: workerFields.serviceStart.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' });
export type WorkerUpdate = z.infer<typeof workerUpdateSchema>;

/**
 * A change of post, grade or community (调整/调动), or leaving (离岗): the worker is updated and
 * one history row appended, in one transaction.
 */
export const workerChangeCreateSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('adjust'),
      post: workerPostSchema.optional(),
      grade: workerGradeSchema.optional(),
      communityId: idSchema.optional(),
      /** The position as written after the change (e.g. 居委会副主任). */
      position: workerFields.position.optional(),
      effectiveOn: dateSchema,
      reason: text(WORKER_LIMITS.reasonMax),
    })
    .strict()
    .refine((v) => v.post !== undefined || v.grade !== undefined || v.communityId !== undefined, {
      message: '请至少调整岗位、等级或所在社区中的一项',
    }),
  z.object({ kind: z.literal('leave'), effectiveOn: dateSchema, reason: text(WORKER_LIMITS.reasonMax) }).strict(),
]);
export type WorkerChangeCreate = z.infer<typeof workerChangeCreateSchema>;

const countOf = z.number().int();
/** Counts of the workers in post (active) under a node, for the console's charts. */
export const workerStatsSchema = z.object({
  active: countOf,
  left: countOf,
  fullTimeDegree: countOf,
  byPost: z.array(z.object({ post: workerPostSchema, count: countOf })),
  byGrade: z.array(z.object({ grade: z.number().int(), count: countOf })),
  byPostGrade: z.array(z.object({ post: workerPostSchema, grade: z.number().int(), count: countOf })),
  byBatch: z.array(z.object({ batch: z.string(), count: countOf })),
  byEducation: z.array(z.object({ education: workerEducationSchema, fullTime: z.boolean(), count: countOf })),
  byCommunity: z.array(z.object({ communityId: z.number().int(), communityName: z.string(), count: countOf })),
});
export type WorkerStatsDto = z.infer<typeof workerStatsSchema>;
export const workerStatsQuerySchema = z.object({ nodeId: idSchema.optional() }).strict();

// ── Excel import ────────────────────────────────────────────────────────────

const code = (what: string) => z.string().trim().min(1, `请填写${what}`).max(LIMITS.codeMax, `${what}过长`);
const QUALIFICATION_BY_LABEL = new Map(WORKER_QUALIFICATIONS.map((q) => [WORKER_QUALIFICATION_LABELS[q].zh, q]));

/** Certificates in one cell by their Chinese names, separated by 、 , ， ; or spaces. */
const qualificationCellSchema = z.string().transform((s, ctx) => {
  const out: WorkerQualification[] = [];
  for (const label of s.split(/[、,，;；\s]+/).filter(Boolean)) {
    const q = QUALIFICATION_BY_LABEL.get(label) ?? (WORKER_QUALIFICATIONS as readonly string[]).find((c) => c === label);
    if (!q) {
      ctx.addIssue({ code: 'custom', message: `“${label}”不是可选的职业资格：${[...QUALIFICATION_BY_LABEL.keys()].join('、')}` });
      return z.NEVER;
    }
    out.push(q as WorkerQualification);
  }
  return [...new Set(out)];
});

/** One row of a workers import (the rules of `POST /api/workers`; the person is named by ID number). */
export const workerImportRowSchema = z
  .object({
    idNumber: idNumberSchema,
    name: personCreateSchema.shape.name,
    phone: personCreateSchema.shape.phone,
    nodeCode: code('住址编码'),
    communityCode: code('社区编码'),
    post: workerPostSchema,
    grade: gradeTextSchema,
    gradeSince: dateSchema.optional(),
    position: workerFields.position.optional(),
    batch: workerFields.batch,
    recruitedOn: dateSchema,
    education: workerEducationSchema,
    fullTimeEducation: z.enum(['true', 'false']).transform((v) => v === 'true'),
    degreeMajor: workerFields.degreeMajor.optional(),
    qualifications: qualificationCellSchema.optional(),
    serviceStart: dateSchema.optional(),
  })
  .strict();
export type WorkerImportRow = z.infer<typeof workerImportRowSchema>;
