import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/http/app.js';

export async function redStationsRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
export async function serviceRoomsRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
export async function publicRedStationsRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
