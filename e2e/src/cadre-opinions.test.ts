import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, sessionApi, consolePage, openConsole } from './browser.js';
import { expectAccessible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 干部征求意见 in the console: the county organisation department (admin) asks about a cadre who
 * lives in branch1's compound through the form, branch1 reads the evidence and answers, admin
 * reads the answer, branch2 cannot open it, and the statistics page draws its charts.
 */
let server: RunningServer;
let browser: Browser;
let admin: Page;
let branch1: Page;
let branch2: Page;

const CADRE = '甘雨桐';
const CADRE_PHONE = '13955530412';
const HOMELESS = '甘雨松';
const POST = '县财政局预算股股长';
const ANSWER = '经支部委员会研究，该同志按时到小区报到，邻里评价良好，但参加志愿服务偏少。';
const WITHDRAW_REASON = '该同志已调离本县，不再需要征求意见';
let requestId = 0;

const desk = (username: string) => consolePage(browser, server.url, username);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  [admin, branch1, branch2] = await Promise.all([desk('admin'), desk('branch1'), desk('branch2')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const open = (p: Page, path: string, heading: string) => openConsole(p, server.url, path, heading);

/** Chooses a person in the form's person picker by typing the name. */
async function pickPerson(p: Page, name: string, phoneTail: string): Promise<void> {
  const picker = p.getByRole('dialog').getByLabel('干部');
  await picker.click();
  await picker.fill(name);
  await p.locator('.ant-select-item-option').filter({ hasText: name }).filter({ hasText: phoneTail }).click();
}

describe('干部征求意见 in the console', () => {
  it('admin asks through the form: a cadre outside any compound is refused with the server\'s reason, one in branch1\'s compound is routed there', async () => {
    const tree = await sessionApi<{ nodes: { id: number; kind: string }[] }>(branch1, server.url, 'GET', '/api/nodes/tree');
    const compound = tree.nodes.find((n) => n.kind === 'compound')!;
    const county = await sessionApi<{ nodes: { id: number; kind: string }[] }>(admin, server.url, 'GET', '/api/nodes/tree');
    const community = county.nodes.find((n) => n.kind === 'community')!;
    await sessionApi(admin, server.url, 'POST', '/api/people', { name: CADRE, phone: CADRE_PHONE, nodeId: compound.id });
    await sessionApi(admin, server.url, 'POST', '/api/people', { name: HOMELESS, phone: '13955530413', nodeId: community.id });

    await open(admin, '/cadre-opinions', '干部征求意见');
    await admin.locator('.ant-table-row').first().waitFor();
    await expectAccessible(admin, '干部征求意见');
    await admin.getByRole('button', { name: '发起征求意见' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('发起干部征求意见').waitFor();

    await pickPerson(admin, HOMELESS, '0413');
    await dialog.getByLabel('拟任职务').fill(POST);
    await dialog.getByRole('button', { name: '发起征求意见' }).click();
    await dialog.getByRole('alert').getByText(/不在任何小区内/).waitFor();
    await expectAccessible(admin, '发起干部征求意见');

    await pickPerson(admin, CADRE, '0412');
    await dialog.getByRole('button', { name: '发起征求意见' }).click();
    await admin.getByRole('heading', { level: 1, name: `征求意见：${CADRE}` }).waitFor();
    requestId = Number(new URL(admin.url()).pathname.split('/').pop());
    expect(requestId).toBeGreaterThan(0);
    await admin.getByText('每次查看均留痕', { exact: false }).waitFor();
    await admin.getByTestId('cadre-opinion-evidence').getByText('志愿服务').waitFor();
  });

  it('branch1 finds it among the requests to answer, reads the evidence and answers (the 10-character minimum is checked)', async () => {
    await open(branch1, '/cadre-opinions', '征求意见答复');
    const row = branch1.getByRole('row').filter({ hasText: CADRE });
    await row.getByText('139****0412').waitFor();
    await row.getByText('待答复').waitFor();
    await row.getByText(POST).waitFor();
    await expectAccessible(branch1, '征求意见答复');
    await row.getByRole('link', { name: `查看 ${CADRE} 的征求意见` }).click();

    await branch1.getByRole('heading', { level: 1, name: `征求意见：${CADRE}` }).waitFor();
    const evidence = branch1.getByTestId('cadre-opinion-evidence');
    for (const field of ['双报到', '志愿服务', '积分', '议事协商参与', '小区任职', '党员关系']) await evidence.getByText(field, { exact: true }).waitFor();
    await evidence.getByText(/^材料生成时间：/).waitFor();
    await expectAccessible(branch1, '征求意见详情（支部）');

    await branch1.getByLabel('基本同意（有保留意见）').check();
    await branch1.getByLabel('具体意见').fill('同意。');
    await branch1.getByRole('button', { name: '提交答复' }).click();
    await branch1.getByText('具体意见至少 10 个字').waitFor();
    await branch1.getByLabel('具体意见').fill(ANSWER);
    await branch1.getByRole('button', { name: '提交答复' }).click();
    await branch1.getByText('已提交答复').waitFor();
    await branch1.getByTestId('cadre-opinion-answer').getByText(ANSWER).waitFor();
    await branch1.getByRole('button', { name: '提交答复' }).waitFor({ state: 'detached' });
  });

  it('admin reads the answer, who gave it and when', async () => {
    await open(admin, `/cadre-opinions/${requestId}`, `征求意见：${CADRE}`);
    const answer = admin.getByTestId('cadre-opinion-answer');
    await answer.getByText(ANSWER).waitFor();
    await answer.getByText('基本同意（有保留意见）').waitFor();
    await admin.getByText('已答复', { exact: true }).first().waitFor();
    await admin.getByRole('button', { name: /催\s?办/ }).waitFor({ state: 'detached' });
    await expectAccessible(admin, '征求意见详情（组织部）');
    await admin.screenshot({ path: `${ARTIFACTS}cadre-opinion-detail.png`, fullPage: true });
  });

  it('branch2 opening the request gets the not-found state', async () => {
    await branch2.goto(`${server.url}/admin/cadre-opinions/${requestId}`);
    await branch2.getByTestId('cadre-opinion-missing').getByText('征求意见不存在或无权访问').waitFor();
    await branch2.getByText(CADRE).waitFor({ state: 'detached' });
  });

  it('admin refreshes the evidence of a seeded pending request, chases it and withdraws it with a reason', async () => {
    const pending = await sessionApi<{ data: { id: number; person: { name: string } }[] }>(admin, server.url, 'GET', '/api/cadre-opinions?status=pending');
    const other = pending.data.find((r) => r.id !== requestId)!;
    await open(admin, `/cadre-opinions/${other.id}`, `征求意见：${other.person.name}`);
    await admin.getByRole('button', { name: '更新材料' }).click();
    await admin.getByText('材料已更新').waitFor();
    await admin.getByRole('button', { name: /催\s?办/ }).click();
    await admin.locator('.ant-message').getByText(/^已催办/).waitFor();
    await admin.getByText(/^已催办 \d+ 次，最近一次/).waitFor();
    await admin.getByRole('button', { name: /撤\s?回/ }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('原因').fill(WITHDRAW_REASON);
    await expectAccessible(admin, '撤回征求意见');
    await dialog.getByRole('button', { name: /撤\s?回/ }).click();
    await admin.getByText('已撤回征求意见').waitFor();
    await admin.getByText(WITHDRAW_REASON).waitFor();
    await admin.getByRole('button', { name: '更新材料' }).waitFor({ state: 'detached' });
  });

  it('征求意见统计 shows the headline figures and draws the charts', async () => {
    const stats = await sessionApi<{ total: number; overdue: number }>(admin, server.url, 'GET', '/api/cadre-opinions/stats');
    await open(admin, '/cadre-opinions/stats', '征求意见统计');
    const figure = (key: string) => admin.getByTestId(`cadre-stat-${key}`).locator('.ant-statistic-content');
    await figure('total').waitFor();
    expect(await figure('total').textContent()).toBe(String(stats.total));
    expect(await figure('overdue').textContent()).toBe(String(stats.overdue));
    for (const chart of ['各年征求意见', '答复意见分布']) {
      const img = admin.getByRole('img', { name: new RegExp(`^${chart}：`) });
      await img.waitFor();
      await img.locator('canvas').waitFor();
    }
    expect(await admin.getByRole('img', { name: /^答复意见分布：/ }).getAttribute('aria-label')).toMatch(/基本同意（有保留意见） \d+/);
    await expectAccessible(admin, '征求意见统计');
  });
});
