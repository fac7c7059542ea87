import type { FastifyInstance } from 'fastify';
import { socialOrgCreateSchema, socialOrgListQuerySchema, socialOrgListSchema, socialOrgSchema, socialOrgUpdateSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { registerRegistryRoutes } from '../person-roles/registry-routes.js';
import { SocialOrgsService } from './social-orgs.service.js';

export async function socialOrgsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  registerRegistryRoutes(app, {
    tags: ['social-orgs'],
    read: 'orgs.read',
    write: 'orgs.write',
    schemas: { listQuery: socialOrgListQuerySchema, list: socialOrgListSchema, record: socialOrgSchema, create: socialOrgCreateSchema, update: socialOrgUpdateSchema },
    service: new SocialOrgsService(db),
  });
}
