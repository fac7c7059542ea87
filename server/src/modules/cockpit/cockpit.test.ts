import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { expectError, grantNodes } from '../../test/fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface Summary {
  node: { id: number; name: string; kind: string };
  counts: Record<'subdistricts' | 'communities' | 'compounds' | 'buildings' | 'stairwells' | 'branches' | 'jointBranches', number>;
  compoundsByKind: Record<'commercial' | 'work_unit' | 'three_no', number>;
  communitiesBreakdown: { id: number; name: string; compounds: number }[];
  computedAt: string;
}

/** The cockpit's figures, counted directly in SQL for the given subtrees. */
async function expected(paths: string[]): Promise<Omit<Summary, 'node' | 'computedAt'>> {
  const patterns = paths.map((p) => `${p}%`);
  const n = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, [patterns, ...params]))[0]!.n;
  const kind = (k: string) => n('SELECT count(*)::int AS n FROM nodes WHERE path LIKE ANY($1) AND active AND kind = $2', [k]);
  const compoundKind = (k: string) => n("SELECT count(*)::int AS n FROM nodes WHERE path LIKE ANY($1) AND active AND kind = 'compound' AND compound_kind = $2", [k]);
  const branches = (mode: string | null) =>
    n(
      `SELECT count(DISTINCT p.id)::int AS n FROM party_orgs p JOIN branch_compounds bc ON bc.branch_id = p.id JOIN nodes c ON c.id = bc.compound_id
        WHERE p.kind = 'branch' AND p.active AND c.path LIKE ANY($1) AND ($2::text IS NULL OR p.branch_mode = $2)`,
      [mode],
    );
  const breakdown = await t.db.query<{ id: number; name: string; compounds: number }>(
    `SELECT m.id, m.name, (SELECT count(*)::int FROM nodes c WHERE c.parent_id = m.id AND c.active AND c.kind = 'compound') AS compounds
       FROM nodes m WHERE m.kind = 'community' AND m.active AND m.path LIKE ANY($1) ORDER BY m.code`,
    [patterns],
  );
  return {
    counts: {
      subdistricts: await kind('subdistrict'),
      communities: await kind('community'),
      compounds: await kind('compound'),
      buildings: await kind('building'),
      stairwells: await kind('stairwell'),
      branches: await branches(null),
      jointBranches: await branches('joint'),
    },
    compoundsByKind: { commercial: await compoundKind('commercial'), work_unit: await compoundKind('work_unit'), three_no: await compoundKind('three_no') },
    communitiesBreakdown: breakdown,
  };
}

async function summary(c: Client, qs = ''): Promise<Summary> {
  const res = await c.get(`/api/cockpit/summary${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Summary;
}

describe('cockpit summary', () => {
  it('the county: figures equal direct SQL counts, and the demo county has 18 communities and 171 compounds', async () => {
    const admin = await t.login('admin');
    const s = await summary(admin);
    expect(s.node).toMatchObject({ id: await nodeId(t.db, '夏津县'), kind: 'county' });
    const e = await expected((await grantNodes(t.db, 'admin')).map((g) => g.path));
    expect(s).toMatchObject(e);
    expect(s.counts.subdistricts).toBe(2);
    expect(s.counts.communities).toBe(18);
    expect(s.counts.compounds).toBe(171);
    expect(s.compoundsByKind.commercial + s.compoundsByKind.work_unit + s.compoundsByKind.three_no).toBe(171);
    expect(s.communitiesBreakdown.reduce((sum, c) => sum + c.compounds, 0)).toBe(171);
    expect(s.counts.jointBranches).toBeGreaterThan(0);
    expect(Math.abs(Date.parse(s.computedAt) - Date.now())).toBeLessThan(60_000);
  });

  it.each(['community1', 'branch1', 'subdistrict1', 'commissioner1', 'branch2'])('%s: figures cover its own scope only', async (username) => {
    const c = await t.login(username);
    const grants = await grantNodes(t.db, username);
    const s = await summary(c);
    expect(s).toMatchObject(await expected(grants.map((g) => g.path)));
    expect(s.node.id).toBe(grants[0]!.id);
    if (username === 'branch1') {
      expect(s.counts).toMatchObject({ subdistricts: 0, communities: 0, compounds: grants.length, branches: 1 });
      expect(s.communitiesBreakdown).toEqual([]);
    }
    if (username === 'community1') expect(s.counts.communities).toBe(1);
  });

  it('?nodeId narrows to one node in scope; out of scope answers 404', async () => {
    const admin = await t.login('admin');
    const fuqian = await nodeId(t.db, '府前社区');
    const s = await summary(admin, `?nodeId=${fuqian}`);
    expect(s.node).toMatchObject({ id: fuqian, name: '府前社区', kind: 'community' });
    const [row] = await t.db.query<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [fuqian]);
    expect(s).toMatchObject(await expected([row!.path]));
    const branch1 = await t.login('branch1');
    expectError(await branch1.get(`/api/cockpit/summary?nodeId=${fuqian}`), 404, 'NOT_FOUND');
    expectError(await (await t.login('auditor')).get('/api/cockpit/summary'), 403, 'FORBIDDEN');
  });

  it('follows changes: a deactivated compound drops out of the counts', async () => {
    const admin = await t.login('admin');
    const community1 = await t.login('community1');
    const before = await summary(community1);
    const [compound] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'compound' AND parent_id = $1 ORDER BY id LIMIT 1", [await nodeId(t.db, '府前社区')]);
    expect((await admin.post(`/api/nodes/${compound!.id}/deactivate`)).statusCode).toBe(200);
    const after = await summary(community1);
    expect(after.counts.compounds).toBe(before.counts.compounds - 1);
    expect(after.counts.buildings).toBeLessThan(before.counts.buildings);
    expect(after).toMatchObject(await expected((await grantNodes(t.db, 'community1')).map((g) => g.path)));
  });
});
