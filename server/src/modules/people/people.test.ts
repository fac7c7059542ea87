import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CHINESE, count, expectError, grantNodes, testPhone, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let branch2: Client;
let branch1Compound: number;
let branch2Compound: number;

beforeAll(async () => {
  t = await startTestApp();
  [admin, community1, branch1, branch2] = (await Promise.all(['admin', 'community1', 'branch1', 'branch2'].map((u) => t.login(u)))) as [Client, Client, Client, Client];
  branch1Compound = (await grantNodes(t.db, 'branch1'))[0]!.id;
  branch2Compound = (await grantNodes(t.db, 'branch2'))[0]!.id;
});
afterAll(async () => t.close());

async function createPerson(c: Client, nodeId: number, extra: Record<string, unknown> = {}) {
  const phone = testPhone();
  const idNumber = validIdNumber('19750612', false);
  const res = await c.post('/api/people', { name: '王秀英', phone, idNumber, nodeId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return { person: res.json() as { id: number; phone: string; idNumber: string; gender: string; birthDate: string }, phone, idNumber };
}

/** No response body may carry a full phone or ID number. */
function expectMasked(body: string, phone: string, idNumber: string) {
  expect(body).not.toContain(phone);
  expect(body).not.toContain(idNumber);
}

describe('people registry', () => {
  it('stores a person once, derives sex and birth date from the ID number, and masks both identifiers', async () => {
    const { person, phone, idNumber } = await createPerson(branch1, branch1Compound);
    expect(person.gender).toBe('female');
    expect(person.birthDate).toBe('1975-06-12');
    expect(person.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(person.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    for (const res of [await branch1.get(`/api/people/${person.id}`), await branch1.get('/api/people?pageSize=200'), await admin.get(`/api/people?q=${phone.slice(-4)}`)]) {
      expect(res.statusCode).toBe(200);
      expectMasked(res.body, phone, idNumber);
    }
    const updated = await branch1.patch(`/api/people/${person.id}`, { notes: '楼长推荐' });
    expect(updated.statusCode).toBe(200);
    expectMasked(updated.body, phone, idNumber);
  });

  it('checks the GB 11643 check character, the embedded birth date and phone numbers', async () => {
    const good = validIdNumber();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ idNumber: wrongCheck }, /校验码/],
      [{ idNumber: '37142719801301' + '1234' }, /出生日期|18位/],
      [{ idNumber: '12345' }, /18位/],
      [{ phone: '12345678901' }, /电话号码/],
    ];
    for (const [extra, message] of cases) {
      const before = await count(t.db, 'SELECT count(*) FROM people');
      const res = await admin.post('/api/people', { name: '李四', nodeId: branch1Compound, ...extra });
      const err = expectError(res, 400, 'VALIDATION_FAILED');
      expect(err.message).toMatch(message);
      expect(err.message).toMatch(CHINESE);
      expect(await count(t.db, 'SELECT count(*) FROM people')).toBe(before);
    }
    // A lower-case x and spaces are accepted as typed.
    const first17 = '37142719900101002';
    const check = idCheckChar(first17);
    const typed = `${first17.slice(0, 6)} ${first17.slice(6)}${check.toLowerCase()}`;
    expect((await admin.post('/api/people', { name: '赵六', nodeId: branch1Compound, idNumber: typed })).statusCode).toBe(201);
  });

  it('refuses sex or birth date that contradict the ID number', async () => {
    const id = validIdNumber('19600101', true);
    expectError(await admin.post('/api/people', { name: '钱七', nodeId: branch1Compound, idNumber: id, gender: 'female' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/people', { name: '钱七', nodeId: branch1Compound, idNumber: id, birthDate: '1961-01-01' }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a duplicate ID number, pointing at the existing record only when the caller may see it', async () => {
    const { person, idNumber } = await createPerson(branch1, branch1Compound);
    const same = expectError(await community1.post('/api/people', { name: '重复', nodeId: branch1Compound, idNumber }), 409, 'DUPLICATE');
    expect(same.details).toEqual({ existingId: person.id });
    expect(same.message).toContain(String(person.id));
    expect(same.message).not.toContain(idNumber);
    const hidden = expectError(await branch2.post('/api/people', { name: '重复', nodeId: branch2Compound, idNumber }), 409, 'DUPLICATE');
    expect(hidden.details).toEqual({ existingId: null });
    expect(hidden.message).not.toContain(person.id.toString() + '）');
  });

  it('keeps people inside the jurisdiction: lists filtered, other compounds 404, writes refused outside', async () => {
    const { person } = await createPerson(branch2, branch2Compound);
    expectError(await branch1.get(`/api/people/${person.id}`), 404, 'NOT_FOUND');
    expectError(await branch1.patch(`/api/people/${person.id}`, { notes: 'x' }), 404, 'NOT_FOUND');
    expectError(await branch1.post('/api/people', { name: '越界', nodeId: branch2Compound }), 404, 'NOT_FOUND');
    const listed = (await branch1.get('/api/people?pageSize=200')).json() as { data: { id: number }[]; pagination: { total: number } };
    const inScope = await count(
      t.db,
      `SELECT count(*) FROM people p JOIN nodes n ON n.id = p.node_id WHERE n.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%'`,
      [branch1Compound],
    );
    expect(listed.pagination.total).toBe(inScope);
    expect(listed.data.map((p) => p.id)).not.toContain(person.id);
    expect((await admin.get(`/api/people/${person.id}`)).statusCode).toBe(200);
  });

  it('finds people by the last four digits of their phone, within scope', async () => {
    const { person, phone } = await createPerson(branch1, branch1Compound);
    const mine = (await branch1.get(`/api/people?q=${phone.slice(-4)}`)).json() as { data: { id: number }[] };
    expect(mine.data.map((p) => p.id)).toContain(person.id);
    const theirs = (await branch2.get(`/api/people?q=${phone.slice(-4)}`)).json() as { data: { id: number }[] };
    expect(theirs.data.map((p) => p.id)).not.toContain(person.id);
  });

  it('finds people by any one- or two-character piece of their name, and by longer fragments', async () => {
    const { person } = await createPerson(branch1, branch1Compound, { name: '欧阳明月' });
    const ids = async (q: string) =>
      ((await branch1.get(`/api/people?q=${encodeURIComponent(q)}&pageSize=200`)).json() as { data: { id: number }[] }).data.map((p) => p.id);
    for (const q of ['欧', '月', '阳明', '明月', '欧阳明', '阳明月']) expect(await ids(q), q).toContain(person.id);
    for (const q of ['明欧', '月欧', '欧明']) expect(await ids(q), q).not.toContain(person.id);
    const searched = (await branch1.get(`/api/search?q=${encodeURIComponent('阳明')}`)).json() as { groups: { type: string; items: { id: number }[] }[] };
    expect(searched.groups.find((g) => g.type === 'person')?.items.map((i) => i.id)).toContain(person.id);
  });

  it('clears a phone or ID number set to null, keeping the birth date and sex it gave', async () => {
    const { person, phone } = await createPerson(branch1, branch1Compound);
    const noPhone = await branch1.patch(`/api/people/${person.id}`, { phone: null });
    expect(noPhone.statusCode, noPhone.body).toBe(200);
    expect(noPhone.json()).toMatchObject({ phone: null, idNumber: person.idNumber });
    const noId = await branch1.patch(`/api/people/${person.id}`, { idNumber: null });
    expect(noId.statusCode, noId.body).toBe(200);
    expect(noId.json()).toMatchObject({ phone: null, idNumber: null, birthDate: '1975-06-12', gender: 'female' });
    const [row] = await t.db.query<{ phone: string | null; id_number: string | null }>('SELECT phone, id_number FROM people WHERE id = $1', [person.id]);
    expect(row).toEqual({ phone: null, id_number: null });
    const found = (await branch1.get(`/api/people?q=${phone.slice(-4)}`)).json() as { data: { id: number }[] };
    expect(found.data.map((p) => p.id)).not.toContain(person.id);
  });
});

describe('revealing a masked field', () => {
  it('needs the unmask permission: a branch secretary gets 403 and nothing is audited', async () => {
    const { person } = await createPerson(branch1, branch1Compound);
    const before = await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'person.unmask'");
    expectError(await branch1.post(`/api/people/${person.id}/unmask`, { field: 'phone', reason: '上门走访需要联系' }), 403, 'FORBIDDEN');
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'person.unmask'")).toBe(before);
  });

  it('needs a reason, and returns the plain value with an audit row naming field and reason', async () => {
    const { person, phone, idNumber } = await createPerson(community1, branch1Compound);
    expectError(await community1.post(`/api/people/${person.id}/unmask`, { field: 'phone' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(`/api/people/${person.id}/unmask`, { field: 'phone', reason: '短' }), 400, 'VALIDATION_FAILED');
    const res = await community1.post(`/api/people/${person.id}/unmask`, { field: 'idNumber', reason: '核实党员身份信息' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ field: 'idNumber', value: idNumber });
    const phoneRes = await community1.post(`/api/people/${person.id}/unmask`, { field: 'phone', reason: '通知参加协商会议' });
    expect(phoneRes.json()).toEqual({ field: 'phone', value: phone });
    const rows = await t.db.query<{ actor_name: string; target_id: string; details: { field: string; reason: string } }>(
      "SELECT actor_name, target_id, details FROM audit_log WHERE action = 'person.unmask' AND target_id = $1 ORDER BY id",
      [String(person.id)],
    );
    expect(rows.map((r) => [r.actor_name, r.details.field, r.details.reason])).toEqual([
      ['community1', 'idNumber', '核实党员身份信息'],
      ['community1', 'phone', '通知参加协商会议'],
    ]);
  });

  it('answers 404 for a person outside the unmasking scope', async () => {
    const { person } = await createPerson(branch2, branch2Compound);
    expectError(await community1.post(`/api/people/${person.id}/unmask`, { field: 'phone', reason: '核实身份信息' }), 404, 'NOT_FOUND');
  });

  it('keeps identifiers out of the audit log of ordinary writes', async () => {
    const { person, phone, idNumber } = await createPerson(admin, branch1Compound);
    const rows = await t.db.query<{ details: unknown }>("SELECT details FROM audit_log WHERE target_type = 'person' AND target_id = $1", [String(person.id)]);
    expect(rows.length).toBeGreaterThan(0);
    expectMasked(JSON.stringify(rows), phone, idNumber);
  });
});
