import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  workerChangeCreateSchema,
  workerCreateSchema,
  workerDetailSchema,
  workerExportQuerySchema,
  workerListQuerySchema,
  workerListSchema,
  workerStatsQuerySchema,
  workerStatsSchema,
  workerUpdateSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { registerExportRoute } from '../../platform/excel/registry-export.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { WORKER_EXPORT_COLUMNS, WORKER_IMPORT, workerImportHandler } from './community-workers.excel.js';
import { CommunityWorkersService } from './community-workers.service.js';

/** /api/workers: the community-worker registry (社区工作者), its history and Excel import/export. */
export async function communityWorkersRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new CommunityWorkersService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workers'];
  const read = { access: 'workers.read' as const };
  const write = { access: 'workers.manage' as const };

  r.get('/', { config: read, schema: { tags, querystring: workerListQuerySchema, response: { 200: workerListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'workers.read'), req.query),
  );
  r.get('/stats', { config: read, schema: { tags, querystring: workerStatsQuerySchema, response: { 200: workerStatsSchema } } }, async (req) =>
    service.stats(scopeFor(authOf(req), 'workers.read'), req.query.nodeId),
  );
  // In a child context: the upload parser must not make the JSON routes accept multipart bodies.
  await app.register(async (excel) => {
    registerExportRoute(excel, {
      db, access: 'workers.read', tags, querystring: workerExportQuerySchema,
      spec: { title: '社区工作者名册', action: 'worker.export', targetType: 'community_worker', list: (s, q) => service.list(s, q), personId: (w) => w.personId, columns: WORKER_EXPORT_COLUMNS },
    });
    await registerImportRoutes(excel, {
      db, access: 'workers.manage', tags, spec: WORKER_IMPORT,
      handler: (req) => workerImportHandler({ write: scopeFor(authOf(req), 'workers.manage'), read: scopeFor(authOf(req), 'people.read') }, actorOf(req).userId),
    });
  });
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: workerDetailSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'workers.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: workerCreateSchema, response: { 201: workerDetailSchema } } }, async (req, reply) => {
    reply.code(201);
    const auth = authOf(req);
    return service.create({ workers: scopeFor(auth, 'workers.manage'), people: scopeFor(auth, 'people.read') }, req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: workerUpdateSchema, response: { 200: workerDetailSchema } } }, async (req) =>
    service.update(scopeFor(authOf(req), 'workers.manage'), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/changes', { config: write, schema: { tags, params: idParamsSchema, body: workerChangeCreateSchema, response: { 200: workerDetailSchema } } }, async (req) =>
    service.change(scopeFor(authOf(req), 'workers.manage'), req.params.id, req.body, actorOf(req)),
  );
}
