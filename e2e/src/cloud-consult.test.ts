import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { topicPublicPath } from '@xj/contracts/domain';
import { ARTIFACTS, launchBrowser, sessionApi, signIn } from './browser.js';
import { seriousViolations } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

// jsqr is CommonJS whose types say `export default`: under NodeNext the function is `.default`.
const jsQR = jsQRModule.default;

let server: RunningServer;
let browser: Browser;
/** community1 at a desk: sets the topics up through the console API and checks what residents did. */
let desk: Page;
/** A resident on a phone, not yet verified. */
let phone: Page;

const RESIDENT_PHONE = '13955501234';
const COMMENT = '建议在东侧再加两个充电桩，晚上排队太久';
const titles = { collect: '小区南门口积水问题', vote: '电动车充电桩安装位置', evaluate: '楼道堆物清理' };
const ids = { collect: 0, vote: 0, evaluate: 0 };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  desk = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
  // axe is injected as a script, so the phone's context bypasses the app's CSP.
  phone = await (await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })).newPage();
  await signIn(desk, server.url, 'community1');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => sessionApi<T>(desk, server.url, method, path, data);

/** A topic raised by the community and accepted by screening: active at 问诉求. */
async function collectTopic(title: string): Promise<number> {
  const tree = await api<{ nodes: { id: number; kind: string }[] }>('GET', '/api/nodes/tree');
  const community = tree.nodes.find((n) => n.kind === 'community')!;
  const { data: categories } = await api<{ data: { id: number; kind: string; active: boolean }[] }>('GET', '/api/consultations/agenda-categories');
  const allowed = categories.find((c) => c.kind === 'allowed' && c.active)!;
  const topic = await api<{ id: number }>('POST', '/api/consultations/topics', { title, description: '居民多次反映，希望大家商量解决。', nodeId: community.id, source: 'community' });
  await api('POST', `/api/consultations/topics/${topic.id}/screen`, { categoryId: allowed.id, responsibleName: '李书记' });
  return topic.id;
}

/** Reads the QR code of a PNG. */
function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error('no QR code in the PNG');
  return code.data;
}

