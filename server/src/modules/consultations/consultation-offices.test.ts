import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import type { ConsultationOfficeDto } from '@xj/contracts';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, expectError, userId } from '../../test/fixtures.js';

let t: TestApp;
let community1: Client;
let branch1: Client;
let branch2: Client;
let commissioner1: Client;
let community: number;
let compound1: number;
let community2: number;

beforeAll(async () => {
  t = await startTestApp();
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  commissioner1 = await t.login('commissioner1');
  community = await nodeId(t.db, '府前社区');
  community2 = await nodeId(t.db, '北关社区');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
});
afterAll(async () => t.close());

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return res.json() as T;
};
const URL = '/api/consultations/offices';

async function sheet(res: LightMyRequestResponse): Promise<string[][]> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
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

describe('consultation offices (商量办公室)', () => {
  it('a community secretary registers an office in their community; the contact phone is masked everywhere', async () => {
    const office = ok<ConsultationOfficeDto>(
      await community1.post(URL, {
        name: '府前社区商量办公室', nodeId: community, venue: '府前社区党群服务中心二楼', address: '府前街 8 号', openingHours: '周一至周五 9:00–17:00',
        contactName: '刘主任', contactPhone: '13800001234',
      }),
      201,
    );
    expect(office).toMatchObject({ name: '府前社区商量办公室', nodeId: community, nodeName: '府前社区', venue: '府前社区党群服务中心二楼', contactPhone: '138****1234', active: true });
    expect(ok<ConsultationOfficeDto>(await commissioner1.get(`${URL}/${office.id}`)).contactPhone).toBe('138****1234');
    const [audit] = await t.db.query<{ actor_user_id: number; node_id: number; details: Record<string, unknown> }>(
      "SELECT actor_user_id, node_id, details FROM audit_log WHERE action = 'consultationOffice.create' AND target_id = $1",
      [String(office.id)],
    );
    expect(audit).toMatchObject({ actor_user_id: await userId(t.db, 'community1'), node_id: community });
    expect(JSON.stringify(audit!.details)).not.toContain('13800001234');

    // At a compound too; the same name twice at one place is refused.
    ok(await community1.post(URL, { name: '红色驿站商量点', nodeId: compound1, venue: '小区红色驿站' }), 201);
    const dup = expectError(await community1.post(URL, { name: '红色驿站商量点', nodeId: compound1 }), 409, 'DUPLICATE');
    expect(dup.message).toMatch(/红色驿站商量点/);
    const building = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE parent_id = $1 AND kind = 'building' LIMIT 1", [compound1]))[0]!.id;
    expectError(await community1.post(URL, { name: '楼栋办公室', nodeId: building }), 400, 'TREE_SHAPE');
    expectError(await community1.post(URL, { name: '坏电话', nodeId: community, contactPhone: '12345' }), 400, 'VALIDATION_FAILED');
  });

  it('within scope only: another community is 404, a branch or commissioner (read only) cannot write', async () => {
    expectError(await community1.post(URL, { name: '越界办公室', nodeId: community2 }), 404, 'NOT_FOUND');
    expectError(await branch1.post(URL, { name: '支部办公室', nodeId: compound1 }), 403, 'FORBIDDEN');
    expectError(await commissioner1.post(URL, { name: '专员办公室', nodeId: community }), 403, 'FORBIDDEN');
    const mine = ok<{ data: ConsultationOfficeDto[] }>(await community1.get(`${URL}?q=${encodeURIComponent('府前社区商量')}`)).data[0]!;
    expectError(await branch2.get(`${URL}/${mine.id}`), 404, 'NOT_FOUND');
    expect(ok<{ data: ConsultationOfficeDto[] }>(await branch2.get(URL)).data.map((o) => o.id)).not.toContain(mine.id);
    // The branch of a compound sees its compound's office, not the community's.
    const branchView = ok<{ data: ConsultationOfficeDto[] }>(await branch1.get(URL)).data;
    expect(branchView.map((o) => o.name)).toEqual(['红色驿站商量点']);
  });

  it('updates and deactivates (audited), filters and exports with the phone masked', async () => {
    const office = ok<{ data: ConsultationOfficeDto[] }>(await community1.get(`${URL}?q=${encodeURIComponent('府前社区商量')}`)).data[0]!;
    const updated = ok<ConsultationOfficeDto>(await community1.patch(`${URL}/${office.id}`, { openingHours: '每天 8:30–18:00', contactPhone: null, active: false }));
    expect(updated).toMatchObject({ openingHours: '每天 8:30–18:00', contactPhone: null, active: false, venue: '府前社区党群服务中心二楼' });
    expectError(await community1.patch(`${URL}/${office.id}`, {}), 400, 'VALIDATION_FAILED');
    expectError(await community1.patch(`${URL}/${office.id}`, { nodeId: community2 }), 404, 'NOT_FOUND');
    const changes = await t.db.query<{ details: { changed: string[] } }>("SELECT details FROM audit_log WHERE action = 'consultationOffice.update' AND target_id = $1", [String(office.id)]);
    expect(changes.map((c) => c.details.changed.sort())).toEqual([['active', 'contactPhone', 'openingHours']]);

    expect(ok<{ data: ConsultationOfficeDto[] }>(await community1.get(`${URL}?active=false`)).data.map((o) => o.id)).toEqual([office.id]);
    expect(ok<{ data: ConsultationOfficeDto[] }>(await community1.get(`${URL}?active=true&nodeId=${compound1}`)).data.map((o) => o.name)).toEqual(['红色驿站商量点']);

    ok(await community1.patch(`${URL}/${office.id}`, { contactPhone: '13800005678', active: true }));
    const [header, ...rows] = await sheet(await commissioner1.get(`${URL}/export?q=${encodeURIComponent('府前社区商量')}`));
    expect(header).toContain('联系电话');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('138****5678');
    expect(rows[0]!.join('|')).not.toContain('13800005678');
    expectError(await community1.get(`${URL}/export?unmask=true&reason=${encodeURIComponent('核对')}`), 400, 'VALIDATION_FAILED');
    const [exported] = await t.db.query<{ details: { rowCount: number } }>("SELECT details FROM audit_log WHERE action = 'consultationOffice.export' ORDER BY id DESC LIMIT 1");
    expect(exported!.details.rowCount).toBe(1);
  });
});
