import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  inspectionCreateSchema,
  inspectionListQuerySchema,
  inspectionListSchema,
  inspectionPhotoParamsSchema,
  inspectionSchema,
  inspectionTicketSchema,
  memberScorecardBodySchema,
  memberScorecardParamsSchema,
  myPropertyRolesSchema,
  okSchema,
  paginationQuerySchema,
  publicCompoundGradesSchema,
  publicCompoundListSchema,
  publicCompoundSearchQuerySchema,
  ratingScorecardSchema,
  surveyAnswerSchema,
  TICKET_PHOTO_LIMITS,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf, residentIfAny, residentOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { acceptFileUploads, readFileUpload } from '../../platform/stored-files.js';
import { PropertyInspectionsService } from './property-inspections.service.js';

const MINUTE = 60_000;
const PHOTO = { what: '照片', unit: '张', maxBytes: TICKET_PHOTO_LIMITS.bytes };

const sendPhoto = (reply: FastifyReply, photo: { contentType: string; body: Buffer }) =>
  reply
    .type(photo.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .header('content-disposition', 'inline')
    .send(photo.body);

/** /api/property-inspections: red stewards' inspections on the console (list, photos, open a ticket). */
export async function propertyInspectionsRoutes(app: FastifyInstance, { db, config }: AppDeps): Promise<void> {
  const service = new PropertyInspectionsService(db, config.photoDir);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['property-ratings'];
  const read = { access: 'ratings.read' as const };

  r.get('/', { config: read, schema: { tags, summary: '管家巡查记录', querystring: inspectionListQuerySchema, response: { 200: inspectionListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'ratings.read'), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: inspectionSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'ratings.read'), req.params.id),
  );
  r.get('/:id/photos/:photoId', { config: read, schema: { tags, params: inspectionPhotoParamsSchema } }, async (req, reply) =>
    sendPhoto(reply, await service.openPhoto(scopeFor(authOf(req), 'ratings.read'), req.params.id, req.params.photoId)),
  );
  // Who may file where is the service's rule (the inspection in ratings.read scope, the compound in tickets.report scope).
  r.post('/:id/ticket', { config: { access: 'tickets.report' }, schema: { tags, summary: '巡查问题转工单', params: idParamsSchema, body: inspectionTicketSchema, response: { 200: inspectionSchema } } }, async (req) =>
    service.openTicket(authOf(req), req.params.id, req.body, actorOf(req)),
  );
}

/** /api/public/property-ratings: stewards' inspections and scorecards, owners' committee scorecards, the residents' survey, and compounds' published grades. */
export async function publicPropertyRatingsRoutes(app: FastifyInstance, { db, config }: AppDeps): Promise<void> {
  const service = new PropertyInspectionsService(db, config.photoDir);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  const resident = (max: number) => ({ access: 'resident' as const, rateLimit: { max, timeWindow: MINUTE } });

  r.get('/me', { config: resident(120), schema: { tags, summary: '我的红色管家、业委会身份与待评分', response: { 200: myPropertyRolesSchema } } }, async (req) => service.me(residentOf(req)));
  r.post('/inspections', { config: resident(30), schema: { tags, summary: '记录管家巡查', body: inspectionCreateSchema, response: { 201: inspectionSchema } } }, async (req, reply) => {
    const res = await service.createInspection(residentOf(req), req.body, req.ip);
    reply.code(201);
    return res;
  });
  r.get('/inspections/mine', { config: resident(120), schema: { tags, summary: '我的巡查记录', querystring: paginationQuerySchema.strict(), response: { 200: inspectionListSchema } } }, async (req) =>
    service.mine(residentOf(req), req.query),
  );
  r.get('/inspections/:id/photos/:photoId', { config: resident(240), schema: { tags, params: inspectionPhotoParamsSchema } }, async (req, reply) =>
    sendPhoto(reply, await service.openOwnPhoto(residentOf(req), req.params.id, req.params.photoId)),
  );
  r.put('/ratings/:id/scorecards/:source', { config: resident(30), schema: { tags, summary: '红色管家/业委会评分', params: memberScorecardParamsSchema, body: memberScorecardBodySchema, response: { 200: ratingScorecardSchema } } }, async (req) =>
    service.submitMemberCard(residentOf(req), req.params.id, req.params.source, req.body, req.ip),
  );
  r.post('/ratings/:id/survey', { config: resident(30), schema: { tags, summary: '物业服务满意度测评', params: idParamsSchema, body: surveyAnswerSchema, response: { 201: okSchema } } }, async (req, reply) => {
    const res = await service.answerSurvey(residentOf(req), req.params.id, req.body, req.ip);
    reply.code(201);
    return res;
  });
  const open = { access: 'public' as const, rateLimit: { max: 120, timeWindow: MINUTE } };
  r.get('/compounds', { config: open, schema: { tags, summary: '小区物业考核等级（查询）', querystring: publicCompoundSearchQuerySchema, response: { 200: publicCompoundListSchema } } }, async (req) =>
    service.searchCompounds(req.query.q),
  );
  r.get('/compounds/:id', { config: { ...open, optionalResident: true }, schema: { tags, summary: '小区物业考核等级与历史', params: idParamsSchema, response: { 200: publicCompoundGradesSchema } } }, async (req) =>
    service.compound(req.params.id, residentIfAny(req)),
  );

  // The photo upload in its own plugin context, so that only it takes multipart bodies.
  await app.register(async (uploads) => {
    await acceptFileUploads(uploads, TICKET_PHOTO_LIMITS.bytes);
    uploads.withTypeProvider<ZodTypeProvider>().post(
      '/inspections/:id/photos',
      { config: resident(30), schema: { tags, summary: '上传巡查照片（JPEG/PNG，每条最多3张）', params: idParamsSchema, response: { 200: inspectionSchema } } },
      async (req) => {
        const file = await readFileUpload(req, PHOTO);
        return service.addPhoto(residentOf(req), req.params.id, file.buffer, req.ip);
      },
    );
  });
}
