import { randomUUID } from 'node:crypto';
import { EXCEL_LIMITS, type ImportCellError, type ImportJobDto, type ImportMode, type ImportStatus } from '@xj/contracts';
import { AppError, notFound } from '../errors.js';

export interface ImportJob {
  id: string;
  ownerId: number;
  status: ImportStatus;
  mode: ImportMode;
  fileName: string;
  total: number;
  processed: number;
  written: number;
  inserted: number;
  invalidRows: number;
  errors: ImportCellError[];
  message: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** For the error report: the file's headers and the refused rows as uploaded. */
  headers: string[];
  failedRows: { cells: string[]; errors: ImportCellError[] }[];
}

const RETENTION_MS = 60 * 60 * 1000;
const FINISHED: ReadonlySet<ImportStatus> = new Set(['done', 'failed']);

/**
 * Import jobs with their progress, kept in memory on the app node that runs them for an hour
 * after they finish. Only the user who started a job can see it: anyone else gets 404, the
 * same as for an unknown id. With several app nodes, the console must poll the node that
 * accepted the upload (sticky sessions) or upload with `?wait=true`.
 */
export class ImportJobRegistry {
  private readonly jobs = new Map<string, ImportJob>();

  /** A new job; one import at a time per user, so a double click cannot import a file twice. */
  start(ownerId: number, init: { mode: ImportMode; fileName: string; total: number; headers: string[] }): ImportJob {
    this.sweep();
    for (const j of this.jobs.values()) {
      if (j.ownerId === ownerId && !FINISHED.has(j.status)) {
        throw new AppError(409, 'CONFLICT', '您有一个导入正在进行，请等它完成后再导入');
      }
    }
    const job: ImportJob = {
      id: randomUUID(),
      ownerId,
      status: 'queued',
      processed: 0,
      written: 0,
      inserted: 0,
      invalidRows: 0,
      errors: [],
      message: null,
      startedAt: new Date(),
      finishedAt: null,
      failedRows: [],
      ...init,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string, ownerId: number): ImportJob {
    const job = this.jobs.get(id);
    if (!job || job.ownerId !== ownerId) throw notFound('导入任务');
    return job;
  }

  private sweep(): void {
    const cutoff = Date.now() - RETENTION_MS;
    for (const [id, j] of this.jobs) if (j.finishedAt && j.finishedAt.getTime() < cutoff) this.jobs.delete(id);
  }
}

export const isFinished = (job: ImportJob) => FINISHED.has(job.status);

export function toImportJobDto(j: ImportJob): ImportJobDto {
  return {
    jobId: j.id,
    status: j.status,
    mode: j.mode,
    fileName: j.fileName,
    total: j.total,
    processed: j.processed,
    written: j.written,
    inserted: j.inserted,
    invalidRows: j.invalidRows,
    errorCount: j.errors.length,
    errors: j.errors.slice(0, EXCEL_LIMITS.errorsShown),
    message: j.message,
    startedAt: j.startedAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}
