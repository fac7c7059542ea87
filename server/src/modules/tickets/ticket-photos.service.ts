import { TICKET_PHOTO_LIMITS, TICKET_STATUS_LABELS, type TicketPhotoDto, type TicketPhotoStage, type TicketPhotoType, type TicketStatus } from '@xj/contracts';
import type { Db } from '../../platform/db.js';
import { conflict, forbidden, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, type AuthContext } from '../../platform/auth/scope.js';
import { getTicket, type TicketRow } from './tickets.repo.js';
import { checkImage, readPhoto, removePhoto, writePhoto } from './ticket-photos.store.js';
import * as repo from './ticket-photos.repo.js';

const WHAT = '工单';
/** The owner photographs the work from accepting the ticket until the secretary has confirmed it. */
const HANDLE_STATUSES: readonly TicketStatus[] = ['accepted', 'in_progress', 'handled'];

/** Who may add a photo to a ticket at a stage; throws 404 (not visible), 403 or 409. */
export type PhotoRule = (t: TicketRow | undefined) => asserts t is TicketRow;

export class TicketPhotosService {
  constructor(
    private readonly db: Db,
    private readonly dir: string,
  ) {}

  /** A signed-in user adds a photo: report stage by reporters over the ticket, handle stage by its owner. */
  upload(auth: AuthContext, ticketId: number, stage: TicketPhotoStage, file: Buffer, actor: Actor): Promise<TicketPhotoDto> {
    const rule: PhotoRule = (t) => {
      if (!t || !visible(auth, t)) throw notFound(WHAT);
      if (stage === 'report') {
        if (!pathInScope(t.node_path, scopeFor(auth, 'tickets.report'))) throw forbidden('只有工单所在辖区的上报人员可以补充上报照片');
        if (t.status === 'closed') throw conflict('工单已关闭，不能再补充照片');
      } else {
        if (t.owner_user_id !== auth.user.id) throw forbidden('只有负责该工单的服务专员（首问负责人）可以上传办理照片');
        if (!HANDLE_STATUSES.includes(t.status)) throw conflict(`工单当前状态为“${TICKET_STATUS_LABELS[t.status].zh}”，不能上传办理照片`);
      }
    };
    return this.add(ticketId, stage, file, actor, rule);
  }

  /**
   * Stores a photo: the rule is checked before the file is read and again with the ticket's
   * row locked, where the per-stage limit is counted; a refused or failed write leaves no file.
   */
  async add(ticketId: number, stage: TicketPhotoStage, file: Buffer, actor: Actor, rule: PhotoRule): Promise<TicketPhotoDto> {
    rule(await getTicket(this.db, ticketId));
    const image = await checkImage(file);
    const fileName = await writePhoto(this.dir, file, image.contentType);
    try {
      return await this.db.tx(async (q) => {
        const t = await getTicket(q, ticketId, { forUpdate: true });
        rule(t);
        if ((await repo.countPhotos(q, t.id, stage)) >= TICKET_PHOTO_LIMITS.perStage) {
          throw conflict(`每个工单的${stage === 'report' ? '上报' : '办理'}照片最多 ${TICKET_PHOTO_LIMITS.perStage} 张`);
        }
        const id = await repo.insertPhoto(q, { ticketId: t.id, stage, fileName, ...image, bytes: file.length, createdBy: actor.userId });
        await appendAudit(q, {
          ...actorEntry(actor), action: 'ticket.photo', targetType: 'ticket', targetId: t.id, nodeId: t.node_id, result: 'success',
          details: { code: t.code, photoId: id, stage, contentType: image.contentType, bytes: file.length },
        });
        return { id, stage, url: repo.photoUrl(t.id, id) };
      });
    } catch (err) {
      await removePhoto(this.dir, fileName);
      throw err;
    }
  }

  /** A photo of a ticket the caller can see; anything else is 404. */
  async open(auth: AuthContext, ticketId: number, photoId: number): Promise<{ contentType: TicketPhotoType; body: Buffer }> {
    const t = await getTicket(this.db, ticketId);
    const photo = t && visible(auth, t) ? await repo.getPhoto(this.db, ticketId, photoId) : undefined;
    if (!photo) throw notFound('照片');
    return { contentType: photo.content_type, body: await readPhoto(this.dir, photo.file_name) };
  }
}

/** The tickets module's rule: in the caller's tickets.read scope, or owned by the caller. */
function visible(auth: AuthContext, t: TicketRow): boolean {
  return pathInScope(t.node_path, scopeFor(auth, 'tickets.read')) || t.owner_user_id === auth.user.id;
}
