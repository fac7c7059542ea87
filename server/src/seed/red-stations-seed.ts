import { STATION_SERVICES, type RoomSource, type RoomUse, type StationPlaceKind, type StationService } from '@xj/contracts';
import type { Queryable } from '../platform/db.js';
import { rng } from '../platform/prng.js';
import { chinaDateOf } from '../modules/tickets/working-days.js';
import { bulk } from './people-seed.js';

/**
 * Red stations and public service rooms (BRIEF §4: "协调移交腾退公共服务用房45处 … 建设27处红色驿站，
 * 提供避雨乘凉、歇脚饮水服务"): 27 stations at parks, schools, hospitals, malls and squares of the
 * county town (every community has one or two), each with a keeper from the people registry and a
 * location around 36.95N 116.00E; 45 rooms handed over to communities and compounds; about a year of
 * daily visit records (a few days a week per station) and of room use records.
 */
export const RED_STATION_FIGURES = { prngSeed: 20260909, stations: 27, rooms: 45, visitDays: 365 };

/** Name, kind of place, address: invented but plausible for 夏津县城. */
const STATIONS: readonly [string, StationPlaceKind, string][] = [
  ['银城公园红色驿站', 'park', '银城公园东门'],
  ['县人民医院红色驿站', 'hospital', '府前街县人民医院门诊楼西侧'],
  ['夏津一中红色驿站', 'school', '中山路夏津第一中学南门'],
  ['德百广场红色驿站', 'mall', '新华路德百广场一楼东侧'],
  ['文化广场红色驿站', 'square', '文化广场北侧'],
  ['青年路小学红色驿站', 'school', '青年路实验小学门口'],
  ['朝阳街沿街红色驿站', 'street', '朝阳街与振兴路路口'],
  ['南关农贸市场红色驿站', 'mall', '南关农贸市场入口'],
  ['银河公园红色驿站', 'park', '银河公园南门'],
  ['香赵庄便民红色驿站', 'street', '香赵庄村委会东侧'],
  ['北关汽车站红色驿站', 'square', '北关长途汽车站候车厅旁'],
  ['县中医院红色驿站', 'hospital', '北城路县中医院急诊楼北侧'],
  ['迎宾广场红色驿站', 'square', '迎宾大道迎宾广场西侧'],
  ['锦绣商城红色驿站', 'mall', '锦绣商城二号门'],
  ['恩城公园红色驿站', 'park', '恩城公园北门'],
  ['幸福路小学红色驿站', 'school', '幸福路第二实验小学东门'],
  ['和平街政务大厅红色驿站', 'office', '和平街县政务服务中心一楼'],
  ['建设路沿街红色驿站', 'street', '建设路与中山路路口'],
  ['府前街红色驿站', 'street', '府前街县委大院对面'],
  ['中山公园红色驿站', 'park', '中山公园西门'],
  ['新华书店红色驿站', 'mall', '新华路新华书店一楼'],
  ['妇幼保健院红色驿站', 'hospital', '城东路县妇幼保健院门诊东侧'],
  ['城东体育场红色驿站', 'square', '城东体育场南看台'],
  ['第三中学红色驿站', 'school', '文化路第三中学校门西侧'],
  ['人民广场红色驿站', 'square', '人民广场东南角'],
  ['北城商贸城红色驿站', 'mall', '北城商贸城服务台旁'],
  ['恩城街道便民红色驿站', 'office', '恩城路街道便民服务中心'],
];

const HOURS: Record<StationPlaceKind, string[]> = {
  park: ['06:00–21:00', '05:30–22:00'],
  school: ['07:00–19:00'],
  hospital: ['全天开放', '07:00–22:00'],
  mall: ['09:00–21:30', '08:30–21:00'],
  square: ['06:00–22:00'],
  street: ['08:00–20:00', '07:30–19:30'],
  office: ['08:30–17:30（工作日）'],
  other: ['09:00–18:00'],
};
const BASE_SERVICES: StationService[] = ['shelter', 'cooling', 'rest', 'water'];
const VISITORS: Record<StationPlaceKind, [number, number]> = {
  park: [15, 60], school: [8, 30], hospital: [20, 70], mall: [15, 55], square: [10, 50], street: [5, 30], office: [5, 25], other: [5, 20],
};

