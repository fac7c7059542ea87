import { fileTypeFromBuffer } from 'file-type';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TICKET_PHOTO_LIMITS, TICKET_PHOTO_TYPES, type TicketPhotoType } from '@xj/contracts';
import { AppError } from '../../platform/errors.js';
import { acceptFileUploads, readFileUpload, readStoredFile, removeStoredFile, writeStoredFile } from '../../platform/stored-files.js';

/**
 * Photo files: one multipart upload at a time, the type read from the content (a renamed text
 * file is refused whatever its name or declared type), stored under random names outside the
 * web root (platform/stored-files.ts) and read back only by the routes that check the ticket's scope.
 */

const PHOTO = { what: '照片', unit: '张', maxBytes: TICKET_PHOTO_LIMITS.bytes };

/** Lets the routes of this plugin context take one photo (multipart/form-data, field `file`). */
export const acceptPhotoUploads = (app: FastifyInstance): Promise<void> => acceptFileUploads(app, TICKET_PHOTO_LIMITS.bytes);

export async function readPhotoUpload(req: FastifyRequest): Promise<Buffer> {
  return (await readFileUpload(req, PHOTO)).buffer;
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
export const writePhoto = (dir: string, buffer: Buffer, type: TicketPhotoType): Promise<string> => writeStoredFile(dir, buffer, TICKET_PHOTO_TYPES[type]);
export const removePhoto = removeStoredFile;
export const readPhoto = (dir: string, name: string): Promise<Buffer> => readStoredFile(dir, name, '照片文件');
