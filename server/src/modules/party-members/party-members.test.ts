import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, CHINESE, count, expectError, testPhone, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let branch1: Client;
let branch2: Client;
let commissioner: Client;
let b1: { id: number; compoundIds: number[]; nodeId: number };
let b2: { id: number; compoundIds: number[]; nodeId: number };

// Every raw phone and ID number created here: no response may carry one.
const secrets: string[] = [];
function guarded(c: Client): Client {
  const check = (res: LightMyRequestResponse) => {
    for (const s of secrets) expect(res.body).not.toContain(s);
    return res;
  };
  return {
    ...c,
    get: async (u) => check(await c.get(u)),
    post: async (u, b) => check(await c.post(u, b)),
    patch: async (u, b) => check(await c.patch(u, b)),
    delete: async (u) => check(await c.delete(u)),
  };
}

beforeAll(async () => {
  t = await startTestApp();
  const login = async (u: string) => guarded(await t.login(u));
  [admin, branch1, branch2, commissioner] = await Promise.all([login('admin'), login('branch1'), login('branch2'), login('commissioner1')]);
  b1 = await branchOf(t.db, 'branch1');
  b2 = await branchOf(t.db, 'branch2');
});
afterAll(async () => t.close());

const auditTotal = () => count(t.db, 'SELECT count(*) FROM audit_log');

