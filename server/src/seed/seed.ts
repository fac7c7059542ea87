import { randomBytes } from 'node:crypto';
import type { CompoundKind, Role } from '@xj/contracts';
import type { Db, Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { hashPassword } from '../platform/auth/passwords.js';
import * as d from './xiajin-data.js';
import { seedPeople, type PeopleSummary } from './people-seed.js';
import { seedTickets } from './tickets-seed.js';
import { seedConsultations } from './consultations-seed.js';
import { seedVolunteers } from './volunteers-seed.js';
import { seedCadreOpinions } from './cadre-opinions-seed.js';
import { seedPropertyRatings } from './property-ratings-seed.js';
import { seedCommunityWorkers } from './community-workers-seed.js';
import { seedWorkerPay } from './worker-pay-seed.js';
import { seedSecretaryContest } from './secretary-contest-seed.js';
import { seedFunding } from './funding-seed.js';
import { seedRedStations } from './red-stations-seed.js';
import { seedInnovation } from './innovation-seed.js';
import { seedWorkerDevelopment } from './worker-development-seed.js';
import { insertKey } from '../modules/open311/open311.repo.js';
import { DEMO_OPEN311_KEY, hashKey } from '../modules/open311/open311.service.js';

export const DEMO_PASSWORD = 'Xiajin@2026';

export interface SeedSummary extends PeopleSummary {
  subdistricts: number;
  communities: number;
  compounds: number;
  buildings: number;
  stairwells: number;
  branches: number;
  jointBranches: number;
  users: string[];
}

export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT (SELECT count(*) FROM nodes) + (SELECT count(*) FROM users) AS n');
  return Number(row?.n ?? 0) === 0;
}

/** Drops every table and function of the schema; the caller migrates again. */
export async function dropSchema(db: Db): Promise<void> {
  await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
}

interface NodeInput {
  parentId: number | null;
  kind: string;
  name: string;
  code: string;
  compoundKind: CompoundKind | null;
}

