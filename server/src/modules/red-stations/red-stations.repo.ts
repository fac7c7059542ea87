import type {
  MonthlyVisitorsDto,
  RedStationDto,
  RoomSource,
  RoomUse,
  RoomUseRecordDto,
  ServiceRoomDto,
  StationPlaceKind,
  StationService,
  StationVisitDto,
} from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoDate, isoOf, joinPerson, personJson, toPersonSummary, type PersonJson } from '../person-roles/person-ref.js';

/** SQL of red stations (红色驿站), their daily visits, service rooms (公共服务用房) and their use records. */

const PATH_NAMES = `(SELECT array_agg(a.name ORDER BY a.depth) FROM nodes a
    WHERE a.id = ANY(string_to_array(trim(both '/' from n.path), '/')::int[]) AND a.depth > 0) AS path_names`;
/** The community a node lies in (itself when it is one), for the public list. */
const COMMUNITY_NAME = `COALESCE((SELECT a.name FROM nodes a
    WHERE a.id = ANY(string_to_array(trim(both '/' from n.path), '/')::int[]) AND a.kind = 'community' LIMIT 1), n.name) AS community_name`;

/** `date` literals we compute ourselves (never user input). */
const dateLiteral = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not a date: ${d}`);
  return `DATE '${d}'`;
};

export interface ScopeFilter {
  scopePatterns: string[];
  subtreePath?: string | undefined;
}

const scopeWhere = (f: ScopeFilter) => new Where().add('n.path LIKE ANY(?)', f.scopePatterns).addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`);

// ── Stations ──────────────────────────────────────────────────────────────────────────────

interface StationRow {
  id: number;
  node_id: number;
  node_name: string;
  node_path: string;
  path_names: string[] | null;
  name: string;
  place_kind: StationPlaceKind;
  services: StationService[];
  opening_hours: string;
  address: string;
  lat: number | null;
  lng: number | null;
  keeper: PersonJson | null;
  active: boolean;
  visitors_this_year: number;
  created_at: Date;
  updated_at: Date;
}

export type StationRecord = RedStationDto & { nodePath: string; keeperPersonId: number | null };

const stationSelect = (yearStart: string) => `s.id, s.node_id, n.name AS node_name, n.path AS node_path, ${PATH_NAMES},
  s.name, s.place_kind, s.services, s.opening_hours, s.address, s.lat, s.lng, ${personJson('k')} AS keeper, s.active,
  (SELECT COALESCE(sum(v.visitors), 0)::int FROM red_station_visits v WHERE v.station_id = s.id AND v.visited_on >= ${dateLiteral(yearStart)}) AS visitors_this_year,
  s.created_at, s.updated_at`;
const STATION_FROM = `FROM red_stations s JOIN nodes n ON n.id = s.node_id ${joinPerson('k', 's.keeper_person_id')}`;

