import { ASSESSMENT_RESULT_LABELS, PAY_SHEET_STATUS_LABELS, WORKER_POST_LABELS, type PaySheetDto } from '@xj/contracts';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { sheetBuffer } from '../../platform/excel/workbook.js';

type Row = { n: number | string; name: string; phone: string | null; post: string; grade: number | null; base: number; education: number; qualification: number;
  serviceYears: number | null; seniority: number; result: string; bonus: number; adjustment: number; reason: string; total: number };

/** A pay sheet as a workbook: one row per worker (phones masked) and a totals row. */
export async function paySheetWorkbook(s: PaySheetDto): Promise<{ file: Buffer; fileName: string }> {
  const columns: ExportColumn<Row>[] = [
    { header: '序号', width: 6, value: (r) => r.n },
    { header: '姓名', width: 10, value: (r) => r.name },
    { header: '联系电话', width: 14, value: (r) => r.phone },
    { header: '岗位', width: 16, value: (r) => r.post },
    { header: '等级', width: 6, value: (r) => r.grade },
    { header: '基本工资（元）', width: 12, value: (r) => r.base },
    { header: '学历津贴（元）', width: 12, value: (r) => r.education },
    { header: '职业资格津贴（元）', width: 14, value: (r) => r.qualification },
    { header: '工龄（年）', width: 8, value: (r) => r.serviceYears },
    { header: '工龄津贴（元）', width: 12, value: (r) => r.seniority },
    { header: '年度考核结果', width: 12, value: (r) => r.result },
    { header: '考核奖金（元）', width: 12, value: (r) => r.bonus },
    { header: '调整（元）', width: 10, value: (r) => r.adjustment },
    { header: '调整原因', width: 24, value: (r) => r.reason },
    { header: '应发合计（元）', width: 12, value: (r) => r.total },
  ];
  const rows: Row[] = s.lines.map((l, i) => ({
    n: i + 1, name: l.worker.name, phone: l.worker.phone, post: WORKER_POST_LABELS[l.post].zh, grade: l.grade, base: l.base, education: l.education,
    qualification: l.qualification, serviceYears: l.serviceYears, seniority: l.seniority, result: l.assessmentResult ? ASSESSMENT_RESULT_LABELS[l.assessmentResult].zh : '',
    bonus: l.bonus, adjustment: l.adjustment, reason: l.adjustmentReason ?? '', total: l.total,
  }));
  const t = s.totals;
  rows.push({ n: '合计', name: `${s.lines.length}人`, phone: null, post: PAY_SHEET_STATUS_LABELS[s.status].zh, grade: null, base: t.base, education: t.education,
    qualification: t.qualification, serviceYears: null, seniority: t.seniority, result: '', bonus: t.bonus, adjustment: t.adjustment, reason: '', total: t.total });
  const file = await sheetBuffer(`${s.month}工资表`, columns, rows);
  return { file, fileName: `社区工作者工资表_${s.communityName}_${s.month}.xlsx` };
}
