import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { exportOptionsShape, requireUnmaskReason } from './imports.js';
import { LIMITS } from './limits.js';
import { dateSchema, personSummarySchema } from './people.js';
import { ROOM_SOURCES, ROOM_USES, STATION_LIMITS, STATION_PLACE_KINDS, STATION_SERVICES } from './red-station-kinds.js';

/** Contracts for red stations (红色驿站) and public service rooms (公共服务用房), issue 9. */

export const stationPlaceKindSchema = z.enum(STATION_PLACE_KINDS);
export const stationServiceSchema = z.enum(STATION_SERVICES);
export const roomSourceSchema = z.enum(ROOM_SOURCES);
export const roomUseSchema = z.enum(ROOM_USES);

const booleanQuery = z.enum(['true', 'false']).optional();
const searchQ = z.string().trim().max(LIMITS.searchMax).optional();
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** A set of codes: at least one, duplicates dropped. */
function codeSet<T extends z.ZodType<string>>(item: T, what: string) {
  return z
    .array(item)
    .min(1, `请至少选择一项${what}`)
    .max(20)
    .transform((a) => [...new Set(a)] as z.infer<T>[]);
}

const latSchema = z.number({ message: '纬度应为数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间');
const lngSchema = z.number({ message: '经度应为数字' }).min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间');
const bothOrNeither = (v: { lat?: number | null | undefined; lng?: number | null | undefined }) =>
  v.lat === undefined ? v.lng === undefined : v.lng !== undefined && (v.lat === null) === (v.lng === null);
const pairMessage = { message: '经纬度需同时填写或同时留空', path: ['lat'] };

// ── Stations ──────────────────────────────────────────────────────────────────────────────

export const redStationSchema = z.object({
  id: z.number().int(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  /** Names from the county down to the node. */
  nodePathNames: z.array(z.string()),
  name: z.string(),
  placeKind: stationPlaceKindSchema,
  services: z.array(stationServiceSchema),
  openingHours: z.string(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** Phone masked. */
  keeper: personSummarySchema.nullable(),
  active: z.boolean(),
  visitorsThisYear: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RedStationDto = z.infer<typeof redStationSchema>;
export const redStationListSchema = listResponse(redStationSchema);

export const monthlyVisitorsSchema = z.object({ month: z.string(), visitors: z.number().int(), days: z.number().int() });
export type MonthlyVisitorsDto = z.infer<typeof monthlyVisitorsSchema>;

/** The station and its visitors per month over the last twelve months (oldest first). */
export const redStationDetailSchema = redStationSchema.extend({ monthly: z.array(monthlyVisitorsSchema) });
export type RedStationDetailDto = z.infer<typeof redStationDetailSchema>;

export const redStationListQuerySchema = paginationQuerySchema
  .extend({
    nodeId: idSchema.optional(),
    placeKind: stationPlaceKindSchema.optional(),
    service: stationServiceSchema.optional(),
    active: booleanQuery,
    /** Name or address (part). */
    q: searchQ,
  })
  .strict();
export type RedStationListQuery = z.infer<typeof redStationListQuerySchema>;

export const redStationExportQuerySchema = redStationListQuerySchema
  .omit({ page: true, pageSize: true })
  .extend(exportOptionsShape)
  .strict()
  .superRefine(requireUnmaskReason);

export const redStationCreateSchema = z
  .object({
    nodeId: idSchema,
    name: text(STATION_LIMITS.nameMax),
    placeKind: stationPlaceKindSchema,
    services: codeSet(stationServiceSchema, '服务'),
    openingHours: text(STATION_LIMITS.hoursMax),
    address: text(STATION_LIMITS.addressMax),
    keeperPersonId: idSchema.nullable().optional(),
    lat: latSchema.nullable().optional(),
    lng: lngSchema.nullable().optional(),
  })
  .strict()
  .refine(bothOrNeither, pairMessage);
export type RedStationCreate = z.infer<typeof redStationCreateSchema>;

/** Any field (lat or lng alone is fine: the merged pair is checked); `active: false` deactivates (停用), `true` brings it back. */
export const redStationUpdateSchema = z
  .object({
    nodeId: idSchema.optional(),
    name: text(STATION_LIMITS.nameMax).optional(),
    placeKind: stationPlaceKindSchema.optional(),
    services: codeSet(stationServiceSchema, '服务').optional(),
    openingHours: text(STATION_LIMITS.hoursMax).optional(),
    address: text(STATION_LIMITS.addressMax).optional(),
    keeperPersonId: idSchema.nullable().optional(),
    lat: latSchema.nullable().optional(),
    lng: lngSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' });
export type RedStationUpdate = z.infer<typeof redStationUpdateSchema>;

export const stationVisitSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  visitedOn: z.string(),
  visitors: z.number().int(),
  services: z.array(stationServiceSchema),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type StationVisitDto = z.infer<typeof stationVisitSchema>;
export const stationVisitListSchema = listResponse(stationVisitSchema);

export const stationVisitListQuerySchema = paginationQuerySchema.extend({ month: monthSchema.optional() }).strict();
export type StationVisitListQuery = z.infer<typeof stationVisitListQuerySchema>;

/** One day's visits at a station: one record per station and day (a second answers 409). */
export const stationVisitCreateSchema = z
  .object({
    visitedOn: dateSchema,
    visitors: z
      .number({ message: '到访人数应为整数' })
      .int('到访人数应为整数')
      .min(1, '到访人数至少为 1')
      .max(STATION_LIMITS.visitorsMax, `到访人数不能超过 ${STATION_LIMITS.visitorsMax}`),
    services: z.array(stationServiceSchema).max(20).transform((a) => [...new Set(a)]).default([]),
    note: text(STATION_LIMITS.noteMax).optional(),
  })
  .strict();
export type StationVisitCreate = z.infer<typeof stationVisitCreateSchema>;

export const stationSummaryQuerySchema = z.object({ nodeId: idSchema.optional() }).strict();

export const stationSummarySchema = z.object({
  stations: z.number().int(),
  activeStations: z.number().int(),
  byPlaceKind: z.array(z.object({ placeKind: stationPlaceKindSchema, count: z.number().int() })),
  visitorsThisYear: z.number().int(),
  visitorsThisMonth: z.number().int(),
  /** The last twelve months, oldest first. */
  monthly: z.array(monthlyVisitorsSchema),
});
export type StationSummaryDto = z.infer<typeof stationSummarySchema>;

// ── Public (resident phone page): no personal data ────────────────────────────────────────

export const publicStationSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  placeKind: stationPlaceKindSchema,
  services: z.array(stationServiceSchema),
  openingHours: z.string(),
  address: z.string(),
  communityName: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** Great-circle (haversine) distance from the given location, whole metres; null without a location. */
  distanceMetres: z.number().int().nullable(),
});
export type PublicStationDto = z.infer<typeof publicStationSchema>;
export const publicStationListSchema = z.object({ data: z.array(publicStationSchema), located: z.boolean() });
export type PublicStationListDto = z.infer<typeof publicStationListSchema>;

const coordText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,12})?$/, `${what}应为十进制度数，例如 ${max === 90 ? '36.95' : '116.00'}`)
    .transform(Number)
    .refine((n) => Math.abs(n) <= max, `${what}应在 -${max} 到 ${max} 之间`);

export const publicStationQuerySchema = z
  .object({
    lat: coordText('纬度', 90).optional(),
    lng: coordText('经度', 180).optional(),
    service: stationServiceSchema.optional(),
  })
  .strict()
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), { message: '请同时提供纬度（lat）和经度（lng）', path: ['lat'] });
export type PublicStationQuery = z.infer<typeof publicStationQuerySchema>;

