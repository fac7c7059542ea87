import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError, testPhone, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let branch1: Client;
let branch2: Client;
let b1: { id: number; compoundIds: number[]; nodeId: number };
let b2: { id: number; compoundIds: number[]; nodeId: number };

const secrets: string[] = [];
function guarded(c: Client): Client {
  const check = (res: LightMyRequestResponse) => {
    for (const s of secrets) expect(res.body).not.toContain(s);
    return res;
  };
  return { ...c, get: async (u) => check(await c.get(u)), post: async (u, b) => check(await c.post(u, b)), patch: async (u, b) => check(await c.patch(u, b)), delete: async (u) => check(await c.delete(u)) };
}

beforeAll(async () => {
  t = await startTestApp();
  const login = async (u: string) => guarded(await t.login(u));
  [admin, branch1, branch2] = await Promise.all([login('admin'), login('branch1'), login('branch2')]);
  b1 = await branchOf(t.db, 'branch1');
  b2 = await branchOf(t.db, 'branch2');
  const [d] = await t.db.query<{ today: string; yesterday: string }>("SELECT to_char(current_date, 'YYYY-MM-DD') AS today, to_char(current_date - 1, 'YYYY-MM-DD') AS yesterday");
  ({ today, yesterday } = d!);
});
afterAll(async () => t.close());

const auditTotal = () => count(t.db, 'SELECT count(*) FROM audit_log');
const secretaryRows = () => count(t.db, 'SELECT count(*) FROM branch_secretaries');
// The database's calendar decides what is current, so the tests take their dates from it too.
let today = '';
let yesterday = '';

