import type { CompoundKind } from '@xj/contracts';
import { creditCodeCheckChar, idCheckChar } from '@xj/contracts';
import type { Queryable } from '../platform/db.js';
import * as pd from './people-data.js';
import * as d from './xiajin-data.js';

/**
 * The county's real figures (BRIEF.md): 1935 red stewards, 42 red shops, 1671 gig workers,
 * 194 service commissioners; party members, owners' committees and property contracts in
 * plausible numbers. Every person is fictitious: ID numbers use the non-existent region code
 * 379900 with a valid check character, phones the range 1700000xxxx.
 */
export const FIGURES = { stewards: 1935, redShops: 42, gigWorkers: 1671, commissioners: 194 };
const FAKE_REGION = '379900';

export interface SeedTree {
  communities: { id: number; name: string }[];
  compounds: { id: number; name: string; compoundKind: CompoundKind; communityIndex: number }[];
  stairwellsByCompound: Map<number, number[]>;
  branchByCompound: Map<number, number>;
  branchSecretaries: { branchId: number; name: string }[];
  /** The demo commissioner accounts: each is the first commissioner of its community. */
  commissionerUsers: { userId: number; communityId: number }[];
}

interface PersonInput {
  name: string;
  gender: 'male' | 'female';
  birth: string;
  nodeId: number;
}

export interface PeopleSummary {
  people: number;
  partyMembers: number;
  dualRegisteredMembers: number;
  stewards: number;
  ownersCommittees: number;
  propertyCompanies: number;
  propertyContracts: number;
  redShops: number;
  gigWorkers: number;
  commissioners: number;
  deputies: number;
  socialOrgs: number;
}

/**
 * Multi-row insert through unnest. A type written `text>text[]` sends the column as text and
 * casts each value (array literals such as '{a,b}'), since unnest flattens array parameters.
 */
export async function bulk(q: Queryable, table: string, columns: string[], types: string[], rows: unknown[][], returning = ''): Promise<{ id: number }[]> {
  if (rows.length === 0) return [];
  const params = columns.map((_, i) => rows.map((r) => r[i]));
  const sent = types.map((t) => t.split('>')[0]!);
  const select = types.map((t, i) => (t.includes('>') ? `c${i}::${t.split('>')[1]}` : `c${i}`));
  return q.query(
    `INSERT INTO ${table} (${columns.join(', ')})
     SELECT ${select.join(', ')} FROM unnest(${sent.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) AS u(${columns.map((_, i) => `c${i}`).join(', ')}) ${returning}`,
    params,
  );
}

