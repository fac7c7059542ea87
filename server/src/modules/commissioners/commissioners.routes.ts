import type { FastifyInstance } from 'fastify';
import { commissionerCreateSchema, commissionerListQuerySchema, commissionerListSchema, commissionerSchema, commissionerUpdateSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { registerRegistryRoutes } from '../person-roles/registry-routes.js';
import { CommissionersService } from './commissioners.service.js';

export async function commissionersRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  registerRegistryRoutes(app, {
    tags: ['commissioners'],
    read: 'people.read',
    write: 'people.write',
    schemas: { listQuery: commissionerListQuerySchema, list: commissionerListSchema, record: commissionerSchema, create: commissionerCreateSchema, update: commissionerUpdateSchema },
    service: new CommissionersService(db),
  });
}
