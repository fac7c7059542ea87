import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PropertyRatingDto, PublicCompoundGradesDto } from '@xj/contracts';
import { consolePage, launchBrowser, sessionApi, signIn } from './browser.js';
import { seriousViolations } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 四色管理考核 on phones: a demo red steward of 丽景雅居 verifies their phone and records an
 * inspection with a photo and the phone's location; branch1 sees it on the console (photo,
 * location) and turns it into a ticket; a resident answers the satisfaction survey on /m/property;
 * branch1 scores the compound on the console, community1 closes the period, reads the grade and
 * publishes it, and the grade shows on the compound's phone page.
 */
let server: RunningServer;
let browser: Browser;
/** admin at a desk: looks the steward up and opens a period when the demo data has none running. */
let desk: Page;
let branch: Page;
let steward: Page;
let resident: Page;

const COMPOUND = '丽景雅居';
const COMMUNITY = '府前社区';
const FINDING = '5号楼东侧消防通道被三轮车堵住，物业未劝离';
const RESIDENT_PHONE = '13955570102';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
let compoundId = 0;
let communityId = 0;
let stewardPhone = '';
/** The open rating the resident answered the survey for, and the compound's phone page. */
let survey: NonNullable<PublicCompoundGradesDto['survey']>;
let compoundPage = '';

