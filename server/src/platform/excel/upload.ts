import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EXCEL_LIMITS } from '@xj/contracts';
import { AppError, badRequest } from '../errors.js';

const tooLarge = () => new AppError(413, 'PAYLOAD_TOO_LARGE', `文件过大：最大 ${EXCEL_LIMITS.uploadBytes / 1024 / 1024} MB，请拆分后分批导入`);

/** Lets the routes of this plugin context take one uploaded file (multipart/form-data). */
export async function acceptUploads(app: FastifyInstance): Promise<void> {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  await app.register(multipart, {
    limits: { fileSize: EXCEL_LIMITS.uploadBytes, files: 1, fields: 10, parts: 11 },
  });
}

/** The one uploaded file (field `file`), within the size limit; its name without any path. */
export async function readUpload(req: FastifyRequest): Promise<{ fileName: string; buffer: Buffer }> {
  if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传文件（字段名 file）');
  try {
    const part = await req.file({ throwFileSizeLimit: true });
    if (!part) throw badRequest('请选择要上传的文件');
    const buffer = await part.toBuffer();
    const fileName = (part.filename || 'upload.xlsx').split(/[\\/]/).pop()!.slice(0, 200);
    return { fileName, buffer };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw badRequest('一次只能上传一个文件');
    throw badRequest('上传的数据不完整或格式不正确，请重新上传');
  }
}
