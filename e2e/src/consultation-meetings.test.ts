import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, sessionApi, signIn } from './browser.js';
import { seriousViolations } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;
let browser: Browser;
/** community1 at a desk. */
let desk: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The app's CSP forbids inline scripts; axe is injected as one, so this context bypasses CSP.
  desk = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(desk, server.url, 'community1');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(method: 'GET' | 'POST', path: string, data?: unknown) => sessionApi<T>(desk, server.url, method, path, data);

type Topic = { id: number; decision: string | null; decisionSource: string | null; decisionOptionId: number | null; options: { id: number; title: string }[] };

/** A topic of community1's community moved by the API to 议事项 (deliberate) with two options. */
async function deliberatingTopic(title: string): Promise<Topic> {
  const tree = await api<{ nodes: { id: number; kind: string }[] }>('GET', '/api/nodes/tree');
  const community = tree.nodes.find((n) => n.kind === 'community')!;
  const categories = await api<{ data: { id: number; kind: string; active: boolean }[] }>('GET', '/api/consultations/agenda-categories');
  const allowed = categories.data.find((c) => c.kind === 'allowed' && c.active)!;
  const topic = await api<Topic>('POST', '/api/consultations/topics', { title, description: '居民希望协商解决', nodeId: community.id, source: 'community' });
  const at = (action: string, body: unknown = {}) => api<Topic>('POST', `/api/consultations/topics/${topic.id}/${action}`, body);
  await at('screen', { categoryId: allowed.id });
  await at('advance', { record: '收集到居民诉求' });
  await at('options', { title: '增设临时停车位' });
  await at('options', { title: '错时共享停车' });
  return at('advance');
}

/** Presses a dialog's OK button (named `name`) and waits for the POST it sends to succeed. */
async function submit(dialog: ReturnType<Page['getByRole']>, name: RegExp, path: RegExp) {
  const [answer] = await Promise.all([
    desk.waitForResponse((r) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname)),
    dialog.getByRole('button', { name }).click(),
  ]);
  expect(answer.ok(), `${answer.url()} → ${answer.status()} ${await answer.text()}`).toBe(true);
}

/** An <img> has loaded its image. */
const imageLoaded = (page: Page, testId: string) =>
  page.waitForFunction((id) => {
    const img = document.querySelector<HTMLImageElement>(`[data-testid="${id}"]`);
    return !!img && img.complete && img.naturalWidth > 0;
  }, testId);

