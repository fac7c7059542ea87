import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { TICKET_PHOTO_LIMITS, TICKET_PHOTO_TYPES, type TicketPhotoType } from '@xj/contracts';
import { AppError, badRequest, notFound } from '../../platform/errors.js';

/**
 * Photo files: one multipart upload at a time, the type read from the content (a renamed text
 * file is refused whatever its name or declared type), stored under random names outside the
 * web root and read back only by the routes that check the ticket's scope.
 */

const MAX_MB = TICKET_PHOTO_LIMITS.bytes / 1024 / 1024;

/** Lets the routes of this plugin context take one photo (multipart/form-data, field `file`). */
export async function acceptPhotoUploads(app: FastifyInstance): Promise<void> {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  await app.register(multipart, { limits: { fileSize: TICKET_PHOTO_LIMITS.bytes, files: 1, fields: 10, parts: 11 } });
}

export async function readPhotoUpload(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传照片（字段名 file）');
  try {
    const part = await req.file({ throwFileSizeLimit: true });
    if (!part) throw badRequest('请选择要上传的照片');
    const buffer = await part.toBuffer();
    if (buffer.length === 0) throw badRequest('照片文件是空的');
    return buffer;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'PAYLOAD_TOO_LARGE', `照片过大：每张最大 ${MAX_MB} MB`);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw badRequest('一次只能上传一张照片');
    throw badRequest('上传的数据不完整或格式不正确，请重新上传');
  }
}

export interface CheckedImage {
  contentType: TicketPhotoType;
  width: number | null;
  height: number | null;
}

export async function checkImage(buffer: Buffer): Promise<CheckedImage> {
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !(type.mime in TICKET_PHOTO_TYPES)) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '照片格式不支持：只能上传 JPEG、PNG 或 WebP 图片');
  }
  const contentType = type.mime as TicketPhotoType;
  const size = imageSize(buffer, contentType);
  return { contentType, width: size?.width ?? null, height: size?.height ?? null };
}

/** Width and height from the image header (no decoding); null when the header is not where expected. */
function imageSize(b: Buffer, type: TicketPhotoType): { width: number; height: number } | null {
  try {
    if (type === 'image/png') return valid(b.readUInt32BE(16), b.readUInt32BE(20));
    if (type === 'image/webp') {
      const chunk = b.toString('latin1', 12, 16);
      if (chunk === 'VP8 ') return valid(b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
      if (chunk === 'VP8L') {
        const bits = b.readUInt32LE(21);
        return valid((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
      }
      if (chunk === 'VP8X') return valid(b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
      return null;
    }
    // JPEG: walk the segments up to the first start-of-frame marker (C0–CF except C4, C8, CC).
    let i = 2;
    while (i + 9 < b.length && b[i] === 0xff) {
      const marker = b[i + 1]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return valid(b.readUInt16BE(i + 7), b.readUInt16BE(i + 5));
      i += 2 + b.readUInt16BE(i + 2);
    }
    return null;
  } catch {
    return null;
  }
}

const valid = (width: number, height: number) => (width > 0 && height > 0 && width < 2 ** 31 && height < 2 ** 31 ? { width, height } : null);

/** Writes the photo as `<yyyy>/<mm>/<random>.<ext>` under `dir` and returns that relative name. */
export async function writePhoto(dir: string, buffer: Buffer, type: TicketPhotoType): Promise<string> {
  const now = new Date();
  const name = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomBytes(16).toString('base64url')}.${TICKET_PHOTO_TYPES[type]}`;
  const path = join(dir, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, buffer, { flag: 'wx', mode: 0o640 });
  return name;
}

export async function removePhoto(dir: string, name: string): Promise<void> {
  await rm(join(dir, name), { force: true });
}

export async function readPhoto(dir: string, name: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, name));
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw notFound('照片文件');
    throw err;
  }
}
