import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { XLSX_CONTENT_TYPE, type ActivityDetailDto, type ActivityDto, type ActivityRosterDto, type MySignupDto, type RosterEntryDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson, expectError, userId } from '../../test/fixtures.js';
import { ok, verifiedResident, type Resident } from '../../test/cloud-consultation.js';

/** Volunteer activities on the console: publishing, scope, changes, cancelling, closing, rosters and their export. */
let t: TestApp;
let community1: Client;
let branch1: Client;
let branch2: Client;
let commissioner: Client;
let compound1: number;
let compound2: number;
beforeAll(async () => {
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  commissioner = await t.login('commissioner1');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
});
afterAll(async () => t.close());

const A = '/api/volunteers/activities';
const P = '/api/public/volunteers';
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const jsQR = jsQRModule.default;

const body = (extra: Record<string, unknown> = {}) => ({
  nodeId: compound1, title: '助老送餐', type: 'elderly', place: '小区老年活动室', startsAt: inHours(2), endsAt: inHours(4),
  capacity: 10, pointsMode: 'per_activity', points: 5, audience: 'all', ...extra,
});
const publish = async (c: Client = branch1, extra: Record<string, unknown> = {}) => ok<ActivityDetailDto>(await c.post(A, body(extra)), 201);
const shift = (id: number, startsIn: number, endsIn: number) => t.db.query('UPDATE volunteer_activities SET starts_at = $2, ends_at = $3 WHERE id = $1', [id, inHours(startsIn), inHours(endsIn)]);
let phoneSeq = 0;
const resident = () => verifiedResident(t, `1395500${String(++phoneSeq).padStart(4, '0')}`);
const signUp = async (r: Resident, id: number) => ok<MySignupDto>(await r.post(`${P}/activities/${id}/signup`), 201);

describe('publishing', () => {
  it('a manager publishes at a community or compound in scope, with a random check-in token; audited', async () => {
    const a = await publish(branch1, { description: '为独居老人送午餐' });
    expect(a).toMatchObject({ nodeId: compound1, status: 'published', capacity: 10, pointsMode: 'per_activity', points: 5, audience: 'all', signedUpCount: 0, totalHours: 0, description: '为独居老人送午餐' });
    expect(a.checkinToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.checkinPath).toBe(`/m/volunteer/checkin/${a.checkinToken}`);
    expect((await publish(community1)).checkinToken).not.toBe(a.checkinToken);
    const [audit] = await t.db.query<{ actor_user_id: number }>("SELECT actor_user_id FROM audit_log WHERE action = 'volunteerActivity.create' AND target_id = $1", [String(a.id)]);
    expect(audit!.actor_user_id).toBe(await userId(t.db, 'branch1'));
  });

  it('refuses bad input (400), a node out of scope (404), a building (400) and a reader without volunteers.manage (403)', async () => {
    const before = await count(t.db, 'SELECT count(*) FROM volunteer_activities');
    expectError(await branch1.post(A, body({ endsAt: inHours(1) })), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post(A, body({ capacity: 0 })), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post(A, body({ capacity: 1001 })), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post(A, body({ points: 1001 })), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post(A, body({ points: 1.5 })), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post(A, body({ type: 'party' })), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post(A, body({ audience: 'everyone' })), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post(A, body({ startsAt: inHours(-5), endsAt: inHours(-3) })), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post(A, body({ nodeId: compound2 })), 404, 'NOT_FOUND');
    const [building] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'building' AND parent_id = $1 LIMIT 1", [compound1]);
    expectError(await branch1.post(A, body({ nodeId: building!.id })), 400, 'TREE_SHAPE');
    expectError(await commissioner.post(A, body()), 403, 'FORBIDDEN');
    expect(await count(t.db, 'SELECT count(*) FROM volunteer_activities')).toBe(before);
  });
});