async function newPerson(c: Client, nodeId: number, name = '张建国'): Promise<number> {
  const phone = testPhone();
  const idNumber = validIdNumber('19620315');
  secrets.push(phone, idNumber);
  const res = await c.post('/api/people', { name, phone, idNumber, nodeId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const direct = (personId: number, extra: Record<string, unknown> = {}) => ({
  personId, status: 'full', joinedDate: '1988-07-01', branchId: b1.id, management: 'direct', nodeId: b1.compoundIds[0], ...extra,
});

describe('party members (党员)', () => {
  it('registers a member directly managed by the compound branch, with one audit row and a masked person', async () => {
    const personId = await newPerson(branch1, b1.compoundIds[0]!, '李红梅');
    const audits = await auditTotal();
    const res = await branch1.post('/api/party-members', direct(personId));
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ status: 'full', joinedDate: '1988-07-01', branchId: b1.id, management: 'direct', workplaceOrg: null, nodeId: b1.compoundIds[0] });
    expect(m.person).toMatchObject({ id: personId, name: '李红梅' });
    expect(m.person.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(Object.keys(m.person).sort()).toEqual(['id', 'name', 'nodeName', 'phone']);
    expect(await auditTotal()).toBe(audits + 1);
    const [row] = await t.db.query<{ action: string; details: Record<string, unknown> }>('SELECT action, details FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(row!.action).toBe('partyMember.create');
    expect(JSON.stringify(row!.details)).not.toMatch(/\d{11}/);
    const detail = await branch1.get(`/api/party-members/${m.id}`);
    expect(detail.json()).toEqual(m);
  });

  it('a dual-registered member names the workplace organisation; the list filters by management, status, branch, subtree and name', async () => {
    const personId = await newPerson(admin, b1.compoundIds[0]!, '双报到测试员');
    const err = expectError(await admin.post('/api/party-members', direct(personId, { management: 'dual' })), 400, 'VALIDATION_FAILED');
    expect(err.message).toContain('所在单位');
    const res = await admin.post('/api/party-members', direct(personId, { management: 'dual', status: 'probationary', workplaceOrg: '夏津县人民医院党委' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ management: 'dual', status: 'probationary', workplaceOrg: '夏津县人民医院党委' });
    // Switching to dual without a workplace is refused on update too.
    const directId = (await admin.post('/api/party-members', direct(await newPerson(admin, b1.compoundIds[0]!)))).json().id;
    expectError(await admin.patch(`/api/party-members/${directId}`, { management: 'dual' }), 400, 'VALIDATION_FAILED');

    const dualTotal = await count(t.db, "SELECT count(*) FROM party_members WHERE management = 'dual'");
    expect((await admin.get('/api/party-members?management=dual&pageSize=1')).json().pagination.total).toBe(dualTotal);
    const probTotal = await count(t.db, "SELECT count(*) FROM party_members WHERE status = 'probationary'");
    expect((await admin.get('/api/party-members?status=probationary&pageSize=1')).json().pagination.total).toBe(probTotal);
    const branchTotal = await count(t.db, 'SELECT count(*) FROM party_members WHERE branch_id = $1', [b2.id]);
    expect((await admin.get(`/api/party-members?branchId=${b2.id}&pageSize=1`)).json().pagination.total).toBe(branchTotal);
    const subtree = await count(t.db, "SELECT count(*) FROM party_members m JOIN nodes n ON n.id = m.node_id WHERE n.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%'", [b2.nodeId]);
    expect((await admin.get(`/api/party-members?nodeId=${b2.nodeId}&pageSize=1`)).json().pagination.total).toBe(subtree);
    const named = await admin.get(`/api/party-members?q=${encodeURIComponent('双报到测试')}`);
    expect(named.json().data.map((d: { person: { id: number } }) => d.person.id)).toEqual([personId]);
  });

  it('one membership per person: a second one is refused with a pointer and nothing written', async () => {
    const personId = await newPerson(admin, b1.compoundIds[0]!);
    const first = await admin.post('/api/party-members', direct(personId));
    const before = [await count(t.db, 'SELECT count(*) FROM party_members'), await auditTotal()];
    const err = expectError(await admin.post('/api/party-members', direct(personId, { status: 'probationary' })), 409, 'DUPLICATE');
    expect(err.details).toEqual({ existingId: first.json().id });
    expect([await count(t.db, 'SELECT count(*) FROM party_members'), await auditTotal()]).toEqual(before);
  });

  it('refuses bad input with a Chinese message and writes nothing', async () => {
    const personId = await newPerson(admin, b1.compoundIds[0]!);
    const [building] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE parent_id = $1 AND kind = 'building' LIMIT 1", [b1.compoundIds[0]]);
    const [committee] = await t.db.query<{ id: number }>("SELECT id FROM party_orgs WHERE kind = 'party_committee' LIMIT 1");
    const before = [await count(t.db, 'SELECT count(*) FROM party_members'), await auditTotal()];
    expectError(await admin.post('/api/party-members', direct(personId, { nodeId: building!.id })), 400, 'TREE_SHAPE');
    expect(expectError(await admin.post('/api/party-members', direct(personId, { branchId: b2.id })), 400, 'VALIDATION_FAILED').message).toContain('支部');
    expectError(await admin.post('/api/party-members', direct(personId, { branchId: committee!.id })), 400, 'VALIDATION_FAILED');
    for (const bad of [{ status: 'member' }, { management: 'both' }, { joinedDate: '2024-02-30' }, { joinedDate: '1988/07/01' }, { personId: 'x' }, { extra: 1 }, { workplaceOrg: 'x'.repeat(101) }]) {
      expectError(await admin.post('/api/party-members', direct(personId, bad)), 400, 'VALIDATION_FAILED');
    }
    expectError(await admin.post('/api/party-members', direct(2_147_483_647)), 404, 'NOT_FOUND');
    expectError(await admin.patch('/api/party-members/1', {}), 400, 'VALIDATION_FAILED');
    expect([await count(t.db, 'SELECT count(*) FROM party_members'), await auditTotal()]).toEqual(before);
  });

  it('scope: a branch secretary sees and changes only the members of its compounds; others answer 404', async () => {
    const mine = (await branch1.post('/api/party-members', direct(await newPerson(branch1, b1.compoundIds[0]!)))).json().id;
    const inB1 = await count(t.db, 'SELECT count(*) FROM party_members WHERE node_id = ANY($1::int[])', [b1.compoundIds]);
    const list1 = await branch1.get('/api/party-members?pageSize=200');
    expect(list1.json().pagination.total).toBe(inB1);
    expect(list1.json().data.every((d: { nodeId: number }) => b1.compoundIds.includes(d.nodeId))).toBe(true);
    expect((await admin.get('/api/party-members?pageSize=1')).json().pagination.total).toBe(await count(t.db, 'SELECT count(*) FROM party_members'));
    const list2 = await branch2.get('/api/party-members?pageSize=200');
    expect(list2.json().data.some((d: { id: number }) => d.id === mine)).toBe(false);
    expectError(await branch2.get(`/api/party-members/${mine}`), 404, 'NOT_FOUND');
    expectError(await branch2.patch(`/api/party-members/${mine}`, { status: 'probationary' }), 404, 'NOT_FOUND');
    expectError(await branch2.delete(`/api/party-members/${mine}`), 404, 'NOT_FOUND');
    expectError(await branch2.get(`/api/party-members?nodeId=${b1.compoundIds[0]}`), 404, 'NOT_FOUND');
    // Nor can branch2 register someone at branch1's compound, or use a person it cannot see.
    const theirs = await newPerson(branch2, b2.compoundIds[0]!);
    expectError(await branch2.post('/api/party-members', direct(theirs)), 404, 'NOT_FOUND');
    expectError(await branch1.post('/api/party-members', direct(theirs)), 404, 'NOT_FOUND');
    // Reading is not writing.
    expect((await commissioner.get(`/api/party-members/${mine}`)).statusCode).toBe(200);
    expectError(await commissioner.patch(`/api/party-members/${mine}`, { status: 'probationary' }), 403, 'FORBIDDEN');
    expect(await count(t.db, "SELECT count(*) FROM party_members WHERE id = $1 AND status = 'full'", [mine])).toBe(1);
  });

  it('updates and ends a membership, one audit row each', async () => {
    const id = (await branch1.post('/api/party-members', direct(await newPerson(branch1, b1.compoundIds[0]!), { status: 'probationary' }))).json().id;
    let audits = await auditTotal();
    const res = await branch1.patch(`/api/party-members/${id}`, { status: 'full', joinedDate: '1990-01-01', management: 'dual', workplaceOrg: '县教育局' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'full', joinedDate: '1990-01-01', management: 'dual', workplaceOrg: '县教育局' });
    expect(await auditTotal()).toBe(++audits);
    expect((await branch1.delete(`/api/party-members/${id}`)).json()).toEqual({ ok: true });
    expect(await auditTotal()).toBe(++audits);
    expect(await count(t.db, 'SELECT count(*) FROM party_members WHERE id = $1', [id])).toBe(0);
    const [row] = await t.db.query<{ action: string; target_id: string }>('SELECT action, target_id FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(row).toEqual({ action: 'partyMember.delete', target_id: String(id) });
    expect(expectError(await branch1.delete(`/api/party-members/${id}`), 404).message).toMatch(CHINESE);
  });
});
