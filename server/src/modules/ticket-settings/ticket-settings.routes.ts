import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  calendarDayCreateSchema,
  calendarDayListSchema,
  calendarDayParamsSchema,
  calendarDaySchema,
  calendarYearQuerySchema,
  emptyBodySchema,
  okSchema,
  ticketCategoryCreateSchema,
  ticketCategoryIdParamsSchema,
  ticketCategorySettingListSchema,
  ticketCategorySettingSchema,
  ticketCategoryUpdateSchema,
  type CalendarDayKind,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/access.js';
import { TicketSettingsService } from './ticket-settings.service.js';

/**
 * /api/ticket-settings: categories and the working-day calendar, county admins only
 * (`tickets.configure`, reads included). Readers keep GET /api/tickets/categories.
 */
export async function ticketSettingsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new TicketSettingsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ticket-settings'];
  const config = { access: 'tickets.configure' as const };

  r.get('/categories', { config, schema: { tags, response: { 200: ticketCategorySettingListSchema } } }, async () => service.categories());
  r.post('/categories', { config, schema: { tags, body: ticketCategoryCreateSchema, response: { 201: ticketCategorySettingSchema } } }, async (req, reply) => {
    reply.code(201);
    return service.createCategory(req.body, actorOf(req));
  });
  r.patch('/categories/:id', { config, schema: { tags, params: ticketCategoryIdParamsSchema, body: ticketCategoryUpdateSchema, response: { 200: ticketCategorySettingSchema } } }, async (req) =>
    service.updateCategory(req.params.id, req.body, actorOf(req)),
  );

  // Holidays (days off, even on a weekday) and make-up working days (调休上班, weekends only).
  const calendar = (path: string, kind: CalendarDayKind) => {
    r.get(path, { config, schema: { tags, querystring: calendarYearQuerySchema, response: { 200: calendarDayListSchema } } }, async (req) => service.days(kind, req.query.year));
    r.post(path, { config, schema: { tags, body: calendarDayCreateSchema, response: { 201: calendarDaySchema } } }, async (req, reply) => {
      reply.code(201);
      return service.addDay(kind, req.body, actorOf(req));
    });
    r.delete(`${path}/:day`, { config, schema: { tags, params: calendarDayParamsSchema, body: emptyBodySchema, response: { 200: okSchema } } }, async (req) =>
      service.removeDay(kind, req.params.day, actorOf(req)),
    );
  };
  calendar('/holidays', 'holiday');
  calendar('/workdays', 'workday');
}
