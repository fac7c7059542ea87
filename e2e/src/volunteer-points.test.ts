import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { ARTIFACTS, launchBrowser, sessionApi, signIn } from './browser.js';
import { seriousViolations } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

// jsqr is CommonJS whose types say `export default`: under NodeNext the function is `.default`.
const jsQR = jsQRModule.default;

/**
 * The browser test: a member signs up for an activity, is checked in and out with its
 * QR code, sees the points, and a red shop keeper redeems them — all on phones.
 */
let server: RunningServer;
let browser: Browser;
/** admin at a desk: sets the people, the activity and the shop up through the console API. */
let desk: Page;
/** The member's phone and the shop keeper's phone, neither verified yet. */
let member: Page;
let keeper: Page;

const MEMBER_PHONE = '13955510201';
const KEEPER_PHONE = '13955510202';
const MEMBER_NAME = '王志愿';
const TITLE = '小区环境整治志愿服务';
const ITEM = '洗衣液一瓶';
let activityId = 0;
let checkinUrl = '';
let shopName = '';
let code = '';

const phoneContext = async () =>
  // axe is injected as a script, so the phones' contexts bypass the app's CSP.
  (await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })).newPage();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
  member = await phoneContext();
  keeper = await phoneContext();
  await signIn(desk, server.url, 'admin');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) => sessionApi<T>(desk, server.url, method, path, data);

function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const qr = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!qr) throw new Error('no QR code in the PNG');
  return qr.data;
}

/** The inline verification that taking part asks for: the code comes from the demo SMS outbox. */
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

