import type { FastifyInstance } from 'fastify';
import { redShopExportQuerySchema, type RedShopDto } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { ID_NUMBER_COLUMN, PHONE_COLUMN, registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { roleWriteScopes } from '../person-roles/role-scopes.js';
import { RED_SHOP_IMPORT, redShopImportHandler } from './red-shops.excel.js';
import { RedShopsService } from './red-shops.service.js';

const COLUMNS: ExportColumn<ExportRecord<RedShopDto>>[] = [
  { header: '编号', width: 8, value: (x) => x.r.id },
  { header: '商铺名称', width: 24, value: (x) => x.r.name },
  { header: '所在位置', width: 24, value: (x) => x.r.nodeName },
  { header: '负责人', width: 12, value: (x) => x.r.keeper?.name },
  { ...PHONE_COLUMN, header: '负责人手机号' },
  { ...ID_NUMBER_COLUMN, header: '负责人身份证号' },
  { header: '服务项目', width: 30, value: (x) => x.r.services.join('、') },
  { header: '积分兑换', width: 10, value: (x) => (x.r.honoursPoints ? '是' : '否') },
  { header: '加入日期', width: 14, text: true, value: (x) => x.r.joinedDate },
];

/** Excel import and export of the red shops registry (the keeper's phone and ID number masked by default). */
export async function redShopsExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new RedShopsService(db);
  await registerImportRoutes(app, {
    db, access: 'orgs.write', tags: ['red-shops'], spec: RED_SHOP_IMPORT, handler: (req) => redShopImportHandler(roleWriteScopes(req, 'orgs.write')),
  });
  registerExportRoute(app, {
    db, access: 'orgs.read', tags: ['red-shops'], querystring: redShopExportQuerySchema,
    spec: { title: '红色商铺名单', action: 'redShop.export', targetType: 'red_shop', list: (s, q) => service.list(s, q), personId: (r) => r.keeper?.id, columns: COLUMNS },
  });
}
