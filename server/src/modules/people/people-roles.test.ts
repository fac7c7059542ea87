import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRoleDto, PersonRolesDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, createPerson, expectError, node } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let branch1: Client;
let branch2: Client;
let b1: { id: number; compoundIds: number[]; nodeId: number };
let compound1: number;
let compound2: number;

beforeAll(async () => {
  t = await startTestApp();
  [admin, branch1, branch2] = await Promise.all([t.login('admin'), t.login('branch1'), t.login('branch2')]);
  b1 = await branchOf(t.db, 'branch1');
  compound1 = b1.compoundIds[0]!;
  compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
});
afterAll(async () => t.close());

async function created(res: { statusCode: number; body: string; json(): unknown }): Promise<number> {
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

const partyMember = async (personId: number) =>
  created(await admin.post('/api/party-members', { personId, status: 'probationary', joinedDate: '2021-07-01', branchId: b1.id, management: 'direct', nodeId: compound1 }));

describe('a person’s roles (GET /api/people/:id/roles)', () => {
  it('lists every role record of the person, each with its registry id, node and fields, and never an identifier', async () => {
    const { id, phone, idNumber } = await createPerson(admin, compound1, { name: '多面手' });
    const community = (await node(t.db, compound1)).parent_id!;
    const stairwells = await t.db.query<{ id: number; label: string }>(
      `SELECT w.id, b.name || w.name AS label FROM nodes w JOIN nodes b ON b.id = w.parent_id
        WHERE w.kind = 'stairwell' AND w.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' ORDER BY b.code, w.code LIMIT 2`,
      [compound1],
    );
    const colleagues = [(await createPerson(admin, compound1)).id, (await createPerson(admin, compound1)).id];

    const membership = await partyMember(id);
    for (const c of colleagues) await partyMember(c);
    const secretary = await created(
      await admin.post('/api/branch-secretaries', { branchId: b1.id, personId: id, background: 'teacher', termStart: '1990-01-01', termEnd: '1991-12-31' }),
    );
    const steward = await created(
      await admin.post('/api/stewards', { personId: id, compoundId: compound1, stairwellIds: stairwells.map((s) => s.id), qualitySupervisor: true, since: '2022-05-01' }),
    );
    const committee = await created(
      await admin.post('/api/owners-committees', {
        compoundId: compound1, termStart: '2080-01-01', termEnd: '2084-12-31', electionDate: '2079-12-20',
        members: [{ personId: id, position: 'deputy_director' }, { personId: colleagues[0], position: 'director' }, { personId: colleagues[1], position: 'member' }],
      }),
    );
    const shop = await created(await admin.post('/api/red-shops', { name: '便民小超市', nodeId: compound1, keeperId: id }));
    const org = await created(await admin.post('/api/social-orgs', { name: '夕阳红志愿队', kind: 'volunteer_team', nodeId: compound1, contactId: id }));
    const gig = await created(await admin.post('/api/gig-workers', { personId: id, type: 'delivery_rider', platform: '美团' }));
    const deputy = await created(await admin.post('/api/deputies', { personId: id, body: 'npc', level: 'county', nodeId: compound1 }));
    const commissioner = await created(await admin.post('/api/commissioners', { personId: id, department: '县民政局', rank: '科员', communityId: community }));

    const res = await admin.get(`/api/people/${id}/roles`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(phone);
    expect(res.body).not.toContain(idNumber);
    const body = res.json() as PersonRolesDto;
    expect(body.personId).toBe(id);
    expect(body.partyMember).toBe(true);
    const byKind = Object.fromEntries(body.roles.map((r) => [r.kind, r])) as { [K in PersonRoleDto['kind']]: Extract<PersonRoleDto, { kind: K }> };
    expect(body.roles.map((r) => [r.kind, r.id])).toEqual([
      ['party_member', membership],
      ['branch_secretary', secretary],
      ['steward', steward],
      ['committee_member', committee],
      ['red_shop_keeper', shop],
      ['social_org_contact', org],
      ['gig_worker', gig],
      ['deputy', deputy],
      ['commissioner', commissioner],
    ]);
    expect(byKind.party_member).toMatchObject({ nodeId: compound1, status: 'probationary', management: 'direct', joinedDate: '2021-07-01' });
    expect(byKind.branch_secretary).toMatchObject({ background: 'teacher', termStart: '1990-01-01', termEnd: '1991-12-31', current: false });
    expect(byKind.steward).toMatchObject({ nodeId: compound1, stairwells: stairwells.map((s) => s.label), qualitySupervisor: true, since: '2022-05-01' });
    expect(byKind.committee_member).toMatchObject({ nodeId: compound1, position: 'deputy_director', termStart: '2080-01-01', termEnd: '2084-12-31', current: false });
    expect(byKind.red_shop_keeper).toMatchObject({ shopName: '便民小超市' });
    expect(byKind.social_org_contact).toMatchObject({ orgName: '夕阳红志愿队', orgKind: 'volunteer_team' });
    expect(byKind.gig_worker).toMatchObject({ type: 'delivery_rider', platform: '美团', nodeId: compound1 });
    expect(byKind.deputy).toMatchObject({ body: 'npc', level: 'county' });
    expect(byKind.commissioner).toMatchObject({ nodeId: community, department: '县民政局', rank: '科员' });
    expect(byKind.party_member.branchName).toBe(byKind.branch_secretary.branchName);

    // The compound's secretary sees the same, except the commissioner: that record sits at the community, above their scope.
    const narrow = await branch1.get(`/api/people/${id}/roles`);
    expect(narrow.body).not.toContain(phone);
    expect((narrow.json() as PersonRolesDto).roles).toEqual(body.roles.filter((r) => r.kind !== 'commissioner'));
  });

  it('leaves out role records outside the caller’s scope, yet says whether the person is a party member at all', async () => {
    const { id } = await createPerson(admin, compound1, { name: '跨区代表' });
    const mine = await created(await admin.post('/api/deputies', { personId: id, body: 'cppcc', level: 'county', nodeId: compound1 }));
    const elsewhere = await created(await admin.post('/api/deputies', { personId: id, body: 'npc', level: 'city', nodeId: compound2 }));
    const ids = async (c: Client) => ((await c.get(`/api/people/${id}/roles`)).json() as PersonRolesDto).roles.map((r) => r.id);
    const b2 = await branchOf(t.db, 'branch2');
    const membership = await created(
      await admin.post('/api/party-members', { personId: id, status: 'full', joinedDate: '2001-07-01', branchId: b2.id, management: 'dual', workplaceOrg: '县供电公司', nodeId: compound2 }),
    );
    expect(await ids(branch1)).toEqual([mine]);
    expect((await ids(admin)).sort()).toEqual([mine, elsewhere, membership].sort());
    expect(((await branch1.get(`/api/people/${id}/roles`)).json() as PersonRolesDto).partyMember).toBe(true);

    const plain = await createPerson(admin, compound1);
    expect((await branch1.get(`/api/people/${plain.id}/roles`)).json()).toEqual({ personId: plain.id, partyMember: false, roles: [] });
  });

  it('answers 404 for a person outside the scope or unknown', async () => {
    const { id } = await createPerson(admin, compound1);
    await partyMember(id);
    expectError(await branch2.get(`/api/people/${id}/roles`), 404, 'NOT_FOUND');
    expectError(await branch1.get('/api/people/2147483647/roles'), 404, 'NOT_FOUND');
  });
});
