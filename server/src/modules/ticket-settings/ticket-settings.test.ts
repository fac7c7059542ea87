import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketCategorySettingDto, TicketDetailDto } from '@xj/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CHINESE, count, expectError, userId } from '../../test/fixtures.js';
import { addDays, chinaDateOf } from '../tickets/working-days.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let subdistrict1: Client;
let stairwell: number;
let adminId: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  subdistrict1 = await t.login('subdistrict1');
  adminId = await userId(t.db, 'admin');
  const community = (await t.db.query<{ node_id: number }>('SELECT node_id FROM grants WHERE user_id = $1', [await userId(t.db, 'community1')]))[0]!.node_id;
  stairwell = (
    await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' ORDER BY id LIMIT 1", [community])
  )[0]!.id;
  // The deadline checks below count weekends by hand: they need the demo county's calendar empty.
  expect(await count(t.db, 'SELECT count(*) FROM holidays')).toBe(0);
  expect(await count(t.db, 'SELECT count(*) FROM workdays')).toBe(0);
});
afterAll(async () => t.close());

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const createCategory = (body: Record<string, unknown>) =>
  admin.post('/api/ticket-settings/categories', { deadlineAmount: 3, deadlineUnit: 'working_days', responseHours: 24, ...body });
const fileTicket = (categoryId: number) =>
  community1.post('/api/tickets', { source: 'community_report', categoryId, nodeId: stairwell, description: '工单设置测试：楼道灯不亮' });
const auditRows = (action: string) =>
  t.db.query<{ target_id: string; actor_user_id: number; result: string; details: Record<string, unknown> }>(
    'SELECT target_id, actor_user_id, result, details FROM audit_log WHERE action = $1 ORDER BY id',
    [action],
  );

/** Weekday of a YYYY-MM-DD date: 0 Sunday … 6 Saturday. */
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const isWeekend = (day: string) => weekday(day) === 0 || weekday(day) === 6;
/** The first Monday–Friday after `day` (by hand, with no holidays in the way). */
function nextWeekday(day: string): string {
  let d = addDays(day, 1);
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}
const endOf = (day: string) => new Date(`${day}T23:59:59+08:00`).toISOString();

