import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importAcceptedSchema, importJobParamsSchema, importJobSchema, importQuerySchema, type Permission } from '@xj/contracts';
import type { Db } from '../db.js';
import { AppError } from '../errors.js';
import { actorOf, authOf } from '../http/access.js';
import { ImportJobRegistry, isFinished, toImportJobDto } from './import-jobs.js';
import { openSheet } from './read-sheet.js';
import { runImport, type ImportHandler, type ImportSpec } from './run-import.js';
import { acceptUploads, readUpload } from './upload.js';
import { buildTemplate, loadXlsx, sheetBuffer, workbookBuffer, xlsxDownload } from './workbook.js';

export interface ImportRoutesOptions<T, W> {
  db: Db;
  /** Permission for the template, the upload, the job status and the error report. */
  access: Permission;
  tags: string[];
  spec: ImportSpec<T>;
  /** How this request's caller's rows are checked and written (their scope). */
  handler: (req: FastifyRequest) => ImportHandler<T, W>;
}

/**
 * Registers a registry's Excel import under the current prefix:
 *   GET  /import/template              the .xlsx template
 *   POST /import?mode=&wait=           multipart `file` → 202 { jobId } (or the final report with wait=true)
 *   GET  /import/:jobId                progress and report, for the user who started it (else 404)
 *   GET  /import/:jobId/errors.xlsx    the refused rows with an extra 错误说明 column
 */
export async function registerImportRoutes<T, W>(app: FastifyInstance, o: ImportRoutesOptions<T, W>): Promise<void> {
  await acceptUploads(app);
  const jobs = new ImportJobRegistry();
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: o.access };
  const { tags, spec } = o;

  r.get('/import/template', { config, schema: { tags, summary: `${spec.title}导入模板（.xlsx）` } }, async (_req, reply) =>
    xlsxDownload(reply, await workbookBuffer(buildTemplate(spec.title, spec.columns)), `${spec.title}导入模板.xlsx`),
  );

  r.post(
    '/import',
    {
      config,
      schema: {
        tags,
        summary: `导入${spec.title}（multipart 字段 file，.xlsx）`,
        consumes: ['multipart/form-data'],
        querystring: importQuerySchema,
        response: { 200: importJobSchema, 202: importAcceptedSchema },
      },
    },
    async (req, reply) => {
      const { fileName, buffer } = await readUpload(req);
      // File-level problems (not an xlsx, missing columns, too many rows) answer 400 at once.
      const sheet = openSheet(await loadXlsx(buffer), spec.columns);
      const job = jobs.start(authOf(req).user.id, { mode: req.query.mode, fileName, total: sheet.rows.length, headers: sheet.headers });
      const done = runImport(o.db, job, sheet, spec, o.handler(req), actorOf(req), req.log);
      if (req.query.wait) {
        await done;
        return toImportJobDto(job);
      }
      reply.code(202);
      return { jobId: job.id, status: job.status };
    },
  );

  r.get('/import/:jobId', { config, schema: { tags, params: importJobParamsSchema, response: { 200: importJobSchema } } }, async (req) =>
    toImportJobDto(jobs.get(req.params.jobId, authOf(req).user.id)),
  );

  r.get('/import/:jobId/errors.xlsx', { config, schema: { tags, params: importJobParamsSchema } }, async (req, reply) => {
    const job = jobs.get(req.params.jobId, authOf(req).user.id);
    if (!isFinished(job)) throw new AppError(409, 'CONFLICT', '导入尚未完成，请稍后再下载错误报告');
    const headers = [...job.headers, '错误说明'];
    const columns = headers.map((header, i) => ({
      header,
      width: i === headers.length - 1 ? 60 : 16,
      text: true,
      value: (row: { cells: string[]; note: string }) => (i === headers.length - 1 ? row.note : (row.cells[i] ?? '')),
    }));
    const rows = job.failedRows.map((f) => ({ cells: f.cells, note: f.errors.map((e) => `${e.column}：${e.message}`).join('；') }));
    return xlsxDownload(reply, await sheetBuffer(`${spec.title}导入错误`, columns, rows), `${spec.title}导入错误报告.xlsx`);
  });
}