function toStation(r: StationRow): StationRecord {
  return {
    id: r.id,
    nodeId: r.node_id,
    nodeName: r.node_name,
    nodePath: r.node_path,
    nodePathNames: r.path_names ?? [],
    name: r.name,
    placeKind: r.place_kind,
    services: r.services,
    openingHours: r.opening_hours,
    address: r.address,
    lat: r.lat === null ? null : Number(r.lat),
    lng: r.lng === null ? null : Number(r.lng),
    keeper: toPersonSummary(r.keeper),
    keeperPersonId: r.keeper?.id ?? null,
    active: r.active,
    visitorsThisYear: r.visitors_this_year,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export interface StationFilter extends ScopeFilter {
  placeKind?: StationPlaceKind | undefined;
  service?: StationService | undefined;
  active?: boolean | undefined;
  q?: string | undefined;
}

export function listStations(q: Queryable, yearStart: string, f: StationFilter, page: { page: number; pageSize: number }): Promise<Page<StationRecord>> {
  const where = scopeWhere(f)
    .addIf(f.placeKind, 's.place_kind = ?', f.placeKind)
    .addIf(f.service, '? = ANY(s.services)', f.service)
    .addIf(f.active, 's.active = ?', f.active);
  if (f.q) where.add("(s.name ILIKE ? ESCAPE '\\' OR s.address ILIKE ? ESCAPE '\\')", `%${likeEscape(f.q)}%`, `%${likeEscape(f.q)}%`);
  return pagedQuery(q, { select: stationSelect(yearStart), fromWhere: `${STATION_FROM} ${where}`, orderBy: 'n.path, s.name, s.id', params: where.params }, page, toStation);
}

export async function getStation(q: Queryable, yearStart: string, id: number, opts: { forUpdate?: boolean } = {}): Promise<StationRecord | undefined> {
  const [row] = await q.query<StationRow>(`SELECT ${stationSelect(yearStart)} ${STATION_FROM} WHERE s.id = $1${opts.forUpdate ? ' FOR UPDATE OF s' : ''}`, [id]);
  return row && toStation(row);
}

export interface StationValues {
  nodeId: number;
  name: string;
  placeKind: StationPlaceKind;
  services: StationService[];
  openingHours: string;
  address: string;
  keeperPersonId: number | null;
  lat: number | null;
  lng: number | null;
  active: boolean;
}

export async function insertStation(q: Queryable, v: StationValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO red_stations (node_id, name, place_kind, services, opening_hours, address, keeper_person_id, lat, lng, active)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9, $10) RETURNING id`,
    [v.nodeId, v.name, v.placeKind, v.services, v.openingHours, v.address, v.keeperPersonId, v.lat, v.lng, v.active],
  );
  return row!.id;
}

export async function updateStation(q: Queryable, id: number, v: StationValues): Promise<void> {
  await q.query(
    `UPDATE red_stations SET node_id = $2, name = $3, place_kind = $4, services = $5::text[], opening_hours = $6, address = $7,
       keeper_person_id = $8, lat = $9, lng = $10, active = $11, updated_at = now() WHERE id = $1`,
    [id, v.nodeId, v.name, v.placeKind, v.services, v.openingHours, v.address, v.keeperPersonId, v.lat, v.lng, v.active],
  );
}

export async function stationNameTaken(q: Queryable, nodeId: number, name: string, exceptId: number | null): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM red_stations WHERE node_id = $1 AND name = $2 AND id <> $3', [nodeId, name, exceptId ?? 0]);
  return rows.length > 0;
}

// ── Visits ────────────────────────────────────────────────────────────────────────────────

interface VisitRow {
  id: number;
  station_id: number;
  visited_on: string;
  visitors: number;
  services: StationService[];
  note: string | null;
  recorded_by_name: string | null;
  created_at: Date;
}

const toVisit = (r: VisitRow): StationVisitDto => ({
  id: r.id,
  stationId: r.station_id,
  visitedOn: r.visited_on,
  visitors: r.visitors,
  services: r.services,
  note: r.note,
  recordedByName: r.recorded_by_name,
  createdAt: isoOf(r.created_at),
});

export function listVisits(q: Queryable, stationId: number, month: string | undefined, page: { page: number; pageSize: number }): Promise<Page<StationVisitDto>> {
  const where = new Where().add('v.station_id = ?', stationId).addIf(month, "to_char(v.visited_on, 'YYYY-MM') = ?", month);
  return pagedQuery(
    q,
    {
      select: `v.id, v.station_id, ${isoDate('v.visited_on')} AS visited_on, v.visitors, v.services, v.note, u.display_name AS recorded_by_name, v.created_at`,
      fromWhere: `FROM red_station_visits v LEFT JOIN users u ON u.id = v.recorded_by ${where}`,
      orderBy: 'v.visited_on DESC, v.id DESC',
      params: where.params,
    },
    page,
    toVisit,
  );
}

export async function visitOn(q: Queryable, stationId: number, day: string): Promise<{ id: number; visitors: number } | undefined> {
  const [row] = await q.query<{ id: number; visitors: number }>('SELECT id, visitors FROM red_station_visits WHERE station_id = $1 AND visited_on = $2', [stationId, day]);
  return row;
}

export async function insertVisit(
  q: Queryable,
  v: { stationId: number; visitedOn: string; visitors: number; services: StationService[]; note: string | null; recordedBy: number | null },
): Promise<StationVisitDto> {
  const [row] = await q.query<VisitRow>(
    `INSERT INTO red_station_visits (station_id, visited_on, visitors, services, note, recorded_by)
     VALUES ($1, $2, $3, $4::text[], $5, $6)
     RETURNING id, station_id, ${isoDate('visited_on')} AS visited_on, visitors, services, note, NULL::text AS recorded_by_name, created_at`,
    [v.stationId, v.visitedOn, v.visitors, v.services, v.note, v.recordedBy],
  );
  return toVisit(row!);
}

/** Visitors and days recorded per month from `from` (a month's first day), for one station or a scope. */
export async function visitorsByMonth(q: Queryable, from: string, f: { stationId: number } | ScopeFilter): Promise<Map<string, MonthlyVisitorsDto>> {
  const where = 'stationId' in f ? new Where().add('v.station_id = ?', f.stationId) : scopeWhere(f);
  where.add(`v.visited_on >= ${dateLiteral(from)}`);
  const rows = await q.query<MonthlyVisitorsDto>(
    `SELECT to_char(v.visited_on, 'YYYY-MM') AS month, sum(v.visitors)::int AS visitors, count(*)::int AS days
       FROM red_station_visits v JOIN red_stations s ON s.id = v.station_id JOIN nodes n ON n.id = s.node_id ${where}
      GROUP BY 1`,
    where.params,
  );
  return new Map(rows.map((r) => [r.month, r]));
}

export async function stationCounts(q: Queryable, f: ScopeFilter): Promise<{ place_kind: StationPlaceKind; active: boolean; count: number }[]> {
  const where = scopeWhere(f);
  return q.query(`SELECT s.place_kind, s.active, count(*)::int AS count FROM red_stations s JOIN nodes n ON n.id = s.node_id ${where} GROUP BY 1, 2`, where.params);
}

// ── Public list ───────────────────────────────────────────────────────────────────────────

export interface PublicStationRow {
  id: number;
  name: string;
  place_kind: StationPlaceKind;
  services: StationService[];
  opening_hours: string;
  address: string;
  community_name: string;
  node_path: string;
  lat: number | null;
  lng: number | null;
}

/** Active stations only, with what a passer-by needs; nothing about the keeper. */
export function publicStations(q: Queryable, f: { service?: StationService | undefined; id?: number | undefined }): Promise<PublicStationRow[]> {
  const where = new Where().add('s.active').add('n.active').addIf(f.service, '? = ANY(s.services)', f.service).addIf(f.id, 's.id = ?', f.id);
  return q.query<PublicStationRow>(
    `SELECT s.id, s.name, s.place_kind, s.services, s.opening_hours, s.address, ${COMMUNITY_NAME}, n.path AS node_path, s.lat, s.lng
       FROM red_stations s JOIN nodes n ON n.id = s.node_id ${where}`,
    where.params,
  );
}

// ── Service rooms ─────────────────────────────────────────────────────────────────────────

interface RoomRow {
  id: number;
  node_id: number;
  node_name: string;
  node_path: string;
  path_names: string[] | null;
  name: string;
  handed_over_by: RoomSource;
  handover_note: string | null;
  handed_over_on: string | null;
  area_centi_sqm: number;
  uses: RoomUse[];
  address: string | null;
  active: boolean;
  uses_this_year: number;
  created_at: Date;
  updated_at: Date;
}

export type RoomRecord = ServiceRoomDto & { nodePath: string };

const roomSelect = (yearStart: string) => `r.id, r.node_id, n.name AS node_name, n.path AS node_path, ${PATH_NAMES},
  r.name, r.handed_over_by, r.handover_note, ${isoDate('r.handed_over_on')} AS handed_over_on, r.area_centi_sqm, r.uses, r.address, r.active,
  (SELECT count(*)::int FROM service_room_uses u WHERE u.room_id = r.id AND u.used_on >= ${dateLiteral(yearStart)}) AS uses_this_year,
  r.created_at, r.updated_at`;
const ROOM_FROM = 'FROM service_rooms r JOIN nodes n ON n.id = r.node_id';

function toRoom(r: RoomRow): RoomRecord {
  return {
    id: r.id,
    nodeId: r.node_id,
    nodeName: r.node_name,
    nodePath: r.node_path,
    nodePathNames: r.path_names ?? [],
    name: r.name,
    handedOverBy: r.handed_over_by,
    handoverNote: r.handover_note,
    handedOverOn: r.handed_over_on,
    areaSqm: r.area_centi_sqm / 100,
    uses: r.uses,
    address: r.address,
    active: r.active,
    usesThisYear: r.uses_this_year,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export interface RoomFilter extends ScopeFilter {
  handedOverBy?: RoomSource | undefined;
  use?: RoomUse | undefined;
  active?: boolean | undefined;
  q?: string | undefined;
}

export function listRooms(q: Queryable, yearStart: string, f: RoomFilter, page: { page: number; pageSize: number }): Promise<Page<RoomRecord>> {
  const where = scopeWhere(f)
    .addIf(f.handedOverBy, 'r.handed_over_by = ?', f.handedOverBy)
    .addIf(f.use, '? = ANY(r.uses)', f.use)
    .addIf(f.active, 'r.active = ?', f.active);
  if (f.q) where.add("(r.name ILIKE ? ESCAPE '\\' OR r.address ILIKE ? ESCAPE '\\')", `%${likeEscape(f.q)}%`, `%${likeEscape(f.q)}%`);
  return pagedQuery(q, { select: roomSelect(yearStart), fromWhere: `${ROOM_FROM} ${where}`, orderBy: 'n.path, r.name, r.id', params: where.params }, page, toRoom);
}

export async function getRoom(q: Queryable, yearStart: string, id: number, opts: { forUpdate?: boolean } = {}): Promise<RoomRecord | undefined> {
  const [row] = await q.query<RoomRow>(`SELECT ${roomSelect(yearStart)} ${ROOM_FROM} WHERE r.id = $1${opts.forUpdate ? ' FOR UPDATE OF r' : ''}`, [id]);
  return row && toRoom(row);
}

export interface RoomValues {
  nodeId: number;
  name: string;
  handedOverBy: RoomSource;
  handoverNote: string | null;
  handedOverOn: string | null;
  areaCentiSqm: number;
  uses: RoomUse[];
  address: string | null;
  active: boolean;
}

export async function insertRoom(q: Queryable, v: RoomValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO service_rooms (node_id, name, handed_over_by, handover_note, handed_over_on, area_centi_sqm, uses, address, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9) RETURNING id`,
    [v.nodeId, v.name, v.handedOverBy, v.handoverNote, v.handedOverOn, v.areaCentiSqm, v.uses, v.address, v.active],
  );
  return row!.id;
}

