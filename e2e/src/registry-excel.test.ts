import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, signIn } from './browser.js';
import { fictitiousIdNumber, seriousViolations } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The app's CSP forbids inline scripts; axe is injected as one, so this context bypasses CSP.
  const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true, viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await signIn(page, server.url, 'admin');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function apiGet<T>(path: string): Promise<T> {
  const res = await page.request.get(`${server.url}${path}`);
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

type NodeRow = { id: number; code: string; kind: string };
const childrenOf = async (id: number) => (await apiGet<{ data: NodeRow[] }>(`/api/nodes?parentId=${id}&pageSize=5`)).data;

describe('Excel on a registry page', () => {
  it('exports the stewards and imports a template with one bad row, reported by row and column', async () => {
    const tree = await apiGet<{ nodes: NodeRow[] }>('/api/nodes/tree');
    const compound = tree.nodes.find((n) => n.kind === 'compound')!;
    const building = (await childrenOf(compound.id)).find((n) => n.kind === 'building')!;
    const stairwell = (await childrenOf(building.id)).find((n) => n.kind === 'stairwell')!;
    expect(stairwell, 'a stairwell in the first compound').toBeDefined();

    await page.goto(`${server.url}/admin/stewards`);
    await page.locator('tr.ant-table-row').first().waitFor();
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);

    await page.getByRole('button', { name: /批量导入/ }).click();
    await page.waitForURL((u) => u.pathname === '/admin/stewards/import');
    await page.getByRole('heading', { level: 1, name: '红色管家批量导入' }).waitFor();
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载导入模板/ }).click()]);
    const templatePath = join(ARTIFACTS, 'stewards-template.xlsx');
    await template.saveAs(templatePath);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(templatePath) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const columnOf = new Map<string, number>();
    ws.getRow(1).eachCell((cell, col) => columnOf.set(String(cell.value).replace(/[\s*＊]/g, ''), col));
    const stamp = Date.now() % 1000;
    const rows = [
      { 身份证号: fictitiousIdNumber('19330303', stamp), 姓名: '管家导入甲', 服务楼道编码: stairwell.code },
      { 身份证号: fictitiousIdNumber('19330304', stamp), 姓名: '管家导入乙', 服务楼道编码: `${compound.code}-无此楼道` },
    ];
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      for (const [header, value] of Object.entries({ ...r, 住址编码: compound.code, 小区编码: compound.code })) row.getCell(columnOf.get(header)!).value = value;
      row.commit();
    });
    const filled = join(ARTIFACTS, 'stewards-import.xlsx');
    writeFileSync(filled, Buffer.from(await wb.xlsx.writeBuffer()));

    await page.getByRole('radio', { name: '只导入正确的行' }).check();
    await page.locator('input[type=file]').setInputFiles(filled);
    await page.getByRole('button', { name: /开始导入/ }).click();

    const report = page.getByTestId('import-report');
    await report.getByRole('status').filter({ hasText: /导入完成/ }).waitFor({ timeout: 30_000 });
    await expect(report.getByRole('status').innerText()).resolves.toContain('导入 1 行');
    const cells = await report.locator('tbody tr.ant-table-row').first().locator('td').allInnerTexts();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toContain('服务楼道编码');
    expect(cells[2]).toContain('无此楼道');
    await page.screenshot({ path: join(ARTIFACTS, 'stewards-import.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    const found = await apiGet<{ data: { person: { name: string } }[] }>(`/api/stewards?q=${encodeURIComponent('管家导入')}`);
    expect(found.data.map((s) => s.person.name)).toEqual(['管家导入甲']);

    await page.getByRole('link', { name: /返回红色管家列表/ }).click();
    await page.waitForURL((u) => u.pathname === '/admin/stewards');
  });

  it('lists branch secretaries with their background and term, and offers Excel and a create form', async () => {
    await page.goto(`${server.url}/admin/branch-secretaries`);
    await page.getByRole('heading', { level: 1, name: '支部书记' }).waitFor();
    const firstRow = page.locator('tr.ant-table-row').first();
    await firstRow.waitFor();
    expect((await firstRow.locator('td').allInnerTexts()).join(' ')).toMatch(/\d{4}-\d{2}-\d{2} ~/);
    await expect(page.getByRole('button', { name: /批量导入/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /导出 Excel/ }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: /新\s*增/ }).click();
    const dialog = page.getByRole('dialog');
    for (const label of ['姓名', '所在支部', '任职背景', '任期开始']) await dialog.getByLabel(label).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'branch-secretaries.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
