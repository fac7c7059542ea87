import { stewardImportRowSchema, type StewardImportRow } from '@xj/contracts';
import { pathInScope, type Scope } from '../../platform/auth/scope.js';
import type { ImportColumn } from '../../platform/excel/columns.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import { createRolePeople, resolveRolePeople, ROLE_PERSON_COLUMNS, type RolePerson } from '../person-roles/role-person.excel.js';
import { nodesByCodes } from '../person-roles/role-import.repo.js';
import * as repo from './stewards.repo.js';
import { stewardsOfPeople } from './stewards-excel.repo.js';

const YES_NO = { true: { zh: '是' }, false: { zh: '否' } } as const;

export const STEWARD_IMPORT_COLUMNS: readonly ImportColumn[] = [
  ...ROLE_PERSON_COLUMNS,
  { key: 'compoundCode', header: '小区编码', required: true, text: true, width: 18, example: '371427001001001', help: '必填：担任红色管家的小区编码，须在您的管辖范围内' },
  {
    key: 'stairwellCodes', header: '服务楼道编码', required: true, text: true, width: 40, example: '371427001001001-B01-U1、371427001001001-B01-U2',
    help: '必填：负责的楼道（单元）编码，须在该小区内；多个用“、”或“,”分隔，最多50个',
  },
  { key: 'qualitySupervisor', header: '质量监督员', choices: YES_NO, width: 10, example: '否', help: '是否兼任物业服务质量监督员：填“是”或“否”，不填为“否”' },
  { key: 'since', header: '任职日期', date: true, width: 14, example: '2024-01-01', help: '格式 YYYY-MM-DD；不填为导入当天' },
];

export const STEWARD_IMPORT: ImportSpec<StewardImportRow> = {
  title: '红色管家',
  columns: STEWARD_IMPORT_COLUMNS,
  schema: stewardImportRowSchema,
  action: 'steward.import',
  targetType: 'steward',
};

interface StewardToWrite {
  person: RolePerson;
  compoundId: number;
  compoundPath: string;
  stairwellIds: number[];
  values: repo.StewardValues;
}

/** Checks and writes one caller's steward rows: the rules of `POST /api/stewards`. */
export function stewardImportHandler(scopes: { write: Scope; read: Scope }): ImportHandler<StewardImportRow, StewardToWrite> {
  const today = new Date().toISOString().slice(0, 10);
  return {
    async resolve(q, rows) {
      const people = await resolveRolePeople(q, rows, scopes);
      const nodes = await nodesByCodes(q, [...new Set(rows.flatMap((r) => [r.value!.compoundCode, ...r.value!.stairwellCodes]))]);
      const registered = [...people.values()].flatMap((p) => ('id' in p ? [p.id] : []));
      const existing = await stewardsOfPeople(q, registered);
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const compound = nodes.get(v.compoundCode);
        if (!compound || !pathInScope(compound.path, scopes.write)) {
          fail('小区编码', `小区编码“${v.compoundCode}”不存在或不在您的管辖范围内`);
          continue;
        }
        if (compound.kind !== 'compound') {
          fail('小区编码', `红色管家须登记在小区，“${compound.name}”不是小区`);
          continue;
        }
        const outside = v.stairwellCodes.filter((c) => {
          const w = nodes.get(c);
          return !w || w.kind !== 'stairwell' || !w.path.startsWith(compound.path);
        });
        if (outside.length) fail('服务楼道编码', `“${outside.join('、')}”不是小区“${compound.name}”内的楼道`);
        const person = people.get(r.row);
        if (person && 'id' in person) {
          const duplicate = existing.find((s) => s.person_id === person.id && s.compound_id === compound.id);
          if (duplicate) fail('身份证号', `${person.name}已是小区“${compound.name}”的红色管家（编号 ${duplicate.id}），请修改其负责的楼道`);
        }
        if (r.errors.length || !person) continue;
        r.output = {
          person,
          compoundId: compound.id,
          compoundPath: compound.path,
          stairwellIds: v.stairwellCodes.map((c) => nodes.get(c)!.id),
          values: { qualitySupervisor: v.qualitySupervisor ?? false, since: v.since ?? today },
        };
      }
    },
    async write(q, rows, progress) {
      const personIds = await createRolePeople(q, rows.map((r) => r.person));
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const id = await repo.insertSteward(q, personIds[i]!, r.compoundId, r.values);
        await repo.setStewardStairwells(q, id, r.stairwellIds);
        progress(1);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.compoundPath)),
  };
}
