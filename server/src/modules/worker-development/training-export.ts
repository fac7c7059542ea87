import ExcelJS from 'exceljs';
import { WORKER_POST_LABELS, type TrainingRequirementDto } from '@xj/contracts';
import { workbookBuffer } from '../../platform/excel/workbook.js';
import type { ExportRow, YearHoursRow } from './worker-development.repo.js';

const MODE = { online: '线上', offline: '线下' } as const;

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[], rows: (string | number | null)[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
}

/**
 * A year's training record in scope: the first sheet has every active worker's hours against the
 * requirement (short ones marked), the second every attendance.
 */
export async function trainingYearWorkbook(year: number, totals: YearHoursRow[], rows: ExportRow[], required: TrainingRequirementDto): Promise<{ file: Buffer; fileName: string }> {
  const need = Math.round(required.hours * 10);
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    '年度学时',
    [
      { header: '社区', width: 16 }, { header: '姓名', width: 10 }, { header: '岗位', width: 16 }, { header: '等级', width: 6 },
      { header: '参训课程数', width: 10 }, { header: '累计学时', width: 10 }, { header: '应修学时', width: 10 }, { header: '是否达标', width: 10 },
    ],
    totals.map((t) => [t.community_name, t.name, WORKER_POST_LABELS[t.post].zh, t.grade, t.courses, t.hours_tenths / 10, required.hours, t.hours_tenths < need ? '学时不足' : '达标']),
  );
  sheet(
    wb,
    '培训明细',
    [
      { header: '社区', width: 16 }, { header: '姓名', width: 10 }, { header: '课程', width: 30 }, { header: '主办单位', width: 16 },
      { header: '开始日期', width: 12 }, { header: '结束日期', width: 12 }, { header: '形式', width: 8 }, { header: '类别', width: 8 },
      { header: '学时', width: 8 }, { header: '是否合格', width: 8 }, { header: '证书编号', width: 20 },
    ],
    rows.map((r) => [r.community_name, r.name, r.title, r.organiser, r.starts_on, r.ends_on, MODE[r.mode], r.required ? '必修' : '选修', r.hours_tenths / 10, r.passed ? '合格' : '不合格', r.certificate_no]),
  );
  return { file: await workbookBuffer(wb), fileName: `社区工作者培训记录_${year}年.xlsx` };
}