const phoneContext = async (geo = false) =>
  // axe is injected as a script, so the phones' contexts bypass the app's CSP.
  (
    await browser.newContext({
      bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN',
      ...(geo ? { geolocation: { latitude: 36.948512, longitude: 116.002431 }, permissions: ['geolocation'] } : {}),
    })
  ).newPage();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  desk = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
  branch = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
  steward = await phoneContext(true);
  resident = await phoneContext();
  await Promise.all([signIn(desk, server.url, 'admin'), signIn(branch, server.url, 'branch1')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) => sessionApi<T>(desk, server.url, method, path, data);

async function verifyInline(p: Page, phone: string): Promise<void> {
  await p.getByRole('heading', { name: '验证手机号' }).waitFor();
  expect(await seriousViolations(p)).toEqual([]);
  await p.getByLabel('手机号', { exact: true }).fill(phone);
  await p.getByRole('button', { name: '获取验证码' }).click();
  await p.getByText(/验证码已发送/).waitFor();
  const outbox = await p.request.get(`${server.url}/api/public/dev/sms-outbox?phone=${phone}`);
  expect(outbox.ok(), `sms-outbox → ${outbox.status()}`).toBe(true);
  await p.getByLabel('验证码', { exact: true }).fill(((await outbox.json()) as { code: string }).code);
  await p.getByRole('button', { name: '验证', exact: true }).click();
  await p.getByRole('heading', { name: '验证手机号' }).waitFor({ state: 'detached', timeout: 15_000 });
}

async function checkPhone(p: Page): Promise<void> {
  expect(await seriousViolations(p)).toEqual([]);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

describe('property assessment (四色管理考核) on phones', () => {
  it('admin finds a demo red steward of the compound and their phone', async () => {
    const tree = await api<{ nodes: { id: number; kind: string; name: string }[] }>('GET', '/api/nodes/tree');
    compoundId = tree.nodes.find((n) => n.kind === 'compound' && n.name === COMPOUND)!.id;
    communityId = tree.nodes.find((n) => n.kind === 'community' && n.name === COMMUNITY)!.id;
    const { data } = await api<{ data: { person: { id: number; name: string } }[] }>('GET', `/api/stewards?nodeId=${compoundId}&pageSize=20`);
    expect(data.length).toBeGreaterThan(0);
    const person = data[0]!.person;
    const phone = await api<{ value: string | null }>('POST', `/api/people/${person.id}/unmask`, { field: 'phone', reason: '端到端测试：管家巡查' });
    stewardPhone = phone.value ?? '13955570101';
    // A steward without a phone on record gets one, so that verifying it links the phone to them.
    if (!phone.value) await api('PATCH', `/api/people/${person.id}`, { phone: stewardPhone });
  });

  it('the steward verifies the phone inline and records an inspection with a photo and location', async () => {
    await steward.goto(`${server.url}/m/report`);
    await steward.getByRole('link', { name: '物业评价' }).click();
    await steward.waitForURL((u) => u.pathname === '/m/property');
    await steward.getByRole('navigation', { name: '物业服务评价栏目' }).getByRole('link', { name: '管家巡查' }).click();
    await steward.waitForURL((u) => u.pathname === '/m/property/inspect');
    await steward.getByRole('heading', { level: 1, name: '管家巡查' }).waitFor();
    await checkPhone(steward);
    await steward.getByRole('button', { name: '验证手机号' }).click();
    await verifyInline(steward, stewardPhone);

    await steward.getByLabel('巡查小区').waitFor({ timeout: 15_000 });
    await steward.getByLabel('巡查小区').selectOption({ label: COMPOUND });
    await steward.getByLabel('考核指标').selectOption({ label: '秩序安全' });
    await steward.getByLabel('严重问题').check();
    await steward.getByLabel('巡查情况').fill(FINDING);
    await steward.getByTestId('inspection-photo').setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: PNG });
    await steward.getByRole('img', { name: '巡查照片 1' }).waitFor();
    await steward.getByRole('button', { name: '使用我的位置' }).click();
    await steward.getByText('已获取位置：36.948512, 116.002431').waitFor();
    await checkPhone(steward);
    await steward.getByRole('button', { name: '提交巡查记录' }).click();
    await steward.getByTestId('inspection-saved').getByText('巡查记录已提交。').waitFor({ timeout: 15_000 });

    const mine = steward.getByTestId('my-inspection').filter({ hasText: FINDING });
    await mine.waitFor();
    await mine.getByText('严重问题').waitFor();
    const photo = mine.getByRole('img', { name: '巡查照片 1' });
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await checkPhone(steward);
  });

  it('branch1 sees it on the console with the photo and location, and turns it into a ticket once', async () => {
    await branch.goto(`${server.url}/admin/property-ratings/inspections`);
    await branch.getByRole('heading', { level: 1, name: '管家巡查' }).waitFor();
    const row = branch.locator('tr').filter({ hasText: FINDING });
    await row.waitFor();
    await row.getByText('严重问题').waitFor();
    await row.getByText('36.94851, 116.00243').waitFor();
    await expect.poll(() => row.locator('img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await seriousViolations(branch)).toEqual([]);

    await row.getByRole('button', { name: /^转工单：/ }).click();
    await branch.locator('.ant-popconfirm').getByRole('button', { name: '转工单' }).click();
    const link = row.getByRole('link', { name: /^XJ\d{8}-\d{4,6}$/ });
    await link.waitFor({ timeout: 15_000 });
    expect(await row.getByRole('button', { name: /^转工单：/ }).count()).toBe(0);
    await link.click();
    await branch.waitForURL((u) => /^\/admin\/tickets\/\d+$/.test(u.pathname));
    await branch.getByText(FINDING, { exact: false }).first().waitFor();
  });

  it('a resident answers the satisfaction survey on /m/property', async () => {
    const compound = async () => (await (await resident.request.get(`${server.url}/api/public/property-ratings/compounds/${compoundId}`)).json()) as PublicCompoundGradesDto;
    if (!(await compound()).survey) {
      // No period running in the demo data: open this quarter's for the compound.
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const year = Number(today.slice(0, 4));
      const seq = Math.ceil(Number(today.slice(5, 7)) / 3);
      const end = new Date(Date.UTC(year, seq * 3, 0)).toISOString().slice(0, 10);
      await api('POST', '/api/property-ratings/periods', { nodeId: communityId, kind: 'quarter', year, seq, deadline: end, compoundIds: [compoundId] });
    }
    survey = (await compound()).survey!;
    expect(survey).not.toBeNull();

    await resident.goto(`${server.url}/m/property`);
    await resident.getByRole('heading', { level: 1, name: '物业服务评价' }).waitFor();
    await resident.getByLabel('搜索小区').fill(COMPOUND);
    await resident.getByRole('button', { name: '搜索' }).click();
    const card = resident.getByTestId('property-compound').filter({ hasText: COMPOUND });
    await card.waitFor();
    await checkPhone(resident);
    await card.getByRole('link').click();
    await resident.getByRole('heading', { level: 1, name: COMPOUND }).waitFor();
    compoundPage = resident.url();
    expect(new URL(compoundPage).hash).toBe(`#${compoundId}`);
    await resident.getByRole('heading', { name: `满意度测评：${survey.periodName}` }).waitFor();
    await checkPhone(resident);

    for (const [n, indicator] of survey.indicators.entries()) {
      await resident.getByRole('group', { name: indicator.name }).getByLabel(n % 2 ? '4 星' : '5 星').check();
    }
    await resident.getByLabel('意见和建议（选填）').fill('保洁很及时，希望加强夜间巡逻。');
    await resident.getByRole('button', { name: '提交评价' }).click();
    await verifyInline(resident, RESIDENT_PHONE);
    await resident.getByTestId('survey-answered').waitFor({ timeout: 15_000 });
    await checkPhone(resident);
    expect((await compound()).survey).toBeTruthy();
    // A second answer from the same phone is refused by the server.
    const again = await resident.request.post(`${server.url}/api/public/property-ratings/ratings/${survey.ratingId}/survey`, {
      data: { stars: Object.fromEntries(survey.indicators.map((i) => [i.code, 3])) },
    });
    expect(again.status()).toBe(409);
  });

  it('branch1 scores the compound, community1 closes and publishes the period, and the grade reaches the phone', async () => {
    await branch.goto(`${server.url}/admin/property-ratings/scoring`);
    await branch.getByRole('heading', { level: 1, name: '我的评分' }).waitFor();
    await branch.getByRole('button', { name: `为${COMPOUND}评分（${survey.periodName}）` }).click();
    const dialog = branch.getByRole('dialog');
    for (const i of survey.indicators) await dialog.getByLabel(new RegExp(`^${i.name}（权重`)).fill('85');
    await dialog.getByRole('button', { name: /^提交评分$/ }).click();
    await branch.getByText('评分已提交，加权得分 85.00').waitFor();

    const community = await consolePage(browser, server.url, 'community1');
    const before = await api<PropertyRatingDto>('GET', `/api/property-ratings/ratings/${survey.ratingId}`);
    expect(before.scorecards.some((c) => c.source === 'branch' && c.score === 85)).toBe(true);
    await community.goto(`${server.url}/admin/property-ratings/periods/${before.periodId}`);
    await community.getByRole('heading', { level: 1, name: survey.periodName }).waitFor();
    await community.getByRole('button', { name: '结束评分' }).click();
    await community.locator('.ant-popconfirm').getByRole('button', { name: /^确\s?定$/ }).click();
    await community.getByText('评分已结束，总分和等级已计算').waitFor();

    const closed = await api<PropertyRatingDto>('GET', `/api/property-ratings/ratings/${survey.ratingId}`);
    const grade = closed.scheme.grades.find((g) => g.code === closed.grade)!;
    const row = community.getByRole('row').filter({ hasText: COMPOUND });
    await row.getByText(closed.total!.toFixed(2)).waitFor();
    await row.getByText(grade.name).waitFor();
    expect(await seriousViolations(community)).toEqual([]);
    await community.getByRole('button', { name: /审核发布（\d+）/ }).click();
    await community.locator('.ant-popconfirm').getByRole('button', { name: /^确\s?定$/ }).click();
    await community.getByText(/^已发布 \d+ 个小区/).waitFor();

    // Opened afresh from its address (the compound rides in the #fragment), as a shared link would be.
    await resident.goto('about:blank');
    await resident.goto(compoundPage);
    const latest = resident.getByTestId('property-history').first();
    await latest.getByRole('heading', { name: survey.periodName }).waitFor();
    await latest.getByText(grade.name).waitFor();
    await latest.getByText(`总分 ${closed.total!.toFixed(2)}`, { exact: false }).waitFor();
    await checkPhone(resident);
  });
});
