import type { FastifyInstance } from 'fastify';
import { SOCIAL_ORG_KIND_LABELS, socialOrgExportQuerySchema, type SocialOrgDto } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { ID_NUMBER_COLUMN, PHONE_COLUMN, registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { roleWriteScopes } from '../person-roles/role-scopes.js';
import { SOCIAL_ORG_IMPORT, socialOrgImportHandler } from './social-orgs.excel.js';
import { SocialOrgsService } from './social-orgs.service.js';

const COLUMNS: ExportColumn<ExportRecord<SocialOrgDto>>[] = [
  { header: '编号', width: 8, value: (x) => x.r.id },
  { header: '组织名称', width: 24, value: (x) => x.r.name },
  { header: '组织类型', width: 14, value: (x) => SOCIAL_ORG_KIND_LABELS[x.r.kind].zh },
  { header: '所在位置', width: 24, value: (x) => x.r.nodeName },
  { header: '联系人', width: 12, value: (x) => x.r.contact?.name },
  { ...PHONE_COLUMN, header: '联系人手机号' },
  { ...ID_NUMBER_COLUMN, header: '联系人身份证号' },
  { header: '服务项目', width: 30, value: (x) => x.r.services.join('、') },
  { header: '已登记注册', width: 12, value: (x) => (x.r.registered ? '是' : '否') },
];

/** Excel import and export of the social organisations registry (the contact's phone and ID number masked by default). */
export async function socialOrgsExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new SocialOrgsService(db);
  await registerImportRoutes(app, {
    db, access: 'orgs.write', tags: ['social-orgs'], spec: SOCIAL_ORG_IMPORT, handler: (req) => socialOrgImportHandler(roleWriteScopes(req, 'orgs.write')),
  });
  registerExportRoute(app, {
    db, access: 'orgs.read', tags: ['social-orgs'], querystring: socialOrgExportQuerySchema,
    spec: { title: '社会组织名单', action: 'socialOrg.export', targetType: 'social_org', list: (s, q) => service.list(s, q), personId: (r) => r.contact?.id, columns: COLUMNS },
  });
}
