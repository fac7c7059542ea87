import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_CONTENT_TYPE } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, createPerson, expectError, node } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let branch1: Client;
let compound1: number;
let community1Id: number;
/** Plain phone and ID number of everyone the registries below name. */
const secrets: { phone: string; idNumber: string }[] = [];

async function sheet(res: LightMyRequestResponse): Promise<string[][]> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
  expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(row.getCell(i).text);
    out.push(cells);
  });
  return out;
}

const lastAudit = async (action: string) =>
  (await t.db.query<{ result: string; details: Record<string, unknown>; node_id: number | null; actor_name: string }>(
    'SELECT result, details, node_id, actor_name FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1',
    [action],
  ))[0]!;

const masked = (s: { phone: string; idNumber: string }) => [`${s.phone.slice(0, 3)}****${s.phone.slice(-4)}`, `${s.idNumber.slice(0, 6)}********${s.idNumber.slice(-4)}`];

async function person(name: string): Promise<number> {
  const p = await createPerson(admin, compound1, { name });
  secrets.push({ phone: p.phone, idNumber: p.idNumber });
  return p.id;
}

async function created(res: LightMyRequestResponse): Promise<void> {
  expect(res.statusCode, res.body).toBe(201);
}

interface Case {
  url: string;
  action: string;
  /** The registry's filter narrowing to the one record created for the test. */
  filter: () => string;
  name: string;
  /** Headers of the phone and ID number columns. */
  phoneHeader: string;
  idHeader: string;
}

const CASES: Case[] = [
  { url: '/api/stewards/export', action: 'steward.export', filter: () => `nodeId=${compound1}&q=${encodeURIComponent('导出管家')}`, name: '导出管家', phoneHeader: '手机号', idHeader: '身份证号' },
  { url: '/api/party-members/export', action: 'partyMember.export', filter: () => `nodeId=${compound1}&q=${encodeURIComponent('导出党员')}`, name: '导出党员', phoneHeader: '手机号', idHeader: '身份证号' },
  { url: '/api/gig-workers/export', action: 'gigWorker.export', filter: () => `nodeId=${compound1}&q=${encodeURIComponent('导出骑手')}`, name: '导出骑手', phoneHeader: '手机号', idHeader: '身份证号' },
  { url: '/api/commissioners/export', action: 'commissioner.export', filter: () => `nodeId=${community1Id}&q=${encodeURIComponent('导出专员')}`, name: '导出专员', phoneHeader: '手机号', idHeader: '身份证号' },
  { url: '/api/red-shops/export', action: 'redShop.export', filter: () => `nodeId=${compound1}&q=${encodeURIComponent('导出商铺')}`, name: '导出商铺', phoneHeader: '负责人手机号', idHeader: '负责人身份证号' },
];

beforeAll(async () => {
  t = await startTestApp();
  [admin, community1, branch1] = (await Promise.all(['admin', 'community1', 'branch1'].map((u) => t.login(u)))) as [Client, Client, Client];
  const b1 = await branchOf(t.db, 'branch1');
  compound1 = b1.compoundIds[0]!;
  community1Id = (await t.db.query<{ parent_id: number }>('SELECT parent_id FROM nodes WHERE id = $1', [compound1]))[0]!.parent_id;
  const [stairwell] = await t.db.query<{ id: number }>(
    "SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' ORDER BY id LIMIT 1",
    [compound1],
  );
  await created(await admin.post('/api/stewards', { personId: await person('导出管家'), compoundId: compound1, stairwellIds: [stairwell!.id], since: '2024-01-01' }));
  await created(await admin.post('/api/party-members', {
    personId: await person('导出党员'), status: 'full', joinedDate: '2001-07-01', branchId: b1.id, management: 'direct', nodeId: compound1,
  }));
  await created(await admin.post('/api/gig-workers', { personId: await person('导出骑手'), type: 'delivery_rider', platform: '美团' }));
  await created(await admin.post('/api/commissioners', { personId: await person('导出专员'), department: '民政局', communityId: community1Id }));
  await created(await admin.post('/api/red-shops', { name: '导出商铺', nodeId: compound1, keeperId: await person('导出店主'), services: ['理发'] }));
});
afterAll(async () => t.close());

