import { SIGNUP_STATUS_LABELS, type ActivityDetailDto, type RosterEntryDto } from '@xj/contracts';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { sheetBuffer } from '../../platform/excel/workbook.js';

/** A China date-time (UTC+8) as `2026-11-28 14:30`. */
const chinaTime = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);

const COLUMNS: readonly ExportColumn<RosterEntryDto & { n: number }>[] = [
  { header: '序号', width: 6, value: (r) => r.n },
  { header: '姓名', width: 12, value: (r) => r.name },
  // Masked by the roster query already.
  { header: '手机号', width: 16, text: true, value: (r) => r.phone },
  { header: '党员', width: 6, value: (r) => (r.isMember ? '是' : '否') },
  { header: '报名状态', width: 10, value: (r) => SIGNUP_STATUS_LABELS[r.status].zh },
  { header: '报名时间', width: 18, value: (r) => chinaTime(r.signedUpAt) },
  { header: '签到时间', width: 18, value: (r) => chinaTime(r.checkedInAt) },
  { header: '签退时间', width: 18, value: (r) => chinaTime(r.checkedOutAt) },
  { header: '服务时长（小时）', width: 14, value: (r) => r.hours },
  { header: '缺席', width: 6, value: (r) => (r.noShow ? '是' : '') },
  { header: '积分', width: 8, value: (r) => r.points },
];

/** An activity's roster as a workbook (phones masked), and its file name. */
export async function rosterWorkbook(a: ActivityDetailDto, rows: RosterEntryDto[]): Promise<{ file: Buffer; fileName: string }> {
  const file = await sheetBuffer('志愿服务签到表', COLUMNS, rows.map((r, i) => ({ ...r, n: i + 1 })));
  return { file, fileName: `志愿服务签到表_${a.title}_${chinaTime(a.startsAt)!.slice(0, 10)}.xlsx` };
}
