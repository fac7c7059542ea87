import type { TicketPhotoDto, TicketPhotoStage, TicketPhotoType } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';

export const photoUrl = (ticketId: number, photoId: number) => `/api/tickets/${ticketId}/photos/${photoId}`;

export interface PhotoValues {
  ticketId: number;
  stage: TicketPhotoStage;
  fileName: string;
  contentType: TicketPhotoType;
  bytes: number;
  width: number | null;
  height: number | null;
  createdBy: number | null;
}

export async function insertPhoto(q: Queryable, v: PhotoValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO ticket_photos (ticket_id, stage, file_name, content_type, bytes, width, height, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
    [v.ticketId, v.stage, v.fileName, v.contentType, v.bytes, v.width, v.height, v.createdBy],
  );
  return row!.id;
}

export async function countPhotos(q: Queryable, ticketId: number, stage?: TicketPhotoStage): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM ticket_photos WHERE ticket_id = $1 AND ($2::text IS NULL OR stage = $2)',
    [ticketId, stage ?? null],
  );
  return row!.n;
}

export async function listPhotos(q: Queryable, ticketId: number): Promise<TicketPhotoDto[]> {
  const rows = await q.query<{ id: number; stage: TicketPhotoStage }>('SELECT id, stage FROM ticket_photos WHERE ticket_id = $1 ORDER BY id', [ticketId]);
  return rows.map((r) => ({ id: r.id, stage: r.stage, url: photoUrl(ticketId, r.id) }));
}

export async function getPhoto(q: Queryable, ticketId: number, photoId: number): Promise<{ file_name: string; content_type: TicketPhotoType } | undefined> {
  const [row] = await q.query<{ file_name: string; content_type: TicketPhotoType }>(
    'SELECT file_name, content_type FROM ticket_photos WHERE id = $1 AND ticket_id = $2',
    [photoId, ticketId],
  );
  return row;
}
