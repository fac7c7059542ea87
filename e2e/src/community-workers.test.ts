import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, consolePage, openConsole } from './browser.js';
import { expectAccessible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 社区工作者 in the console: community1 lists its workers with the 三岗十八级 chart, filters by
 * post, opens a worker and changes the grade with a reason; the history shows the change.
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

describe('社区工作者 in the console', () => {
  it('lists, filters, opens a worker and changes the grade with a reason', async () => {
    await openConsole(community, server.url, '/workers', '社区工作者');
    await community.getByRole('img', { name: /在岗社区工作者按岗位和等级分布/ }).waitFor();
    await community.getByRole('link', { name: /^查看 .+ 的详情$/ }).first().waitFor();
    await expectAccessible(community, '社区工作者');

    await community.getByRole('combobox', { name: '岗位' }).click();
    await community.getByRole('option', { name: '社区专职工作者岗' }).click();
    await community.getByText(/共 \d+ 条/).waitFor();
    const links = community.getByRole('link', { name: /^查看 .+ 的详情$/ });
    await expect.poll(async () => (await community.getByRole('cell', { name: '正职岗' }).count())).toBe(0);
    const name = ((await links.first().textContent()) ?? '').trim();
    await links.first().click();
    await community.getByRole('heading', { level: 1, name: new RegExp(`^${name} · 社区专职工作者岗`) }).waitFor();
    await community.getByRole('heading', { name: '岗位等级变动记录' }).waitFor();
    await expectAccessible(community, name);

    const before = Number(/(\d+)级$/.exec((await community.getByRole('heading', { level: 1 }).textContent()) ?? '')![1]);
    await community.getByRole('button', { name: /调整岗位\/等级/ }).click();
    const dialog = community.getByRole('dialog');
    await dialog.getByLabel('调整后等级').fill(String(before + 1));
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.getByText('请填写原因').waitFor();
    await expectAccessible(community, '调整岗位/等级');
    await dialog.getByLabel('原因').fill('年度考核优秀，晋升一级');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await community.getByRole('heading', { level: 1, name: new RegExp(`${before + 1}级$`) }).waitFor();
    await community.getByText('年度考核优秀，晋升一级').waitFor();
    await community.getByText(`${before}级 → ${before + 1}级`).first().waitFor();
  });
});
