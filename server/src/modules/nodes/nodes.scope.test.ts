import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function compoundIdsOf(username: string): Promise<number[]> {
  const c = await t.login(username);
  const res = await c.get('/api/nodes?kind=compound&pageSize=200');
  expect(res.statusCode).toBe(200);
  return (res.json() as { data: { id: number }[] }).data.map((n) => n.id);
}

describe('data scope of the jurisdiction tree', () => {
  it('admin sees all 171 compounds', async () => {
    const admin = await t.login('admin');
    const res = await admin.get('/api/nodes?kind=compound&pageSize=1');
    expect(res.json().pagination.total).toBe(171);
  });

  it('branch1 lists only the compounds of its own branch', async () => {
    const ids = await compoundIdsOf('branch1');
    const granted = await t.db.query<{ node_id: number }>(
      "SELECT g.node_id FROM grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'branch1'",
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.sort()).toEqual(granted.map((g) => g.node_id).sort());
  });

  it("a compound of branch2 answers 404 to branch1, 200 to branch2", async () => {
    const [branch2Compound] = await compoundIdsOf('branch2');
    const branch1 = await t.login('branch1');
    const res = await branch1.get(`/api/nodes/${branch2Compound}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    const branch2 = await t.login('branch2');
    expect((await branch2.get(`/api/nodes/${branch2Compound}`)).statusCode).toBe(200);
  });

  it('community1 sees exactly the compounds under its community', async () => {
    const ids = await compoundIdsOf('community1');
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM nodes c JOIN grants g ON g.node_id = c.parent_id JOIN users u ON u.id = g.user_id
        WHERE u.username = 'community1' AND c.kind = 'compound'`,
    );
    expect(ids.length).toBe(row!.n);
  });
});
