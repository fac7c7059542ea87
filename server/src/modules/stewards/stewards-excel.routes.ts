import type { FastifyInstance } from 'fastify';
import { stewardExportQuerySchema, type StewardDto } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { ID_NUMBER_COLUMN, PHONE_COLUMN, registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { authOf } from '../../platform/http/access.js';
import { STEWARD_IMPORT, stewardImportHandler } from './stewards.excel.js';
import { StewardsService } from './stewards.service.js';

const COLUMNS: ExportColumn<ExportRecord<StewardDto>>[] = [
  { header: '编号', width: 8, value: (x) => x.r.id },
  { header: '姓名', width: 12, value: (x) => x.r.person.name },
  PHONE_COLUMN,
  ID_NUMBER_COLUMN,
  { header: '小区', width: 24, value: (x) => x.r.compoundName },
  { header: '服务楼道', width: 40, value: (x) => x.r.stairwells.map((w) => `${w.buildingName}${w.name}`).join('、') },
  { header: '质量监督员', width: 10, value: (x) => (x.r.qualitySupervisor ? '是' : '否') },
  { header: '任职日期', width: 14, text: true, value: (x) => x.r.since },
];

/** Excel import (template, upload, progress, error report) and export of the red stewards registry. */
export async function stewardsExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new StewardsService(db);
  await registerImportRoutes(app, {
    db,
    access: 'people.write',
    tags: ['stewards'],
    spec: STEWARD_IMPORT,
    handler: (req) => stewardImportHandler({ write: scopeFor(authOf(req), 'people.write'), read: scopeFor(authOf(req), 'people.read') }),
  });
  registerExportRoute(app, {
    db, access: 'people.read', tags: ['stewards'], querystring: stewardExportQuerySchema,
    spec: { title: '红色管家名单', action: 'steward.export', targetType: 'steward', list: (s, q) => service.list(s, q), personId: (r) => r.person.id, columns: COLUMNS },
  });
}
