import { AGENDA_EXPECTED_COUNTS, type AgendaCategoryCreate, type AgendaCategoryDto, type AgendaCategoryList, type AgendaCategoryUpdate } from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import * as repo from './agenda-scope.repo.js';

/**
 * The county's agenda scope (七议五不议): which kinds of matter may be consulted and which
 * may not. Screening a topic assigns one of these; a change applies to topics screened
 * afterwards, topics already screened keep their category.
 */
export class AgendaScopeService {
  constructor(private readonly db: Db) {}

  async list(): Promise<AgendaCategoryList> {
    return { data: await repo.listCategories(this.db), activeCounts: await repo.activeCounts(this.db), expectedCounts: AGENDA_EXPECTED_COUNTS };
  }

  async create(input: AgendaCategoryCreate, actor: Actor): Promise<AgendaCategoryDto> {
    return this.db.tx(async (q) => {
      await refuseClash(q, { code: input.code, name: input.name });
      const id = await repo.insertCategory(q, input.code, {
        name: input.name, kind: input.kind, description: input.description ?? null, examples: input.examples, sort: input.sort, active: true,
      });
      await appendAudit(q, {
        ...actorEntry(actor), action: 'agendaCategory.create', targetType: 'agenda_category', targetId: id, result: 'success',
        details: { code: input.code, name: input.name, kind: input.kind, activeCounts: await repo.activeCounts(q) },
      });
      return (await repo.getCategory(q, id))!;
    });
  }

  /** Name, kind, description, examples, order and active; the code never changes. */
  async update(id: number, input: AgendaCategoryUpdate, actor: Actor): Promise<AgendaCategoryDto> {
    return this.db.tx(async (q) => {
      const before = await repo.getCategory(q, id, { forUpdate: true });
      if (!before) throw notFound('议事范围类别');
      const after: repo.AgendaCategoryValues = {
        name: input.name ?? before.name,
        kind: input.kind ?? before.kind,
        description: input.description === undefined ? before.description : input.description,
        examples: input.examples ?? before.examples,
        sort: input.sort ?? before.sort,
        active: input.active ?? before.active,
      };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
      if (changed.length === 0) return before;
      if (after.name !== before.name) await refuseClash(q, { name: after.name, exceptId: id });
      await repo.updateCategory(q, id, after);
      const changes = Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }]));
      await appendAudit(q, {
        ...actorEntry(actor), action: 'agendaCategory.update', targetType: 'agenda_category', targetId: id, result: 'success',
        details: { code: before.code, name: after.name, changes, topics: await repo.countTopics(q, id), activeCounts: await repo.activeCounts(q) },
      });
      return (await repo.getCategory(q, id))!;
    });
  }
}

/** 409 when another category already has this code or name (the unique indexes still guard a race). */
async function refuseClash(q: Queryable, v: { code?: string; name?: string; exceptId?: number }): Promise<void> {
  const clash = await repo.findClash(q, v);
  if (!clash) return;
  if (v.code !== undefined && clash.code === v.code) throw new AppError(409, 'DUPLICATE', `编码“${v.code}”已被类别“${clash.name}”使用`, { existingId: clash.id });
  throw new AppError(409, 'DUPLICATE', `议事范围类别“${clash.name}”已存在`, { existingId: clash.id });
}
