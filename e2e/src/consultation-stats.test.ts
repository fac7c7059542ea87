import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, sessionApi, signIn } from './browser.js';
import { seriousViolations } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;
let browser: Browser;
/** admin at a desk: the statistics page and the topic's participation card. */
let desk: Page;
/** A resident's cookies (no page needed): verifies a phone and comments through the public API. */
let resident: BrowserContext;

const RESIDENT_PHONE = '13955507788';
const COMMENT = '希望晚上十点后不要在楼下施工，噪音太大';
const HIDE_REASON = '含有与议题无关的内容';
/** antd spaces a two-character button's label. */
const HIDE = /^隐\s?藏$/;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  desk = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
  resident = await browser.newContext({ locale: 'zh-CN' });
  await signIn(desk, server.url, 'admin');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(method: 'GET' | 'POST', path: string, data?: unknown) => sessionApi<T>(desk, server.url, method, path, data);

/** A resident's API call (same origin, resident cookie kept by the context). */
async function asResident<T>(path: string, data: unknown): Promise<T> {
  const res = await resident.request.post(`${server.url}${path}`, { data });
  expect(res.ok(), `POST ${path} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

type Stats = {
  meetings: number;
  attendances: number;
  topicsByStatus: Record<string, number>;
  satisfaction: { average: number | null; count: number };
  averageDaysToEvaluation: number | null;
};

describe('consultation statistics and residents\' participation in the console', () => {
  let topicId = 0;
  const title = '夜间施工噪音扰民';

  it('sets up a topic at 议事项 with two options, and a verified resident comments on it', async () => {
    const tree = await api<{ nodes: { id: number; kind: string }[] }>('GET', '/api/nodes/tree');
    const community = tree.nodes.find((n) => n.kind === 'community')!;
    const { data: categories } = await api<{ data: { id: number; kind: string; active: boolean }[] }>('GET', '/api/consultations/agenda-categories');
    const allowed = categories.find((c) => c.kind === 'allowed' && c.active)!;
    topicId = (await api<{ id: number }>('POST', '/api/consultations/topics', { title, description: '居民反映夜间施工噪音大，希望商量施工时间。', nodeId: community.id, source: 'community' })).id;
    await api('POST', `/api/consultations/topics/${topicId}/screen`, { categoryId: allowed.id, responsibleName: '李书记' });
    await api('POST', `/api/consultations/topics/${topicId}/advance`, { record: '走访 30 户' });
    await api('POST', `/api/consultations/topics/${topicId}/options`, { title: '晚上十点后停工' });
    await api('POST', `/api/consultations/topics/${topicId}/options`, { title: '晚上八点后停工' });
    await api('POST', `/api/consultations/topics/${topicId}/advance`, {});

    await asResident('/api/public/resident/code', { phone: RESIDENT_PHONE });
    const outbox = await resident.request.get(`${server.url}/api/public/dev/sms-outbox?phone=${RESIDENT_PHONE}`);
    expect(outbox.ok(), `sms-outbox → ${outbox.status()}`).toBe(true);
    await asResident('/api/public/resident/verify', { phone: RESIDENT_PHONE, code: ((await outbox.json()) as { code: string }).code });
    await asResident(`/api/public/consultations/topics/${topicId}/comments`, { body: COMMENT });
  });

  it('商量统计 shows the headline numbers of GET /api/consultations/stats and draws the charts', async () => {
    await desk.goto(`${server.url}/admin/consultations/stats`);
    await desk.getByRole('heading', { level: 1, name: '商量统计' }).waitFor();
    const stats = await api<Stats>('GET', '/api/consultations/stats');
    const figure = (key: string) => desk.getByTestId(`consult-stat-${key}`).locator('.ant-statistic-content');
    await figure('meetings').waitFor();
    expect(await figure('meetings').textContent()).toBe(String(stats.meetings));
    expect(await figure('attendances').textContent()).toBe(String(stats.attendances));
    expect(await figure('topics').textContent()).toBe(String(Object.values(stats.topicsByStatus).reduce((a, b) => a + b, 0)));
    expect(await figure('satisfaction').textContent()).toBe(stats.satisfaction.average === null ? '暂无' : String(stats.satisfaction.average));
    expect(await figure('daysToEvaluation').textContent()).toBe(stats.averageDaysToEvaluation === null ? '暂无' : `${stats.averageDaysToEvaluation}天`);

    // The topic above is active at 议事项: the step and outcome charts draw on a canvas with their numbers as the accessible name.
    const stepChart = desk.getByRole('img', { name: /进行中议题的步骤：.*议事项 [1-9]/ });
    await stepChart.locator('canvas').waitFor();
    expect(await desk.locator('.chart-box canvas').count()).toBeGreaterThanOrEqual(2);
    await desk.screenshot({ path: `${ARTIFACTS}consultation-stats.png`, fullPage: true });
    expect(await seriousViolations(desk)).toEqual([]);
  });

  it('the topic\'s 居民参与 card lists the comment with the masked phone; hiding it needs a reason', async () => {
    await desk.goto(`${server.url}/admin/consultations/topics/${topicId}`);
    await desk.getByRole('heading', { level: 1, name: title }).waitFor();
    const comments = desk.getByTestId('topic-comments');
    const row = comments.locator('tr', { hasText: COMMENT });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${RESIDENT_PHONE.slice(0, 3)}****${RESIDENT_PHONE.slice(-4)}`);
    expect(await desk.content()).not.toContain(RESIDENT_PHONE);
    await desk.getByTestId('topic-vote').getByRole('button', { name: '发起线上投票' }).waitFor();
    expect(await seriousViolations(desk)).toEqual([]);

    await row.getByRole('button', { name: HIDE }).click();
    const dialog = desk.getByRole('dialog', { name: '隐藏这条留言' });
    await dialog.getByRole('button', { name: HIDE }).click();
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();
    await dialog.getByRole('textbox').fill(HIDE_REASON);
    await dialog.getByRole('button', { name: HIDE }).click();
    await desk.getByText('留言已隐藏').first().waitFor();
    await row.getByText(HIDE_REASON).waitFor();
    await comments.locator('.ant-segmented-item', { hasText: '已隐藏' }).click();
    await comments.locator('tr', { hasText: COMMENT }).getByText('已隐藏', { exact: true }).waitFor();

    const participation = await api<{ comments: number; hiddenComments: number }>('GET', `/api/consultations/topics/${topicId}/participation`);
    expect(participation.hiddenComments).toBe(1);
    const listed = await api<{ data: { status: string; hiddenReason: string }[] }>('GET', `/api/consultations/topics/${topicId}/comments?status=hidden`);
    expect(listed.data).toEqual([expect.objectContaining({ status: 'hidden', hiddenReason: HIDE_REASON })]);
  });

  it('opening the online vote from the card shows its ballots', async () => {
    const vote = desk.getByTestId('topic-vote');
    await vote.getByRole('button', { name: '发起线上投票' }).click();
    const dialog = desk.getByRole('dialog', { name: '发起线上投票' });
    await dialog.getByRole('button', { name: '发起线上投票' }).click();
    await vote.getByText('已投票 0 人').waitFor();
    await vote.getByRole('button', { name: '结束投票' }).waitFor();
    await desk.screenshot({ path: `${ARTIFACTS}topic-participation.png`, fullPage: true });
  });

  it('closing the vote with a decision adopts the winner and draws the results', async () => {
    const { options } = await api<{ options: { id: number; title: string }[] }>('GET', `/api/consultations/topics/${topicId}`);
    await asResident(`/api/public/consultations/topics/${topicId}/vote`, { optionId: options[0]!.id });
    await desk.reload();
    const vote = desk.getByTestId('topic-vote');
    await vote.getByText('已投票 1 人').waitFor();
    await vote.getByRole('button', { name: '结束投票' }).click();
    const dialog = desk.getByRole('dialog', { name: '结束线上投票' });
    await dialog.getByLabel(/采用得票最多的方案/).fill('采用晚上十点后停工的方案');
    await dialog.getByRole('button', { name: '结束线上投票' }).click();
    await vote.getByRole('img', { name: new RegExp(`投票结果：${options[0]!.title} 1，${options[1]!.title} 0`) }).locator('canvas').waitFor();
    await desk.getByText('采用晚上十点后停工的方案').first().waitFor();
    const topic = await api<{ decision: string | null; decisionSource: string | null }>('GET', `/api/consultations/topics/${topicId}`);
    expect(topic).toMatchObject({ decision: '采用晚上十点后停工的方案', decisionSource: 'vote' });
    expect(await seriousViolations(desk)).toEqual([]);
  });

  it('a questionnaire published from the card at 问诉求 shows its tallies once residents answer', async () => {
    const tree = await api<{ nodes: { id: number; kind: string }[] }>('GET', '/api/nodes/tree');
    const community = tree.nodes.find((n) => n.kind === 'community')!;
    const { data: categories } = await api<{ data: { id: number; kind: string; active: boolean }[] }>('GET', '/api/consultations/agenda-categories');
    const id = (await api<{ id: number }>('POST', '/api/consultations/topics', { title: '楼道照明改造', description: '楼道灯经常坏，希望统一改造。', nodeId: community.id, source: 'community' })).id;
    await api('POST', `/api/consultations/topics/${id}/screen`, { categoryId: categories.find((c) => c.kind === 'allowed' && c.active)!.id });
    await desk.goto(`${server.url}/admin/consultations/topics/${id}`);
    const part = desk.getByTestId('topic-questionnaire');
    await part.getByText('尚未发布问卷').waitFor();
    await part.getByRole('button', { name: '发布问卷' }).click();
    const dialog = desk.getByRole('dialog', { name: '问卷（单选题）' });
    await dialog.getByLabel('题目').fill('您希望换成哪种灯？');
    await dialog.getByLabel('选项 1').fill('声控灯');
    await dialog.getByLabel('选项 2').fill('感应灯');
    expect(await seriousViolations(desk)).toEqual([]);
    await dialog.getByRole('button', { name: '发布问卷' }).click();
    await part.getByText('0 人作答').waitFor();

    await asResident(`/api/public/consultations/topics/${id}/questionnaire/answers`, { answers: [1] });
    await desk.reload();
    await part.getByText('1 人作答').waitFor();
    await part.getByRole('img', { name: '您希望换成哪种灯？：声控灯 0，感应灯 1' }).locator('canvas').waitFor();
    // Answered: it can no longer be edited.
    expect(await part.getByRole('button', { name: /问卷/ }).count()).toBe(0);
  });
});
