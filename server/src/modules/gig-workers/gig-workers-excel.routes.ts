import type { FastifyInstance } from 'fastify';
import { GIG_WORKER_TYPE_LABELS, gigWorkerExportQuerySchema, type GigWorkerDto } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { ID_NUMBER_COLUMN, PHONE_COLUMN, registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
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

/** Excel export of the gig workers registry. */
export async function gigWorkersExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new GigWorkersService(db);
  registerExportRoute(app, {
    db, access: 'people.read', tags: ['gig-workers'], querystring: gigWorkerExportQuerySchema,
    spec: { title: '新就业群体名单', action: 'gigWorker.export', targetType: 'gig_worker', list: (s, q) => service.list(s, q), personId: (r) => r.person.id, columns: COLUMNS },
  });
}
