import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { BUDGET_KINDS, DISBURSEMENT_STATUSES, FUNDING_LIMITS } from './funding-kinds.js';

/**
 * Funding (经费保障, issue 9): budget lines per year, node and kind; monthly disbursements from
 * a line that someone other than the requester approves; budget versus actual. Money is whole
 * fen (分) everywhere in the API: the console shows it as yuan with two decimals.
 */

const yearSchema = z.coerce.number().int().min(FUNDING_LIMITS.yearMin).max(FUNDING_LIMITS.yearMax);
export const fundingMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份应为 YYYY-MM 格式' });
const budgetFen = z.number().int({ message: '金额应为整数（单位：分）' }).min(0).max(FUNDING_LIMITS.budgetMaxFen);
const disbursementFen = z.number().int({ message: '金额应为整数（单位：分）' }).min(1, { message: '拨付金额应大于 0' }).max(FUNDING_LIMITS.disbursementMaxFen);
const note = z.string().trim().max(FUNDING_LIMITS.noteMax);
export const budgetKindSchema = z.enum(BUDGET_KINDS);

/** The money figures of a line, a kind or a node: budget, approved, pending, remaining and % used. */
export const fundingFiguresSchema = z.object({
  budgetFen: z.number().int(),
  approvedFen: z.number().int(),
  pendingFen: z.number().int(),
  /** Budget minus approved (negative only if a budget was cut below spending, which the service refuses). */
  remainingFen: z.number().int(),
  /** Approved ÷ budget in tenths of a percent (rounded half up); null when the budget is 0. */
  usedPermille: z.number().int().nullable(),
});
export type FundingFigures = z.infer<typeof fundingFiguresSchema>;

// ── Budget lines ───────────────────────────────────────────────────────────────────────────
export const budgetLineCreateSchema = z
  .object({ year: z.number().int().min(FUNDING_LIMITS.yearMin).max(FUNDING_LIMITS.yearMax), nodeId: idSchema, kind: budgetKindSchema, amountFen: budgetFen, note: note.optional() })
  .strict();
export type BudgetLineCreate = z.infer<typeof budgetLineCreateSchema>;
export const budgetLineUpdateSchema = z
  .object({ amountFen: budgetFen.optional(), note: note.optional() })
  .strict()
  .refine((b) => b.amountFen !== undefined || b.note !== undefined, { message: '请至少修改预算金额或备注中的一项' });
export type BudgetLineUpdate = z.infer<typeof budgetLineUpdateSchema>;

export const budgetLineListQuerySchema = paginationQuerySchema.extend({
  year: yearSchema.optional(),
  nodeId: idSchema.optional(),
  kind: budgetKindSchema.optional(),
});
export type BudgetLineListQuery = z.infer<typeof budgetLineListQuerySchema>;

