import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, ticketEscalateSchema, ticketEscalationResultSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { TicketEscalationService } from './tickets-escalation.service.js';

/** 书记直通车, mounted under /api/tickets; not a step of the state machine (the status stays). */
export async function ticketEscalationRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new TicketEscalationService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/:id/escalate',
    { config: { access: 'tickets.confirm' }, schema: { tags: ['tickets'], params: idParamsSchema, body: ticketEscalateSchema, response: { 200: ticketEscalationResultSchema } } },
    async (req) => service.escalate(authOf(req), req.params.id, req.body, actorOf(req)),
  );
}
