import type { AgendaCategoryDto, AgendaKind } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';

interface CategoryRow {
  id: number;
  code: string;
  name: string;
  kind: AgendaKind;
  description: string | null;
  examples: string[];
  is_default_addition: boolean;
  sort: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, code, name, kind, description, examples, is_default_addition, sort, active, created_at, updated_at';

const toDto = (r: CategoryRow): AgendaCategoryDto => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  description: r.description,
  examples: r.examples,
  isDefaultAddition: r.is_default_addition,
  sort: r.sort,
  active: r.active,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export interface AgendaCategoryValues {
  name: string;
  kind: AgendaKind;
  description: string | null;
  examples: string[];
  sort: number;
  active: boolean;
}

/** Every category, inactive ones included: allowed before excluded, then by sort. */
export async function listCategories(q: Queryable): Promise<AgendaCategoryDto[]> {
  return (await q.query<CategoryRow>(`SELECT ${COLUMNS} FROM agenda_categories ORDER BY kind, sort, id`)).map(toDto);
}

export async function getCategory(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<AgendaCategoryDto | undefined> {
  const [row] = await q.query<CategoryRow>(`SELECT ${COLUMNS} FROM agenda_categories WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row && toDto(row);
}

/** Another category (not `exceptId`) already using this code or name. */
export async function findClash(q: Queryable, v: { code?: string; name?: string; exceptId?: number }): Promise<{ id: number; code: string; name: string } | undefined> {
  const [row] = await q.query<{ id: number; code: string; name: string }>(
    'SELECT id, code, name FROM agenda_categories WHERE (code = $1 OR name = $2) AND id <> $3 ORDER BY id LIMIT 1',
    [v.code ?? null, v.name ?? null, v.exceptId ?? 0],
  );
  return row;
}

export async function activeCounts(q: Queryable): Promise<Record<AgendaKind, number>> {
  const [row] = await q.query<{ allowed: number; excluded: number }>(
    `SELECT count(*) FILTER (WHERE kind = 'allowed')::int AS allowed, count(*) FILTER (WHERE kind = 'excluded')::int AS excluded
       FROM agenda_categories WHERE active`,
  );
  return { allowed: row!.allowed, excluded: row!.excluded };
}

export async function insertCategory(q: Queryable, code: string, v: AgendaCategoryValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO agenda_categories (code, name, kind, description, examples, sort, active) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id',
    [code, v.name, v.kind, v.description, v.examples, v.sort, v.active],
  );
  return row!.id;
}

export async function updateCategory(q: Queryable, id: number, v: AgendaCategoryValues): Promise<void> {
  await q.query(
    'UPDATE agenda_categories SET name = $2, kind = $3, description = $4, examples = $5, sort = $6, active = $7, updated_at = now() WHERE id = $1',
    [id, v.name, v.kind, v.description, v.examples, v.sort, v.active],
  );
}

/** How many topics were screened into the category (they keep it whatever becomes of it). */
export async function countTopics(q: Queryable, categoryId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM topics WHERE category_id = $1', [categoryId]);
  return row!.n;
}
