import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/http/app.js';
import { agendaScopeRoutes } from './agenda-scope.routes.js';
import { consultationOfficesRoutes } from './consultation-offices.routes.js';
import { topicsRoutes } from './topics.routes.js';
import { meetingsRoutes, publicMeetingsRoutes } from './meetings.routes.js';
import { publicTopicsRoutes, topicCommentsRoutes } from './topic-comments.routes.js';
import { participationRoutes, publicParticipationRoutes } from './participation.routes.js';
import { postersRoutes } from './posters.routes.js';
import { optionAttachmentsRoutes, publicOptionAttachmentsRoutes } from './option-attachments.routes.js';

/** /api/consultations: agenda scope (七议五不议), consultation offices (商量办公室), topics and the five steps, meetings (商量会议) and statistics. */
export async function consultationsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  agendaScopeRoutes(app, db);
  topicsRoutes(app, db);
  meetingsRoutes(app, db);
  topicCommentsRoutes(app, db);
  participationRoutes(app, db);
  postersRoutes(app, db);
  await app.register(async (a) => consultationOfficesRoutes(a, db), { prefix: '/offices' });
  await app.register(async (a) => optionAttachmentsRoutes(a, deps));
}

/** /api/public/consultations: the phone pages (云商量): public topics, and what verified residents do in them; a meeting's QR sign-in. */
export async function publicConsultationsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  await publicMeetingsRoutes(app, db);
  publicTopicsRoutes(app, db);
  publicParticipationRoutes(app, db);
  publicOptionAttachmentsRoutes(app, deps);
}
