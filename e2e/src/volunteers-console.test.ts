import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, sessionApi, consolePage, openConsole } from './browser.js';
import { expectAccessible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * The console's 志愿服务与积分 pages: a branch secretary approves a dual registration, a
 * community secretary publishes an activity through the form and opens its QR code, and the
 * county administrator reads the points rules and adjusts a person's points with a reason;
 * registrations are withdrawn (撤回报到) and the county sets the period without service.
 */
let server: RunningServer;
let browser: Browser;
let admin: Page;
let community: Page;
let branch: Page;

const MEMBER = '赵在职';
const MEMBER_PHONE = '13955520301';
const WITHDRAWN = '钱撤回';
const TITLE = '楼道清扫志愿服务';
const ADJUST_REASON = '补记上月协助社区值守';
let personId = 0;

const desk = (username: string) => consolePage(browser, server.url, username);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  [admin, community, branch] = await Promise.all([desk('admin'), desk('community1'), desk('branch1')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const open = (p: Page, path: string, heading: string) => openConsole(p, server.url, path, heading);

describe('志愿服务与积分 in the console', () => {
  it('branch1 approves a registration filed by staff (with the joining date) and finds the member under 双报到党员', async () => {
    const tree = await sessionApi<{ nodes: { id: number; kind: string }[] }>(branch, server.url, 'GET', '/api/nodes/tree');
    const compound = tree.nodes.find((n) => n.kind === 'compound')!;
    personId = (await sessionApi<{ id: number }>(community, server.url, 'POST', '/api/people', { name: MEMBER, phone: MEMBER_PHONE, nodeId: compound.id })).id;
    await sessionApi(community, server.url, 'POST', '/api/volunteers/registrations', { personId, compoundId: compound.id, workplaceOrgName: '夏津县人民医院' });

    await open(branch, '/volunteers/registrations', '双报到审批');
    const row = branch.getByRole('row').filter({ hasText: MEMBER });
    await row.waitFor();
    await row.getByText('139****0301').waitFor();
    await row.getByText('待审核').waitFor();
    await expectAccessible(branch, '双报到审批');

    await row.getByRole('button', { name: `通过 ${MEMBER} 的报到`, exact: true }).click();
    const dialog = branch.getByRole('dialog');
    await dialog.getByText(`通过报到：${MEMBER}`).waitFor();
    await expectAccessible(branch, '通过报到');
    const joined = dialog.getByLabel('入党日期');
    await joined.click();
    await joined.fill('2015-07-01');
    await joined.press('Enter');
    await dialog.getByRole('button', { name: /^通\s?过$/ }).click();
    await branch.getByText('已通过报到').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });

    await open(branch, '/volunteers/members', '双报到党员');
    const member = branch.getByRole('row').filter({ hasText: MEMBER });
    await member.waitFor();
    await member.getByText('夏津县人民医院').waitFor();
    await member.getByText('未服务').waitFor();
    await expectAccessible(branch, '双报到党员');
  });

  it('community1 publishes an activity through the form, sees it in the list and opens its check-in QR code', async () => {
    const tree = await sessionApi<{ nodes: { id: number; kind: string; name: string }[] }>(community, server.url, 'GET', '/api/nodes/tree');
    const organiser = tree.nodes.find((n) => n.kind === 'community')!;
    await open(community, '/volunteers/activities', '志愿活动');
    await expectAccessible(community, '志愿活动');
    await community.getByRole('button', { name: '发布活动' }).click();
    const dialog = community.getByRole('dialog');
    await dialog.getByText('发布志愿服务活动').waitFor();
    await dialog.getByLabel('发布组织').click();
    await community.locator(`.ant-select-tree-node-content-wrapper[title="${organiser.name}（社区）"]`).click();
    await dialog.getByLabel('活动名称').fill(TITLE);
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const start = dialog.getByPlaceholder('开始时间');
    await start.click();
    await start.fill(`${day} 09:00`);
    await start.press('Enter');
    const end = dialog.getByPlaceholder('结束时间');
    await end.click();
    await end.fill(`${day} 11:00`);
    await end.press('Enter');
    await dialog.getByLabel('活动地点').fill('小区南门');
    await expectAccessible(community, '发布志愿服务活动');
    await dialog.getByRole('button', { name: /^发\s?布$/ }).click();
    await community.getByText('活动已发布').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const row = community.getByRole('row').filter({ hasText: TITLE });
    await row.waitFor();
    await row.getByText('0 / 20').waitFor();
    await row.getByText('报名中').waitFor();
    await row.getByRole('link', { name: `查看活动：${TITLE}` }).click();
    await community.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await community.getByText('报名与签到名单').waitFor();
    await expectAccessible(community, '活动详情');

    await community.getByRole('button', { name: '签到二维码' }).click();
    const qr = community.getByTestId('qr-image');
    await qr.waitFor();
    await community.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="qr-image"]');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await community.getByRole('link', { name: /下载二维码/ }).waitFor();
    await expectAccessible(community, '签到二维码');
    await community.screenshot({ path: `${ARTIFACTS}volunteers-activity-qr.png` });
  });

  it('admin reads the points rules and adjusts a person\'s points with a reason', async () => {
    await open(admin, '/points/rules', '积分规则');
    await admin.locator('.ant-table-row').first().waitFor();
    await admin.getByRole('button', { name: /^修改规则：/ }).first().waitFor();
    await expectAccessible(admin, '积分规则');

    await open(admin, `/points/ledger/${personId}`, '个人积分');
    await admin.getByText(MEMBER).first().waitFor();
    await expectAccessible(admin, '个人积分');
    await admin.getByRole('button', { name: '人工调整' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText(`人工调整积分：${MEMBER}`).waitFor();
    await dialog.getByLabel('分值').fill('5');
    await dialog.getByLabel('原因').fill(ADJUST_REASON);
    await expectAccessible(admin, '人工调整');
    await dialog.getByRole('button', { name: '人工调整' }).click();
    await admin.getByText('积分已调整').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const entry = admin.locator('.ant-table-row').filter({ hasText: ADJUST_REASON });
    await entry.waitFor();
    await entry.getByText('+5').waitFor();
    await admin.locator('.ant-statistic-content').getByText('5', { exact: true }).waitFor();
    const ledger = await sessionApi<{ balance: number }>(admin, server.url, 'GET', `/api/points/people/${personId}/ledger`);
    expect(ledger.balance).toBe(5);
  });

  it('branch1 withdraws a pending registration and the approved member\'s registration; admin changes the period without service', async () => {
    const tree = await sessionApi<{ nodes: { id: number; kind: string }[] }>(branch, server.url, 'GET', '/api/nodes/tree');
    const compound = tree.nodes.find((n) => n.kind === 'compound')!;
    const other = (await sessionApi<{ id: number }>(community, server.url, 'POST', '/api/people', { name: WITHDRAWN, phone: '13955520302', nodeId: compound.id })).id;
    const pending = await sessionApi<{ id: number }>(community, server.url, 'POST', '/api/volunteers/registrations', { personId: other, compoundId: compound.id, workplaceOrgName: '夏津县水务局' });

    await open(branch, '/volunteers/registrations', '双报到审批');
    const row = branch.getByRole('row').filter({ hasText: WITHDRAWN });
    await row.getByRole('button', { name: `撤回 ${WITHDRAWN} 的报到`, exact: true }).click();
    const dialog = branch.getByRole('dialog');
    await dialog.getByText(`撤回报到：${WITHDRAWN}`).waitFor();
    await dialog.getByLabel('原因').fill('本人申请撤回报到');
    await expectAccessible(branch, '撤回报到');
    await dialog.getByRole('button', { name: /^撤\s?回$/ }).click();
    await branch.getByText('已撤回报到').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    expect((await sessionApi<{ status: string; withdrawReason: string }>(branch, server.url, 'GET', `/api/volunteers/registrations/${pending.id}`)).status).toBe('withdrawn');

    // The approved member of the first test leaves 双报到党员 once their registration is withdrawn.
    await open(branch, '/volunteers/members', '双报到党员');
    const member = branch.getByRole('row').filter({ hasText: MEMBER });
    await member.getByRole('button', { name: `撤回 ${MEMBER} 的报到`, exact: true }).click();
    const confirm = branch.getByRole('dialog');
    await confirm.getByText(`撤回报到：${MEMBER}`).waitFor();
    await confirm.getByLabel('原因').fill('已搬离本小区');
    await confirm.getByRole('button', { name: /^撤\s?回$/ }).click();
    await branch.getByText('已撤回报到').waitFor();
    await member.waitFor({ state: 'detached' });
    // Only the county sets the period: no button for the branch.
    expect(await branch.getByRole('button', { name: '未服务周期设置' }).count()).toBe(0);

    await open(admin, '/volunteers/members', '双报到党员');
    await admin.getByText('90 天内未参加服务').waitFor();
    await admin.getByRole('button', { name: '未服务周期设置' }).click();
    const settings = admin.getByRole('dialog');
    await settings.getByText('设置未服务提醒周期').waitFor();
    const days = settings.getByLabel('未服务提醒周期');
    await days.fill('30');
    await expectAccessible(admin, '未服务周期设置');
    await settings.getByRole('button', { name: /^保\s?存$/ }).click();
    await admin.getByText('未服务提醒周期已保存').waitFor();
    await settings.waitFor({ state: 'hidden' });
    await admin.getByText('30 天内未参加服务').waitFor();
    expect((await sessionApi<{ inactiveDays: number }>(admin, server.url, 'GET', '/api/volunteers/settings')).inactiveDays).toBe(30);

    // A workplace organisation is marked withdrawn and back.
    await open(admin, '/volunteers/workplace-orgs', '报到单位');
    const mark = admin.getByRole('button', { name: /^标记撤回：/ }).first();
    const name = (await mark.getAttribute('aria-label'))!.replace('标记撤回：', '');
    await mark.click();
    await admin.getByRole('button', { name: /^标记撤回$/ }).click();
    await admin.getByText('单位状态已更新').first().waitFor();
    const restore = admin.getByRole('button', { name: `恢复报到：${name}`, exact: true });
    await restore.waitFor();
    const orgs = await sessionApi<{ data: { name: string; status: string }[] }>(admin, server.url, 'GET', `/api/volunteers/workplace-orgs?status=withdrawn&pageSize=100`);
    expect(orgs.data.map((o) => o.name)).toContain(name);
    await restore.click();
    await admin.getByRole('button', { name: /^恢复报到$/ }).click();
    await admin.getByRole('button', { name: `标记撤回：${name}`, exact: true }).waitFor();
  });

  it('the other pages of the group pass the accessibility checks', async () => {
    for (const [path, heading] of [
      ['/volunteers/workplace-orgs', '报到单位'],
      ['/points/leaderboard', '积分排行'],
      ['/points/redemptions', '积分兑换'],
      ['/points/ledger', '个人积分'],
    ] as const) {
      await open(admin, path, heading);
      await admin.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
      await expectAccessible(admin, heading);
    }
  });
});