async function insertNodes(q: Queryable, rows: NodeInput[]): Promise<{ id: number; code: string }[]> {
  return q.query(
    `INSERT INTO nodes (parent_id, kind, name, code, compound_kind)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[]) RETURNING id, code`,
    [rows.map((r) => r.parentId), rows.map((r) => r.kind), rows.map((r) => r.name), rows.map((r) => r.code), rows.map((r) => r.compoundKind)],
  );
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Builds the demo county in one transaction: the tree down to stairwells, the party
 * organisations on it, and the demo accounts. Progress goes to `progress`.
 */
export async function seedDemo(db: Db, opts: { demoMode: boolean; progress?: (msg: string) => void }): Promise<SeedSummary> {
  const say = opts.progress ?? (() => undefined);
  const rand = d.rng(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const personName = () => pick(d.SURNAMES) + pick(d.GIVEN);

  return db.tx(async (q) => {
    say('[1/6] 县、街道、社区');
    const [county] = await insertNodes(q, [{ parentId: null, kind: 'county', name: d.COUNTY.name, code: d.COUNTY.code, compoundKind: null }]);
    const subdistricts = await insertNodes(
      q,
      d.SUBDISTRICTS.map((s, i) => ({ parentId: county!.id, kind: 'subdistrict', name: s.name, code: `${d.COUNTY.code}${pad(i + 1, 3)}`, compoundKind: null })),
    );
    const communityInputs = d.SUBDISTRICTS.flatMap((s, i) =>
      s.communities.map((name, j) => ({ parentId: subdistricts[i]!.id, kind: 'community', name, code: `${subdistricts[i]!.code}${pad(j + 1, 3)}`, compoundKind: null })),
    );
    const communities = (await insertNodes(q, communityInputs)).map((c, i) => ({ ...c, name: communityInputs[i]!.name, subdistrictIndex: d.SUBDISTRICTS.findIndex((s) => s.communities.includes(communityInputs[i]!.name)) }));

    say(`[2/6] ${d.COMPOUND_TOTAL} 个小区`);
    const used = new Set<string>();
    const unique = (make: () => string) => {
      for (let i = 0; i < 200; i++) {
        const n = make();
        if (!used.has(n)) return used.add(n), n;
      }
      throw new Error('demo names exhausted');
    };
    const nameFor = (kind: CompoundKind) =>
      kind === 'commercial'
        ? unique(() => pick(d.COMMERCIAL_PREFIXES) + pick(d.COMMERCIAL_SUFFIXES))
        : kind === 'work_unit'
          ? unique(() => pick(d.WORK_UNITS) + pick(d.WORK_UNIT_SUFFIXES))
          : unique(() => pick(d.THREE_NO_NAMES));
    const perCommunity = communities.map((_, i) => Math.floor(d.COMPOUND_TOTAL / communities.length) + (i < d.COMPOUND_TOTAL % communities.length ? 1 : 0));
    const compoundInputs: (NodeInput & { communityIndex: number })[] = [];
    communities.forEach((c, ci) => {
      for (let k = 0; k < perCommunity[ci]!; k++) {
        const r = rand();
        const kind: CompoundKind = k === 0 ? 'commercial' : r < 0.5 ? 'commercial' : r < 0.83 ? 'work_unit' : 'three_no';
        compoundInputs.push({ parentId: c.id, kind: 'compound', name: nameFor(kind), code: `${c.code}${pad(k + 1, 3)}`, compoundKind: kind, communityIndex: ci });
      }
    });
    const compounds = (await insertNodes(q, compoundInputs)).map((c, i) => ({ ...c, ...compoundInputs[i]!, id: c.id }));

    say('[3/6] 楼栋与楼道');
    const buildingInputs: NodeInput[] = [];
    for (const c of compounds) {
      const [lo, hi] = c.compoundKind === 'commercial' ? [4, 12] : c.compoundKind === 'work_unit' ? [2, 6] : [1, 4];
      const n = between(lo, hi);
      for (let b = 1; b <= n; b++) buildingInputs.push({ parentId: c.id, kind: 'building', name: `${b}号楼`, code: `${c.code}-B${pad(b, 2)}`, compoundKind: null });
    }
    const buildings = await insertNodes(q, buildingInputs);
    const stairwellInputs: NodeInput[] = [];
    for (const b of buildings) {
      const n = between(1, 3);
      for (let u = 1; u <= n; u++) stairwellInputs.push({ parentId: b.id, kind: 'stairwell', name: `${u}单元`, code: `${b.code}-U${u}`, compoundKind: null });
    }
    const stairwells = (await insertNodes(q, stairwellInputs)).map((st, i) => ({ id: st.id, parentId: stairwellInputs[i]!.parentId! }));
    say(`      ${buildings.length} 栋楼，${stairwellInputs.length} 个楼道`);

    say('[4/6] 街道党工委、社区党委、小区党支部');
    const insertOrg = async (kind: string, name: string, nodeId: number, mode: string | null, secretary: string) => {
      const [row] = await q.query<{ id: number }>(
        'INSERT INTO party_orgs (kind, name, node_id, branch_mode, secretary_name) VALUES ($1,$2,$3,$4,$5) RETURNING id',
        [kind, name, nodeId, mode, secretary],
      );
      return row!.id;
    };
    for (const [i, s] of subdistricts.entries()) await insertOrg('working_committee', `${d.SUBDISTRICTS[i]!.name}党工委`, s.id, null, personName());
    const committees: number[] = [];
    for (const c of communities) committees.push(await insertOrg('party_committee', `${c.name}党委`, c.id, null, personName()));

    // Small work-unit and three-no compounds of a community are often joined into one branch (联建).
    const branches: { id: number; compoundIds: number[]; communityIndex: number }[] = [];
    let joint = 0;
    for (const [ci, c] of communities.entries()) {
      const mine = compounds.filter((x) => x.communityIndex === ci);
      const small = mine.filter((x) => x.compoundKind !== 'commercial');
      const groups: (typeof mine)[] = [];
      if (small.length >= 3 && ci % 3 !== 2) groups.push(small.slice(0, small.length >= 5 ? 3 : 2));
      const grouped = new Set(groups.flat().map((x) => x.id));
      for (const g of groups) {
        const id = await insertOrg('branch', `${c.name}${g.map((x) => x.name).join('、')}联建党支部`, c.id, 'joint', personName());
        branches.push({ id, compoundIds: g.map((x) => x.id), communityIndex: ci });
        joint++;
      }
      for (const x of mine.filter((m) => !grouped.has(m.id))) {
        const id = await insertOrg('branch', `${x.name}党支部`, c.id, 'standalone', personName());
        branches.push({ id, compoundIds: [x.id], communityIndex: ci });
      }
    }
    await q.query(
      'INSERT INTO branch_compounds (branch_id, compound_id) SELECT * FROM unnest($1::int[], $2::int[])',
      [branches.flatMap((b) => b.compoundIds.map(() => b.id)), branches.flatMap((b) => b.compoundIds)],
    );

    say('[5/6] 演示账号');
    const demoHash = opts.demoMode ? await hashPassword(DEMO_PASSWORD) : null;
    const firstStandalone = (ci: number) => branches.find((b) => b.communityIndex === ci && b.compoundIds.length === 1)!;
    const secondCommunity = communities.findIndex((c) => c.subdistrictIndex === 1);
    const branch1 = firstStandalone(0);
    const branch2 = firstStandalone(secondCommunity);
    const accounts: { username: string; displayName: string; grants: [Role, number][]; orgId?: number }[] = [
      { username: 'admin', displayName: '县委组织部管理员', grants: [['county_admin', county!.id]] },
      { username: 'subdistrict1', displayName: `${d.SUBDISTRICTS[0]!.name}管理员`, grants: [['subdistrict_admin', subdistricts[0]!.id]] },
      { username: 'community1', displayName: `${communities[0]!.name}书记`, grants: [['community_secretary', communities[0]!.id]], orgId: committees[0]! },
      { username: 'branch1', displayName: `${communities[0]!.name}支部书记`, grants: branch1.compoundIds.map((id) => ['branch_secretary', id]), orgId: branch1.id },
      { username: 'branch2', displayName: `${communities[secondCommunity]!.name}支部书记`, grants: branch2.compoundIds.map((id) => ['branch_secretary', id]), orgId: branch2.id },
      { username: 'commissioner1', displayName: `${communities[0]!.name}服务专员`, grants: [['commissioner', communities[0]!.id]] },
      // A second commissioner who can sign in, in branch2's community: reception days reassign tickets to both.
      { username: 'commissioner2', displayName: `${communities[secondCommunity]!.name}服务专员`, grants: [['commissioner', communities[secondCommunity]!.id]] },
      { username: 'auditor', displayName: '审计员', grants: [['auditor', county!.id]] },
    ];
    const userIds = new Map<string, number>();
    for (const a of accounts) {
      // Outside demo mode nobody knows these passwords: an admin resets them (CLI reset-password).
      const hash = demoHash ?? (await hashPassword(randomBytes(24).toString('base64url')));
      const [u] = await q.query<{ id: number }>(
        'INSERT INTO users (username, display_name, password_hash, must_change_password) VALUES ($1,$2,$3,$4) RETURNING id',
        [a.username, a.displayName, hash, !opts.demoMode],
      );
      for (const [role, nodeId] of a.grants) await q.query('INSERT INTO grants (user_id, role, node_id) VALUES ($1,$2,$3)', [u!.id, role, nodeId]);
      if (a.orgId) await q.query('UPDATE party_orgs SET secretary_user_id = $1 WHERE id = $2', [u!.id, a.orgId]);
      userIds.set(a.username, u!.id);
    }

    const compoundOfBuilding = new Map(buildings.map((b, i) => [b.id, buildingInputs[i]!.parentId!]));
    const stairwellsByCompound = new Map<number, number[]>();
    for (const st of stairwells) {
      const compoundId = compoundOfBuilding.get(st.parentId)!;
      stairwellsByCompound.set(compoundId, [...(stairwellsByCompound.get(compoundId) ?? []), st.id]);
    }
    const secretaryNames = await q.query<{ id: number; secretary_name: string }>("SELECT id, secretary_name FROM party_orgs WHERE kind = 'branch' ORDER BY id");
    const people = await seedPeople(
      q,
      {
        communities,
        compounds: compounds.map((c) => ({ id: c.id, name: c.name, compoundKind: c.compoundKind!, communityIndex: c.communityIndex })),
        stairwellsByCompound,
        branchByCompound: new Map(branches.flatMap((b) => b.compoundIds.map((c) => [c, b.id] as [number, number]))),
        branchSecretaries: secretaryNames.map((r) => ({ branchId: r.id, name: r.secretary_name })),
        commissionerUsers: [
          { userId: userIds.get('commissioner1')!, communityId: communities[0]!.id },
          { userId: userIds.get('commissioner2')!, communityId: communities[secondCommunity]!.id },
        ],
      },
      rand,
      say,
    );

    const summary: SeedSummary = {
      subdistricts: subdistricts.length,
      communities: communities.length,
      compounds: compounds.length,
      buildings: buildings.length,
      stairwells: stairwellInputs.length,
      branches: branches.length,
      jointBranches: joint,
      users: accounts.map((a) => a.username),
      ...people,
    };
    // The documented Open311 demo key (demo mode only): client systems can try the intake at once.
    if (opts.demoMode) await insertKey(q, { name: '演示客户端', keyHash: hashKey(DEMO_OPEN311_KEY), keyPrefix: DEMO_OPEN311_KEY.slice(0, 10), createdBy: null });
    await seedTickets(q, rand, say);
    await seedConsultations(q, say);
    await seedVolunteers(q, say);
    await seedCadreOpinions(q, say);
    await seedPropertyRatings(q, say);
    await seedCommunityWorkers(q, say);
    await seedWorkerDevelopment(q, say);
    await seedWorkerPay(q, say);
    await seedSecretaryContest(q, say);
    await seedRedStations(q, say);
    await seedInnovation(q, say);
    await seedFunding(q, say);
    say('[6/6] 审计记录');
    await appendAudit(q, { actorUserId: null, actorName: 'system', action: 'seed.demo', targetType: 'county', targetId: county!.id, nodeId: county!.id, result: 'success', details: { ...summary } });
    say(`完成：${summary.communities} 个社区，${summary.compounds} 个小区，${summary.branches} 个支部（联建 ${summary.jointBranches}），${summary.people} 人，红色管家 ${summary.stewards}，红色商铺 ${summary.redShops}，新就业群体 ${summary.gigWorkers}，服务专员 ${summary.commissioners}`);
    return summary;
  });
}
