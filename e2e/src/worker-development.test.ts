import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, consolePage, openConsole } from './browser.js';
import { expectAccessible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 绩效考核 and 教育培训 in the console: community1 scores a worker in the demo's open half-year
 * round and sees the live total and level; the training page shows the shortfall list against
 * the default 40 hours.
 */
let server: RunningServer;
let browser: Browser;
let community: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  community = await consolePage(browser, server.url, 'community1');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('绩效考核与培训 in the console', () => {
  it('community1 scores a worker in the open round with a live total and level', async () => {
    await openConsole(community, server.url, '/workers/assessments', '绩效考核');
    const link = community.getByRole('link', { name: /半年考核/ }).first();
    await link.waitFor();
    await expectAccessible(community, '绩效考核');
    const name = (await link.textContent())!;
    await link.click();
    await community.getByRole('heading', { level: 1, name }).waitFor();
    await expectAccessible(community, name);

    await community.getByRole('button', { name: /^评分 / }).first().click();
    const dialog = community.getByRole('dialog');
    await dialog.getByText(/^为.+评分（/).waitFor();
    for (const label of ['政治素质', '业务能力', '工作作风', '工作实绩', '廉洁自律']) await dialog.getByLabel(new RegExp(`^${label}`)).fill('90');
    await dialog.getByText('90.00').waitFor();
    await dialog.getByRole('status').getByText('优秀').waitFor();
    await dialog.getByLabel(/^工作实绩/).fill('80');
    await dialog.getByText('86.50').waitFor();
    await dialog.getByRole('status').getByText('称职').waitFor();
    await expectAccessible(community, '评分');
    await dialog.getByRole('button', { name: /^(评\s?分|修改评分)$/ }).click();
    await community.getByText(/^已保存.+的评分$/).waitFor();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('the training page lists courses and the workers short of the default hours', async () => {
    await openConsole(community, server.url, '/workers/training', '教育培训');
    await community.getByRole('cell', { name: '新时代党建引领基层治理专题培训', exact: true }).waitFor();
    await expectAccessible(community, '教育培训');
    await community.getByRole('tab', { name: '学时不足名单' }).click();
    await community.getByText('每年应修 40 学时').waitFor();
    await community.getByText('默认值').waitFor();
    expect(await community.getByRole('button', { name: '设置应修学时' }).count()).toBe(0);
    await expectAccessible(community, '学时不足名单');
  });
});
