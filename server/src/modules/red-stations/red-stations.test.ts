import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chinaToday,
  XLSX_CONTENT_TYPE,
  type PublicStationDto,
  type PublicStationListDto,
  type RedStationDetailDto,
  type RedStationDto,
  type RoomSummaryDto,
  type ServiceRoomDetailDto,
  type StationSummaryDto,
  type StationVisitDto,
} from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CHINESE, count, expectError, grantNodes } from '../../test/fixtures.js';
import { haversineMetres } from './station-distance.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let mine: { id: number; path: string; name: string };
let other: { id: number; path: string; name: string };
let keeper: { id: number; name: string; phone: string };

const lastAudit = async (action: string) =>
  (await t.db.query<{ result: string; details: Record<string, unknown>; node_id: number | null; target_id: string | null }>(
    'SELECT result, details, node_id, target_id FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1',
    [action],
  ))[0];

async function sheet(res: LightMyRequestResponse): Promise<string[][]> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(row.getCell(i).text);
    out.push(cells);
  });
  return out;
}

const station = (nodeId: number, name: string, extra: Record<string, unknown> = {}) => ({
  nodeId, name, placeKind: 'park', services: ['shelter', 'rest', 'water'], openingHours: '06:00–21:00', address: `测试路${name}`, ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  [admin, community1] = await Promise.all([t.login('admin'), t.login('community1')]);
  const [m] = await grantNodes(t.db, 'community1');
  mine = { id: m!.id, path: m!.path, name: m!.name };
  const [o] = await t.db.query<{ id: number; path: string; name: string }>("SELECT id, path, name FROM nodes WHERE kind = 'community' AND id <> $1 ORDER BY path LIMIT 1", [mine.id]);
  other = o!;
  const [p] = await t.db.query<{ id: number; name: string; phone: string }>(
    "SELECT p.id, p.name, p.phone FROM people p JOIN nodes n ON n.id = p.node_id WHERE n.path LIKE $1 AND p.phone IS NOT NULL ORDER BY p.id LIMIT 1",
    [`${mine.path}%`],
  );
  keeper = p!;
});
afterAll(async () => t.close());

