import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DualMemberList, DualRegistrationDto, MyDualRegistrationDto, VolunteerSettingsDto, WorkplaceOrgDto } from '@xj/contracts';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson, expectError } from '../../test/fixtures.js';
import { ok, verifiedResident, type Resident } from '../../test/cloud-consultation.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let branch2: Client;
let commissioner1: Client;
let compound1: number;
let compound2: number;
let branchId1: number;
let org: WorkplaceOrgDto;

const V = '/api/volunteers';
const P = '/api/public/volunteers';
const audits = (action: string, targetId: number) =>
  count(t.db, 'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND target_id = $2', [action, String(targetId)]);
const memberOf = async (personId: number) =>
  (await t.db.query<{ id: number; management: string; workplace_org: string | null; node_id: number; branch_id: number; status: string; joined_date: string }>(
    "SELECT id, management, workplace_org, node_id, branch_id, status, to_char(joined_date, 'YYYY-MM-DD') AS joined_date FROM party_members WHERE person_id = $1",
    [personId],
  ))[0];

/** A registry person at compound1 with `phone`, and the resident who verifies that phone (linked to them). */
async function linkedResident(phone: string): Promise<{ personId: number; resident: Resident }> {
  const person = await createPerson(community1, compound1, { name: '在职党员', extra: { phone } });
  return { personId: person.id, resident: await verifiedResident(t, phone) };
}

/** A checked-out sign-up `daysAgo` days back (the activities module's table, written directly). */
async function servedOnce(personId: number, residentPhone: string, daysAgo: number, hours: number): Promise<void> {
  const [activity] = await t.db.query<{ id: number }>(
    `INSERT INTO volunteer_activities (node_id, title, type, place, starts_at, ends_at, capacity, points_mode, points, audience, status, closed_at, checkin_token)
     VALUES ($1, '清扫楼道', 'environment', '小区广场', now() - make_interval(days => $2), now() - make_interval(days => $2) + interval '3 hours',
             10, 'per_hour', 10, 'members', 'closed', now(), $3) RETURNING id`,
    [compound1, daysAgo, `T${String(personId).padStart(21, '0')}`],
  );
  await t.db.query(
    `INSERT INTO volunteer_signups (activity_id, resident_id, person_id, checked_in_at, checked_out_at, hours)
     VALUES ($1, (SELECT id FROM residents WHERE phone = $2), $3, now() - make_interval(days => $4), now() - make_interval(days => $4) + make_interval(mins => $5), $6)`,
    [activity!.id, residentPhone, personId, daysAgo, Math.round(hours * 60), hours],
  );
}

beforeAll(async () => {
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  admin = await t.login('admin');
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  commissioner1 = await t.login('commissioner1');
  const b1 = await branchOf(t.db, 'branch1');
  compound1 = b1.compoundIds[0]!;
  branchId1 = b1.id;
  compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  org = ok<WorkplaceOrgDto>(
    await community1.post(`${V}/workplace-orgs`, { communityId: await nodeId(t.db, '府前社区'), name: '夏津县教育局', partyOrgType: 'party_committee', partyOrgName: '夏津县教育局党委' }),
    201,
  );
});
afterAll(async () => t.close());

