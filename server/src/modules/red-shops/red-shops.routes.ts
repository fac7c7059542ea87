import type { FastifyInstance } from 'fastify';
import { redShopCreateSchema, redShopListQuerySchema, redShopListSchema, redShopSchema, redShopUpdateSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { registerRegistryRoutes } from '../person-roles/registry-routes.js';
import { RedShopsService } from './red-shops.service.js';

export async function redShopsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  registerRegistryRoutes(app, {
    tags: ['red-shops'],
    read: 'orgs.read',
    write: 'orgs.write',
    schemas: { listQuery: redShopListQuerySchema, list: redShopListSchema, record: redShopSchema, create: redShopCreateSchema, update: redShopUpdateSchema },
    service: new RedShopsService(db),
  });
}
