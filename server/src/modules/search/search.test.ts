import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, grantNodes, testPhone } from '../../test/fixtures.js';

interface Result {
  groups: { type: string; label: string; total: number; items: { id: number; title: string; subtitle: string | null; link: string }[] }[];
}

let t: TestApp;
let admin: Client;
let branch1: Client;
let branch2: Client;
let branch1Compound: { id: number; name: string };
let branch2Compound: { id: number; name: string };

beforeAll(async () => {
  t = await startTestApp();
  [admin, branch1, branch2] = (await Promise.all(['admin', 'branch1', 'branch2'].map((u) => t.login(u)))) as [Client, Client, Client];
  branch1Compound = (await grantNodes(t.db, 'branch1'))[0]!;
  branch2Compound = (await grantNodes(t.db, 'branch2'))[0]!;
});
afterAll(async () => t.close());

const search = async (c: Client, q: string) => {
  const res = await c.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Result;
};
const group = (r: Result, type: string) => r.groups.find((g) => g.type === type);

describe('one-click query', () => {
  it('finds a steward-to-be by the last four digits of the phone, masked, only within scope', async () => {
    const phone = testPhone();
    const res = await branch1.post('/api/people', { name: '刘红梅', phone, nodeId: branch1Compound.id });
    const person = res.json() as { id: number };
    const mine = await search(branch1, phone.slice(-4));
    const people = group(mine, 'person')!;
    expect(people.items.map((i) => i.id)).toContain(person.id);
    const item = people.items.find((i) => i.id === person.id)!;
    expect(item.link).toBe(`/admin/people/${person.id}`);
    expect(JSON.stringify(mine)).not.toContain(phone);
    expect(item.subtitle).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const theirs = await search(branch2, phone.slice(-4));
    expect(group(theirs, 'person')?.items.map((i) => i.id) ?? []).not.toContain(person.id);
  });

  it('groups compounds and organisations by type, with totals equal to a direct query within scope', async () => {
    const all = await search(admin, '社区');
    const nodes = group(all, 'node')!;
    expect(nodes.total).toBe(await count(t.db, "SELECT count(*) FROM nodes WHERE active AND name LIKE '%社区%'"));
    expect(nodes.items.length).toBeLessThanOrEqual(8);
    expect(group(all, 'party_org')!.total).toBe(await count(t.db, "SELECT count(*) FROM party_orgs WHERE active AND (name LIKE '%社区%' OR secretary_name LIKE '%社区%')"));
    // branch1 sees only its own compound's records, never the neighbouring communities.
    const mine = await search(branch1, '社区');
    expect(group(mine, 'node')).toBeUndefined();
    const own = await search(branch1, branch1Compound.name);
    expect(group(own, 'node')!.items.map((i) => i.id)).toContain(branch1Compound.id);
    expect(group(await search(branch1, branch2Compound.name), 'node')).toBeUndefined();
  });

  it('finds red shops, property companies and social organisations of the demo county', async () => {
    const shops = group(await search(admin, '便利店'), 'red_shop')!;
    expect(shops.total).toBe(await count(t.db, "SELECT count(*) FROM red_shops r JOIN nodes n ON n.id = r.node_id WHERE r.name LIKE '%便利店%' OR n.name LIKE '%便利店%'"));
    expect(shops.total).toBeGreaterThan(0);
    const companies = group(await search(admin, '物业'), 'property_company')!;
    expect(companies.total).toBe(await count(t.db, "SELECT count(*) FROM property_companies WHERE name LIKE '%物业%'"));
    const orgs = group(await search(admin, '志愿'), 'social_org')!;
    expect(orgs.total).toBe(await count(t.db, "SELECT count(*) FROM social_orgs WHERE name LIKE '%志愿%'"));
    // Shops outside branch1's compound stay hidden from it.
    const mine = group(await search(branch1, '便利店'), 'red_shop');
    const inScope = await count(
      t.db,
      `SELECT count(*) FROM red_shops r JOIN nodes n ON n.id = r.node_id
        WHERE (r.name LIKE '%便利店%' OR n.name LIKE '%便利店%') AND n.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%'`,
      [branch1Compound.id],
    );
    expect(mine?.total ?? 0).toBe(inScope);
  });

  it('finds a node by its code prefix', async () => {
    const [row] = await t.db.query<{ code: string }>('SELECT code FROM nodes WHERE id = $1', [branch1Compound.id]);
    const found = await search(admin, row!.code);
    expect(group(found, 'node')!.items[0]!.id).toBe(branch1Compound.id);
  });

  it('refuses an empty or over-long query with a clear message, and anonymous callers', async () => {
    expectError(await admin.get('/api/search?q='), 400, 'VALIDATION_FAILED');
    expectError(await admin.get(`/api/search?q=${'长'.repeat(101)}`), 400, 'VALIDATION_FAILED');
    expectError(await t.inject({ method: 'GET', url: '/api/search?q=abc' }), 401, 'UNAUTHENTICATED');
  });
});
