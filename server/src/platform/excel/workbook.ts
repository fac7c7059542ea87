import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { EXCEL_LIMITS, XLSX_CONTENT_TYPE } from '@xj/contracts';
import { badRequest } from '../errors.js';
import { choiceLabels, headerLabel, type ExportColumn, type ImportColumn } from './columns.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/** Rows of a template that carry the choice lists and text formats. */
const TEMPLATE_ROWS = 5_000;

/** Opens an uploaded .xlsx; anything else is a 400 a person can act on, never a 5xx. */
export async function loadXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const head = buffer.subarray(0, 4);
  if (head.equals(OLE_MAGIC)) throw badRequest('不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 格式后再上传');
  if (!head.equals(ZIP_MAGIC)) throw badRequest('上传的文件不是 Excel（.xlsx）文件，请使用下载的模板填写');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw badRequest('文件无法读取：不是有效的 Excel（.xlsx）文件，请使用下载的模板重新填写');
  }
  return wb;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle' };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
}

/** Sets widths and text formats of a sheet's columns. */
function shapeColumns(ws: ExcelJS.Worksheet, cols: readonly { width?: number | undefined; text?: boolean | undefined }[]): void {
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? 16;
    if (c.text) col.numFmt = '@';
  });
}

/**
 * A template: the data sheet with the headers (required ones marked `*`, each explained in a
 * note, choice lists as drop-downs) and a second sheet explaining every column with an example.
 */
export function buildTemplate(sheetName: string, columns: readonly ImportColumn[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  shapeColumns(ws, columns);
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = headerLabel(c);
    cell.note = c.help;
  });
  styleHeader(header);
  columns.forEach((c, i) => {
    if (c.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    if (!c.choices) return;
    const col = ws.getColumn(i + 1).letter;
    // One validation over the whole range (exceljs types miss `dataValidations`; per-cell ones are slow).
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${col}2:${col}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${choiceLabels(c).join(',')}"`],
      showErrorMessage: true,
      errorTitle: '填写有误',
      error: `只能填写：${choiceLabels(c).join('、')}`,
    });
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 14 },
    { header: '是否必填', width: 10 },
    { header: '填写说明', width: 70 },
    { header: '示例', width: 24 },
  ];
  styleHeader(help.getRow(1));
  for (const c of columns) {
    const row = help.addRow([headerLabel(c), c.required ? '必填' : '选填', c.help, c.example ?? '']);
    row.getCell(4).numFmt = '@';
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  help.addRow([]);
  help.addRow(['', '', `每次最多导入 ${EXCEL_LIMITS.importRowsMax} 行；文件不超过 ${EXCEL_LIMITS.uploadBytes / 1024 / 1024} MB。`]);
  help.addRow(['', '', '请勿修改第一张工作表的列名；多出的列（如错误报告中的“错误说明”）导入时会被忽略。']);
  help.addRow(['', '', '导入方式：“全部正确才导入”——任一行有误则不写入任何数据；“只导入正确的行”——写入正确的行，错误的行可下载错误报告修改后重新导入。']);
  return wb;
}

/**
 * One sheet listing `rows` under `columns`, streamed and yielding to other requests as it
 * goes: a 50,000-row export must not hold the event loop for seconds.
 */
export async function sheetBuffer<R>(name: string, columns: readonly ExportColumn<R>[], rows: readonly R[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  shapeColumns(ws, columns);
  const header = ws.addRow(columns.map((c) => c.header));
  styleHeader(header);
  for (let i = 0; i < rows.length; i++) {
    ws.addRow(columns.map((c) => c.value(rows[i]!) ?? null)).commit();
    if (i % 1000 === 999) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** The body of a workbook download; sets its type and a UTF-8 file name (RFC 6266 / 5987). */
export function xlsxDownload(reply: FastifyReply, body: Buffer, fileName: string): Buffer {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  void reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store');
  return body;
}

/** A workbook built in memory (templates) as bytes. */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