export async function updateRoom(q: Queryable, id: number, v: RoomValues): Promise<void> {
  await q.query(
    `UPDATE service_rooms SET node_id = $2, name = $3, handed_over_by = $4, handover_note = $5, handed_over_on = $6, area_centi_sqm = $7,
       uses = $8::text[], address = $9, active = $10, updated_at = now() WHERE id = $1`,
    [id, v.nodeId, v.name, v.handedOverBy, v.handoverNote, v.handedOverOn, v.areaCentiSqm, v.uses, v.address, v.active],
  );
}

export async function roomNameTaken(q: Queryable, nodeId: number, name: string, exceptId: number | null): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM service_rooms WHERE node_id = $1 AND name = $2 AND id <> $3', [nodeId, name, exceptId ?? 0]);
  return rows.length > 0;
}

interface RoomUseRow {
  id: number;
  room_id: number;
  used_on: string;
  use: RoomUse;
  participants: number;
  note: string | null;
  recorded_by_name: string | null;
  created_at: Date;
}

const toRoomUse = (r: RoomUseRow): RoomUseRecordDto => ({
  id: r.id,
  roomId: r.room_id,
  usedOn: r.used_on,
  use: r.use,
  participants: r.participants,
  note: r.note,
  recordedByName: r.recorded_by_name,
  createdAt: isoOf(r.created_at),
});

