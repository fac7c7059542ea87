import type { Queryable } from '../../platform/db.js';

// Node codes and the triage queue are shared with Open311: tickets/tickets-triage.repo.ts.

/** The active category whose code or name is `given`, else 其他 (`other`), else the first active one. */
export async function categoryIdFor(q: Queryable, given: string | undefined): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>(
    `SELECT id FROM ticket_categories WHERE active
      ORDER BY (code = $1 OR name = $1) DESC, (code = 'other') DESC, id LIMIT 1`,
    [given ?? ''],
  );
  return row?.id;
}

export async function ticketByExternalId(q: Queryable, externalId: string): Promise<{ id: number; content_hash: string } | undefined> {
  const [row] = await q.query<{ id: number; content_hash: string }>(
    "SELECT id, content_hash FROM tickets WHERE source = 'hotline' AND external_id = $1",
    [externalId],
  );
  return row;
}

export interface HotlineTicketValues {
  code: string;
  externalId: string;
  contentHash: string;
  categoryId: number;
  nodeId: number;
  address: string | null;
  description: string;
  reporterPhone: string | null;
  deadline: Date;
  createdAt: Date;
}

/** Inserts the ticket unless the hotline case is already on file (then undefined: a concurrent replay won). */
export async function insertHotlineTicket(q: Queryable, v: HotlineTicketValues): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO tickets (code, source, external_id, content_hash, category_id, node_id, address, description, reporter_phone,
       priority, status, deadline, created_at, updated_at)
     VALUES ($1,'hotline',$2,$3,$4,$5,$6,$7,$8,'normal','reported',$9,$10,$10)
     ON CONFLICT (source, external_id) DO NOTHING RETURNING id`,
    [v.code, v.externalId, v.contentHash, v.categoryId, v.nodeId, v.address, v.description, v.reporterPhone, v.deadline, v.createdAt],
  );
  return row?.id;
}
