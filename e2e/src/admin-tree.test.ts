import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, launchBrowser, signIn } from './browser.js';
import { startServer, type RunningServer } from './server.js';

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

it('admin signs in, opens the tree and sees the 18 communities', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(page, server.url, 'admin');

  await page.goto(`${server.url}/admin/tree`);
  const communities = page.locator('[data-testid="node-tree"] [data-kind="community"]');
  await expect.poll(() => communities.count(), { timeout: 30_000 }).toBe(18);
  await page.screenshot({ path: `${ARTIFACTS}admin-tree.png`, fullPage: true });
});
