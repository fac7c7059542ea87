import { z } from 'zod';
import { IMPORT_MODES, IMPORT_STATUSES } from './import-rules.js';
import { LIMITS } from './limits.js';
import { personCreateSchema, personListQuerySchema } from './people.js';

/** A yes/no query parameter. */
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const importModeSchema = z.enum(IMPORT_MODES);

/** `POST …/import?mode=…&wait=…`: the file itself comes as multipart field `file`. */
export const importQuerySchema = z
  .object({
    mode: importModeSchema.default('all_or_nothing'),
    /** Answer the final report instead of 202 + job id. */
    wait: flag.default(false),
  })
  .strict();
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const importJobParamsSchema = z.object({ jobId: z.uuid({ message: '导入任务编号格式不正确' }) }).strict();

/** One refused cell (or row): Excel row number, Chinese column header, Chinese message. */
export const importCellErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportCellError = z.infer<typeof importCellErrorSchema>;

export const importJobSchema = z.object({
  jobId: z.string(),
  status: z.enum(IMPORT_STATUSES),
  mode: importModeSchema,
  fileName: z.string(),
  /** Data rows in the file. */
  total: z.number().int(),
  /** Rows validated so far. */
  processed: z.number().int(),
  /** Rows written so far in the open transaction (committed only when the job is done). */
  written: z.number().int(),
  /** Rows committed. */
  inserted: z.number().int(),
  invalidRows: z.number().int(),
  errorCount: z.number().int(),
  /** The first errors (see EXCEL_LIMITS.errorsShown); the error report file has all. */
  errors: z.array(importCellErrorSchema),
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobDto = z.infer<typeof importJobSchema>;

export const importAcceptedSchema = z.object({ jobId: z.string(), status: z.enum(IMPORT_STATUSES) });

/** Export options shared by every registry: masked unless unmasked with a reason. */
export const exportOptionsShape = {
  unmask: flag.default(false),
  reason: z.string().trim().max(200).optional(),
};

export function requireUnmaskReason(v: { unmask: boolean; reason?: string | undefined }, ctx: z.RefinementCtx): void {
  if (v.unmask && (v.reason ?? '').length < 4) ctx.addIssue({ code: 'custom', path: ['reason'], message: '导出明文需填写原因（至少4个字）' });
}

/** The filters of `GET /api/people`, without paging, plus the export options. */
export const personExportQuerySchema = personListQuerySchema
  .omit({ page: true, pageSize: true })
  .extend(exportOptionsShape)
  .strict()
  .superRefine(requireUnmaskReason);
export type PersonExportQuery = z.infer<typeof personExportQuerySchema>;

/** One row of a people import: the API's create rules, with the address given as a node code. */
export const personImportRowSchema = personCreateSchema
  .omit({ nodeId: true })
  .extend({ nodeCode: z.string().trim().min(1, '请填写住址编码').max(LIMITS.codeMax) });
export type PersonImportRow = z.infer<typeof personImportRowSchema>;
