import type { Open311KeyDto, TicketStatus } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { Where } from '../../platform/paging.js';

// ── API keys ─────────────────────────────────────────────────────────────────

interface KeyRow {
  id: number;
  name: string;
  key_prefix: string;
  created_by: number | null;
  created_by_name: string | null;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const KEY_COLUMNS = `k.id, k.name, k.key_prefix, k.created_by, u.display_name AS created_by_name, k.created_at, k.revoked_at, k.last_used_at
  FROM open311_api_keys k LEFT JOIN users u ON u.id = k.created_by`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const toKeyDto = (r: KeyRow): Open311KeyDto => ({
  id: r.id,
  name: r.name,
  keyPrefix: r.key_prefix,
  createdBy: r.created_by === null ? null : { id: r.created_by, name: r.created_by_name ?? '' },
  createdAt: iso(r.created_at)!,
  revokedAt: iso(r.revoked_at),
  lastUsedAt: iso(r.last_used_at),
});

export async function listKeys(q: Queryable): Promise<Open311KeyDto[]> {
  return (await q.query<KeyRow>(`SELECT ${KEY_COLUMNS} ORDER BY k.revoked_at IS NOT NULL, k.id DESC`)).map(toKeyDto);
}

export async function getKey(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<Open311KeyDto | undefined> {
  if (opts.forUpdate) await q.query('SELECT id FROM open311_api_keys WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<KeyRow>(`SELECT ${KEY_COLUMNS} WHERE k.id = $1`, [id]);
  return row && toKeyDto(row);
}

export async function insertKey(q: Queryable, v: { name: string; keyHash: string; keyPrefix: string; createdBy: number | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO open311_api_keys (name, key_hash, key_prefix, created_by) VALUES ($1,$2,$3,$4) RETURNING id',
    [v.name, v.keyHash, v.keyPrefix, v.createdBy],
  );
  return row!.id;
}

export async function revokeKey(q: Queryable, id: number, by: number | null): Promise<void> {
  await q.query('UPDATE open311_api_keys SET revoked_at = now(), revoked_by = $2 WHERE id = $1', [id, by]);
}

/** The active key with this hash, marked as used now. */
export async function useKey(q: Queryable, keyHash: string): Promise<{ id: number; name: string } | undefined> {
  const [row] = await q.query<{ id: number; name: string }>(
    'UPDATE open311_api_keys SET last_used_at = now() WHERE key_hash = $1 AND revoked_at IS NULL RETURNING id, name',
    [keyHash],
  );
  return row;
}

// ── Services and locations ───────────────────────────────────────────────────

export interface ServiceRow {
  id: number;
  code: string;
  name: string;
  deadline_amount: number;
  deadline_unit: 'hours' | 'working_days';
  response_hours: number;
}

export function activeServices(q: Queryable): Promise<ServiceRow[]> {
  return q.query<ServiceRow>('SELECT id, code, name, deadline_amount, deadline_unit, response_hours FROM ticket_categories WHERE active ORDER BY id');
}

export async function activeService(q: Queryable, code: string): Promise<ServiceRow | undefined> {
  const [row] = await q.query<ServiceRow>(
    'SELECT id, code, name, deadline_amount, deadline_unit, response_hours FROM ticket_categories WHERE active AND code = $1',
    [code],
  );
  return row;
}

export async function rootNodeCode(q: Queryable): Promise<string | undefined> {
  const [row] = await q.query<{ code: string }>('SELECT code FROM nodes WHERE parent_id IS NULL ORDER BY id LIMIT 1');
  return row?.code;
}

// ── Service requests ─────────────────────────────────────────────────────────

export interface RequestValues {
  ticketId: number;
  token: string;
  apiKeyId: number;
  accountId: string | null;
  deviceId: string | null;
  email: string | null;
  mediaUrl: string | null;
  attributes: Record<string, string | string[]>;
}

export async function insertRequest(q: Queryable, v: RequestValues): Promise<void> {
  await q.query(
    'INSERT INTO open311_requests (ticket_id, token, api_key_id, account_id, device_id, email, media_url, attributes) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
    [v.ticketId, v.token, v.apiKeyId, v.accountId, v.deviceId, v.email, v.mediaUrl, JSON.stringify(v.attributes)],
  );
}

export interface RequestRow {
  code: string;
  status: TicketStatus;
  status_note: string | null;
  service_code: string;
  service_name: string;
  description: string;
  agency: string | null;
  created_at: Date;
  updated_at: Date;
  deadline: Date;
  address: string | null;
  node_code: string;
  /** Waiting in a triage queue (its node is a subdistrict or the county): no grid code to publish yet. */
  triage: boolean;
  lat: number | null;
  lng: number | null;
  media_url: string | null;
}

// The latest note on the timeline (a handling result, a confirmation comment, a transfer reason …).
const REQUEST_SELECT = `SELECT t.code, t.status,
    (SELECT e.note FROM ticket_events e WHERE e.ticket_id = t.id AND e.note IS NOT NULL ORDER BY e.id DESC LIMIT 1) AS status_note,
    c.code AS service_code, c.name AS service_name, t.description, o.department AS agency,
    t.created_at, t.updated_at, t.deadline, t.address, n.code AS node_code, (n.depth < 2) AS triage, t.lat, t.lng, r.media_url
  FROM open311_requests r JOIN tickets t ON t.id = r.ticket_id JOIN ticket_categories c ON c.id = t.category_id
  JOIN nodes n ON n.id = t.node_id LEFT JOIN commissioners o ON o.id = t.owner_id`;

export interface RequestFilter {
  codes?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Open311 `closed` is the ticket's `closed`; everything before it is `open`. */
  closed?: boolean | undefined;
  limit: number;
}

export function listRequests(q: Queryable, f: RequestFilter): Promise<RequestRow[]> {
  const where = new Where()
    .addIf(f.codes, 't.code = ANY(?)', f.codes)
    .addIf(f.serviceCodes, 'c.code = ANY(?)', f.serviceCodes)
    .addIf(f.from, 't.created_at >= ?', f.from)
    .addIf(f.to, 't.created_at <= ?', f.to);
  if (f.closed !== undefined) where.add(f.closed ? "t.status = 'closed'" : "t.status <> 'closed'");
  const params = [...where.params, f.limit];
  return q.query<RequestRow>(`${REQUEST_SELECT} ${where} ORDER BY t.created_at DESC, t.id DESC LIMIT $${params.length}`, params);
}

export async function requestByToken(q: Queryable, token: string): Promise<{ code: string } | undefined> {
  const [row] = await q.query<{ code: string }>('SELECT t.code FROM open311_requests r JOIN tickets t ON t.id = r.ticket_id WHERE r.token = $1', [token]);
  return row;
}
