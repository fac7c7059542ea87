import { branchSecretaryImportRowSchema, SECRETARY_BACKGROUND_LABELS, type BranchSecretaryImportRow } from '@xj/contracts';
import { AppError } from '../../platform/errors.js';
import { pathInScope, type Scope } from '../../platform/auth/scope.js';
import type { ImportColumn } from '../../platform/excel/columns.js';
import type { ImportRow } from '../../platform/excel/read-sheet.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import { createRolePeople, resolveRolePeople, ROLE_PERSON_COLUMNS, type RolePerson } from '../person-roles/role-person.excel.js';
import { nodesByCodes } from '../person-roles/role-import.repo.js';
import * as repo from './branch-secretaries.repo.js';
import { branchesOfCompounds, termsOfBranches, type Term } from './branch-secretaries-excel.repo.js';

export const BRANCH_SECRETARY_IMPORT_COLUMNS: readonly ImportColumn[] = [
  ...ROLE_PERSON_COLUMNS,
  {
    key: 'compoundCode', header: '支部小区编码', required: true, text: true, width: 18, example: '371427001001001',
    help: '必填：党支部所覆盖的小区编码（联建支部填其中任一小区），须在您的管辖范围内；书记登记在覆盖该小区的小区党支部',
  },
  { key: 'background', header: '书记来源', required: true, choices: SECRETARY_BACKGROUND_LABELS, width: 12, example: '退休干部', help: '必填：原村书记、原单位书记、教师、退休民警、退休干部或其他' },
  { key: 'termStart', header: '任期开始', required: true, date: true, width: 14, example: '2024-01-01', help: '必填，格式 YYYY-MM-DD' },
  { key: 'termEnd', header: '任期结束', date: true, width: 14, example: '', help: '选填，格式 YYYY-MM-DD；不填为仍在任。一个支部同一时间只有一位书记，任期不得重叠' },
];

export const BRANCH_SECRETARY_IMPORT: ImportSpec<BranchSecretaryImportRow> = {
  title: '支部书记',
  columns: BRANCH_SECRETARY_IMPORT_COLUMNS,
  schema: branchSecretaryImportRowSchema,
  action: 'branchSecretary.import',
  targetType: 'branch_secretary',
};

interface SecretaryToWrite {
  person: RolePerson;
  branchId: number;
  branchName: string;
  compoundPath: string;
  values: repo.SecretaryValues;
}

type Span = { term_start: string; term_end: string | null };
/** Inclusive date ranges; an open end runs on. */
const overlaps = (a: Span, b: Span) => a.term_start <= (b.term_end ?? '9999-12-31') && b.term_start <= (a.term_end ?? '9999-12-31');
const spanOf = (v: repo.SecretaryValues): Span => ({ term_start: v.termStart, term_end: v.termEnd });
const toValues = (v: BranchSecretaryImportRow): repo.SecretaryValues => ({ background: v.background, termStart: v.termStart, termEnd: v.termEnd ?? null });
const overlapMessage = (branchName: string, o: Term) =>
  `支部“${branchName}”的书记${o.person_name}任期 ${o.term_start} 至 ${o.term_end ?? '今'}，与新任期重叠；一个支部同一时间只有一位书记，请先结束其任期`;

/**
 * Checks and writes one caller's branch secretary rows: the rules of `POST /api/branch-secretaries`
 * (overlapping terms of one branch are refused, in the database and within the file).
 */
export function branchSecretaryImportHandler(scopes: { write: Scope; read: Scope }): ImportHandler<BranchSecretaryImportRow, SecretaryToWrite> {
  // Across the file's chunks: the checked rows of each branch.
  const rowsOfBranch = new Map<number, ImportRow<BranchSecretaryImportRow, SecretaryToWrite>[]>();
  return {
    async resolve(q, rows) {
      const people = await resolveRolePeople(q, rows, scopes);
      const compounds = await nodesByCodes(q, [...new Set(rows.map((r) => r.value!.compoundCode))]);
      const branches = await branchesOfCompounds(q, [...compounds.values()].map((c) => c.id));
      const terms = await termsOfBranches(q, [...new Set([...branches.values()].map((b) => b.id))]);
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const compound = compounds.get(v.compoundCode);
        const branch = compound && branches.get(compound.id);
        if (!compound || !pathInScope(compound.path, scopes.write)) {
          fail('支部小区编码', `支部小区编码“${v.compoundCode}”不存在或不在您的管辖范围内`);
          continue;
        }
        if (compound.kind !== 'compound') {
          fail('支部小区编码', `“${compound.name}”不是小区，请填写党支部所覆盖的小区编码`);
          continue;
        }
        if (!branch) {
          fail('支部小区编码', `小区“${compound.name}”还没有覆盖它的小区党支部，请先设置支部`);
          continue;
        }
        const values = toValues(v);
        const existing = terms.find((o) => o.branch_id === branch.id && overlaps(o, spanOf(values)));
        if (existing) fail('任期开始', overlapMessage(branch.name, existing));
        const siblings = rowsOfBranch.get(branch.id) ?? [];
        for (const s of siblings.filter((s) => overlaps(spanOf(toValues(s.value!)), spanOf(values)))) {
          s.errors.push({ row: s.row, column: '任期开始', message: `与文件中第${r.row}行同一支部的任期重叠；一个支部同一时间只有一位书记` });
          fail('任期开始', `与文件中第${s.row}行同一支部的任期重叠；一个支部同一时间只有一位书记`);
        }
        rowsOfBranch.set(branch.id, [...siblings, r]);
        const person = people.get(r.row);
        if (r.errors.length || !person) continue;
        r.output = { person, branchId: branch.id, branchName: branch.name, compoundPath: compound.path, values };
      }
    },
    async write(q, rows, progress) {
      // Terms may have changed since the check: recheck under the branches' locks, as a single create does.
      const terms = await termsOfBranches(q, [...new Set(rows.map((r) => r.branchId))], { lock: true });
      for (const r of rows) {
        const clash = terms.find((o) => o.branch_id === r.branchId && overlaps(o, spanOf(r.values)));
        if (clash) throw new AppError(409, 'CONFLICT', `${overlapMessage(r.branchName, clash)}（导入期间有人登记了该任期，未写入任何数据）`);
      }
      const personIds = await createRolePeople(q, rows.map((r) => r.person));
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        await repo.insertSecretary(q, r.branchId, personIds[i]!, r.values);
        progress(1);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.compoundPath)),
  };
}
