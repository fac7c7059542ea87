import type { FastifyInstance } from 'fastify';
import {
  consultationOfficeCreateSchema,
  consultationOfficeExportQuerySchema,
  consultationOfficeListQuerySchema,
  consultationOfficeListSchema,
  consultationOfficeSchema,
  consultationOfficeUpdateSchema,
  type ConsultationOfficeDto,
} from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import { registerRegistryRoutes } from '../person-roles/registry-routes.js';
import { ConsultationOfficesService } from './consultation-offices.service.js';

const COLUMNS: ExportColumn<ExportRecord<ConsultationOfficeDto>>[] = [
  { header: '编号', width: 8, value: (x) => x.r.id },
  { header: '名称', width: 24, value: (x) => x.r.name },
  { header: '所在社区/小区', width: 20, value: (x) => x.r.nodeName },
  { header: '所在场所', width: 24, value: (x) => x.r.venue },
  { header: '地址', width: 28, value: (x) => x.r.address },
  { header: '开放时间', width: 20, value: (x) => x.r.openingHours },
  { header: '联系人', width: 12, value: (x) => x.r.contactName },
  // Masked by the DTO: the contact is the office's own, not a registered person, so nothing unmasks it.
  { header: '联系电话', width: 16, text: true, value: (x) => x.r.contactPhone },
  { header: '启用', width: 8, value: (x) => (x.r.active ? '是' : '否') },
];

/** /api/consultations/offices: the registry of consultation offices (商量办公室), with an Excel export. */
export function consultationOfficesRoutes(app: FastifyInstance, db: Db): void {
  const service = new ConsultationOfficesService(db);
  const tags = ['consultations'];
  registerExportRoute(app, {
    db, access: 'consultations.read', tags, querystring: consultationOfficeExportQuerySchema,
    spec: { title: '商量办公室名单', action: 'consultationOffice.export', targetType: 'consultation_office', list: (s, q) => service.list(s, q), personId: () => null, columns: COLUMNS },
  });
  registerRegistryRoutes(app, {
    tags,
    read: 'consultations.read',
    write: 'consultations.manage',
    schemas: {
      listQuery: consultationOfficeListQuerySchema, list: consultationOfficeListSchema, record: consultationOfficeSchema,
      create: consultationOfficeCreateSchema, update: consultationOfficeUpdateSchema,
    },
    service,
  });
}
