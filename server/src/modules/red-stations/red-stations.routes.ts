import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  publicStationListSchema,
  publicStationQuerySchema,
  publicStationSchema,
  redStationCreateSchema,
  redStationDetailSchema,
  redStationExportQuerySchema,
  redStationListQuerySchema,
  redStationListSchema,
  redStationUpdateSchema,
  roomSummarySchema,
  roomUseCreateSchema,
  roomUseListQuerySchema,
  roomUseRecordListSchema,
  roomUseRecordSchema,
  serviceRoomCreateSchema,
  serviceRoomDetailSchema,
  serviceRoomExportQuerySchema,
  serviceRoomListQuerySchema,
  serviceRoomListSchema,
  serviceRoomUpdateSchema,
  stationSummaryQuerySchema,
  stationSummarySchema,
  stationVisitCreateSchema,
  stationVisitListQuerySchema,
  stationVisitListSchema,
  stationVisitSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { registerExportRoute } from '../../platform/excel/registry-export.js';
import { ROOM_EXPORT_COLUMNS, STATION_EXPORT_COLUMNS } from './red-stations.excel.js';
import { RedStationsService } from './red-stations.service.js';
import { ServiceRoomsService } from './service-rooms.service.js';

const read = { access: 'stations.read' as const };
const write = { access: 'stations.manage' as const };

/** /api/red-stations: the red station registry (红色驿站), daily visits, figures and export. */
export async function redStationsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new RedStationsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['red-stations'];

  r.get('/', { config: read, schema: { tags, querystring: redStationListQuerySchema, response: { 200: redStationListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'stations.read'), req.query),
  );
  r.get('/summary', { config: read, schema: { tags, querystring: stationSummaryQuerySchema, response: { 200: stationSummarySchema } } }, async (req) =>
    service.summary(scopeFor(authOf(req), 'stations.read'), req.query.nodeId),
  );
  registerExportRoute(app, {
    db, access: 'stations.read', tags, querystring: redStationExportQuerySchema,
    spec: { title: '红色驿站名册', action: 'station.export', targetType: 'red_station', list: (s, q) => service.list(s, q), personId: (x) => x.keeper?.id, columns: STATION_EXPORT_COLUMNS },
  });
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: redStationDetailSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'stations.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: redStationCreateSchema, response: { 201: redStationDetailSchema } } }, async (req, reply) => {
    const auth = authOf(req);
    const res = await service.create({ stations: scopeFor(auth, 'stations.manage'), people: scopeFor(auth, 'people.read') }, req.body, actorOf(req));
    reply.code(201);
    return res;
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: redStationUpdateSchema, response: { 200: redStationDetailSchema } } }, async (req) => {
    const auth = authOf(req);
    return service.update({ stations: scopeFor(auth, 'stations.manage'), people: scopeFor(auth, 'people.read') }, req.params.id, req.body, actorOf(req));
  });
  r.get('/:id/visits', { config: read, schema: { tags, params: idParamsSchema, querystring: stationVisitListQuerySchema, response: { 200: stationVisitListSchema } } }, async (req) =>
    service.visits(scopeFor(authOf(req), 'stations.read'), req.params.id, req.query),
  );
  r.post('/:id/visits', { config: write, schema: { tags, params: idParamsSchema, body: stationVisitCreateSchema, response: { 201: stationVisitSchema } } }, async (req, reply) => {
    const res = await service.recordVisit(scopeFor(authOf(req), 'stations.manage'), req.params.id, req.body, actorOf(req));
    reply.code(201);
    return res;
  });
}

/** /api/service-rooms: public service rooms (公共服务用房), their use records, figures and export. */
export async function serviceRoomsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new ServiceRoomsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['service-rooms'];

  r.get('/', { config: read, schema: { tags, querystring: serviceRoomListQuerySchema, response: { 200: serviceRoomListSchema } } }, async (req) =>
    service.list(scopeFor(authOf(req), 'stations.read'), req.query),
  );
  r.get('/summary', { config: read, schema: { tags, querystring: stationSummaryQuerySchema, response: { 200: roomSummarySchema } } }, async (req) =>
    service.summary(scopeFor(authOf(req), 'stations.read'), req.query.nodeId),
  );
  registerExportRoute(app, {
    db, access: 'stations.read', tags, querystring: serviceRoomExportQuerySchema,
    spec: { title: '公共服务用房台账', action: 'service_room.export', targetType: 'service_room', list: (s, q) => service.list(s, q), personId: () => null, columns: ROOM_EXPORT_COLUMNS },
  });
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: serviceRoomDetailSchema } } }, async (req) =>
    service.get(scopeFor(authOf(req), 'stations.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: serviceRoomCreateSchema, response: { 201: serviceRoomDetailSchema } } }, async (req, reply) => {
    const res = await service.create(scopeFor(authOf(req), 'stations.manage'), req.body, actorOf(req));
    reply.code(201);
    return res;
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: serviceRoomUpdateSchema, response: { 200: serviceRoomDetailSchema } } }, async (req) =>
    service.update(scopeFor(authOf(req), 'stations.manage'), req.params.id, req.body, actorOf(req)),
  );
  r.get('/:id/uses', { config: read, schema: { tags, params: idParamsSchema, querystring: roomUseListQuerySchema, response: { 200: roomUseRecordListSchema } } }, async (req) =>
    service.uses(scopeFor(authOf(req), 'stations.read'), req.params.id, req.query),
  );
  r.post('/:id/uses', { config: write, schema: { tags, params: idParamsSchema, body: roomUseCreateSchema, response: { 201: roomUseRecordSchema } } }, async (req, reply) => {
    const res = await service.recordUse(scopeFor(authOf(req), 'stations.manage'), req.params.id, req.body, actorOf(req));
    reply.code(201);
    return res;
  });
}

const MINUTE = 60_000;

/** /api/public/red-stations: active stations for the resident phone page, nearest first; no personal data. */
export async function publicRedStationsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new RedStationsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  const config = { access: 'public' as const, rateLimit: { max: 120, timeWindow: MINUTE } };

  r.get('/', { config, schema: { tags, summary: '红色驿站（按距离由近到远）', querystring: publicStationQuerySchema, response: { 200: publicStationListSchema } } }, async (req) =>
    service.publicList(req.query),
  );
  r.get('/:id', { config, schema: { tags, summary: '红色驿站详情', params: idParamsSchema, querystring: publicStationQuerySchema, response: { 200: publicStationSchema } } }, async (req) =>
    service.publicGet(req.params.id, req.query),
  );
}
