import { birthDateFromId, genderFromId, type PersonCreate, type PersonDto, type PersonListQuery, type PersonRolesDto, type PersonUpdate, type SensitiveField } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import * as repo from './people.repo.js';
import { personRoles } from './people-roles.repo.js';

/** Loads a person whose address lies in the scope; anything else is "not found". */
export async function personInScope(q: Queryable, id: number, scope: Scope): Promise<repo.PersonRow> {
  const person = await repo.getPerson(q, id);
  if (!person || !pathInScope(person.node_path, scope)) throw notFound('人员');
  return person;
}

/**
 * Completes and checks what an ID number already says: birth date and sex are taken from it
 * when missing, and must agree with it when given.
 */
export function reconcileWithIdNumber(v: repo.PersonValues): repo.PersonValues {
  if (!v.idNumber) return v;
  const birth = birthDateFromId(v.idNumber);
  const gender = genderFromId(v.idNumber);
  if (v.birthDate && birth && v.birthDate !== birth) throw new AppError(400, 'VALIDATION_FAILED', '出生日期与身份证号不一致');
  if (v.gender && v.gender !== gender) throw new AppError(400, 'VALIDATION_FAILED', '性别与身份证号不一致');
  return { ...v, birthDate: v.birthDate ?? birth, gender: v.gender ?? gender };
}

/** Refuses a second record for the same ID number, pointing at the first when the caller may see it. */
export async function assertIdNumberFree(q: Queryable, idNumber: string | null, readScope: Scope, exceptId = 0): Promise<void> {
  if (!idNumber) return;
  const existing = await repo.findByIdNumber(q, idNumber, exceptId);
  if (!existing) return;
  if (pathInScope(existing.node_path, readScope)) {
    throw new AppError(409, 'DUPLICATE', `该身份证号已登记：${existing.name}（编号 ${existing.id}），请直接使用已有记录`, { existingId: existing.id });
  }
  throw new AppError(409, 'DUPLICATE', '该身份证号已在其他辖区登记，请联系上级管理员调整', { existingId: null });
}

export class PeopleService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: PersonListQuery): Promise<Page<PersonDto>> {
    const subtree = query.nodeId ? (await nodeInScope(this.db, query.nodeId, scope)).path : undefined;
    return repo.listPeople(this.db, { scopePatterns: scopePatterns(scope), q: query.q, subtreePath: subtree, gender: query.gender }, query);
  }

  async get(scope: Scope, id: number): Promise<PersonDto> {
    return repo.toPersonDto(await personInScope(this.db, id, scope));
  }

  async roles(scope: Scope, id: number): Promise<PersonRolesDto> {
    await personInScope(this.db, id, scope);
    return personRoles(this.db, id, scopePatterns(scope));
  }

  async create(scope: Scope, readScope: Scope, input: PersonCreate, actor: Actor): Promise<PersonDto> {
    return this.db.tx(async (q) => {
      await nodeInScope(q, input.nodeId, scope);
      const values = reconcileWithIdNumber({
        name: input.name,
        gender: input.gender ?? null,
        birthDate: input.birthDate ?? null,
        phone: input.phone ?? null,
        idNumber: input.idNumber ?? null,
        nodeId: input.nodeId,
        notes: input.notes || null,
      });
      await assertIdNumberFree(q, values.idNumber, readScope);
      const id = await repo.insertPerson(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'person.create', targetType: 'person', targetId: id, nodeId: values.nodeId, result: 'success',
        // Identifiers stay out of the audit details: the log is not a second copy of personal data.
        details: { name: values.name, hasPhone: !!values.phone, hasIdNumber: !!values.idNumber },
      });
      return repo.toPersonDto((await repo.getPerson(q, id))!);
    });
  }

  async update(scope: Scope, readScope: Scope, id: number, patch: PersonUpdate, actor: Actor): Promise<PersonDto> {
    return this.db.tx(async (q) => {
      const before = await personInScope(q, id, scope);
      if (patch.nodeId) await nodeInScope(q, patch.nodeId, scope);
      const pick = <K extends keyof PersonUpdate, T>(k: K, current: T): T => (patch[k] === undefined ? current : (patch[k] as T));
      const values = reconcileWithIdNumber({
        name: pick('name', before.name),
        gender: pick('gender', before.gender),
        birthDate: pick('birthDate', before.birth_date),
        phone: pick('phone', before.phone),
        idNumber: pick('idNumber', before.id_number),
        nodeId: pick('nodeId', before.node_id),
        notes: pick('notes', before.notes),
      });
      await assertIdNumberFree(q, values.idNumber, readScope, id);
      await repo.updatePerson(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'person.update', targetType: 'person', targetId: id, nodeId: values.nodeId, result: 'success',
        details: { changed: Object.keys(patch) },
      });
      return repo.toPersonDto((await repo.getPerson(q, id))!);
    });
  }

  /** Reveals one masked field; the reason and the reader are audited in the same transaction. */
  async unmask(scope: Scope, id: number, field: SensitiveField, reason: string, actor: Actor): Promise<{ field: SensitiveField; value: string | null }> {
    return this.db.tx(async (q) => {
      const person = await personInScope(q, id, scope);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'person.unmask', targetType: 'person', targetId: id, nodeId: person.node_id, result: 'success',
        details: { field, reason },
      });
      return { field, value: field === 'phone' ? person.phone : person.id_number };
    });
  }
}
