import {
  chinaToday,
  ROOM_USE_LABELS,
  type RoomSummaryDto,
  type RoomUseCreate,
  type RoomUseListQuery,
  type RoomUseRecordDto,
  type ServiceRoomCreate,
  type ServiceRoomDetailDto,
  type ServiceRoomDto,
  type ServiceRoomListQuery,
  type ServiceRoomUpdate,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeOfKinds, subtreeOf } from '../person-roles/person-ref.js';
import * as repo from './red-stations.repo.js';
import { STATION_NODE_KINDS } from './red-stations.service.js';
import { lastTwelveMonths } from './station-months.js';

const strip = ({ nodePath: _p, ...dto }: repo.RoomRecord): ServiceRoomDto => dto;
const yearStart = (today: string) => `${today.slice(0, 4)}-01-01`;
const centi = (sqm: number) => Math.round(sqm * 100);

/** Public service rooms (公共服务用房): the registry of rooms handed over, and what they are used for. */
export class ServiceRoomsService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: ServiceRoomListQuery): Promise<Page<ServiceRoomDto>> {
    const { page, pageSize, nodeId, active, ...filters } = query;
    const subtreePath = await subtreeOf(this.db, nodeId, scope);
    const result = await repo.listRooms(
      this.db,
      yearStart(chinaToday()),
      { scopePatterns: scopePatterns(scope), subtreePath, active: active === undefined ? undefined : active === 'true', ...filters },
      { page, pageSize },
    );
    return { ...result, data: result.data.map(strip) };
  }

  async get(scope: Scope, id: number): Promise<ServiceRoomDetailDto> {
    const room = await this.load(this.db, scope, id);
    const { months, from } = lastTwelveMonths(chinaToday());
    const byMonth = await repo.roomUsesByMonth(this.db, id, from);
    return { ...strip(room), monthly: months.map((month) => byMonth.get(month) ?? { month, uses: 0, participants: 0 }) };
  }

  private async load(q: Queryable, scope: Scope, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.RoomRecord> {
    const room = await repo.getRoom(q, yearStart(chinaToday()), id, opts);
    if (!room || !pathInScope(room.nodePath, scope)) throw notFound('公共服务用房');
    return room;
  }

  private async assertNameFree(q: Queryable, nodeId: number, name: string, exceptId: number | null): Promise<void> {
    if (await repo.roomNameTaken(q, nodeId, name, exceptId)) throw new AppError(409, 'DUPLICATE', `该节点下已有名为“${name}”的公共服务用房`);
  }

  private assertHandoverDate(day: string | null | undefined): void {
    if (day && day > chinaToday()) throw badRequest(`移交日期不能晚于今天（${chinaToday()}）`);
  }

  async create(scope: Scope, input: ServiceRoomCreate, actor: Actor): Promise<ServiceRoomDetailDto> {
    this.assertHandoverDate(input.handedOverOn);
    const id = await this.db.tx(async (q) => {
      const node = await nodeOfKinds(q, input.nodeId, scope, STATION_NODE_KINDS, '所属节点');
      await this.assertNameFree(q, node.id, input.name, null);
      const values: repo.RoomValues = {
        nodeId: node.id,
        name: input.name,
        handedOverBy: input.handedOverBy,
        handoverNote: input.handoverNote ?? null,
        handedOverOn: input.handedOverOn ?? null,
        areaCentiSqm: centi(input.areaSqm),
        uses: input.uses,
        address: input.address ?? null,
        active: true,
      };
      const newId = await repo.insertRoom(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'service_room.create', targetType: 'service_room', targetId: newId, nodeId: node.id, result: 'success',
        details: { name: values.name, handedOverBy: values.handedOverBy, areaCentiSqm: values.areaCentiSqm, uses: values.uses },
      });
      return newId;
    });
    return this.get(scope, id);
  }

  async update(scope: Scope, id: number, patch: ServiceRoomUpdate, actor: Actor): Promise<ServiceRoomDetailDto> {
    this.assertHandoverDate(patch.handedOverOn);
    await this.db.tx(async (q) => {
      const before = await this.load(q, scope, id, { forUpdate: true });
      const next: repo.RoomValues = {
        nodeId: before.nodeId, name: before.name, handedOverBy: before.handedOverBy, handoverNote: before.handoverNote, handedOverOn: before.handedOverOn,
        areaCentiSqm: centi(before.areaSqm), uses: before.uses, address: before.address, active: before.active,
      };
      if (patch.nodeId !== undefined && patch.nodeId !== before.nodeId) next.nodeId = (await nodeOfKinds(q, patch.nodeId, scope, STATION_NODE_KINDS, '所属节点')).id;
      if (patch.name !== undefined) next.name = patch.name;
      if (patch.handedOverBy !== undefined) next.handedOverBy = patch.handedOverBy;
      if (patch.handoverNote !== undefined) next.handoverNote = patch.handoverNote;
      if (patch.handedOverOn !== undefined) next.handedOverOn = patch.handedOverOn;
      if (patch.areaSqm !== undefined) next.areaCentiSqm = centi(patch.areaSqm);
      if (patch.uses !== undefined) next.uses = patch.uses;
      if (patch.address !== undefined) next.address = patch.address;
      if (patch.active !== undefined) next.active = patch.active;
      if (next.nodeId !== before.nodeId || next.name !== before.name) await this.assertNameFree(q, next.nodeId, next.name, id);
      await repo.updateRoom(q, id, next);
      const action = next.active === before.active ? 'service_room.update' : next.active ? 'service_room.activate' : 'service_room.deactivate';
      await appendAudit(q, {
        ...actorEntry(actor), action, targetType: 'service_room', targetId: id, nodeId: next.nodeId, result: 'success',
        details: { changed: Object.keys(patch), ...(next.nodeId !== before.nodeId ? { fromNodeId: before.nodeId } : {}) },
      });
    });
    return this.get(scope, id);
  }

  async uses(scope: Scope, id: number, query: RoomUseListQuery): Promise<Page<RoomUseRecordDto>> {
    await this.load(this.db, scope, id);
    return repo.listRoomUses(this.db, id, query.month, { page: query.page, pageSize: query.pageSize });
  }

  /** One use of a room (several a day are fine): the use must be one the room is for; no future days. */
  async recordUse(scope: Scope, id: number, input: RoomUseCreate, actor: Actor): Promise<RoomUseRecordDto> {
    return this.db.tx(async (q) => {
      const room = await this.load(q, scope, id, { forUpdate: true });
      if (!room.active) throw new AppError(409, 'CONFLICT', `“${room.name}”已停用，不能登记使用`);
      const today = chinaToday();
      if (input.usedOn > today) throw badRequest(`使用日期不能晚于今天（${today}）`);
      if (!room.uses.includes(input.use)) {
        throw badRequest(`“${room.name}”的用途不含“${ROOM_USE_LABELS[input.use].zh}”，请先在用房信息中添加该用途`, { use: input.use });
      }
      const record = await repo.insertRoomUse(q, { roomId: id, usedOn: input.usedOn, use: input.use, participants: input.participants, note: input.note ?? null, recordedBy: actor.userId });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'service_room.use', targetType: 'service_room', targetId: id, nodeId: room.nodeId, result: 'success',
        details: { useId: record.id, usedOn: record.usedOn, use: record.use, participants: record.participants },
      });
      return { ...record, recordedByName: actor.name };
    });
  }

  async summary(scope: Scope, nodeId: number | undefined): Promise<RoomSummaryDto> {
    const f = { scopePatterns: scopePatterns(scope), subtreePath: await subtreeOf(this.db, nodeId, scope) };
    const c = await repo.roomCounts(this.db, f, yearStart(chinaToday()));
    return {
      rooms: c.totals.rooms,
      activeRooms: c.totals.active,
      totalAreaSqm: Number(c.totals.area ?? 0) / 100,
      byUse: c.byUse.sort((a, b) => b.count - a.count),
      bySource: c.bySource.sort((a, b) => b.count - a.count),
      usesThisYear: c.usage.uses,
      participantsThisYear: c.usage.participants,
    };
  }
}
