import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError, testPhone, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let branch1: Client;
let branch2: Client;
let b1: { id: number; compoundIds: number[]; nodeId: number };
let compound1: number;
/** Party members P[0..4] and non-members N[0..2], all living in compound1. */
const P: number[] = [];
const N: number[] = [];
const membership = new Map<number, number>();

const secrets: string[] = [];
function guarded(c: Client): Client {
  const check = (res: LightMyRequestResponse) => {
    for (const s of secrets) expect(res.body).not.toContain(s);
    return res;
  };
  return { ...c, get: async (u) => check(await c.get(u)), post: async (u, b) => check(await c.post(u, b)), patch: async (u, b) => check(await c.patch(u, b)), delete: async (u) => check(await c.delete(u)) };
}

async function newPerson(c: Client, nodeId: number, name: string): Promise<number> {
  const phone = testPhone();
  const idNumber = validIdNumber('19700101');
  secrets.push(phone, idNumber);
  const res = await c.post('/api/people', { name, phone, idNumber, nodeId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await startTestApp();
  const login = async (u: string) => guarded(await t.login(u));
  [admin, branch1, branch2] = await Promise.all([login('admin'), login('branch1'), login('branch2')]);
  b1 = await branchOf(t.db, 'branch1');
  compound1 = b1.compoundIds[0]!;
  for (let i = 0; i < 5; i++) {
    const id = await newPerson(admin, compound1, `党员${i + 1}`);
    const m = await admin.post('/api/party-members', { personId: id, status: 'full', joinedDate: '2000-07-01', branchId: b1.id, management: 'direct', nodeId: compound1 });
    expect(m.statusCode, m.body).toBe(201);
    P.push(id);
    membership.set(id, m.json().id);
  }
  for (let i = 0; i < 3; i++) N.push(await newPerson(admin, compound1, `群众${i + 1}`));
});
afterAll(async () => t.close());

const auditTotal = () => count(t.db, 'SELECT count(*) FROM audit_log');
const snapshot = async () => [
  await count(t.db, 'SELECT count(*) FROM owners_committees'),
  (await t.db.query<{ f: string }>(
    "SELECT md5(coalesce(string_agg(concat_ws(':', c.id, c.term_start, c.term_end, c.election_date, m.person_id, m.position), ',' ORDER BY c.id, m.person_id), '')) AS f FROM owners_committees c LEFT JOIN owners_committee_members m ON m.committee_id = c.id",
  ))[0]!.f,
  await count(t.db, 'SELECT count(*) FROM party_members'),
  await auditTotal(),
];
const members = (ids: number[]) => ids.map((personId, k) => ({ personId, position: k === 0 ? 'director' : k === 1 ? 'deputy_director' : 'member' }));
const term = (from: number, to = from + 4) => ({ termStart: `${from}-01-01`, termEnd: `${to}-12-31`, electionDate: `${from - 1}-12-20` });

let committeeA = 0;
let committeeB = 0;

describe('owners’ committees (红色业委会): party members must be more than 60%', () => {
  it('3 of 5 (60.0%) is refused with the share in the message, and nothing is written', async () => {
    const before = await snapshot();
    const err = expectError(await admin.post('/api/owners-committees', { compoundId: compound1, ...term(2040), members: members([P[0]!, P[1]!, P[2]!, N[0]!, N[1]!]) }), 409, 'CONFLICT');
    expect(err.message).toContain('党员占比 60.0%，须高于 60%');
    expect(err.details).toEqual({ memberCount: 5, partyMemberCount: 3, partyShare: 0.6 });
    expect(await snapshot()).toEqual(before);
  });

  it('4 of 6 (66.7%) and 2 of 3 are accepted; detail and list show the counts and the share', async () => {
    const audits = await auditTotal();
    const a = await admin.post('/api/owners-committees', { compoundId: compound1, ...term(2040), members: members([N[0]!, P[0]!, P[1]!, P[2]!, P[3]!, N[1]!]) });
    expect(a.statusCode, a.body).toBe(201);
    expect(await auditTotal()).toBe(audits + 1);
    committeeA = a.json().id;
    expect(a.json()).toMatchObject({ compoundId: compound1, termStart: '2040-01-01', termEnd: '2044-12-31', electionDate: '2039-12-20', current: false, memberCount: 6, partyMemberCount: 4 });
    expect(a.json().partyShare).toBeCloseTo(4 / 6, 10);
    expect(a.json().members[0]).toMatchObject({ position: 'director', partyMember: false, person: { id: N[0] } });
    expect(a.json().members[1]).toMatchObject({ position: 'deputy_director', partyMember: true, person: { id: P[0] } });
    expect(a.json().members.filter((m: { partyMember: boolean }) => m.partyMember)).toHaveLength(4);
    expect(a.json().members[0].person.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await admin.get(`/api/owners-committees/${committeeA}`)).json()).toEqual(a.json());

    const b = await admin.post('/api/owners-committees', { compoundId: compound1, ...term(2045), members: members([P[0]!, P[1]!, N[2]!]) });
    expect(b.statusCode, b.body).toBe(201);
    committeeB = b.json().id;
    expect(b.json()).toMatchObject({ memberCount: 3, partyMemberCount: 2 });
    const listed = (await admin.get(`/api/owners-committees?nodeId=${compound1}&pageSize=200`)).json().data;
    const row = listed.find((c: { id: number }) => c.id === committeeA);
    expect(row).toMatchObject({ memberCount: 6, partyMemberCount: 4 });
    expect(row.members).toBeUndefined();
  });

  it('changing the member list is held to the same rule', async () => {
    const before = await snapshot();
    // Dropping a party member: 3 of 5.
    expect(expectError(await admin.patch(`/api/owners-committees/${committeeA}`, { members: members([N[0]!, P[0]!, P[1]!, P[2]!, N[1]!]) }), 409, 'CONFLICT').message).toContain('60.0%');
    // Adding a non-member: 4 of 7.
    expect(expectError(await admin.patch(`/api/owners-committees/${committeeA}`, { members: members([N[0]!, P[0]!, P[1]!, P[2]!, P[3]!, N[1]!, N[2]!]) }), 409, 'CONFLICT').message).toContain('57.1%');
    expect(await snapshot()).toEqual(before);
    const ok = await admin.patch(`/api/owners-committees/${committeeA}`, { members: members([P[0]!, P[1]!, P[2]!, P[3]!, N[1]!]), electionDate: '2039-11-30' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ memberCount: 5, partyMemberCount: 4, partyShare: 0.8, electionDate: '2039-11-30' });
    expect(await auditTotal()).toBe((before[3] as number) + 1);
  });

  it('ending a party membership is refused when a committee would fall to 60% or below', async () => {
    const before = await snapshot();
    // P[3] sits on A (4 of 5): without them 3 of 5.
    const err = expectError(await admin.delete(`/api/party-members/${membership.get(P[3]!)}`), 409, 'CONFLICT');
    expect(err.message).toMatch(/业委会.*党员占比 60\.0%，须高于 60%/);
    // P[1] sits on A (3 of 5 without them) and on B (1 of 3 without them): both are named.
    const both = expectError(await admin.delete(`/api/party-members/${membership.get(P[1]!)}`), 409, 'CONFLICT');
    expect(both.message).toMatch(/60\.0%.*；.*33\.3%/);
    expect((both.details as { committees: { id: number }[] }).committees.map((c) => c.id)).toEqual([committeeA, committeeB]);
    expect(await snapshot()).toEqual(before);
    // P[4] sits on no committee.
    expect((await admin.delete(`/api/party-members/${membership.get(P[4]!)}`)).statusCode).toBe(200);
    expect(await auditTotal()).toBe((before[3] as number) + 1);
    // Once A has room to spare, P[3] may go.
    await admin.patch(`/api/owners-committees/${committeeA}`, { members: members([P[0]!, P[1]!, P[2]!, P[3]!]) });
    expect((await admin.delete(`/api/party-members/${membership.get(P[3]!)}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/owners-committees/${committeeA}`)).json()).toMatchObject({ memberCount: 4, partyMemberCount: 3, partyShare: 0.75 });
  });

  it('one committee at a time per compound; bad input is 400 in Chinese and writes nothing', async () => {
    const before = await snapshot();
    const ok = members([P[0]!, P[1]!, P[2]!]);
    const overlap = expectError(await admin.post('/api/owners-committees', { compoundId: compound1, ...term(2043), members: ok }), 409, 'CONFLICT');
    expect(overlap.message).toContain('已有业委会');
    expectError(await admin.patch(`/api/owners-committees/${committeeB}`, { termStart: '2044-06-01', electionDate: '2044-05-01' }), 409, 'CONFLICT');
    const cases: [Record<string, unknown>, string | RegExp][] = [
      [{ ...term(2060), electionDate: '2060-02-01' }, '选举日期不能晚于任期开始日期'],
      [{ ...term(2060), termEnd: '2059-12-31' }, '任期结束日期不能早于开始日期'],
      [{ ...term(2060), members: members([P[0]!, P[1]!]) }, '至少3名成员'],
      [{ ...term(2060), members: members([P[0]!, P[0]!, P[1]!]) }, '不能重复'],
      [{ ...term(2060), members: [...members([P[0]!, P[1]!, P[2]!]), { personId: N[0], position: 'director' }] }, '只能有一名主任'],
      [{ ...term(2060), members: [{ personId: P[0], position: 'chair' }, ...members([P[1]!, P[2]!])] }, /members/],
      [{ ...term(2060), termStart: '2060-13-01' }, /termStart/],
      [{ ...term(2060), members: 'all' }, /members/],
      [{ ...term(2060), extra: true }, /请求体不正确/],
    ];
    for (const [body, message] of cases) {
      const err = expectError(await admin.post('/api/owners-committees', { compoundId: compound1, members: ok, ...body }), 400, 'VALIDATION_FAILED');
      expect(err.message).toMatch(message);
    }
    const [building] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE parent_id = $1 AND kind = 'building' LIMIT 1", [compound1]);
    expectError(await admin.post('/api/owners-committees', { compoundId: building!.id, ...term(2060), members: ok }), 400, 'TREE_SHAPE');
    expectError(await admin.post('/api/owners-committees', { compoundId: compound1, ...term(2060), members: [...ok, { personId: 2_147_483_647, position: 'member' }] }), 404, 'NOT_FOUND');
    expectError(await admin.patch(`/api/owners-committees/${committeeA}`, { termEnd: '2030-01-01' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.patch(`/api/owners-committees/${committeeA}`, {}), 400, 'VALIDATION_FAILED');
    expect(await snapshot()).toEqual(before);
  });

  it('scope: branch1 sees only its compounds’ committees, branch2 gets 404; lists match SQL', async () => {
    const inB1 = await count(t.db, 'SELECT count(*) FROM owners_committees WHERE compound_id = ANY($1::int[])', [b1.compoundIds]);
    const list1 = await branch1.get('/api/owners-committees?pageSize=200');
    expect(list1.json().pagination.total).toBe(inB1);
    expect(list1.json().data.every((c: { compoundId: number }) => b1.compoundIds.includes(c.compoundId))).toBe(true);
    expect((await admin.get('/api/owners-committees?pageSize=1')).json().pagination.total).toBe(await count(t.db, 'SELECT count(*) FROM owners_committees'));
    const current = await count(t.db, 'SELECT count(*) FROM owners_committees WHERE term_start <= current_date AND term_end >= current_date');
    expect((await admin.get('/api/owners-committees?current=true&pageSize=1')).json().pagination.total).toBe(current);
    // Every committee the platform shows satisfies the rule, the demo county's included.
    const all = await admin.get('/api/owners-committees?pageSize=200');
    expect(all.json().data.every((c: { partyShare: number }) => c.partyShare > 0.6)).toBe(true);

    expect((await branch1.get(`/api/owners-committees/${committeeA}`)).statusCode).toBe(200);
    expect((await branch2.get('/api/owners-committees?pageSize=200')).json().data.some((c: { id: number }) => c.id === committeeA)).toBe(false);
    expectError(await branch2.get(`/api/owners-committees/${committeeA}`), 404, 'NOT_FOUND');
    expectError(await branch2.patch(`/api/owners-committees/${committeeA}`, { electionDate: '2039-01-01' }), 404, 'NOT_FOUND');
    expectError(await branch2.delete(`/api/owners-committees/${committeeA}`), 404, 'NOT_FOUND');
    expectError(await branch2.post('/api/owners-committees', { compoundId: compound1, ...term(2070), members: members([P[0]!, P[1]!, P[2]!]) }), 404, 'NOT_FOUND');
    // branch1 may not seat people it cannot see.
    const compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
    const outsider = await newPerson(branch2, compound2, '外来人');
    expectError(await branch1.post('/api/owners-committees', { compoundId: compound1, ...term(2070), members: members([P[0]!, P[1]!, P[2]!, outsider]) }), 404, 'NOT_FOUND');
  });

  it('removes a committee with its members, one audit row', async () => {
    const audits = await auditTotal();
    expect((await branch1.delete(`/api/owners-committees/${committeeB}`)).json()).toEqual({ ok: true });
    expect(await auditTotal()).toBe(audits + 1);
    expect(await count(t.db, 'SELECT count(*) FROM owners_committee_members WHERE committee_id = $1', [committeeB])).toBe(0);
    expectError(await branch1.get(`/api/owners-committees/${committeeB}`), 404, 'NOT_FOUND');
    // B is gone, but A (3 party members of 4) still needs P[1]: 2 of 4 is not enough.
    expectError(await admin.delete(`/api/party-members/${membership.get(P[1]!)}`), 409, 'CONFLICT');
  });
});