export function listRoomUses(q: Queryable, roomId: number, month: string | undefined, page: { page: number; pageSize: number }): Promise<Page<RoomUseRecordDto>> {
  const where = new Where().add('x.room_id = ?', roomId).addIf(month, "to_char(x.used_on, 'YYYY-MM') = ?", month);
  return pagedQuery(
    q,
    {
      select: `x.id, x.room_id, ${isoDate('x.used_on')} AS used_on, x.use, x.participants, x.note, u.display_name AS recorded_by_name, x.created_at`,
      fromWhere: `FROM service_room_uses x LEFT JOIN users u ON u.id = x.recorded_by ${where}`,
      orderBy: 'x.used_on DESC, x.id DESC',
      params: where.params,
    },
    page,
    toRoomUse,
  );
}

export async function insertRoomUse(
  q: Queryable,
  v: { roomId: number; usedOn: string; use: RoomUse; participants: number; note: string | null; recordedBy: number | null },
): Promise<RoomUseRecordDto> {
  const [row] = await q.query<RoomUseRow>(
    `INSERT INTO service_room_uses (room_id, used_on, use, participants, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, room_id, ${isoDate('used_on')} AS used_on, use, participants, note, NULL::text AS recorded_by_name, created_at`,
    [v.roomId, v.usedOn, v.use, v.participants, v.note, v.recordedBy],
  );
  return toRoomUse(row!);
}

