import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ticketRatesQuerySchema, ticketRatesSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { authOf } from '../../platform/http/access.js';
import { TicketRatesService } from './tickets-rates.service.js';

/** Mounted under /tickets beside `/:id`: find-my-way matches the static `/rates` before the parametric route. */
export async function ticketRatesRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new TicketRatesService(db);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/rates',
    { config: { access: 'tickets.read' }, schema: { tags: ['tickets'], querystring: ticketRatesQuerySchema, response: { 200: ticketRatesSchema } } },
    async (req) => service.rates(authOf(req), req.query),
  );
}
