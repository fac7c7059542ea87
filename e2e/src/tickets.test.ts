import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, signIn } from './browser.js';
import { seriousViolations } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';
import { apiGet as apiGetAt, confirmAndClose, handleAsOwner } from './ticket-steps.js';

let server: RunningServer;
let browser: Browser;
/** community1 at a desk. */
let secretary: Page;
/** commissioner1 on a phone. */
let phone: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The app's CSP forbids inline scripts; axe is injected as one, so these contexts bypass CSP.
  secretary = await (await browser.newContext({ bypassCSP: true, acceptDownloads: true, viewport: { width: 1440, height: 900 } })).newPage();
  phone = await (await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await signIn(secretary, server.url, 'community1');
  await signIn(phone, server.url, 'commissioner1');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const apiGet = <T>(page: Page, path: string) => apiGetAt<T>(page, server.url, path);

type Ticket = { id: number; code: string; status: string; owner: { name: string; userId: number | null } | null; events: { kind: string }[] };

/** The value cell of a (bordered) Descriptions item, by its label. */
const field = (page: Page, label: string) => page.locator('th.ant-descriptions-item-label', { hasText: label }).first().locator('xpath=following-sibling::td[1]');

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the ticket loop in the console', () => {
  let ticket: Ticket;

  it('community1 reports a ticket; it goes to commissioner1 at once (首问负责)', async () => {
    const [category] = (await apiGet<{ data: { name: string }[] }>(secretary, '/api/tickets/categories')).data;
    const tree = await apiGet<{ nodes: { name: string; kind: string }[] }>(secretary, '/api/nodes/tree');
    const community = tree.nodes.find((n) => n.kind === 'community')!;

    await secretary.goto(`${server.url}/admin/tickets`);
    await secretary.getByRole('heading', { level: 1, name: '工单列表' }).waitFor();
    await secretary.locator('.ant-table').waitFor();
    expect(await seriousViolations(secretary)).toEqual([]);

    await secretary.getByRole('button', { name: /上报工单/ }).click();
    const dialog = secretary.getByRole('dialog');
    await dialog.getByLabel('类别').click();
    await secretary.locator('.ant-select-item-option').filter({ hasText: category!.name }).first().click();
    await dialog.getByLabel('所在位置').click();
    await secretary.locator(`.ant-select-tree-node-content-wrapper[title="${community.name}（社区）"]`).click();
    await dialog.getByLabel('地址').fill('府前街12号院3号楼');
    await dialog.getByLabel('问题描述').fill('浏览器测试：楼道灯不亮，老人夜间上下楼不便');
    await dialog.getByLabel('反映人姓名').fill('王大爷');
    await dialog.getByLabel('反映人电话').fill('17000009876');
    await dialog.getByRole('button', { name: /上报工单/ }).click();

    await secretary.waitForURL((u) => /^\/admin\/tickets\/\d+$/.test(u.pathname));
    const id = Number(new URL(secretary.url()).pathname.split('/').pop());
    ticket = await apiGet<Ticket>(secretary, `/api/tickets/${id}`);
    const me = await apiGet<{ user: { id: number } }>(phone, '/api/auth/me');
    expect(ticket.status).toBe('assigned');
    expect(ticket.owner?.userId).toBe(me.user.id);

    await secretary.getByRole('heading', { level: 1, name: ticket.code }).waitFor();
    await expect(field(secretary, '负责人').innerText()).resolves.toContain(ticket.owner!.name);
    await expect(secretary.getByTestId('reporter-phone-value').innerText()).resolves.toBe('170****9876');
    await expect(field(secretary, '状态').innerText()).resolves.toContain('已派单');
    await secretary.locator('.ticket-timeline-entry[data-kind="assigned"]').getByText(/自动派单/).waitFor();
    // The secretary may not work on it (only the owner accepts), but may take it to a reception day.
    await expect(secretary.locator('.ticket-actions').getByRole('button').allInnerTexts()).resolves.toEqual(['书记直通车']);
    expect(await seriousViolations(secretary)).toEqual([]);
  });

  it('community1 escalates it (书记直通车) with a reason; the timeline shows it and the button goes', async () => {
    await secretary.locator('.ticket-actions').getByRole('button', { name: '书记直通车' }).click();
    const dialog = secretary.getByRole('dialog');
    await dialog.getByLabel('提交理由').fill('楼道灯多次报修未果，提请接待日研究');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /^提\s*交$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await secretary.locator('.ticket-timeline-entry[data-kind="escalated"]').getByText('楼道灯多次报修未果，提请接待日研究').waitFor();
    await secretary.getByText('已提交书记直通车，等待接待日研究决定').waitFor();
    await expect(secretary.locator('.ticket-actions').getByRole('button', { name: '书记直通车' }).count()).resolves.toBe(0);
    expect(await apiGet<{ escalated: boolean; escalationPending: boolean }>(secretary, `/api/tickets/${ticket.id}`)).toMatchObject({ escalated: true, escalationPending: true });
  });

  it('community1 adds a report photo: a renamed text file is refused with the server message, a PNG shows up', async () => {
    const section = secretary.locator('section', { has: secretary.getByRole('heading', { name: '报事照片' }) });
    const input = section.locator('input[type="file"]');
    await input.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
    await secretary.getByRole('alert').filter({ hasText: '照片格式不支持' }).waitFor();
    await input.setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });
    await section.getByRole('img', { name: `报事照片第 1 张（工单 ${ticket.code}）` }).waitFor();
    expect(await seriousViolations(secretary)).toEqual([]);
  });

  it('the header bell names the unread count and opens the notification list', async () => {
    const notes = await apiGet<{ unread: number; data: { message: string }[] }>(secretary, '/api/notifications?pageSize=10');
    const bell = secretary.getByRole('button', { name: `通知，${notes.unread} 条未读` });
    await bell.click();
    const panel = secretary.locator('.notification-panel');
    await (notes.data.length === 0 ? panel.getByText('暂无通知') : panel.getByText(notes.data[0]!.message).first()).waitFor();
    expect(await seriousViolations(secretary)).toEqual([]);
    await bell.click();
    await panel.waitFor({ state: 'hidden' });
  });

  it('commissioner1 handles it on a phone: 我的工单 → accept → start → handle with a note', async () => {
    await phone.goto(`${server.url}/admin/`);
    await phone.getByRole('button', { name: '打开导航菜单' }).click();
    await phone.getByRole('menuitem', { name: /我的工单/ }).click();
    await phone.waitForURL((u) => u.pathname === '/admin/my-tickets');
    await phone.getByRole('heading', { level: 1, name: '我的工单' }).waitFor();
    const card = phone.locator('.my-ticket-card').filter({ hasText: ticket.code });
    await card.waitFor();
    expect(await card.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(44);
    expect(await noHorizontalScroll(phone)).toBe(true);
    await phone.screenshot({ path: join(ARTIFACTS, 'my-tickets-phone.png'), fullPage: true });
    expect(await seriousViolations(phone)).toEqual([]);

    await card.click();
    await phone.waitForURL((u) => u.pathname === `/admin/tickets/${ticket.id}`);
    await phone.getByRole('heading', { level: 1, name: ticket.code }).waitFor();
    // The owner calls the reporter back: the full number needs a reason, then it is a tel: link.
    await phone.getByRole('button', { name: '查看完整反映人电话' }).click();
    const reveal = phone.getByRole('dialog');
    await reveal.getByLabel('原因').fill('回访反映人，核实楼道灯位置');
    await reveal.getByRole('button', { name: /查\s*看/ }).click();
    await reveal.locator('.ant-modal-footer').getByRole('button', { name: /^关\s*闭$/ }).click();
    await reveal.waitFor({ state: 'hidden' });
    await phone.locator('a[href="tel:17000009876"]').waitFor();
    await handleAsOwner(phone, '已更换楼道声控灯，当晚恢复照明');
    expect(await noHorizontalScroll(phone)).toBe(true);
    await phone.screenshot({ path: join(ARTIFACTS, 'ticket-handled-phone.png'), fullPage: true });
    expect(await seriousViolations(phone)).toEqual([]);
  });

  it('community1 confirms it resolved and satisfied, then closes it; the timeline shows every step', async () => {
    await secretary.reload();
    await secretary.getByRole('heading', { level: 1, name: ticket.code }).waitFor();
    await confirmAndClose(secretary, '居民反映灯已修好');

    const kinds = await secretary.locator('.ticket-timeline-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['reported', 'assigned', 'escalated', 'accepted', 'started', 'handled', 'confirmed', 'closed']);
    const closed = await apiGet<Ticket & { outcome: string; satisfaction: string }>(secretary, `/api/tickets/${ticket.id}`);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'closed_resolved', satisfaction: 'satisfied' });
    await expect(field(secretary, '办结结论').innerText()).resolves.toBe('已解决');
    await expect(field(secretary, '满意度').innerText()).resolves.toBe('满意');
    await secretary.screenshot({ path: join(ARTIFACTS, 'ticket-closed.png'), fullPage: true });
    expect(await seriousViolations(secretary)).toEqual([]);

    // The list finds it by code, closed.
    await secretary.goto(`${server.url}/admin/tickets`);
    await secretary.getByLabel('搜索工单').fill(ticket.code);
    await secretary.getByLabel('搜索工单').press('Enter');
    const row = secretary.locator('tr.ant-table-row').filter({ hasText: ticket.code });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('已关闭');
  });
});
