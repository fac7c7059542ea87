/** Funding (经费保障), zod-free: budget kinds, disbursement statuses, limits and money arithmetic in whole fen. */

export const BUDGET_KINDS = ['steward_stipend', 'branch_secretary_allowance', 'party_work_fund', 'station_running'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];
export const BUDGET_KIND_LABELS: Record<BudgetKind, { zh: string; en: string }> = {
  steward_stipend: { zh: '红色管家补贴', en: 'Red steward stipend' },
  branch_secretary_allowance: { zh: '小区党支部书记补贴', en: 'Compound branch secretary allowance' },
  party_work_fund: { zh: '党建工作经费', en: 'Party-building work fund' },
  station_running: { zh: '红色驿站运行经费', en: 'Red station running cost' },
};
/** Kinds paid to a person holding the role (a current steward or branch secretary in the line's subtree); the others may name a payee. */
export const PERSON_PAYEE_KINDS: readonly BudgetKind[] = ['steward_stipend', 'branch_secretary_allowance'];

export const DISBURSEMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];
export const DISBURSEMENT_STATUS_LABELS: Record<DisbursementStatus, { zh: string; en: string }> = {
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

export const FUNDING_LIMITS = {
  /** A budget line: up to 1 billion yuan (in fen). */
  budgetMaxFen: 100_000_000_000,
  /** One disbursement: up to 100 million yuan (in fen). */
  disbursementMaxFen: 10_000_000_000,
  noteMax: 200,
  purposeMax: 200,
  payeeMax: 100,
  reasonMax: 200,
  batchApproveMax: 500,
  yearMin: 2000,
  yearMax: 2100,
} as const;

/** Whole fen as yuan with two decimals and thousands separators: 123456 → "1,234.56" (exact, no floating point). */
export function yuanOf(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
/** "¥1,234.56". */
export const formatYuan = (fen: number) => `¥${yuanOf(fen)}`;

/** Yuan typed by a person ("1234.5") as whole fen, or null when it is not an amount with at most two decimals. */
export function fenOfYuan(yuan: string | number): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(String(yuan).trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Share used in tenths of a percent, rounded half up with integers only (null when the budget is 0). */
export function usedPermille(approvedFen: number, budgetFen: number): number | null {
  if (budgetFen <= 0) return null;
  return Math.floor((approvedFen * 2000 + budgetFen) / (2 * budgetFen));
}
/** 1234 → "123.4%". */
export const percentOfPermille = (p: number | null) => (p === null ? '—' : `${Math.floor(p / 10)}.${p % 10}%`);
