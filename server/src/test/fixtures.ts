import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../platform/db.js';
import { idCheckChar } from '@xj/contracts';

/** Any CJK ideograph: every error message a person reads is in Chinese. */
export const CHINESE = /[\u4e00-\u9fff]/;

/** Asserts status, stable code and the platform's error body shape. */
export function expectError(res: LightMyRequestResponse, status: number, code?: string): { code: string; message: string; details?: unknown } {
  expect(res.statusCode, `${res.statusCode} ${res.body.slice(0, 300)}`).toBe(status);
  const body = res.json() as { error: { code: string; message: string; details?: unknown }; requestId: string };
  expect(typeof body.requestId).toBe('string');
  expect(body.requestId.length).toBeGreaterThan(0);
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message).toMatch(CHINESE);
  if (code) expect(body.error.code).toBe(code);
  return body.error;
}

export async function userId(db: Db, username: string): Promise<number> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]);
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

export interface NodeRef {
  id: number;
  path: string;
  kind: string;
  parent_id: number | null;
  name: string;
}

export async function node(db: Db, id: number): Promise<NodeRef & { depth: number; active: boolean; code: string }> {
  const [row] = await db.query<NodeRef & { depth: number; active: boolean; code: string }>(
    'SELECT id, path, kind, parent_id, name, depth, active, code FROM nodes WHERE id = $1',
    [id],
  );
  if (!row) throw new Error(`no node ${id}`);
  return row;
}

/** The nodes at which a demo account holds its grants. */
export async function grantNodes(db: Db, username: string): Promise<NodeRef[]> {
  return db.query<NodeRef>(
    `SELECT n.id, n.path, n.kind, n.parent_id, n.name FROM grants g JOIN users u ON u.id = g.user_id JOIN nodes n ON n.id = g.node_id
      WHERE u.username = $1 ORDER BY n.path`,
    [username],
  );
}

export async function count(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT (${sql})::int AS n`, params);
  return row!.n;
}

/** The role and registry tables, each with the key its rows are ordered by. */
const REGISTRY_TABLES: [table: string, orderBy: string][] = [
  ['party_members', 'id'],
  ['branch_secretaries', 'id'],
  ['stewards', 'id'],
  ['steward_stairwells', 'steward_id, stairwell_id'],
  ['owners_committees', 'id'],
  ['owners_committee_members', 'committee_id, person_id'],
  ['property_companies', 'id'],
  ['property_contracts', 'id'],
  ['red_shops', 'id'],
  ['social_orgs', 'id'],
  ['gig_workers', 'id'],
  ['deputies', 'id'],
  ['commissioners', 'id'],
];

/** Row counts of every table a request could write to. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['nodes', 'users', 'grants', 'party_orgs', 'branch_compounds', 'people', 'sessions', 'audit_log', ...REGISTRY_TABLES.map(([t]) => t)];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await count(db, `SELECT count(*) FROM ${t}`);
  return out;
}

/** A fingerprint of the mutable content of the governed tables (not sessions or the audit log). */
export async function contentFingerprint(db: Db): Promise<string> {
  // Registry rows are compared whole (every column, timestamps included).
  const registries = REGISTRY_TABLES.map(([t, order]) => `coalesce((SELECT string_agg(x::text, ',' ORDER BY ${order}) FROM ${t} x), '')`).join(' ||\n       ');
  const [row] = await db.query<{ f: string }>(
    `SELECT md5(
       coalesce((SELECT string_agg(concat_ws('|', id, parent_id, name, code, path, depth, compound_kind, active), ',' ORDER BY id) FROM nodes), '') ||
       coalesce((SELECT string_agg(concat_ws('|', id, username, display_name, password_hash, must_change_password, disabled, failed_attempts, locked_until), ',' ORDER BY id) FROM users), '') ||
       coalesce((SELECT string_agg(concat_ws('|', id, user_id, role, node_id), ',' ORDER BY id) FROM grants), '') ||
       coalesce((SELECT string_agg(concat_ws('|', id, kind, name, node_id, branch_mode, secretary_name, secretary_user_id, active), ',' ORDER BY id) FROM party_orgs), '') ||
       coalesce((SELECT string_agg(concat_ws('|', branch_id, compound_id), ',' ORDER BY branch_id, compound_id) FROM branch_compounds), '') ||
       coalesce((SELECT string_agg(concat_ws('|', id, name, gender, birth_date, phone, id_number, node_id, notes), ',' ORDER BY id) FROM people), '') ||
       md5(${registries})
     ) AS f`,
  );
  return row!.f;
}

/** The compounds of the branch of a demo branch secretary, and that branch. */
export async function branchOf(db: Db, username: string): Promise<{ id: number; compoundIds: number[]; nodeId: number }> {
  const [row] = await db.query<{ id: number; node_id: number }>(
    `SELECT p.id, p.node_id FROM party_orgs p JOIN users u ON u.id = p.secretary_user_id WHERE u.username = $1 AND p.kind = 'branch'`,
    [username],
  );
  if (!row) throw new Error(`no branch for ${username}`);
  const compounds = await db.query<{ compound_id: number }>('SELECT compound_id FROM branch_compounds WHERE branch_id = $1 ORDER BY compound_id', [row.id]);
  return { id: row.id, nodeId: row.node_id, compoundIds: compounds.map((c) => c.compound_id) };
}

let idSeq = 0;
/**
 * A fictitious ID number with a valid GB 11643 check character, different on every call
 * (region 371427, the given birth date, a running sequence number).
 */
export function validIdNumber(birth = '19800101', male = true): string {
  idSeq++;
  const seq = String((idSeq * 2 + (male ? 1 : 0)) % 1000).padStart(3, '0');
  const first17 = `371427${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

let phoneSeq = 0;
/** A mobile number in the demo's fictitious range 170-0000-xxxx, different on every call. */
export function testPhone(): string {
  phoneSeq++;
  return `1700000${String(phoneSeq).padStart(4, '0')}`;
}

/**
 * Registers a fictitious person through the API (valid ID number, test phone) and returns
 * the plain identifiers, so tests can check that no response carries them.
 */
export async function createPerson(
  c: { post(url: string, body?: unknown): Promise<LightMyRequestResponse> },
  nodeId: number,
  opts: { name?: string; birth?: string; male?: boolean; extra?: Record<string, unknown> } = {},
): Promise<{ id: number; phone: string; idNumber: string; body: Record<string, unknown> }> {
  const phone = testPhone();
  const idNumber = validIdNumber(opts.birth ?? '19800101', opts.male ?? true);
  const res = await c.post('/api/people', { name: opts.name ?? '测试居民', phone, idNumber, nodeId, ...opts.extra });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as Record<string, unknown>;
  return { id: body.id as number, phone, idNumber, body };
}
