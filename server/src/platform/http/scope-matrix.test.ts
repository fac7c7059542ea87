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
};

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
