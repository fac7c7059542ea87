import { contractStatusOn, type ContractStatus, type PropertyContractDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { pagedQuery, Where, type Page } from '../../platform/paging.js';
import { isoOf } from '../person-roles/person-ref.js';

export interface ContractRow {
  id: number;
  company_id: number;
  company_name: string;
  compound_id: number;
  compound_name: string;
  compound_path: string;
  start_date: string;
  end_date: string;
  fee_standard: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ContractValues {
  companyId: number;
  compoundId: number;
  startDate: string;
  endDate: string;
  feeStandard: string | null;
}

// Dates as text so that no time zone can shift them.
const COLUMNS = `k.id, k.company_id, c.name AS company_name, k.compound_id, n.name AS compound_name, n.path AS compound_path,
  to_char(k.start_date, 'YYYY-MM-DD') AS start_date, to_char(k.end_date, 'YYYY-MM-DD') AS end_date, k.fee_standard, k.created_at, k.updated_at`;
const FROM = 'FROM property_contracts k JOIN property_companies c ON c.id = k.company_id JOIN nodes n ON n.id = k.compound_id';

export function toContractDto(r: ContractRow, today: string): PropertyContractDto {
  return {
    id: r.id,
    companyId: r.company_id,
    companyName: r.company_name,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    startDate: r.start_date,
    endDate: r.end_date,
    feeStandard: r.fee_standard,
    status: contractStatusOn(today, r.start_date, r.end_date),
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

const STATUS_SQL: Record<ContractStatus, string> = {
  upcoming: 'k.start_date > ?::date',
  expired: 'k.end_date < ?::date',
  active: '?::date BETWEEN k.start_date AND k.end_date',
};

export function listContracts(
  q: Queryable,
  f: { scopePatterns: string[]; today: string; companyId?: number | undefined; subtreePath?: string | undefined; status?: ContractStatus | undefined },
  page: { page: number; pageSize: number },
): Promise<Page<PropertyContractDto>> {
  const where = new Where()
    .add('n.path LIKE ANY(?)', f.scopePatterns)
    .addIf(f.companyId, 'k.company_id = ?', f.companyId)
    .addIf(f.subtreePath, 'n.path LIKE ?', `${f.subtreePath}%`);
  if (f.status) where.add(STATUS_SQL[f.status], f.today);
  return pagedQuery(
    q,
    { select: COLUMNS, fromWhere: `${FROM} ${where}`, orderBy: 'n.path, k.start_date DESC, k.id', params: where.params },
    page,
    (r: ContractRow) => toContractDto(r, f.today),
  );
}

export async function getContract(q: Queryable, id: number): Promise<ContractRow | undefined> {
  const [row] = await q.query<ContractRow>(`SELECT ${COLUMNS} ${FROM} WHERE k.id = $1`, [id]);
  return row;
}

/** The first contract of the compound whose dates meet [start, end] (both inclusive). */
export async function overlappingContract(q: Queryable, compoundId: number, start: string, end: string, exceptId = 0): Promise<ContractRow | undefined> {
  const [row] = await q.query<ContractRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE k.compound_id = $1 AND k.id <> $4 AND k.start_date <= $3::date AND k.end_date >= $2::date
      ORDER BY k.start_date LIMIT 1`,
    [compoundId, start, end, exceptId],
  );
  return row;
}

export async function insertContract(q: Queryable, v: ContractValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO property_contracts (company_id, compound_id, start_date, end_date, fee_standard) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [v.companyId, v.compoundId, v.startDate, v.endDate, v.feeStandard],
  );
  return row!.id;
}

export async function updateContract(q: Queryable, id: number, v: ContractValues): Promise<void> {
  await q.query(
    `UPDATE property_contracts SET company_id = $2, start_date = $3, end_date = $4, fee_standard = $5, updated_at = now() WHERE id = $1`,
    [id, v.companyId, v.startDate, v.endDate, v.feeStandard],
  );
}