describe('dual registration on the phone', () => {
  it('a verified resident linked to a person registers; the branch approves; the person becomes a dual member at the compound', async () => {
    const { personId, resident } = await linkedResident('13923330001');
    const mine = ok<MyDualRegistrationDto>(await resident.post(`${P}/registrations`, { compoundId: compound1, workplaceOrgId: org.id }), 201);
    expect(mine).toMatchObject({ compoundId: compound1, workplaceOrgName: '夏津县教育局', status: 'pending', declineReason: null });
    expect(ok<{ data: MyDualRegistrationDto[] }>(await resident.get(`${P}/registrations/mine`)).data.map((r) => r.id)).toEqual([mine.id]);
    expect(await audits('dualRegistration.create', mine.id)).toBe(1);

    // Registering twice is refused while one is pending.
    expectError(await resident.post(`${P}/registrations`, { compoundId: compound1, workplaceOrgName: '县财政局' }), 409, 'DUPLICATE');

    // The branch sees it with the phone masked.
    const res = await branch1.get(`${V}/registrations?status=pending&compoundId=${compound1}`);
    const listed = ok<{ data: DualRegistrationDto[] }>(res).data.find((r) => r.id === mine.id)!;
    expect(listed).toMatchObject({ source: 'phone', status: 'pending', workplaceOrgId: org.id, person: { id: personId, phone: '139****0001' } });
    expect(res.body).not.toContain('13923330001');

    // Only the compound's branch decides: a commissioner may not, another branch finds nothing.
    expectError(await commissioner1.post(`${V}/registrations/${mine.id}/approve`, { joinedDate: '2015-07-01' }), 403, 'FORBIDDEN');
    expectError(await branch2.post(`${V}/registrations/${mine.id}/approve`, { joinedDate: '2015-07-01' }), 404, 'NOT_FOUND');
    expectError(await branch2.get(`${V}/registrations/${mine.id}`), 404, 'NOT_FOUND');

    // Not a party member yet: the membership needs the joining date.
    expect(expectError(await branch1.post(`${V}/registrations/${mine.id}/approve`), 400, 'VALIDATION_FAILED').message).toMatch(/入党日期/);
    expect(await memberOf(personId)).toBeUndefined();

    const approved = ok<DualRegistrationDto>(await branch1.post(`${V}/registrations/${mine.id}/approve`, { joinedDate: '2015-07-01' }));
    expect(approved).toMatchObject({ status: 'approved', decidedByName: expect.any(String), decidedAt: expect.any(String) });
    const member = (await memberOf(personId))!;
    expect(member).toMatchObject({ management: 'dual', workplace_org: '夏津县教育局', node_id: compound1, branch_id: branchId1, status: 'full', joined_date: '2015-07-01' });
    expect(approved.partyMemberId).toBe(member.id);
    expect(await audits('dualRegistration.approve', mine.id)).toBe(1);
    expect(await audits('partyMember.create', member.id)).toBe(1);

    // Decided once; still refused as a second registration.
    expectError(await branch1.post(`${V}/registrations/${mine.id}/approve`, { joinedDate: '2015-07-01' }), 409, 'CONFLICT');
    expectError(await branch1.post(`${V}/registrations/${mine.id}/decline`, { reason: '重复' }), 409, 'CONFLICT');
    expectError(await resident.post(`${P}/registrations`, { compoundId: compound1, workplaceOrgName: '县财政局' }), 409, 'DUPLICATE');
    expect(ok<{ data: MyDualRegistrationDto[] }>(await resident.get(`${P}/registrations/mine`)).data[0]!.status).toBe('approved');
  });

  it('a decline needs a reason, which the applicant reads; they may register again', async () => {
    const { personId, resident } = await linkedResident('13923330002');
    const mine = ok<MyDualRegistrationDto>(await resident.post(`${P}/registrations`, { compoundId: compound1, workplaceOrgName: '夏津县财政局' }), 201);
    expect(mine.workplaceOrgName).toBe('夏津县财政局');
    expectError(await branch1.post(`${V}/registrations/${mine.id}/decline`, {}), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post(`${V}/registrations/${mine.id}/decline`, { reason: '   ' }), 400, 'VALIDATION_FAILED');
    const declined = ok<DualRegistrationDto>(await branch1.post(`${V}/registrations/${mine.id}/decline`, { reason: '经核实不在本小区居住' }));
    expect(declined).toMatchObject({ status: 'declined', declineReason: '经核实不在本小区居住' });
    expect(await audits('dualRegistration.decline', mine.id)).toBe(1);
    expect(await memberOf(personId)).toBeUndefined();

    const [seen] = ok<{ data: MyDualRegistrationDto[] }>(await resident.get(`${P}/registrations/mine`)).data;
    expect(seen).toMatchObject({ id: mine.id, status: 'declined', declineReason: '经核实不在本小区居住', decidedAt: expect.any(String) });
    ok(await resident.post(`${P}/registrations`, { compoundId: compound1, workplaceOrgName: '夏津县财政局' }), 201);
  });

  it('a resident whose phone is not in the registry is asked to have the community register it', async () => {
    const stranger = await verifiedResident(t, '13923330003');
    const err = expectError(await stranger.post(`${P}/registrations`, { compoundId: compound1, workplaceOrgName: '夏津县财政局' }), 409, 'RESIDENT_NOT_LINKED');
    expect(err.message).toMatch(/社区/);
    expect(ok<{ data: unknown[] }>(await stranger.get(`${P}/registrations/mine`)).data).toEqual([]);
  });

  it('refuses a workplace organisation of another community, both or neither workplace, a node that is not a compound', async () => {
    const { resident } = await linkedResident('13923330004');
    expectError(await resident.post(`${P}/registrations`, { compoundId: compound2, workplaceOrgId: org.id }), 400, 'VALIDATION_FAILED');
    expectError(await resident.post(`${P}/registrations`, { compoundId: compound1, workplaceOrgId: org.id, workplaceOrgName: '夏津县财政局' }), 400, 'VALIDATION_FAILED');
    expectError(await resident.post(`${P}/registrations`, { compoundId: compound1 }), 400, 'VALIDATION_FAILED');
    expectError(await resident.post(`${P}/registrations`, { compoundId: await nodeId(t.db, '府前社区'), workplaceOrgName: '夏津县财政局' }), 400, 'TREE_SHAPE');
    expect(ok<{ data: { id: number; name: string }[] }>(await resident.get(`${P}/workplace-orgs?compoundId=${compound1}`)).data).toContainEqual({ id: org.id, name: '夏津县教育局' });
    expect(ok<{ data: unknown[] }>(await resident.get(`${P}/workplace-orgs?compoundId=${compound2}`)).data).not.toContainEqual({ id: org.id, name: '夏津县教育局' });
  });
});

