import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Db, Queryable } from '../db.js';
import { AppError } from '../errors.js';
import { actorEntry, appendAudit, type Actor } from '../audit/audit.js';
import type { ImportColumn } from './columns.js';
import type { ImportJob } from './import-jobs.js';
import { markDuplicates, parseRow, type ImportRow, type UploadedSheet } from './read-sheet.js';

/** What a registry declares once for its import: the sheet and the audit action. */
export interface ImportSpec<T> {
  /** Chinese name of what is imported, e.g. 人员: names the template and the error report. */
  title: string;
  columns: readonly ImportColumn[];
  /** The row's own rules: build it from the API's zod schema so both refuse the same input. */
  schema: z.ZodType<T>;
  /** Audit action and target type of the one audit row of an import, e.g. person.import / person. */
  action: string;
  targetType: string;
}

/** How one caller's rows are checked and written (it closes over the caller's scope). */
export interface ImportHandler<T, W> {
  /**
   * Checks rows whose own fields are valid against the database and the caller's scope
   * (references, duplicates), then sets `row.output` or adds to `row.errors`. Called per
   * chunk of rows, before anything is written.
   */
  resolve(q: Queryable, rows: ImportRow<T, W>[]): Promise<void>;
  /** Writes the accepted rows inside the import's one transaction; `progress(n)` as rows go in. */
  write(q: Queryable, rows: W[], progress: (n: number) => void): Promise<void>;
  /** The node the audit row is filed under, e.g. the common ancestor of the rows' nodes. */
  auditNode(rows: W[]): number | null;
}

const CHUNK = 500;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The deepest node whose subtree holds every path (`/1/5/23/`), or null. */
export function commonAncestorId(paths: readonly string[]): number | null {
  if (paths.length === 0) return null;
  let common = paths[0]!.split('/').filter(Boolean);
  for (const p of paths) {
    const parts = p.split('/').filter(Boolean);
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.length ? Number(common[common.length - 1]) : null;
}

/**
 * Validates every row, then writes the accepted ones in ONE transaction with ONE audit row
 * summarising the import (counts, mode, file name; no personal data). The job carries the
 * progress; this never throws: a failure ends the job as `failed` with nothing written.
 */
export async function runImport<T, W>(
  db: Db,
  job: ImportJob,
  sheet: UploadedSheet,
  spec: ImportSpec<T>,
  handler: ImportHandler<T, W>,
  actor: Actor,
  log: FastifyBaseLogger,
): Promise<void> {
  try {
    job.status = 'validating';
    const rows: ImportRow<T, W>[] = [];
    for (let i = 0; i < sheet.rows.length; i += CHUNK) {
      for (const r of sheet.rows.slice(i, i + CHUNK)) rows.push(parseRow(sheet, r, spec.columns, spec.schema));
      await yieldToLoop();
    }
    markDuplicates(rows, spec.columns);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await handler.resolve(db, chunk.filter((r) => r.value !== null && r.errors.length === 0));
      job.processed += chunk.length;
      await yieldToLoop();
    }
    const failed = rows.filter((r) => r.errors.length > 0 || r.output === undefined);
    for (const r of failed) if (r.errors.length === 0) r.errors.push({ row: r.row, column: '整行', message: '该行未通过校验' });
    job.invalidRows = failed.length;
    job.errors = failed.flatMap((r) => r.errors);
    job.failedRows = failed.map((r) => ({ cells: r.cells, errors: r.errors }));
    const accepted = rows.filter((r) => r.errors.length === 0).map((r) => r.output as W);
    const refused = job.mode === 'all_or_nothing' && failed.length > 0;
    const toWrite = refused ? [] : accepted;

    if (toWrite.length) job.status = 'writing';
    await db.tx(async (q) => {
      if (toWrite.length) await handler.write(q, toWrite, (n) => (job.written += n));
      await appendAudit(q, {
        ...actorEntry(actor),
        action: spec.action,
        targetType: spec.targetType,
        nodeId: handler.auditNode(accepted),
        result: toWrite.length ? 'success' : 'failure',
        details: { fileName: job.fileName, mode: job.mode, total: job.total, inserted: toWrite.length, invalidRows: failed.length },
      });
    });
    job.inserted = toWrite.length;
    job.message = refused
      ? `${failed.length} 行未通过校验；按“全部正确才导入”，未写入任何数据`
      : `已导入 ${toWrite.length} 行${failed.length ? `，${failed.length} 行未通过校验` : ''}`;
    job.status = 'done';
  } catch (err) {
    job.written = 0;
    job.inserted = 0;
    job.status = 'failed';
    if (err instanceof AppError) job.message = err.message;
    else if ((err as { code?: string }).code === '23505') {
      job.message = '写入时发现重复记录（可能有人同时导入或登记了相同数据），未写入任何数据，请重新导入';
    } else {
      log.error({ err, jobId: job.id }, 'import failed');
      job.message = '导入失败：写入数据库时出错，未写入任何数据，请稍后重试';
    }
  } finally {
    job.finishedAt = new Date();
  }
}
