import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, consolePage, launchBrowser, openConsole } from './browser.js';
import { expectAccessible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 红色驿站: on a phone (390×844) that shares its location, /m/stations lists the stations nearest
 * first with their distance, and the header's tabs still fit; in the console community1 reads its
 * stations with the figures and charts.
 */
let server: RunningServer;
let browser: Browser;

/** A point in the county town (near 文化广场). */
const HERE = { latitude: 36.9555, longitude: 116.0025 };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('red stations', () => {
  it('a phone that shares its location sees the nearest station first, with its distance', async () => {
    const context = await browser.newContext({
      bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN',
      geolocation: HERE, permissions: ['geolocation'],
    });
    const phone = await context.newPage();
    await phone.goto(`${server.url}/m/stations`);
    await phone.getByRole('heading', { level: 1, name: '红色驿站' }).waitFor();
    // The header's tabs fit the phone's width with the new 驿站 tab.
    const tab = phone.getByRole('navigation').getByRole('link', { name: '驿站' });
    expect(await tab.getAttribute('aria-current')).toBe('page');
    const box = (await tab.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Without a location: by community, no distances.
    await phone.getByTestId('station-card').first().waitFor();
    expect(await phone.getByTestId('station-distance').count()).toBe(0);

    await phone.getByRole('button', { name: '使用我的位置' }).click();
    await phone.getByText('已按距离由近到远排列').waitFor();
    await phone.getByTestId('station-distance').first().waitFor();
    const expected = (await (await fetch(`${server.url}/api/public/red-stations?lat=${HERE.latitude}&lng=${HERE.longitude}`)).json()) as {
      data: { name: string; distanceMetres: number }[];
    };
    const first = phone.getByTestId('station-card').first();
    expect(await first.getByRole('heading').textContent()).toBe(expected.data[0]!.name);
    expect(await first.getByTestId('station-distance').textContent()).toMatch(/^距离约 [\d.]+ (米|公里)$/);
    expect(await first.getByRole('link', { name: /在地图中打开/ }).getAttribute('href')).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=/);
    await expectAccessible(phone, '红色驿站（手机）');
    await phone.screenshot({ path: `${ARTIFACTS}red-stations-phone.png` });
    await context.close();
  });

  it('community1 reads its stations in the console, with figures and charts', async () => {
    const desk = await consolePage(browser, server.url, 'community1');
    await openConsole(desk, server.url, '/red-stations', '红色驿站');
    await desk.getByTestId('stations-stations').waitFor();
    await desk.getByRole('img', { name: /驿站场所类型分布/ }).waitFor();
    await desk.getByRole('img', { name: /近12个月每月到访人次/ }).waitFor();
    const rows = desk.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await expectAccessible(desk, '红色驿站');
    await desk.screenshot({ path: `${ARTIFACTS}red-stations-console.png`, fullPage: true });

    // A station's page: its visitors per month and its visits.
    const name = (await rows.first().getByRole('link').textContent())!;
    await rows.first().getByRole('link').click();
    await desk.getByRole('heading', { level: 1, name }).waitFor();
    await desk.getByRole('img', { name: /近12个月每月到访人次/ }).waitFor();
    await desk.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await desk.getByRole('button', { name: '登记到访' }).waitFor();

    await openConsole(desk, server.url, '/service-rooms', '公共服务用房');
    await desk.getByRole('img', { name: /用房用途分布/ }).waitFor();
    await desk.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await desk.context().close();
  });
});