describe('cloud consultation (云商量) on a phone', () => {
  it('community1 sets up a topic collecting demands, one whose online vote is open and one being evaluated', async () => {
    ids.collect = await collectTopic(titles.collect);
    await api('PUT', `/api/consultations/topics/${ids.collect}/questionnaire`, {
      questions: [{ text: '积水多久出现一次？', choices: ['每次下雨', '只有大雨', '很少'] }],
    });
    ids.vote = await collectTopic(titles.vote);
    await api('POST', `/api/consultations/topics/${ids.vote}/advance`, { record: '走访 40 户，多数希望在小区内装充电桩。' });
    await api('POST', `/api/consultations/topics/${ids.vote}/options`, { title: '装在东侧车棚', cost: 18000 });
    await api('POST', `/api/consultations/topics/${ids.vote}/options`, { title: '装在北门空地', cost: 25000 });
    await api('POST', `/api/consultations/topics/${ids.vote}/advance`, {});
    await api('POST', `/api/consultations/topics/${ids.vote}/vote`, { closesAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });

    ids.evaluate = await collectTopic(titles.evaluate);
    await api('POST', `/api/consultations/topics/${ids.evaluate}/advance`, { record: '楼道堆物影响通行。' });
    const withOption = await api<{ options: { id: number }[] }>('POST', `/api/consultations/topics/${ids.evaluate}/options`, { title: '集中清理一次' });
    await api('POST', `/api/consultations/topics/${ids.evaluate}/advance`, {});
    await api('POST', `/api/consultations/topics/${ids.evaluate}/decision`, { decision: '周六集中清理', optionId: withOption.options[0]!.id });
    await api('POST', `/api/consultations/topics/${ids.evaluate}/advance`, {});
    await api('POST', `/api/consultations/topics/${ids.evaluate}/advance`, { record: '已清理完毕。' });
  });

  it('the list on /m/consult shows both topics with their steps, reached from the /m tabs', async () => {
    await phone.goto(`${server.url}/m/report`);
    await phone.getByRole('navigation').getByRole('link', { name: '云商量' }).click();
    await phone.waitForURL((u) => u.pathname === '/m/consult');
    await phone.getByRole('heading', { level: 1, name: '云商量' }).waitFor();
    const card = (title: string) => phone.getByTestId('consult-topic').filter({ hasText: title });
    await card(titles.collect).getByText('问诉求').waitFor();
    await card(titles.vote).getByText('议事项').waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('the topic\'s QR code opens it; commenting asks for the phone inline, then posts; the vote is cast once', async () => {
    const qr = await desk.request.get(`${server.url}/api/consultations/topics/${ids.vote}/qr.png`);
    expect(qr.ok(), `qr.png → ${qr.status()}`).toBe(true);
    expect(qr.headers()['content-type']).toContain('image/png');
    const link = new URL(decodeQr(await qr.body()));
    expect(link.pathname).toBe(topicPublicPath(ids.vote));
    await phone.goto(`${server.url}${link.pathname}${link.search}${link.hash}`);

    await phone.getByRole('heading', { level: 1, name: titles.vote }).waitFor();
    await phone.locator('.m-steps [aria-current="step"]', { hasText: '议事项' }).waitFor();
    await phone.getByTestId('consult-option').filter({ hasText: '装在东侧车棚' }).getByText('18,000').waitFor();
    await phone.getByTestId('consult-vote').getByText('已有 0 人投票').waitFor();
    expect(await seriousViolations(phone)).toEqual([]);

    // Not verified yet: posting shows the verification right there, and the comment goes out after it.
    await phone.getByLabel('写下您的意见').fill(COMMENT);
    await phone.getByRole('button', { name: '发表留言' }).click();
    await phone.getByRole('heading', { name: '验证手机号' }).waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByLabel('手机号', { exact: true }).fill(RESIDENT_PHONE);
    await phone.getByRole('button', { name: '获取验证码' }).click();
    await phone.getByText(/验证码已发送/).waitFor();
    const outbox = await phone.request.get(`${server.url}/api/public/dev/sms-outbox?phone=${RESIDENT_PHONE}`);
    expect(outbox.ok(), `sms-outbox → ${outbox.status()}`).toBe(true);
    await phone.getByLabel('验证码', { exact: true }).fill(((await outbox.json()) as { code: string }).code);
    await phone.getByRole('button', { name: '验证', exact: true }).click();

    await phone.getByRole('status').filter({ hasText: '留言已发表' }).waitFor({ timeout: 15_000 });
    await phone.getByRole('heading', { name: '验证手机号' }).waitFor({ state: 'detached' });
    const mine = phone.getByTestId('consult-comment').filter({ hasText: COMMENT });
    await mine.getByText('我', { exact: true }).waitFor();
    expect(await mine.getByRole('button', { name: /举报/ }).count(), 'no 举报 on one\'s own comment').toBe(0);
    expect(await phone.content()).not.toContain(RESIDENT_PHONE);

    const vote = phone.getByTestId('consult-vote');
    await vote.getByRole('button', { name: '投票' }).click();
    await vote.getByText('请选择一个方案').last().waitFor();
    await vote.getByLabel('装在东侧车棚').check();
    await vote.getByRole('button', { name: '投票' }).click();
    await vote.getByText('已投票：装在东侧车棚').waitFor();
    await vote.getByText('已有 1 人投票').waitFor();
    // Results stay hidden while the vote is open.
    expect(await vote.getByText('投票结果').count()).toBe(0);
    expect(await vote.getByRole('button', { name: '投票' }).count()).toBe(0);
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.screenshot({ path: `${ARTIFACTS}cloud-consult-topic.png`, fullPage: true });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('the verified resident supports the topic collecting demands; it stays supported on reload', async () => {
    await phone.goto(`${server.url}${topicPublicPath(ids.collect)}`);
    await phone.getByRole('heading', { level: 1, name: titles.collect }).waitFor();
    await phone.locator('.m-steps [aria-current="step"]', { hasText: '问诉求' }).waitFor();
    await phone.getByRole('button', { name: /^支持/ }).click();
    await phone.getByRole('status').filter({ hasText: '感谢您的支持' }).waitFor();
    await phone.getByRole('button', { name: '已支持 · 1' }).waitFor();
    await phone.reload();
    await phone.getByRole('button', { name: '已支持 · 1' }).waitFor();

    const questionnaire = phone.getByTestId('consult-questionnaire');
    await questionnaire.getByLabel('只有大雨').check();
    expect(await seriousViolations(phone)).toEqual([]);
    await questionnaire.getByRole('button', { name: '提交问卷' }).click();
    await questionnaire.getByText('您已提交问卷，谢谢参与。').first().waitFor();
    await questionnaire.getByText('已有 1 人参与').waitFor();
  });

  it('rates a topic in 评效果 with stars', async () => {
    await phone.goto(`${server.url}${topicPublicPath(ids.evaluate)}`);
    await phone.locator('.m-steps [aria-current="step"]', { hasText: '评效果' }).waitFor();
    await phone.getByText('周六集中清理').waitFor();
    const rating = phone.getByTestId('consult-rating');
    await rating.getByLabel('4 星').check();
    await rating.getByLabel('评价意见（选填）').fill('清理得很干净');
    expect(await seriousViolations(phone)).toEqual([]);
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByText('您的评价：4 星').waitFor();
    await rating.getByText('平均 4 星，1 人评价').waitFor();
  });

  it('community1 sees the comment and the ballot on the console', async () => {
    const comments = await api<{ data: { body: string; authorPhone: string }[] }>('GET', `/api/consultations/topics/${ids.vote}/comments`);
    expect(comments.data).toEqual([expect.objectContaining({ body: COMMENT, authorPhone: expect.not.stringContaining(RESIDENT_PHONE) as string })]);
    const participation = await api<{ comments: number; vote: { ballots: number; open: boolean; results: unknown } | null }>('GET', `/api/consultations/topics/${ids.vote}/participation`);
    expect(participation).toMatchObject({ comments: 1, vote: { ballots: 1, open: true, results: null } });
    const collect = await api<{ supports: number }>('GET', `/api/consultations/topics/${ids.collect}/participation`);
    expect(collect.supports).toBe(1);

    await desk.goto(`${server.url}/admin/consultations/topics/${ids.vote}`);
    await desk.getByRole('heading', { level: 1, name: titles.vote }).waitFor();
    // The console's participation panel on the topic page.
    await desk.getByTestId('topic-comments').getByText(COMMENT).waitFor();
    await expect.poll(async () => desk.getByTestId('topic-vote').textContent()).toContain('已投票 1 人');
  });

  it('another resident reports the comment (举报, with a reason) after verifying inline; community1 sees the report', async () => {
    const other = await (await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })).newPage();
    await other.goto(`${server.url}${topicPublicPath(ids.vote)}`);
    const comment = other.getByTestId('consult-comment').filter({ hasText: COMMENT });
    await comment.getByRole('button', { name: /^举报/ }).click();
    await comment.getByLabel('举报理由').fill('内容与议题无关');
    await comment.getByRole('button', { name: '提交举报' }).click();
    await other.getByRole('heading', { name: '验证手机号' }).waitFor();
    const otherPhone = '13955505678';
    await other.getByLabel('手机号', { exact: true }).fill(otherPhone);
    await other.getByRole('button', { name: '获取验证码' }).click();
    await other.getByText(/验证码已发送/).waitFor();
    const outbox = await other.request.get(`${server.url}/api/public/dev/sms-outbox?phone=${otherPhone}`);
    await other.getByLabel('验证码', { exact: true }).fill(((await outbox.json()) as { code: string }).code);
    await other.getByRole('button', { name: '验证', exact: true }).click();
    await comment.getByText('已收到您的举报，社区会尽快处理。').waitFor();
    await other.reload();
    await other.getByTestId('consult-comment').filter({ hasText: COMMENT }).getByText('已举报').waitFor();
    await other.context().close();

    const { data } = await api<{ data: { body: string; reports: number; reportReasons: string[] }[] }>('GET', `/api/consultations/topics/${ids.vote}/comments`);
    expect(data.find((c) => c.body === COMMENT)).toMatchObject({ reports: 1, reportReasons: ['内容与议题无关'] });
  });

  it('a comment hidden by community1 shows its reason to its author, who is told in 消息', async () => {
    const { data } = await api<{ data: { id: number; body: string }[] }>('GET', `/api/consultations/topics/${ids.vote}/comments`);
    await api('POST', `/api/consultations/comments/${data.find((c) => c.body === COMMENT)!.id}/hide`, { reason: '含有不实信息' });

    await phone.goto(`${server.url}${topicPublicPath(ids.vote)}`);
    const mine = phone.getByTestId('consult-comment').filter({ hasText: COMMENT });
    await mine.getByText('此留言已被隐藏，仅您可见。理由：含有不实信息').waitFor();
    await phone.getByRole('link', { name: '返回云商量' }).click();
    const notices = phone.getByTestId('consult-notices');
    await notices.getByText('1 条未读').waitFor();
    await notices.getByText('留言被隐藏').waitFor();
    await notices.getByRole('button', { name: '全部标为已读' }).click();
    await notices.getByRole('status').filter({ hasText: '已全部标为已读' }).waitFor();
    expect(await notices.getByText('1 条未读').count()).toBe(0);
  });

  it('the resident raises a topic on /m/consult; screened out, 我的议题 and 消息 show the reason', async () => {
    await phone.goto(`${server.url}/m/consult`);
    await phone.getByRole('button', { name: '我要提议题' }).click();
    await phone.getByRole('button', { name: '提交议题' }).click();
    await phone.getByText('请填写议题标题').waitFor();
    await phone.getByLabel('议题标题').fill('要求减免全体业主物业费');
    await phone.getByLabel('议题描述').fill('物业服务不到位，希望全体业主免交一年物业费。');
    // community1's community, so that community1 screens it.
    const tree = await api<{ nodes: { name: string; kind: string }[] }>('GET', '/api/nodes/tree');
    const community = phone.getByLabel('社区', { exact: true });
    await expect.poll(async () => community.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await community.selectOption({ label: tree.nodes.find((n) => n.kind === 'community')!.name });
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByRole('button', { name: '提交议题' }).click();
    await phone.getByRole('status').filter({ hasText: '议题已提交' }).waitFor();
    const mine = phone.getByTestId('consult-my-topics').getByRole('listitem').filter({ hasText: '要求减免全体业主物业费' });
    await mine.getByText('待审查').waitFor();

    const { data: topics } = await api<{ data: { id: number; title: string }[] }>('GET', '/api/consultations/topics?status=screening&pageSize=100');
    const raised = topics.find((x) => x.title === '要求减免全体业主物业费')!;
    const { data: categories } = await api<{ data: { id: number; kind: string; active: boolean }[] }>('GET', '/api/consultations/agenda-categories');
    await api('POST', `/api/consultations/topics/${raised.id}/screen`, { categoryId: categories.find((c) => c.kind === 'excluded' && c.active)!.id, reason: '少数业主免交、其他业主分摊，明显不公平' });

    await phone.reload();
    await mine.getByText('不予议事的理由：少数业主免交、其他业主分摊，明显不公平').waitFor();
    await phone.getByTestId('consult-notices').getByText('议题未通过审查').waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.screenshot({ path: `${ARTIFACTS}cloud-consult-list.png`, fullPage: true });
  });

  it('a meeting\'s QR page signs the verified resident in once', async () => {
    const meeting = await api<{ signInPath: string }>('POST', '/api/consultations/meetings', {
      topicId: ids.vote,
      form: 'onsite',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      place: '社区党群服务中心二楼',
    });
    await phone.goto(`${server.url}${meeting.signInPath}`);
    await phone.getByRole('heading', { level: 1, name: '会议签到' }).waitFor();
    await phone.getByText('社区党群服务中心二楼', { exact: false }).waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByRole('button', { name: '签到' }).click();
    await expect.poll(async () => phone.getByTestId('meeting-result').textContent()).toBe('签到成功');
    await phone.reload();
    await phone.getByRole('button', { name: '签到' }).click();
    await expect.poll(async () => phone.getByTestId('meeting-result').textContent()).toBe('您已签到');
  });

  it('switches to English with the phone pages\' own strings', async () => {
    await phone.goto(`${server.url}${topicPublicPath(ids.vote)}`);
    await phone.getByRole('button', { name: 'English' }).click();
    await phone.getByRole('link', { name: 'Back to cloud consultation' }).waitFor();
    await phone.getByTestId('consult-vote').getByText('Voted: 装在东侧车棚').waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('en');
    await phone.getByRole('button', { name: '中文' }).click();
  });
});
