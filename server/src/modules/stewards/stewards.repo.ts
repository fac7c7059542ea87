import type { PersonSummaryDto, StewardDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { matchName } from '../people/people.repo.js';
import { isoDate, rolePersonJson, toRequiredPersonSummary } from '../person-roles/person-ref.js';

interface StewardRow {
  id: number;
  person: PersonSummaryDto;
  person_id: number;
  compound_id: number;
  compound_name: string;
  compound_path: string;
  stairwells: StewardDto['stairwells'] | null;
  quality_supervisor: boolean;
  since: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `s.id, ${rolePersonJson('p')} AS person, s.person_id, s.compound_id, n.name AS compound_name, n.path AS compound_path,
  (SELECT json_agg(json_build_object('id', w.id, 'name', w.name, 'buildingName', b.name) ORDER BY b.code, w.code)
     FROM steward_stairwells ss JOIN nodes w ON w.id = ss.stairwell_id JOIN nodes b ON b.id = w.parent_id
    WHERE ss.steward_id = s.id) AS stairwells,
  s.quality_supervisor, ${isoDate('s.since')} AS since, s.created_at, s.updated_at`;
const FROM = 'FROM stewards s JOIN people p ON p.id = s.person_id JOIN nodes n ON n.id = s.compound_id';

export type StewardRecord = StewardDto & { personId: number; compoundPath: string };

function toRecord(r: StewardRow): StewardRecord {
  return {
    id: r.id,
    person: toRequiredPersonSummary(r.person),
    personId: r.person_id,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    compoundPath: r.compound_path,
    stairwells: r.stairwells ?? [],
    qualitySupervisor: r.quality_supervisor,
    since: r.since,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function listStewards(
  q: Queryable,
  f: { scopePatterns: string[]; subtreePath?: string | undefined; stairwellId?: number | undefined; qualitySupervisor?: boolean | undefined; q?: string | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<StewardRecord>> {
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.stairwellId, 'EXISTS (SELECT 1 FROM steward_stairwells ss WHERE ss.steward_id = s.id AND ss.stairwell_id = ?)', f.stairwellId)
    .addIf(f.qualitySupervisor, 's.quality_supervisor = ?', f.qualitySupervisor);
  if (f.q) matchName(where, 'p', f.q);
  return pagedQuery(q, { select: SELECT, fromWhere: `${FROM} ${where}`, orderBy: 'n.path, p.name, s.id', params: where.params }, page, toRecord);
}

export async function getSteward(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<StewardRecord | undefined> {
  const [row] = await q.query<StewardRow>(`SELECT ${SELECT} ${FROM} WHERE s.id = $1 ${opts.forUpdate ? 'FOR UPDATE OF s' : ''}`, [id]);
  return row && toRecord(row);
}

export async function stewardOf(q: Queryable, personId: number, compoundId: number): Promise<{ id: number } | undefined> {
  const [row] = await q.query<{ id: number }>('SELECT id FROM stewards WHERE person_id = $1 AND compound_id = $2', [personId, compoundId]);
  return row;
}

/** Of the given ids, those that are stairwells inside the compound (its path a prefix of theirs). */
export async function stairwellsInside(q: Queryable, ids: number[], compoundPath: string): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    "SELECT id FROM nodes WHERE id = ANY($1::int[]) AND kind = 'stairwell' AND path LIKE $2",
    [ids, `${compoundPath}%`],
  );
  return rows.map((r) => r.id);
}

export interface StewardValues {
  qualitySupervisor: boolean;
  since: string;
}

export async function insertSteward(q: Queryable, personId: number, compoundId: number, v: StewardValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO stewards (person_id, compound_id, quality_supervisor, since) VALUES ($1, $2, $3, $4) RETURNING id',
    [personId, compoundId, v.qualitySupervisor, v.since],
  );
  return row!.id;
}

export async function updateSteward(q: Queryable, id: number, v: StewardValues): Promise<void> {
  await q.query('UPDATE stewards SET quality_supervisor = $2, since = $3, updated_at = now() WHERE id = $1', [id, v.qualitySupervisor, v.since]);
}

export async function setStewardStairwells(q: Queryable, id: number, stairwellIds: number[]): Promise<void> {
  await q.query('DELETE FROM steward_stairwells WHERE steward_id = $1', [id]);
  await q.query('INSERT INTO steward_stairwells (steward_id, stairwell_id) SELECT $1, unnest($2::int[])', [id, stairwellIds]);
}

export async function deleteSteward(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM stewards WHERE id = $1', [id]);
}
