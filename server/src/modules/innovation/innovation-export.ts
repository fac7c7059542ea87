import type { ExportColumn } from '../../platform/excel/columns.js';
import { sheetBuffer } from '../../platform/excel/workbook.js';
import type { Queryable } from '../../platform/db.js';
import { isoOf } from '../person-roles/person-ref.js';
import { listPublished, type CaseRow } from './innovation.repo.js';

/** At most this many cases go into one export (the library holds far fewer). */
const EXPORT_MAX = 5000;

const COLUMNS: ExportColumn<CaseRow>[] = [
  { header: '案例标题', width: 28, value: (r) => r.title },
  { header: '申报单位', width: 20, value: (r) => r.unit_name },
  { header: '所属节点', width: 14, value: (r) => r.node_name },
  { header: '发布日期', width: 12, value: (r) => (r.published_at ? isoOf(r.published_at).slice(0, 10) : '') },
  { header: '标签', width: 24, value: (r) => r.tags.join('、') },
  { header: '针对的问题', width: 40, value: (r) => r.problem },
  { header: '主要做法', width: 50, value: (r) => r.method },
  { header: '取得的成效', width: 40, value: (r) => r.results },
  { header: '成效数据', width: 36, value: (r) => r.figures.map((f) => `${f.label} ${f.value}${f.unit ?? ''}`).join('；') },
];

/** The library (published cases matching the filters, newest first) as a workbook. */
export async function libraryWorkbook(q: Queryable, f: { q?: string; tag?: string }): Promise<Buffer> {
  const { data } = await listPublished(q, f, { page: 1, pageSize: EXPORT_MAX });
  return sheetBuffer('创新案例库', COLUMNS, data);
}
