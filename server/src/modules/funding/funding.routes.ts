import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  budgetLineCreateSchema,
  budgetLineListQuerySchema,
  budgetLineListSchema,
  budgetLineSchema,
  budgetLineUpdateSchema,
  disbursementBatchApproveResultSchema,
  disbursementBatchApproveSchema,
  disbursementBatchResultSchema,
  disbursementBatchSchema,
  disbursementCreateSchema,
  disbursementListQuerySchema,
  disbursementListSchema,
  disbursementRejectSchema,
  disbursementSchema,
  emptyBodySchema,
  fundingPayeeListSchema,
  fundingReportQuerySchema,
  fundingReportSchema,
  idParamsSchema,
  okSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { xlsxDownload } from '../../platform/excel/workbook.js';
import { FundingService } from './funding.service.js';
import { disbursementsWorkbook, linesWorkbook, reportWorkbook } from './funding-export.js';

/** /api/funding: budget lines, disbursements with approval, and budget versus actual (经费保障). */
export async function fundingRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = new FundingService(deps.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['funding'];
  const read = { access: 'funding.read' as const };
  const manage = { access: 'funding.manage' as const };
  const approve = { access: 'funding.approve' as const };

  // Budget lines (预算行): one per year, node and kind.
  r.get('/lines', { config: read, schema: { tags, summary: '预算行列表', querystring: budgetLineListQuerySchema, response: { 200: budgetLineListSchema } } }, async (req) =>
    service.listLines(authOf(req), req.query),
  );
  r.get('/lines/export.xlsx', { config: read, schema: { tags, summary: '导出预算行', querystring: budgetLineListQuerySchema } }, async (req, reply) => {
    const { file, fileName } = await linesWorkbook(await service.exportLines(authOf(req), req.query));
    return xlsxDownload(reply, file, fileName);
  });
  r.post('/lines', { config: manage, schema: { tags, summary: '新增预算行', body: budgetLineCreateSchema, response: { 201: budgetLineSchema } } }, async (req, reply) => {
    const out = await service.createLine(authOf(req), req.body, actorOf(req));
    reply.code(201);
    return out;
  });
  r.get('/lines/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: budgetLineSchema } } }, async (req) => service.getLine(authOf(req), req.params.id));
  r.patch('/lines/:id', { config: manage, schema: { tags, summary: '修改预算金额或备注', params: idParamsSchema, body: budgetLineUpdateSchema, response: { 200: budgetLineSchema } } }, async (req) =>
    service.updateLine(authOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.delete('/lines/:id', { config: manage, schema: { tags, summary: '删除没有拨付记录的预算行', params: idParamsSchema, body: emptyBodySchema, response: { 200: okSchema } } }, async (req) => {
    await service.deleteLine(authOf(req), req.params.id, actorOf(req));
    return { ok: true as const };
  });
  r.get('/lines/:id/payees', { config: read, schema: { tags, summary: '可领取该预算行补贴的现任人员', params: idParamsSchema, response: { 200: fundingPayeeListSchema } } }, async (req) =>
    service.payees(authOf(req), req.params.id),
  );

  // Disbursements (拨付): requested by one person, approved or rejected by another.
  r.get('/disbursements', { config: read, schema: { tags, summary: '拨付申请列表', querystring: disbursementListQuerySchema, response: { 200: disbursementListSchema } } }, async (req) =>
    service.listDisbursements(authOf(req), req.query),
  );
  r.get('/disbursements/export.xlsx', { config: read, schema: { tags, summary: '导出拨付明细', querystring: disbursementListQuerySchema } }, async (req, reply) => {
    const { file, fileName } = await disbursementsWorkbook(await service.exportDisbursements(authOf(req), req.query));
    return xlsxDownload(reply, file, fileName);
  });
  r.post('/disbursements', { config: manage, schema: { tags, summary: '申请拨付', body: disbursementCreateSchema, response: { 201: disbursementSchema } } }, async (req, reply) => {
    const out = await service.request(authOf(req), req.body, actorOf(req));
    reply.code(201);
    return out;
  });
  r.post('/disbursements/batch', { config: manage, schema: { tags, summary: '按月批量申请（全部现任人员，统一标准）', body: disbursementBatchSchema, response: { 200: disbursementBatchResultSchema } } }, async (req) =>
    service.requestBatch(authOf(req), req.body, actorOf(req)),
  );
  r.post('/disbursements/approve-batch', { config: approve, schema: { tags, summary: '批量批准', body: disbursementBatchApproveSchema, response: { 200: disbursementBatchApproveResultSchema } } }, async (req) =>
    service.approveBatch(authOf(req), req.body.ids, actorOf(req)),
  );
  r.post('/disbursements/:id/approve', { config: approve, schema: { tags, summary: '批准拨付', params: idParamsSchema, body: emptyBodySchema, response: { 200: disbursementSchema } } }, async (req) =>
    service.approve(authOf(req), req.params.id, actorOf(req)),
  );
  r.post('/disbursements/:id/reject', { config: approve, schema: { tags, summary: '驳回拨付（须填写理由）', params: idParamsSchema, body: disbursementRejectSchema, response: { 200: disbursementSchema } } }, async (req) =>
    service.reject(authOf(req), req.params.id, req.body.reason, actorOf(req)),
  );

  // Budget versus actual (预算执行).
  r.get('/report', { config: read, schema: { tags, summary: '预算执行情况（按类别、下级单位、月份）', querystring: fundingReportQuerySchema, response: { 200: fundingReportSchema } } }, async (req) =>
    service.report(authOf(req), req.query),
  );
  r.get('/report/export.xlsx', { config: read, schema: { tags, summary: '导出预算执行情况', querystring: fundingReportQuerySchema } }, async (req, reply) => {
    const { file, fileName } = await reportWorkbook(await service.report(authOf(req), req.query));
    return xlsxDownload(reply, file, fileName);
  });
}