export async function roomUsesByMonth(q: Queryable, roomId: number, from: string): Promise<Map<string, { month: string; uses: number; participants: number }>> {
  const rows = await q.query<{ month: string; uses: number; participants: number }>(
    `SELECT to_char(used_on, 'YYYY-MM') AS month, count(*)::int AS uses, sum(participants)::int AS participants
       FROM service_room_uses WHERE room_id = $1 AND used_on >= ${dateLiteral(from)} GROUP BY 1`,
    [roomId],
  );
  return new Map(rows.map((r) => [r.month, r]));
}

export async function roomCounts(q: Queryable, f: ScopeFilter, yearStart: string) {
  const where = scopeWhere(f);
  const base = `FROM service_rooms r JOIN nodes n ON n.id = r.node_id ${where}`;
  const [totals, byUse, bySource, usage] = await Promise.all([
    q.query<{ rooms: number; active: number; area: string | number | null }>(
      `SELECT count(*)::int AS rooms, count(*) FILTER (WHERE r.active)::int AS active, sum(r.area_centi_sqm) FILTER (WHERE r.active) AS area ${base}`,
      where.params,
    ),
    q.query<{ use: RoomUse; count: number }>(
      `SELECT u AS use, count(*)::int AS count FROM service_rooms r JOIN nodes n ON n.id = r.node_id CROSS JOIN LATERAL unnest(r.uses) AS u ${where} AND r.active GROUP BY 1`,
      where.params,
    ),
    q.query<{ source: RoomSource; count: number }>(`SELECT r.handed_over_by AS source, count(*)::int AS count ${base} AND r.active GROUP BY 1`, where.params),
    q.query<{ uses: number; participants: number }>(
      `SELECT count(*)::int AS uses, COALESCE(sum(x.participants), 0)::int AS participants
         FROM service_room_uses x JOIN service_rooms r ON r.id = x.room_id JOIN nodes n ON n.id = r.node_id ${where} AND x.used_on >= ${dateLiteral(yearStart)}`,
      where.params,
    ),
  ]);
  return { totals: totals[0]!, byUse, bySource, usage: usage[0]! };
}
