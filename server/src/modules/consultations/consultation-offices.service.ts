import type { ConsultationOfficeCreate, ConsultationOfficeDto, ConsultationOfficeListQuery, ConsultationOfficeUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeOfKinds, subtreeOf, type RoleScopes } from '../person-roles/person-ref.js';
import * as repo from './consultation-offices.repo.js';

const WHAT = '商量办公室';
/** Offices serve a community or one compound. */
const OFFICE_NODE_KINDS = ['community', 'compound'] as const;

/** 商量办公室: reads in the caller's consultations.read scope, writes in their consultations.manage scope. */
export class ConsultationOfficesService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: ConsultationOfficeListQuery): Promise<Page<ConsultationOfficeDto>> {
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    const active = query.active === undefined ? undefined : query.active === 'true';
    return repo.listOffices(this.db, { scopePatterns: scopePatterns(scope), q: query.q, subtreePath, active }, query);
  }

  async get(scope: Scope, id: number): Promise<ConsultationOfficeDto> {
    return repo.toOfficeDto(await officeInScope(this.db, scope, id));
  }

  async create(scopes: RoleScopes, input: ConsultationOfficeCreate, actor: Actor): Promise<ConsultationOfficeDto> {
    return this.db.tx(async (q) => {
      const node = await nodeOfKinds(q, input.nodeId, scopes.records, OFFICE_NODE_KINDS, '商量办公室所在位置');
      const values: repo.OfficeValues = {
        name: input.name, nodeId: node.id, venue: input.venue ?? null, address: input.address ?? null, openingHours: input.openingHours ?? null,
        contactName: input.contactName ?? null, contactPhone: input.contactPhone ?? null, active: input.active,
      };
      await refuseSameName(q, node.id, node.name, values.name);
      const id = await repo.insertOffice(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'consultationOffice.create', targetType: 'consultation_office', targetId: id, nodeId: node.id, result: 'success',
        // The contact phone stays out of the log.
        details: { name: values.name, venue: values.venue, active: values.active },
      });
      return repo.toOfficeDto((await repo.getOffice(q, id))!);
    });
  }

  async update(scopes: RoleScopes, id: number, patch: ConsultationOfficeUpdate, actor: Actor): Promise<ConsultationOfficeDto> {
    return this.db.tx(async (q) => {
      const before = await officeInScope(q, scopes.records, id, { forUpdate: true });
      const node = patch.nodeId === undefined ? undefined : await nodeOfKinds(q, patch.nodeId, scopes.records, OFFICE_NODE_KINDS, '商量办公室所在位置');
      const pick = <K extends keyof ConsultationOfficeUpdate, V>(k: K, old: V): V => (patch[k] === undefined ? old : (patch[k] as V));
      const values: repo.OfficeValues = {
        name: pick('name', before.name),
        nodeId: node?.id ?? before.node_id,
        venue: pick('venue', before.venue),
        address: pick('address', before.address),
        openingHours: pick('openingHours', before.opening_hours),
        contactName: pick('contactName', before.contact_name),
        contactPhone: pick('contactPhone', before.contact_phone),
        active: pick('active', before.active),
      };
      if (values.name !== before.name || values.nodeId !== before.node_id) await refuseSameName(q, values.nodeId, node?.name ?? before.node_name, values.name, id);
      await repo.updateOffice(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'consultationOffice.update', targetType: 'consultation_office', targetId: id, nodeId: values.nodeId, result: 'success',
        details: { name: values.name, changed: Object.keys(patch), active: values.active },
      });
      return repo.toOfficeDto((await repo.getOffice(q, id))!);
    });
  }
}

async function officeInScope(q: Queryable, scope: Scope, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.OfficeRow> {
  const row = await repo.getOffice(q, id, opts);
  if (!row || !pathInScope(row.node_path, scope)) throw notFound(WHAT);
  return row;
}

async function refuseSameName(q: Queryable, nodeId: number, nodeName: string, name: string, exceptId?: number): Promise<void> {
  const same = await repo.officeNamedAt(q, nodeId, name, exceptId);
  if (same) throw new AppError(409, 'DUPLICATE', `“${nodeName}”已有名为“${name}”的商量办公室（编号 ${same.id}）`, { existingId: same.id });
}
