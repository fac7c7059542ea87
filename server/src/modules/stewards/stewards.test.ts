import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError, testPhone, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let branch1: Client;
let branch2: Client;
let compound1: number;
let compound2: number;
let stairwells1: number[];
let stairwell2: number;

const secrets: string[] = [];
function guarded(c: Client): Client {
  const check = (res: LightMyRequestResponse) => {
    for (const s of secrets) expect(res.body).not.toContain(s);
    return res;
  };
  return { ...c, get: async (u) => check(await c.get(u)), post: async (u, b) => check(await c.post(u, b)), patch: async (u, b) => check(await c.patch(u, b)), delete: async (u) => check(await c.delete(u)) };
}

const stairwellsOf = async (compoundId: number) =>
  (await t.db.query<{ id: number }>(
    "SELECT w.id FROM nodes w WHERE w.kind = 'stairwell' AND w.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' ORDER BY w.id",
    [compoundId],
  )).map((r) => r.id);

beforeAll(async () => {
  t = await startTestApp();
  const login = async (u: string) => guarded(await t.login(u));
  [admin, branch1, branch2] = await Promise.all([login('admin'), login('branch1'), login('branch2')]);
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  stairwells1 = await stairwellsOf(compound1);
  stairwell2 = (await stairwellsOf(compound2))[0]!;
  expect(stairwells1.length).toBeGreaterThanOrEqual(2);
});
afterAll(async () => t.close());

const auditTotal = () => count(t.db, 'SELECT count(*) FROM audit_log');
const stewardRows = () => count(t.db, 'SELECT count(*) FROM stewards');

