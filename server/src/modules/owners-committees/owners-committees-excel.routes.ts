import type { FastifyInstance } from 'fastify';
import { COMMITTEE_POSITION_LABELS, ownersCommitteeExportQuerySchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { ID_NUMBER_COLUMN, PHONE_COLUMN, registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { authOf } from '../../platform/http/access.js';
import type { CommitteeMemberExportRow } from './owners-committees-excel.repo.js';
import { OWNERS_COMMITTEE_IMPORT, ownersCommitteeImportHandler } from './owners-committees.excel.js';
import { OwnersCommitteesService } from './owners-committees.service.js';

const COLUMNS: ExportColumn<ExportRecord<CommitteeMemberExportRow>>[] = [
  { header: '业委会编号', width: 10, value: (x) => x.r.committeeId },
  { header: '小区', width: 24, value: (x) => x.r.compoundName },
  { header: '小区编码', width: 18, text: true, value: (x) => x.r.compoundCode },
  { header: '任期开始', width: 14, text: true, value: (x) => x.r.termStart },
  { header: '任期结束', width: 14, text: true, value: (x) => x.r.termEnd },
  { header: '选举日期', width: 14, text: true, value: (x) => x.r.electionDate },
  { header: '本届在任', width: 10, value: (x) => (x.r.current ? '是' : '否') },
  { header: '成员姓名', width: 12, value: (x) => x.r.person.name },
  PHONE_COLUMN,
  ID_NUMBER_COLUMN,
  { header: '职务', width: 10, value: (x) => COMMITTEE_POSITION_LABELS[x.r.position].zh },
  { header: '党员', width: 8, value: (x) => (x.r.partyMember ? '是' : '否') },
];

/** Excel import and export of the owners' committees, one row per member (phones and ID numbers masked by default). */
export async function ownersCommitteesExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new OwnersCommitteesService(db);
  await registerImportRoutes(app, {
    db,
    access: 'people.write',
    tags: ['owners-committees'],
    spec: OWNERS_COMMITTEE_IMPORT,
    handler: (req) => ownersCommitteeImportHandler({ write: scopeFor(authOf(req), 'people.write'), read: scopeFor(authOf(req), 'people.read') }),
  });
  registerExportRoute(app, {
    db, access: 'people.read', tags: ['owners-committees'], querystring: ownersCommitteeExportQuerySchema,
    spec: {
      title: '业委会成员名单', action: 'ownersCommittee.export', targetType: 'owners_committee',
      list: (s, q) => service.listMembers(s, q), personId: (r) => r.person.id, columns: COLUMNS,
    },
  });
}
