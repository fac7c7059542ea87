import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  ticketAssignSchema,
  ticketCategoryListSchema,
  ticketConfirmSchema,
  ticketCreateSchema,
  ticketDetailSchema,
  ticketHandleSchema,
  ticketListQuerySchema,
  ticketListSchema,
  ticketNoteSchema,
  ticketRouteSchema,
  ticketTransferSchema,
  ticketUnmaskResultSchema,
  ticketUnmaskSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { TicketsService } from './tickets.service.js';
import { TICKET_TRANSITIONS } from './tickets.state.js';

export async function ticketsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new TicketsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tickets'];
  const read = { access: 'tickets.read' as const };
  const step = (action: keyof typeof TICKET_TRANSITIONS) => ({ access: TICKET_TRANSITIONS[action].permission });
  const detail = { 200: ticketDetailSchema };

  r.get('/categories', { config: read, schema: { tags, response: { 200: ticketCategoryListSchema } } }, async () => service.categories());
  r.get('/', { config: read, schema: { tags, querystring: ticketListQuerySchema, response: { 200: ticketListSchema } } }, async (req) =>
    service.list(authOf(req), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: detail } }, async (req) => service.get(authOf(req), req.params.id));
  r.post('/', { config: { access: 'tickets.report' }, schema: { tags, body: ticketCreateSchema, response: { 201: ticketDetailSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(authOf(req), req.body, actorOf(req));
  });
  r.post('/:id/assign', { config: step('assign'), schema: { tags, params: idParamsSchema, body: ticketAssignSchema, response: detail } }, async (req) =>
    service.assign(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  // Not in the state table: only a triage ticket may be routed, and it stays `reported` until the automatic assignment.
  r.post('/:id/route', { config: { access: 'tickets.manage' }, schema: { tags, params: idParamsSchema, body: ticketRouteSchema, response: detail } }, async (req) =>
    service.route(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/accept', { config: step('accept'), schema: { tags, params: idParamsSchema, body: ticketNoteSchema, response: detail } }, async (req) =>
    service.accept(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/start', { config: step('start'), schema: { tags, params: idParamsSchema, body: ticketNoteSchema, response: detail } }, async (req) =>
    service.start(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/transfer', { config: step('transfer'), schema: { tags, params: idParamsSchema, body: ticketTransferSchema, response: detail } }, async (req) =>
    service.transfer(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/handle', { config: step('handle'), schema: { tags, params: idParamsSchema, body: ticketHandleSchema, response: detail } }, async (req) =>
    service.handle(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/confirm', { config: step('confirm'), schema: { tags, params: idParamsSchema, body: ticketConfirmSchema, response: detail } }, async (req) =>
    service.confirm(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/close', { config: step('close'), schema: { tags, params: idParamsSchema, body: ticketNoteSchema, response: detail } }, async (req) =>
    service.close(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  // The reporter's phone in clear, to call them back: a reason, audited.
  r.post(
    '/:id/unmask',
    { config: { access: 'tickets.unmask' }, schema: { tags, params: idParamsSchema, body: ticketUnmaskSchema, response: { 200: ticketUnmaskResultSchema } } },
    async (req) => service.unmaskReporterPhone(authOf(req), req.params.id, req.body.reason, actorOf(req)),
  );
}