describe('dual registration by staff', () => {
  it('staff register an existing party member; approval turns the membership to dual at the compound, keeping status and joining date', async () => {
    const [existing] = await t.db.query<{ person_id: number; status: string; joined_date: string }>(
      `SELECT m.person_id, m.status, to_char(m.joined_date, 'YYYY-MM-DD') AS joined_date FROM party_members m
        WHERE m.node_id = $1 AND m.management = 'direct' ORDER BY m.id LIMIT 1`,
      [compound1],
    );
    const reg = ok<DualRegistrationDto>(await branch1.post(`${V}/registrations`, { personId: existing!.person_id, compoundId: compound1, workplaceOrgName: '夏津县人民医院' }), 201);
    expect(reg).toMatchObject({ source: 'staff', status: 'pending', workplaceOrgId: null, workplaceOrgName: '夏津县人民医院' });
    expect(await audits('dualRegistration.create', reg.id)).toBe(1);
    // A branch cannot register someone at another branch's compound.
    expectError(await branch2.post(`${V}/registrations`, { personId: existing!.person_id, compoundId: compound1, workplaceOrgName: '夏津县人民医院' }), 404, 'NOT_FOUND');
    expectError(await commissioner1.post(`${V}/registrations`, { personId: existing!.person_id, compoundId: compound1, workplaceOrgName: '夏津县人民医院' }), 403, 'FORBIDDEN');

    ok(await branch1.post(`${V}/registrations/${reg.id}/approve`));
    const member = (await memberOf(existing!.person_id))!;
    expect(member).toMatchObject({ management: 'dual', workplace_org: '夏津县人民医院', node_id: compound1, status: existing!.status, joined_date: existing!.joined_date });
    expect(await audits('partyMember.update', member.id)).toBe(1);
  });
});

