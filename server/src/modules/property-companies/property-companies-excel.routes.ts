import type { FastifyInstance } from 'fastify';
import { propertyCompanyExportQuerySchema, type PropertyCompanyDto } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { authOf } from '../../platform/http/access.js';
import { PROPERTY_COMPANY_IMPORT, PROPERTY_CONTRACT_IMPORT, propertyCompanyImportHandler, propertyContractImportHandler } from './property-companies.excel.js';
import { assertRegistryKeeper, PropertyCompaniesService } from './property-companies.service.js';

// The contact phone is the company's (masked as in the list); the registry names no registered person.
const COLUMNS: ExportColumn<ExportRecord<PropertyCompanyDto>>[] = [
  { header: '编号', width: 8, value: (x) => x.r.id },
  { header: '企业名称', width: 28, value: (x) => x.r.name },
  { header: '统一社会信用代码', width: 22, text: true, value: (x) => x.r.creditCode },
  { header: '联系人', width: 12, value: (x) => x.r.contactName },
  { header: '联系电话', width: 16, text: true, value: (x) => x.r.contactPhone },
  { header: '已建立党组织', width: 12, value: (x) => (x.r.hasPartyOrg ? '是' : '否') },
  { header: '党组织名称', width: 28, value: (x) => x.r.partyOrgName },
  { header: '物业行业党委', width: 24, value: (x) => x.r.industryCommitteeName },
];

/** Excel import and export of the county-wide property company registry (/api/property-companies). */
export async function propertyCompaniesExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new PropertyCompaniesService(db);
  // Like POST /api/property-companies: only county and subdistrict keepers write the registry.
  app.addHook('preHandler', async (req) => {
    if (req.method === 'POST') assertRegistryKeeper(scopeFor(authOf(req), 'orgs.write'));
  });
  await registerImportRoutes(app, {
    db, access: 'orgs.write', tags: ['property-companies'], spec: PROPERTY_COMPANY_IMPORT, handler: () => propertyCompanyImportHandler(),
  });
  registerExportRoute(app, {
    db, access: 'orgs.read', tags: ['property-companies'], querystring: propertyCompanyExportQuerySchema,
    spec: { title: '物业企业名录', action: 'propertyCompany.export', targetType: 'property_company', list: (_s, q) => service.list(q), personId: () => null, columns: COLUMNS },
  });
}

/** Excel import of service contracts (/api/property-contracts), in the caller's orgs.write scope. */
export async function propertyContractsExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  await registerImportRoutes(app, {
    db, access: 'orgs.write', tags: ['property-companies'], spec: PROPERTY_CONTRACT_IMPORT,
    handler: (req) => propertyContractImportHandler(scopeFor(authOf(req), 'orgs.write')),
  });
}
