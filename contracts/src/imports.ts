import { z } from 'zod';
import { IMPORT_MODES, IMPORT_STATUSES } from './import-rules.js';
import { LIMITS } from './limits.js';
import { personCreateSchema, personListQuerySchema } from './people.js';
import {
  commissionerCreateSchema,
  commissionerListQuerySchema,
  deputyCreateSchema,
  deputyListQuerySchema,
  gigWorkerCreateSchema,
  gigWorkerListQuerySchema,
  redShopListQuerySchema,
} from './organisations.js';
import {
  branchSecretaryCreateSchema,
  branchSecretaryListQuerySchema,
  partyMemberListQuerySchema,
  partyMemberManagementSchema,
  partyMemberStatusSchema,
  stewardListQuerySchema,
} from './party-roles.js';
import { dateSchema, idNumberSchema } from './people.js';
import { text } from './common.js';

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

/** Registry lists' filters, without paging, plus the export options. */
export const stewardExportQuerySchema = stewardListQuerySchema
  .omit({ page: true, pageSize: true }).extend(exportOptionsShape).strict().superRefine(requireUnmaskReason);
export const partyMemberExportQuerySchema = partyMemberListQuerySchema
  .omit({ page: true, pageSize: true }).extend(exportOptionsShape).strict().superRefine(requireUnmaskReason);
export const gigWorkerExportQuerySchema = gigWorkerListQuerySchema
  .omit({ page: true, pageSize: true }).extend(exportOptionsShape).strict().superRefine(requireUnmaskReason);
export const commissionerExportQuerySchema = commissionerListQuerySchema
  .omit({ page: true, pageSize: true }).extend(exportOptionsShape).strict().superRefine(requireUnmaskReason);
export const redShopExportQuerySchema = redShopListQuerySchema
  .omit({ page: true, pageSize: true }).extend(exportOptionsShape).strict().superRefine(requireUnmaskReason);

const codeSchema = (what: string) => z.string().trim().min(1, `请填写${what}`).max(LIMITS.codeMax, `${what}过长`);

/**
 * The person columns of a role import: the person is named by ID number; name, phone and
 * address create them when the ID number is not registered yet (the people import's rules).
 */
const rolePersonShape = {
  idNumber: idNumberSchema,
  name: personCreateSchema.shape.name,
  phone: personCreateSchema.shape.phone,
  nodeCode: codeSchema('住址编码'),
};

/** Several codes in one cell, separated by 、 , ， ; or spaces. */
const codeListSchema = z
  .string()
  .transform((s) => [...new Set(s.split(/[、,，;；\s]+/).filter(Boolean))])
  .pipe(z.array(codeSchema('楼道编码')).min(1, '请至少填写一个楼道编码').max(50, '楼道最多50个'));

/** One row of a red stewards import (the rules of `POST /api/stewards`). */
export const stewardImportRowSchema = z
  .object({
    ...rolePersonShape,
    compoundCode: codeSchema('小区编码'),
    stairwellCodes: codeListSchema,
    qualitySupervisor: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    since: dateSchema.optional(),
  })
  .strict();
export type StewardImportRow = z.infer<typeof stewardImportRowSchema>;

/** One row of a party members import (the rules of `POST /api/party-members`; the branch is the compound's). */
export const partyMemberImportRowSchema = z
  .object({
    ...rolePersonShape,
    status: partyMemberStatusSchema,
    joinedDate: dateSchema,
    management: partyMemberManagementSchema,
    workplaceOrg: text(LIMITS.nameMax).optional(),
    compoundCode: codeSchema('小区编码'),
  })
  .strict()
  .refine((v) => v.management !== 'dual' || !!v.workplaceOrg, { message: '双报到党员须填写工作单位党组织', path: ['workplaceOrg'] });
export type PartyMemberImportRow = z.infer<typeof partyMemberImportRowSchema>;

/** One row of a gig workers import (the rules of `POST /api/gig-workers`; the home node defaults to the row's address). */
export const gigWorkerImportRowSchema = z
  .object({
    ...rolePersonShape,
    type: gigWorkerCreateSchema.shape.type,
    platform: gigWorkerCreateSchema.shape.platform,
    homeCode: codeSchema('居住地编码').optional(),
  })
  .strict();
export type GigWorkerImportRow = z.infer<typeof gigWorkerImportRowSchema>;

/** One row of a service commissioners import (the rules of `POST /api/commissioners`, without the account link). */
export const commissionerImportRowSchema = z
  .object({
    ...rolePersonShape,
    department: commissionerCreateSchema.shape.department,
    rank: commissionerCreateSchema.shape.rank,
    communityCode: codeSchema('联系社区编码'),
  })
  .strict();
export type CommissionerImportRow = z.infer<typeof commissionerImportRowSchema>;

/** One row of a deputies import (the rules of `POST /api/deputies`; the contact node defaults to the row's address). */
export const deputyImportRowSchema = z
  .object({
    ...rolePersonShape,
    body: deputyCreateSchema.shape.body,
    level: deputyCreateSchema.shape.level,
    contactCode: codeSchema('联系点编码').optional(),
  })
  .strict();
export type DeputyImportRow = z.infer<typeof deputyImportRowSchema>;

/** One row of a branch secretaries import (the rules of `POST /api/branch-secretaries`; the branch is the one covering the compound). */
export const branchSecretaryImportRowSchema = z
  .object({
    ...rolePersonShape,
    compoundCode: codeSchema('支部小区编码'),
    background: branchSecretaryCreateSchema.shape.background,
    termStart: branchSecretaryCreateSchema.shape.termStart,
    termEnd: branchSecretaryCreateSchema.shape.termEnd,
  })
  .strict()
  .refine((v) => !v.termEnd || v.termEnd >= v.termStart, { message: '任期结束日期不能早于开始日期', path: ['termEnd'] });
export type BranchSecretaryImportRow = z.infer<typeof branchSecretaryImportRowSchema>;

export const deputyExportQuerySchema = deputyListQuerySchema
  .omit({ page: true, pageSize: true }).extend(exportOptionsShape).strict().superRefine(requireUnmaskReason);
export const branchSecretaryExportQuerySchema = branchSecretaryListQuerySchema
  .omit({ page: true, pageSize: true }).extend(exportOptionsShape).strict().superRefine(requireUnmaskReason);
