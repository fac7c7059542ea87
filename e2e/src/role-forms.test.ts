import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, sessionApi, signIn } from './browser.js';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, server.url, 'admin');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(method: 'GET' | 'POST', path: string, data?: unknown) => sessionApi<T>(page, server.url, method, path, data);

type Steward = { id: number; person: { id: number; name: string }; compoundId: number; compoundName: string };

describe('role forms and a person’s roles in the console', () => {
  it('shows a steward’s roles on their page, linked to the registry', async () => {
    const { data } = await api<{ data: Steward[] }>('GET', '/api/stewards?pageSize=1');
    const s = data[0]!;
    await page.goto(`${server.url}/admin/people/${s.person.id}`);
    const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '身份与职务' }) });
    await card.getByText('红色管家').first().waitFor();
    await card.getByRole('link', { name: '打开名册' }).first().click();
    await page.waitForURL((u) => u.pathname === '/admin/stewards');
  });

  it('clears a phone in the person form: emptied means removed, with a warning first', async () => {
    const { data } = await api<{ data: { id: number; phone: string | null }[] }>('GET', '/api/people?pageSize=20');
    const person = data.find((p) => p.phone)!;
    await page.goto(`${server.url}/admin/people/${person.id}`);
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = page.getByRole('dialog');
    const phone = dialog.getByLabel('手机号');
    await expect(phone.inputValue()).resolves.toBe(person.phone);
    await phone.fill('');
    await dialog.getByText('保存后将删除已登记的手机号').waitFor();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await api<{ phone: string | null; idNumber: string | null }>('GET', `/api/people/${person.id}`)).phone).toBeNull();
  });

  it('edits a steward’s stairwells from the compound’s buildings', async () => {
    const { data } = await api<{ data: Steward[] }>('GET', '/api/stewards?pageSize=1');
    const s = data[0]!;
    await page.goto(`${server.url}/admin/stewards`);
    await page.getByRole('button', { name: `编辑 ${s.person.name}` }).first().click();
    const dialog = page.getByRole('dialog');
    const picker = dialog.getByLabel('服务楼道');
    await picker.click();
    const option = page.locator('.ant-select-item-option:not(.ant-select-item-option-selected)').first();
    await option.waitFor();
    const label = (await option.innerText()).trim();
    await option.click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const after = await api<{ stairwells: { name: string; buildingName: string }[] }>('GET', `/api/stewards/${s.id}`);
    expect(after.stairwells.map((w) => `${w.buildingName}${w.name}`)).toContain(label);
  });

  it('shows the committee’s party share live and the server’s refusal', async () => {
    const { data } = await api<{ data: { id: number; compoundName: string; memberCount: number; partyMemberCount: number }[] }>('GET', '/api/owners-committees?pageSize=1');
    const c = data[0]!;
    const plain = await api<{ id: number; name: string }>('POST', '/api/people', { name: '测试群众甲', nodeId: (await api<{ compoundId: number }>('GET', `/api/owners-committees/${c.id}`)).compoundId });
    await page.goto(`${server.url}/admin/owners-committees`);
    await page.getByRole('button', { name: `编辑 ${c.compoundName} · 红色业委会` }).click();
    const dialog = page.getByRole('dialog');
    const status = dialog.getByRole('status');
    await expect(status.innerText()).resolves.toContain(`（${c.partyMemberCount} / ${c.memberCount}）`);
    // Add non-members until the share falls to 60% or below.
    const needed = Math.max(1, Math.ceil((c.partyMemberCount * 5) / 3 - c.memberCount));
    const extra = [plain];
    for (let i = 1; i < needed; i++) extra.push(await api('POST', '/api/people', { name: `测试群众${i}`, nodeId: (await api<{ compoundId: number }>('GET', `/api/owners-committees/${c.id}`)).compoundId }));
    for (const p of extra) {
      await dialog.getByRole('button', { name: '添加成员' }).click();
      const select = dialog.locator('.member-row').last().getByRole('combobox').first();
      await select.click();
      await select.fill(p.name);
      await page.locator('.ant-select-item-option').filter({ hasText: p.name }).first().click();
    }
    await status.getByText(`（${c.partyMemberCount} / ${c.memberCount + extra.length}）`).waitFor();
    await dialog.getByText(/按当前名单保存将被拒绝/).waitFor();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    // The server's refusal, beside the form's own live warning.
    await dialog.getByRole('alert').getByText(/^业委会党员占比 [\d.]+%，须高于 60%$/).waitFor();
  });
});
