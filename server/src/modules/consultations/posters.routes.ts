import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, PUBLIC_TOPIC_STATUSES, topicPublicPath, type TopicStatus } from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { conflict } from '../../platform/errors.js';
import { authOf } from '../../platform/http/access.js';
import type { AuthContext } from '../../platform/auth/scope.js';
import { MeetingsService } from './meetings.service.js';
import { meetingPosterHtml, sendPrintable, sendQrPng, siteUrl, topicPosterHtml } from './posters.js';
import { topicToRead } from './topic-access.js';

/**
 * QR codes and printable A4 posters (consultations.read, out of scope → 404): a topic's
 * opens its phone page (云商量) — only once it is public (409 before) —, a meeting's its sign-in page.
 */
export function postersRoutes(app: FastifyInstance, db: Db): void {
  const meetings = new MeetingsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consultations'];
  const read = { access: 'consultations.read' as const };

  const publicTopic = async (auth: AuthContext, id: number) => {
    const t = await topicToRead(db, auth, id);
    if (!(PUBLIC_TOPIC_STATUSES as readonly TopicStatus[]).includes(t.status)) throw conflict('议题审查通过后才对居民公开，才能扫码参与', { status: t.status });
    return t;
  };

  r.get('/topics/:id/qr.png', { config: read, schema: { tags, summary: '议题二维码（PNG，打开云商量页面）', params: idParamsSchema } }, async (req, reply) => {
    const t = await publicTopic(authOf(req), req.params.id);
    return sendQrPng(reply, siteUrl(req, topicPublicPath(t.id)), `topic-${t.id}-qr.png`);
  });
  r.get('/topics/:id/poster.html', { config: read, schema: { tags, summary: '议题二维码海报（A4 打印）', params: idParamsSchema } }, async (req, reply) => {
    const t = await publicTopic(authOf(req), req.params.id);
    const html = await topicPosterHtml({ title: t.title, communityName: t.community_name, nodeName: t.node_name }, siteUrl(req, topicPublicPath(t.id)));
    return sendPrintable(reply, html);
  });
  r.get('/meetings/:id/poster.html', { config: read, schema: { tags, summary: '商量会议签到海报（A4 打印）', params: idParamsSchema } }, async (req, reply) => {
    const m = await meetings.get(authOf(req), req.params.id);
    return sendPrintable(reply, await meetingPosterHtml(m, siteUrl(req, m.signInPath)));
  });
}
