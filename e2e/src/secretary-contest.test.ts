import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ContestDetailDto, ContestSummaryDto } from '@xj/contracts';
import { consolePage, launchBrowser, openConsole, sessionApi, signIn } from './browser.js';
import { expectAccessible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 擂台比武: a judge (admin) scores on a phone-sized viewport, a community secretary (community1)
 * takes the knowledge test on a phone, and the county sees last month's results with the medals.
 */
let server: RunningServer;
let browser: Browser;
let open: ContestSummaryDto;
let closed: ContestSummaryDto;

async function phone(username: string): Promise<Page> {
  const p = await (await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })).newPage();
  await signIn(p, server.url, username);
  return p;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('secretary contest', () => {
  it('a judge scores the on-site report on a 390×844 phone, once', async () => {
    const judge = await phone('admin');
    const list = await sessionApi<{ data: ContestSummaryDto[] }>(judge, server.url, 'GET', '/api/secretary-contests');
    open = list.data.find((c) => c.status === 'open')!;
    closed = list.data.find((c) => c.status === 'closed')!;
    expect(open.isJudge).toBe(true);
    const detail = await sessionApi<ContestDetailDto>(judge, server.url, 'GET', `/api/secretary-contests/${open.id}`);
    const name = detail.entries[0]!.worker.name;

    await openConsole(judge, server.url, `/secretary-contests/${open.id}/judge`, `评委评分 · ${open.title}`);
    await judge.getByLabel(`${name}的现场述职得分`).first().fill('92');
    await judge.getByRole('button', { name: `提交 ${name} 现场述职` }).first().click();
    await judge.getByText('现场述职：已评 92 分').first().waitFor();
    await expectAccessible(judge, '评委评分');
    const width = await judge.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('a secretary takes the knowledge test on a phone: countdown, answers, automatic score', async () => {
    const secretary = await phone('community1');
    await openConsole(secretary, server.url, `/secretary-contests/${open.id}/test`, '知识测试');
    await secretary.getByRole('button', { name: '开始答题' }).click();
    await secretary.getByRole('timer').getByText(/剩余时间 \d\d:\d\d/).waitFor();
    await secretary.getByText(/第 1 题/).waitFor();
    await expectAccessible(secretary, '知识测试');
    const first = secretary.locator('.ant-card').first();
    await first.locator('input').first().check();
    await secretary.getByRole('button', { name: '交 卷' }).or(secretary.getByRole('button', { name: '交卷' })).click();
    await secretary.getByText(/已交卷：答对 \d+ 题，得分/).waitFor();
  });

  it('the results page shows the medals of a closed contest', async () => {
    const admin = await consolePage(browser, server.url, 'admin');
    await openConsole(admin, server.url, `/secretary-contests/${closed.id}`, closed.title);
    for (const medal of ['金牌', '银牌', '铜牌']) await admin.getByRole('cell', { name: medal }).first().waitFor();
    await admin.getByText(/同分时依次比较/).waitFor();
    await expectAccessible(admin, '擂台比武结果');
  });
});
