import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';
import { GENDERS, idNumberProblem, PHONE_PATTERN, SENSITIVE_FIELDS } from './person-rules.js';

export const genderSchema = z.enum(GENDERS);

/** An ID number as typed: spaces dropped, a lower-case x accepted, then checked (GB 11643). */
export const idNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .superRefine((s, ctx) => {
    const problem = idNumberProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const phoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s]/g, ''))
  .refine((s) => PHONE_PATTERN.test(s), { message: '电话号码格式不正确：11位手机号，或带区号的固定电话' });

export const dateSchema = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

/** A person as every response shows them: phone and ID number masked. */
export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: genderSchema.nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  nodePathNames: z.array(z.string()),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDto = z.infer<typeof personSchema>;
export const personListSchema = listResponse(personSchema);

export const personListQuerySchema = paginationQuerySchema
  .extend({
    q: z.string().trim().max(LIMITS.searchMax).optional(),
    nodeId: idSchema.optional(),
    gender: genderSchema.optional(),
  })
  .strict();
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const personCreateSchema = z
  .object({
    name: text(50),
    gender: genderSchema.optional(),
    birthDate: dateSchema.optional(),
    phone: phoneSchema.optional(),
    idNumber: idNumberSchema.optional(),
    nodeId: idSchema,
    notes: z.string().trim().max(LIMITS.noteMax).optional(),
  })
  .strict();
export type PersonCreate = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = z
  .object({
    name: text(50).optional(),
    gender: genderSchema.nullable().optional(),
    birthDate: dateSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    idNumber: idNumberSchema.nullable().optional(),
    nodeId: idSchema.optional(),
    notes: z.string().trim().max(LIMITS.noteMax).nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' });
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const sensitiveFieldSchema = z.enum(SENSITIVE_FIELDS);

/** Revealing a masked field needs a reason, which is audited. */
export const unmaskSchema = z
  .object({
    field: sensitiveFieldSchema,
    reason: z.string().trim().min(4, '请填写查看原因（至少4个字）').max(200),
  })
  .strict();
export const unmaskResultSchema = z.object({ field: sensitiveFieldSchema, value: z.string().nullable() });

/** A person as roles and registries embed them: name, masked phone, address node. */
export const personSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string().nullable(),
  nodeName: z.string(),
});
export type PersonSummaryDto = z.infer<typeof personSummarySchema>;
