import ExcelJS from 'exceljs';
import { BUDGET_KIND_LABELS, DISBURSEMENT_STATUS_LABELS, percentOfPermille, type BudgetLineDto, type DisbursementDto, type FundingFigures, type FundingReportDto } from '@xj/contracts';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { sheetBuffer, workbookBuffer } from '../../platform/excel/workbook.js';

/** Funding workbooks: amounts in yuan with two decimals (exact: fen ÷ 100 of integers below 2^53). No personal data beyond payee names. */

const yuan = (fen: number) => fen / 100;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const today = () => new Date().toISOString().slice(0, 10);

export async function linesWorkbook(lines: BudgetLineDto[]): Promise<{ file: Buffer; fileName: string }> {
  const columns: ExportColumn<BudgetLineDto>[] = [
    { header: '年度', width: 8, value: (l) => l.year },
    { header: '单位', width: 28, value: (l) => l.nodePathNames.join('') || l.nodeName },
    { header: '预算类别', width: 18, value: (l) => BUDGET_KIND_LABELS[l.kind].zh },
    { header: '预算（元）', width: 14, value: (l) => yuan(l.budgetFen) },
    { header: '已批准（元）', width: 14, value: (l) => yuan(l.approvedFen) },
    { header: '待审批（元）', width: 14, value: (l) => yuan(l.pendingFen) },
    { header: '剩余（元）', width: 14, value: (l) => yuan(l.remainingFen) },
    { header: '执行率', width: 10, value: (l) => percentOfPermille(l.usedPermille) },
    { header: '备注', width: 30, value: (l) => l.note },
  ];
  return { file: await sheetBuffer('预算行', columns, lines), fileName: `经费预算_${today()}.xlsx` };
}

export async function disbursementsWorkbook(rows: DisbursementDto[]): Promise<{ file: Buffer; fileName: string }> {
  const columns: ExportColumn<DisbursementDto>[] = [
    { header: '月份', width: 10, value: (d) => d.month },
    { header: '单位', width: 20, value: (d) => d.nodeName },
    { header: '预算类别', width: 18, value: (d) => BUDGET_KIND_LABELS[d.kind].zh },
    { header: '领款人/单位', width: 20, value: (d) => d.payee },
    { header: '金额（元）', width: 12, value: (d) => yuan(d.amountFen) },
    { header: '用途', width: 30, value: (d) => d.purpose },
    { header: '状态', width: 10, value: (d) => DISBURSEMENT_STATUS_LABELS[d.status].zh },
    { header: '申请人', width: 16, value: (d) => d.requestedByName },
    { header: '申请日期', width: 12, value: (d) => day(d.requestedAt) },
    { header: '审批人', width: 16, value: (d) => d.decidedByName },
    { header: '审批日期', width: 12, value: (d) => day(d.decidedAt) },
    { header: '审批意见', width: 30, value: (d) => d.decisionNote },
  ];
  return { file: await sheetBuffer('拨付明细', columns, rows), fileName: `经费拨付明细_${today()}.xlsx` };
}

const FIGURE_HEADERS = ['预算（元）', '已批准（元）', '待审批（元）', '剩余（元）', '执行率'];
const figureCells = (f: FundingFigures) => [yuan(f.budgetFen), yuan(f.approvedFen), yuan(f.pendingFen), yuan(f.remainingFen), percentOfPermille(f.usedPermille)];

function addSheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: (string | number)[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  headers.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 24 : 14));
}

/** Budget versus actual: by kind (with the total), by node and by month. */
export async function reportWorkbook(r: FundingReportDto): Promise<{ file: Buffer; fileName: string }> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, '按类别', ['预算类别', ...FIGURE_HEADERS], [
    ...r.byKind.map((k) => [BUDGET_KIND_LABELS[k.kind].zh, ...figureCells(k)]),
    ['合计', ...figureCells(r.totals)],
  ]);
  addSheet(wb, '按单位', ['单位', ...FIGURE_HEADERS], r.byNode.map((n) => [n.own ? `${n.nodeName}（本级）` : n.nodeName, ...figureCells(n)]));
  addSheet(wb, '按月', ['月份', '已批准（元）'], r.monthly.map((m) => [m.month, yuan(m.approvedFen)]));
  return { file: await workbookBuffer(wb), fileName: `经费预算执行_${r.node.name}_${r.year}年.xlsx` };
}