describe('categories', () => {
  it('lists every category, inactive ones included, with their deadlines', async () => {
    const list = ok<{ data: TicketCategorySettingDto[] }>(await admin.get('/api/ticket-settings/categories')).data;
    expect(list.map((c) => c.code)).toEqual(expect.arrayContaining(['sanitation', 'property', 'repair', 'dispute', 'safety', 'other']));
    expect(list.find((c) => c.code === 'safety')).toMatchObject({ name: '安全隐患', deadlineAmount: 24, deadlineUnit: 'hours', responseHours: 2, active: true });
  });

  it('creates a category; the code and the name are unique, the code lower-case ASCII', async () => {
    const created = ok<TicketCategorySettingDto>(await createCategory({ code: 'greening', name: '绿化养护', deadlineAmount: 4, responseHours: 12 }), 201);
    expect(created).toMatchObject({ code: 'greening', name: '绿化养护', deadlineAmount: 4, deadlineUnit: 'working_days', responseHours: 12, active: true });
    expect(ok<{ data: TicketCategorySettingDto[] }>(await community1.get('/api/tickets/categories')).data.map((c) => c.code)).toContain('greening');

    const dupCode = expectError(await createCategory({ code: 'greening', name: '另一个名称' }), 409, 'DUPLICATE');
    expect(dupCode.message).toMatch(/编码“greening”已被类别“绿化养护”使用/);
    const dupName = expectError(await createCategory({ code: 'greening_two', name: '绿化养护' }), 409, 'DUPLICATE');
    expect(dupName.message).toMatch(/类别名称“绿化养护”已存在/);
    expectError(await createCategory({ code: 'repair', name: '设施维修' }), 409, 'DUPLICATE');

    for (const code of ['Greening', '绿化', 'g', '1abc', 'a-b', 'x'.repeat(41)]) {
      const err = expectError(await createCategory({ code, name: `坏编码${code}` }), 400, 'VALIDATION_FAILED');
      expect(err.message).toMatch(CHINESE);
    }
    for (const bad of [{ deadlineAmount: 0 }, { deadlineAmount: 366 }, { deadlineAmount: 1.5 }, { responseHours: 721 }, { deadlineUnit: 'days' }, { name: ' ' }]) {
      expectError(await createCategory({ code: 'bad_values', name: '坏取值', ...bad }), 400, 'VALIDATION_FAILED');
    }
    expect(await count(t.db, "SELECT count(*) FROM ticket_categories WHERE code IN ('greening_two', 'bad_values')")).toBe(0);
  });

  it('updates name, deadline and response hours (not the code); a clashing name is refused; a new deadline applies to new tickets only', async () => {
    const cat = ok<TicketCategorySettingDto>(await createCategory({ code: 'noise', name: '噪声扰民', deadlineAmount: 48, deadlineUnit: 'hours', responseHours: 4 }), 201);
    const before = ok<TicketDetailDto>(await fileTicket(cat.id), 201);
    expect(Date.parse(before.deadline) - Date.parse(before.createdAt)).toBe(48 * 3_600_000);

    const updated = ok<TicketCategorySettingDto>(await admin.patch(`/api/ticket-settings/categories/${cat.id}`, { name: '噪音扰民', deadlineAmount: 12, responseHours: 1 }));
    expect(updated).toMatchObject({ id: cat.id, code: 'noise', name: '噪音扰民', deadlineAmount: 12, deadlineUnit: 'hours', responseHours: 1, active: true });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(cat.updatedAt));

    // The ticket filed before keeps its deadline; the next one follows the new rule.
    expect(ok<TicketDetailDto>(await admin.get(`/api/tickets/${before.id}`)).deadline).toBe(before.deadline);
    const after = ok<TicketDetailDto>(await fileTicket(cat.id), 201);
    expect(Date.parse(after.deadline) - Date.parse(after.createdAt)).toBe(12 * 3_600_000);
    expect(after.category.name).toBe('噪音扰民');

    expectError(await admin.patch(`/api/ticket-settings/categories/${cat.id}`, { code: 'noise2' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.patch(`/api/ticket-settings/categories/${cat.id}`, {}), 400, 'VALIDATION_FAILED');
    const clash = expectError(await admin.patch(`/api/ticket-settings/categories/${cat.id}`, { name: '环境卫生' }), 409, 'DUPLICATE');
    expect(clash.message).toMatch(/环境卫生/);
    expectError(await admin.patch('/api/ticket-settings/categories/999999', { name: '不存在' }), 404, 'NOT_FOUND');
    expect((await t.db.query<{ code: string; name: string }>('SELECT code, name FROM ticket_categories WHERE id = $1', [cat.id]))[0]).toEqual({ code: 'noise', name: '噪音扰民' });

    const audits = await auditRows('ticketCategory.update');
    expect(audits.at(-1)).toMatchObject({
      target_id: String(cat.id), actor_user_id: adminId, result: 'success',
      details: { code: 'noise', changes: { name: { from: '噪声扰民', to: '噪音扰民' }, deadlineAmount: { from: 48, to: 12 }, responseHours: { from: 4, to: 1 } }, tickets: 1 },
    });
  });

  it('a deactivated category keeps its tickets, but no new ticket can be filed under it until it is enabled again', async () => {
    const cat = ok<TicketCategorySettingDto>(await createCategory({ code: 'parking', name: '停车管理' }), 201);
    const old = ok<TicketDetailDto>(await fileTicket(cat.id), 201);

    const off = ok<TicketCategorySettingDto>(await admin.patch(`/api/ticket-settings/categories/${cat.id}`, { active: false }));
    expect(off.active).toBe(false);
    const refused = expectError(await fileTicket(cat.id), 400, 'VALIDATION_FAILED');
    expect(refused.message).toBe('工单类别不存在或已停用');
    expectError(
      await t.inject({ method: 'POST', url: '/api/public/tickets', payload: { categoryId: cat.id, nodeId: stairwell, description: '居民反映', reporterName: '居民', reporterPhone: '13900000002' } }),
      400,
      'VALIDATION_FAILED',
    );
    // Still shown on its tickets and to readers of the full list; gone from the residents' list.
    expect(ok<TicketDetailDto>(await community1.get(`/api/tickets/${old.id}`)).category).toEqual({ id: cat.id, code: 'parking', name: '停车管理' });
    expect(ok<{ data: TicketCategorySettingDto[] }>(await community1.get('/api/tickets/categories')).data.find((c) => c.id === cat.id)?.active).toBe(false);
    expect(ok<{ data: TicketCategorySettingDto[] }>(await admin.get('/api/ticket-settings/categories')).data.find((c) => c.id === cat.id)?.active).toBe(false);
    expect(ok<{ data: { id: number }[] }>(await t.inject({ method: 'GET', url: '/api/public/ticket-categories' })).data.map((c) => c.id)).not.toContain(cat.id);

    ok(await admin.patch(`/api/ticket-settings/categories/${cat.id}`, { active: true }));
    ok<TicketDetailDto>(await fileTicket(cat.id), 201);
    const changes = (await auditRows('ticketCategory.update')).filter((a) => a.target_id === String(cat.id)).map((a) => a.details.changes);
    expect(changes).toEqual([{ active: { from: true, to: false } }, { active: { from: false, to: true } }]);
  });

  it('the last active category cannot be disabled: every intake needs one', async () => {
    const active = ok<{ data: TicketCategorySettingDto[] }>(await admin.get('/api/ticket-settings/categories')).data.filter((c) => c.active);
    const [last, ...rest] = active;
    for (const c of rest) ok(await admin.patch(`/api/ticket-settings/categories/${c.id}`, { active: false }));
    const err = expectError(await admin.patch(`/api/ticket-settings/categories/${last!.id}`, { active: false }), 409, 'CONFLICT');
    expect(err.message).toMatch(/至少要保留一个启用的工单类别/);
    for (const c of rest) ok(await admin.patch(`/api/ticket-settings/categories/${c.id}`, { active: true }));
    expect(await count(t.db, 'SELECT count(*) FROM ticket_categories WHERE active')).toBe(active.length);
  });
});

describe('working-day calendar', () => {
  it('a holiday added through the API moves the deadline of tickets filed afterwards, and only theirs', async () => {
    const cat = ok<TicketCategorySettingDto>(await createCategory({ code: 'one_day', name: '一日办结', deadlineAmount: 1 }), 201);
    const today = chinaDateOf(new Date());
    const due = nextWeekday(today);
    const first = ok<TicketDetailDto>(await fileTicket(cat.id), 201);
    expect(first.deadline).toBe(endOf(due));

    const added = ok<{ day: string; name: string }>(await admin.post('/api/ticket-settings/holidays', { day: due, name: ' 测试假日 ' }), 201);
    expect(added).toEqual({ day: due, name: '测试假日' });
    const year = Number(due.slice(0, 4));
    expect(ok<{ year: number; data: unknown[] }>(await admin.get(`/api/ticket-settings/holidays?year=${year}`))).toEqual({ year, data: [{ day: due, name: '测试假日' }] });

    // The day off is skipped: one working day now ends on the next Monday–Friday after it.
    const second = ok<TicketDetailDto>(await fileTicket(cat.id), 201);
    expect(second.deadline).toBe(endOf(nextWeekday(due)));
    expect(ok<TicketDetailDto>(await admin.get(`/api/tickets/${first.id}`)).deadline).toBe(endOf(due));

    ok(await admin.delete(`/api/ticket-settings/holidays/${due}`));
    expect(ok<TicketDetailDto>(await fileTicket(cat.id), 201).deadline).toBe(endOf(due));
    expect((await auditRows('holiday.add')).at(-1)).toMatchObject({ target_id: due, actor_user_id: adminId, result: 'success', details: { day: due, name: '测试假日' } });
    expect((await auditRows('holiday.remove')).at(-1)).toMatchObject({ target_id: due, actor_user_id: adminId, details: { day: due, name: '测试假日' } });
  });

  it('a make-up working day on a weekend counts as a working day', async () => {
    const cat = ok<TicketCategorySettingDto>(await createCategory({ code: 'make_up', name: '调休测试' }), 201);
    ok(await admin.patch(`/api/ticket-settings/categories/${cat.id}`, { deadlineAmount: 1 }));
    const today = chinaDateOf(new Date());
    let saturday = addDays(today, 1);
    while (weekday(saturday) !== 6) saturday = addDays(saturday, 1);
    // Every weekday before that Saturday off, and the Saturday worked: one working day ends on the Saturday.
    const offDays: string[] = [];
    for (let d = addDays(today, 1); d < saturday; d = addDays(d, 1)) offDays.push(d);
    for (const d of offDays) ok(await admin.post('/api/ticket-settings/holidays', { day: d, name: '测试长假' }), 201);
    const without = ok<TicketDetailDto>(await fileTicket(cat.id), 201);
    expect(without.deadline).toBe(endOf(addDays(saturday, 2))); // the Monday after

    ok(await admin.post('/api/ticket-settings/workdays', { day: saturday, name: '测试调休' }), 201);
    expect(ok<TicketDetailDto>(await fileTicket(cat.id), 201).deadline).toBe(endOf(saturday));
    expect((await auditRows('workday.add')).at(-1)).toMatchObject({ target_id: saturday, actor_user_id: adminId, details: { name: '测试调休' } });

    ok(await admin.delete(`/api/ticket-settings/workdays/${saturday}`));
    for (const d of offDays) ok(await admin.delete(`/api/ticket-settings/holidays/${d}`));
    expect(await count(t.db, 'SELECT count(*) FROM holidays')).toBe(0);
    expect((await auditRows('workday.remove')).map((a) => a.target_id)).toContain(saturday);
  });

  it('a make-up working day must be a Saturday or Sunday, and no day is both a holiday and a make-up working day', async () => {
    const weekdayRefused = expectError(await admin.post('/api/ticket-settings/workdays', { day: '2030-01-02', name: '周三调休' }), 400, 'VALIDATION_FAILED');
    expect(weekdayRefused.message).toMatch(/调休上班日只能是周六或周日：2030-01-02 是星期三/);

    ok(await admin.post('/api/ticket-settings/workdays', { day: '2030-01-05', name: '元旦调休' }), 201);
    expect(expectError(await admin.post('/api/ticket-settings/holidays', { day: '2030-01-05', name: '元旦' }), 409, 'CONFLICT').message).toMatch(/已设为调休上班（元旦调休）/);
    expect(expectError(await admin.post('/api/ticket-settings/workdays', { day: '2030-01-05', name: '又一次' }), 409, 'DUPLICATE').message).toMatch(/2030-01-05 已设为调休上班/);

    // Holidays may fall on any day, weekends included.
    ok(await admin.post('/api/ticket-settings/holidays', { day: '2030-01-01', name: '元旦' }), 201);
    ok(await admin.post('/api/ticket-settings/holidays', { day: '2030-01-06', name: '元旦' }), 201);
    expect(expectError(await admin.post('/api/ticket-settings/workdays', { day: '2030-01-06', name: '调休' }), 409, 'CONFLICT').message).toMatch(/已设为节假日（元旦）/);
    expectError(await admin.post('/api/ticket-settings/holidays', { day: '2030-01-01', name: '元旦' }), 409, 'DUPLICATE');

    expect(ok(await admin.get('/api/ticket-settings/holidays?year=2030'))).toEqual({ year: 2030, data: [{ day: '2030-01-01', name: '元旦' }, { day: '2030-01-06', name: '元旦' }] });
    expect(ok(await admin.get('/api/ticket-settings/workdays?year=2030'))).toEqual({ year: 2030, data: [{ day: '2030-01-05', name: '元旦调休' }] });
    expect(ok(await admin.get('/api/ticket-settings/holidays?year=2029'))).toEqual({ year: 2029, data: [] });
    expect(ok<{ year: number }>(await admin.get('/api/ticket-settings/holidays')).year).toBe(Number(chinaDateOf(new Date()).slice(0, 4)));

    // Removing the holiday frees the Sunday for a make-up working day.
    expectError(await admin.delete('/api/ticket-settings/workdays/2030-01-06'), 404, 'NOT_FOUND');
    ok(await admin.delete('/api/ticket-settings/holidays/2030-01-06'));
    expectError(await admin.delete('/api/ticket-settings/holidays/2030-01-06'), 404, 'NOT_FOUND');
    ok(await admin.post('/api/ticket-settings/workdays', { day: '2030-01-06', name: '元旦调休' }), 201);
    expect(await count(t.db, "SELECT count(*) FROM holidays h JOIN workdays w ON w.day = h.day")).toBe(0);
  });

  it('bad years and dates answer 400 with a Chinese message', async () => {
    for (const qs of ['year=abc', 'year=1999', 'year=2101', 'year=2026.5', 'year=', 'year=2026&month=1']) {
      expect(expectError(await admin.get(`/api/ticket-settings/workdays?${qs}`), 400, 'VALIDATION_FAILED').message, qs).toMatch(CHINESE);
    }
    for (const day of ['2030-02-30', '2030-13-01', '20300101', '1999-12-31', 'tomorrow']) {
      expectError(await admin.post('/api/ticket-settings/holidays', { day, name: '坏日期' }), 400, 'VALIDATION_FAILED');
      expectError(await admin.delete(`/api/ticket-settings/holidays/${day}`), 400, 'VALIDATION_FAILED');
    }
    expectError(await admin.post('/api/ticket-settings/holidays', { day: '2030-03-01', name: 'x'.repeat(51) }), 400, 'VALIDATION_FAILED');
    expect(await count(t.db, "SELECT count(*) FROM holidays WHERE day = '2030-03-01'")).toBe(0);
  });
});

describe('access', () => {
  it('only county admins (tickets.configure) reach the settings, reads included', async () => {
    const cat = (await t.db.query<{ id: number }>("SELECT id FROM ticket_categories WHERE code = 'repair'"))[0]!.id;
    const auditsBefore = await count(t.db, 'SELECT count(*) FROM audit_log');
    for (const client of [community1, subdistrict1]) {
      expectError(await client.get('/api/ticket-settings/categories'), 403, 'FORBIDDEN');
      expectError(await client.post('/api/ticket-settings/categories', { code: 'sneaky', name: '越权类别', deadlineAmount: 1, deadlineUnit: 'hours', responseHours: 1 }), 403, 'FORBIDDEN');
      expectError(await client.patch(`/api/ticket-settings/categories/${cat}`, { active: false }), 403, 'FORBIDDEN');
      for (const kind of ['holidays', 'workdays']) {
        expectError(await client.get(`/api/ticket-settings/${kind}?year=2030`), 403, 'FORBIDDEN');
        expectError(await client.post(`/api/ticket-settings/${kind}`, { day: '2030-06-01', name: '越权' }), 403, 'FORBIDDEN');
        expectError(await client.delete(`/api/ticket-settings/${kind}/2030-01-01`), 403, 'FORBIDDEN');
      }
    }
    expectError(await t.inject({ method: 'GET', url: '/api/ticket-settings/categories' }), 401);
    expect(await count(t.db, "SELECT count(*) FROM ticket_categories WHERE code = 'sneaky' OR NOT active")).toBe(0);
    expect(await count(t.db, 'SELECT count(*) FROM audit_log')).toBe(auditsBefore);
    // Readers of tickets keep the plain list.
    expect((await community1.get('/api/tickets/categories')).statusCode).toBe(200);
  });

  it('every write left its audit row', async () => {
    const created = await auditRows('ticketCategory.create');
    expect(created.map((a) => a.details.code)).toEqual(['greening', 'noise', 'parking', 'one_day', 'make_up']);
    expect(created.every((a) => a.actor_user_id === adminId && a.result === 'success')).toBe(true);
    expect(created[0]!.details).toEqual({ code: 'greening', name: '绿化养护', deadlineAmount: 4, deadlineUnit: 'working_days', responseHours: 12 });
    expect((await auditRows('holiday.add')).map((a) => a.target_id)).toEqual(expect.arrayContaining(['2030-01-01', '2030-01-06']));
    expect((await auditRows('workday.add')).map((a) => a.target_id)).toEqual(expect.arrayContaining(['2030-01-05', '2030-01-06']));
    // Refused writes left none.
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action LIKE 'ticketCategory.%' AND result <> 'success'")).toBe(0);
  });
});
