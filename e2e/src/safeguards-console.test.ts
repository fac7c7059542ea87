import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DisbursementDto, InnovationCaseDetailDto } from '@xj/contracts';
import { consolePage, launchBrowser, openConsole, sessionApi } from './browser.js';
import { expectAccessible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 保障与创新 in the console: the county approves one pending disbursement and rejects another
 * with a reason, then reads budget against actual; a community submits an innovation case and
 * the county publishes it into the searchable case library.
 */
let server: RunningServer;
let browser: Browser;
let admin: Page;
let community: Page;

const TITLE = '楼道议事角让小事不出楼';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  [admin, community] = await Promise.all([consolePage(browser, server.url, 'admin'), consolePage(browser, server.url, 'community1')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const open = (p: Page, path: string, heading: string) => openConsole(p, server.url, path, heading);

describe('经费保障', () => {
  it('the county approves a pending disbursement, rejects another with a reason, and budget against actual shows the money', async () => {
    const pending = (await sessionApi<{ data: DisbursementDto[] }>(admin, server.url, 'GET', '/api/funding/disbursements?status=pending&pageSize=50')).data;
    expect(pending.length).toBeGreaterThanOrEqual(2);
    const [toApprove, toReject] = pending as [DisbursementDto, DisbursementDto];

    await open(admin, '/funding/disbursements', '经费拨付');
    await admin.getByRole('combobox', { name: '状态' }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: '待审批' }).click();
    const approve = admin.getByRole('button', { name: `批准${toApprove.payee}${toApprove.month}的拨付` });
    await approve.click();
    await admin.locator('.ant-message').getByText('已批准').waitFor();
    await approve.waitFor({ state: 'detached' });
    // The next row's link buttons now sit under the pointer; axe judges the resting colours.
    await admin.mouse.move(0, 0);
    await expectAccessible(admin, '经费拨付');

    await admin.getByRole('button', { name: `驳回${toReject.payee}${toReject.month}的拨付` }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('textbox').fill('用途说明不清，请补充活动方案');
    await dialog.getByRole('button', { name: /驳\s*回/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const after = (await sessionApi<{ data: DisbursementDto[] }>(admin, server.url, 'GET', '/api/funding/disbursements?status=pending&pageSize=50')).data;
    expect(after.map((d) => d.id)).not.toContain(toApprove.id);
    expect(after.map((d) => d.id)).not.toContain(toReject.id);

    await open(admin, '/funding/report', '预算执行');
    await admin.locator('canvas').first().waitFor();
    await expectAccessible(admin, '预算执行');
    await open(admin, '/funding/budgets', '经费预算');
    await admin.getByRole('row').nth(1).waitFor();
    await expectAccessible(admin, '经费预算');
  });
});

describe('创新创效', () => {
  it('community1 submits a case; the county publishes it and it is found in the library', async () => {
    const tree = await sessionApi<{ nodes: { id: number; kind: string }[] }>(community, server.url, 'GET', '/api/nodes/tree');
    const communityNode = tree.nodes.find((n) => n.kind === 'community')!;
    const draft = await sessionApi<InnovationCaseDetailDto>(community, server.url, 'POST', '/api/innovation', {
      nodeId: communityNode.id,
      unitName: '社区党委',
      title: TITLE,
      problem: '楼道里的小矛盾常常拖成大问题。',
      method: '每个楼道设议事角，红色管家每周收集一次意见，当场能办的当场办。',
      results: '半年来楼道纠纷明显减少。',
      figures: [{ label: '楼道议事角', value: 36, unit: '个' }],
      tags: ['红色管家', '议事'],
    });
    await sessionApi(community, server.url, 'POST', `/api/innovation/${draft.id}/submit`, {});

    await open(community, '/innovation/submissions', '创新成果申报');
    await community.getByText(TITLE).waitFor();
    await expectAccessible(community, '创新成果申报');

    await open(admin, `/innovation/${draft.id}`, TITLE);
    await admin.getByRole('button', { name: '审核通过并发布' }).click();
    await admin.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    await admin.getByText('案例已发布').waitFor();
    await expectAccessible(admin, '创新案例');

    await open(admin, '/innovation', '创新案例库');
    await admin.getByLabel('搜索案例').fill('议事角');
    await admin.keyboard.press('Enter');
    await admin.getByText(TITLE).first().waitFor();
    await expectAccessible(admin, '创新案例库');
  });
});
