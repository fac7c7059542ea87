import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn } from './browser.js';
import { startServer, type RunningServer } from './server.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
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

/** Serious and critical axe-core violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('accessibility (axe-core): no serious or critical violations', () => {
  it('sign-in page', async () => {
    // The app's CSP forbids inline scripts; axe is injected as one, so this context bypasses CSP.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${server.url}/admin/login`);
    await page.getByLabel(/用户名/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const [user, path, ready] of [
    ['admin', '/admin/cockpit', 'canvas'],
    ['admin', '/admin/tree', '[data-testid="node-tree"] [data-kind="community"]'],
    ['admin', '/admin/users', 'tr.ant-table-row'],
    ['admin', '/admin/account', 'form'],
    ['admin', '/admin/ticket-settings', 'tr.ant-table-row'],
    ['auditor', '/admin/audit', 'tr.ant-table-row'],
  ] as const) {
    it(`${path} as ${user}`, async () => {
      const page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(page, server.url, user);
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
