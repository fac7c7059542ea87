import type { FastifyInstance } from 'fastify';
import { gigWorkerCreateSchema, gigWorkerListQuerySchema, gigWorkerListSchema, gigWorkerSchema, gigWorkerUpdateSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { registerRegistryRoutes } from '../person-roles/registry-routes.js';
import { GigWorkersService } from './gig-workers.service.js';

export async function gigWorkersRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  registerRegistryRoutes(app, {
    tags: ['gig-workers'],
    read: 'people.read',
    write: 'people.write',
    schemas: { listQuery: gigWorkerListQuerySchema, list: gigWorkerListSchema, record: gigWorkerSchema, create: gigWorkerCreateSchema, update: gigWorkerUpdateSchema },
    service: new GigWorkersService(db),
  });
}
