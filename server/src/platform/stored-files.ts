import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import type { ReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, badRequest, notFound } from './errors.js';

/**
 * Uploaded files (ticket photos, plan option attachments): one multipart file per request,
 * stored under a random server-chosen name `<yyyy>/<mm>/<random>.<ext>` in a directory outside
 * the web root, and read back only by routes that check the caller may see it. Checking the
 * content's type is the caller's (each kind accepts different types).
 */

/** How the messages name the file: 照片/张, 附件/个. */
export interface UploadKind {
  what: string;
  unit: string;
  maxBytes: number;
}

/** Lets the routes of this plugin context take one file (multipart/form-data, field `file`) of at most `maxBytes`. */
export async function acceptFileUploads(app: FastifyInstance, maxBytes: number): Promise<void> {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } });
}

/** The uploaded file's bytes and the name the client gave it (without any path). */
export async function readFileUpload(req: FastifyRequest, kind: UploadKind): Promise<{ buffer: Buffer; fileName: string }> {
  const { what, unit } = kind;
  if (!req.isMultipart()) throw badRequest(`请以 multipart/form-data 上传${what}（字段名 file）`);
  try {
    const part = await req.file({ throwFileSizeLimit: true });
    if (!part) throw badRequest(`请选择要上传的${what}`);
    const buffer = await part.toBuffer();
    if (buffer.length === 0) throw badRequest(`${what}文件是空的`);
    return { buffer, fileName: part.filename };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'PAYLOAD_TOO_LARGE', `${what}过大：每${unit}最大 ${kind.maxBytes / 1024 / 1024} MB`);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw badRequest(`一次只能上传一${unit}${what}`);
    throw badRequest('上传的数据不完整或格式不正确，请重新上传');
  }
}

/** Writes the file as `<yyyy>/<mm>/<random>.<ext>` under `dir` and returns that relative name. */
export async function writeStoredFile(dir: string, buffer: Buffer, ext: string): Promise<string> {
  const now = new Date();
  const name = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomBytes(16).toString('base64url')}.${ext}`;
  const path = join(dir, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, buffer, { flag: 'wx', mode: 0o640 });
  return name;
}

export async function removeStoredFile(dir: string, name: string): Promise<void> {
  await rm(join(dir, name), { force: true });
}

/** The whole file; a file missing from the directory is 404 (`what` names it). */
export async function readStoredFile(dir: string, name: string, what: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, name));
  } catch (err) {
    throw missing(err, what);
  }
}

/** The file as a stream (opened first, so that a missing file is still a 404 and not a broken response). */
export async function openStoredFile(dir: string, name: string, what: string): Promise<ReadStream> {
  try {
    return (await open(join(dir, name))).createReadStream();
  } catch (err) {
    throw missing(err, what);
  }
}

const missing = (err: unknown, what: string) => ((err as { code?: string }).code === 'ENOENT' ? notFound(what) : err);
