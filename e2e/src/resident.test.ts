import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn } from './browser.js';
import { seriousViolations } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';
import { apiGet, confirmAndClose, handleAsOwner } from './ticket-steps.js';

/** A 1×1 PNG, as a phone camera would hand over a (much larger) JPEG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let server: RunningServer;
let browser: Browser;
let page: Page;
/** What the resident keeps after reporting: the code and the tracking link. */
let reported: { code: string; link: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // axe is injected as a script, so this context bypasses the app's CSP.
  const context = await browser.newContext({
    bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN',
    geolocation: { latitude: 36.948512, longitude: 116.002431 }, permissions: ['geolocation'],
  });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Picks the first real option of a select once the options have loaded. */
async function chooseFirst(label: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await expect.poll(async () => select.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
  const value = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(value!);
}

describe('residents on their phones', () => {
  it('report a problem with a photo on /m/report and see it assigned on /m/track', async () => {
    await page.goto(`${server.url}/m/report`);
    await page.getByRole('heading', { name: '反映问题' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing scrolls sideways at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await chooseFirst('问题类别');
    for (const level of ['社区', '小区', '楼栋', '楼道']) await chooseFirst(level);
    await page.getByLabel('问题描述').fill('3号楼2单元楼道灯不亮，晚上上下楼看不见');
    // The phone's position, shown with both coordinates (a longitude passed to i18next as `lng` would be taken for a language).
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.getByText('已获取位置（36.948512, 116.002431）').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('img', { name: '照片 1' }).waitFor();
    await page.getByLabel('您的姓名').fill('李居民');
    await page.getByLabel('手机号').fill('13812345678');
    await page.getByRole('button', { name: '提交' }).click();

    await page.getByRole('heading', { name: '提交成功' }).waitFor({ timeout: 15_000 });
    const code = (await page.getByTestId('ticket-code').textContent())!.trim();
    expect(code).toMatch(/^XJ\d{8}-\d{4,6}$/);
    expect(await page.getByRole('alert').count()).toBe(0); // the photo went up too
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '查看办理进度' }).click();
    await page.waitForURL((u) => u.pathname === '/m/track');
    const status = page.locator('.m-status');
    await status.waitFor({ timeout: 10_000 });
    expect(await status.textContent()).toBe('已派单');
    await page.getByText('已上传照片 1 张').waitFor();
    expect(await page.locator('.m-timeline li').count()).toBe(2);
    expect(await page.content()).not.toContain('13812345678');
    expect(await seriousViolations(page)).toEqual([]);

    // The tracking link opens on its own (the key rides in the fragment), a wrong key does not.
    const link = page.url();
    reported = { code, link };
    expect(new URL(link).hash).toMatch(/^#key=/);
    await page.goto('about:blank');
    await page.goto(link);
    await page.locator('.m-status').waitFor();
    await page.getByLabel('查询码').fill('wrong-key-wrong-key-123');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('工单编号或查询码不正确').waitFor();
  });

  it('sees it closed on /m/track after commissioner1 handles it and community1 confirms it', async () => {
    const staff = async (username: string) => {
      const p = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
      await signIn(p, server.url, username);
      return p;
    };
    const [commissioner, secretary] = [await staff('commissioner1'), await staff('community1')];
    const found = await apiGet<{ data: { id: number; code: string; owner: { name: string; userId: number | null } | null }[] }>(
      commissioner, server.url, `/api/tickets?q=${encodeURIComponent(reported.code)}`,
    );
    const ticket = found.data.find((x) => x.code === reported.code);
    const me = await apiGet<{ user: { id: number } }>(commissioner, server.url, '/api/auth/me');
    expect(ticket?.owner?.userId, 'first asked owns it: the community commissioner').toBe(me.user.id);

    await commissioner.goto(`${server.url}/admin/tickets/${ticket!.id}`);
    await commissioner.getByRole('heading', { level: 1, name: reported.code }).waitFor();
    await handleAsOwner(commissioner, '已更换楼道灯，居民确认已亮');
    await secretary.goto(`${server.url}/admin/tickets/${ticket!.id}`);
    await secretary.getByRole('heading', { level: 1, name: reported.code }).waitFor();
    await confirmAndClose(secretary, '回访居民，灯已修好');

    await page.goto('about:blank');
    await page.goto(reported.link);
    const status = page.locator('.m-status');
    await expect.poll(async () => status.textContent(), { timeout: 10_000 }).toBe('已关闭');
    await page.getByText('已更换楼道灯，居民确认已亮').waitFor();
    // Residents see the result, not who the staff are.
    expect(await page.content()).not.toContain(ticket!.owner!.name);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