export const budgetLineSchema = fundingFiguresSchema.extend({
  id: z.number().int(),
  year: z.number().int(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  nodeKind: z.string(),
  nodePathNames: z.array(z.string()),
  kind: budgetKindSchema,
  note: z.string().nullable(),
  disbursements: z.number().int(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type BudgetLineDto = z.infer<typeof budgetLineSchema>;
export const budgetLineListSchema = listResponse(budgetLineSchema);

/** People a line may pay (stipend and allowance lines): the current stewards or branch secretaries in its subtree. */
export const fundingPayeeSchema = z.object({ personId: z.number().int(), name: z.string(), nodeName: z.string() });
export type FundingPayeeDto = z.infer<typeof fundingPayeeSchema>;
export const fundingPayeeListSchema = z.object({ data: z.array(fundingPayeeSchema) });

// ── Disbursements ──────────────────────────────────────────────────────────────────────────
export const disbursementCreateSchema = z
  .object({
    budgetLineId: idSchema,
    month: fundingMonthSchema,
    personId: idSchema.optional(),
    payeeName: text(FUNDING_LIMITS.payeeMax).optional(),
    amountFen: disbursementFen,
    purpose: text(FUNDING_LIMITS.purposeMax),
  })
  .strict()
  .refine((b) => (b.personId === undefined) !== (b.payeeName === undefined), { message: '请选择领款人员，或填写收款单位/人名称（二选一）', path: ['personId'] });
export type DisbursementCreate = z.infer<typeof disbursementCreateSchema>;

/** Everyone the line may pay for the month, at one standard amount (stipend and allowance lines). */
export const disbursementBatchSchema = z.object({ budgetLineId: idSchema, month: fundingMonthSchema, amountFen: disbursementFen, purpose: text(FUNDING_LIMITS.purposeMax) }).strict();
export type DisbursementBatch = z.infer<typeof disbursementBatchSchema>;
export const disbursementBatchResultSchema = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  results: z.array(
    z.object({
      personId: z.number().int(),
      name: z.string(),
      /** created: a new pending request; exists: already requested or approved for the month. */
      outcome: z.enum(['created', 'exists']),
      disbursementId: z.number().int().nullable(),
    }),
  ),
});
export type DisbursementBatchResult = z.infer<typeof disbursementBatchResultSchema>;

export const disbursementRejectSchema = z.object({ reason: text(FUNDING_LIMITS.reasonMax) }).strict();
export type DisbursementReject = z.infer<typeof disbursementRejectSchema>;
export const disbursementBatchApproveSchema = z.object({ ids: z.array(idSchema).min(1).max(FUNDING_LIMITS.batchApproveMax) }).strict();
export type DisbursementBatchApprove = z.infer<typeof disbursementBatchApproveSchema>;
export const disbursementBatchApproveResultSchema = z.object({
  approved: z.number().int(),
  refused: z.number().int(),
  results: z.array(z.object({ id: z.number().int(), ok: z.boolean(), code: z.string().nullable(), message: z.string().nullable() })),
});
export type DisbursementBatchApproveResult = z.infer<typeof disbursementBatchApproveResultSchema>;

export const disbursementListQuerySchema = paginationQuerySchema.extend({
  year: yearSchema.optional(),
  month: fundingMonthSchema.optional(),
  kind: budgetKindSchema.optional(),
  status: z.enum(DISBURSEMENT_STATUSES).optional(),
  nodeId: idSchema.optional(),
  budgetLineId: idSchema.optional(),
});
export type DisbursementListQuery = z.infer<typeof disbursementListQuerySchema>;

export const disbursementSchema = z.object({
  id: z.number().int(),
  budgetLineId: z.number().int(),
  year: z.number().int(),
  kind: budgetKindSchema,
  nodeId: z.number().int(),
  nodeName: z.string(),
  month: z.string(),
  personId: z.number().int().nullable(),
  /** The person's name, or the named payee. */
  payee: z.string(),
  amountFen: z.number().int(),
  purpose: z.string(),
  status: z.enum(DISBURSEMENT_STATUSES),
  requestedById: z.number().int().nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type DisbursementDto = z.infer<typeof disbursementSchema>;
export const disbursementListSchema = listResponse(disbursementSchema);

// ── Budget versus actual ───────────────────────────────────────────────────────────────────
export const fundingReportQuerySchema = z.object({ year: yearSchema, nodeId: idSchema.optional() }).strict();
export type FundingReportQuery = z.infer<typeof fundingReportQuerySchema>;
export const fundingReportSchema = z.object({
  year: z.number().int(),
  node: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }),
  totals: fundingFiguresSchema,
  byKind: z.array(fundingFiguresSchema.extend({ kind: budgetKindSchema })),
  /** Each child node's subtree, and the node's own lines (`own`), when they have a budget or spending. */
  byNode: z.array(fundingFiguresSchema.extend({ nodeId: z.number().int(), nodeName: z.string(), nodeKind: z.string(), own: z.boolean(), hasChildren: z.boolean() })),
  /** Approved amounts by disbursement month, January to December. */
  monthly: z.array(z.object({ month: z.string(), approvedFen: z.number().int() })),
  computedAt: z.string(),
});
export type FundingReportDto = z.infer<typeof fundingReportSchema>;