async function newPerson(c: Client, nodeId: number, name = '孙桂兰'): Promise<number> {
  const phone = testPhone();
  const idNumber = validIdNumber('19550721', false);
  secrets.push(phone, idNumber);
  const res = await c.post('/api/people', { name, phone, idNumber, nodeId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('red stewards (红色管家)', () => {
  it('registers a steward for stairwells of the compound, a quality supervisor flag, one audit row', async () => {
    const personId = await newPerson(branch1, compound1, '周秀珍');
    const audits = await auditTotal();
    const res = await branch1.post('/api/stewards', { personId, compoundId: compound1, stairwellIds: [stairwells1[1], stairwells1[0], stairwells1[0]], qualitySupervisor: true, since: '2022-05-01' });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ compoundId: compound1, qualitySupervisor: true, since: '2022-05-01' });
    expect(s.person).toMatchObject({ id: personId, name: '周秀珍' });
    expect(s.stairwells.map((w: { id: number }) => w.id).sort()).toEqual([stairwells1[0], stairwells1[1]].sort());
    expect(s.stairwells[0].name).toMatch(/单元$/);
    expect(s.stairwells[0].buildingName).toMatch(/号楼$/);
    expect(await auditTotal()).toBe(audits + 1);
    expect((await branch1.get(`/api/stewards/${s.id}`)).json()).toEqual(s);

    // A stairwell may have several stewards; a person is a steward of a compound once.
    const other = await branch1.post('/api/stewards', { personId: await newPerson(branch1, compound1), compoundId: compound1, stairwellIds: [stairwells1[0]], since: '2023-01-01' });
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json().qualitySupervisor).toBe(false);
    const before = [await stewardRows(), await auditTotal()];
    const dup = expectError(await branch1.post('/api/stewards', { personId, compoundId: compound1, stairwellIds: [stairwells1[0]], since: '2023-01-01' }), 409, 'DUPLICATE');
    expect(dup.details).toEqual({ existingId: s.id });
    expect([await stewardRows(), await auditTotal()]).toEqual(before);
    const byStairwell = await branch1.get(`/api/stewards?stairwellId=${stairwells1[0]}`);
    expect(byStairwell.json().pagination.total).toBe(await count(t.db, 'SELECT count(*) FROM steward_stairwells WHERE stairwell_id = $1', [stairwells1[0]]));
  });

  it('every stairwell must lie inside the compound; bad input is 400 with a Chinese message and writes nothing', async () => {
    const personId = await newPerson(admin, compound1);
    const [building] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE parent_id = $1 AND kind = 'building' LIMIT 1", [compound1]);
    const base = { personId, compoundId: compound1, stairwellIds: [stairwells1[0]], since: '2024-03-01' };
    const before = [await stewardRows(), await count(t.db, 'SELECT count(*) FROM steward_stairwells'), await auditTotal()];
    const outside = expectError(await admin.post('/api/stewards', { ...base, stairwellIds: [stairwells1[0], stairwell2] }), 400, 'VALIDATION_FAILED');
    expect(outside.message).toContain('不是小区');
    expectError(await admin.post('/api/stewards', { ...base, stairwellIds: [building!.id] }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/stewards', { ...base, stairwellIds: [2_147_483_647] }), 400, 'VALIDATION_FAILED');
    expect(expectError(await admin.post('/api/stewards', { ...base, stairwellIds: [] }), 400, 'VALIDATION_FAILED').message).toContain('至少选择一个楼道');
    expectError(await admin.post('/api/stewards', { ...base, compoundId: building!.id }), 400, 'TREE_SHAPE');
    for (const bad of [{ since: '2024-02-30' }, { qualitySupervisor: 'yes' }, { stairwellIds: 'all' }, { stairwellIds: Array.from({ length: 51 }, (_, i) => i + 1) }, { role: 'x' }]) {
      expectError(await admin.post('/api/stewards', { ...base, ...bad }), 400, 'VALIDATION_FAILED');
    }
    const { since: _s, ...noSince } = base;
    expectError(await admin.post('/api/stewards', noSince), 400, 'VALIDATION_FAILED');
    expect([await stewardRows(), await count(t.db, 'SELECT count(*) FROM steward_stairwells'), await auditTotal()]).toEqual(before);
  });

  it('updates the stairwells and the supervisor flag, removes a steward; one audit row each', async () => {
    const created = await admin.post('/api/stewards', { personId: await newPerson(admin, compound1), compoundId: compound1, stairwellIds: [stairwells1[0]], since: '2021-09-01' });
    const id = created.json().id;
    let audits = await auditTotal();
    const res = await admin.patch(`/api/stewards/${id}`, { stairwellIds: [stairwells1[1]], qualitySupervisor: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ qualitySupervisor: true, since: '2021-09-01' });
    expect(res.json().stairwells.map((w: { id: number }) => w.id)).toEqual([stairwells1[1]]);
    expect(await auditTotal()).toBe(++audits);
    const fp = await count(t.db, 'SELECT count(*) FROM steward_stairwells WHERE steward_id = $1', [id]);
    expectError(await admin.patch(`/api/stewards/${id}`, { stairwellIds: [stairwell2], qualitySupervisor: false }), 400, 'VALIDATION_FAILED');
    expect(await count(t.db, 'SELECT count(*) FROM steward_stairwells WHERE steward_id = $1 AND stairwell_id = $2', [id, stairwells1[1]])).toBe(fp);
    expect(await count(t.db, 'SELECT count(*) FROM stewards WHERE id = $1 AND quality_supervisor', [id])).toBe(1);
    expect(await auditTotal()).toBe(audits);
    expectError(await admin.patch(`/api/stewards/${id}`, {}), 400, 'VALIDATION_FAILED');
    expect((await admin.delete(`/api/stewards/${id}`)).json()).toEqual({ ok: true });
    expect(await auditTotal()).toBe(++audits);
    expect(await count(t.db, 'SELECT count(*) FROM steward_stairwells WHERE steward_id = $1', [id])).toBe(0);
    expectError(await admin.get(`/api/stewards/${id}`), 404, 'NOT_FOUND');
  });

  it('scope and filters: lists match SQL; branch2 gets 404 for branch1’s stewards', async () => {
    const { compoundIds } = await branchOf(t.db, 'branch1');
    const list1 = await branch1.get('/api/stewards?pageSize=200');
    expect(list1.json().pagination.total).toBe(await count(t.db, 'SELECT count(*) FROM stewards WHERE compound_id = ANY($1::int[])', [compoundIds]));
    expect(list1.json().data.every((d: { compoundId: number }) => compoundIds.includes(d.compoundId))).toBe(true);
    expect((await admin.get('/api/stewards?pageSize=1')).json().pagination.total).toBe(await stewardRows());
    const [community] = await t.db.query<{ id: number; path: string }>('SELECT p.id, p.path FROM nodes c JOIN nodes p ON p.id = c.parent_id WHERE c.id = $1', [compound2]);
    const inCommunity = await count(t.db, "SELECT count(*) FROM stewards s JOIN nodes n ON n.id = s.compound_id WHERE n.path LIKE $1 || '%'", [community!.path]);
    expect((await admin.get(`/api/stewards?nodeId=${community!.id}&pageSize=1`)).json().pagination.total).toBe(inCommunity);
    const supervisors = await count(t.db, 'SELECT count(*) FROM stewards WHERE quality_supervisor');
    expect((await admin.get('/api/stewards?qualitySupervisor=true&pageSize=1')).json().pagination.total).toBe(supervisors);
    expect((await admin.get('/api/stewards?qualitySupervisor=false&pageSize=1')).json().pagination.total).toBe((await stewardRows()) - supervisors);
    expectError(await admin.get('/api/stewards?qualitySupervisor=maybe'), 400, 'VALIDATION_FAILED');

    const mine = list1.json().data[0].id;
    expect((await branch2.get('/api/stewards?pageSize=200')).json().data.some((d: { id: number }) => d.id === mine)).toBe(false);
    expectError(await branch2.get(`/api/stewards/${mine}`), 404, 'NOT_FOUND');
    expectError(await branch2.patch(`/api/stewards/${mine}`, { qualitySupervisor: true }), 404, 'NOT_FOUND');
    expectError(await branch2.delete(`/api/stewards/${mine}`), 404, 'NOT_FOUND');
    expectError(await branch2.get(`/api/stewards?nodeId=${compound1}`), 404, 'NOT_FOUND');
    const theirs = await newPerson(branch2, compound2);
    expectError(await branch2.post('/api/stewards', { personId: theirs, compoundId: compound1, stairwellIds: [stairwells1[0]], since: '2024-01-01' }), 404, 'NOT_FOUND');
    expectError(await branch1.post('/api/stewards', { personId: theirs, compoundId: compound1, stairwellIds: [stairwells1[0]], since: '2024-01-01' }), 404, 'NOT_FOUND');
  });
});
