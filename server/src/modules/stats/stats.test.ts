import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_FIGURES, type HeadlineDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, grantNodes } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;

/** The figure definitions written independently of the service, for comparison. */
const EXPECTED_SQL: Record<(typeof HEADLINE_FIGURES)[number], string> = {
  communities: "SELECT count(*) FROM nodes n WHERE n.kind = 'community' AND n.active AND n.path LIKE $1",
  compounds: "SELECT count(*) FROM nodes n WHERE n.kind = 'compound' AND n.active AND n.path LIKE $1",
  stewards: 'SELECT count(*) FROM stewards s WHERE s.compound_id IN (SELECT id FROM nodes WHERE path LIKE $1)',
  redShops: 'SELECT count(*) FROM red_shops r WHERE r.node_id IN (SELECT id FROM nodes WHERE path LIKE $1)',
  gigWorkers: 'SELECT count(*) FROM gig_workers g WHERE g.node_id IN (SELECT id FROM nodes WHERE path LIKE $1)',
  commissioners: 'SELECT count(*) FROM commissioners c WHERE c.community_id IN (SELECT id FROM nodes WHERE path LIKE $1)',
  partyMembers: 'SELECT count(*) FROM party_members m WHERE m.node_id IN (SELECT id FROM nodes WHERE path LIKE $1)',
  dualRegisteredMembers: "SELECT count(*) FROM party_members m WHERE m.management = 'dual' AND m.node_id IN (SELECT id FROM nodes WHERE path LIKE $1)",
};

async function expectedFor(path: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const k of HEADLINE_FIGURES) out[k] = await count(t.db, EXPECTED_SQL[k], [`${path}%`]);
  return out;
}

const pick = (h: HeadlineDto) => Object.fromEntries(HEADLINE_FIGURES.map((k) => [k, h[k]]));

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t.close());

describe('headline figures', () => {
  it('as admin: every figure of the county equals a direct count, 18 communities and 171 compounds', async () => {
    const res = await admin.get('/api/stats/headline');
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json() as HeadlineDto;
    // The county's real figures, as seeded (BRIEF.md).
    expect([h.communities, h.compounds, h.stewards, h.redShops, h.gigWorkers, h.commissioners]).toEqual([18, 171, 1935, 42, 1671, 194]);
    expect(h.partyMembers).toBeGreaterThan(h.dualRegisteredMembers);
    expect(h.dualRegisteredMembers).toBeGreaterThan(0);
    expect(pick(h)).toEqual(await expectedFor('/1/'));
    expect(h.children.map((c) => c.kind)).toEqual(['subdistrict', 'subdistrict']);
    // Drill-down: the children's figures add up to the county's.
    for (const k of HEADLINE_FIGURES) expect(h.children.reduce((s, c) => s + c.figures[k], 0), k).toBe(h[k]);
  });

  it('drills down subdistrict → community → compound, each level equal to direct counts', async () => {
    let h = (await admin.get('/api/stats/headline')).json() as HeadlineDto;
    for (const level of ['subdistrict', 'community', 'compound']) {
      const child = h.children.find((c) => c.figures.stewards > 0 && c.figures.gigWorkers > 0)!;
      expect(child.kind).toBe(level);
      const res = await admin.get(`/api/stats/headline?nodeId=${child.id}`);
      h = res.json() as HeadlineDto;
      expect(h.node!.id).toBe(child.id);
      expect(pick(h)).toEqual(child.figures);
      const [{ path }] = await t.db.query<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [child.id]) as [{ path: string }];
      expect(pick(h)).toEqual(await expectedFor(path));
    }
  });

  it("as branch1: only its own compound's figures; another compound answers 404", async () => {
    const branch1 = await t.login('branch1');
    const [own] = await grantNodes(t.db, 'branch1');
    const h = (await branch1.get('/api/stats/headline')).json() as HeadlineDto;
    expect(h.node!.id).toBe(own!.id);
    expect(h.compounds).toBe(1);
    expect(h.communities).toBe(0);
    const [{ path }] = await t.db.query<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [own!.id]) as [{ path: string }];
    expect(pick(h)).toEqual(await expectedFor(path));
    const [other] = await grantNodes(t.db, 'branch2');
    expectError(await branch1.get(`/api/stats/headline?nodeId=${other!.id}`), 404, 'NOT_FOUND');
  });
});