const ROOM_SOURCES: readonly [RoomSource, string[]][] = [
  ['developer', ['按规划配建移交', '开发商配建移交']],
  ['property_company', ['物业服务用房调剂', '物业企业让出']],
  ['government', ['县住建局协调移交', '县机关事务中心划转', '县房管中心调配']],
  ['enterprise', ['驻区单位共建提供', '国有企业闲置房屋移交']],
  ['community_reclaimed', ['社区腾退原仓库', '腾退违规出租房屋']],
];
const ROOM_NAMES: readonly [string, RoomUse[]][] = [
  ['党群服务站', ['party_activity', 'consultation', 'volunteer']],
  ['商量议事室', ['consultation', 'party_activity']],
  ['日间照料中心', ['elderly_care', 'culture']],
  ['四点半课堂', ['child_care', 'volunteer']],
  ['志愿服务站', ['volunteer', 'party_activity']],
  ['文体活动室', ['culture', 'elderly_care']],
  ['红色管家工作室', ['office', 'consultation']],
  ['老年幸福食堂', ['elderly_care']],
  ['党员活动室', ['party_activity', 'culture']],
];

export async function seedRedStations(q: Queryable, say: (m: string) => void): Promise<{ stations: number; rooms: number; visits: number; roomUses: number }> {
  const f = RED_STATION_FIGURES;
  const rand = rng(f.prngSeed);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const today = chinaDateOf(new Date());
  const day = (daysAgo: number) => chinaDateOf(new Date(Date.parse(`${today}T12:00:00+08:00`) - daysAgo * 86_400_000));

  const communities = await q.query<{ id: number; name: string; path: string; keeper: number | null }>(
    `SELECT n.id, n.name, n.path,
       (SELECT p.id FROM people p JOIN nodes pn ON pn.id = p.node_id WHERE pn.path LIKE n.path || '%' ORDER BY p.id LIMIT 1 OFFSET 3) AS keeper
       FROM nodes n WHERE n.kind = 'community' ORDER BY n.path`,
  );
  if (communities.length === 0) return { stations: 0, rooms: 0, visits: 0, roomUses: 0 };
  const compounds = await q.query<{ id: number; name: string; community_id: number }>(
    `SELECT c.id, c.name, c.parent_id AS community_id FROM nodes c WHERE c.kind = 'compound' ORDER BY c.path`,
  );

  // Stations: round the communities, each at a point of its own patch of the town.
  const stationRows: unknown[][] = [];
  const stationKinds: StationPlaceKind[] = [];
  const stationServices: StationService[][] = [];
  STATIONS.forEach(([name, kind, address], i) => {
    const c = communities[i % communities.length]!;
    const ci = i % communities.length;
    const lat = 36.94 + ((ci % 6) / 6) * 0.03 + rand() * 0.004;
    const lng = 115.98 + (Math.floor(ci / 6) / 3) * 0.05 + rand() * 0.012;
    const extras = STATION_SERVICES.filter((s) => !BASE_SERVICES.includes(s) && rand() < 0.4);
    if (kind === 'hospital' && !extras.includes('first_aid')) extras.push('first_aid');
    const services = [...BASE_SERVICES, ...extras];
    stationKinds.push(kind);
    stationServices.push(services);
    stationRows.push([c.id, name, kind, `{${services.join(',')}}`, pick(HOURS[kind]), `夏津县${address}`, c.keeper, Number(lat.toFixed(6)), Number(lng.toFixed(6))]);
  });
  const stationIds = (
    await bulk(
      q, 'red_stations', ['node_id', 'name', 'place_kind', 'services', 'opening_hours', 'address', 'keeper_person_id', 'lat', 'lng'],
      ['int', 'text', 'text', 'text>text[]', 'text', 'text', 'int', 'float8', 'float8'], stationRows, 'RETURNING id',
    )
  ).map((r) => r.id);

  // A year of visits: about three days a week at each station.
  const visitRows: unknown[][] = [];
  stationIds.forEach((id, i) => {
    const [lo, hi] = VISITORS[stationKinds[i]!];
    const services = stationServices[i]!;
    for (let ago = f.visitDays - 1; ago >= 0; ago--) {
      if (rand() >= 0.42) continue;
      const given = services.filter((s) => BASE_SERVICES.includes(s) ? rand() < 0.8 : rand() < 0.3);
      visitRows.push([id, day(ago), between(lo, hi), `{${(given.length ? given : [services[0]!]).join(',')}}`]);
    }
  });
  await bulk(q, 'red_station_visits', ['station_id', 'visited_on', 'visitors', 'services'], ['int', 'date', 'int', 'text>text[]'], visitRows);

  // Rooms: one or two per community at the community itself, the rest at its compounds.
  const roomRows: unknown[][] = [];
  const roomUses: RoomUse[][] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < f.rooms; i++) {
    const c = communities[i % communities.length]!;
    const own = compounds.filter((x) => x.community_id === c.id);
    const atCompound = i >= communities.length && own.length > 0;
    const node = atCompound ? own[Math.floor(i / communities.length) % own.length]! : c;
    let [base, uses] = ROOM_NAMES[i % ROOM_NAMES.length]!;
    if (!atCompound && i % 2 === 0) [base, uses] = ROOM_NAMES[0]!;
    let name = `${node.name}${base}`;
    if (usedNames.has(`${node.id}:${name}`)) name = `${name}（二）`;
    usedNames.add(`${node.id}:${name}`);
    const [source, notes] = atCompound ? ROOM_SOURCES[i % 3 === 0 ? 2 : i % 3 === 1 ? 0 : 1]! : ROOM_SOURCES[(i % 2) * 2 + 2]!;
    roomUses.push(uses);
    roomRows.push([
      node.id, name, source, pick(notes), `${between(2021, 2025)}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`,
      between(40, atCompound ? 220 : 600) * 100 + between(0, 1) * 50, `{${uses.join(',')}}`, `夏津县${c.name.replace('社区', '')}${atCompound ? node.name : '社区党群服务中心'}`,
    ]);
  }
  const roomIds = (
    await bulk(
      q, 'service_rooms', ['node_id', 'name', 'handed_over_by', 'handover_note', 'handed_over_on', 'area_centi_sqm', 'uses', 'address'],
      ['int', 'text', 'text', 'text', 'date', 'int', 'text>text[]', 'text'], roomRows, 'RETURNING id',
    )
  ).map((r) => r.id);

  // Room uses: two to five a month each.
  const useRows: unknown[][] = [];
  roomIds.forEach((id, i) => {
    const uses = roomUses[i]!;
    for (let ago = f.visitDays - 1; ago >= 0; ago--) {
      if (rand() >= 0.11) continue;
      const use = pick(uses);
      useRows.push([id, day(ago), use, use === 'office' ? between(2, 8) : between(8, 45)]);
    }
  });
  await bulk(q, 'service_room_uses', ['room_id', 'used_on', 'use', 'participants'], ['int', 'date', 'text', 'int'], useRows);

  say(`红色驿站 ${stationIds.length} 处（到访记录 ${visitRows.length} 条），公共服务用房 ${roomIds.length} 处（使用记录 ${useRows.length} 条）`);
  return { stations: stationIds.length, rooms: roomIds.length, visits: visitRows.length, roomUses: useRows.length };
}
