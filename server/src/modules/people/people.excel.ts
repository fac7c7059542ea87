import {
  EXCEL_LIMITS,
  GENDER_LABELS,
  idCheckChar,
  maskIdNumber,
  maskPhone,
  personImportRowSchema,
  type Gender,
  type PersonExportQuery,
  type PersonImportRow,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { AppError, badRequest, forbidden } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { ExportColumn, ImportColumn } from '../../platform/excel/columns.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import { sheetBuffer } from '../../platform/excel/workbook.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import type { PersonValues } from './people.repo.js';
import { assertIdNumberFree, reconcileWithIdNumber } from './people.service.js';
import * as xrepo from './people-excel.repo.js';

const EXAMPLE_ID = `37142719850615123${idCheckChar('37142719850615123')}`;

export const PERSON_IMPORT_COLUMNS: readonly ImportColumn<keyof PersonImportRow>[] = [
  { key: 'name', header: '姓名', required: true, width: 12, example: '张三', help: '必填，不超过50个字' },
  { key: 'gender', header: '性别', choices: GENDER_LABELS, width: 8, example: '男', help: '填“男”或“女”；可不填，按身份证号自动识别' },
  { key: 'birthDate', header: '出生日期', date: true, width: 14, example: '1985-06-15', help: '格式 YYYY-MM-DD（如 1985-06-15）；可不填，按身份证号自动识别' },
  { key: 'phone', header: '手机号', text: true, width: 16, example: '13800001234', help: '11位手机号，或带区号的固定电话（如 0534-5321234）' },
  {
    key: 'idNumber', header: '身份证号', text: true, unique: true, width: 22, example: EXAMPLE_ID,
    help: '18位居民身份证号，末位可为X；同一身份证号只能登记一次（请将此列保持为“文本”格式）',
  },
  {
    key: 'nodeCode', header: '住址编码', required: true, text: true, width: 20, example: '371427001001001',
    help: '必填：居住的社区、小区、楼栋或单元在组织架构树中的编码（如小区 371427001001001、楼栋 371427001001001-B01、单元 371427001001001-B01-U1），须在您的管辖范围内',
  },
  { key: 'notes', header: '备注', width: 30, example: '', help: '选填，不超过2000字' },
];

export const PERSON_IMPORT: ImportSpec<PersonImportRow> = {
  title: '人员',
  columns: PERSON_IMPORT_COLUMNS,
  schema: personImportRowSchema,
  action: 'person.import',
  targetType: 'person',
};

interface PersonToWrite {
  values: PersonValues;
  nodePath: string;
}

/** reconcileWithIdNumber names the field it disagrees with first in its message. */
const reconcileColumn = (message: string) => (message.startsWith('性别') ? '性别' : message.startsWith('出生日期') ? '出生日期' : '身份证号');

/** Checks and writes one caller's people rows: the same rules as `POST /api/people`. */
export function personImportHandler(writeScope: Scope, readScope: Scope): ImportHandler<PersonImportRow, PersonToWrite> {
  return {
    async resolve(q, rows) {
      const nodes = await xrepo.nodesByCodes(q, [...new Set(rows.map((r) => r.value!.nodeCode))]);
      const taken = await xrepo.registeredIdNumbers(q, rows.flatMap((r) => (r.value!.idNumber ? [r.value!.idNumber] : [])));
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const node = nodes.get(v.nodeCode);
        // Unknown and out-of-scope codes read the same: the file must not reveal other jurisdictions.
        if (!node || !pathInScope(node.path, writeScope)) fail('住址编码', `住址编码“${v.nodeCode}”不存在或不在您的管辖范围内`);
        let values: PersonValues | null = null;
        try {
          values = reconcileWithIdNumber({
            name: v.name,
            gender: v.gender ?? null,
            birthDate: v.birthDate ?? null,
            phone: v.phone ?? null,
            idNumber: v.idNumber ?? null,
            nodeId: node?.id ?? 0,
            notes: v.notes || null,
          });
          if (values.idNumber && taken.has(values.idNumber)) await assertIdNumberFree(q, values.idNumber, readScope);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          fail(err.code === 'DUPLICATE' ? '身份证号' : reconcileColumn(err.message), err.message);
        }
        if (r.errors.length === 0 && values && node) r.output = { values, nodePath: node.path };
      }
    },
    async write(q, rows, progress) {
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        await xrepo.insertPeople(q, chunk.map((r) => r.values));
        progress(chunk.length);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.nodePath)),
  };
}

