import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { personExportQuerySchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { registerImportRoutes } from '../../platform/excel/import-routes.js';
import { xlsxDownload } from '../../platform/excel/workbook.js';
import { exportPeopleWorkbook, PERSON_IMPORT, personImportHandler } from './people.excel.js';

/** Excel import (template, upload, progress, error report) and export of the people registry. */
export async function peopleExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const tags = ['people'];
  await registerImportRoutes(app, {
    db,
    access: 'people.write',
    tags,
    spec: PERSON_IMPORT,
    handler: (req) => personImportHandler(scopeFor(authOf(req), 'people.write'), scopeFor(authOf(req), 'people.read')),
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/export',
    { config: { access: 'people.read' }, schema: { tags, summary: '导出人员名单（.xlsx，默认脱敏）', querystring: personExportQuerySchema } },
    async (req, reply) => {
      const auth = authOf(req);
      const scopes = { read: scopeFor(auth, 'people.read'), unmask: auth.permissions.has('people.unmask') ? scopeFor(auth, 'people.unmask') : null };
      const { file } = await exportPeopleWorkbook(db, scopes, req.query, actorOf(req));
      return xlsxDownload(reply, file, `人员名单_${new Date().toISOString().slice(0, 10)}.xlsx`);
    },
  );
}
