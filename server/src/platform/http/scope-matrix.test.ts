import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, grantNodes, userId } from '../../test/fixtures.js';
import { pathInScope, scopeFor, scopeIsWholeTree, scopePatterns, type AuthContext } from '../auth/scope.js';

/**
 * Roles × routes: every route answers each demo role with exactly the expected status.
 * "in" targets lie in subdistrict1's 银城街道 (branch1's compound and branch); "out" targets in 北城街道
 * (branch2's compound and branch). Out-of-scope records answer 404, missing permissions 403.
 */
const ROLES = ['admin', 'subdistrict1', 'community1', 'branch1', 'branch2', 'commissioner1', 'auditor', 'anonymous'] as const;
type RoleName = (typeof ROLES)[number];
type Statuses = [number, number, number, number, number, number, number, number];

let t: TestApp;
const clients = {} as Record<Exclude<RoleName, 'anonymous'>, Client>;

/** Everything the matrix points at, prepared once. */
const f = {} as {
  nodeIn: number;
  nodeOut: number;
  nodeIn2: number;
  nodeOut2: number;
  buildingIn: number;
  buildingOut: number;
  orgIn: number;
  orgOut: number;
  orgInName: string;
  orgOutName: string;
  userIn: number;
  userOut: number;
  dummyIn: number;
  dummyOut: number;
  freshCompounds: Record<string, number>;
  grantToDelete: Record<string, number>;
  grantNodes: Record<string, number>;
  nodeInName: string;
  nodeOutName: string;
  /** A record of each registry inside branch1's compounds ("in") and branch2's ("out"). */
  rec: Record<Registry, { in: number; out: number }>;
  company: number;
  redShopName: { in: string; out: string };
};

/** Each registry's table, the column naming the node it belongs to, and its list URL. */
const REGISTRY_SCOPE = {
  people: { table: 'people', node: 'node_id', url: '/api/people' },
  partyMembers: { table: 'party_members', node: 'node_id', url: '/api/party-members' },
  stewards: { table: 'stewards', node: 'compound_id', url: '/api/stewards' },
  ownersCommittees: { table: 'owners_committees', node: 'compound_id', url: '/api/owners-committees' },
  propertyContracts: { table: 'property_contracts', node: 'compound_id', url: '/api/property-contracts' },
  redShops: { table: 'red_shops', node: 'node_id', url: '/api/red-shops' },
  socialOrgs: { table: 'social_orgs', node: 'node_id', url: '/api/social-orgs' },
  gigWorkers: { table: 'gig_workers', node: 'node_id', url: '/api/gig-workers' },
  deputies: { table: 'deputies', node: 'node_id', url: '/api/deputies' },
  commissioners: { table: 'commissioners', node: 'community_id', url: '/api/commissioners' },
} as const;
type Registry = keyof typeof REGISTRY_SCOPE | 'branchSecretaries';

