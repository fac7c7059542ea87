import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { AgendaCategoryDto, AgendaCategoryList } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CHINESE, count, expectError, userId } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let commissioner1: Client;
let auditor: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  commissioner1 = await t.login('commissioner1');
  auditor = await t.login('auditor');
});
afterAll(async () => t.close());

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return res.json() as T;
};
const URL = '/api/consultations/agenda-categories';

describe('agenda scope (七议五不议)', () => {
  it('starts with 7 allowed and 5 excluded categories, the county\'s own named and the completions marked for review', async () => {
    const list = ok<AgendaCategoryList>(await commissioner1.get(URL));
    expect(list.activeCounts).toEqual({ allowed: 7, excluded: 5 });
    expect(list.expectedCounts).toEqual({ allowed: 7, excluded: 5 });
    const byName = new Map(list.data.map((c) => [c.name, c]));
    for (const name of ['环境卫生', '公共空间']) expect(byName.get(name)).toMatchObject({ kind: 'allowed', isDefaultAddition: false, active: true });
    for (const name of ['国家明文规定的事项', '明显不公平的事项']) expect(byName.get(name)).toMatchObject({ kind: 'excluded', isDefaultAddition: false, active: true });
    const additions = list.data.filter((c) => c.isDefaultAddition);
    expect(additions.filter((c) => c.kind === 'allowed')).toHaveLength(5);
    expect(additions.filter((c) => c.kind === 'excluded')).toHaveLength(3);
    expect(list.data.every((c) => c.description && c.examples.length > 0)).toBe(true);
    // Allowed first, each kind in its order.
    expect(list.data.slice(0, 7).every((c) => c.kind === 'allowed')).toBe(true);
  });

  it('only the county configures it (consultations.configure); everyone who reads consultations sees it', async () => {
    const body = { code: 'elderly_care', name: '养老助餐', kind: 'allowed', description: '社区养老助餐点的设置与运营' };
    expectError(await community1.post(URL, body), 403, 'FORBIDDEN');
    expectError(await community1.patch(`${URL}/1`, { active: false }), 403, 'FORBIDDEN');
    expectError(await auditor.get(URL), 403, 'FORBIDDEN');
    expect(await count(t.db, "SELECT count(*) FROM agenda_categories WHERE code = 'elderly_care'")).toBe(0);
  });

  it('creates, renames and deactivates, with unique names and codes, the active counts showing the change', async () => {
    const created = ok<AgendaCategoryDto>(await admin.post(URL, { code: 'elderly_care', name: '养老助餐', kind: 'allowed', examples: ['助餐点选址'] }), 201);
    expect(created).toMatchObject({ code: 'elderly_care', name: '养老助餐', kind: 'allowed', isDefaultAddition: false, active: true, examples: ['助餐点选址'], description: null });
    expect(ok<AgendaCategoryList>(await admin.get(URL)).activeCounts).toEqual({ allowed: 8, excluded: 5 });

    const dupName = expectError(await admin.post(URL, { code: 'another', name: '环境卫生', kind: 'allowed' }), 409, 'DUPLICATE');
    expect(dupName.message).toMatch(/环境卫生.*已存在/);
    expectError(await admin.post(URL, { code: 'sanitation', name: '新名称', kind: 'allowed' }), 409, 'DUPLICATE');
    expectError(await admin.patch(`${URL}/${created.id}`, { name: '公共空间' }), 409, 'DUPLICATE');
    for (const bad of [{ kind: 'maybe' }, { code: 'Bad Code' }, { name: '' }, { examples: Array(11).fill('例') }, { sort: -1 }]) {
      const err = expectError(await admin.post(URL, { code: 'bad_one', name: '坏类别', kind: 'allowed', ...bad }), 400, 'VALIDATION_FAILED');
      expect(err.message).toMatch(CHINESE);
    }
    expectError(await admin.patch(`${URL}/${created.id}`, { code: 'changed' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.patch(`${URL}/${created.id}`, {}), 400, 'VALIDATION_FAILED');
    expectError(await admin.patch(`${URL}/2000000`, { active: false }), 404, 'NOT_FOUND');

    const off = ok<AgendaCategoryDto>(await admin.patch(`${URL}/${created.id}`, { active: false, name: '老年助餐' }));
    expect(off).toMatchObject({ active: false, name: '老年助餐', code: 'elderly_care' });
    const after = ok<AgendaCategoryList>(await admin.get(URL));
    expect(after.activeCounts).toEqual({ allowed: 7, excluded: 5 });
    expect(after.data.find((c) => c.id === created.id)?.active).toBe(false);

    const rows = await t.db.query<{ action: string; actor_user_id: number; details: Record<string, unknown> }>(
      "SELECT action, actor_user_id, details FROM audit_log WHERE target_type = 'agenda_category' AND target_id = $1 ORDER BY id",
      [String(created.id)],
    );
    expect(rows.map((r) => r.action)).toEqual(['agendaCategory.create', 'agendaCategory.update']);
    expect(rows.every((r) => r.actor_user_id === rows[0]!.actor_user_id)).toBe(true);
    expect(rows[0]!.actor_user_id).toBe(await userId(t.db, 'admin'));
    expect(rows[1]!.details).toMatchObject({ changes: { name: { from: '养老助餐', to: '老年助餐' }, active: { from: true, to: false } }, activeCounts: { allowed: 7, excluded: 5 }, topics: 0 });
  });
});