describe('members view and settings', () => {
  it('lists the dual members in the caller\'s subtree with their service; never served → inactive', async () => {
    const res = await branch1.get(`${V}/members?pageSize=200`);
    const list = ok<DualMemberList>(res);
    expect(list.inactiveDays).toBe(90);
    const edu = list.data.find((m) => m.workplaceOrgName === '夏津县教育局')!;
    expect(edu).toMatchObject({ compoundId: compound1, workplaceOrgId: org.id, approvedAt: expect.any(String), registeredAt: expect.any(String), person: { phone: '139****0001' } });
    expect(res.body).not.toContain('13923330001');
    const hasSignups = (await t.db.query<{ present: boolean }>("SELECT to_regclass('volunteer_signups') IS NOT NULL AS present"))[0]!.present;
    expect(edu).toMatchObject({ lastServiceAt: null, totalHours: 0, inactive: true });
    if (hasSignups) await servedOnce(edu.person.id, '13923330001', 200, 2.5);
    expect(ok<DualMemberList>(await branch1.get(`${V}/members?inactive=true&inactiveDays=30&pageSize=200`)).data.map((m) => m.partyMemberId)).toContain(edu.partyMemberId);
    expect(ok<DualMemberList>(await branch1.get(`${V}/members?inactive=false&pageSize=200`)).data.map((m) => m.partyMemberId)).not.toContain(edu.partyMemberId);
    // Another branch does not see them; a node outside the scope is not found.
    expect(ok<DualMemberList>(await branch2.get(`${V}/members?pageSize=200`)).data.map((m) => m.partyMemberId)).not.toContain(edu.partyMemberId);
    expectError(await branch2.get(`${V}/members?nodeId=${compound1}`), 404, 'NOT_FOUND');
    expectError(await branch1.get(`${V}/members?inactiveDays=0`), 400, 'VALIDATION_FAILED');
  });

  it('service from activity sign-ups: last check-out and total hours; inactive when the last service is older than the period', async () => {
    const hasSignups = (await t.db.query<{ present: boolean }>("SELECT to_regclass('volunteer_signups') IS NOT NULL AS present"))[0]!.present;
    if (!hasSignups) return;
    const list = ok<DualMemberList>(await branch1.get(`${V}/members?pageSize=200`)).data;
    const edu = list.find((m) => m.workplaceOrgName === '夏津县教育局')!;
    const hospital = list.find((m) => m.workplaceOrgName === '夏津县人民医院')!;
    await servedOnce(hospital.person.id, '13923330003', 5, 1.5);
    const after = ok<DualMemberList>(await branch1.get(`${V}/members?pageSize=200`)).data;
    expect(after.find((m) => m.partyMemberId === edu.partyMemberId)).toMatchObject({ lastServiceAt: expect.any(String), totalHours: 2.5, inactive: true });
    expect(after.find((m) => m.partyMemberId === hospital.partyMemberId)).toMatchObject({ lastServiceAt: expect.any(String), totalHours: 1.5, inactive: false });
    const yearly = ok<DualMemberList>(await branch1.get(`${V}/members?inactiveDays=365&pageSize=200`));
    expect(yearly.inactiveDays).toBe(365);
    expect(yearly.data.find((m) => m.partyMemberId === edu.partyMemberId)!.inactive).toBe(false);
    const idle = ok<DualMemberList>(await branch1.get(`${V}/members?inactive=true&pageSize=200`)).data.map((m) => m.partyMemberId);
    expect(idle).toContain(edu.partyMemberId);
    expect(idle).not.toContain(hospital.partyMemberId);
  });

  it('the county sets the inactive period; nobody below the county may', async () => {
    expect(ok<VolunteerSettingsDto>(await branch1.get(`${V}/settings`)).inactiveDays).toBe(90);
    expectError(await community1.patch(`${V}/settings`, { inactiveDays: 30 }), 403, 'FORBIDDEN');
    expectError(await commissioner1.patch(`${V}/settings`, { inactiveDays: 30 }), 403, 'FORBIDDEN');
    expectError(await admin.patch(`${V}/settings`, { inactiveDays: 3 }), 400, 'VALIDATION_FAILED');
    expect(ok<VolunteerSettingsDto>(await admin.patch(`${V}/settings`, { inactiveDays: 30 })).inactiveDays).toBe(30);
    expect(await audits('volunteerSettings.update', 1)).toBe(1);
    expect(ok<DualMemberList>(await branch1.get(`${V}/members`)).inactiveDays).toBe(30);
  });
});

