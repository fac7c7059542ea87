import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/http/app.js';

export async function innovationRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
