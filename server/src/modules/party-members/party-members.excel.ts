import { partyMemberImportRowSchema, type PartyMemberImportRow } from '@xj/contracts';
import { pathInScope, type Scope } from '../../platform/auth/scope.js';
import type { ImportColumn } from '../../platform/excel/columns.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import { createRolePeople, resolveRolePeople, ROLE_PERSON_COLUMNS, type RolePerson } from '../person-roles/role-person.excel.js';
import { nodesByCodes } from '../person-roles/role-import.repo.js';
import * as repo from './party-members.repo.js';
import { branchesCovering, membershipsOf } from './party-members-excel.repo.js';

// The short labels people write in the sheet.
const STATUS = { full: { zh: '正式' }, probationary: { zh: '预备' } } as const;
const MANAGEMENT = { direct: { zh: '直管' }, dual: { zh: '双报到' } } as const;

export const PARTY_MEMBER_IMPORT_COLUMNS: readonly ImportColumn[] = [
  ...ROLE_PERSON_COLUMNS,
  { key: 'status', header: '党员状态', required: true, choices: STATUS, width: 10, example: '正式', help: '必填：“正式”（正式党员）或“预备”（预备党员）' },
  { key: 'joinedDate', header: '入党日期', required: true, date: true, width: 14, example: '2001-07-01', help: '必填，格式 YYYY-MM-DD' },
  { key: 'management', header: '管理方式', required: true, choices: MANAGEMENT, width: 10, example: '直管', help: '必填：“直管”（小区党支部直接管理）或“双报到”（组织关系在工作单位，到小区报到）' },
  { key: 'workplaceOrg', header: '工作单位党组织', width: 28, example: '夏津县人民医院党委', help: '“双报到”党员必填：组织关系所在的工作单位党组织' },
  { key: 'compoundCode', header: '小区编码', required: true, text: true, width: 18, example: '371427001001001', help: '必填：管理或报到的小区编码，须在您的管辖范围内；党员归属覆盖该小区的小区党支部' },
];

export const PARTY_MEMBER_IMPORT: ImportSpec<PartyMemberImportRow> = {
  title: '党员',
  columns: PARTY_MEMBER_IMPORT_COLUMNS,
  schema: partyMemberImportRowSchema,
  action: 'partyMember.import',
  targetType: 'party_member',
};

interface MemberToWrite {
  person: RolePerson;
  nodePath: string;
  values: repo.PartyMemberValues;
}

/** Checks and writes one caller's party member rows: the rules of `POST /api/party-members`. */
export function partyMemberImportHandler(scopes: { write: Scope; read: Scope }): ImportHandler<PartyMemberImportRow, MemberToWrite> {
  return {
    async resolve(q, rows) {
      const people = await resolveRolePeople(q, rows, scopes);
      const compounds = await nodesByCodes(q, [...new Set(rows.map((r) => r.value!.compoundCode))]);
      const branches = await branchesCovering(q, [...compounds.values()].map((c) => c.id));
      const memberships = await membershipsOf(q, [...people.values()].flatMap((p) => ('id' in p ? [p.id] : [])));
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const compound = compounds.get(v.compoundCode);
        const branchId = compound && branches.get(compound.id);
        if (!compound || !pathInScope(compound.path, scopes.write)) fail('小区编码', `小区编码“${v.compoundCode}”不存在或不在您的管辖范围内`);
        else if (compound.kind !== 'compound') fail('小区编码', `党员须登记在小区，“${compound.name}”不是小区`);
        else if (!branchId) fail('小区编码', `小区“${compound.name}”还没有覆盖它的小区党支部，请先设置支部`);
        const person = people.get(r.row);
        const existing = person && 'id' in person ? memberships.get(person.id) : undefined;
        if (existing) fail('身份证号', `${person!.name}已登记为党员（编号 ${existing}），一人只能登记一次`);
        if (r.errors.length || !person || !compound || !branchId) continue;
        r.output = {
          person,
          nodePath: compound.path,
          values: {
            status: v.status, joinedDate: v.joinedDate, branchId, management: v.management,
            workplaceOrg: v.workplaceOrg ?? null, nodeId: compound.id,
          },
        };
      }
    },
    async write(q, rows, progress) {
      const personIds = await createRolePeople(q, rows.map((r) => r.person));
      for (let i = 0; i < rows.length; i++) {
        await repo.insertPartyMember(q, personIds[i]!, rows[i]!.values);
        progress(1);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.nodePath)),
  };
}