beforeAll(async () => {
  t = await startTestApp();
  for (const r of ROLES) if (r !== 'anonymous') clients[r] = await t.login(r);
  const admin = clients.admin;
  const b1 = await branchOf(t.db, 'branch1');
  const b2 = await branchOf(t.db, 'branch2');
  f.nodeIn = b1.compoundIds[0]!;
  f.nodeOut = b2.compoundIds[0]!;
  f.orgIn = b1.id;
  f.orgOut = b2.id;
  const name = async (table: string, id: number) => (await t.db.query<{ name: string }>(`SELECT name FROM ${table} WHERE id = $1`, [id]))[0]!.name;
  f.orgInName = await name('party_orgs', f.orgIn);
  f.orgOutName = await name('party_orgs', f.orgOut);
  f.nodeInName = await name('nodes', f.nodeIn);
  f.nodeOutName = await name('nodes', f.nodeOut);
  const sibling = async (id: number) =>
    (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'compound' AND parent_id = (SELECT parent_id FROM nodes WHERE id = $1) AND id <> $1 ORDER BY id LIMIT 1", [id]))[0]!.id;
  f.nodeIn2 = await sibling(f.nodeIn);
  f.nodeOut2 = await sibling(f.nodeOut);
  const mk = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/nodes', body);
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as number;
  };
  f.buildingIn = await mk({ parentId: f.nodeIn, kind: 'building', name: '矩阵楼', code: 'MX-B-IN' });
  f.buildingOut = await mk({ parentId: f.nodeOut, kind: 'building', name: '矩阵楼', code: 'MX-B-OUT' });
  const communityIn = (await t.db.query<{ parent_id: number }>('SELECT parent_id FROM nodes WHERE id = $1', [f.nodeIn]))[0]!.parent_id;
  const communityOut = (await t.db.query<{ parent_id: number }>('SELECT parent_id FROM nodes WHERE id = $1', [f.nodeOut]))[0]!.parent_id;
  f.freshCompounds = {};
  for (const who of ['admin', 'subdistrict1']) {
    f.freshCompounds[`in-${who}`] = await mk({ parentId: communityIn, kind: 'compound', name: `矩阵小区-in-${who}`, code: `MX-C-IN-${who}`, compoundKind: 'commercial' });
    f.freshCompounds[`out-${who}`] = await mk({ parentId: communityOut, kind: 'compound', name: `矩阵小区-out-${who}`, code: `MX-C-OUT-${who}`, compoundKind: 'commercial' });
  }
  f.userIn = await userId(t.db, 'community1');
  f.userOut = await userId(t.db, 'branch2');

  // Communities to grant at: four of 银城街道 and four of 北城街道, none used by the base grants.
  const yinchengCommunities = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'community' AND parent_id = $1 AND id <> $2 ORDER BY id", [await nodeId(t.db, '银城街道'), communityIn]);
  const beichengCommunities = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'community' AND parent_id = $1 AND id <> $2 ORDER BY id", [await nodeId(t.db, '北城街道'), communityOut]);
  const mkUser = async (username: string, nodes: number[]) => {
    const res = await admin.post('/api/users', { username, displayName: username, password: 'Matrix!Pass2026', grants: nodes.map((n) => ({ role: 'commissioner', nodeId: n })) });
    if (res.statusCode !== 201) throw new Error(res.body);
    const u = res.json() as { id: number; grants: { id: number; nodeId: number }[] };
    return u;
  };
  const dIn = await mkUser('matrix-in', [communityIn, yinchengCommunities[0]!.id, yinchengCommunities[1]!.id]);
  const dOut = await mkUser('matrix-out', [communityOut, beichengCommunities[0]!.id, beichengCommunities[1]!.id]);
  f.dummyIn = dIn.id;
  f.dummyOut = dOut.id;
  const grantAt = (u: typeof dIn, n: number) => u.grants.find((g) => g.nodeId === n)!.id;
  f.grantToDelete = {
    'in-admin': grantAt(dIn, yinchengCommunities[0]!.id),
    'in-subdistrict1': grantAt(dIn, yinchengCommunities[1]!.id),
    'out-admin': grantAt(dOut, beichengCommunities[0]!.id),
    'out-subdistrict1': grantAt(dOut, beichengCommunities[1]!.id),
  };
  f.grantNodes = {
    'in-admin': yinchengCommunities[2]!.id,
    'in-subdistrict1': yinchengCommunities[3]!.id,
    'out-admin': beichengCommunities[2]!.id,
    'out-subdistrict1': beichengCommunities[3]!.id,
  };

  // Registry records from the demo data: in branch1's compounds ("in") and branch2's ("out"); commissioners
  // belong to the community of those compounds. Where the seed happens to have none, one is added by SQL.
  f.rec = {} as typeof f.rec;
  const sides = { in: { b: b1, community: communityIn }, out: { b: b2, community: communityOut } };
  const pathOf = async (id: number) => (await t.db.query<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [id]))[0]!.path;
  const one = async (sql: string, params: unknown[]) => (await t.db.query<{ id: number }>(sql, params))[0]?.id;
  f.company = (await one('SELECT min(id) AS id FROM property_companies', []))!;
  for (const side of ['in', 'out'] as const) {
    const { b, community } = sides[side];
    const compound = b.compoundIds[0]!;
    const patterns = await Promise.all(b.compoundIds.map(async (c) => `${await pathOf(c)}%`));
    const newPerson = async () => (await one("INSERT INTO people (name, node_id) VALUES ('矩阵居民', $1) RETURNING id", [compound]))!;
    const fallback: Partial<Record<keyof typeof REGISTRY_SCOPE, () => Promise<number | undefined>>> = {
      ownersCommittees: () => one("INSERT INTO owners_committees (compound_id, term_start, term_end, election_date) VALUES ($1, '2024-01-01', '2028-12-31', '2023-12-16') RETURNING id", [compound]),
      propertyContracts: () => one("INSERT INTO property_contracts (company_id, compound_id, start_date, end_date) VALUES ($1, $2, '2024-01-01', '2027-12-31') RETURNING id", [f.company, compound]),
      redShops: () => one("INSERT INTO red_shops (name, node_id) VALUES ('矩阵商铺', $1) RETURNING id", [compound]),
      socialOrgs: () => one("INSERT INTO social_orgs (name, kind, node_id) VALUES ('矩阵志愿队', 'volunteer_team', $1) RETURNING id", [compound]),
      gigWorkers: async () => one("INSERT INTO gig_workers (person_id, type, node_id) VALUES ($1, 'courier', $2) RETURNING id", [await newPerson(), compound]),
      deputies: async () => one("INSERT INTO deputies (person_id, body, level, node_id) VALUES ($1, 'npc', 'county', $2) RETURNING id", [await newPerson(), compound]),
    };
    for (const [key, r] of Object.entries(REGISTRY_SCOPE) as [keyof typeof REGISTRY_SCOPE, (typeof REGISTRY_SCOPE)[keyof typeof REGISTRY_SCOPE]][]) {
      const where = key === 'commissioners' ? [[`${await pathOf(community)}`]] : [patterns];
      const id = (await one(`SELECT x.id FROM ${r.table} x JOIN nodes n ON n.id = x.${r.node} WHERE n.path LIKE ANY($1) ORDER BY x.id LIMIT 1`, where)) ?? (await fallback[key]?.());
      if (!id) throw new Error(`no ${r.table} record ${side}`);
      f.rec[key] = { ...f.rec[key], [side]: id };
    }
    const secretary = await one('SELECT id FROM branch_secretaries WHERE branch_id = $1 ORDER BY id LIMIT 1', [b.id]);
    if (!secretary) throw new Error(`no branch secretary ${side}`);
    f.rec.branchSecretaries = { ...f.rec.branchSecretaries, [side]: secretary };
  }
  f.redShopName = { in: await name('red_shops', f.rec.redShops.in), out: await name('red_shops', f.rec.redShops.out) };
});
afterAll(async () => t.close());

