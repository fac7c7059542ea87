import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { consolePage, launchBrowser, openConsole, sessionApi } from './browser.js';
import { expectAccessible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * The console's 三岗十八级 pages: the pay scheme grid, a community's demo pay sheets, the county
 * locking last month's reviewed sheet, and the promotions list with its rules.
 */
let server: RunningServer;
let browser: Browser;
let admin: Page;
let community: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  [admin, community] = await Promise.all([consolePage(browser, server.url, 'admin'), consolePage(browser, server.url, 'community1')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('三岗十八级 pay in the console', () => {
  it('the scheme page shows the 3×18 grid and allowances; the county may edit it as a new version', async () => {
    await openConsole(admin, server.url, '/workers/pay-scheme', '薪酬方案');
    await admin.getByRole('region', { name: '三岗十八级基本工资表' }).getByText('18 级').waitFor();
    await admin.getByText('平台默认值，待县级审定').waitFor();
    await admin.getByRole('button', { name: '编辑为新版本' }).waitFor();
    await expectAccessible(admin, '薪酬方案');
  });

  it('community1 lists its sheets and opens one with totals; the county locks last month’s reviewed sheet', async () => {
    await openConsole(community, server.url, '/workers/pay-sheets', '月度工资表');
    await expectAccessible(community, '月度工资表');
    const sheets = await sessionApi<{ data: { id: number; status: string; communityName: string; month: string }[] }>(community, server.url, 'GET', '/api/worker-pay/sheets?status=reviewed');
    const reviewed = sheets.data[0]!;
    expect(reviewed).toBeDefined();
    await openConsole(admin, server.url, `/workers/pay-sheets/${reviewed.id}`, `${reviewed.communityName} ${reviewed.month} 工资表`);
    await admin.getByText('合计').first().waitFor();
    await expectAccessible(admin, '工资表详情');
    await admin.getByRole('button', { name: /锁\s?定/ }).first().click();
    await admin.getByRole('dialog').getByRole('button', { name: /确\s?定|OK/ }).click();
    await admin.getByText('已锁定').first().waitFor();
    const after = await sessionApi<{ status: string }>(admin, server.url, 'GET', `/api/worker-pay/sheets/${reviewed.id}`);
    expect(after.status).toBe('locked');
  });

  it('the promotions page shows the rules and who is due', async () => {
    await openConsole(community, server.url, '/workers/promotions', '晋级管理');
    await community.getByText('现等级任职满 2 年').waitFor();
    await expectAccessible(community, '晋级管理');
  });
});
