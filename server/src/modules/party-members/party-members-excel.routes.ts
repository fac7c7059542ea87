import type { FastifyInstance } from 'fastify';
import { PARTY_MEMBER_MANAGEMENT_LABELS, PARTY_MEMBER_STATUS_LABELS, partyMemberExportQuerySchema, type PartyMemberDto } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { ID_NUMBER_COLUMN, PHONE_COLUMN, registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { authOf } from '../../platform/http/access.js';
import { PARTY_MEMBER_IMPORT, partyMemberImportHandler } from './party-members.excel.js';
import { PartyMembersService } from './party-members.service.js';

const COLUMNS: ExportColumn<ExportRecord<PartyMemberDto>>[] = [
  { header: '编号', width: 8, value: (x) => x.r.id },
  { header: '姓名', width: 12, value: (x) => x.r.person.name },
  PHONE_COLUMN,
  ID_NUMBER_COLUMN,
  { header: '党员状态', width: 10, value: (x) => PARTY_MEMBER_STATUS_LABELS[x.r.status].zh },
  { header: '入党日期', width: 14, text: true, value: (x) => x.r.joinedDate },
  { header: '所在支部', width: 28, value: (x) => x.r.branchName },
  { header: '管理方式', width: 10, value: (x) => PARTY_MEMBER_MANAGEMENT_LABELS[x.r.management].zh },
  { header: '工作单位党组织', width: 28, value: (x) => x.r.workplaceOrg },
  { header: '小区', width: 24, value: (x) => x.r.nodeName },
];

/** Excel import (template, upload, progress, error report) and export of the party members registry. */
export async function partyMembersExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new PartyMembersService(db);
  await registerImportRoutes(app, {
    db,
    access: 'people.write',
    tags: ['party-members'],
    spec: PARTY_MEMBER_IMPORT,
    handler: (req) => partyMemberImportHandler({ write: scopeFor(authOf(req), 'people.write'), read: scopeFor(authOf(req), 'people.read') }),
  });
  registerExportRoute(app, {
    db, access: 'people.read', tags: ['party-members'], querystring: partyMemberExportQuerySchema,
    spec: { title: '党员名单', action: 'partyMember.export', targetType: 'party_member', list: (s, q) => service.list(s, q), personId: (r) => r.person.id, columns: COLUMNS },
  });
}
