// The ticket list's scope and text search as written for county scale (migration 0012,
// bench:tickets): the scope's node ids and the caller's commissioner ids compared with the
// ticket's own columns, a code or text matched in the code, the description or the address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetailDto, TicketDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, userId } from '../../test/fixtures.js';
import { TICKET_COUNT_CAP } from './tickets.repo.js';

let t: TestApp;
const c = {} as Record<'admin' | 'community1' | 'commissioner1', Client>;
let communityPath = '';
let mine: TicketDetailDto;
let elsewhere: TicketDetailDto;

const one = async <T = { id: number }>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;
const list = async (client: Client, qs: string) => {
  const res = await client.get(`/api/tickets?pageSize=200&${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: TicketDto[]; pagination: { total: number; totalCapped: boolean } };
};
const ids = async (client: Client, qs: string) => (await list(client, qs)).data.map((x) => x.id);

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['admin', 'community1', 'commissioner1'] as const) c[u] = await t.login(u);
  const community = (await one('SELECT node_id AS id FROM grants WHERE user_id = $1', [await userId(t.db, 'community1')])).id;
  communityPath = (await one<{ path: string }>('SELECT path FROM nodes WHERE id = $1', [community])).path;
  const stairwell = (await one("SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE $1 ORDER BY id LIMIT 1", [`${communityPath}%`])).id;
  const other = (await one("SELECT id FROM nodes WHERE kind = 'stairwell' AND path NOT LIKE $1 ORDER BY id LIMIT 1", [`${communityPath}%`])).id;
  const repair = (await one("SELECT id FROM ticket_categories WHERE code = 'repair'")).id;
  const report = async (client: Client, nodeId: number) => {
    const res = await client.post('/api/tickets', { source: 'community_report', categoryId: repair, nodeId, description: '路灯损坏无人修', address: '府前街9号院' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as TicketDetailDto;
  };
  mine = await report(c.community1, stairwell);
  elsewhere = await report(c.admin, other);
});
afterAll(async () => t.close());

describe('text search', () => {
  it('short terms match the description or the address, never a piece across the two', async () => {
    expect(await ids(c.admin, 'q=灯')).toEqual(expect.arrayContaining([mine.id, elsewhere.id]));
    expect(await ids(c.admin, `q=${encodeURIComponent('路灯')}`)).toEqual(expect.arrayContaining([mine.id, elsewhere.id]));
    expect(await ids(c.admin, `q=${encodeURIComponent('9号')}`)).toEqual(expect.arrayContaining([mine.id, elsewhere.id]));
    // The description ends in 修 and the address starts with 府: "修府" is in neither.
    expect(await ids(c.admin, `q=${encodeURIComponent('修府')}`)).not.toContain(mine.id);
    expect(await ids(c.admin, `q=${encodeURIComponent('灯坏')}`)).not.toContain(mine.id);
  });

  it('a short term finds exactly the tickets whose description or address contains it', async () => {
    for (const term of ['灯', '楼道', '物业', '9号']) {
      const expected = await count(t.db, "SELECT count(*) FROM tickets WHERE description LIKE $1 OR address LIKE $1", [`%${term}%`]);
      expect(expected, term).toBeGreaterThan(0);
      const page = await list(c.admin, `q=${encodeURIComponent(term)}`);
      expect(page.pagination.total, term).toBe(expected);
    }
  });

  it('longer terms and codes still match the description, the address and the code', async () => {
    expect(await ids(c.admin, `q=${encodeURIComponent('路灯损坏')}`)).toEqual(expect.arrayContaining([mine.id, elsewhere.id]));
    expect(await ids(c.admin, `q=${encodeURIComponent('府前街9号')}`)).toEqual(expect.arrayContaining([mine.id, elsewhere.id]));
    expect(await ids(c.admin, `q=${mine.code.toLowerCase()}`)).toEqual([mine.id]);
    expect(await ids(c.community1, `q=${elsewhere.code}`)).toEqual([]);
  });
});

describe('scope', () => {
  it("a scoped list and its count hold the scope's tickets and the caller's own, and nothing else", async () => {
    const inCommunity = await count(t.db, 'SELECT count(*) FROM tickets t JOIN nodes n ON n.id = t.node_id WHERE n.path LIKE $1', [`${communityPath}%`]);
    expect((await list(c.community1, '')).pagination.total).toBe(inCommunity);
    const visible = await count(
      t.db,
      `SELECT count(*) FROM tickets t JOIN nodes n ON n.id = t.node_id LEFT JOIN commissioners o ON o.id = t.owner_id
        WHERE n.path LIKE $1 OR o.user_id = $2`,
      [`${communityPath}%`, await userId(t.db, 'commissioner1')],
    );
    expect((await list(c.commissioner1, '')).pagination.total).toBe(visible);
    // The county's list stops counting at TICKET_COUNT_CAP (the demo has 2,000 tickets).
    const all = await count(t.db, 'SELECT count(*) FROM tickets');
    expect(all).toBeGreaterThan(TICKET_COUNT_CAP);
    expect((await list(c.admin, '')).pagination).toMatchObject({ total: TICKET_COUNT_CAP, totalCapped: true });
    expect(await ids(c.community1, `q=${encodeURIComponent('路灯')}`)).toContain(mine.id);
    expect(await ids(c.community1, `q=${encodeURIComponent('路灯')}`)).not.toContain(elsewhere.id);
  });

  it('the owner lists a ticket of theirs moved out of their community', async () => {
    const away = (await one("SELECT id FROM nodes WHERE kind = 'stairwell' AND path NOT LIKE $1 ORDER BY id DESC LIMIT 1", [`${communityPath}%`])).id;
    const commissioner = (await one('SELECT id FROM commissioners WHERE user_id = $1', [await userId(t.db, 'commissioner1')])).id;
    const moved = (await one("SELECT id FROM tickets WHERE owner_id = $1 AND status = 'closed' ORDER BY id DESC LIMIT 1", [commissioner])).id;
    await t.db.query('UPDATE tickets SET node_id = $2 WHERE id = $1', [moved, away]);
    expect(await ids(c.commissioner1, `ownerId=${commissioner}&status=closed`)).toContain(moved);
    expect(await ids(c.community1, 'status=closed')).not.toContain(moved);
  });
});