describe.each(CASES)('GET $url', (c) => {
  it('exports the filtered list masked by default, with one audit row carrying no personal data', async () => {
    const rows = await sheet(await admin.get(`${c.url}?${c.filter()}`));
    expect(rows).toHaveLength(2);
    const [header, row] = rows as [string[], string[]];
    expect(row).toContain(c.name);
    const secret = secrets[CASES.indexOf(c)]!;
    expect([row[header.indexOf(c.phoneHeader)], row[header.indexOf(c.idHeader)]]).toEqual(masked(secret));
    // No full identifier of anyone anywhere in an unfiltered file either.
    const all = (await sheet(await admin.get(c.url))).flat().join('\n');
    for (const s of secrets) {
      expect(all).not.toContain(s.phone);
      expect(all).not.toContain(s.idNumber);
    }
    const audit = await lastAudit(c.action);
    expect(audit).toMatchObject({ result: 'success', actor_name: 'admin', details: { unmasked: false } });
    expect(audit.details.rowCount).toBeGreaterThanOrEqual(1);
  });

  it('unmasking needs people.unmask (403, audited as denied) and a reason; then the file carries plain values', async () => {
    const reason = encodeURIComponent('入户走访核对');
    expectError(await branch1.get(`${c.url}?${c.filter()}&unmask=true&reason=${reason}`), 403, 'FORBIDDEN');
    expect(await lastAudit(c.action)).toMatchObject({ result: 'denied', actor_name: 'branch1' });
    expectError(await community1.get(`${c.url}?${c.filter()}&unmask=true`), 400, 'VALIDATION_FAILED');
    expectError(await community1.get(`${c.url}?${c.filter()}&bogus=1`), 400, 'VALIDATION_FAILED');

    const [header, row] = (await sheet(await community1.get(`${c.url}?${c.filter()}&unmask=true&reason=${reason}`))) as [string[], string[]];
    const secret = secrets[CASES.indexOf(c)]!;
    expect([row[header.indexOf(c.phoneHeader)], row[header.indexOf(c.idHeader)]]).toEqual([secret.phone, secret.idNumber]);
    const audit = await lastAudit(c.action);
    expect(audit).toMatchObject({ result: 'success', actor_name: 'community1', details: { unmasked: true, reason: '入户走访核对', rowCount: 1 } });
    expect(JSON.stringify(audit.details)).not.toContain(secret.phone);
    expect(JSON.stringify(audit.details)).not.toContain(secret.idNumber);
  });
});

describe('registry export: the search text in the audit row', () => {
  it('masks a searched ID number or phone', async () => {
    const s = secrets[0]!;
    await sheet(await admin.get(`/api/stewards/export?q=${s.idNumber}`));
    const details = JSON.stringify((await lastAudit('steward.export')).details);
    expect(details).not.toContain(s.idNumber);
    expect(details).toContain(s.idNumber.slice(-4));
  });

  it('out-of-scope nodes answer 404', async () => {
    const other = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
    expect((await node(t.db, other)).id).toBe(other);
    expectError(await branch1.get(`/api/stewards/export?nodeId=${other}`), 404, 'NOT_FOUND');
  });
});

describe('registry export: the row cap', () => {
  it('refuses an export above the cap with a clear 400, and a narrower filter still exports', async () => {
    await t.db.query(
      `WITH p AS (INSERT INTO people (name, node_id) SELECT '上限' || g, $1 FROM generate_series(1, 50001) g RETURNING id)
       INSERT INTO gig_workers (person_id, type, node_id) SELECT id, 'courier', $1 FROM p`,
      [compound1],
    );
    const err = expectError(await admin.get(`/api/gig-workers/export?nodeId=${compound1}`), 400, 'VALIDATION_FAILED');
    expect(err.message).toContain('50000');
    expect((await admin.get(`/api/gig-workers/export?nodeId=${compound1}&q=${encodeURIComponent('导出骑手')}`)).statusCode).toBe(200);
  }, 60_000);
});
