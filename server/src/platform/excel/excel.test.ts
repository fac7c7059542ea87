import ExcelJS from 'exceljs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { ImportColumn } from './columns.js';
import { ImportJobRegistry } from './import-jobs.js';
import { cellText, markDuplicates, normalizeDate, openSheet, parseRow } from './read-sheet.js';
import { commonAncestorId } from './run-import.js';
import { AppError } from '../errors.js';
import { buildTemplate, loadXlsx, workbookBuffer } from './workbook.js';

const columns: ImportColumn[] = [
  { key: 'code', header: '编码', required: true, text: true, unique: true, help: '必填' },
  { key: 'status', header: '状态', choices: { full: { zh: '正式' }, probationary: { zh: '预备' } }, help: '正式或预备' },
  { key: 'joined', header: '入党日期', date: true, help: 'YYYY-MM-DD' },
];
const schema = z.object({ code: z.string().min(3, '编码至少3位'), status: z.enum(['full', 'probationary']).optional(), joined: z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }).optional() });

describe('reading cells', () => {
  it('turns every kind of cell into the text people see, and flags what Excel has already broken', () => {
    expect(cellText(null)).toEqual({ text: '' });
    expect(cellText(13800001234)).toEqual({ text: '13800001234' });
    expect(cellText(new Date(Date.UTC(2024, 4, 1)))).toEqual({ text: '2024-05-01' });
    expect(cellText({ richText: [{ text: '张' }, { text: '三' }] })).toEqual({ text: '张三' });
    expect(cellText({ formula: 'A1', result: 'x' } as ExcelJS.CellValue)).toEqual({ text: 'x' });
    expect(cellText({ text: '链接', hyperlink: 'http://x' })).toEqual({ text: '链接' });
    expect(cellText(Number('371427198001011230')).problem).toContain('15位');
    expect(cellText({ error: '#N/A' } as ExcelJS.CellValue).problem).toContain('错误值');
  });

  it('accepts the usual ways of writing a date', () => {
    for (const s of ['2024/5/1', '2024.05.01', '2024年5月1日', '20240501', '2024-05-01']) expect(normalizeDate(s)).toBe('2024-05-01');
    expect(normalizeDate('五月一日')).toBe('五月一日');
  });
});

describe('a registry sheet from a column list', () => {
  it('builds a template whose headers read back, and checks rows by column', async () => {
    const wb = await loadXlsx(await workbookBuffer(buildTemplate('党员', columns)));
    const ws = wb.worksheets[0]!;
    ws.addRow(['A01', '正式', '2020/7/1']);
    ws.addRow(['A01', '党员', '']);
    ws.addRow(['', '', '2020-13-01']);
    ws.addRow(['A02', 'probationary', new Date(Date.UTC(2021, 6, 1))]);
    const sheet = openSheet(wb, columns);
    expect(sheet.headers).toEqual(['编码*', '状态', '入党日期']);
    const rows = sheet.rows.map((r) => parseRow(sheet, r, columns, schema));
    markDuplicates(rows, columns);
    expect(rows.map((r) => r.errors)).toEqual([
      [{ row: 2, column: '编码', message: '与文件中第3行的编码重复' }],
      // A row refused for another cell still counts as a copy.
      [
        { row: 3, column: '状态', message: '只能填写：正式、预备' },
        { row: 3, column: '编码', message: '与文件中第2行的编码重复' },
      ],
      [
        { row: 4, column: '编码', message: '编码为必填项，不能为空' },
        { row: 4, column: '入党日期', message: '日期格式应为 YYYY-MM-DD' },
      ],
      [],
    ]);
    expect(rows[3]!.value).toEqual({ code: 'A02', status: 'probationary', joined: '2021-07-01' });
  });

  it('refuses a sheet without the required columns', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['状态']);
    expect(() => openSheet(wb, columns)).toThrow(/编码/);
  });
});

describe('import jobs', () => {
  it('belong to the user who started them; one running import per user', () => {
    const jobs = new ImportJobRegistry();
    const job = jobs.start(1, { mode: 'valid_rows', fileName: 'a.xlsx', total: 1, headers: [] });
    expect(jobs.get(job.id, 1)).toBe(job);
    expect(() => jobs.get(job.id, 2)).toThrow(expect.objectContaining({ status: 404 }) as AppError);
    expect(() => jobs.start(1, { mode: 'valid_rows', fileName: 'b.xlsx', total: 1, headers: [] })).toThrow(expect.objectContaining({ status: 409 }) as AppError);
    job.status = 'done';
    expect(jobs.start(1, { mode: 'valid_rows', fileName: 'b.xlsx', total: 1, headers: [] }).id).not.toBe(job.id);
  });

  it('file their audit row under the common ancestor of the rows’ nodes', () => {
    expect(commonAncestorId(['/1/5/23/', '/1/5/24/99/'])).toBe(5);
    expect(commonAncestorId(['/1/5/23/'])).toBe(23);
    expect(commonAncestorId([])).toBeNull();
  });
});
