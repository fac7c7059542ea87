import type { PublicNodeDto, TicketEventKind, TicketStatus } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';

/** Every active community, for the first of the cascading place pickers. */
export function activeCommunities(q: Queryable): Promise<PublicNodeDto[]> {
  return q.query<PublicNodeDto>("SELECT id, name, kind FROM nodes WHERE kind = 'community' AND active ORDER BY code, id");
}

/** The active children of an active community, compound or building; undefined for any other parent. */
export async function activeChildren(q: Queryable, parentId: number): Promise<PublicNodeDto[] | undefined> {
  const [parent] = await q.query<{ id: number }>(
    "SELECT id FROM nodes WHERE id = $1 AND active AND kind IN ('community','compound','building')",
    [parentId],
  );
  if (!parent) return undefined;
  return q.query<PublicNodeDto>('SELECT id, name, kind FROM nodes WHERE parent_id = $1 AND active ORDER BY code, id', [parentId]);
}

export function activeCategories(q: Queryable): Promise<{ id: number; name: string }[]> {
  return q.query<{ id: number; name: string }>('SELECT id, name FROM ticket_categories WHERE active ORDER BY id');
}

export async function insertTrackingKey(q: Queryable, ticketId: number, keyHash: string): Promise<void> {
  await q.query('INSERT INTO ticket_tracking_keys (ticket_id, key_hash) VALUES ($1, $2)', [ticketId, keyHash]);
}

export async function trackingKeyOf(q: Queryable, code: string): Promise<{ ticket_id: number; key_hash: string } | undefined> {
  const [row] = await q.query<{ ticket_id: number; key_hash: string }>(
    'SELECT k.ticket_id, k.key_hash FROM tickets t JOIN ticket_tracking_keys k ON k.ticket_id = t.id WHERE t.code = $1',
    [code],
  );
  return row;
}

/** The timeline as a resident sees it: what happened and when, never who or with which details. */
export async function publicTimeline(q: Queryable, ticketId: number): Promise<{ kind: TicketEventKind; status: TicketStatus; at: string }[]> {
  const rows = await q.query<{ kind: TicketEventKind; to_status: TicketStatus; at: Date }>(
    'SELECT kind, to_status, at FROM ticket_events WHERE ticket_id = $1 ORDER BY id',
    [ticketId],
  );
  return rows.map((r) => ({ kind: r.kind, status: r.to_status, at: new Date(r.at).toISOString() }));
}
