import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PublicNodeDto, PublicNodeQuery, PublicTicketCreate, PublicTicketCreated, PublicTicketStatusDto, TicketPhotoDto, TicketStatus } from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/audit/audit.js';
import type { Scope } from '../../platform/auth/scope.js';
import { COMMUNITY_AND_BELOW, nodeOfKinds } from '../person-roles/person-ref.js';
import { fileTicket } from '../tickets/tickets.service.js';
import { getCategory, getTicket } from '../tickets/tickets.repo.js';
import { countPhotos } from '../tickets/ticket-photos.repo.js';
import type { PhotoRule, TicketPhotosService } from '../tickets/ticket-photos.service.js';
import * as repo from './public-tickets.repo.js';

/** A resident may report anywhere in the county. */
const WHOLE_TREE: Scope = { paths: ['/'] };
/** A resident adds photos to a fresh report: before the owner accepts it, within a day. */
const PHOTO_STATUSES: readonly TicketStatus[] = ['reported', 'assigned'];
const PHOTO_WINDOW_MS = 24 * 3600 * 1000;

const hashOf = (key: string) => createHash('sha256').update(key).digest();
const wrongKey = () => new AppError(404, 'NOT_FOUND', '工单编号或查询码不正确');

/**
 * Residents report from their phones without an account. A report is filed and auto-assigned
 * exactly like a console report and answers its code and a secret tracking key; only the key's
 * SHA-256 is stored. The key shows the public status and adds photos to the fresh report.
 */
export class PublicTicketsService {
  constructor(
    private readonly db: Db,
    private readonly photos: TicketPhotosService,
  ) {}

  async nodes(query: PublicNodeQuery): Promise<{ data: PublicNodeDto[] }> {
    if (query.parentId === undefined) return { data: await repo.activeCommunities(this.db) };
    const children = await repo.activeChildren(this.db, query.parentId);
    if (!children) throw notFound('地点');
    return { data: children };
  }

  async categories(): Promise<{ data: { id: number; name: string }[] }> {
    return { data: await repo.activeCategories(this.db) };
  }

  async report(input: PublicTicketCreate, actor: Actor): Promise<PublicTicketCreated> {
    const trackingKey = randomBytes(16).toString('base64url');
    const code = await this.db.tx(async (q) => {
      const node = await nodeOfKinds(q, input.nodeId, WHOLE_TREE, COMMUNITY_AND_BELOW, '问题所在位置');
      const category = await getCategory(q, input.categoryId);
      if (!category?.active) throw badRequest('问题类别不存在或已停用');
      const t = await fileTicket(
        q,
        {
          source: 'resident_report', category, node, priority: 'normal',
          address: input.address ?? null, lat: input.lat ?? null, lng: input.lng ?? null, description: input.description,
          reporterName: input.reporterName, reporterPhone: input.reporterPhone,
        },
        actor,
      );
      await repo.insertTrackingKey(q, t.id, hashOf(trackingKey).toString('hex'));
      return t.code;
    });
    return { code, trackingKey };
  }

  async status(code: string, key: string): Promise<PublicTicketStatusDto> {
    const t = (await getTicket(this.db, await this.ticketIdOf(code, key)))!;
    return {
      code: t.code,
      status: t.status,
      category: t.category_name,
      createdAt: t.created_at.toISOString(),
      closedAt: t.closed_at ? t.closed_at.toISOString() : null,
      outcome: t.outcome,
      resultNote: t.result_note,
      photoCount: await countPhotos(this.db, t.id),
      timeline: await repo.publicTimeline(this.db, t.id),
    };
  }

  async addPhoto(code: string, key: string, file: Buffer, actor: Actor): Promise<Pick<TicketPhotoDto, 'id'>> {
    const rule: PhotoRule = (t) => {
      if (!t) throw wrongKey();
      if (!PHOTO_STATUSES.includes(t.status) || Date.now() - new Date(t.created_at).getTime() > PHOTO_WINDOW_MS) {
        throw conflict('工单已开始办理，不能再补充照片');
      }
    };
    const photo = await this.photos.add(await this.ticketIdOf(code, key), 'report', file, actor, rule);
    return { id: photo.id };
  }

  /** The ticket of a code and its key; a wrong key answers exactly like an unknown code. */
  private async ticketIdOf(code: string, key: string): Promise<number> {
    const row = await repo.trackingKeyOf(this.db, code);
    if (!row || !timingSafeEqual(Buffer.from(row.key_hash, 'hex'), hashOf(key))) throw wrongKey();
    return row.ticket_id;
  }
}
