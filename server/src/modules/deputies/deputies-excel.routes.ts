import type { FastifyInstance } from 'fastify';
import { DEPUTY_BODY_LABELS, DEPUTY_LEVEL_LABELS, deputyExportQuerySchema, type DeputyDto } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { ID_NUMBER_COLUMN, PHONE_COLUMN, registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { authOf } from '../../platform/http/access.js';
import { DEPUTY_IMPORT, deputyImportHandler } from './deputies.excel.js';
import { DeputiesService } from './deputies.service.js';

const COLUMNS: ExportColumn<ExportRecord<DeputyDto>>[] = [
  { header: '编号', width: 8, value: (x) => x.r.id },
  { header: '姓名', width: 12, value: (x) => x.r.person.name },
  PHONE_COLUMN,
  ID_NUMBER_COLUMN,
  { header: '类别', width: 12, value: (x) => DEPUTY_BODY_LABELS[x.r.body].zh },
  { header: '级别', width: 10, value: (x) => DEPUTY_LEVEL_LABELS[x.r.level].zh },
  { header: '联系点', width: 24, value: (x) => x.r.nodeName },
];

/** Excel import (template, upload, progress, error report) and export of the deputies registry (两代表一委员). */
export async function deputiesExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new DeputiesService(db);
  await registerImportRoutes(app, {
    db,
    access: 'people.write',
    tags: ['deputies'],
    spec: DEPUTY_IMPORT,
    handler: (req) => deputyImportHandler({ write: scopeFor(authOf(req), 'people.write'), read: scopeFor(authOf(req), 'people.read') }),
  });
  registerExportRoute(app, {
    db, access: 'people.read', tags: ['deputies'], querystring: deputyExportQuerySchema,
    spec: { title: '两代表一委员名单', action: 'deputy.export', targetType: 'deputy', list: (s, q) => service.list(s, q), personId: (r) => r.person.id, columns: COLUMNS },
  });
}