export async function seedPeople(q: Queryable, tree: SeedTree, rand: () => number, say: (m: string) => void): Promise<PeopleSummary> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const date = (y0: number, y1: number) => `${between(y0, y1)}-${pad(between(1, 12), 2)}-${pad(between(1, 28), 2)}`;
  const addressIn = (compoundId: number) => pick(tree.stairwellsByCompound.get(compoundId) ?? [compoundId]);

  // People are collected first, then written in one statement.
  const people: PersonInput[] = [];
  const person = (nodeId: number, y0 = 1950, y1 = 1995, name?: string): number => {
    const gender = rand() < 0.5 ? 'male' : 'female';
    people.push({ name: name ?? pick(d.SURNAMES) + pick(d.GIVEN), gender, birth: date(y0, y1), nodeId });
    return people.length - 1;
  };

  say('[people 1/4] 人员');
  // Party members: 20–50 per compound, about a fifth dual-registered from in-service organisations.
  const members: { p: number; compoundId: number; dual: boolean }[] = [];
  for (const c of tree.compounds) {
    const n = c.compoundKind === 'commercial' ? between(30, 55) : c.compoundKind === 'work_unit' ? between(25, 45) : between(8, 20);
    for (let i = 0; i < n; i++) members.push({ p: person(addressIn(c.id), 1940, 2000), compoundId: c.id, dual: rand() < 0.2 });
  }
  const membersByCompound = new Map<number, number[]>();
  for (const m of members) membersByCompound.set(m.compoundId, [...(membersByCompound.get(m.compoundId) ?? []), m.p]);

  // Stewards, one per stairwell as far as the 1935 go; about 40% of them are party members themselves.
  const allStairwells = tree.compounds.flatMap((c) => (tree.stairwellsByCompound.get(c.id) ?? []).map((s) => ({ compoundId: c.id, stairwellId: s })));
  const stewards: { p: number; compoundId: number; stairwells: number[]; supervisor: boolean }[] = [];
  const supervisorDone = new Set<number>();
  const stewardPeople = new Set<number>();
  // Spread evenly over the county's stairwells; a steward takes the stairwells up to the next one's, within a compound.
  const at = (i: number) => Math.floor((i * allStairwells.length) / FIGURES.stewards);
  for (let i = 0; i < FIGURES.stewards; i++) {
    const first = allStairwells[at(i)]!;
    const stairwells = allStairwells.slice(at(i), at(i + 1)).filter((x) => x.compoundId === first.compoundId).map((x) => x.stairwellId);
    const candidate = (membersByCompound.get(first.compoundId) ?? [])[i % 40];
    const reuse = candidate !== undefined && rand() < 0.4 && !stewardPeople.has(candidate);
    const p = reuse ? candidate : person(first.stairwellId);
    stewardPeople.add(p);
    const supervisor = !supervisorDone.has(first.compoundId);
    supervisorDone.add(first.compoundId);
    stewards.push({ p, compoundId: first.compoundId, stairwells, supervisor });
  }
  const gig = Array.from({ length: FIGURES.gigWorkers }, () => {
    const c = pick(tree.compounds);
    const type = pick(['courier', 'courier', 'delivery_rider', 'delivery_rider', 'delivery_rider', 'ride_hailing', 'other'] as const);
    return { p: person(addressIn(c.id), 1975, 2004), type, platform: pick(pd.GIG_PLATFORMS[type]), nodeId: c.id };
  });
  const commissioners = Array.from({ length: FIGURES.commissioners }, (_, i) => {
    const community = tree.communities[i % tree.communities.length]!;
    return { p: person(community.id, 1968, 1990), department: pick(pd.DEPARTMENTS), rank: rand() < 0.7 ? '副科级' : '正科级', communityId: community.id };
  });
  const secretaries = tree.branchSecretaries.map((b) => ({ ...b, p: person(addressIn(firstCompoundOf(tree, b.branchId)), 1950, 1975, b.name) }));
  const shops = Array.from({ length: FIGURES.redShops }, () => {
    const c = pick(tree.compounds);
    const [kind, services] = pick(pd.SHOP_KINDS);
    return { name: `${c.name.slice(0, 2)}${kind}`, nodeId: c.id, keeper: person(c.id, 1965, 1995), services: [...services], honours: rand() < 0.85 };
  });
  const deputies = Array.from({ length: 60 }, (_, i) => {
    const c = pick(tree.compounds);
    return { p: person(addressIn(c.id), 1955, 1985), body: (['npc', 'party_congress', 'cppcc'] as const)[i % 3], level: rand() < 0.8 ? 'county' : 'city', nodeId: c.id };
  });
  const socialOrgs = tree.communities.flatMap((cm, i) =>
    i % 2 === 0 ? [pd.SOCIAL_ORGS[i % pd.SOCIAL_ORGS.length]!, pd.SOCIAL_ORGS[(i + 3) % pd.SOCIAL_ORGS.length]!].map(([name, kind]) => ({ name: `${cm.name}${name}`, kind, nodeId: cm.id, contact: person(cm.id) })) : [],
  );

  // Write the people: fictitious ID numbers (region 379900) and phones (1700000xxxx).
  const idRows = people.map((p, i) => {
    const seq = pad((i * 2 + (p.gender === 'male' ? 1 : 0)) % 1000, 3);
    const first17 = `${FAKE_REGION}${p.birth.replace(/-/g, '')}${seq}`;
    return [p.name, p.gender, p.birth, `1700${pad(i, 7)}`, first17 + idCheckChar(first17), p.nodeId];
  });
  // The sequence wraps every 500 people of one sex and birth day; a clash is skipped by a suffix bump.
  const seen = new Set<string>();
  for (const r of idRows) {
    let id = r[4] as string;
    for (let bump = 1; seen.has(id); bump++) {
      const first17 = `${id.slice(0, 14)}${pad((Number(id.slice(14, 17)) + bump * 2) % 1000, 3)}`;
      id = first17 + idCheckChar(first17);
    }
    seen.add(id);
    r[4] = id;
  }
  const ids = (await bulk(q, 'people', ['name', 'gender', 'birth_date', 'phone', 'id_number', 'node_id'], ['text', 'text', 'date', 'text', 'text', 'int'], idRows, 'RETURNING id')).map((r) => r.id);
  const pid = (i: number) => ids[i]!;

  say('[people 2/4] 党员、支部书记、红色管家');
  await bulk(
    q,
    'party_members',
    ['person_id', 'status', 'joined_date', 'branch_id', 'management', 'workplace_org', 'node_id'],
    ['int', 'text', 'date', 'int', 'text', 'text', 'int'],
    members.map((m) => [pid(m.p), rand() < 0.95 ? 'full' : 'probationary', date(1965, 2025), tree.branchByCompound.get(m.compoundId)!, m.dual ? 'dual' : 'direct', m.dual ? pick(pd.WORKPLACE_ORGS) : null, m.compoundId]),
  );
  await bulk(
    q,
    'branch_secretaries',
    ['branch_id', 'person_id', 'background', 'term_start', 'term_end'],
    ['int', 'int', 'text', 'date', 'date'],
    secretaries.map((s) => [s.branchId, pid(s.p), pick(['village_secretary', 'unit_secretary', 'teacher', 'retired_police', 'retired_cadre', 'retired_cadre', 'other']), '2023-03-01', null]),
  );
  const stewardIds = await bulk(
    q,
    'stewards',
    ['person_id', 'compound_id', 'quality_supervisor', 'since'],
    ['int', 'int', 'bool', 'date'],
    stewards.map((s) => [pid(s.p), s.compoundId, s.supervisor, date(2021, 2025)]),
    'RETURNING id',
  );
  const sw = stewards.flatMap((s, i) => s.stairwells.map((st) => [stewardIds[i]!.id, st]));
  await bulk(q, 'steward_stairwells', ['steward_id', 'stairwell_id'], ['int', 'int'], sw);

  say('[people 3/4] 红色业委会、红色物业');
  // Owners' committees in most commercial compounds: 5 or 7 members, party members well over 60%.
  const committees = tree.compounds.filter((c) => c.compoundKind === 'commercial' && rand() < 0.8);
  const committeeIds = await bulk(
    q,
    'owners_committees',
    ['compound_id', 'term_start', 'term_end', 'election_date'],
    ['int', 'date', 'date', 'date'],
    committees.map((c) => [c.id, '2024-01-01', '2028-12-31', '2023-12-16']),
    'RETURNING id',
  );
  // The others are stewards of the compound who are not party members (elected "around the stewards").
  const memberSet = new Set(members.map((m) => m.p));
  const committeeRows = committees.flatMap((c, i) => {
    const size = rand() < 0.5 ? 5 : 7;
    const partyCount = size === 5 ? 4 : 5;
    const party = (membersByCompound.get(c.id) ?? []).slice(0, partyCount);
    const others = stewards.filter((st) => st.compoundId === c.id && !memberSet.has(st.p)).map((st) => st.p).slice(0, size - partyCount);
    return [...party, ...others].map((p, k) => [committeeIds[i]!.id, pid(p), k === 0 ? 'director' : k === 1 ? 'deputy_director' : 'member']);
  });
  await bulk(q, 'owners_committee_members', ['committee_id', 'person_id', 'position'], ['int', 'int', 'text'], committeeRows);

  const companies = pd.PROPERTY_COMPANY_NAMES.map((name, i) => {
    const first17 = `91371427MA${pad(3000000 + i * 7919, 7)}`;
    return [name, first17 + creditCodeCheckChar(first17), pick(d.SURNAMES) + pick(d.GIVEN), `1700999${pad(i, 4)}`, i % 4 !== 3, i % 4 !== 3 ? `${name.replace(/有限公司$/, '')}党支部` : null, '夏津县物业行业党委'];
  });
  const companyIds = await bulk(
    q,
    'property_companies',
    ['name', 'credit_code', 'contact_name', 'contact_phone', 'has_party_org', 'party_org_name', 'industry_committee_name'],
    ['text', 'text', 'text', 'text', 'bool', 'text', 'text'],
    companies,
    'RETURNING id',
  );
  const served = tree.compounds.filter((c) => c.compoundKind === 'commercial' || (c.compoundKind === 'work_unit' && rand() < 0.3));
  await bulk(
    q,
    'property_contracts',
    ['company_id', 'compound_id', 'start_date', 'end_date', 'fee_standard'],
    ['int', 'int', 'date', 'date', 'text'],
    served.map((c) => [pick(companyIds).id, c.id, `${between(2023, 2025)}-01-01`, `${between(2026, 2028)}-12-31`, `${(0.6 + rand() * 0.8).toFixed(2)}元/㎡·月`]),
  );

  say('[people 4/4] 红色商铺、新就业群体、服务专员、两代表一委员、社会组织');
  await bulk(
    q,
    'red_shops',
    ['name', 'node_id', 'keeper_id', 'services', 'honours_points', 'joined_date'],
    ['text', 'int', 'int', 'text>text[]', 'bool', 'date'],
    shops.map((s) => [s.name, s.nodeId, pid(s.keeper), `{${s.services.join(',')}}`, s.honours, date(2022, 2025)]),
  );
  await bulk(q, 'gig_workers', ['person_id', 'type', 'platform', 'node_id'], ['int', 'text', 'text', 'int'], gig.map((g) => [pid(g.p), g.type, g.platform, g.nodeId]));
  // Each demo commissioner account belongs to the first commissioner of its community.
  const accountOf = new Map(tree.commissionerUsers.map((u) => [commissioners.findIndex((c) => c.communityId === u.communityId), u.userId]));
  await bulk(
    q,
    'commissioners',
    ['person_id', 'department', 'rank', 'community_id', 'user_id'],
    ['int', 'text', 'text', 'int', 'int'],
    commissioners.map((c, i) => [pid(c.p), c.department, c.rank, c.communityId, accountOf.get(i) ?? null]),
  );
  await bulk(q, 'deputies', ['person_id', 'body', 'level', 'node_id'], ['int', 'text', 'text', 'int'], deputies.map((x) => [pid(x.p), x.body, x.level, x.nodeId]));
  await bulk(q, 'social_orgs', ['name', 'kind', 'node_id', 'contact_id', 'registered'], ['text', 'text', 'int', 'int', 'bool'], socialOrgs.map((o) => [o.name, o.kind, o.nodeId, pid(o.contact), rand() < 0.6]));

  return {
    people: ids.length,
    partyMembers: members.length,
    dualRegisteredMembers: members.filter((m) => m.dual).length,
    stewards: stewards.length,
    ownersCommittees: committees.length,
    propertyCompanies: companies.length,
    propertyContracts: served.length,
    redShops: shops.length,
    gigWorkers: gig.length,
    commissioners: commissioners.length,
    deputies: deputies.length,
    socialOrgs: socialOrgs.length,
  };
}

function firstCompoundOf(tree: SeedTree, branchId: number): number {
  for (const [compound, branch] of tree.branchByCompound) if (branch === branchId) return compound;
  throw new Error(`branch ${branchId} covers no compound`);
}
