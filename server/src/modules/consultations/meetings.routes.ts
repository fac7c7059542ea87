import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  consultationStatsQuerySchema,
  consultationStatsSchema,
  emptyBodySchema,
  idParamsSchema,
  meetingAttendanceSchema,
  meetingAttendeeCreateSchema,
  meetingCancelSchema,
  meetingCreateSchema,
  meetingDetailSchema,
  meetingHoldSchema,
  meetingListQuerySchema,
  meetingListSchema,
  meetingTokenParamsSchema,
  publicMeetingSchema,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { actorOf, authOf, residentOf } from '../../platform/http/access.js';
import { ConsultationStatsService } from './consultation-stats.service.js';
import { MeetingsService } from './meetings.service.js';
import { sendQrPng, siteUrl } from './posters.js';

const MINUTE = 60_000;

/**
 * /api/consultations/meetings (商量会议) and /api/consultations/stats: reading needs
 * consultations.read, planning, holding, cancelling and recording attendees
 * consultations.manage (the service checks the topic's node against each scope).
 */
export function meetingsRoutes(app: FastifyInstance, db: Db): void {
  const service = new MeetingsService(db);
  const stats = new ConsultationStatsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consultations'];
  const read = { access: 'consultations.read' as const };
  const manage = { access: 'consultations.manage' as const };
  const detail = { 200: meetingDetailSchema };

  r.get('/meetings', { config: read, schema: { tags, querystring: meetingListQuerySchema, response: { 200: meetingListSchema } } }, async (req) => service.list(authOf(req), req.query));
  r.get('/meetings/:id', { config: read, schema: { tags, params: idParamsSchema, response: detail } }, async (req) => service.get(authOf(req), req.params.id));
  r.post('/meetings', { config: manage, schema: { tags, summary: '议事项：安排商量会议', body: meetingCreateSchema, response: { 201: meetingDetailSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(authOf(req), req.body, actorOf(req));
  });
  r.post('/meetings/:id/hold', { config: manage, schema: { tags, summary: '召开商量会议：记录讨论情况和决定（成为议题的决定）', params: idParamsSchema, body: meetingHoldSchema, response: detail } }, async (req) =>
    service.hold(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/meetings/:id/cancel', { config: manage, schema: { tags, summary: '取消商量会议', params: idParamsSchema, body: meetingCancelSchema, response: detail } }, async (req) =>
    service.cancel(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/meetings/:id/attendees', { config: manage, schema: { tags, summary: '登记参会人员', params: idParamsSchema, body: meetingAttendeeCreateSchema, response: { 201: meetingDetailSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.addAttendee(authOf(req), req.params.id, req.body, actorOf(req));
  });
  // Printable minutes: a self-contained A4 page; identifiers in free text are masked.
  r.get('/meetings/:id/minutes.html', { config: read, schema: { tags, summary: '商量会议纪要（打印）', params: idParamsSchema } }, async (req, reply) => {
    const html = await service.minutesHtml(authOf(req), req.params.id);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(html);
  });
  // The meeting's sign-in QR code for the console and the printed notice: it opens
  // /m/consult/meeting/<token> on this site (behind a proxy, TRUST_PROXY gives the public host).
  r.get('/meetings/:id/qr.png', { config: read, schema: { tags, summary: '商量会议签到二维码（PNG）', params: idParamsSchema } }, async (req, reply) => {
    const meeting = await service.get(authOf(req), req.params.id);
    return sendQrPng(reply, siteUrl(req, meeting.signInPath), `meeting-${meeting.id}-qr.png`);
  });
  r.get('/stats', { config: read, schema: { tags, summary: '商量统计：已召开会议（按形式、按月）、签到人次、议题状态、步骤与类别、办结用时、满意度', querystring: consultationStatsQuerySchema, response: { 200: consultationStatsSchema } } }, async (req) =>
    stats.stats(authOf(req), req.query),
  );
}

/**
 * /api/public/consultations/meetings/:token — the page a meeting's QR code opens: anyone sees
 * the summary (no personal data); signing in needs a verified resident (`access: 'resident'`,
 * same-origin POST checked by the access hook).
 */
export async function publicMeetingsRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const service = new MeetingsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];

  r.get('/meetings/:token', { config: { access: 'public', rateLimit: { max: 120, timeWindow: MINUTE } }, schema: { tags, params: meetingTokenParamsSchema, response: { 200: publicMeetingSchema } } }, async (req) =>
    service.publicSummary(req.params.token),
  );
  r.post(
    '/meetings/:token/attend',
    { config: { access: 'resident', rateLimit: { max: 60, timeWindow: MINUTE } }, schema: { tags, summary: '居民扫码签到（每人每会一次）', params: meetingTokenParamsSchema, body: emptyBodySchema, response: { 200: meetingAttendanceSchema, 201: meetingAttendanceSchema } } },
    async (req, reply) => {
      const a = await service.attend(req.params.token, residentOf(req), req.ip);
      reply.code(a.created ? 201 : 200);
      return a;
    },
  );
}
