import { SOCIAL_ORG_KIND_LABELS, socialOrgImportRowSchema, type SocialOrgImportRow } from '@xj/contracts';
import type { ImportColumn } from '../../platform/excel/columns.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import type { RoleScopes } from '../person-roles/person-ref.js';
import { EXAMPLE_ID_NUMBER, fileDuplicates, namedPersonProblem, placeProblem, SERVICES_HELP, YES_NO } from '../person-roles/org-import.excel.js';
import { placesByCodes } from '../person-roles/org-import-excel.repo.js';
import { peopleByIdNumbers } from '../person-roles/role-import.repo.js';
import * as repo from './social-orgs.repo.js';
import { orgsNamedAt } from './social-orgs-excel.repo.js';
import { SOCIAL_ORG_NODE_KINDS } from './social-orgs.service.js';

export const SOCIAL_ORG_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', header: '组织名称', required: true, width: 24, example: '银龄志愿服务队', help: '必填，不超过100个字；同一所在地不能有同名组织' },
  {
    key: 'kind', header: '组织类型', required: true, choices: SOCIAL_ORG_KIND_LABELS, width: 14, example: '志愿服务队',
    help: `必填：${Object.values(SOCIAL_ORG_KIND_LABELS).map((l) => l.zh).join('、')}`,
  },
  { key: 'nodeCode', header: '所在地编码', required: true, text: true, width: 20, example: '371427001001', help: '必填：组织所在的街道、社区、小区、楼栋或单元的编码，须在您的管辖范围内' },
  {
    key: 'contactIdNumber', header: '联系人身份证号', text: true, width: 22, example: EXAMPLE_ID_NUMBER,
    help: '选填：联系人须已在人员库登记且在您的管辖范围内（请将此列保持为“文本”格式）',
  },
  { key: 'contactName', header: '联系人姓名', width: 12, example: '张三', help: '填写联系人身份证号时必填，须与登记的姓名一致' },
  { key: 'services', header: '服务项目', width: 30, example: '助老、环境整治', help: SERVICES_HELP },
  { key: 'registered', header: '已登记注册', choices: YES_NO, width: 12, example: '否', help: '是否已在民政部门登记注册：填“是”或“否”，不填为“否”' },
];

export const SOCIAL_ORG_IMPORT: ImportSpec<SocialOrgImportRow> = {
  title: '社会组织',
  columns: SOCIAL_ORG_IMPORT_COLUMNS,
  schema: socialOrgImportRowSchema,
  action: 'socialOrg.import',
  targetType: 'social_org',
};

interface OrgToWrite {
  nodePath: string;
  values: repo.SocialOrgValues;
}

/** Checks and writes one caller's social organisation rows: the rules of `POST /api/social-orgs`; one per name and place. */
export function socialOrgImportHandler(scopes: RoleScopes): ImportHandler<SocialOrgImportRow, OrgToWrite> {
  const duplicate = fileDuplicates<SocialOrgImportRow>('组织名称', '的组织（同一所在地、同名）');
  return {
    async resolve(q, rows) {
      const places = await placesByCodes(q, [...new Set(rows.map((r) => r.value!.nodeCode))]);
      const contacts = await peopleByIdNumbers(q, rows.flatMap((r) => r.value!.contactIdNumber ?? []));
      const existing = await orgsNamedAt(q, [...places.values()].map((p) => p.id), rows.map((r) => r.value!.name));
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const node = places.get(v.nodeCode);
        const placeError = placeProblem(node, v.nodeCode, scopes.records, SOCIAL_ORG_NODE_KINDS, '社会组织的所在地', '所在地编码');
        if (placeError) fail('所在地编码', placeError);
        const contact = v.contactIdNumber ? contacts.get(v.contactIdNumber) : undefined;
        const contactError = v.contactIdNumber ? namedPersonProblem(contact, v.contactName!, scopes.people) : null;
        if (contactError) fail(contactError.cell === 'name' ? '联系人姓名' : '联系人身份证号', contactError.message);
        if (placeError) continue;
        const same = existing.find((s) => s.node_id === node!.id && s.name === v.name);
        if (same) fail('组织名称', `“${node!.name}”已登记同名社会组织（编号 ${same.id}）`);
        duplicate(r, `${node!.id}|${v.name}`);
        if (r.errors.length) continue;
        r.output = {
          nodePath: node!.path,
          values: {
            name: v.name, kind: v.kind, nodeId: node!.id, contactId: contact?.id ?? null, services: v.services ?? [], registered: v.registered ?? false,
          },
        };
      }
    },
    async write(q, rows, progress) {
      for (const r of rows) {
        await repo.insertSocialOrg(q, r.values);
        progress(1);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.nodePath)),
  };
}
