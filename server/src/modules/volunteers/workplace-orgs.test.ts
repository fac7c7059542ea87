import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, type WorkplaceOrgDto } from '@xj/contracts';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, expectError } from '../../test/fixtures.js';
import { ok } from '../../test/cloud-consultation.js';

let t: TestApp;
let community1: Client;
let branch1: Client;
let branch2: Client;
let commissioner1: Client;
let community: number;

const W = '/api/volunteers/workplace-orgs';
const creditCode = `91371427MA0000077${creditCodeCheckChar('91371427MA0000077')}`;
const audits = (action: string, targetId: number) =>
  count(t.db, 'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND target_id = $2', [action, String(targetId)]);

beforeAll(async () => {
  t = await startTestApp();
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  commissioner1 = await t.login('commissioner1');
  community = await nodeId(t.db, '府前社区');
});
afterAll(async () => t.close());

describe('workplace organisations registering at a community', () => {
  it('the community registers one: contact phone masked in every response, audited, unique by name in the community', async () => {
    const body = { communityId: community, name: '夏津县税务局', creditCode: ` ${creditCode.toLowerCase()} `, partyOrgType: 'branch', partyOrgName: '夏津县税务局机关党支部', contactName: '王主任', contactPhone: '13923334444' };
    const res = await community1.post(W, body);
    const org = ok<WorkplaceOrgDto>(res, 201);
    expect(org).toMatchObject({ communityId: community, communityName: '府前社区', creditCode, status: 'active', contactPhone: '139****4444', registeredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(res.body).not.toContain('13923334444');
    expect(await audits('workplaceOrg.create', org.id)).toBe(1);
    expectError(await community1.post(W, body), 409, 'DUPLICATE');

    const list = await branch1.get(`${W}?q=税务`);
    expect(ok<{ data: WorkplaceOrgDto[] }>(list).data.map((o) => o.id)).toEqual([org.id]);
    expect(list.body).not.toContain('13923334444');
    expect(ok<WorkplaceOrgDto>(await commissioner1.get(`${W}/${org.id}`)).contactPhone).toBe('139****4444');

    const patched = ok<WorkplaceOrgDto>(await community1.patch(`${W}/${org.id}`, { status: 'withdrawn', contactPhone: '13923335555' }));
    expect(patched).toMatchObject({ status: 'withdrawn', contactPhone: '139****5555' });
    expect(await audits('workplaceOrg.update', org.id)).toBe(1);
    expect(ok<{ data: WorkplaceOrgDto[] }>(await branch1.get(`${W}?status=active&q=税务`)).data).toEqual([]);
  });

  it('checks the party organisation and the credit code', async () => {
    expectError(await community1.post(W, { communityId: community, name: '某单位', partyOrgType: 'branch' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(W, { communityId: community, name: '某单位', partyOrgType: 'none', partyOrgName: '某党支部' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(W, { communityId: community, name: '某单位', partyOrgType: 'none', creditCode: '91371427MA00000770' }), 400, 'VALIDATION_FAILED');
    const compound = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
    expectError(await community1.post(W, { communityId: compound, name: '某单位', partyOrgType: 'none' }), 400, 'TREE_SHAPE');
    const none = ok<WorkplaceOrgDto>(await community1.post(W, { communityId: community, name: '夏津县某商贸公司', partyOrgType: 'none' }), 201);
    expect(none).toMatchObject({ creditCode: null, partyOrgName: null, contactPhone: null });
  });

  it('is scoped: a branch reads its community\'s list but keeps none; another community sees nothing; a commissioner may not write', async () => {
    const org = ok<WorkplaceOrgDto>(await community1.post(W, { communityId: community, name: '夏津县住建局', partyOrgType: 'party_committee', partyOrgName: '夏津县住建局党委' }), 201);
    expectError(await branch1.post(W, { communityId: community, name: '夏津县水务局', partyOrgType: 'none' }), 404, 'NOT_FOUND');
    expectError(await branch1.patch(`${W}/${org.id}`, { name: '改名' }), 404, 'NOT_FOUND');
    expectError(await commissioner1.post(W, { communityId: community, name: '夏津县水务局', partyOrgType: 'none' }), 403, 'FORBIDDEN');
    expectError(await branch2.get(`${W}/${org.id}`), 404, 'NOT_FOUND');
    expectError(await branch2.patch(`${W}/${org.id}`, { name: '改名' }), 404, 'NOT_FOUND');
    expect(ok<{ data: WorkplaceOrgDto[] }>(await branch2.get(`${W}?pageSize=200`)).data.map((o) => o.id)).not.toContain(org.id);
    expectError(await branch2.get(`${W}?nodeId=${community}`), 404, 'NOT_FOUND');
    expect(ok<{ data: WorkplaceOrgDto[] }>(await branch1.get(`${W}?nodeId=${(await branchOf(t.db, 'branch1')).compoundIds[0]!}&pageSize=200`)).data.map((o) => o.id)).toContain(org.id);
  });
});