describe('consultation meetings in the console', () => {
  it('community1 plans a meeting, records an attendee, shows its QR code and holds it: the decision becomes the topic\'s', async () => {
    const topic = await deliberatingTopic('小区夜间停车难');
    await desk.goto(`${server.url}/admin/consultations/topics/${topic.id}`);
    const section = desk.getByRole('region', { name: '商量会议' });
    await section.getByText('尚未安排商量会议').waitFor();
    expect(await seriousViolations(desk)).toEqual([]);

    // 安排会议: round-table, tomorrow 19:30, a place, invited groups.
    await section.getByRole('button', { name: /安排会议/ }).click();
    let dialog = desk.getByRole('dialog');
    await dialog.getByText('圆桌会议').click();
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await dialog.getByLabel('开始时间').fill(`${day} 19:30`);
    await dialog.getByLabel('开始时间').press('Enter');
    await dialog.getByLabel('地点').fill('社区党群服务中心二楼会议室');
    await dialog.getByLabel('居民代表').check();
    await dialog.getByLabel('物业企业').check();
    expect(await seriousViolations(desk)).toEqual([]);
    await submit(dialog, /^安排会议$/, /^\/api\/consultations\/meetings$/);
    await dialog.waitFor({ state: 'hidden' });
    const row = section.locator('.ant-table-row').filter({ hasText: '社区党群服务中心二楼会议室' });
    await row.getByText('待召开').waitFor();
    await row.getByText(`${day} 19:30`).waitFor();

    // 参会人员: record one attendee; the phone comes back masked.
    await row.getByRole('button', { name: /参会人员/ }).click();
    const drawer = desk.getByRole('dialog');
    await drawer.getByLabel('姓名').fill('李代表');
    await drawer.getByLabel('类别').click();
    await desk.locator('.ant-select-item-option').filter({ hasText: '居民代表' }).click();
    await drawer.getByLabel('联系电话').fill('13912345678');
    await Promise.all([
      desk.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/attendees') && r.ok()),
      drawer.getByRole('button', { name: /登记参会人员/ }).click(),
    ]);
    await drawer.getByText('139****5678').waitFor();
    expect(await drawer.getByText('13912345678').count()).toBe(0);
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await row.getByText('1 人').waitFor();

    // 签到二维码: the PNG loads in the dialog, with a download link and the poster.
    await row.getByRole('button', { name: /签到二维码/ }).click();
    dialog = desk.getByRole('dialog');
    await imageLoaded(desk, 'qr-image');
    expect(await dialog.getByRole('link', { name: /下载二维码/ }).getAttribute('download')).toMatch(/^meeting-\d+-qr\.png$/);
    expect(await dialog.getByRole('link', { name: /打印海报/ }).getAttribute('href')).toMatch(/^\/api\/consultations\/meetings\/\d+\/poster\.html$/);
    expect(await seriousViolations(desk)).toEqual([]);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    // 召开/记录: minutes, decision and the option chosen.
    await row.getByRole('button', { name: /召开\/记录/ }).click();
    dialog = desk.getByRole('dialog');
    await dialog.getByLabel('讨论情况').fill('居民代表和物业企业讨论了夜间停车的两个方案。');
    await dialog.getByLabel('议定事项').fill('采用错时共享停车，物业负责组织实施。');
    await dialog.getByLabel('选定方案').click();
    await desk.locator('.ant-select-item-option').filter({ hasText: '错时共享停车' }).click();
    await submit(dialog, /^召开\/记录$/, /^\/api\/consultations\/meetings\/\d+\/hold$/);
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('已召开').waitFor();
    await row.getByRole('link', { name: /打印纪要/ }).waitFor();

    // The topic's decision now comes from the meeting, on the page and in the API.
    await desk.getByText('采用错时共享停车，物业负责组织实施。').first().waitFor();
    const after = await api<Topic>('GET', `/api/consultations/topics/${topic.id}`);
    expect(after).toMatchObject({ decision: '采用错时共享停车，物业负责组织实施。', decisionSource: 'meeting', decisionOptionId: topic.options.find((o) => o.title === '错时共享停车')!.id });

    // The public topic's QR code card: the image loads too.
    await desk.getByRole('button', { name: /^(qrcode\s*)?二维码$/ }).click();
    dialog = desk.getByRole('dialog');
    await imageLoaded(desk, 'qr-image');
    expect(await dialog.getByRole('link', { name: /打印海报/ }).getAttribute('href')).toBe(`/api/consultations/topics/${topic.id}/poster.html`);
    expect(await seriousViolations(desk)).toEqual([]);
  });

  it('community1 attaches a PDF to a plan option; residents download it from the topic\'s phone page', async () => {
    const topic = await deliberatingTopic('楼顶防水维修方案');
    await desk.goto(`${server.url}/admin/consultations/topics/${topic.id}`);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const [answer] = await Promise.all([
      desk.waitForResponse((r) => r.request().method() === 'POST' && /\/options\/\d+\/attachments$/.test(new URL(r.url()).pathname)),
      desk.locator('input[type="file"]').first().setInputFiles({ name: '防水施工报价单.pdf', mimeType: 'application/pdf', buffer: pdf }),
    ]);
    expect(answer.status(), await answer.text()).toBe(201);
    const link = desk.getByRole('link', { name: /下载 防水施工报价单\.pdf/ });
    await link.waitFor();
    const file = await desk.request.get(`${server.url}${await link.getAttribute('href')}`);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await file.body()).equals(pdf)).toBe(true);
    expect(await seriousViolations(desk)).toEqual([]);

    // The phone page lists it for anyone, with a public download.
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })).newPage();
    await phone.goto(`${server.url}/m/consult/${topic.id}`);
    const publicLink = phone.getByTestId('consult-option-attachment');
    await publicLink.waitFor();
    expect(await publicLink.textContent()).toContain('防水施工报价单.pdf');
    const download = await phone.request.get(`${server.url}${await publicLink.getAttribute('href')}`);
    expect(download.ok()).toBe(true);
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
    await phone.context().close();
  });
});
