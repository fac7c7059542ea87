import type { FastifyInstance } from 'fastify';
import {
  SATISFACTION_LABELS,
  TICKET_OUTCOME_LABELS,
  TICKET_PRIORITY_LABELS,
  TICKET_SOURCE_LABELS,
  TICKET_STATUS_LABELS,
  ticketExportQuerySchema,
  type TicketDto,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { registerExportRoute, type ExportRecord } from '../../platform/excel/registry-export.js';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { TicketsService } from './tickets.service.js';

/** An instant as China time (UTC+8 all year), to the minute: 2026-05-01 14:30. */
const chinaTime = (iso: string | null): string | null => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);

const COLUMNS: ExportColumn<ExportRecord<TicketDto>>[] = [
  { header: '工单编号', width: 18, text: true, value: (x) => x.r.code },
  { header: '来源', width: 12, value: (x) => TICKET_SOURCE_LABELS[x.r.source].zh },
  { header: '类别', width: 14, value: (x) => x.r.category.name },
  { header: '社区', width: 16, value: (x) => x.r.communityName },
  { header: '所在位置', width: 20, value: (x) => x.r.nodeName },
  { header: '地址', width: 24, value: (x) => x.r.address },
  { header: '问题描述', width: 40, value: (x) => x.r.description },
  { header: '反映人', width: 10, value: (x) => x.r.reporterName },
  // Masked by the ticket's own DTO: a reporter is not a registered person, so nothing unmasks it.
  { header: '反映人电话', width: 16, text: true, value: (x) => x.r.reporterPhone },
  { header: '紧急程度', width: 10, value: (x) => TICKET_PRIORITY_LABELS[x.r.priority].zh },
  { header: '状态', width: 14, value: (x) => TICKET_STATUS_LABELS[x.r.status].zh },
  { header: '负责人', width: 12, value: (x) => x.r.owner?.name },
  { header: '上报时间', width: 18, text: true, value: (x) => chinaTime(x.r.createdAt) },
  { header: '办理期限', width: 18, text: true, value: (x) => chinaTime(x.r.deadline) },
  { header: '是否超期', width: 10, value: (x) => (x.r.overdue ? '是' : '否') },
  { header: '接单时间', width: 18, text: true, value: (x) => chinaTime(x.r.acceptedAt) },
  { header: '办结时间', width: 18, text: true, value: (x) => chinaTime(x.r.handledAt) },
  { header: '办理结果', width: 30, value: (x) => x.r.resultNote },
  { header: '关闭时间', width: 18, text: true, value: (x) => chinaTime(x.r.closedAt) },
  { header: '办结结论', width: 10, value: (x) => (x.r.outcome ? TICKET_OUTCOME_LABELS[x.r.outcome].zh : null) },
  { header: '满意度', width: 12, value: (x) => (x.r.satisfaction ? SATISFACTION_LABELS[x.r.satisfaction].zh : null) },
  { header: '确认意见', width: 30, value: (x) => x.r.confirmationNote },
  { header: '已提交接待日', width: 12, value: (x) => (x.r.escalated ? '是' : '否') },
];

/**
 * `GET /api/tickets/export`: the filtered ticket list as .xlsx, exactly as the list shows it
 * to the caller. The reporter's phone stays masked; the export has no plain-text option.
 */
export async function ticketsExcelRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new TicketsService(db);
  registerExportRoute(app, {
    db, access: 'tickets.read', tags: ['tickets'], querystring: ticketExportQuerySchema,
    spec: {
      title: '工单清单', action: 'ticket.export', targetType: 'ticket',
      list: (_scope, q, auth) => service.list(auth, q), personId: () => null, columns: COLUMNS,
    },
  });
}
