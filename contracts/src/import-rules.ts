/** Excel import and export: modes, job states and limits, shared by the server and the console. */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const IMPORT_MODES = ['all_or_nothing', 'valid_rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_MODE_LABELS: Record<ImportMode, { zh: string; en: string }> = {
  all_or_nothing: { zh: '全部正确才导入', en: 'Nothing unless all rows are valid' },
  valid_rows: { zh: '只导入正确的行', en: 'Import the valid rows' },
};

export const IMPORT_STATUSES = ['queued', 'validating', 'writing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_STATUS_LABELS: Record<ImportStatus, { zh: string; en: string }> = {
  queued: { zh: '排队中', en: 'Queued' },
  validating: { zh: '校验中', en: 'Validating' },
  writing: { zh: '写入中', en: 'Writing' },
  done: { zh: '已完成', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
};

export const EXCEL_LIMITS = {
  /** Largest accepted upload. */
  uploadBytes: 10 * 1024 * 1024,
  /** Data rows per import: one import is one transaction. */
  importRowsMax: 20_000,
  /** Rows per export file. */
  exportRowsMax: 50_000,
  /** Errors listed in a job's status; the error report file carries all of them. */
  errorsShown: 1_000,
} as const;
