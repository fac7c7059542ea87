import type { FastifyInstance } from 'fastify';
import { GIG_WORKER_TYPE_LABELS, gigWorkerExportQuerySchema, type GigWorkerDto } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { ID_NUMBER_COLUMN, PHONE_COLUMN, registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { authOf } from '../../platform/http/access.js';
import { GIG_WORKER_IMPORT, gigWorkerImportHandler } from './gig-workers.excel.js';
import { GigWorkersService } from './gig-workers.service.js';

const COLUMNS: ExportColumn<ExportRecord<GigWorkerDto>>[] = [
  { header: '编号', width: 8, value: (x) => x.r.id },
  { header: '姓名', width: 12, value: (x) => x.r.person.name },
  PHONE_COLUMN,
  ID_NUMBER_COLUMN,
  { header: '类型', width: 12, value: (x) => GIG_WORKER_TYPE_LABELS[x.r.type].zh },
  { header: '平台企业', width: 20, value: (x) => x.r.platform },
  { header: '居住地', width: 24, value: (x) => x.r.nodeName },
];

/** Excel import (template, upload, progress, error report) and export of the gig workers registry. */
export async function gigWorkersExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new GigWorkersService(db);
  await registerImportRoutes(app, {
    db,
    access: 'people.write',
    tags: ['gig-workers'],
    spec: GIG_WORKER_IMPORT,
    handler: (req) => gigWorkerImportHandler({ write: scopeFor(authOf(req), 'people.write'), read: scopeFor(authOf(req), 'people.read') }),
  });
  registerExportRoute(app, {
    db, access: 'people.read', tags: ['gig-workers'], querystring: gigWorkerExportQuerySchema,
    spec: { title: '新就业群体名单', action: 'gigWorker.export', targetType: 'gig_worker', list: (s, q) => service.list(s, q), personId: (r) => r.person.id, columns: COLUMNS },
  });
}