type Side = 'in' | 'out';
interface Case {
  name: string;
  method: InjectOptions['method'];
  url: (role: RoleName) => string;
  body?: (role: RoleName) => unknown;
  expect: Statuses;
  /** The error code of a 4xx answer with admin's status, when not the usual one for that status. */
  code?: string;
}

//                                  admin sub1 comm1 br1  br2  comms audit anon
const PUBLIC: Statuses =           [200, 200, 200, 200, 200, 200, 200, 200];
const SIGNED_IN: Statuses =        [200, 200, 200, 200, 200, 200, 200, 401];
const NODE_READ_IN: Statuses =     [200, 200, 200, 200, 404, 200, 200, 401];
const NODE_READ_OUT: Statuses =    [200, 404, 404, 404, 200, 404, 200, 401];
const ORG_LIST: Statuses =         [200, 200, 200, 200, 200, 200, 403, 401];
const ORG_READ_IN: Statuses =      [200, 200, 200, 200, 404, 200, 403, 401];
const ORG_READ_OUT: Statuses =     [200, 404, 404, 404, 200, 404, 403, 401];
const MANAGER_READ_IN: Statuses =  [200, 200, 403, 403, 403, 403, 403, 401];
const MANAGER_READ_OUT: Statuses = [200, 404, 403, 403, 403, 403, 403, 401];
const AUDITOR_ONLY: Statuses =     [403, 403, 403, 403, 403, 403, 200, 401];
// A record at a community: the branch secretaries' compound grants do not reach it.
const COMMUNITY_READ_IN: Statuses = [200, 200, 200, 404, 404, 200, 403, 401];
const COMMUNITY_READ_OUT: Statuses = [200, 404, 404, 404, 404, 404, 403, 401];
// people.unmask / orgs.write: managers and community secretaries only.
const SECRETARY_WRITE_IN: Statuses = [200, 200, 200, 403, 403, 403, 403, 401];
const SECRETARY_WRITE_OUT: Statuses = [200, 404, 404, 403, 403, 403, 403, 401];
const write = (side: Side, ok = 200): Statuses => [ok, side === 'in' ? ok : 404, 403, 403, 403, 403, 403, 401];

const who = (r: RoleName) => (r === 'subdistrict1' ? 'subdistrict1' : 'admin');
const sideKey = (side: Side, r: RoleName) => `${side}-${who(r)}`;

