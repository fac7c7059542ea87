import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday, creditCodeCheckChar, creditCodeProblem } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError, grantNodes, testPhone } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let sub1: Client;
let community1: Client;
let branch1: Client;
let branch1Compound: number;
let branch2Compound: number;
let community1Id: number;
// In community1, without contracts from the demo data.
let freshCompound: number;
let freshCompound2: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  sub1 = await t.login('subdistrict1');
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch1Compound = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  branch2Compound = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  community1Id = (await grantNodes(t.db, 'community1'))[0]!.id;
  const res = await admin.post('/api/nodes', { parentId: community1Id, kind: 'compound', name: '合同测试小区', code: 'PC-TEST-1', compoundKind: 'commercial' });
  freshCompound = res.json().id;
  const res2 = await admin.post('/api/nodes', { parentId: community1Id, kind: 'compound', name: '合同测试小区二', code: 'PC-TEST-2', compoundKind: 'work_unit' });
  freshCompound2 = res2.json().id;
});
afterAll(async () => t.close());

let seq = 0;
/** A fictitious credit code with a valid GB 32100 check character, different on every call. */
function creditCode(): string {
  const first17 = `91371427MA${String(++seq).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

async function createCompany(c: Client = admin, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/property-companies', { name: `夏津县红心物业${++seq}`, creditCode: creditCode(), ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; name: string; creditCode: string; contactPhone: string | null };
}

const auditRows = (action: string, targetId: number) =>
  count(t.db, 'SELECT count(*) FROM audit_log WHERE action = $1 AND target_id = $2', [action, String(targetId)]);
const tables = async () => ({
  companies: await count(t.db, 'SELECT count(*) FROM property_companies'),
  contracts: await count(t.db, 'SELECT count(*) FROM property_contracts'),
  audit: await count(t.db, 'SELECT count(*) FROM audit_log'),
});

describe('credit code rule (GB 32100)', () => {
  it('accepts published example codes and refuses a wrong check character', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/校验位/);
    expect(creditCodeProblem('91350100M000100Y4')).toMatch(/18位/);
    expect(creditCodeProblem('91350100M0001O0Y43')).toMatch(/无效字符/);
  });
});

describe('property company registry', () => {
  it('creates a company with a masked contact phone, its party organisation and co-leading committee; one audit row', async () => {
    const phone = testPhone();
    const code = creditCode();
    const res = await admin.post('/api/property-companies', {
      name: '夏津县安居物业服务有限公司', creditCode: ` ${code.slice(0, 9).toLowerCase()} ${code.slice(9)} `, contactName: '李经理', contactPhone: phone,
      hasPartyOrg: true, partyOrgName: '安居物业党支部', industryCommitteeName: '夏津县物业行业党委',
    });
    expect(res.statusCode, res.body).toBe(201);
    const company = res.json();
    expect(company).toMatchObject({
      creditCode: code, contactName: '李经理', contactPhone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      hasPartyOrg: true, partyOrgName: '安居物业党支部', industryCommitteeName: '夏津县物业行业党委',
    });
    expect(await auditRows('propertyCompany.create', company.id)).toBe(1);
    const [audit] = await t.db.query<{ details: unknown }>("SELECT details FROM audit_log WHERE action = 'propertyCompany.create' AND target_id = $1", [String(company.id)]);
    expect(JSON.stringify(audit!.details)).not.toContain(phone);
    for (const r of [await admin.get(`/api/property-companies/${company.id}`), await admin.get('/api/property-companies?pageSize=200'), await branch1.get(`/api/property-companies?q=${code}`)]) {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(phone);
    }
    expect((await branch1.get(`/api/property-companies?q=${code}`)).json().data.map((c: { id: number }) => c.id)).toEqual([company.id]);
    const updated = await admin.patch(`/api/property-companies/${company.id}`, { contactPhone: testPhone() });
    expect(updated.statusCode).toBe(200);
    expect(updated.body).not.toMatch(/1700000\d{4}/);
    expect(await auditRows('propertyCompany.update', company.id)).toBe(1);
  });

  it('refuses invalid and duplicate credit codes, bad phones and inconsistent party organisation fields with Chinese messages; nothing is written', async () => {
    const before = await tables();
    const good = creditCode();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ creditCode: wrongCheck }, /校验位/],
      [{ creditCode: '91371427MA0000I01X' }, /无效字符/],
      [{ creditCode: '913714' }, /18位/],
      [{ creditCode: good, contactPhone: '12345' }, /电话号码/],
    ];
    for (const [body, message] of cases) {
      const err = expectError(await admin.post('/api/property-companies', { name: '坏物业', ...body }), 400, 'VALIDATION_FAILED');
      expect(err.message).toMatch(message);
    }
    expect(expectError(await admin.post('/api/property-companies', { name: '坏物业', creditCode: good, hasPartyOrg: true }), 400).message).toMatch(/党组织名称/);
    expect(expectError(await admin.post('/api/property-companies', { name: '坏物业', creditCode: good, partyOrgName: '某支部' }), 400).message).toMatch(/未建立党组织/);
    expectError(await admin.post('/api/property-companies', { name: '坏物业', creditCode: good, extra: 1 }), 400, 'VALIDATION_FAILED');
    expect(await tables()).toEqual(before);

    const first = await createCompany();
    const dup = expectError(await sub1.post('/api/property-companies', { name: '另一家', creditCode: first.creditCode }), 409, 'DUPLICATE');
    expect(dup.message).toContain(first.name);
    const second = await createCompany();
    expectError(await admin.patch(`/api/property-companies/${second.id}`, { creditCode: first.creditCode }), 409, 'DUPLICATE');
    expectError(await admin.patch(`/api/property-companies/${second.id}`, {}), 400, 'VALIDATION_FAILED');
    expectError(await admin.patch('/api/property-companies/2147483647', { name: '无' }), 404, 'NOT_FOUND');
  });

  it('dissolving the party organisation clears its name', async () => {
    const c = await createCompany(admin, { hasPartyOrg: true, partyOrgName: '某物业党支部' });
    const res = await admin.patch(`/api/property-companies/${c.id}`, { hasPartyOrg: false });
    expect(res.json()).toMatchObject({ hasPartyOrg: false, partyOrgName: null });
    expectError(await admin.patch(`/api/property-companies/${c.id}`, { hasPartyOrg: false, partyOrgName: '仍有名称' }), 400);
    expect((await admin.get(`/api/property-companies?hasPartyOrg=false&q=${c.creditCode}`)).json().data).toHaveLength(1);
  });

  it('the registry is county-wide: everyone with orgs.read reads it; only county and subdistrict admins write it', async () => {
    const c = await createCompany(sub1);
    const auditor = await t.login('auditor');
    expect((await branch1.get(`/api/property-companies/${c.id}`)).statusCode).toBe(200);
    expect((await community1.get(`/api/property-companies/${c.id}`)).statusCode).toBe(200);
    const before = await tables();
    expect(expectError(await community1.post('/api/property-companies', { name: '社区建的物业', creditCode: creditCode() }), 403, 'FORBIDDEN').message).toMatch(/县级或街道/);
    expectError(await community1.patch(`/api/property-companies/${c.id}`, { name: '改名' }), 403, 'FORBIDDEN');
    expectError(await branch1.post('/api/property-companies', { name: '支部建的物业', creditCode: creditCode() }), 403, 'FORBIDDEN');
    expectError(await auditor.get('/api/property-companies'), 403, 'FORBIDDEN');
    expect(await tables()).toEqual(before);
  });
});

describe('service contracts', () => {
  it('derives the status from the dates, refuses end before start and overlaps in one compound', async () => {
    const company = await createCompany();
    const other = await createCompany();
    const today = chinaToday();
    const year = Number(today.slice(0, 4));
    const post = (body: Record<string, unknown>) => community1.post('/api/property-contracts', { companyId: company.id, compoundId: freshCompound, ...body });

    const past = await post({ startDate: `${year - 3}-01-01`, endDate: `${year - 2}-12-31`, feeStandard: '0.8元/㎡·月' });
    expect(past.statusCode, past.body).toBe(201);
    expect(past.json()).toMatchObject({ status: 'expired', compoundId: freshCompound, companyName: company.name, feeStandard: '0.8元/㎡·月' });
    const current = await post({ startDate: `${year - 1}-01-01`, endDate: `${year + 1}-12-31` });
    expect(current.json().status).toBe('active');
    const future = await post({ companyId: other.id, startDate: `${year + 2}-01-01`, endDate: `${year + 4}-12-31` });
    expect(future.json().status).toBe('upcoming');
    expect(await auditRows('propertyContract.create', current.json().id)).toBe(1);

    const before = await tables();
    expect(expectError(await post({ startDate: `${year + 6}-05-01`, endDate: `${year + 6}-04-30` }), 400, 'VALIDATION_FAILED').message).toMatch(/不能早于/);
    const clash = expectError(await post({ startDate: `${year + 1}-12-31`, endDate: `${year + 1}-12-31` }), 409, 'CONFLICT');
    expect(clash.message).toMatch(/已有服务合同.*不能重叠/);
    expect(clash.message).toContain(company.name);
    expectError(await post({ startDate: `${year - 10}-01-01`, endDate: `${year + 10}-01-01` }), 409, 'CONFLICT');
    expectError(await post({ startDate: '2024-02-30', endDate: '2025-01-01' }), 400, 'VALIDATION_FAILED');
    expectError(await post({ compoundId: community1Id, startDate: `${year + 8}-01-01`, endDate: `${year + 8}-12-31` }), 400, 'TREE_SHAPE');
    expectError(await post({ companyId: 2147483647, startDate: `${year + 8}-01-01`, endDate: `${year + 8}-12-31` }), 404, 'NOT_FOUND');
    // Updates keep the rules: stretching into the next contract, or ending before the start.
    expectError(await community1.patch(`/api/property-contracts/${current.json().id}`, { endDate: `${year + 2}-06-30` }), 409, 'CONFLICT');
    expectError(await community1.patch(`/api/property-contracts/${current.json().id}`, { endDate: `${year - 2}-06-30` }), 400, 'VALIDATION_FAILED');
    expect(await tables()).toEqual(before);

    // The day after the previous contract ends is free; another compound is independent.
    const adjacent = await community1.patch(`/api/property-contracts/${future.json().id}`, { startDate: `${year + 2}-01-01`, feeStandard: null });
    expect(adjacent.statusCode, adjacent.body).toBe(200);
    expect(adjacent.json().feeStandard).toBeNull();
    expect((await community1.post('/api/property-contracts', { companyId: company.id, compoundId: freshCompound2, startDate: `${year - 1}-01-01`, endDate: `${year + 1}-12-31` })).statusCode).toBe(201);
    expect(await auditRows('propertyContract.update', future.json().id)).toBe(1);

    const byStatus = async (status: string) => (await admin.get(`/api/property-contracts?companyId=${company.id}&status=${status}`)).json().data.map((k: { id: number }) => k.id);
    expect(await byStatus('expired')).toEqual([past.json().id]);
    expect((await byStatus('active')).sort()).toContain(current.json().id);
    expect(await byStatus('upcoming')).toEqual([]);
    expect((await admin.get(`/api/property-companies/${other.id}/contracts`)).json().data.map((k: { id: number }) => k.id)).toEqual([future.json().id]);
  });

  it('contracts are scoped by compound: lists match SQL, out-of-scope ids answer 404, writes outside scope 404', async () => {
    const company = await createCompany();
    const b2 = await admin.post('/api/property-contracts', { companyId: company.id, compoundId: branch2Compound, startDate: '1990-01-01', endDate: '1990-12-31' });
    expect(b2.statusCode, b2.body).toBe(201);
    const b1 = await admin.post('/api/property-contracts', { companyId: company.id, compoundId: branch1Compound, startDate: '1991-01-01', endDate: '1991-12-31' });
    for (const username of ['admin', 'subdistrict1', 'community1', 'branch1', 'branch2', 'commissioner1']) {
      const c = await t.login(username);
      const patterns = (await grantNodes(t.db, username)).map((g) => `${g.path}%`);
      const expected = await t.db.query<{ id: number }>(
        'SELECT k.id FROM property_contracts k JOIN nodes n ON n.id = k.compound_id WHERE n.path LIKE ANY($1) ORDER BY k.id',
        [patterns],
      );
      const res = await c.get('/api/property-contracts?pageSize=200');
      expect(res.statusCode).toBe(200);
      expect(res.json().pagination.total, username).toBe(expected.length);
      if (expected.length <= 200) expect(res.json().data.map((k: { id: number }) => k.id).sort((a: number, b: number) => a - b), username).toEqual(expected.map((e) => e.id));
    }
    expectError(await branch1.get(`/api/property-contracts/${b2.json().id}`), 404, 'NOT_FOUND');
    expectError(await community1.get(`/api/property-contracts/${b2.json().id}`), 404, 'NOT_FOUND');
    expect((await branch1.get(`/api/property-contracts/${b1.json().id}`)).statusCode).toBe(200);
    expect((await branch1.get(`/api/property-companies/${company.id}/contracts`)).json().data.map((k: { id: number }) => k.id)).toEqual([b1.json().id]);
    expectError(await community1.get(`/api/property-contracts?nodeId=${branch2Compound}`), 404, 'NOT_FOUND');
    const before = await tables();
    expectError(await community1.patch(`/api/property-contracts/${b2.json().id}`, { endDate: '1990-06-30' }), 404, 'NOT_FOUND');
    expectError(await community1.post('/api/property-contracts', { companyId: company.id, compoundId: branch2Compound, startDate: '1992-01-01', endDate: '1992-12-31' }), 404, 'NOT_FOUND');
    expectError(await branch1.post('/api/property-contracts', { companyId: company.id, compoundId: branch1Compound, startDate: '2030-01-01', endDate: '2030-12-31' }), 403, 'FORBIDDEN');
    expect(await tables()).toEqual(before);
  });

  it('bad list filters and path ids answer 400/404, never 5xx', async () => {
    for (const url of ['/api/property-contracts?status=maybe', '/api/property-contracts?companyId=abc', '/api/property-companies?hasPartyOrg=yes', '/api/property-companies?q=' + 'x'.repeat(101), '/api/property-contracts?pageSize=201']) {
      expectError(await admin.get(url), 400, 'VALIDATION_FAILED');
    }
    expectError(await admin.get('/api/property-contracts?companyId=2147483647'), 404, 'NOT_FOUND');
    expectError(await admin.get('/api/property-companies/2147483647/contracts'), 404, 'NOT_FOUND');
    expect((await admin.get('/api/property-companies?q=%25_%5C')).statusCode).toBe(200);
    const nul = await admin.post('/api/property-companies', { name: 'a\u0000b', creditCode: creditCode() });
    expect(nul.statusCode).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);
  });
});
