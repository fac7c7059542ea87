import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  dualRegistrationApproveSchema,
  dualRegistrationCreateSchema,
  dualRegistrationDeclineSchema,
  dualRegistrationListQuerySchema,
  dualRegistrationListSchema,
  dualRegistrationSchema,
  dualRegistrationWithdrawSchema,
  idParamsSchema,
  myDualRegistrationSchema,
  myDualRegistrationsSchema,
  residentDualRegistrationCreateSchema,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { actorOf, authOf, residentOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { RegistrationsService } from './registrations.service.js';

/** /api/volunteers/registrations: dual registrations (双报到) and the compound branch's decision. */
export function registrationsRoutes(app: FastifyInstance, db: Db): void {
  const service = new RegistrationsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['volunteers'];
  const read = { access: 'volunteers.read' as const };
  const write = { access: 'volunteers.manage' as const };

  r.get('/registrations', { config: read, schema: { tags, querystring: dualRegistrationListQuerySchema, response: { 200: dualRegistrationListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'volunteers.read'), req.query),
  );
  r.get('/registrations/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: dualRegistrationSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'volunteers.read'), req.params.id),
  );
  r.post('/registrations', { config: write, schema: { tags, body: dualRegistrationCreateSchema, response: { 201: dualRegistrationSchema } } }, async (req, reply) => {
    reply.code(201);
    const auth = authOf(req);
    return service.create(scopeFor(auth, 'volunteers.manage'), scopeFor(auth, 'people.read'), req.body, actorOf(req));
  });
  r.post(
    '/registrations/:id/approve',
    { config: write, schema: { tags, params: idParamsSchema, body: dualRegistrationApproveSchema, response: { 200: dualRegistrationSchema } } },
    async (req) => service.approve(scopeFor(authOf(req), 'volunteers.manage'), req.params.id, req.body, actorOf(req)),
  );
  r.post(
    '/registrations/:id/decline',
    { config: write, schema: { tags, params: idParamsSchema, body: dualRegistrationDeclineSchema, response: { 200: dualRegistrationSchema } } },
    async (req) => service.decline(scopeFor(authOf(req), 'volunteers.manage'), req.params.id, req.body.reason, actorOf(req)),
  );
  r.post(
    '/registrations/:id/withdraw',
    { config: write, schema: { tags, params: idParamsSchema, body: dualRegistrationWithdrawSchema, response: { 200: dualRegistrationSchema } } },
    async (req) => service.withdraw(scopeFor(authOf(req), 'volunteers.manage'), req.params.id, req.body.reason, actorOf(req)),
  );
}

/** /api/public/volunteers/registrations: a verified resident registers on the phone and follows the decision. */
export function publicRegistrationsRoutes(app: FastifyInstance, db: Db): void {
  const service = new RegistrationsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['volunteers'];
  const resident = { access: 'resident' as const };

  r.post('/registrations', { config: resident, schema: { tags, body: residentDualRegistrationCreateSchema, response: { 201: myDualRegistrationSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.createByResident(residentOf(req), req.body, req.ip);
  });
  r.get('/registrations/mine', { config: resident, schema: { tags, response: { 200: myDualRegistrationsSchema } } }, async (req) => ({
    data: await service.mine(residentOf(req)),
  }));
}
