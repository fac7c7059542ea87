import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db.js';

/** /api/consultations: questionnaire, online vote and ratings of a topic, as the console runs them. */
export function participationRoutes(_app: FastifyInstance, _db: Db): void {}

/** /api/public/consultations: a verified resident answers, votes and rates. */
export function publicParticipationRoutes(_app: FastifyInstance, _db: Db): void {}
