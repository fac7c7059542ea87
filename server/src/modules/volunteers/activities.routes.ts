import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activityCancelSchema,
  activityCreateSchema,
  activityDetailSchema,
  activityListQuerySchema,
  activityListSchema,
  activityRosterSchema,
  activitySignupParamsSchema,
  activityTokenParamsSchema,
  activityUpdateSchema,
  emptyBodySchema,
  idParamsSchema,
  mySignupSchema,
  myVolunteeringSchema,
  publicActivityListQuerySchema,
  publicActivityListSchema,
  publicActivitySchema,
  rosterEntrySchema,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { actorOf, authOf, residentOf } from '../../platform/http/access.js';
import { xlsxDownload } from '../../platform/excel/workbook.js';
import { sendQrPng, siteUrl } from '../consultations/posters.js';
import { ActivitiesService } from './activities.service.js';
import { rosterWorkbook } from './activities-export.js';
import { SignupsService } from './signups.service.js';

const MINUTE = 60_000;

/**
 * /api/volunteers/activities (志愿服务活动): reading needs volunteers.read; publishing, changing,
 * cancelling, closing and staff check-in/out volunteers.manage over the organiser node.
 */
export function activitiesRoutes(app: FastifyInstance, db: Db): void {
  const service = new ActivitiesService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['volunteers'];
  const read = { access: 'volunteers.read' as const };
  const manage = { access: 'volunteers.manage' as const };
  const detail = { 200: activityDetailSchema };

  r.get('/activities', { config: read, schema: { tags, querystring: activityListQuerySchema, response: { 200: activityListSchema } } }, async (req) => service.list(authOf(req), req.query));
  r.get('/activities/:id', { config: read, schema: { tags, params: idParamsSchema, response: detail } }, async (req) => service.get(authOf(req), req.params.id));
  r.post('/activities', { config: manage, schema: { tags, summary: '发布志愿服务活动', body: activityCreateSchema, response: { 201: activityDetailSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(authOf(req), req.body, actorOf(req));
  });
  r.patch('/activities/:id', { config: manage, schema: { tags, summary: '修改志愿服务活动（开始前）', params: idParamsSchema, body: activityUpdateSchema, response: detail } }, async (req) =>
    service.update(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/activities/:id/cancel', { config: manage, schema: { tags, summary: '取消志愿服务活动', params: idParamsSchema, body: activityCancelSchema, response: detail } }, async (req) =>
    service.cancel(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/activities/:id/close', { config: manage, schema: { tags, summary: '结束志愿服务活动（记录缺席）', params: idParamsSchema, body: emptyBodySchema, response: detail } }, async (req) =>
    service.close(authOf(req), req.params.id, actorOf(req)),
  );
  r.get('/activities/:id/roster', { config: read, schema: { tags, summary: '报名与签到名单（手机号脱敏）', params: idParamsSchema, response: { 200: activityRosterSchema } } }, async (req) =>
    service.roster(authOf(req), req.params.id),
  );
  r.get('/activities/:id/roster.xlsx', { config: read, schema: { tags, summary: '导出报名与签到名单（手机号脱敏）', params: idParamsSchema } }, async (req, reply) => {
    const { activity, rows } = await service.rosterForExport(authOf(req), req.params.id, actorOf(req));
    const { file, fileName } = await rosterWorkbook(activity, rows);
    return xlsxDownload(reply, file, fileName);
  });
  // The activity's check-in QR code: it opens /m/volunteer/checkin/<token> on this site.
  r.get('/activities/:id/qr.png', { config: read, schema: { tags, summary: '志愿服务活动签到二维码（PNG）', params: idParamsSchema } }, async (req, reply) => {
    const a = await service.get(authOf(req), req.params.id);
    return sendQrPng(reply, siteUrl(req, a.checkinPath), `activity-${a.id}-qr.png`);
  });
  for (const step of ['in', 'out'] as const) {
    r.post(
      `/activities/:id/signups/:signupId/check${step}`,
      { config: manage, schema: { tags, summary: step === 'in' ? '代为签到' : '代为签退', params: activitySignupParamsSchema, body: emptyBodySchema, response: { 200: rosterEntrySchema } } },
      async (req) => service.attendance(authOf(req), req.params.id, req.params.signupId, step, actorOf(req)),
    );
  }
}

/**
 * /api/public/volunteers: anyone sees upcoming activities; verified residents (`resident`,
 * same-origin writes checked by the access hook) sign up, cancel, check in and out with the
 * activity's QR code, and see their own hours.
 */
export function publicActivitiesRoutes(app: FastifyInstance, db: Db): void {
  const service = new SignupsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  const pub = { access: 'public' as const, rateLimit: { max: 120, timeWindow: MINUTE } };
  const resident = { access: 'resident' as const, rateLimit: { max: 60, timeWindow: MINUTE } };
  const mine = { 200: mySignupSchema };

  r.get('/activities', { config: pub, schema: { tags, querystring: publicActivityListQuerySchema, response: { 200: publicActivityListSchema } } }, async (req) => service.listUpcoming(req.query));
  r.get('/activities/:id', { config: pub, schema: { tags, params: idParamsSchema, response: { 200: publicActivitySchema } } }, async (req) => service.get(req.params.id));
  r.post('/activities/:id/signup', { config: resident, schema: { tags, summary: '居民报名志愿服务活动', params: idParamsSchema, body: emptyBodySchema, response: { 200: mySignupSchema, 201: mySignupSchema } } }, async (req, reply) => {
    const { signup, created } = await service.signUp(req.params.id, residentOf(req), req.ip);
    reply.code(created ? 201 : 200);
    return signup;
  });
  r.delete('/activities/:id/signup', { config: resident, schema: { tags, summary: '取消报名（活动开始前）', params: idParamsSchema, body: emptyBodySchema, response: mine } }, async (req) =>
    service.cancel(req.params.id, residentOf(req), req.ip),
  );
  r.post('/checkin/:token', { config: resident, schema: { tags, summary: '扫码签到', params: activityTokenParamsSchema, body: emptyBodySchema, response: mine } }, async (req) =>
    service.checkIn(req.params.token, residentOf(req), req.ip),
  );
  r.post('/checkout/:token', { config: resident, schema: { tags, summary: '扫码签退（计算服务时长和积分）', params: activityTokenParamsSchema, body: emptyBodySchema, response: mine } }, async (req) =>
    service.checkOut(req.params.token, residentOf(req), req.ip),
  );
  r.get('/me', { config: { access: 'resident' }, schema: { tags, summary: '我的志愿服务：报名、时长、积分', response: { 200: myVolunteeringSchema } } }, async (req) => service.me(residentOf(req)));
}
