import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBodySchema, idParamsSchema, OPTION_ATTACHMENT_LIMITS, topicDetailSchema, topicOptionAttachmentParamsSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { acceptFileUploads, readFileUpload } from '../../platform/stored-files.js';
import { ATTACHMENT, contentDisposition } from './option-attachments.files.js';
import { OptionAttachmentsService, type AttachmentFile } from './option-attachments.service.js';

const MINUTE = 60_000;

/** A download: the checked type, the original name, never sniffed, never cached by a shared cache. */
function sendFile(reply: FastifyReply, f: AttachmentFile) {
  return reply
    .type(f.contentType)
    .header('content-length', f.bytes)
    .header('content-disposition', contentDisposition(f.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(f.body);
}

/** /api/consultations: a plan option's files (提方案); only the upload's plugin context takes multipart bodies. */
export async function optionAttachmentsRoutes(app: FastifyInstance, { db, config }: AppDeps): Promise<void> {
  const service = new OptionAttachmentsService(db, config.attachmentDir);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consultations'];
  const manage = { access: 'consultations.manage' as const };

  r.get('/attachments/:id', { config: { access: 'consultations.read' }, schema: { tags, summary: '下载方案附件', params: idParamsSchema } }, async (req, reply) =>
    sendFile(reply, await service.open(authOf(req), req.params.id)),
  );
  r.delete(
    '/topics/:id/options/:optionId/attachments/:attachmentId',
    { config: manage, schema: { tags, summary: '提方案：删除方案附件', params: topicOptionAttachmentParamsSchema, body: emptyBodySchema, response: { 200: topicDetailSchema } } },
    async (req) => service.remove(authOf(req), req.params.id, req.params.optionId, req.params.attachmentId, actorOf(req)),
  );
  await app.register(async (uploads) => {
    await acceptFileUploads(uploads, OPTION_ATTACHMENT_LIMITS.bytes);
    uploads.withTypeProvider<ZodTypeProvider>().post(
      '/topics/:id/options/:optionId/attachments',
      {
        config: manage,
        schema: { tags, summary: '提方案：上传方案附件（PDF、图片、Word、Excel，multipart 字段 file）', params: topicOptionAttachmentParamsSchema.omit({ attachmentId: true }), response: { 201: topicDetailSchema } },
      },
      async (req, reply) => {
        const file = await readFileUpload(req, ATTACHMENT);
        reply.code(201);
        return service.upload(authOf(req), req.params.id, req.params.optionId, file, actorOf(req));
      },
    );
  });
}

/** /api/public/consultations: a public topic's plan files for the phone pages. */
export function publicOptionAttachmentsRoutes(app: FastifyInstance, { db, config }: AppDeps): void {
  const service = new OptionAttachmentsService(db, config.attachmentDir);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/attachments/:id',
    { config: { access: 'public', rateLimit: { max: 120, timeWindow: MINUTE } }, schema: { tags: ['public'], summary: '下载公开议题的方案附件', params: idParamsSchema } },
    async (req, reply) => sendFile(reply, await service.openPublic(req.params.id)),
  );
}