describe('red stations (红色驿站): registry and scope', () => {
  it('community1 sees only its community’s stations; another community’s station is 404', async () => {
    const res = await community1.get('/api/red-stations?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { data: RedStationDto[]; pagination: { total: number } };
    const expected = await count(t.db, 'SELECT count(*) FROM red_stations s JOIN nodes n ON n.id = s.node_id WHERE n.path LIKE $1', [`${mine.path}%`]);
    expect(expected).toBeGreaterThan(0);
    expect(list.pagination.total).toBe(expected);
    expect(list.data.every((s) => s.nodePathNames.includes(mine.name))).toBe(true);
    expect(list.data.every((s) => s.keeper === null || s.keeper.phone === null || /^\d{3}\*{4}\d{4}$/.test(s.keeper.phone))).toBe(true);
    expect((await admin.get('/api/red-stations?pageSize=1')).json().pagination.total).toBe(await count(t.db, 'SELECT count(*) FROM red_stations'));

    const [theirs] = await t.db.query<{ id: number }>('SELECT s.id FROM red_stations s JOIN nodes n ON n.id = s.node_id WHERE n.path LIKE $1 LIMIT 1', [`${other.path}%`]);
    expectError(await community1.get(`/api/red-stations/${theirs!.id}`), 404, 'NOT_FOUND');
    expectError(await community1.get(`/api/red-stations/${theirs!.id}/visits`), 404, 'NOT_FOUND');
    expectError(await community1.patch(`/api/red-stations/${theirs!.id}`, { name: '改名' }), 404, 'NOT_FOUND');
    expectError(await community1.get(`/api/red-stations?nodeId=${other.id}`), 404);

    // Filters: place kind and service narrow the list.
    const parks = (await admin.get('/api/red-stations?placeKind=park&pageSize=100')).json() as { data: RedStationDto[] };
    expect(parks.data.length).toBe(await count(t.db, "SELECT count(*) FROM red_stations WHERE place_kind = 'park'"));
    const aid = (await admin.get('/api/red-stations?service=first_aid&pageSize=100')).json() as { data: RedStationDto[] };
    expect(aid.data.every((s) => s.services.includes('first_aid'))).toBe(true);
    expect(aid.data.length).toBe(await count(t.db, "SELECT count(*) FROM red_stations WHERE 'first_aid' = ANY(services)"));
  });

  it('creates with validation: node in scope, services required, coordinates in pairs, keeper masked, audited; deactivates', async () => {
    const e1 = expectError(await community1.post('/api/red-stations', station(mine.id, '无服务驿站', { services: [] })), 400);
    expect(e1.message).toMatch(CHINESE);
    expectError(await community1.post('/api/red-stations', station(mine.id, '半个坐标', { lat: 36.95 })), 400);
    expectError(await community1.post('/api/red-stations', station(mine.id, '坐标越界', { lat: 95, lng: 116 })), 400);
    expectError(await community1.post('/api/red-stations', station(mine.id, '未知服务', { services: ['spa'] })), 400);
    expectError(await community1.post('/api/red-stations', station(other.id, '别人的驿站')), 404);

    const before = await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'station.create'");
    const res = await community1.post('/api/red-stations', station(mine.id, '测试公园红色驿站', { keeperPersonId: keeper.id, lat: 36.95, lng: 116.0, services: ['water', 'shelter', 'water'] }));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as RedStationDetailDto;
    expect(created.services).toEqual(['water', 'shelter']);
    expect(created.keeper?.id).toBe(keeper.id);
    expect(created.keeper?.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(res.body).not.toContain(keeper.phone);
    expect(created.monthly).toHaveLength(12);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'station.create'")).toBe(before + 1);
    expect((await lastAudit('station.create'))!.node_id).toBe(mine.id);

    expectError(await community1.post('/api/red-stations', station(mine.id, '测试公园红色驿站')), 409, 'DUPLICATE');
    const [outsider] = await t.db.query<{ id: number }>('SELECT p.id FROM people p JOIN nodes n ON n.id = p.node_id WHERE n.path LIKE $1 LIMIT 1', [`${other.path}%`]);
    expectError(await community1.post('/api/red-stations', station(mine.id, '外人管理', { keeperPersonId: outsider!.id })), 404);

    const off = await community1.patch(`/api/red-stations/${created.id}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await lastAudit('station.deactivate'))!.target_id).toBe(String(created.id));
    expectError(await community1.post(`/api/red-stations/${created.id}/visits`, { visitedOn: chinaToday(), visitors: 3 }), 409);
    const pub = (await t.inject({ method: 'GET', url: '/api/public/red-stations' })).json() as PublicStationListDto;
    expect(pub.data.some((s) => s.id === created.id)).toBe(false);
    expectError(await t.inject({ method: 'GET', url: `/api/public/red-stations/${created.id}` }), 404);
  });

  it('visits: one record per station and day (409), services given among the station’s, no future days; monthly totals', async () => {
    const res = await community1.post('/api/red-stations', station(mine.id, '到访测试驿站', { services: ['shelter', 'water'] }));
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as RedStationDto).id;
    const today = chinaToday();
    const e = expectError(await community1.post(`/api/red-stations/${id}/visits`, { visitedOn: today, visitors: 12, services: ['water', 'charging'] }), 400);
    expect(e.message).toContain('充电');
    expectError(await community1.post(`/api/red-stations/${id}/visits`, { visitedOn: '2999-01-01', visitors: 12 }), 400);
    expectError(await community1.post(`/api/red-stations/${id}/visits`, { visitedOn: today, visitors: 0 }), 400);

    const first = await community1.post(`/api/red-stations/${id}/visits`, { visitedOn: today, visitors: 12, services: ['water'] });
    expect(first.statusCode, first.body).toBe(201);
    expect((first.json() as StationVisitDto).services).toEqual(['water']);
    expect((await lastAudit('station.visit'))!.details).toMatchObject({ visitors: 12, visitedOn: today });
    const dup = expectError(await community1.post(`/api/red-stations/${id}/visits`, { visitedOn: today, visitors: 5 }), 409, 'CONFLICT');
    expect(dup.message).toContain('每天只登记一条');
    expect(await count(t.db, 'SELECT count(*) FROM red_station_visits WHERE station_id = $1', [id])).toBe(1);

    const list = (await community1.get(`/api/red-stations/${id}/visits`)).json() as { data: StationVisitDto[] };
    expect(list.data.map((v) => v.visitors)).toEqual([12]);
    const detail = (await community1.get(`/api/red-stations/${id}`)).json() as RedStationDetailDto;
    expect(detail.monthly.at(-1)).toEqual({ month: today.slice(0, 7), visitors: 12, days: 1 });
    expect(detail.visitorsThisYear).toBe(12);
  });

  it('summary figures per scope equal direct queries', async () => {
    const s = (await community1.get('/api/red-stations/summary')).json() as StationSummaryDto;
    const inMine = `FROM red_stations s JOIN nodes n ON n.id = s.node_id WHERE n.path LIKE '${mine.path}%'`;
    expect(s.stations).toBe(await count(t.db, `SELECT count(*) ${inMine}`));
    expect(s.activeStations).toBe(await count(t.db, `SELECT count(*) ${inMine} AND s.active`));
    expect(s.byPlaceKind.reduce((n, k) => n + k.count, 0)).toBe(s.activeStations);
    const year = chinaToday().slice(0, 4);
    expect(s.visitorsThisYear).toBe(
      await count(t.db, `SELECT COALESCE(sum(v.visitors), 0) FROM red_station_visits v JOIN red_stations s ON s.id = v.station_id JOIN nodes n ON n.id = s.node_id WHERE n.path LIKE $1 AND v.visited_on >= $2::date`, [`${mine.path}%`, `${year}-01-01`]),
    );
    expect(s.monthly).toHaveLength(12);
    const all = (await admin.get('/api/red-stations/summary')).json() as StationSummaryDto;
    expect(all.stations).toBe(await count(t.db, 'SELECT count(*) FROM red_stations'));
    expect(all.visitorsThisMonth).toBe(await count(t.db, "SELECT COALESCE(sum(visitors), 0) FROM red_station_visits WHERE to_char(visited_on, 'YYYY-MM') = $1", [chinaToday().slice(0, 7)]));
  });

  it('exports the filtered registries as real workbooks, masked, audited', async () => {
    const rows = await sheet(await community1.get('/api/red-stations/export'));
    expect(rows[0]).toContain('驿站名称');
    expect(rows.length - 1).toBe(await count(t.db, 'SELECT count(*) FROM red_stations s JOIN nodes n ON n.id = s.node_id WHERE n.path LIKE $1', [`${mine.path}%`]));
    const phoneCol = rows[0]!.indexOf('管理员手机号');
    for (const r of rows.slice(1)) if (r[phoneCol]) expect(r[phoneCol]).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await lastAudit('station.export'))!.details).toMatchObject({ rowCount: rows.length - 1 });
    const rooms = await sheet(await admin.get('/api/service-rooms/export?use=elderly_care'));
    expect(rooms[0]).toContain('面积（平方米）');
    expect(rooms.length - 1).toBe(await count(t.db, "SELECT count(*) FROM service_rooms WHERE 'elderly_care' = ANY(uses)"));
  });
});

describe('public red stations (resident phone page)', () => {
  it('nearest first with haversine distances (hand-checked), then stations further away', async () => {
    // Around a point far from the county town, so the fixture's three stations come first.
    const here = { lat: 40, lng: 120 };
    const fixtures = [
      { name: '近点东驿站', lat: 40.0, lng: 120.01, metres: 852 }, // 0.01° of longitude at 40°N: 111,195 m × cos 40° / 100
      { name: '近点北驿站', lat: 40.005, lng: 120.0, metres: 556 }, // 0.005° of latitude: 111,195 m / 200
      { name: '远点北驿站', lat: 40.02, lng: 120.0, metres: 2224 },
    ];
    for (const f of fixtures) {
      const res = await admin.post('/api/red-stations', station(mine.id, f.name, { lat: f.lat, lng: f.lng, services: ['water', 'charging'] }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await t.inject({ method: 'GET', url: `/api/public/red-stations?lat=${here.lat}&lng=${here.lng}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as PublicStationListDto;
    expect(body.located).toBe(true);
    expect(body.data.slice(0, 3).map((s) => [s.name, s.distanceMetres])).toEqual([
      ['近点北驿站', 556],
      ['近点东驿站', 852],
      ['远点北驿站', 2224],
    ]);
    const distances = body.data.map((s) => s.distanceMetres ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.round(haversineMetres(here, { lat: 40.02, lng: 120 }))).toBe(2224);
    // Inside the county town, the nearest seeded station is a few hundred metres to a few kilometres away.
    const town = (await t.inject({ method: 'GET', url: '/api/public/red-stations?lat=36.955&lng=116.0&service=charging' })).json() as PublicStationListDto;
    expect(town.data.every((s) => s.services.includes('charging'))).toBe(true);
    expect(town.data[0]!.distanceMetres).toBeLessThan(5000);
  });

  it('without a location: every active station, by community then name; no personal data anywhere', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/public/red-stations' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as PublicStationListDto;
    expect(body.located).toBe(false);
    expect(body.data.length).toBe(await count(t.db, 'SELECT count(*) FROM red_stations s JOIN nodes n ON n.id = s.node_id WHERE s.active AND n.active'));
    const keys = body.data.map((s) => `${s.communityName}\u0000${s.name}`);
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(body.data.every((s) => s.distanceMetres === null)).toBe(true);
    const keepers = await t.db.query<{ name: string; phone: string | null }>('SELECT p.name, p.phone FROM red_stations s JOIN people p ON p.id = s.keeper_person_id');
    for (const k of keepers) {
      expect(res.body).not.toContain(`"${k.name}"`);
      if (k.phone) expect(res.body).not.toContain(k.phone.slice(-4) + '"');
    }
    for (const s of body.data) expect(Object.keys(s).sort()).toEqual(['address', 'communityName', 'distanceMetres', 'id', 'lat', 'lng', 'name', 'openingHours', 'placeKind', 'services'].sort());
    const one = await t.inject({ method: 'GET', url: `/api/public/red-stations/${body.data[0]!.id}?lat=36.95&lng=116` });
    expect(one.statusCode, one.body).toBe(200);
    expect((one.json() as PublicStationDto).distanceMetres).toEqual(expect.any(Number));
    expect(one.body).not.toContain('keeper');
  });

  it('bad coordinates answer 400 in Chinese', async () => {
    for (const qs of ['lat=abc&lng=116', 'lat=36.9', 'lng=116', 'lat=91&lng=116', 'lat=36.9&lng=181', 'service=spa']) {
      const e = expectError(await t.inject({ method: 'GET', url: `/api/public/red-stations?${qs}` }), 400);
      expect(e.message).toMatch(CHINESE);
    }
    expectError(await t.inject({ method: 'GET', url: '/api/public/red-stations/99999999' }), 404);
  });
});

describe('public service rooms (公共服务用房)', () => {
  it('scope, create with validation, use records among the room’s uses, summary figures', async () => {
    const list = (await community1.get('/api/service-rooms?pageSize=100')).json() as { data: ServiceRoomDetailDto[]; pagination: { total: number } };
    expect(list.pagination.total).toBe(await count(t.db, 'SELECT count(*) FROM service_rooms r JOIN nodes n ON n.id = r.node_id WHERE n.path LIKE $1', [`${mine.path}%`]));
    const [theirs] = await t.db.query<{ id: number }>('SELECT r.id FROM service_rooms r JOIN nodes n ON n.id = r.node_id WHERE n.path LIKE $1 LIMIT 1', [`${other.path}%`]);
    expectError(await community1.get(`/api/service-rooms/${theirs!.id}`), 404, 'NOT_FOUND');
    expectError(await community1.post(`/api/service-rooms/${theirs!.id}/uses`, { usedOn: chinaToday(), use: 'culture', participants: 3 }), 404);

    const body = { nodeId: mine.id, name: '测试议事室', handedOverBy: 'developer', areaSqm: 86.5, uses: ['consultation', 'party_activity'] };
    expectError(await community1.post('/api/service-rooms', { ...body, areaSqm: 0 }), 400);
    expectError(await community1.post('/api/service-rooms', { ...body, areaSqm: 12.345 }), 400);
    expectError(await community1.post('/api/service-rooms', { ...body, uses: [] }), 400);
    expectError(await community1.post('/api/service-rooms', { ...body, nodeId: other.id }), 404);
    const res = await community1.post('/api/service-rooms', body);
    expect(res.statusCode, res.body).toBe(201);
    const room = res.json() as ServiceRoomDetailDto;
    expect(room.areaSqm).toBe(86.5);
    expect(await count(t.db, 'SELECT area_centi_sqm FROM service_rooms WHERE id = $1', [room.id])).toBe(8650);
    expect((await lastAudit('service_room.create'))!.target_id).toBe(String(room.id));

    const e = expectError(await community1.post(`/api/service-rooms/${room.id}/uses`, { usedOn: chinaToday(), use: 'elderly_care', participants: 10 }), 400);
    expect(e.message).toContain('养老服务');
    const used = await community1.post(`/api/service-rooms/${room.id}/uses`, { usedOn: chinaToday(), use: 'consultation', participants: 14, note: '楼道停车议题' });
    expect(used.statusCode, used.body).toBe(201);
    expect((await community1.get(`/api/service-rooms/${room.id}/uses`)).json().data).toHaveLength(1);
    expect((await lastAudit('service_room.use'))!.details).toMatchObject({ participants: 14 });

    const upd = await community1.patch(`/api/service-rooms/${room.id}`, { areaSqm: 90, uses: ['consultation'], active: false });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await lastAudit('service_room.deactivate'))!.target_id).toBe(String(room.id));

    const s = (await community1.get('/api/service-rooms/summary')).json() as RoomSummaryDto;
    const inMine = `FROM service_rooms r JOIN nodes n ON n.id = r.node_id WHERE n.path LIKE '${mine.path}%'`;
    expect(s.rooms).toBe(await count(t.db, `SELECT count(*) ${inMine}`));
    expect(s.activeRooms).toBe(await count(t.db, `SELECT count(*) ${inMine} AND r.active`));
    expect(Math.round(s.totalAreaSqm * 100)).toBe(await count(t.db, `SELECT COALESCE(sum(area_centi_sqm), 0) ${inMine} AND r.active`));
    expect(s.bySource.reduce((n, x) => n + x.count, 0)).toBe(s.activeRooms);
  });
});
