import type { OptionAttachmentType, TopicOptionAttachmentDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { isoOf } from '../person-roles/person-ref.js';

export interface AttachmentValues {
  optionId: number;
  name: string;
  fileName: string;
  contentType: OptionAttachmentType;
  bytes: number;
  createdBy: number | null;
}

export interface AttachmentRow {
  id: number;
  option_id: number;
  topic_id: number;
  name: string;
  file_name: string;
  content_type: OptionAttachmentType;
  bytes: number;
}

export async function insertAttachment(q: Queryable, v: AttachmentValues): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO topic_option_attachments (option_id, name, file_name, content_type, bytes, created_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
    [v.optionId, v.name, v.fileName, v.contentType, v.bytes, v.createdBy],
  );
  return row!.id;
}

export async function countAttachments(q: Queryable, optionId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM topic_option_attachments WHERE option_id = $1', [optionId]);
  return row!.n;
}

/** An attachment with the topic its option belongs to. */
export async function getAttachment(q: Queryable, id: number): Promise<AttachmentRow | undefined> {
  const [row] = await q.query<AttachmentRow>(
    `SELECT a.id, a.option_id, o.topic_id, a.name, a.file_name, a.content_type, a.bytes
       FROM topic_option_attachments a JOIN topic_options o ON o.id = a.option_id WHERE a.id = $1`,
    [id],
  );
  return row;
}

export async function deleteAttachment(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM topic_option_attachments WHERE id = $1', [id]);
}

/** Whether the option is one of the topic's. */
export async function optionOfTopic(q: Queryable, topicId: number, optionId: number): Promise<{ id: number; title: string } | undefined> {
  const [row] = await q.query<{ id: number; title: string }>('SELECT id, title FROM topic_options WHERE id = $1 AND topic_id = $2', [optionId, topicId]);
  return row;
}

/** Every option's attachments of one topic, oldest first (the console's and the phone page's option lists). */
export async function attachmentsByOption(q: Queryable, topicId: number): Promise<Map<number, TopicOptionAttachmentDto[]>> {
  const rows = await q.query<{ id: number; option_id: number; name: string; content_type: OptionAttachmentType; bytes: number; created_at: Date }>(
    `SELECT a.id, a.option_id, a.name, a.content_type, a.bytes, a.created_at
       FROM topic_option_attachments a JOIN topic_options o ON o.id = a.option_id WHERE o.topic_id = $1 ORDER BY a.id`,
    [topicId],
  );
  const byOption = new Map<number, TopicOptionAttachmentDto[]>();
  for (const r of rows) {
    const list = byOption.get(r.option_id) ?? [];
    list.push({ id: r.id, name: r.name, contentType: r.content_type, bytes: r.bytes, createdAt: isoOf(r.created_at) });
    byOption.set(r.option_id, list);
  }
  return byOption;
}