function cases(): Case[] {
  const list: Case[] = [
    { name: 'GET /api/health', method: 'GET', url: () => '/api/health', expect: PUBLIC },
    { name: 'GET /api/openapi.json', method: 'GET', url: () => '/api/openapi.json', expect: PUBLIC },
    { name: 'GET /api/auth/password-policy', method: 'GET', url: () => '/api/auth/password-policy', expect: PUBLIC },
    { name: 'GET /api/auth/me', method: 'GET', url: () => '/api/auth/me', expect: SIGNED_IN },
    {
      name: 'POST /api/auth/password (wrong current password)',
      method: 'POST',
      url: () => '/api/auth/password',
      body: () => ({ currentPassword: 'Not-the-one1!', newPassword: 'Whatever!2026x' }),
      expect: [400, 400, 400, 400, 400, 400, 400, 401],
      code: 'PASSWORD_WRONG',
    },
    {
      name: 'POST /api/auth/login (wrong password)',
      method: 'POST',
      url: () => '/api/auth/login',
      body: (r) => ({ username: r === 'anonymous' ? 'nobody' : r, password: 'Wrong!Pass2026' }),
      expect: [401, 401, 401, 401, 401, 401, 401, 401],
      code: 'INVALID_CREDENTIALS',
    },
    { name: 'GET /api/nodes', method: 'GET', url: () => '/api/nodes', expect: SIGNED_IN },
    { name: 'GET /api/nodes/tree', method: 'GET', url: () => '/api/nodes/tree', expect: SIGNED_IN },
    { name: 'GET /api/nodes/:id (in)', method: 'GET', url: () => `/api/nodes/${f.nodeIn}`, expect: NODE_READ_IN },
    { name: 'GET /api/nodes/:id (out)', method: 'GET', url: () => `/api/nodes/${f.nodeOut}`, expect: NODE_READ_OUT },
    { name: 'GET /api/nodes/:id (missing)', method: 'GET', url: () => '/api/nodes/2000000000', expect: [404, 404, 404, 404, 404, 404, 404, 401] },
  ];
  for (const side of ['in', 'out'] as const) {
    const target = () => (side === 'in' ? f.nodeIn : f.nodeOut);
    const building = () => (side === 'in' ? f.buildingIn : f.buildingOut);
    list.push(
      {
        name: `POST /api/nodes (${side})`,
        method: 'POST',
        url: () => '/api/nodes',
        body: (r) => ({ parentId: target(), kind: 'building', name: `矩阵新楼-${r}`, code: `MX-N-${side}-${r}` }),
        expect: write(side, 201),
      },
      {
        name: `PATCH /api/nodes/:id (${side})`,
        method: 'PATCH',
        url: () => `/api/nodes/${target()}`,
        body: () => ({ name: side === 'in' ? f.nodeInName : f.nodeOutName }),
        expect: write(side),
      },
      {
        name: `POST /api/nodes/:id/move (${side})`,
        method: 'POST',
        url: () => `/api/nodes/${building()}/move`,
        body: () => ({ parentId: side === 'in' ? f.nodeIn2 : f.nodeOut2 }),
        expect: write(side),
      },
      { name: `POST /api/nodes/:id/deactivate (${side})`, method: 'POST', url: () => `/api/nodes/${building()}/deactivate`, expect: write(side) },
      { name: `POST /api/nodes/:id/activate (${side})`, method: 'POST', url: () => `/api/nodes/${building()}/activate`, expect: write(side) },
    );
  }
  list.push(
    { name: 'GET /api/party-orgs', method: 'GET', url: () => '/api/party-orgs', expect: ORG_LIST },
    { name: 'GET /api/party-orgs/:id (in)', method: 'GET', url: () => `/api/party-orgs/${f.orgIn}`, expect: ORG_READ_IN },
    { name: 'GET /api/party-orgs/:id (out)', method: 'GET', url: () => `/api/party-orgs/${f.orgOut}`, expect: ORG_READ_OUT },
  );
  for (const side of ['in', 'out'] as const) {
    list.push(
      {
        name: `POST /api/party-orgs (${side})`,
        method: 'POST',
        url: () => '/api/party-orgs',
        body: (r) => ({ kind: 'branch', name: `矩阵支部-${side}-${r}`, branchMode: 'standalone', compoundIds: [f.freshCompounds[sideKey(side, r)]] }),
        expect: write(side, 201),
      },
      {
        name: `PATCH /api/party-orgs/:id (${side})`,
        method: 'PATCH',
        url: () => `/api/party-orgs/${side === 'in' ? f.orgIn : f.orgOut}`,
        body: () => ({ name: side === 'in' ? f.orgInName : f.orgOutName }),
        expect: write(side),
      },
    );
  }
  list.push(
    { name: 'GET /api/users', method: 'GET', url: () => '/api/users', expect: MANAGER_READ_IN },
    { name: 'GET /api/users/:id (in)', method: 'GET', url: () => `/api/users/${f.userIn}`, expect: MANAGER_READ_IN },
    { name: 'GET /api/users/:id (out)', method: 'GET', url: () => `/api/users/${f.userOut}`, expect: MANAGER_READ_OUT },
  );
  for (const side of ['in', 'out'] as const) {
    const dummy = () => (side === 'in' ? f.dummyIn : f.dummyOut);
    list.push(
      {
        name: `POST /api/users (${side})`,
        method: 'POST',
        url: () => '/api/users',
        body: (r) => ({ username: `mx-${side}-${r}`, displayName: '矩阵用户', password: 'Matrix!Pass2026', grants: [{ role: 'commissioner', nodeId: f.grantNodes[sideKey(side, r)] }] }),
        expect: write(side, 201),
      },
      { name: `PATCH /api/users/:id (${side})`, method: 'PATCH', url: () => `/api/users/${dummy()}`, body: () => ({ displayName: `matrix-${side}` }), expect: write(side) },
      { name: `POST /api/users/:id/reset-password (${side})`, method: 'POST', url: () => `/api/users/${dummy()}/reset-password`, body: () => ({ password: 'Matrix!Reset2026' }), expect: write(side) },
      { name: `POST /api/users/:id/unlock (${side})`, method: 'POST', url: () => `/api/users/${dummy()}/unlock`, expect: write(side) },
      {
        name: `POST /api/users/:id/grants (${side})`,
        method: 'POST',
        url: () => `/api/users/${dummy()}/grants`,
        body: (r) => ({ role: 'community_secretary', nodeId: f.grantNodes[sideKey(side, r)] }),
        expect: write(side, 201),
      },
      {
        name: `DELETE /api/users/:id/grants/:grantId (${side})`,
        method: 'DELETE',
        url: (r) => `/api/users/${dummy()}/grants/${f.grantToDelete[sideKey(side, r)]}`,
        expect: write(side),
      },
    );
  }
  list.push(
    { name: 'GET /api/audit', method: 'GET', url: () => '/api/audit', expect: AUDITOR_ONLY },
    { name: 'GET /api/audit/verify', method: 'GET', url: () => '/api/audit/verify', expect: AUDITOR_ONLY },
    { name: 'GET /api/cockpit/summary', method: 'GET', url: () => '/api/cockpit/summary', expect: ORG_LIST },
    { name: 'GET /api/cockpit/summary?nodeId (in)', method: 'GET', url: () => `/api/cockpit/summary?nodeId=${f.nodeIn}`, expect: ORG_READ_IN },
    { name: 'GET /api/cockpit/summary?nodeId (out)', method: 'GET', url: () => `/api/cockpit/summary?nodeId=${f.nodeOut}`, expect: ORG_READ_OUT },
    // The people and organisation registries (people.read / orgs.read; the auditor has neither).
    ...(Object.keys(REGISTRY_SCOPE) as (keyof typeof REGISTRY_SCOPE)[]).flatMap((key): Case[] => {
      const url = REGISTRY_SCOPE[key].url;
      const community = key === 'commissioners';
      return [
        { name: `GET ${url}`, method: 'GET', url: () => url, expect: ORG_LIST },
        { name: `GET ${url}/:id (in)`, method: 'GET', url: () => `${url}/${f.rec[key].in}`, expect: community ? COMMUNITY_READ_IN : ORG_READ_IN },
        { name: `GET ${url}/:id (out)`, method: 'GET', url: () => `${url}/${f.rec[key].out}`, expect: community ? COMMUNITY_READ_OUT : ORG_READ_OUT },
        { name: `GET ${url}/:id (missing)`, method: 'GET', url: () => `${url}/2000000000`, expect: [404, 404, 404, 404, 404, 404, 403, 401] },
      ];
    }),
    { name: 'GET /api/branch-secretaries', method: 'GET', url: () => '/api/branch-secretaries', expect: ORG_LIST },
    { name: 'GET /api/branch-secretaries/:id (in)', method: 'GET', url: () => `/api/branch-secretaries/${f.rec.branchSecretaries.in}`, expect: ORG_READ_IN },
    { name: 'GET /api/branch-secretaries/:id (out)', method: 'GET', url: () => `/api/branch-secretaries/${f.rec.branchSecretaries.out}`, expect: ORG_READ_OUT },
    // Property companies are a county-wide registry (no node); their contracts are scoped by compound.
    { name: 'GET /api/property-companies', method: 'GET', url: () => '/api/property-companies', expect: ORG_LIST },
    { name: 'GET /api/property-companies/:id', method: 'GET', url: () => `/api/property-companies/${f.company}`, expect: ORG_LIST },
    { name: 'GET /api/property-companies/:id/contracts', method: 'GET', url: () => `/api/property-companies/${f.company}/contracts`, expect: ORG_LIST },
    { name: 'GET /api/property-companies/:id (missing)', method: 'GET', url: () => '/api/property-companies/2000000000', expect: [404, 404, 404, 404, 404, 404, 403, 401] },
    { name: 'GET /api/people/export', method: 'GET', url: () => '/api/people/export', expect: ORG_LIST },
    { name: 'GET /api/people/export?nodeId (in)', method: 'GET', url: () => `/api/people/export?nodeId=${f.nodeIn}`, expect: ORG_READ_IN },
    { name: 'GET /api/people/export?nodeId (out)', method: 'GET', url: () => `/api/people/export?nodeId=${f.nodeOut}`, expect: ORG_READ_OUT },
    { name: 'GET /api/people/export?unmask (in)', method: 'GET', url: () => `/api/people/export?nodeId=${f.nodeIn}&unmask=true&reason=${encodeURIComponent('矩阵核对名单')}`, expect: SECRETARY_WRITE_IN },
    { name: 'GET /api/people/export?unmask (out)', method: 'GET', url: () => `/api/people/export?nodeId=${f.nodeOut}&unmask=true&reason=${encodeURIComponent('矩阵核对名单')}`, expect: SECRETARY_WRITE_OUT },
    { name: 'POST /api/people/:id/unmask (in)', method: 'POST', url: () => `/api/people/${f.rec.people.in}/unmask`, body: () => ({ field: 'phone', reason: '矩阵核对电话' }), expect: SECRETARY_WRITE_IN },
    { name: 'POST /api/people/:id/unmask (out)', method: 'POST', url: () => `/api/people/${f.rec.people.out}/unmask`, body: () => ({ field: 'phone', reason: '矩阵核对电话' }), expect: SECRETARY_WRITE_OUT },
    { name: 'PATCH /api/red-shops/:id (in)', method: 'PATCH', url: () => `/api/red-shops/${f.rec.redShops.in}`, body: () => ({ name: f.redShopName.in }), expect: SECRETARY_WRITE_IN },
    { name: 'PATCH /api/red-shops/:id (out)', method: 'PATCH', url: () => `/api/red-shops/${f.rec.redShops.out}`, body: () => ({ name: f.redShopName.out }), expect: SECRETARY_WRITE_OUT },
    { name: 'GET /api/search', method: 'GET', url: () => `/api/search?q=${encodeURIComponent('张')}`, expect: SIGNED_IN },
    // The auditor may search too, but has no searcher to run and so no node to check.
    { name: 'GET /api/search?nodeId (in)', method: 'GET', url: () => `/api/search?q=${encodeURIComponent('张')}&nodeId=${f.nodeIn}`, expect: [200, 200, 200, 200, 404, 200, 200, 401] },
    { name: 'GET /api/search?nodeId (out)', method: 'GET', url: () => `/api/search?q=${encodeURIComponent('张')}&nodeId=${f.nodeOut}`, expect: [200, 404, 404, 404, 200, 404, 200, 401] },
    { name: 'GET /api/stats/headline', method: 'GET', url: () => '/api/stats/headline', expect: ORG_LIST },
    { name: 'GET /api/stats/headline?nodeId (in)', method: 'GET', url: () => `/api/stats/headline?nodeId=${f.nodeIn}`, expect: ORG_READ_IN },
    { name: 'GET /api/stats/headline?nodeId (out)', method: 'GET', url: () => `/api/stats/headline?nodeId=${f.nodeOut}`, expect: ORG_READ_OUT },
    // Last: it ends each role's session.
    { name: 'POST /api/auth/logout', method: 'POST', url: () => '/api/auth/logout', expect: SIGNED_IN },
  );
  return list;
}

