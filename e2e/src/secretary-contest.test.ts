import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ContestDetailDto, ContestSummaryDto, JudgeCandidateListDto } from '@xj/contracts';
import { consolePage, launchBrowser, openConsole, sessionApi, signIn } from './browser.js';
import { expectAccessible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 擂台比武: a judge (admin) scores on a phone-sized viewport, a community secretary (community1)
 * takes the knowledge test on a phone, the county sees last month's results with the medals, creates
 * a month with the judge picker and opens the question bank.
 */
let server: RunningServer;
let browser: Browser;
let open: ContestSummaryDto;
let closed: ContestSummaryDto;
let admin: Page;

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
    admin = await consolePage(browser, server.url, 'admin');
    await openConsole(admin, server.url, `/secretary-contests/${closed.id}`, closed.title);
    for (const medal of ['金牌', '银牌', '铜牌']) await admin.getByRole('cell', { name: medal }).first().waitFor();
    await admin.getByText(/同分时依次比较/).waitFor();
    await expectAccessible(admin, '擂台比武结果');
    // The gold medallist's medal trend: the chart, with the table as its text alternative.
    await admin.getByRole('row').filter({ hasText: '金牌' }).first().getByRole('link').click();
    await admin.getByRole('img', { name: /历次擂台比武名次与总分走势图/ }).locator('canvas').waitFor();
    await admin.getByRole('cell', { name: '金牌' }).first().waitFor();
  });

  it('the county creates a month with the judge picker (a refusal shown), and the question bank renders', async () => {
    const judge = (await sessionApi<JudgeCandidateListDto>(admin, server.url, 'GET', '/api/secretary-contests/judge-candidates')).data[0]!;
    await openConsole(admin, server.url, '/secretary-contests', '擂台比武');
    await admin.getByRole('button', { name: '创建比武' }).click();
    const dialog = admin.getByRole('dialog', { name: '创建月度擂台比武' });
    const month = dialog.getByLabel('月份');
    await month.fill(open.month);
    await month.press('Enter');
    await dialog.getByLabel('现场述职').fill('50');
    await dialog.getByText('权重合计为 110%，应为 100%').waitFor();
    await dialog.getByLabel('现场述职').fill('40');
    await dialog.getByText('权重合计 100%').waitFor();
    await dialog.getByLabel('评委').click();
    await admin.keyboard.type(judge.name);
    await admin.locator('.ant-select-item-option').filter({ hasText: judge.name }).first().click();
    await dialog.getByText('创建月度擂台比武').click();
    const save = dialog.getByRole('button', { name: /保\s*存/ });
    await save.click();
    await dialog.getByRole('alert').getByText(`${open.month} 的擂台比武已经创建`).waitFor();
    await month.fill('2030-03');
    await month.press('Enter');
    await save.click();
    await admin.getByRole('heading', { level: 1, name: '2030年3月社区书记擂台比武' }).waitFor();
    await admin.getByText(judge.name).first().waitFor();

    await openConsole(admin, server.url, '/secretary-contests/questions', '擂台比武题库');
    await admin.getByText('难度 1 启用试题').waitFor();
    await admin.locator('.ant-table-row').first().waitFor();
    await expectAccessible(admin, '擂台比武题库');
  });
});