async function checkPage(p: Page): Promise<void> {
  expect(await seriousViolations(p)).toEqual([]);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

describe('volunteering and points (志愿积分) on phones', () => {
  it('admin registers the member and a red shop keeper, publishes an activity and lets the shop honour points', async () => {
    const tree = await api<{ nodes: { id: number; kind: string }[] }>('GET', '/api/nodes/tree');
    const community = tree.nodes.find((n) => n.kind === 'community')!;
    const compound = tree.nodes.find((n) => n.kind === 'compound')!;
    // Registered with these phones, so verifying a phone links the resident to the person.
    await api('POST', '/api/people', { name: MEMBER_NAME, phone: MEMBER_PHONE, nodeId: compound.id });
    const shopKeeper = await api<{ id: number }>('POST', '/api/people', { name: '李店主', phone: KEEPER_PHONE, nodeId: compound.id });

    const startsAt = new Date(Date.now() + 10 * 60_000);
    const activity = await api<{ id: number; checkinPath: string }>('POST', '/api/volunteers/activities', {
      nodeId: community.id,
      title: TITLE,
      type: 'environment',
      description: '清理小区绿化带和楼道杂物。',
      place: '小区南门集合',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 60 * 60_000).toISOString(),
      capacity: 10,
      pointsMode: 'per_activity',
      points: 20,
      audience: 'all',
    });
    activityId = activity.id;
    const qr = await desk.request.get(`${server.url}/api/volunteers/activities/${activityId}/qr.png`);
    expect(qr.ok(), `qr.png → ${qr.status()}`).toBe(true);
    const link = new URL(decodeQr(await qr.body()));
    expect(link.pathname).toBe(activity.checkinPath);
    checkinUrl = `${server.url}${link.pathname}`;

    const { data: shops } = await api<{ data: { id: number; name: string }[] }>('GET', '/api/red-shops?pageSize=1');
    expect(shops.length).toBeGreaterThan(0);
    await api('PATCH', `/api/red-shops/${shops[0]!.id}`, { keeperId: shopKeeper.id, honoursPoints: true });
    shopName = shops[0]!.name;
  });

  it('the member finds the activity under 志愿积分 and signs up, verifying the phone inline', async () => {
    await member.goto(`${server.url}/m/report`);
    await member.getByRole('link', { name: '志愿积分' }).click();
    await member.waitForURL((u) => u.pathname === '/m/volunteer');
    await member.getByRole('heading', { level: 1, name: '志愿服务与积分' }).waitFor();
    const card = member.getByTestId('volunteer-activity').filter({ hasText: TITLE });
    // Activities still running come first: load more until ours shows.
    for (let i = 0; i < 10 && (await card.count()) === 0; i++) {
      const more = member.getByRole('button', { name: '加载更多' });
      await card.or(more).first().waitFor();
      if ((await card.count()) === 0) await more.click();
    }
    await card.getByText('剩余名额 10 个').waitFor();
    await card.getByText('每次 20 积分').waitFor();
    await checkPage(member);

    await card.getByRole('link').click();
    await member.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await member.getByText('全体居民').waitFor();
    await checkPage(member);
    await member.getByRole('button', { name: '报名', exact: true }).click();
    await verifyInline(member, MEMBER_PHONE);
    await member.getByTestId('volunteer-result').getByText(/报名成功/).waitFor({ timeout: 15_000 });
    await member.getByText('已报名 1 / 共 10 人').waitFor();
    await member.getByRole('button', { name: '取消报名' }).waitFor();
    expect(await member.content()).not.toContain(MEMBER_PHONE);
    await checkPage(member);
  });

  it('the activity\'s QR link checks the member in and out; per-activity points are credited on check-out', async () => {
    await member.goto(checkinUrl);
    await member.getByRole('heading', { level: 1, name: '活动签到' }).waitFor();
    await checkPage(member);
    await member.getByRole('button', { name: '签到', exact: true }).click();
    await expect.poll(async () => member.getByTestId('checkin-result').textContent()).toBe('签到成功');
    await member.getByTestId('checkin-facts').getByText(TITLE).waitFor();
    await member.getByRole('button', { name: '签退', exact: true }).click();
    await expect.poll(async () => member.getByTestId('checkin-result').textContent()).toBe('签退成功');
    await expect.poll(async () => member.getByTestId('checkin-points').textContent()).toBe('20');
    await checkPage(member);
    await member.screenshot({ path: `${ARTIFACTS}volunteer-checkin.png`, fullPage: true });

    await member.goto(`${server.url}/m/volunteer`);
    await member.getByTestId('volunteer-totals').getByText('共参加 1 次，服务 0 小时，获得 20 积分').waitFor();
    await member.getByTestId('volunteer-my-signup').filter({ hasText: TITLE }).getByText('已签退').waitFor();
  });

  it('the member sees 20 points with the entry on /m/points and creates a redemption code', async () => {
    await member.getByRole('navigation', { name: '志愿服务与积分' }).getByRole('link', { name: '我的积分' }).click();
    await member.waitForURL((u) => u.pathname === '/m/points');
    await expect.poll(async () => member.getByTestId('points-balance-value').textContent()).toBe('20');
    const entry = member.getByTestId('points-entry').filter({ hasText: TITLE });
    await entry.getByText('+20').waitFor();
    await member.getByTestId('points-shops').getByText(shopName).waitFor();
    await checkPage(member);

    await member.getByRole('button', { name: '生成兑换码' }).click();
    const shown = member.getByTestId('redemption-code');
    await shown.waitFor();
    code = ((await shown.textContent()) ?? '').replace(/\D/g, '');
    expect(code).toMatch(/^\d{8}$/);
    await member.getByText(/后失效$/).waitFor();
    await checkPage(member);
    await member.screenshot({ path: `${ARTIFACTS}volunteer-points.png`, fullPage: true });
  });

  it('the red shop keeper verifies their phone on /m/points/redeem and redeems 10 of the member\'s points', async () => {
    await keeper.goto(`${server.url}/m/points/redeem`);
    await keeper.getByRole('heading', { level: 1, name: '积分兑换（店主）' }).waitFor();
    await checkPage(keeper);
    await keeper.getByRole('button', { name: '验证手机号后查看' }).click();
    await verifyInline(keeper, KEEPER_PHONE);
    await expect.poll(async () => keeper.getByLabel('小店', { exact: true }).locator('option:checked').textContent()).toBe(shopName);
    await keeper.getByRole('button', { name: '确认兑换' }).click();
    await keeper.getByText('请输入 8 位数字兑换码').waitFor();
    await checkPage(keeper);
    await keeper.getByLabel('居民的兑换码').fill(code);
    await keeper.getByLabel('兑换积分').fill('10');
    await keeper.getByLabel('兑换商品或服务').fill(ITEM);
    await keeper.getByRole('button', { name: '确认兑换' }).click();
    await expect.poll(async () => keeper.getByTestId('redeem-result').textContent()).toBe(`兑换成功：王**，10 积分，${ITEM}`);
    await keeper.getByTestId('redeem-recent').getByText(`王** · 10 积分 · ${ITEM}`).waitFor();
    expect(await keeper.content()).not.toContain(MEMBER_NAME);
    await checkPage(keeper);
    await keeper.screenshot({ path: `${ARTIFACTS}volunteer-redeem.png`, fullPage: true });

    // Single use: the same code again is refused with the server's words.
    await keeper.getByLabel('居民的兑换码').fill(code);
    await keeper.getByLabel('兑换积分').fill('5');
    await keeper.getByLabel('兑换商品或服务').fill(ITEM);
    await keeper.getByRole('button', { name: '确认兑换' }).click();
    await expect.poll(async () => keeper.getByTestId('redeem-result').textContent()).toContain('兑换码无效、已过期或已使用');
  });

  it('the member\'s balance is now 10, with the redemption in the statement', async () => {
    await member.reload();
    await expect.poll(async () => member.getByTestId('points-balance-value').textContent()).toBe('10');
    await member.getByTestId('points-entry').getByText('-10').waitFor();
    await checkPage(member);
  });

  it('the phone pages read in English too', async () => {
    await member.getByRole('button', { name: 'English' }).click();
    await member.getByRole('heading', { level: 1, name: 'My points' }).waitFor();
    await member.getByRole('link', { name: 'Volunteer' }).waitFor();
    await member.getByRole('button', { name: '中文' }).click();
  });
});
