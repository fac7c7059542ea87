import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { EXCEL_LIMITS, maskIdNumber, maskPhone, type Permission } from '@xj/contracts';
import type { Db, Queryable } from '../db.js';
import { badRequest, forbidden } from '../errors.js';
import { actorEntry, appendAudit, type Actor } from '../audit/audit.js';
import { scopeFor, type AuthContext, type Scope } from '../auth/scope.js';
import { actorOf, authOf } from '../http/access.js';
import type { Page } from '../paging.js';
import type { ExportColumn } from './columns.js';
import { commonAncestorId } from './run-import.js';
import { sheetBuffer, xlsxDownload } from './workbook.js';

/** A listed record with the phone and ID number of the person it names, already masked unless unmasked. */
export interface ExportRecord<R> {
  r: R;
  phone: string | null;
  idNumber: string | null;
}

/** The person columns every role export carries. */
export const PHONE_COLUMN: ExportColumn<ExportRecord<unknown>> = { header: '手机号', width: 16, text: true, value: (x) => x.phone };
export const ID_NUMBER_COLUMN: ExportColumn<ExportRecord<unknown>> = { header: '身份证号', width: 22, text: true, value: (x) => x.idNumber };

/** What a registry declares for its export: its own list function, so the export filters exactly like the list. */
export interface RegistryExportSpec<Q, R> {
  /** Sheet and file name, e.g. 红色管家名单. */
  title: string;
  /** Audit action and target type, e.g. steward.export / steward. */
  action: string;
  targetType: string;
  /** `auth`: for lists whose rows depend on the caller beyond the scope (a ticket's owner sees it anywhere, `mine`). */
  list: (scope: Scope, query: Q & { page: number; pageSize: number }, auth: AuthContext) => Promise<Page<R>>;
  /** The person whose phone and ID number the row shows, if any. */
  personId: (row: R) => number | null | undefined;
  columns: readonly ExportColumn<ExportRecord<R>>[];
}

export interface ExportOptions {
  unmask: boolean;
  reason?: string | undefined;
  nodeId?: number | undefined;
}

/** Filters as they may go into the audit log: long digit runs (phones, ID numbers) masked. */
function auditableFilters(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) {
    if (k === 'unmask' || k === 'reason' || v === undefined) continue;
    out[k] = typeof v === 'string' ? v.replace(/\d{7,}[\dXx]?/g, (d) => (d.length === 18 ? maskIdNumber(d)! : maskPhone(d)!)) : v;
  }
  return out;
}

async function plainContacts(q: Queryable, ids: number[]): Promise<Map<number, { phone: string | null; id_number: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: number; phone: string | null; id_number: string | null }>(
    'SELECT id, phone, id_number FROM people WHERE id = ANY($1::int[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * A registry's filtered list as a workbook, read page by page through the registry's own list
 * function. Masked unless unmasked with a reason and people.unmask; every export and every
 * refused unmasking leaves one audit row (filters, row count; no personal data).
 */
export async function exportRegistry<Q extends object, R>(
  db: Db,
  spec: RegistryExportSpec<Q, R>,
  scopes: { read: Scope; unmask: Scope | null },
  query: Q & ExportOptions,
  actor: Actor,
  auth: AuthContext,
): Promise<Buffer> {
  const filters = auditableFilters(query as Record<string, unknown>);
  const audit = (result: 'success' | 'denied', nodeId: number | null, details: Record<string, unknown>) =>
    db.tx((q) =>
      appendAudit(q, { ...actorEntry(actor), action: spec.action, targetType: spec.targetType, nodeId, result, details: { filters, unmasked: query.unmask, ...details } }),
    );
  if (query.unmask && !scopes.unmask) {
    await audit('denied', query.nodeId ?? null, { reason: query.reason });
    throw forbidden('没有导出明文的权限：需要“查看完整证件号和电话”权限');
  }
  const scope = (query.unmask ? scopes.unmask : scopes.read)!;
  const { unmask: _u, reason: _r, ...filterQuery } = query;
  // One page one row larger than the cap: one query, and whether the filter asks for too much.
  const { data: rows } = await spec.list(scope, { ...(filterQuery as Q), page: 1, pageSize: EXCEL_LIMITS.exportRowsMax + 1 }, auth);
  if (rows.length > EXCEL_LIMITS.exportRowsMax) {
    throw badRequest(`符合条件的记录超过单次导出上限 ${EXCEL_LIMITS.exportRowsMax} 条，请缩小筛选范围后分批导出`, { max: EXCEL_LIMITS.exportRowsMax });
  }
  const ids = [...new Set(rows.flatMap((r) => spec.personId(r) ?? []))];
  const contacts = await plainContacts(db, ids);
  const records = rows.map((r): ExportRecord<R> => {
    const c = contacts.get(spec.personId(r) ?? 0);
    const phone = c?.phone ?? null;
    const idNumber = c?.id_number ?? null;
    return query.unmask ? { r, phone, idNumber } : { r, phone: maskPhone(phone), idNumber: maskIdNumber(idNumber) };
  });
  await audit('success', query.nodeId ?? commonAncestorId(scope.paths), { rowCount: records.length, ...(query.unmask ? { reason: query.reason } : {}) });
  return sheetBuffer(spec.title, spec.columns, records);
}

/**
 * `GET /export?<the list's filters>&unmask=&reason=` under the current prefix. `access` is the
 * list's permission; unmasking also needs people.unmask.
 */
export function registerExportRoute<Q extends object, R>(
  app: FastifyInstance,
  o: { db: Db; access: Permission; tags: string[]; querystring: z.ZodType<Q & ExportOptions>; spec: RegistryExportSpec<Q, R> },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/export',
    { config: { access: o.access }, schema: { tags: o.tags, summary: `导出${o.spec.title}（.xlsx，默认脱敏）`, querystring: o.querystring } },
    async (req, reply) => {
      const auth = authOf(req);
      const scopes = { read: scopeFor(auth, o.access), unmask: auth.permissions.has('people.unmask') ? scopeFor(auth, 'people.unmask') : null };
      const file = await exportRegistry(o.db, o.spec, scopes, req.query as Q & ExportOptions, actorOf(req), auth);
      return xlsxDownload(reply, file, `${o.spec.title}_${new Date().toISOString().slice(0, 10)}.xlsx`);
    },
  );
}
