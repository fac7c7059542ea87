import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  agendaCategoryCreateSchema,
  agendaCategoryListSchema,
  agendaCategorySchema,
  agendaCategoryUpdateSchema,
  idParamsSchema,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { actorOf } from '../../platform/http/access.js';
import { AgendaScopeService } from './agenda-scope.service.js';

/**
 * /api/consultations/agenda-categories (七议五不议): everyone who reads consultations sees the
 * list (screeners choose from it); only the county changes it (`consultations.configure`).
 */
export function agendaScopeRoutes(app: FastifyInstance, db: Db): void {
  const service = new AgendaScopeService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consultations'];
  const configure = { access: 'consultations.configure' as const };

  r.get('/agenda-categories', { config: { access: 'consultations.read' }, schema: { tags, response: { 200: agendaCategoryListSchema } } }, async () => service.list());
  r.post('/agenda-categories', { config: configure, schema: { tags, body: agendaCategoryCreateSchema, response: { 201: agendaCategorySchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(req.body, actorOf(req));
  });
  r.patch('/agenda-categories/:id', { config: configure, schema: { tags, params: idParamsSchema, body: agendaCategoryUpdateSchema, response: { 200: agendaCategorySchema } } }, async (req) =>
    service.update(req.params.id, req.body, actorOf(req)),
  );
}
