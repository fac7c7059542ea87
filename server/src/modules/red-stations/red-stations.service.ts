import {
  chinaToday,
  STATION_SERVICE_LABELS,
  STATION_SERVICES,
  type PublicStationDto,
  type PublicStationListDto,
  type PublicStationQuery,
  type RedStationCreate,
  type RedStationDetailDto,
  type RedStationDto,
  type RedStationListQuery,
  type RedStationUpdate,
  type StationService,
  type StationSummaryDto,
  type StationVisitCreate,
  type StationVisitDto,
  type StationVisitListQuery,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { personInScope } from '../people/people.service.js';
import { nodeOfKinds, subtreeOf } from '../person-roles/person-ref.js';
import * as repo from './red-stations.repo.js';
import { haversineMetres } from './station-distance.js';
import { lastTwelveMonths } from './station-months.js';

/** Stations and rooms sit at a subdistrict, a community or a compound. */
export const STATION_NODE_KINDS = ['subdistrict', 'community', 'compound'] as const;

const strip = ({ nodePath: _p, keeperPersonId: _k, ...dto }: repo.StationRecord): RedStationDto => dto;
const yearStart = (today: string) => `${today.slice(0, 4)}-01-01`;

/** Who acts: the stations scope for the records, the people.read scope to pick a keeper. */
export interface StationScopes {
  stations: Scope;
  people: Scope;
}

export class RedStationsService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: RedStationListQuery): Promise<Page<RedStationDto>> {
    const { page, pageSize, nodeId, active, ...filters } = query;
    const subtreePath = await subtreeOf(this.db, nodeId, scope);
    const result = await repo.listStations(
      this.db,
      yearStart(chinaToday()),
      { scopePatterns: scopePatterns(scope), subtreePath, active: active === undefined ? undefined : active === 'true', ...filters },
      { page, pageSize },
    );
    return { ...result, data: result.data.map(strip) };
  }

  async get(scope: Scope, id: number): Promise<RedStationDetailDto> {
    const station = await this.load(this.db, scope, id);
    const { months, from } = lastTwelveMonths(chinaToday());
    const byMonth = await repo.visitorsByMonth(this.db, from, { stationId: id });
    return { ...strip(station), monthly: months.map((month) => byMonth.get(month) ?? { month, visitors: 0, days: 0 }) };
  }

  private async load(q: Queryable, scope: Scope, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.StationRecord> {
    const station = await repo.getStation(q, yearStart(chinaToday()), id, opts);
    if (!station || !pathInScope(station.nodePath, scope)) throw notFound('红色驿站');
    return station;
  }

  private async keeper(q: Queryable, personId: number | null | undefined, scope: Scope): Promise<number | null> {
    if (personId === undefined || personId === null) return null;
    return (await personInScope(q, personId, scope)).id;
  }

  private async assertNameFree(q: Queryable, nodeId: number, name: string, exceptId: number | null): Promise<void> {
    if (await repo.stationNameTaken(q, nodeId, name, exceptId)) throw new AppError(409, 'DUPLICATE', `该节点下已有名为“${name}”的红色驿站`);
  }

  async create(scopes: StationScopes, input: RedStationCreate, actor: Actor): Promise<RedStationDetailDto> {
    const id = await this.db.tx(async (q) => {
      const node = await nodeOfKinds(q, input.nodeId, scopes.stations, STATION_NODE_KINDS, '所属节点');
      await this.assertNameFree(q, node.id, input.name, null);
      const values: repo.StationValues = {
        nodeId: node.id,
        name: input.name,
        placeKind: input.placeKind,
        services: input.services,
        openingHours: input.openingHours,
        address: input.address,
        keeperPersonId: await this.keeper(q, input.keeperPersonId, scopes.people),
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        active: true,
      };
      const newId = await repo.insertStation(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'station.create', targetType: 'red_station', targetId: newId, nodeId: node.id, result: 'success',
        details: { name: values.name, placeKind: values.placeKind, services: values.services, keeperPersonId: values.keeperPersonId, located: values.lat !== null },
      });
      return newId;
    });
    return this.get(scopes.stations, id);
  }

  /** Any field; `active` false deactivates (audited as station.deactivate), true reactivates. */
  async update(scopes: StationScopes, id: number, patch: RedStationUpdate, actor: Actor): Promise<RedStationDetailDto> {
    await this.db.tx(async (q) => {
      const before = await this.load(q, scopes.stations, id, { forUpdate: true });
      const next: repo.StationValues = {
        nodeId: before.nodeId, name: before.name, placeKind: before.placeKind, services: before.services, openingHours: before.openingHours,
        address: before.address, keeperPersonId: before.keeperPersonId, lat: before.lat, lng: before.lng, active: before.active,
      };
      if (patch.nodeId !== undefined && patch.nodeId !== before.nodeId) next.nodeId = (await nodeOfKinds(q, patch.nodeId, scopes.stations, STATION_NODE_KINDS, '所属节点')).id;
      if (patch.name !== undefined) next.name = patch.name;
      if (patch.placeKind !== undefined) next.placeKind = patch.placeKind;
      if (patch.services !== undefined) next.services = patch.services;
      if (patch.openingHours !== undefined) next.openingHours = patch.openingHours;
      if (patch.address !== undefined) next.address = patch.address;
      if (patch.keeperPersonId !== undefined && patch.keeperPersonId !== before.keeperPersonId) next.keeperPersonId = await this.keeper(q, patch.keeperPersonId, scopes.people);
      if (patch.lat !== undefined) next.lat = patch.lat;
      if (patch.lng !== undefined) next.lng = patch.lng;
      if (patch.active !== undefined) next.active = patch.active;
      if ((next.lat === null) !== (next.lng === null)) throw badRequest('经纬度需同时填写或同时留空');
      if (next.nodeId !== before.nodeId || next.name !== before.name) await this.assertNameFree(q, next.nodeId, next.name, id);
      await repo.updateStation(q, id, next);
      const action = next.active === before.active ? 'station.update' : next.active ? 'station.activate' : 'station.deactivate';
      await appendAudit(q, {
        ...actorEntry(actor), action, targetType: 'red_station', targetId: id, nodeId: next.nodeId, result: 'success',
        details: { changed: Object.keys(patch), ...(next.nodeId !== before.nodeId ? { fromNodeId: before.nodeId } : {}) },
      });
    });
    return this.get(scopes.stations, id);
  }

  async visits(scope: Scope, id: number, query: StationVisitListQuery): Promise<Page<StationVisitDto>> {
    await this.load(this.db, scope, id);
    return repo.listVisits(this.db, id, query.month, { page: query.page, pageSize: query.pageSize });
  }

  /**
   * One day's visits: one record per station and day. A second record for the same day answers
   * 409 (the station row is locked first, so two clerks cannot both pass the check); services
   * given must be among the station's services; no future days; only active stations.
   */
  async recordVisit(scope: Scope, id: number, input: StationVisitCreate, actor: Actor): Promise<StationVisitDto> {
    return this.db.tx(async (q) => {
      const station = await this.load(q, scope, id, { forUpdate: true });
      if (!station.active) throw new AppError(409, 'CONFLICT', `“${station.name}”已停用，不能登记到访`);
      const today = chinaToday();
      if (input.visitedOn > today) throw badRequest(`到访日期不能晚于今天（${today}）`);
      const offered = new Set<StationService>(station.services);
      const extra = input.services.filter((s) => !offered.has(s));
      if (extra.length) {
        throw badRequest(`“${station.name}”不提供：${extra.map((s) => STATION_SERVICE_LABELS[s].zh).join('、')}；请先在驿站信息中添加该服务`, { services: extra });
      }
      const existing = await repo.visitOn(q, id, input.visitedOn);
      if (existing) {
        throw conflict(`“${station.name}” ${input.visitedOn} 已登记到访 ${existing.visitors} 人次，每个驿站每天只登记一条`, { existingId: existing.id });
      }
      const services = STATION_SERVICES.filter((s) => input.services.includes(s));
      const visit = await repo.insertVisit(q, { stationId: id, visitedOn: input.visitedOn, visitors: input.visitors, services, note: input.note ?? null, recordedBy: actor.userId });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'station.visit', targetType: 'red_station', targetId: id, nodeId: station.nodeId, result: 'success',
        details: { visitId: visit.id, visitedOn: visit.visitedOn, visitors: visit.visitors, services },
      });
      return { ...visit, recordedByName: actor.name };
    });
  }

  async summary(scope: Scope, nodeId: number | undefined): Promise<StationSummaryDto> {
    const f = { scopePatterns: scopePatterns(scope), subtreePath: await subtreeOf(this.db, nodeId, scope) };
    const today = chinaToday();
    const { months, from } = lastTwelveMonths(today);
    const [counts, byMonth, thisYear] = await Promise.all([
      repo.stationCounts(this.db, f),
      repo.visitorsByMonth(this.db, from, f),
      repo.visitorsByMonth(this.db, yearStart(today), f),
    ]);
    const kinds = new Map<RedStationDto['placeKind'], number>();
    for (const c of counts) if (c.active) kinds.set(c.place_kind, (kinds.get(c.place_kind) ?? 0) + c.count);
    return {
      stations: counts.reduce((n, c) => n + c.count, 0),
      activeStations: counts.filter((c) => c.active).reduce((n, c) => n + c.count, 0),
      byPlaceKind: [...kinds].map(([placeKind, count]) => ({ placeKind, count })).sort((a, b) => b.count - a.count),
      visitorsThisYear: [...thisYear.values()].reduce((n, m) => n + m.visitors, 0),
      visitorsThisMonth: byMonth.get(today.slice(0, 7))?.visitors ?? 0,
      monthly: months.map((month) => byMonth.get(month) ?? { month, visitors: 0, days: 0 }),
    };
  }

  // ── Public ──────────────────────────────────────────────────────────────────────────────

  /** Active stations for passers-by: nearest first given a location, else by community then name. */
  async publicList(query: PublicStationQuery): Promise<PublicStationListDto> {
    const rows = await repo.publicStations(this.db, { service: query.service });
    const here = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : null;
    const data = rows.map((r) => toPublic(r, here));
    if (here) {
      // Stations without coordinates go last, by name.
      data.sort((a, b) => (a.distanceMetres ?? Infinity) - (b.distanceMetres ?? Infinity) || a.name.localeCompare(b.name, 'zh-CN'));
    } else {
      const pathOf = new Map(rows.map((r) => [r.id, r.node_path]));
      data.sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN') || pathOf.get(a.id)!.localeCompare(pathOf.get(b.id)!));
    }
    return { data, located: here !== null };
  }

  async publicGet(id: number, query: PublicStationQuery): Promise<PublicStationDto> {
    const [row] = await repo.publicStations(this.db, { id });
    if (!row) throw notFound('红色驿站');
    return toPublic(row, query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : null);
  }
}

function toPublic(r: repo.PublicStationRow, here: { lat: number; lng: number } | null): PublicStationDto {
  const lat = r.lat === null ? null : Number(r.lat);
  const lng = r.lng === null ? null : Number(r.lng);
  return {
    id: r.id,
    name: r.name,
    placeKind: r.place_kind,
    services: r.services,
    openingHours: r.opening_hours,
    address: r.address,
    communityName: r.community_name,
    lat,
    lng,
    distanceMetres: here && lat !== null && lng !== null ? Math.round(haversineMetres(here, { lat, lng })) : null,
  };
}
