import type { FastifyInstance } from 'fastify';
import { deputyCreateSchema, deputyListQuerySchema, deputyListSchema, deputySchema, deputyUpdateSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { registerRegistryRoutes } from '../person-roles/registry-routes.js';
import { DeputiesService } from './deputies.service.js';

export async function deputiesRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  registerRegistryRoutes(app, {
    tags: ['deputies'],
    read: 'people.read',
    write: 'people.write',
    schemas: { listQuery: deputyListQuerySchema, list: deputyListSchema, record: deputySchema, create: deputyCreateSchema, update: deputyUpdateSchema },
    service: new DeputiesService(db),
  });
}
