import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import { EXCEL_LIMITS, type ImportCellError } from '@xj/contracts';
import { badRequest } from '../errors.js';
import { choiceLabels, normalizeHeader, type ImportColumn } from './columns.js';

/** One data row of an uploaded sheet. */
export interface ImportRow<T, W = unknown> {
  /** Excel row number, as people see it. */
  row: number;
  /** Every cell of the row as text, aligned with the file's headers (for the error report). */
  cells: string[];
  /** The row object parsed by the row schema; null when one of its own fields is invalid. */
  value: T | null;
  /** Parsed values of the `unique` columns, even when another cell of the row is invalid. */
  uniqueValues: Record<string, unknown>;
  /** What the registry writes, set while checking the row against the database. */
  output?: W;
  errors: ImportCellError[];
}

export interface CellText {
  text: string;
  problem?: string;
}

// PostgreSQL text cannot hold NUL characters.
const NUL = String.fromCharCode(0);
const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as text, the way the person sees it in Excel. */
export function cellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.replaceAll(NUL, '') };
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits: a longer number typed in a general cell is already rounded.
    if (Math.abs(value) >= 1e15) return { text: String(value), problem: '数字超过15位已被Excel截断，请将该列设为“文本”格式后重新填写' };
    return { text: String(value) };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { text: '', problem: '日期无效' };
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    return { text: midnight ? day : `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}` };
  }
  if ('error' in value) return { text: String(value.error), problem: '单元格内容是错误值（如 #N/A），请改为实际内容' };
  if ('richText' in value) return { text: value.richText.map((t) => t.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return { text: '' };
}

/** `2024/5/1`, `2024.5.1`, `2024年5月1日`, `20240501` → `2024-05-01`; anything else unchanged (the schema refuses it). */
export function normalizeDate(s: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : s;
}

function headersOf(ws: ExcelJS.Worksheet): string[] {
  const row = ws.getRow(1);
  const out: string[] = [];
  for (let i = 1; i <= row.cellCount; i++) out.push(cellText(row.getCell(i).value).text.trim());
  return out;
}

/** The first sheet carrying every required header, or a 400 naming what is missing. */
function findSheet(wb: ExcelJS.Workbook, columns: readonly ImportColumn[]): { ws: ExcelJS.Worksheet; headers: string[] } {
  const required = columns.filter((c) => c.required).map((c) => c.header);
  let firstMissing: string[] | null = null;
  for (const ws of wb.worksheets) {
    const headers = headersOf(ws);
    const present = new Set(headers.map(normalizeHeader));
    const missing = required.filter((h) => !present.has(h));
    if (missing.length === 0) return { ws, headers };
    firstMissing ??= missing;
  }
  throw badRequest(`文件缺少必填列：${(firstMissing ?? required).join('、')}。请下载最新模板，不要修改第一行的列名`);
}

/** The data rows of an uploaded sheet as text, before any rule is checked. */
export interface UploadedSheet {
  /** Header texts of the uploaded sheet, as typed. */
  headers: string[];
  /** Column key → position in the file. */
  positions: Map<string, number>;
  rows: { row: number; texts: CellText[] }[];
}

/**
 * Finds the data sheet and reads its non-empty rows as text. File-level problems (missing
 * columns, no rows, too many rows) are a 400 before any job starts.
 */
export function openSheet(wb: ExcelJS.Workbook, columns: readonly ImportColumn[]): UploadedSheet {
  const { ws, headers } = findSheet(wb, columns);
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const positions = new Map(columns.flatMap((c) => (index.has(c.header) ? [[c.key, index.get(c.header)!] as const] : [])));
  const rows: UploadedSheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    if (rowNumber === 1) return;
    const texts = headers.map((_, i) => cellText(excelRow.getCell(i + 1).value));
    if (texts.every((t) => t.text.trim() === '')) return;
    if (rows.length >= EXCEL_LIMITS.importRowsMax) {
      throw badRequest(`文件数据超过 ${EXCEL_LIMITS.importRowsMax} 行，请拆分为多个文件分批导入`);
    }
    rows.push({ row: rowNumber, texts });
  });
  if (rows.length === 0) throw badRequest('文件中没有数据行：请从第二行开始填写');
  return { headers, positions, rows };
}

/** Checks one row's own fields: required cells, choices, then the row schema (the API's rules). */
export function parseRow<T, W = unknown>(
  sheet: UploadedSheet,
  r: UploadedSheet['rows'][number],
  columns: readonly ImportColumn[],
  schema: z.ZodType<T>,
): ImportRow<T, W> {
  const errors: ImportCellError[] = [];
  const fail = (c: ImportColumn, message: string) => errors.push({ row: r.row, column: c.header, message });
  const input: Record<string, unknown> = {};
  for (const c of columns) {
    const at = sheet.positions.get(c.key);
    const cell = at === undefined ? { text: '' } : r.texts[at]!;
    const text = cell.text.trim();
    if (cell.problem) fail(c, cell.problem);
    else if (!text) {
      if (c.required) fail(c, `${c.header}为必填项，不能为空`);
    } else if (c.choices) {
      const code = Object.entries(c.choices).find(([k, l]) => l.zh === text || k === text)?.[0];
      if (code) input[c.key] = code;
      else fail(c, `只能填写：${choiceLabels(c).join('、')}`);
    } else input[c.key] = c.date ? normalizeDate(text) : text;
  }
  let value: T | null = null;
  const parsed = schema.safeParse(input);
  if (parsed.success) value = parsed.data;
  else {
    const failed = new Set(errors.map((e) => e.column));
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const column = (typeof key === 'string' && columns.find((c) => c.key === key)?.header) || '整行';
      if (failed.has(column)) continue;
      failed.add(column);
      errors.push({ row: r.row, column, message: issue.message });
    }
  }
  const uniqueValues: Record<string, unknown> = {};
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  for (const c of columns.filter((col) => col.unique && input[col.key] !== undefined)) {
    if (value) uniqueValues[c.key] = (value as Record<string, unknown>)[c.key];
    else {
      const field = shape?.[c.key]?.safeParse(input[c.key]);
      if (field?.success) uniqueValues[c.key] = field.data;
    }
  }
  return { row: r.row, cells: r.texts.map((t) => t.text), value: errors.length ? null : value, uniqueValues, errors };
}

/** Refuses every row sharing a value of a `unique` column with another row of the file. */
export function markDuplicates<T>(rows: ImportRow<T>[], columns: readonly ImportColumn[]): void {
  for (const c of columns.filter((col) => col.unique)) {
    const seen = new Map<unknown, number[]>();
    for (const r of rows) {
      const v = r.uniqueValues[c.key];
      if (v === undefined || v === null || v === '') continue;
      const at = seen.get(v);
      if (at) at.push(r.row);
      else seen.set(v, [r.row]);
    }
    const byRow = new Map(rows.map((r) => [r.row, r]));
    for (const at of seen.values()) {
      if (at.length < 2) continue;
      for (const n of at) {
        const others = at.filter((o) => o !== n).map((o) => `第${o}行`).join('、');
        byRow.get(n)!.errors.push({ row: n, column: c.header, message: `与文件中${others}的${c.header}重复` });
      }
    }
  }
}