async function newPerson(c: Client, nodeId: number, name = '刘志强'): Promise<number> {
  const phone = testPhone();
  const idNumber = validIdNumber('19580904');
  secrets.push(phone, idNumber);
  const res = await c.post('/api/people', { name, phone, idNumber, nodeId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** The branch's secretaries in term order, straight from the table. */
const termsOf = (branchId: number) =>
  t.db.query<{ id: number; term_start: string; term_end: string | null }>(
    "SELECT id, to_char(term_start, 'YYYY-MM-DD') AS term_start, to_char(term_end, 'YYYY-MM-DD') AS term_end FROM branch_secretaries WHERE branch_id = $1 ORDER BY term_start, id",
    [branchId],
  );

describe('branch secretaries (支部书记)', () => {
  it('one current secretary per branch: an overlapping term is refused, or ends the previous term when asked', async () => {
    const [seeded] = await termsOf(b1.id);
    expect(seeded?.term_end).toBeNull(); // the demo county gives every branch a sitting secretary
    const personId = await newPerson(branch1, b1.compoundIds[0]!, '赵卫东');
    const body = { branchId: b1.id, personId, background: 'retired_police', termStart: today };
    const before = [await secretaryRows(), await auditTotal()];
    const err = expectError(await branch1.post('/api/branch-secretaries', body), 409, 'CONFLICT');
    expect(err.message).toMatch(/重叠.*请先结束其任期/);
    expect(err.details).toEqual({ existingId: seeded!.id });
    expect([await secretaryRows(), await auditTotal()]).toEqual(before);

    const res = await branch1.post('/api/branch-secretaries', { ...body, endPrevious: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ branchId: b1.id, background: 'retired_police', termStart: today, termEnd: null, current: true });
    expect(res.json().person).toMatchObject({ id: personId, name: '赵卫东' });
    expect(res.json().compounds.map((c: { id: number }) => c.id)).toEqual(b1.compoundIds);
    expect(await auditTotal()).toBe((before[1] as number) + 1);
    expect((await termsOf(b1.id)).map((r) => r.term_end)).toEqual([yesterday, null]);
    const previous = await branch1.get(`/api/branch-secretaries/${seeded!.id}`);
    expect(previous.json()).toMatchObject({ termEnd: yesterday, current: false });

    // Only the current one answers `current=true`, exactly one per branch across the county.
    const current = await branch1.get('/api/branch-secretaries?current=true');
    expect(current.json().data.map((d: { id: number }) => d.id)).toEqual([res.json().id]);
    const branchesWithCurrent = await count(
      t.db,
      'SELECT count(DISTINCT branch_id) FROM branch_secretaries WHERE term_start <= current_date AND (term_end IS NULL OR term_end >= current_date)',
    );
    expect((await admin.get('/api/branch-secretaries?current=true&pageSize=1')).json().pagination.total).toBe(branchesWithCurrent);

    // endPrevious cannot end a term that starts on or after the new one.
    expectError(await branch1.post('/api/branch-secretaries', { ...body, personId: await newPerson(branch1, b1.compoundIds[0]!), endPrevious: true }), 409, 'CONFLICT');
  });

  it('terms: end not before start; an update may not overlap another term; ending a term is an update', async () => {
    const personId = await newPerson(admin, b2.compoundIds[0]!);
    const base = { branchId: b2.id, personId, background: 'teacher' };
    const before = [await secretaryRows(), await auditTotal()];
    const err = expectError(await admin.post('/api/branch-secretaries', { ...base, termStart: '2019-01-01', termEnd: '2018-12-31' }), 400, 'VALIDATION_FAILED');
    expect(err.message).toContain('任期结束日期不能早于开始日期');
    for (const bad of [{ background: 'farmer' }, { termStart: '2019-13-01' }, { branchId: 'one' }, { endPrevious: 'yes' }, { note: 'x' }]) {
      expectError(await admin.post('/api/branch-secretaries', { ...base, termStart: '2018-01-01', termEnd: '2018-12-31', ...bad }), 400, 'VALIDATION_FAILED');
    }
    expect([await secretaryRows(), await auditTotal()]).toEqual(before);

    // A past term before the sitting secretary is fine; stretching it into the sitting one is not.
    const past = await admin.post('/api/branch-secretaries', { ...base, termStart: '2018-01-01', termEnd: '2022-12-31' });
    expect(past.statusCode, past.body).toBe(201);
    expect(past.json()).toMatchObject({ current: false, termEnd: '2022-12-31' });
    expectError(await admin.patch(`/api/branch-secretaries/${past.json().id}`, { termEnd: '2023-06-30' }), 409, 'CONFLICT');
    expectError(await admin.patch(`/api/branch-secretaries/${past.json().id}`, { termStart: '2023-01-01' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.patch(`/api/branch-secretaries/${past.json().id}`, { termStart: '2022-01-01', termEnd: '2021-01-01' }), 400, 'VALIDATION_FAILED');
    const audits = await auditTotal();
    const changed = await admin.patch(`/api/branch-secretaries/${past.json().id}`, { background: 'retired_cadre', termEnd: '2022-06-30' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ background: 'retired_cadre', termEnd: '2022-06-30' });
    expect(await auditTotal()).toBe(audits + 1);

    // The sitting secretary leaves: their term gets an end date.
    const [sitting] = (await termsOf(b2.id)).filter((r) => r.term_end === null);
    const ended = await admin.patch(`/api/branch-secretaries/${sitting!.id}`, { termEnd: today });
    expect(ended.json()).toMatchObject({ termEnd: today, current: true });
    expect((await admin.delete(`/api/branch-secretaries/${past.json().id}`)).json()).toEqual({ ok: true });
    expect(await auditTotal()).toBe(audits + 3);
    expectError(await admin.get(`/api/branch-secretaries/${past.json().id}`), 404, 'NOT_FOUND');
  });

  it('scope follows the branch’s compounds: branch2 sees none of branch1’s secretaries (404)', async () => {
    const [mine] = await termsOf(b1.id);
    const inB1 = await count(
      t.db,
      'SELECT count(*) FROM branch_secretaries s WHERE EXISTS (SELECT 1 FROM branch_compounds bc WHERE bc.branch_id = s.branch_id AND bc.compound_id = ANY($1::int[]))',
      [b1.compoundIds],
    );
    const list1 = await branch1.get('/api/branch-secretaries?pageSize=200');
    expect(list1.json().pagination.total).toBe(inB1);
    expect(list1.json().data.every((d: { branchId: number }) => d.branchId === b1.id)).toBe(true);
    expect((await admin.get('/api/branch-secretaries?pageSize=1')).json().pagination.total).toBe(await secretaryRows());
    const community = await count(
      t.db,
      "SELECT count(*) FROM branch_secretaries s WHERE EXISTS (SELECT 1 FROM branch_compounds bc JOIN nodes c ON c.id = bc.compound_id WHERE bc.branch_id = s.branch_id AND c.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%')",
      [b2.nodeId],
    );
    expect((await admin.get(`/api/branch-secretaries?nodeId=${b2.nodeId}&pageSize=1`)).json().pagination.total).toBe(community);
    const background = await count(t.db, "SELECT count(*) FROM branch_secretaries WHERE background = 'teacher'");
    expect((await admin.get('/api/branch-secretaries?background=teacher&pageSize=1')).json().pagination.total).toBe(background);

    expect((await branch2.get('/api/branch-secretaries?pageSize=200')).json().data.some((d: { id: number }) => d.id === mine!.id)).toBe(false);
    expectError(await branch2.get(`/api/branch-secretaries/${mine!.id}`), 404, 'NOT_FOUND');
    expectError(await branch2.patch(`/api/branch-secretaries/${mine!.id}`, { background: 'other' }), 404, 'NOT_FOUND');
    expectError(await branch2.delete(`/api/branch-secretaries/${mine!.id}`), 404, 'NOT_FOUND');
    const theirs = await newPerson(branch2, b2.compoundIds[0]!);
    expectError(await branch2.post('/api/branch-secretaries', { branchId: b1.id, personId: theirs, background: 'other', termStart: '2010-01-01', termEnd: '2010-12-31' }), 404, 'NOT_FOUND');
    // A party committee is not a branch.
    const [committee] = await t.db.query<{ id: number }>("SELECT id FROM party_orgs WHERE kind = 'party_committee' LIMIT 1");
    expectError(await admin.post('/api/branch-secretaries', { branchId: committee!.id, personId: theirs, background: 'other', termStart: '2010-01-01' }), 404, 'NOT_FOUND');
  });
});