type ExportRow = xrepo.PersonExportRow & { address: string };

function exportColumns(unmasked: boolean): ExportColumn<ExportRow>[] {
  return [
    { header: '编号', width: 8, value: (r) => r.id },
    { header: '姓名', width: 12, value: (r) => r.name },
    { header: '性别', width: 8, value: (r) => (r.gender ? GENDER_LABELS[r.gender as Gender].zh : '') },
    { header: '出生日期', width: 14, text: true, value: (r) => r.birth_date },
    { header: '手机号', width: 16, text: true, value: (r) => (unmasked ? r.phone : maskPhone(r.phone)) },
    { header: '身份证号', width: 22, text: true, value: (r) => (unmasked ? r.id_number : maskIdNumber(r.id_number)) },
    { header: '住址', width: 40, value: (r) => r.address },
    { header: '住址编码', width: 20, text: true, value: (r) => r.node_code },
    { header: '备注', width: 30, value: (r) => r.notes },
  ];
}

/** A search text as it may go into the audit log: identifiers in it are masked. */
function auditableSearch(q: string | undefined): string | null {
  if (!q) return null;
  if (/^\d{17}[\dXx]$/.test(q)) return maskIdNumber(q);
  if (/\d{7,}/.test(q)) return q.replace(/\d{7,}/g, (d) => maskPhone(d)!);
  return q;
}

/**
 * The filtered people list as a workbook; masked unless unmasked with a reason and the
 * people.unmask permission. Every export, and every refused unmasking, leaves an audit row.
 */
export async function exportPeopleWorkbook(
  db: Db,
  scopes: { read: Scope; unmask: Scope | null },
  query: PersonExportQuery,
  actor: Actor,
): Promise<{ file: Buffer; rowCount: number }> {
  const filters = { q: auditableSearch(query.q), nodeId: query.nodeId ?? null, gender: query.gender ?? null };
  const audit = (result: 'success' | 'denied', nodeId: number | null, details: Record<string, unknown>) =>
    db.tx((q) =>
      appendAudit(q, { ...actorEntry(actor), action: 'person.export', targetType: 'person', nodeId, result, details: { filters, unmasked: query.unmask, ...details } }),
    );
  if (query.unmask && !scopes.unmask) {
    await audit('denied', query.nodeId ?? null, { reason: query.reason });
    throw forbidden('没有导出明文的权限：需要“查看完整证件号和电话”权限');
  }
  const scope = (query.unmask ? scopes.unmask : scopes.read)!;
  const subtree = query.nodeId ? (await nodeInScope(db, query.nodeId, scope)).path : undefined;
  const filter = { scopePatterns: scopePatterns(scope), q: query.q, subtreePath: subtree, gender: query.gender };
  const total = await xrepo.countPeople(db, filter);
  if (total > EXCEL_LIMITS.exportRowsMax) {
    throw badRequest(`符合条件的人员有 ${total} 人，超过单次导出上限 ${EXCEL_LIMITS.exportRowsMax} 人，请缩小筛选范围后分批导出`, {
      total,
      max: EXCEL_LIMITS.exportRowsMax,
    });
  }
  const rows = await xrepo.exportPeople(db, filter, EXCEL_LIMITS.exportRowsMax);
  const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);
  const names = await xrepo.nodeNames(db, [...new Set(rows.flatMap((r) => pathIds(r.node_path)))]);
  const withAddress = rows.map((r) => ({ ...r, address: pathIds(r.node_path).flatMap((id) => names.get(id) ?? []).join(' / ') }));

  await audit('success', query.nodeId ?? commonAncestorId(scope.paths), { rowCount: rows.length, ...(query.unmask ? { reason: query.reason } : {}) });
  return { file: await sheetBuffer('人员名单', exportColumns(query.unmask), withAddress), rowCount: rows.length };
}
