import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn } from './browser.js';
import { seriousViolations } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';
import { apiGet as apiGetAt } from './ticket-steps.js';

let server: RunningServer;
let browser: Browser;
/** community1 at a desk. */
let desk: Page;
/** community1 on a phone. */
let phone: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The app's CSP forbids inline scripts; axe is injected as one, so these contexts bypass CSP.
  desk = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 900 } })).newPage();
  phone = await (await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await signIn(desk, server.url, 'community1');
  await signIn(phone, server.url, 'community1');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const apiGet = <T>(page: Page, path: string) => apiGetAt<T>(page, server.url, path);
const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

type Topic = { id: number; status: string; step: string | null; category: { name: string; kind: string } | null; options: { title: string; cost: number | null }[]; events: { kind: string }[] };

/** Opens 新建议题 on the list page, picks community1's community and types the title. */
async function raise(title: string) {
  const tree = await apiGet<{ nodes: { name: string; kind: string }[] }>(desk, '/api/nodes/tree');
  const community = tree.nodes.find((n) => n.kind === 'community')!;
  await desk.getByRole('button', { name: /新建议题/ }).click();
  const dialog = desk.getByRole('dialog');
  await dialog.getByLabel('所在社区/小区').click();
  await desk.locator(`.ant-select-tree-node-content-wrapper[title="${community.name}（社区）"]`).click();
  await dialog.getByLabel('议题标题').fill(title);
  return dialog;
}

describe('consultation topics in the console', () => {
  let topicId: number;
  const title = '小区东门口垃圾清运不及时';

  it('community1 raises a topic from the list page; a second, similar title is flagged', async () => {
    await desk.goto(`${server.url}/admin/consultations/topics`);
    await desk.getByRole('heading', { level: 1, name: '议题' }).waitFor();
    await desk.locator('.ant-table').waitFor();
    expect(await seriousViolations(desk)).toEqual([]);

    const dialog = await raise(title);
    await dialog.getByText('没有发现相近的未办结议题').waitFor();
    await dialog.getByLabel('议题描述').fill('东门口垃圾桶常满溢，居民希望增加清运次数。');
    await dialog.getByLabel('提出人姓名').fill('王大妈');
    expect(await seriousViolations(desk)).toEqual([]);
    await dialog.getByRole('button', { name: /提出议题/ }).click();
    await desk.waitForURL(/\/admin\/consultations\/topics\/\d+$/);
    topicId = Number(new URL(desk.url()).pathname.split('/').pop());
    await desk.getByRole('heading', { level: 1, name: title }).waitFor();

    // Typing a similar title in a new topic shows the open one.
    await desk.goto(`${server.url}/admin/consultations/topics`);
    const again = await raise('东门口垃圾清运');
    await again.getByText('同一社区已有相近的未办结议题').waitFor();
    await again.getByRole('link', { name: title }).waitFor();
    await again.getByRole('button', { name: /取\s*消/ }).click();
    await desk.getByRole('link', { name: `查看议题：${title}` }).waitFor();
  });

  it('screening with an allowed category starts the five steps at 问诉求', async () => {
    await desk.goto(`${server.url}/admin/consultations/topics/${topicId}`);
    await desk.getByRole('button', { name: /^审\s?查$/ }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByLabel('议事类别').click();
    await desk.locator('.ant-select-item-option').filter({ hasText: '环境卫生' }).first().click();
    await dialog.getByLabel('下一步负责人').fill('李书记');
    await dialog.getByRole('button', { name: /^审\s?查$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await desk.locator('.ant-steps-item-process', { hasText: '问诉求' }).waitFor();
    const topic = await apiGet<Topic>(desk, `/api/consultations/topics/${topicId}`);
    expect(topic).toMatchObject({ status: 'active', step: 'collect', category: { name: '环境卫生', kind: 'allowed' } });
  });

  it('moving on without the record is refused with the unmet condition; with it, the topic moves to 提方案', async () => {
    await desk.getByRole('button', { name: '进入下一步' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByRole('button', { name: '进入下一步' }).click();
    await dialog.getByRole('alert').filter({ hasText: '请先填写“问诉求”的记录' }).waitFor();
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain('本步骤的记录');
    await dialog.getByLabel(/离开本步骤的记录/).fill('走访 32 户，28 户希望每天清运两次。');
    await dialog.getByRole('button', { name: '进入下一步' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await desk.locator('.ant-steps-item-process', { hasText: '提方案' }).waitFor();
  });

  it('a plan option with its cost, then on to 议事项, where meetings will go', async () => {
    await desk.getByRole('button', { name: '新增方案' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByLabel('方案名称').fill('增加一辆清运车');
    await dialog.getByLabel('预计费用（元）').fill('12000');
    await dialog.getByRole('button', { name: '新增方案' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await desk.getByTestId('topic-option').filter({ hasText: '增加一辆清运车' }).getByText('12,000 元').waitFor();

    await desk.getByRole('button', { name: '进入下一步' }).click();
    await desk.getByRole('dialog').getByRole('button', { name: '进入下一步' }).click();
    await desk.getByRole('dialog').waitFor({ state: 'hidden' });
    await desk.locator('.ant-steps-item-process', { hasText: '议事项' }).waitFor();
    await desk.locator('[data-slot="consultation-meetings"]').waitFor();
    await desk.getByRole('button', { name: '记录决定' }).waitFor();

    const topic = await apiGet<Topic>(desk, `/api/consultations/topics/${topicId}`);
    expect(topic.step).toBe('deliberate');
    expect(topic.options).toEqual([expect.objectContaining({ title: '增加一辆清运车', cost: 12000 })]);
    expect(topic.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['raised', 'accepted', 'advanced', 'option_added']));
    expect(await seriousViolations(desk)).toEqual([]);
  });

  it('screening with an excluded category needs a reason, which the topic then shows', async () => {
    await desk.goto(`${server.url}/admin/consultations/topics`);
    const dialog = await raise('要求全体业主减免三年物业费');
    await dialog.getByLabel('议题描述').fill('部分业主要求免交物业费。');
    await dialog.getByRole('button', { name: /提出议题/ }).click();
    await desk.waitForURL(/\/admin\/consultations\/topics\/\d+$/);
    const id = Number(new URL(desk.url()).pathname.split('/').pop());

    await desk.getByRole('button', { name: /^审\s?查$/ }).click();
    const screen = desk.getByRole('dialog');
    await screen.getByLabel('议事类别').click();
    await desk.locator('.ant-select-item-option').filter({ hasText: '明显不公平的事项' }).first().click();
    await screen.getByText('属于不议事项').waitFor();
    await screen.getByRole('button', { name: /^审\s?查$/ }).click();
    await screen.getByText('请填写不予议事的理由').waitFor();
    await screen.getByLabel('理由').fill('由少数业主免交、其他业主分摊，明显不公平');
    await screen.getByRole('button', { name: /^审\s?查$/ }).click();
    await screen.waitFor({ state: 'hidden' });
    await desk.getByText('由少数业主免交、其他业主分摊，明显不公平').first().waitFor();
    const topic = await apiGet<Topic & { rejectionReason: string | null }>(desk, `/api/consultations/topics/${id}`);
    expect(topic).toMatchObject({ status: 'rejected', step: null, category: { kind: 'excluded' }, rejectionReason: '由少数业主免交、其他业主分摊，明显不公平' });
  });

  it('the topic, the list and the agenda scope fit a phone without page-level horizontal scrolling', async () => {
    for (const path of [`/admin/consultations/topics/${topicId}`, '/admin/consultations/topics', '/admin/consultations/agenda', '/admin/consultations/offices']) {
      await phone.goto(`${server.url}${path}`);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      await phone.waitForLoadState('networkidle');
      expect(await noHorizontalScroll(phone), path).toBe(true);
    }
  });

  it('the agenda scope lists 7 allowed and 5 excluded categories; the offices registry opens', async () => {
    await desk.goto(`${server.url}/admin/consultations/agenda`);
    await desk.getByRole('heading', { level: 1, name: '七议五不议' }).waitFor();
    await desk.getByText('启用 7 / 应为 7').waitFor();
    await desk.getByText('启用 5 / 应为 5').waitFor();
    expect(await desk.getByText('默认补充，待县里审定').count()).toBeGreaterThan(0);
    expect(await seriousViolations(desk)).toEqual([]);

    await desk.goto(`${server.url}/admin/consultations/offices`);
    await desk.getByRole('heading', { level: 1, name: '商量办公室' }).waitFor();
    await desk.locator('.ant-table').waitFor();
    expect(await seriousViolations(desk)).toEqual([]);
  });
});
