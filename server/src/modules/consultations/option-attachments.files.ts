import { fileTypeFromBuffer } from 'file-type';
import { OPTION_ATTACHMENT_LIMITS, OPTION_ATTACHMENT_TYPES, type OptionAttachmentType } from '@xj/contracts';
import { AppError } from '../../platform/errors.js';

/**
 * What a plan option's file may be, read from its bytes: PDF, JPEG, PNG, or a Word/Excel file
 * (a ZIP whose entries file-type recognises as word/ or xl/ — any other ZIP is refused). The
 * name people see is the uploader's, cleaned, and always ends in the checked type's extension.
 */

export const ATTACHMENT = { what: '附件', unit: '个', maxBytes: OPTION_ATTACHMENT_LIMITS.bytes };

/** Extensions a name may keep for each type (the first is added when the name has none of them). */
const EXTENSIONS: Record<OptionAttachmentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

export async function checkAttachment(buffer: Buffer): Promise<OptionAttachmentType> {
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !(type.mime in OPTION_ATTACHMENT_TYPES)) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '附件格式不支持：只能上传 PDF、JPEG/PNG 图片、Word（.docx）或 Excel（.xlsx）文件');
  }
  return type.mime as OptionAttachmentType;
}

/** Control, zero-width and text-direction characters (a reversed name could disguise its extension). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The name shown to people: no path or invisible characters, at most 100 characters, the checked type's extension. */
export function displayName(raw: string | undefined, type: OptionAttachmentType): string {
  const base = (raw ?? '').normalize('NFC').replace(INVISIBLE, '').split(/[\\/]/).pop()!;
  const clean = base.replace(/[:*?"<>|]/g, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const exts = EXTENSIONS[type];
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(clean);
  const kept = m && exts.includes(m[1]!.toLowerCase()) ? m : null;
  const ext = kept ? kept[1]!.toLowerCase() : exts[0]!;
  const stem = (kept ? clean.slice(0, -kept[0].length) : clean).trim();
  const short = Array.from(stem).slice(0, OPTION_ATTACHMENT_LIMITS.nameMax - ext.length - 1).join('').trim();
  return `${short || '附件'}.${ext}`;
}

/** `attachment` with an ASCII fallback and the exact name in RFC 5987 form (filename*=UTF-8''…). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
