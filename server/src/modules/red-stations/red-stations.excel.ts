import { ROOM_SOURCE_LABELS, ROOM_USE_LABELS, STATION_PLACE_KIND_LABELS, STATION_SERVICE_LABELS, type RedStationDto, type ServiceRoomDto } from '@xj/contracts';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { PHONE_COLUMN, type ExportRecord } from '../../platform/excel/registry-export.js';

/** The sheets of the station and room registries (exports only: the registries are kept in the console). */

const place = (names: string[]) => names.join(' / ');
const status = (active: boolean) => (active ? '在用' : '已停用');

export const STATION_EXPORT_COLUMNS: readonly ExportColumn<ExportRecord<RedStationDto>>[] = [
  { header: '驿站名称', width: 24, value: (x) => x.r.name },
  { header: '所属', width: 30, value: (x) => place(x.r.nodePathNames) },
  { header: '场所类型', width: 10, value: (x) => STATION_PLACE_KIND_LABELS[x.r.placeKind].zh },
  { header: '服务内容', width: 36, value: (x) => x.r.services.map((s) => STATION_SERVICE_LABELS[s].zh).join('、') },
  { header: '开放时间', width: 18, value: (x) => x.r.openingHours },
  { header: '地址', width: 30, value: (x) => x.r.address },
  { header: '纬度', width: 11, value: (x) => x.r.lat },
  { header: '经度', width: 11, value: (x) => x.r.lng },
  { header: '驿站管理员', width: 12, value: (x) => x.r.keeper?.name ?? null },
  { ...PHONE_COLUMN, header: '管理员手机号' } as ExportColumn<ExportRecord<RedStationDto>>,
  { header: '今年到访人次', width: 12, value: (x) => x.r.visitorsThisYear },
  { header: '状态', width: 8, value: (x) => status(x.r.active) },
];

export const ROOM_EXPORT_COLUMNS: readonly ExportColumn<ExportRecord<ServiceRoomDto>>[] = [
  { header: '用房名称', width: 24, value: (x) => x.r.name },
  { header: '所属', width: 30, value: (x) => place(x.r.nodePathNames) },
  { header: '移交来源', width: 14, value: (x) => ROOM_SOURCE_LABELS[x.r.handedOverBy].zh },
  { header: '移交说明', width: 24, value: (x) => x.r.handoverNote },
  { header: '移交日期', width: 12, value: (x) => x.r.handedOverOn },
  { header: '面积（平方米）', width: 12, value: (x) => x.r.areaSqm },
  { header: '用途', width: 30, value: (x) => x.r.uses.map((u) => ROOM_USE_LABELS[u].zh).join('、') },
  { header: '地址', width: 30, value: (x) => x.r.address },
  { header: '今年使用次数', width: 12, value: (x) => x.r.usesThisYear },
  { header: '状态', width: 8, value: (x) => status(x.r.active) },
];
