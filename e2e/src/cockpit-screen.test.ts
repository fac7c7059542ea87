import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CockpitSummaryDto } from '@xj/contracts';
import { ARTIFACTS, launchBrowser, sessionApi, signIn } from './browser.js';
import { expectAccessible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/** 智慧大脑 large screen at 1920×1080: charts drawn, a screenshot saved, drill-down from the county to a community. */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** How many of the page's canvases have any painted pixel. */
const paintedCanvases = (p: Page) =>
  p.evaluate(() =>
    Array.from(document.querySelectorAll('canvas')).filter((c) => {
      if (!c.width || !c.height) return false;
      const px = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      if (!px) return false;
      for (let i = 3; i < px.length; i += 4 * 7) if (px[i] !== 0) return true;
      return false;
    }).length,
  );

const headline = (p: Page, label: string) =>
  p.getByTestId('screen-headline').locator('.screen-kpi').filter({ has: p.getByText(label, { exact: true }) }).locator('.screen-kpi-value').innerText();

describe('cockpit large screen', () => {
  it('admin: the 1920×1080 screen draws its charts and drills down from the county to a community', async () => {
    const page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })).newPage();
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/admin/cockpit/screen`);
    await page.getByRole('heading', { level: 1, name: '智慧大脑' }).waitFor();
    const breadcrumb = page.getByTestId('screen-breadcrumb');
    await breadcrumb.getByText('夏津县').waitFor();
    await page.getByTestId('screen-computed-at').getByText(/数据统计于 .+ · \d+ 秒后自动刷新/).waitFor();
    await expect.poll(() => paintedCanvases(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(6);
    await page.screenshot({ path: `${ARTIFACTS}cockpit-screen.png` });
    await expectAccessible(page, '智慧大脑大屏');

    const county = await sessionApi<CockpitSummaryDto>(page, server.url, 'GET', '/api/cockpit/summary');
    const subdistrict = county.children[0]!;
    const sub = await sessionApi<CockpitSummaryDto>(page, server.url, 'GET', `/api/cockpit/summary?nodeId=${subdistrict.id}`);
    const community = sub.children[0]!;
    expect(await headline(page, '社区')).toBe(String(county.counts.communities));

    await page.getByTestId('screen-children').getByRole('button', { name: subdistrict.name }).click();
    await breadcrumb.getByText(subdistrict.name).waitFor();
    await page.getByTestId('screen-children').getByRole('button', { name: community.name }).click();
    await breadcrumb.locator('[aria-current="page"]', { hasText: community.name }).waitFor();
    expect(new URL(page.url()).searchParams.get('nodeId')).toBe(String(community.id));
    await expect.poll(() => headline(page, '社区')).toBe('1');
    expect(await headline(page, '小区')).toBe(String(community.compounds));
    expect(await paintedCanvases(page)).toBeGreaterThanOrEqual(6);

    // Up again through the breadcrumb.
    await breadcrumb.getByRole('link', { name: '夏津县' }).click();
    await expect.poll(() => headline(page, '社区')).toBe(String(county.counts.communities));
  });
});
