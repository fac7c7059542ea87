import { commissionerImportRowSchema, NODE_KIND_LABELS, type CommissionerImportRow } from '@xj/contracts';
import { pathInScope, type Scope } from '../../platform/auth/scope.js';
import type { ImportColumn } from '../../platform/excel/columns.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import { createRolePeople, resolveRolePeople, ROLE_PERSON_COLUMNS, type RolePerson } from '../person-roles/role-person.excel.js';
import { nodesByCodes } from '../person-roles/role-import.repo.js';
import * as repo from './commissioners.repo.js';
import { commissionersOfPeople } from './commissioners-excel.repo.js';

const WHAT = '社区服务专员';

export const COMMISSIONER_IMPORT_COLUMNS: readonly ImportColumn[] = [
  ...ROLE_PERSON_COLUMNS,
  { key: 'department', header: '派出部门', required: true, width: 24, example: '县民政局', help: '必填：派出服务专员的县直部门或单位，不超过50个字' },
  { key: 'rank', header: '职级', width: 12, example: '四级主任科员', help: '选填：职务或职级，不超过20个字' },
  { key: 'communityCode', header: '联系社区编码', required: true, text: true, width: 18, example: '371427001001', help: '必填：派驻联系的社区编码，须在您的管辖范围内' },
];

export const COMMISSIONER_IMPORT: ImportSpec<CommissionerImportRow> = {
  title: '服务专员',
  columns: COMMISSIONER_IMPORT_COLUMNS,
  schema: commissionerImportRowSchema,
  action: 'commissioner.import',
  targetType: 'commissioner',
};

interface CommissionerToWrite {
  person: RolePerson;
  communityPath: string;
  values: Omit<repo.CommissionerValues, 'personId'>;
}

/**
 * Checks and writes one caller's commissioner rows: the rules of `POST /api/commissioners`.
 * Linking a sign-in account stays a console action.
 */
export function commissionerImportHandler(scopes: { write: Scope; read: Scope }): ImportHandler<CommissionerImportRow, CommissionerToWrite> {
  return {
    async resolve(q, rows) {
      const people = await resolveRolePeople(q, rows, scopes);
      const communities = await nodesByCodes(q, [...new Set(rows.map((r) => r.value!.communityCode))]);
      const existing = await commissionersOfPeople(q, [...people.values()].flatMap((p) => ('id' in p ? [p.id] : [])));
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const community = communities.get(v.communityCode);
        if (!community || !pathInScope(community.path, scopes.write)) fail('联系社区编码', `联系社区编码“${v.communityCode}”不存在或不在您的管辖范围内`);
        else if (community.kind !== 'community') fail('联系社区编码', `服务专员的派驻地应为社区，“${community.name}”是${NODE_KIND_LABELS[community.kind].zh}`);
        const person = people.get(r.row);
        const record = person && 'id' in person ? existing.get(person.id) : undefined;
        if (record) {
          fail('身份证号', pathInScope(record.node_path, scopes.read)
            ? `${person!.name}已是${WHAT}（编号 ${record.id}），一人只能登记一次，请直接修改已有记录`
            : `${person!.name}已在其他辖区登记为${WHAT}，请联系上级管理员调整`);
        }
        if (r.errors.length || !person || !community) continue;
        r.output = { person, communityPath: community.path, values: { department: v.department, rank: v.rank ?? null, communityId: community.id, userId: null } };
      }
    },
    async write(q, rows, progress) {
      const personIds = await createRolePeople(q, rows.map((r) => r.person));
      for (let i = 0; i < rows.length; i++) {
        await repo.insertCommissioner(q, { personId: personIds[i]!, ...rows[i]!.values });
        progress(1);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.communityPath)),
  };
}
