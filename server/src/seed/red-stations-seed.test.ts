import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATION_PLACE_KINDS, STATION_SERVICES } from '@xj/contracts';
import { startTestApp, type TestApp } from '../test/harness.js';
import { count } from '../test/fixtures.js';
import { RED_STATION_FIGURES } from './red-stations-seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('demo red stations and service rooms (红色驿站、公共服务用房)', () => {
  it('27 stations, every one with services, a location in the county town and a keeper; every community has one', async () => {
    expect(await count(t.db, 'SELECT count(*) FROM red_stations')).toBe(27);
    expect(await count(t.db, 'SELECT count(*) FROM red_stations WHERE cardinality(services) = 0 OR lat IS NULL OR lng IS NULL OR keeper_person_id IS NULL')).toBe(0);
    expect(await count(t.db, 'SELECT count(*) FROM red_stations WHERE lat NOT BETWEEN 36.94 AND 36.97 OR lng NOT BETWEEN 115.98 AND 116.03')).toBe(0);
    expect(await count(t.db, "SELECT count(*) FROM red_stations WHERE NOT (services @> ARRAY['shelter', 'rest', 'water']::text[])")).toBe(0);
    const kinds = await t.db.query<{ place_kind: string; services: string[] }>('SELECT place_kind, services FROM red_stations');
    for (const k of kinds) {
      expect(STATION_PLACE_KINDS).toContain(k.place_kind);
      for (const s of k.services) expect(STATION_SERVICES).toContain(s);
    }
    expect(new Set(kinds.map((k) => k.place_kind)).size).toBeGreaterThanOrEqual(6);
    expect(
      await count(t.db, "SELECT count(*) FROM nodes c WHERE c.kind = 'community' AND NOT EXISTS (SELECT 1 FROM red_stations s JOIN nodes n ON n.id = s.node_id WHERE n.path LIKE c.path || '%')"),
    ).toBe(0);
  });

  it('45 service rooms at communities and compounds, with a source, an area and uses', async () => {
    expect(await count(t.db, 'SELECT count(*) FROM service_rooms')).toBe(RED_STATION_FIGURES.rooms);
    expect(RED_STATION_FIGURES.rooms).toBe(45);
    expect(await count(t.db, "SELECT count(*) FROM service_rooms r JOIN nodes n ON n.id = r.node_id WHERE n.kind NOT IN ('community', 'compound')")).toBe(0);
    expect(await count(t.db, "SELECT count(*) FROM service_rooms r JOIN nodes n ON n.id = r.node_id WHERE n.kind = 'compound'")).toBeGreaterThan(20);
    expect(await count(t.db, 'SELECT count(DISTINCT handed_over_by) FROM service_rooms')).toBeGreaterThanOrEqual(4);
  });

  it('about a year of visits, one per station and day, services given among the station’s; room uses among the room’s', async () => {
    const visits = await count(t.db, 'SELECT count(*) FROM red_station_visits');
    expect(visits).toBeGreaterThan(27 * 120);
    expect(visits).toBeLessThan(27 * 200);
    expect(await count(t.db, "SELECT count(*) FROM (SELECT max(visited_on) - min(visited_on) AS span FROM red_station_visits) x WHERE span >= 350")).toBe(1);
    expect(await count(t.db, 'SELECT count(*) FROM red_station_visits v JOIN red_stations s ON s.id = v.station_id WHERE NOT (v.services <@ s.services)')).toBe(0);
    expect(await count(t.db, 'SELECT count(*) FROM red_station_visits WHERE visited_on > CURRENT_DATE + 1')).toBe(0);
    expect(await count(t.db, 'SELECT count(*) FROM service_room_uses')).toBeGreaterThan(45 * 20);
    expect(await count(t.db, 'SELECT count(*) FROM service_room_uses x JOIN service_rooms r ON r.id = x.room_id WHERE NOT (x.use = ANY(r.uses))')).toBe(0);
  });
});
