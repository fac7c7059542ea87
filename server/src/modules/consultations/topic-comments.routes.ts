import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db.js';

/** /api/consultations: the console's view of residents' comments and their moderation. */
export function topicCommentsRoutes(_app: FastifyInstance, _db: Db): void {}

/** /api/public/consultations: public topics, comments, support, raising a topic, the resident's notices. */
export function publicTopicsRoutes(_app: FastifyInstance, _db: Db): void {}
