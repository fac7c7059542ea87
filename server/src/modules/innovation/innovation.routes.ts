import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  emptyBodySchema,
  idParamsSchema,
  INNOVATION_LIMITS,
  innovationAttachmentParamsSchema,
  innovationCaseDetailSchema,
  innovationCaseInputSchema,
  innovationExportQuerySchema,
  innovationLatestQuerySchema,
  innovationLatestSchema,
  innovationLibraryQuerySchema,
  innovationLibrarySchema,
  innovationNoteBodySchema,
  innovationReasonBodySchema,
  innovationSubmissionsQuerySchema,
  innovationSubmissionsSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { acceptFileUploads, readFileUpload } from '../../platform/stored-files.js';
import { xlsxDownload } from '../../platform/excel/workbook.js';
import { contentDisposition } from '../consultations/option-attachments.files.js';
import { libraryWorkbook } from './innovation-export.js';
import { InnovationService } from './innovation.service.js';

const UPLOAD = { what: '附件', unit: '个', maxBytes: INNOVATION_LIMITS.attachmentBytes };

/** /api/innovation: the innovation case library (创新创效) — submissions, review, the published library. */
export async function innovationRoutes(app: FastifyInstance, { db, config }: AppDeps): Promise<void> {
  const service = new InnovationService(db, config.attachmentDir);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['innovation'];
  const read = { access: 'innovation.read' as const };
  const submit = { access: 'innovation.submit' as const };
  const review = { access: 'innovation.review' as const };
  const detail = { 200: innovationCaseDetailSchema };

  r.get('/', { config: read, schema: { tags, summary: '创新案例库（已发布，按文字和标签检索）', querystring: innovationLibraryQuerySchema, response: { 200: innovationLibrarySchema } } }, async (req) =>
    service.library(req.query),
  );
  r.get('/export', { config: read, schema: { tags, summary: '导出创新案例库（.xlsx）', querystring: innovationExportQuerySchema } }, async (req, reply) =>
    xlsxDownload(reply, await libraryWorkbook(db, { q: req.query.q || undefined, tag: req.query.tag || undefined }), `创新案例库_${new Date().toISOString().slice(0, 10)}.xlsx`),
  );
  r.get('/latest', { config: read, schema: { tags, summary: '最新发布的创新案例（驾驶舱）', querystring: innovationLatestQuerySchema, response: { 200: innovationLatestSchema } } }, async (req) =>
    service.latest(req.query.limit),
  );
  r.get('/submissions', { config: submit, schema: { tags, summary: '本辖区的案例申报（草稿、待审核、已退回）', querystring: innovationSubmissionsQuerySchema, response: { 200: innovationSubmissionsSchema } } }, async (req) =>
    service.submissions(authOf(req), req.query),
  );
  r.get('/attachments/:id', { config: read, schema: { tags, summary: '下载案例附件', params: idParamsSchema } }, async (req, reply) => {
    const f = await service.open(authOf(req), req.params.id);
    return reply
      .type(f.contentType)
      .header('content-length', f.bytes)
      .header('content-disposition', contentDisposition(f.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(f.body);
  });
  r.get('/:id', { config: read, schema: { tags, summary: '创新案例详情', params: idParamsSchema, response: detail } }, async (req) => service.get(authOf(req), req.params.id));

  // The unit's steps.
  r.post('/', { config: submit, schema: { tags, summary: '新建案例草稿', body: innovationCaseInputSchema, response: { 201: innovationCaseDetailSchema } } }, async (req, reply) => {
    const out = await service.create(authOf(req), req.body, actorOf(req));
    reply.code(201);
    return out;
  });
  r.put('/:id', { config: submit, schema: { tags, summary: '修改案例（草稿或已退回）', params: idParamsSchema, body: innovationCaseInputSchema, response: detail } }, async (req) =>
    service.update(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/submit', { config: submit, schema: { tags, summary: '提交审核', params: idParamsSchema, body: emptyBodySchema, response: detail } }, async (req) =>
    service.submit(authOf(req), req.params.id, actorOf(req)),
  );
  r.post('/:id/recall', { config: submit, schema: { tags, summary: '撤回提交（回到草稿）', params: idParamsSchema, body: emptyBodySchema, response: detail } }, async (req) =>
    service.recall(authOf(req), req.params.id, actorOf(req)),
  );
  r.post('/:id/withdraw', { config: submit, schema: { tags, summary: '放弃草稿或已退回的案例', params: idParamsSchema, body: innovationReasonBodySchema, response: detail } }, async (req) =>
    service.withdraw(authOf(req), req.params.id, req.body.reason, actorOf(req)),
  );
  r.delete('/:id/attachments/:attachmentId', { config: submit, schema: { tags, summary: '删除案例附件', params: innovationAttachmentParamsSchema, body: emptyBodySchema, response: detail } }, async (req) =>
    service.removeAttachment(authOf(req), req.params.id, req.params.attachmentId, actorOf(req)),
  );

  // The county's review.
  r.post('/:id/publish', { config: review, schema: { tags, summary: '审核通过并发布', params: idParamsSchema, body: emptyBodySchema, response: detail } }, async (req) =>
    service.publish(authOf(req), req.params.id, actorOf(req)),
  );
  r.post('/:id/return', { config: review, schema: { tags, summary: '退回修改（附意见）', params: idParamsSchema, body: innovationNoteBodySchema, response: detail } }, async (req) =>
    service.returnCase(authOf(req), req.params.id, req.body.note, actorOf(req)),
  );
  r.post('/:id/unpublish', { config: review, schema: { tags, summary: '撤销已发布的案例（附原因）', params: idParamsSchema, body: innovationReasonBodySchema, response: detail } }, async (req) =>
    service.unpublish(authOf(req), req.params.id, req.body.reason, actorOf(req)),
  );

  // Only the upload's plugin context takes multipart bodies.
  await app.register(async (uploads) => {
    await acceptFileUploads(uploads, INNOVATION_LIMITS.attachmentBytes);
    uploads.withTypeProvider<ZodTypeProvider>().post(
      '/:id/attachments',
      { config: submit, schema: { tags, summary: '上传案例附件（PDF、图片、Word、Excel，multipart 字段 file）', params: idParamsSchema, response: { 201: innovationCaseDetailSchema } } },
      async (req, reply) => {
        const file = await readFileUpload(req, UPLOAD);
        reply.code(201);
        return service.upload(authOf(req), req.params.id, file, actorOf(req));
      },
    );
  });
}
