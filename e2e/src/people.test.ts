import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, signIn } from './browser.js';
import { startServer, type RunningServer } from './server.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The app's CSP forbids inline scripts; axe is injected as one, so this context bypasses CSP.
  context = await browser.newContext({ bypassCSP: true, acceptDownloads: true, viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await signIn(page, server.url, 'admin');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function seriousViolations(p: Page): Promise<string[]> {
  await p.addScriptTag({ path: axePath });
  const violations = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** A fictitious ID number with a correct GB 11643 check character. */
function idNumber(birth: string, seq: number): string {
  const first17 = `371427${birth}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** The same number with a check character that is certainly wrong. */
function withWrongCheck(id: string): string {
  const wrong = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + wrong;
}

async function apiGet<T>(path: string): Promise<T> {
  const res = await page.request.get(`${server.url}${path}`);
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

describe('people registry in the console', () => {
  it('imports a filled template in valid_rows mode and reports the bad row', async () => {
    const tree = await apiGet<{ nodes: { code: string; kind: string }[] }>('/api/nodes/tree');
    const compound = tree.nodes.find((n) => n.kind === 'compound');
    expect(compound).toBeDefined();

    await page.goto(`${server.url}/admin/people/import`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载导入模板/ }).click()]);
    const templatePath = join(ARTIFACTS, 'people-template.xlsx');
    await download.saveAs(templatePath);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(templatePath) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const columnOf = new Map<string, number>();
    ws.getRow(1).eachCell((cell, col) => columnOf.set(String(cell.value).replace(/[\s*＊]/g, ''), col));
    for (const h of ['姓名', '手机号', '身份证号', '住址编码']) expect(columnOf.has(h), h).toBe(true);

    const stamp = Date.now() % 1000;
    const good1 = idNumber('19800312', stamp);
    const good2 = idNumber('19921105', (stamp + 1) % 1000);
    const rows = [
      { 姓名: '导入测试甲', 手机号: `1990000${String(stamp).padStart(4, '0')}`, 身份证号: good1 },
      { 姓名: '导入测试乙', 手机号: `1990001${String(stamp).padStart(4, '0')}`, 身份证号: good2 },
      { 姓名: '导入测试丙', 手机号: `1990002${String(stamp).padStart(4, '0')}`, 身份证号: withWrongCheck(idNumber('19750101', (stamp + 2) % 1000)) },
    ];
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      for (const [header, value] of Object.entries({ ...r, 住址编码: compound!.code })) row.getCell(columnOf.get(header)!).value = value;
      row.commit();
    });
    const filled = join(ARTIFACTS, 'people-import.xlsx');
    writeFileSync(filled, Buffer.from(await wb.xlsx.writeBuffer()));

    await page.getByRole('radio', { name: '只导入正确的行' }).check();
    await page.locator('input[type=file]').setInputFiles(filled);
    await page.getByRole('button', { name: /开始导入/ }).click();

    const report = page.getByTestId('import-report');
    await report.getByRole('status').filter({ hasText: /导入完成/ }).waitFor({ timeout: 60_000 });
    await expect(report.getByRole('status').innerText()).resolves.toContain('导入 2 行');
    const errorRow = report.locator('tbody tr.ant-table-row').first();
    const cells = await errorRow.locator('td').allInnerTexts();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toContain('身份证号');
    expect(cells[2]).toContain('校验码');
    await expect(report.getByRole('button', { name: /下载错误报告/ }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'people-import.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The two valid rows are in the registry, masked.
    const found = await apiGet<{ data: { name: string; idNumber: string }[] }>(`/api/people?q=${encodeURIComponent('导入测试')}`);
    expect(found.data.map((p) => p.name).sort()).toEqual(['导入测试乙', '导入测试甲']);
    expect(found.data.every((p) => p.idNumber.includes('****'))).toBe(true);
  });

  it('finds a steward by the last four digits of the phone in the header search and opens the record', async () => {
    const stewards = await apiGet<{ data: { person: { id: number; name: string; phone: string | null } }[] }>('/api/stewards?pageSize=50');
    type Search = { groups: { type: string; total: number; items: { title: string; link: string }[] }[] };
    let target: { id: number; name: string; last4: string } | null = null;
    for (const s of stewards.data) {
      if (!s.person.phone) continue;
      const last4 = s.person.phone.slice(-4);
      const r = await apiGet<Search>(`/api/search?q=${last4}&limit=5`);
      if (r.groups.find((g) => g.type === 'person')?.items.some((i) => i.link === `/admin/people/${s.person.id}`)) {
        target = { id: s.person.id, name: s.person.name, last4 };
        break;
      }
    }
    expect(target, 'a steward whose phone digits find them among the first suggestions').not.toBeNull();

    await page.goto(`${server.url}/admin/people`);
    const box = page.getByRole('combobox', { name: '一键查询内容' });
    await box.fill(target!.last4);
    const option = page.getByTestId('search-option').filter({ hasText: target!.name }).first();
    await option.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'header-search.png') });
    await option.click();
    await page.waitForURL((u) => u.pathname === `/admin/people/${target!.id}`);
    await page.getByRole('heading', { level: 1, name: target!.name }).waitFor();
    await expect(page.getByTestId('phone-value').innerText()).resolves.toContain(target!.last4);
    expect(await seriousViolations(page)).toEqual([]);

    // Enter opens the full results page.
    await page.getByRole('combobox', { name: '一键查询内容' }).fill(target!.last4);
    await page.getByRole('combobox', { name: '一键查询内容' }).press('Enter');
    await page.waitForURL((u) => u.pathname === '/admin/search' && u.searchParams.get('q') === target!.last4);
    await page.getByRole('link', { name: target!.name }).first().waitFor();
  });

  it('reveals a phone with a reason, on the person page', async () => {
    const people = await apiGet<{ data: { id: number; phone: string | null }[] }>('/api/people?pageSize=5');
    const person = people.data.find((p) => p.phone)!;
    await page.goto(`${server.url}/admin/people/${person.id}`);
    await page.getByRole('button', { name: '查看完整手机号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('原因').fill('核实居民身份，办理业务');
    await dialog.getByRole('button', { name: /查\s*看/ }).click();
    await dialog.getByText(/^1\d{10}$/).first().waitFor();
  });
});
