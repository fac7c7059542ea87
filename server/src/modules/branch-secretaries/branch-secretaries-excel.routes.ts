import type { FastifyInstance } from 'fastify';
import { branchSecretaryExportQuerySchema, SECRETARY_BACKGROUND_LABELS, type BranchSecretaryDto } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { ID_NUMBER_COLUMN, PHONE_COLUMN, registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { authOf } from '../../platform/http/access.js';
import { BRANCH_SECRETARY_IMPORT, branchSecretaryImportHandler } from './branch-secretaries.excel.js';
import { BranchSecretariesService } from './branch-secretaries.service.js';

const COLUMNS: ExportColumn<ExportRecord<BranchSecretaryDto>>[] = [
  { header: '编号', width: 8, value: (x) => x.r.id },
  { header: '姓名', width: 12, value: (x) => x.r.person.name },
  PHONE_COLUMN,
  ID_NUMBER_COLUMN,
  { header: '党支部', width: 28, value: (x) => x.r.branchName },
  { header: '覆盖小区', width: 32, value: (x) => x.r.compounds.map((c) => c.name).join('、') },
  { header: '书记来源', width: 12, value: (x) => SECRETARY_BACKGROUND_LABELS[x.r.background].zh },
  { header: '任期开始', width: 14, text: true, value: (x) => x.r.termStart },
  { header: '任期结束', width: 14, text: true, value: (x) => x.r.termEnd },
  { header: '是否在任', width: 10, value: (x) => (x.r.current ? '是' : '否') },
];

/** Excel import (template, upload, progress, error report) and export of the branch secretaries registry. */
export async function branchSecretariesExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new BranchSecretariesService(db);
  await registerImportRoutes(app, {
    db,
    access: 'people.write',
    tags: ['branch-secretaries'],
    spec: BRANCH_SECRETARY_IMPORT,
    handler: (req) => branchSecretaryImportHandler({ write: scopeFor(authOf(req), 'people.write'), read: scopeFor(authOf(req), 'people.read') }),
  });
  registerExportRoute(app, {
    db, access: 'people.read', tags: ['branch-secretaries'], querystring: branchSecretaryExportQuerySchema,
    spec: { title: '支部书记名单', action: 'branchSecretary.export', targetType: 'branch_secretary', list: (s, q) => service.list(s, q), personId: (r) => r.person.id, columns: COLUMNS },
  });
}
