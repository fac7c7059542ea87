import { maskPhone, type ConsultationOfficeDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { likeEscape, pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';

export interface OfficeRow {
  id: number;
  name: string;
  node_id: number;
  node_name: string;
  node_path: string;
  venue: string | null;
  address: string | null;
  opening_hours: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface OfficeValues {
  name: string;
  nodeId: number;
  venue: string | null;
  address: string | null;
  openingHours: string | null;
  contactName: string | null;
  contactPhone: string | null;
  active: boolean;
}

const COLUMNS = `o.id, o.name, o.node_id, n.name AS node_name, n.path AS node_path, o.venue, o.address, o.opening_hours,
  o.contact_name, o.contact_phone, o.active, o.created_at, o.updated_at`;
const FROM = 'FROM consultation_offices o JOIN nodes n ON n.id = o.node_id';

/** The contact phone is masked here, so no response can carry it in clear. */
export function toOfficeDto(r: OfficeRow): ConsultationOfficeDto {
  return {
    id: r.id,
    name: r.name,
    nodeId: r.node_id,
    nodeName: r.node_name,
    venue: r.venue,
    address: r.address,
    openingHours: r.opening_hours,
    contactName: r.contact_name,
    contactPhone: maskPhone(r.contact_phone),
    active: r.active,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

export function listOffices(
  q: Queryable,
  f: { scopePatterns: string[]; q?: string | undefined; subtreePath?: string | undefined; active?: boolean | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<ConsultationOfficeDto>> {
  const like = `%${likeEscape(f.q ?? '')}%`;
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`)
    .addIf(f.q, '(o.name ILIKE ? OR o.venue ILIKE ? OR o.address ILIKE ?)', like, like, like)
    .addIf(f.active, 'o.active = ?', f.active);
  return pagedQuery(q, { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 'n.path, o.name, o.id', params: where.params }, page, toOfficeDto);
}

export async function getOffice(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<OfficeRow | undefined> {
  const [row] = await q.query<OfficeRow>(`SELECT ${COLUMNS} ${FROM} WHERE o.id = $1${opts.forUpdate ? ' FOR UPDATE OF o' : ''}`, [id]);
  return row;
}

export async function officeNamedAt(q: Queryable, nodeId: number, name: string, exceptId = 0): Promise<{ id: number } | undefined> {
  const [row] = await q.query<{ id: number }>('SELECT id FROM consultation_offices WHERE node_id = $1 AND name = $2 AND id <> $3', [nodeId, name, exceptId]);
  return row;
}

const VALUES = (v: OfficeValues) => [v.name, v.nodeId, v.venue, v.address, v.openingHours, v.contactName, v.contactPhone, v.active];

export async function insertOffice(q: Queryable, v: OfficeValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO consultation_offices (name, node_id, venue, address, opening_hours, contact_name, contact_phone, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    VALUES(v),
  );
  return row!.id;
}

export async function updateOffice(q: Queryable, id: number, v: OfficeValues): Promise<void> {
  await q.query(
    `UPDATE consultation_offices SET name = $2, node_id = $3, venue = $4, address = $5, opening_hours = $6, contact_name = $7,
       contact_phone = $8, active = $9, updated_at = now() WHERE id = $1`,
    [id, ...VALUES(v)],
  );
}
