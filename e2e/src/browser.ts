import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // Every page asks for reduced motion, so the console runs without antd's animations: on a
  // loaded machine a click that lands mid-animation (a dialog zooming in, a dropdown sliding
  // open) could be lost. The console honours the preference for people who set it, too.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

/** Signs in through the console's sign-in page with a demo account. */
export async function signIn(page: Page, baseUrl: string, username: string, password = 'Xiajin@2026'): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByLabel(/用户名/).fill(username);
  await page.getByLabel(/密码/).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

/** A call to the platform's API with a signed-in page's session (and its CSRF token on writes); fails the test on a non-2xx answer. */
export async function sessionApi<T>(page: Page, baseUrl: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown): Promise<T> {
  const csrf = method === 'GET' ? '' : ((await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
  const res = await page.request.fetch(`${baseUrl}${path}`, { method, data, headers: { 'x-csrf-token': csrf } });
  expect(res.ok(), `${method} ${path} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** A desktop console page (1440×900, zh-CN) signed in with a demo account; it bypasses the app's CSP so axe can be injected. */
export async function consolePage(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const p = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
  await signIn(p, baseUrl, username);
  return p;
}

/** Opens a console path and waits for the page's heading. */
export async function openConsole(p: Page, baseUrl: string, path: string, heading: string): Promise<void> {
  await p.goto(`${baseUrl}/admin${path}`);
  await p.getByRole('heading', { level: 1, name: heading }).waitFor();
}