describe('reading', () => {
  it('lists only the reader\'s scope, with filters; out of scope every read is 404', async () => {
    const mine = await publish(branch1, { title: '范围内的活动', startsAt: '2030-03-01T09:00:00+08:00', endsAt: '2030-03-01T11:00:00+08:00' });
    const theirs = await publish(branch2, { nodeId: compound2, title: '别的小区的活动' });
    const list = ok<{ data: ActivityDto[] }>(await branch1.get(`${A}?pageSize=200`));
    expect(list.data.map((a) => a.id)).toContain(mine.id);
    expect(list.data.map((a) => a.id)).not.toContain(theirs.id);
    expect(ok<{ data: ActivityDto[] }>(await community1.get(`${A}?from=2030-03-01&to=2030-03-01`)).data.map((a) => a.id)).toEqual([mine.id]);
    expect(ok<{ data: ActivityDto[] }>(await community1.get(`${A}?from=2030-03-02`)).data).toEqual([]);
    expect(ok<{ data: ActivityDto[] }>(await community1.get(`${A}?status=cancelled&nodeId=${compound1}`)).data.map((a) => a.id)).not.toContain(mine.id);
    expect(ok<{ data: ActivityDto[] }>(await commissioner.get(`${A}?pageSize=200`)).data.length).toBeGreaterThanOrEqual(0);
    expectError(await branch1.get(`${A}?nodeId=${compound2}`), 404, 'NOT_FOUND');
    expectError(await branch1.get(`${A}?status=open`), 400, 'VALIDATION_FAILED');
    expectError(await branch1.get(`${A}?from=yesterday`), 400, 'VALIDATION_FAILED');
    for (const path of ['', '/roster', '/roster.xlsx', '/qr.png']) expectError(await branch1.get(`${A}/${theirs.id}${path}`), 404, 'NOT_FOUND');
    expectError(await branch1.patch(`${A}/${theirs.id}`, { title: '改名' }), 404, 'NOT_FOUND');
    expectError(await branch1.post(`${A}/${theirs.id}/cancel`, { reason: '越权' }), 404, 'NOT_FOUND');
    expectError(await branch1.post(`${A}/${theirs.id}/close`), 404, 'NOT_FOUND');
    expect(ok<ActivityDetailDto>(await branch2.get(`${A}/${theirs.id}`)).id).toBe(theirs.id);
  });

  it('the QR code is a PNG that opens the check-in page on this site', async () => {
    const a = await publish();
    const res = await branch1.get(`${A}/${a.id}/qr.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const png = PNG.sync.read(res.rawPayload);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(`http://localhost:80/m/volunteer/checkin/${a.checkinToken}`);
  });
});

describe('changing and cancelling', () => {
  it('changes before the start only; the capacity cannot drop below the sign-ups', async () => {
    const a = await publish(branch1, { capacity: 3 });
    await signUp(await resident(), a.id);
    await signUp(await resident(), a.id);
    const changed = ok<ActivityDetailDto>(await branch1.patch(`${A}/${a.id}`, { title: '助老送餐（改）', capacity: 2, pointsMode: 'per_hour', points: 12 }));
    expect(changed).toMatchObject({ title: '助老送餐（改）', capacity: 2, pointsMode: 'per_hour', points: 12, place: a.place, signedUpCount: 2 });
    expectError(await branch1.patch(`${A}/${a.id}`, { capacity: 1 }), 409, 'CONFLICT');
    expectError(await branch1.patch(`${A}/${a.id}`, { endsAt: inHours(1) }), 400, 'VALIDATION_FAILED');
    expectError(await branch1.patch(`${A}/${a.id}`, { startsAt: inHours(3), endsAt: inHours(2) }), 400, 'VALIDATION_FAILED');
    expectError(await branch1.patch(`${A}/${a.id}`, { startsAt: inHours(-1) }), 400, 'VALIDATION_FAILED');
    await shift(a.id, -0.5, 2);
    expectError(await branch1.patch(`${A}/${a.id}`, { title: '开始后改名' }), 409, 'ILLEGAL_TRANSITION');
    expect((await t.db.query<{ title: string }>('SELECT title FROM volunteer_activities WHERE id = $1', [a.id]))[0]!.title).toBe('助老送餐（改）');
  });

  it('cancels with a reason; a cancelled activity takes no sign-ups and cannot be cancelled or closed again', async () => {
    const a = await publish();
    const cancelled = ok<ActivityDetailDto>(await branch1.post(`${A}/${a.id}/cancel`, { reason: '暴雨预警' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警' });
    expectError(await (await resident()).post(`${P}/activities/${a.id}/signup`), 409, 'CONFLICT');
    expectError(await branch1.post(`${A}/${a.id}/cancel`, { reason: '再次取消' }), 409, 'ILLEGAL_TRANSITION');
    expectError(await branch1.post(`${A}/${a.id}/close`), 409, 'ILLEGAL_TRANSITION');
    expectError(await branch1.post(`${A}/${a.id}/cancel`, { reason: '' }), 400, 'VALIDATION_FAILED');
  });
});

describe('attendance, closing and the roster', () => {
  it('staff check people in and out; closing after the end marks everyone not checked in as a no-show (409 before the end)', async () => {
    const a = await publish(branch1, { pointsMode: 'per_hour', points: 10 });
    const here = await signUp(await resident(), a.id);
    const away = await signUp(await resident(), a.id);
    const gone = await resident();
    const cancelled = await signUp(gone, a.id);
    ok(await gone.delete(`${P}/activities/${a.id}/signup`));
    await shift(a.id, -1, 1);
    const checkedIn = ok<RosterEntryDto>(await branch1.post(`${A}/${a.id}/signups/${here.signupId}/checkin`));
    expect(checkedIn).toMatchObject({ signupId: here.signupId, noShow: false });
    expect(checkedIn.checkedInAt).not.toBeNull();
    expectError(await branch2.post(`${A}/${a.id}/signups/${here.signupId}/checkin`), 404, 'NOT_FOUND');
    expectError(await branch1.post(`${A}/${a.id}/signups/2147483647/checkin`), 404, 'NOT_FOUND');
    expectError(await commissioner.post(`${A}/${a.id}/signups/${here.signupId}/checkout`), 403, 'FORBIDDEN');
    expectError(await branch1.post(`${A}/${a.id}/signups/${away.signupId}/checkout`), 409, 'CONFLICT');
    await t.db.query('UPDATE volunteer_signups SET checked_in_at = $2 WHERE id = $1', [here.signupId, inHours(-0.75)]);
    const out = ok<RosterEntryDto>(await branch1.post(`${A}/${a.id}/signups/${here.signupId}/checkout`));
    expect(out.hours).toBe(0.7);

    expect(expectError(await branch1.post(`${A}/${a.id}/close`), 409, 'ILLEGAL_TRANSITION').details).toMatchObject({ endsAt: expect.any(String) });
    await shift(a.id, -3, -1);
    const closed = ok<ActivityDetailDto>(await branch1.post(`${A}/${a.id}/close`));
    expect(closed).toMatchObject({ status: 'closed', signedUpCount: 2, checkedInCount: 1, noShowCount: 1, totalHours: 0.7 });
    expect(closed.closedAt).not.toBeNull();
    const roster = ok<ActivityRosterDto>(await branch1.get(`${A}/${a.id}/roster`)).data;
    expect(roster.map((r) => [r.signupId, r.status, r.noShow])).toEqual([
      [here.signupId, 'signed_up', false],
      [away.signupId, 'signed_up', true],
      [cancelled.signupId, 'cancelled', false],
    ]);
    expectError(await branch1.post(`${A}/${a.id}/close`), 409, 'ILLEGAL_TRANSITION');
    const [audit] = await t.db.query<{ details: { noShows: number } }>("SELECT details FROM audit_log WHERE action = 'volunteerActivity.close' AND target_id = $1", [String(a.id)]);
    expect(audit!.details.noShows).toBe(1);
    const staffOut = await t.db.query<{ actor_user_id: number; details: { via: string } }>("SELECT actor_user_id, details FROM audit_log WHERE action = 'volunteerActivity.checkOut' AND target_id = $1", [String(a.id)]);
    expect(staffOut).toEqual([{ actor_user_id: await userId(t.db, 'branch1'), details: expect.objectContaining({ via: 'staff' }) }]);
  });

  it('the roster and its export mask phones; the export is a real workbook and is audited', async () => {
    const a = await publish(community1, { title: '文明劝导' });
    const phone = '13955009901';
    const person = await createPerson(community1, compound1, { name: '王志愿', extra: { phone } });
    const linked = await verifiedResident(t, phone);
    const plain = await resident();
    await signUp(linked, a.id);
    await signUp(plain, a.id);
    const res = await branch1.get(`${A}/${a.id}/roster`);
    expect(res.body).not.toContain(phone);
    expect(res.body).not.toContain(plain.phone);
    const roster = ok<ActivityRosterDto>(res).data;
    expect(roster[0]).toMatchObject({ personId: person.id, name: '王志愿', phone: '139****9901', isMember: false, status: 'signed_up' });
    expect(roster[1]).toMatchObject({ personId: null, name: null, phone: `${plain.phone.slice(0, 3)}****${plain.phone.slice(-4)}` });

    const file = await branch1.get(`${A}/${a.id}/roster.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('志愿服务签到表_文明劝导'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push(Array.from(row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['序号', '姓名', '手机号', '党员', '报名状态', '报名时间', '签到时间', '签退时间', '服务时长（小时）', '缺席', '积分']);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['1', '王志愿', '139****9901', '否', '已报名'],
      ['2', '', `${plain.phone.slice(0, 3)}****${plain.phone.slice(-4)}`, '否', '已报名'],
    ]);
    expect(rows.flat().join(' ')).not.toContain(phone);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'volunteerActivity.export' AND target_id = $1", [String(a.id)])).toBe(1);
  });
});