// ── Service rooms ─────────────────────────────────────────────────────────────────────────

export const serviceRoomSchema = z.object({
  id: z.number().int(),
  nodeId: z.number().int(),
  nodeName: z.string(),
  nodePathNames: z.array(z.string()),
  name: z.string(),
  handedOverBy: roomSourceSchema,
  handoverNote: z.string().nullable(),
  handedOverOn: z.string().nullable(),
  /** Square metres, two decimals. */
  areaSqm: z.number(),
  uses: z.array(roomUseSchema),
  address: z.string().nullable(),
  active: z.boolean(),
  usesThisYear: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceRoomDto = z.infer<typeof serviceRoomSchema>;
export const serviceRoomListSchema = listResponse(serviceRoomSchema);

export const monthlyRoomUseSchema = z.object({ month: z.string(), uses: z.number().int(), participants: z.number().int() });
export const serviceRoomDetailSchema = serviceRoomSchema.extend({ monthly: z.array(monthlyRoomUseSchema) });
export type ServiceRoomDetailDto = z.infer<typeof serviceRoomDetailSchema>;

export const serviceRoomListQuerySchema = paginationQuerySchema
  .extend({
    nodeId: idSchema.optional(),
    handedOverBy: roomSourceSchema.optional(),
    use: roomUseSchema.optional(),
    active: booleanQuery,
    q: searchQ,
  })
  .strict();
export type ServiceRoomListQuery = z.infer<typeof serviceRoomListQuerySchema>;

export const serviceRoomExportQuerySchema = serviceRoomListQuerySchema
  .omit({ page: true, pageSize: true })
  .extend(exportOptionsShape)
  .strict()
  .superRefine(requireUnmaskReason);

const areaSchema = z
  .number({ message: '面积应为数字（平方米）' })
  .positive('面积应大于 0')
  .max(STATION_LIMITS.areaMaxSqm, `面积不能超过 ${STATION_LIMITS.areaMaxSqm} 平方米`)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, '面积最多保留两位小数');

export const serviceRoomCreateSchema = z
  .object({
    nodeId: idSchema,
    name: text(STATION_LIMITS.nameMax),
    handedOverBy: roomSourceSchema,
    handoverNote: text(STATION_LIMITS.handoverNoteMax).optional(),
    handedOverOn: dateSchema.optional(),
    areaSqm: areaSchema,
    uses: codeSet(roomUseSchema, '用途'),
    address: text(STATION_LIMITS.addressMax).optional(),
  })
  .strict();
export type ServiceRoomCreate = z.infer<typeof serviceRoomCreateSchema>;

export const serviceRoomUpdateSchema = z
  .object({
    nodeId: idSchema.optional(),
    name: text(STATION_LIMITS.nameMax).optional(),
    handedOverBy: roomSourceSchema.optional(),
    handoverNote: text(STATION_LIMITS.handoverNoteMax).nullable().optional(),
    handedOverOn: dateSchema.nullable().optional(),
    areaSqm: areaSchema.optional(),
    uses: codeSet(roomUseSchema, '用途').optional(),
    address: text(STATION_LIMITS.addressMax).nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' });
export type ServiceRoomUpdate = z.infer<typeof serviceRoomUpdateSchema>;

export const roomUseRecordSchema = z.object({
  id: z.number().int(),
  roomId: z.number().int(),
  usedOn: z.string(),
  use: roomUseSchema,
  participants: z.number().int(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type RoomUseRecordDto = z.infer<typeof roomUseRecordSchema>;
export const roomUseRecordListSchema = listResponse(roomUseRecordSchema);
export const roomUseListQuerySchema = paginationQuerySchema.extend({ month: monthSchema.optional() }).strict();
export type RoomUseListQuery = z.infer<typeof roomUseListQuerySchema>;

/** One use of a room (an activity, a meeting): the use must be one the room is for. */
export const roomUseCreateSchema = z
  .object({
    usedOn: dateSchema,
    use: roomUseSchema,
    participants: z
      .number({ message: '参加人数应为整数' })
      .int('参加人数应为整数')
      .min(0, '参加人数不能为负数')
      .max(STATION_LIMITS.participantsMax, `参加人数不能超过 ${STATION_LIMITS.participantsMax}`),
    note: text(STATION_LIMITS.noteMax).optional(),
  })
  .strict();
export type RoomUseCreate = z.infer<typeof roomUseCreateSchema>;

export const roomSummarySchema = z.object({
  rooms: z.number().int(),
  activeRooms: z.number().int(),
  totalAreaSqm: z.number(),
  byUse: z.array(z.object({ use: roomUseSchema, count: z.number().int() })),
  bySource: z.array(z.object({ source: roomSourceSchema, count: z.number().int() })),
  usesThisYear: z.number().int(),
  participantsThisYear: z.number().int(),
});
export type RoomSummaryDto = z.infer<typeof roomSummarySchema>;
