import ExcelJS from 'exceljs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { XLSX_CONTENT_TYPE, type ImportJobDto, type ImportMode } from '@xj/contracts';

/** A workbook with one sheet: an optional header row, then the rows. */
export async function xlsxOf(sheet: string, headers: readonly unknown[] | null, rows: readonly unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  if (headers) ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface FilePart {
  fileName?: string;
  type?: string | null;
  field?: string;
  /** Raw bytes placed before the first boundary (to build broken bodies). */
  extra?: string;
  /** A fixed boundary, for `extra` parts that must use it. */
  boundary?: string;
}

/** A multipart/form-data body carrying one file, as a browser uploads it. */
export function multipartFile(file: Buffer, part: FilePart = {}): { payload: Buffer; contentType: string } {
  const boundary = part.boundary ?? `----xjtest${Math.random().toString(16).slice(2)}`;
  const type = part.type === undefined ? XLSX_CONTENT_TYPE : part.type;
  const head = `${part.extra ?? ''}--${boundary}\r\nContent-Disposition: form-data; name="${part.field ?? 'file'}"; filename="${part.fileName ?? '导入.xlsx'}"\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads one file to `url` with the client's session. */
export function uploadFile(
  c: { request(o: InjectOptions): Promise<LightMyRequestResponse> },
  url: string,
  file: Buffer,
  part: FilePart = {},
): Promise<LightMyRequestResponse> {
  const { payload, contentType } = multipartFile(file, part);
  return c.request({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
}

/** Imports a file synchronously (`wait=true`) and returns the final report. */
export async function importAndWait(
  c: { request(o: InjectOptions): Promise<LightMyRequestResponse> },
  path: string,
  file: Buffer,
  mode: ImportMode,
  part: FilePart = {},
): Promise<ImportJobDto> {
  const res = await uploadFile(c, `${path}?mode=${mode}&wait=true`, file, part);
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return res.json() as ImportJobDto;
}

/** The header row of the first sheet of a downloaded workbook. */
export async function headerOf(payload: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ExcelJS.Buffer);
  const header: string[] = [];
  wb.worksheets[0]!.getRow(1).eachCell((c) => header.push(c.text));
  return header;
}
