import type { FastifyInstance } from 'fastify';
import { commissionerExportQuerySchema, type CommissionerDto } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { ID_NUMBER_COLUMN, PHONE_COLUMN, registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { authOf } from '../../platform/http/access.js';
import { COMMISSIONER_IMPORT, commissionerImportHandler } from './commissioners.excel.js';
import { CommissionersService } from './commissioners.service.js';

const COLUMNS: ExportColumn<ExportRecord<CommissionerDto>>[] = [
  { header: '编号', width: 8, value: (x) => x.r.id },
  { header: '姓名', width: 12, value: (x) => x.r.person.name },
  PHONE_COLUMN,
  ID_NUMBER_COLUMN,
  { header: '派出部门', width: 24, value: (x) => x.r.department },
  { header: '职级', width: 12, value: (x) => x.r.rank },
  { header: '联系社区', width: 20, value: (x) => x.r.communityName },
  { header: '登录账号', width: 14, value: (x) => x.r.username },
];

/** Excel import (template, upload, progress, error report) and export of the service commissioners registry. */
export async function commissionersExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new CommissionersService(db);
  await registerImportRoutes(app, {
    db,
    access: 'people.write',
    tags: ['commissioners'],
    spec: COMMISSIONER_IMPORT,
    handler: (req) => commissionerImportHandler({ write: scopeFor(authOf(req), 'people.write'), read: scopeFor(authOf(req), 'people.read') }),
  });
  registerExportRoute(app, {
    db, access: 'people.read', tags: ['commissioners'], querystring: commissionerExportQuerySchema,
    spec: { title: '服务专员名单', action: 'commissioner.export', targetType: 'commissioner', list: (s, q) => service.list(s, q), personId: (r) => r.person.id, columns: COLUMNS },
  });
}