const CODE_OF: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

describe('roles × routes', () => {
  for (const c of cases()) {
    it(c.name, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const [i, role] of ROLES.entries()) {
        const body = c.body?.(role);
        const opts: InjectOptions = { method: c.method, url: c.url(role), ...(body === undefined ? {} : { payload: body as object }) };
        const res = role === 'anonymous' ? await t.inject(opts) : await clients[role].request(opts);
        got[role] = res.statusCode;
        want[role] = c.expect[i]!;
        const code = c.code && res.statusCode === c.expect[0] ? c.code : CODE_OF[res.statusCode];
        if (code && res.statusCode >= 400 && res.statusCode === want[role]) expect(res.json().error.code, `${role} ${c.name}`).toBe(code);
      }
      expect(got).toEqual(want);
    });
  }
});

describe('lists are filtered in SQL to the scope', () => {
  it('nodes: every role gets exactly the active nodes under its grants', async () => {
    const again = {} as Record<string, Client>;
    for (const role of ROLES) if (role !== 'anonymous') again[role] = await t.login(role);
    for (const [role, c] of Object.entries(again)) {
      const paths = (await grantNodes(t.db, role)).map((g) => `${g.path}%`);
      const res = await c.get('/api/nodes?pageSize=1');
      expect(res.json().pagination.total, role).toBe(await count(t.db, 'SELECT count(*) FROM nodes WHERE path LIKE ANY($1) AND active', [paths]));
      const compounds = (await c.get('/api/nodes?kind=compound&pageSize=200')).json().data.map((n: { id: number }) => n.id).sort((a: number, b: number) => a - b);
      const expected = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'compound' AND active AND path LIKE ANY($1) ORDER BY id", [paths])).map((r) => r.id);
      expect(compounds, role).toEqual(expected);
      const tree = (await c.get('/api/nodes/tree')).json().nodes as { id: number }[];
      expect(tree.length, role).toBe(await count(t.db, 'SELECT count(*) FROM nodes WHERE path LIKE ANY($1) AND depth <= 3', [paths]));
    }
    expect((await again.admin!.get('/api/nodes?kind=compound&pageSize=1')).json().pagination.total).toBe(171 + 4);
    expect((await again.admin!.get('/api/nodes?kind=community&pageSize=1')).json().pagination.total).toBe(18);
  });

  it('registries: every role lists exactly the records of its scope, and the auditor none', async () => {
    const again = {} as Record<string, Client>;
    for (const role of ROLES) if (role !== 'anonymous') again[role] = await t.login(role);
    const counts: Record<string, Record<string, number>> = {};
    for (const [key, r] of Object.entries(REGISTRY_SCOPE)) {
      counts[key] = {};
      for (const [role, c] of Object.entries(again)) {
        const res = await c.get(`${r.url}?pageSize=1`);
        if (role === 'auditor') {
          expect(res.statusCode, `${role} ${r.url}`).toBe(403);
          continue;
        }
        expect(res.statusCode, `${role} ${r.url}: ${res.body}`).toBe(200);
        const paths = (await grantNodes(t.db, role)).map((g) => `${g.path}%`);
        const want = await count(t.db, `SELECT count(*) FROM ${r.table} x JOIN nodes n ON n.id = x.${r.node} WHERE n.path LIKE ANY($1)`, [paths]);
        expect(res.json().pagination.total, `${role} ${r.url}`).toBe(want);
        counts[key][role] = want;
      }
      expect(counts[key].admin, `${key}: the whole county`).toBe(await count(t.db, `SELECT count(*) FROM ${r.table}`));
    }
    // The demo data gives the narrower roles something to see, and less than the county.
    for (const key of ['people', 'partyMembers', 'stewards', 'gigWorkers'] as const) {
      for (const role of ['subdistrict1', 'community1', 'branch1', 'branch2']) {
        expect(counts[key]![role], `${key} ${role}`).toBeGreaterThan(0);
        expect(counts[key]![role], `${key} ${role}`).toBeLessThan(counts[key]!.admin!);
      }
    }
    expect(counts.commissioners!.community1).toBeGreaterThan(0);
    expect(counts.commissioners!.branch1).toBe(0);

    // Branch secretaries follow their branch's compounds.
    for (const [role, c] of Object.entries(again)) {
      if (role === 'auditor') continue;
      const paths = (await grantNodes(t.db, role)).map((g) => `${g.path}%`);
      const want = await count(
        t.db,
        `SELECT count(*) FROM branch_secretaries s WHERE EXISTS (SELECT 1 FROM branch_compounds bc JOIN nodes n ON n.id = bc.compound_id WHERE bc.branch_id = s.branch_id AND n.path LIKE ANY($1))`,
        [paths],
      );
      expect((await c.get('/api/branch-secretaries?pageSize=1')).json().pagination.total, role).toBe(want);
    }

    // Page contents, not only totals: branch1 sees its own people and none of branch2's.
    const people = async (role: string) => {
      const ids: number[] = [];
      for (let page = 1; ; page++) {
        const res = (await again[role]!.get(`/api/people?pageSize=200&page=${page}`)).json() as { data: { id: number }[]; pagination: { total: number } };
        ids.push(...res.data.map((p) => p.id));
        if (ids.length >= res.pagination.total || res.data.length === 0) return ids.sort((a, b) => a - b);
      }
    };
    for (const role of ['branch1', 'branch2']) {
      const paths = (await grantNodes(t.db, role)).map((g) => `${g.path}%`);
      const want = (await t.db.query<{ id: number }>('SELECT p.id FROM people p JOIN nodes n ON n.id = p.node_id WHERE n.path LIKE ANY($1) ORDER BY p.id', [paths])).map((r) => r.id);
      expect(await people(role), role).toEqual(want);
    }

    // The one-click search stays in scope too: branch1 searching for a person of branch2's compound finds them not.
    const outName = (await t.db.query<{ name: string }>('SELECT name FROM people WHERE id = $1', [f.rec.people.out]))[0]!.name;
    const found = async (role: string) =>
      ((await again[role]!.get(`/api/search?q=${encodeURIComponent(outName)}&limit=50`)).json().groups as { type: string; items: { id: number }[] }[])
        .filter((g) => g.type === 'person')
        .flatMap((g) => g.items.map((i) => i.id));
    expect(await found('branch2')).toContain(f.rec.people.out);
    expect(await found('branch1')).not.toContain(f.rec.people.out);
    expect(await found('auditor')).toEqual([]);
  });

  it('the delimiter rule: a grant at node 70001 never reaches node 700011', async () => {
    const yincheng = await nodeId(t.db, '银城街道');
    await t.db.query(
      `INSERT INTO nodes (id, parent_id, kind, name, code, compound_kind) VALUES
         (70001, $1, 'community', '前缀社区', 'PFX-1', NULL),
         (700011, $1, 'community', '前缀社区十一', 'PFX-11', NULL)`,
      [yincheng],
    );
    await t.db.query(
      `INSERT INTO nodes (id, parent_id, kind, name, code, compound_kind) VALUES
         (700012, 70001, 'compound', '前缀小区', 'PFX-1-1', 'commercial'),
         (7000111, 700011, 'compound', '前缀小区十一', 'PFX-11-1', 'commercial')`,
    );
    expect((await t.db.query<{ path: string }>('SELECT path FROM nodes WHERE id = 700011'))[0]!.path.startsWith((await t.db.query<{ path: string }>('SELECT path FROM nodes WHERE id = 70001'))[0]!.path.slice(0, -1))).toBe(true);
    const admin = await t.login('admin');
    const res = await admin.post('/api/users', { username: 'prefix', displayName: '前缀书记', password: 'Delim!Pass2026', grants: [{ role: 'community_secretary', nodeId: 70001 }] });
    expect(res.statusCode, res.body).toBe(201);
    await t.db.query("UPDATE users SET must_change_password = false WHERE username = 'prefix'");
    const c = await t.login('prefix', 'Delim!Pass2026');
    expect((await c.get('/api/nodes?pageSize=200')).json().data.map((n: { id: number }) => n.id).sort()).toEqual([70001, 700012]);
    expect((await c.get('/api/nodes/700012')).statusCode).toBe(200);
    expect((await c.get('/api/nodes/700011')).statusCode).toBe(404);
    expect((await c.get('/api/nodes/7000111')).statusCode).toBe(404);
    expect((await c.get('/api/cockpit/summary?nodeId=700011')).statusCode).toBe(404);
    const summary = (await c.get('/api/cockpit/summary')).json();
    expect(summary.counts).toMatchObject({ communities: 1, compounds: 1 });
    expect((await c.get('/api/nodes/tree')).json().nodes.map((n: { id: number }) => n.id).sort()).toEqual([70001, 700012]);
  });
});

