import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, consolePage, openConsole } from './browser.js';
import { expectAccessible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * The console's 物业考核 pages: community1 opens a half-year assessment for branch1's compound
 * through 开启考核, branch1 scores it as the compound branch (30%) and community1 as the
 * regulator (15%) on 我的评分; community1 closes scoring, reads the grade (the other sources
 * missing, so the two present are scaled up to 100%), and publishes; a second compound's low
 * grade brings a rectification notice, which the community records and verifies. The county's
 * scheme editor refuses weights that do not add up to 100%.
 */
let server: RunningServer;
let browser: Browser;
let admin: Page;
let community: Page;
let branch: Page;

const COMPOUND = '丽景雅居';
/** A second compound of 府前社区 with a property contract, scored low by the regulator only. */
const LOW = '交通局家属院';
const COMMUNITY = '府前社区';
// The current half-year (China date), so that its end is a valid scoring deadline today.
const chinaToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const YEAR = Number(chinaToday.slice(0, 4));
const FIRST_HALF = Number(chinaToday.slice(5, 7)) <= 6;
const PERIOD = `${YEAR}年${FIRST_HALF ? '上' : '下'}半年`;
const DEADLINE = `${YEAR}-${FIRST_HALF ? '06-30' : '12-31'}`;
const INDICATORS = ['环境卫生', '绿化养护', '秩序安全', '设施维修', '收费公开', '投诉处理', '配合支部工作'];

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

async function pickOption(p: Page, field: string, option: string): Promise<void> {
  await p.getByRole('dialog').getByLabel(field).click();
  await p.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Fills the scorecard dialog with one score for every indicator and submits it. */
async function scoreAll(p: Page, score: number): Promise<void> {
  const dialog = p.getByRole('dialog');
  for (const name of INDICATORS) await dialog.getByLabel(new RegExp(`^${name}（权重`)).fill(String(score));
  await dialog.getByText(score.toFixed(2), { exact: true }).waitFor();
}

describe('物业考核 in the console', () => {
  it('the county reads the scheme (branch 30%) and its editor refuses weights that do not total 100%', async () => {
    await open(admin, '/property-ratings/schemes', '考核方案');
    await admin.getByText('平台默认值，待县里审定').waitFor();
    await admin.locator('.rating-branch-weight').getByText('30').waitFor();
    await expectAccessible(admin, '考核方案');

    await admin.getByRole('button', { name: '保存为新版本' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('保存考核方案第 2 版').waitFor();
    await dialog.getByText('评分来源权重合计 100% ✓').waitFor();
    await dialog.getByLabel('小区党支部（%）').fill('35');
    await dialog.getByText('评分来源权重合计 105%，须等于100%').waitFor();
    expect(await dialog.getByRole('button', { name: '保存新版本' }).isDisabled()).toBe(true);
    await expectAccessible(admin, '保存考核方案');
    await dialog.getByLabel('小区党支部（%）').fill('30');
    await dialog.getByText('评分来源权重合计 100% ✓').waitFor();
    expect(await dialog.getByRole('button', { name: '保存新版本' }).isDisabled()).toBe(false);
    await dialog.getByRole('button', { name: /^取\s?消$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('community1 opens a half-year assessment for two compounds through 开启考核', async () => {
    await open(community, '/property-ratings/periods', '考核周期');
    await expectAccessible(community, '考核周期');
    await community.getByRole('button', { name: '开启考核' }).click();
    const dialog = community.getByRole('dialog');
    await dialog.getByText('开启考核周期').waitFor();
    await dialog.getByLabel('开展单位').click();
    await community.locator(`.ant-select-tree-node-content-wrapper[title="${COMMUNITY}（社区）"]`).click();
    await pickOption(community, '周期类型', '半年');
    await pickOption(community, '期次', FIRST_HALF ? '上半年' : '下半年');
    const deadline = dialog.getByLabel('评分截止日期');
    await deadline.click();
    await deadline.fill(DEADLINE);
    await deadline.press('Enter');
    await dialog.getByLabel('只考核部分小区').click();
    await pickOption(community, '考核小区', COMPOUND);
    await community.locator('.ant-select-item-option').filter({ hasText: LOW }).first().click();
    await dialog.getByText('开启考核周期').click(); // closes the dropdown
    await expectAccessible(community, '开启考核周期');
    await dialog.getByRole('button', { name: /^开\s?启$/ }).click();
    await community.getByText(`已开启${PERIOD}考核，共 2 个小区`).waitFor();
    await community.getByRole('heading', { level: 1, name: PERIOD }).waitFor();
    const row = community.getByRole('row').filter({ hasText: COMPOUND });
    await row.getByText('评分中').waitFor();
  });

  it('branch1 scores its compound as the compound branch, seeing the weighted score as it types', async () => {
    await open(branch, '/property-ratings/scoring', '我的评分');
    await expectAccessible(branch, '我的评分');
    await branch.getByRole('button', { name: `为${COMPOUND}评分（${PERIOD}）` }).click();
    const dialog = branch.getByRole('dialog');
    await dialog.getByText(`${COMPOUND} · 小区党支部评分`).waitFor();
    await dialog.getByText('请为每项指标打分').waitFor();
    await scoreAll(branch, 90);
    await expectAccessible(branch, '评分表');
    await dialog.getByRole('button', { name: /^提交评分$/ }).click();
    await branch.getByText('评分已提交，加权得分 90.00').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const row = branch.getByRole('row').filter({ hasText: PERIOD }).filter({ hasText: COMPOUND });
    await row.getByText('已提交 90.00 分').waitFor();
  });

  it('community1 scores the regulator source, closes scoring, reads the grade and publishes', async () => {
    await open(community, '/property-ratings/scoring', '我的评分');
    await community.getByRole('button', { name: `为${COMPOUND}评分（${PERIOD}）` }).click();
    const dialog = community.getByRole('dialog');
    await dialog.getByText(`${COMPOUND} · 社区/物业行业主管评分`).waitFor();
    await scoreAll(community, 60);
    await dialog.getByRole('button', { name: /^提交评分$/ }).click();
    await community.getByText('评分已提交，加权得分 60.00').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await community.getByRole('button', { name: `为${LOW}评分（${PERIOD}）` }).click();
    await dialog.getByText(`${LOW} · 社区/物业行业主管评分`).waitFor();
    await scoreAll(community, 50);
    await dialog.getByRole('button', { name: /^提交评分$/ }).click();
    await community.getByText('评分已提交，加权得分 50.00').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await open(community, '/property-ratings/periods', '考核周期');
    await community.getByRole('link', { name: `查看考核：${PERIOD}（${COMMUNITY}）` }).click();
    await community.getByRole('heading', { level: 1, name: PERIOD }).waitFor();
    const row = community.getByRole('row').filter({ hasText: COMPOUND });
    await row.getByText('✓ 已提交').first().waitFor();
    await expectAccessible(community, '考核详情（评分中）');

    await community.getByRole('button', { name: '结束评分' }).click();
    await community.getByText('确定结束本期评分？').waitFor();
    await community.locator('.ant-popconfirm').getByRole('button', { name: /^确\s?定$/ }).click();
    await community.getByText('评分已结束，总分和等级已计算').waitFor();
    // (30 × 90 + 15 × 60) / 45 = 80.00: exactly the green threshold.
    await row.getByText('80.00').waitFor();
    await row.getByText('绿色·良好').waitFor();
    await row.getByText('待审核发布').waitFor();
    const low = community.getByRole('row').filter({ hasText: LOW });
    await low.getByText('50.00').waitFor();
    await low.getByText('灰色·不合格').waitFor();
    await expectAccessible(community, '考核详情（已结束）');

    await row.getByRole('button', { name: `查看${COMPOUND}的考核详情` }).click();
    const drawer = community.getByRole('dialog');
    await drawer.getByText('缺项来源：红色业委会、居民满意度测评、红色管家巡查').waitFor();
    await drawer.getByText(/缺项按比例折算/).waitFor();
    await drawer.getByRole('row').filter({ hasText: '小区党支部' }).getByText('66.67%').waitFor();
    await expectAccessible(community, '考核详情抽屉');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    await community.getByRole('button', { name: '审核发布（2）' }).click();
    await community.locator('.ant-popconfirm').getByRole('button', { name: /^确\s?定$/ }).click();
    await community.getByText(/^已发布 2 个小区，发出整改通知 1 份/).waitFor();
    await row.getByText('已发布').waitFor();
    await low.getByText('已发布').waitFor();
  });

  it('community1 records the low-graded company’s rectification and verifies it', async () => {
    await open(community, '/property-ratings/rectifications', '整改通知');
    const row = community.getByRole('row').filter({ hasText: PERIOD }).filter({ hasText: LOW });
    await row.getByText('待整改').waitFor();
    await row.getByText('灰色·不合格').waitFor();
    await expectAccessible(community, '整改通知');

    await row.getByRole('button', { name: `登记整改：${LOW}` }).click();
    const dialog = community.getByRole('dialog');
    await dialog.getByText(`登记整改情况：${LOW}`).waitFor();
    await dialog.getByLabel('整改情况').fill('已补种绿化、维修单元门禁并公示收费明细');
    await expectAccessible(community, '登记整改情况');
    await dialog.getByRole('button', { name: /^登\s?记$/ }).click();
    await community.getByText('已登记整改情况').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('已报告整改').waitFor();

    await row.getByRole('button', { name: `验收：${LOW}` }).click();
    await dialog.getByText(`验收整改：${LOW}`).waitFor();
    await dialog.getByLabel('验收意见').fill('现场查看，整改到位');
    await dialog.getByRole('button', { name: '验收通过' }).click();
    await community.getByText('整改已验收').waitFor();
    await row.getByText('已验收').waitFor();
  });

  it('the companies page ranks the companies of the latest closed period and shows a company’s grade history', async () => {
    await open(community, '/property-ratings/companies', '物业企业评级');
    await community.getByText(`当前：${PERIOD}（${COMMUNITY}）`).waitFor();
    const first = community.getByRole('row').filter({ hasText: '80.00' });
    await first.waitFor();
    await expectAccessible(community, '物业企业评级');
    await first.getByRole('button', { name: /的历次等级$/ }).click();
    const drawer = community.getByRole('dialog');
    await drawer.getByText('历次考核等级').waitFor();
    await drawer.getByRole('row').filter({ hasText: COMPOUND }).getByText('绿色·良好').waitFor();
    await expectAccessible(community, '历次考核等级');
  });
});
