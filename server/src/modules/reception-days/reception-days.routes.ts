import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  agendaAddSchema,
  agendaDecideSchema,
  attendeeCreateSchema,
  emptyBodySchema,
  escalationListSchema,
  idParamsSchema,
  receptionDayAttendeeParamsSchema,
  receptionDayCreateSchema,
  receptionDayDetailSchema,
  receptionDayHoldSchema,
  receptionDayItemParamsSchema,
  receptionDayListQuerySchema,
  receptionDayListSchema,
  receptionDayUpdateSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { ReceptionDaysService } from './reception-days.service.js';
import { minutesHtml } from './reception-days.minutes.js';
import { TicketEscalationService } from './tickets-escalation.service.js';

export async function receptionDaysRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new ReceptionDaysService(db);
  const escalations = new TicketEscalationService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reception-days'];
  const read = { access: 'tickets.read' as const };
  const manage = { access: 'tickets.manage' as const };
  const detail = { 200: receptionDayDetailSchema };

  r.get('/', { config: read, schema: { tags, querystring: receptionDayListQuerySchema, response: { 200: receptionDayListSchema } } }, async (req) =>
    service.list(authOf(req), req.query),
  );
  r.get('/pending-escalations', { config: read, schema: { tags, response: { 200: escalationListSchema } } }, async (req) => escalations.pending(authOf(req)));
  r.post('/', { config: manage, schema: { tags, body: receptionDayCreateSchema, response: { 201: receptionDayDetailSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.create(authOf(req), req.body, actorOf(req));
  });
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: detail } }, async (req) => service.get(authOf(req), req.params.id));
  r.patch('/:id', { config: manage, schema: { tags, params: idParamsSchema, body: receptionDayUpdateSchema, response: detail } }, async (req) =>
    service.update(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/attendees', { config: manage, schema: { tags, params: idParamsSchema, body: attendeeCreateSchema, response: detail } }, async (req) =>
    service.addAttendee(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.delete('/:id/attendees/:attendeeId', { config: manage, schema: { tags, params: receptionDayAttendeeParamsSchema, body: emptyBodySchema, response: detail } }, async (req) =>
    service.removeAttendee(authOf(req), req.params.id, req.params.attendeeId, actorOf(req)),
  );
  r.post('/:id/agenda', { config: manage, schema: { tags, params: idParamsSchema, body: agendaAddSchema, response: detail } }, async (req) =>
    service.addToAgenda(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/:id/agenda/:itemId/decide', { config: manage, schema: { tags, params: receptionDayItemParamsSchema, body: agendaDecideSchema, response: detail } }, async (req) =>
    service.decide(authOf(req), req.params.id, req.params.itemId, req.body, actorOf(req)),
  );
  r.post('/:id/hold', { config: manage, schema: { tags, params: idParamsSchema, body: receptionDayHoldSchema, response: detail } }, async (req) =>
    service.hold(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  // Printable minutes: a self-contained A4 page; identifiers in free text are masked.
  r.get('/:id/minutes.html', { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const html = minutesHtml(await service.get(authOf(req), req.params.id), new Date());
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(html);
  });
}