describe('withdrawing a registration (撤回/注销报到)', () => {
  it('a pending one is withdrawn with a reason; the member may register again', async () => {
    const { personId, resident } = await linkedResident('13923330011');
    const mine = ok<MyDualRegistrationDto>(await resident.post(`${P}/registrations`, { compoundId: compound1, workplaceOrgName: '夏津县税务局' }), 201);
    expectError(await branch1.post(`${V}/registrations/${mine.id}/withdraw`, {}), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post(`${V}/registrations/${mine.id}/withdraw`, { reason: '  ' }), 400, 'VALIDATION_FAILED');
    expectError(await commissioner1.post(`${V}/registrations/${mine.id}/withdraw`, { reason: '本人申请撤回' }), 403, 'FORBIDDEN');
    expectError(await branch2.post(`${V}/registrations/${mine.id}/withdraw`, { reason: '本人申请撤回' }), 404, 'NOT_FOUND');
    const withdrawn = ok<DualRegistrationDto>(await branch1.post(`${V}/registrations/${mine.id}/withdraw`, { reason: '本人申请撤回' }));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: '本人申请撤回', withdrawnAt: expect.any(String), partyMemberId: null });
    expect(await audits('dualRegistration.withdraw', mine.id)).toBe(1);
    expect(await memberOf(personId)).toBeUndefined();
    // Once withdrawn it cannot be withdrawn or decided again; a new registration is accepted.
    expectError(await branch1.post(`${V}/registrations/${mine.id}/withdraw`, { reason: '再次撤回' }), 409, 'CONFLICT');
    expectError(await branch1.post(`${V}/registrations/${mine.id}/approve`, { joinedDate: '2015-07-01' }), 409, 'CONFLICT');
    ok(await resident.post(`${P}/registrations`, { compoundId: compound1, workplaceOrgName: '夏津县税务局' }), 201);
  });

  it('an approved one ends the dual registration: the membership leaves the compound and the members view, in one audited transaction', async () => {
    const { personId, resident } = await linkedResident('13923330012');
    const mine = ok<MyDualRegistrationDto>(await resident.post(`${P}/registrations`, { compoundId: compound1, workplaceOrgName: '夏津县水务局' }), 201);
    const approved = ok<DualRegistrationDto>(await branch1.post(`${V}/registrations/${mine.id}/approve`, { joinedDate: '2012-07-01' }));
    const memberId = approved.partyMemberId!;
    const listed = async () => ok<DualMemberList>(await branch1.get(`${V}/members?pageSize=200`)).data.map((m) => m.partyMemberId);
    expect(await listed()).toContain(memberId);
    // The members view names the registration to withdraw.
    expect(ok<DualMemberList>(await branch1.get(`${V}/members?pageSize=200`)).data.find((m) => m.partyMemberId === memberId)!.registrationId).toBe(mine.id);

    const withdrawn = ok<DualRegistrationDto>(await branch1.post(`${V}/registrations/${mine.id}/withdraw`, { reason: '已搬离本小区' }));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: '已搬离本小区', decidedAt: expect.any(String) });
    expect(await memberOf(personId)).toBeUndefined();
    expect(await listed()).not.toContain(memberId);
    expect(await audits('dualRegistration.withdraw', mine.id)).toBe(1);
    expect(await audits('partyMember.delete', memberId)).toBe(1);
    const [row] = await t.db.query<{ details: { joinedDate: string; dualRegistrationId: number } }>(
      "SELECT details FROM audit_log WHERE action = 'partyMember.delete' AND target_id = $1",
      [String(memberId)],
    );
    expect(row!.details).toMatchObject({ joinedDate: '2012-07-01', dualRegistrationId: mine.id });
    expect(ok<{ data: MyDualRegistrationDto[] }>(await resident.get(`${P}/registrations/mine`)).data[0]).toMatchObject({ id: mine.id, status: 'withdrawn' });
    expect(ok<{ data: DualRegistrationDto[] }>(await branch1.get(`${V}/registrations?status=withdrawn&pageSize=100`)).data.map((r) => r.id)).toContain(mine.id);
  });

  it('a declined one cannot be withdrawn; an unknown id is 404', async () => {
    const { resident } = await linkedResident('13923330013');
    const mine = ok<MyDualRegistrationDto>(await resident.post(`${P}/registrations`, { compoundId: compound1, workplaceOrgName: '夏津县水务局' }), 201);
    ok(await branch1.post(`${V}/registrations/${mine.id}/decline`, { reason: '信息有误' }));
    expectError(await branch1.post(`${V}/registrations/${mine.id}/withdraw`, { reason: '撤回' }), 409, 'CONFLICT');
    expectError(await branch1.post(`${V}/registrations/2147483647/withdraw`, { reason: '撤回' }), 404, 'NOT_FOUND');
  });
});