describe('platform/auth/scope', () => {
  const ctx = (grants: [string, string][]): AuthContext => ({
    sessionId: 's',
    csrfToken: 'c',
    user: { id: 1, username: 'u', displayName: 'u', mustChangePassword: false },
    grants: grants.map(([role, nodePath], i) => ({ id: i, role: role as never, nodeId: i, nodeName: 'n', nodeKind: 'community', nodePath })),
    permissions: new Set(),
  });

  it('matches paths with a delimiter: /1/1/ does not reach /1/12/', () => {
    const scope = { paths: ['/1/1/'] };
    expect(pathInScope('/1/1/', scope)).toBe(true);
    expect(pathInScope('/1/1/5/', scope)).toBe(true);
    expect(pathInScope('/1/12/', scope)).toBe(false);
    expect(pathInScope('/1/12/1/', scope)).toBe(false);
    expect(pathInScope('/1/', scope)).toBe(false);
    expect(scopePatterns(scope)).toEqual(['/1/1/%']);
    expect(pathInScope('/1/2/', { paths: [] })).toBe(false);
  });

  it('keeps only the grants that carry the permission, and drops paths covered by a shorter one', () => {
    const auth = ctx([
      ['community_secretary', '/1/2/4/'],
      ['subdistrict_admin', '/1/2/'],
      ['branch_secretary', '/1/2/4/30/'],
      ['auditor', '/1/'],
      ['commissioner', '/1/3/12/'],
      ['commissioner', '/1/3/1/'],
    ]);
    expect(scopeFor(auth, 'nodes.write').paths).toEqual(['/1/2/']);
    expect(scopeFor(auth, 'cockpit.read').paths.sort()).toEqual(['/1/2/', '/1/3/1/', '/1/3/12/']);
    expect(scopeFor(auth, 'audit.read').paths).toEqual(['/1/']);
    expect(scopeFor(auth, 'nodes.read').paths).toEqual(['/1/']);
    expect(scopeIsWholeTree(scopeFor(auth, 'audit.read'))).toBe(true);
    expect(scopeIsWholeTree(scopeFor(auth, 'nodes.write'))).toBe(false);
    expect(scopeFor(ctx([]), 'nodes.read').paths).toEqual([]);
  });
});
