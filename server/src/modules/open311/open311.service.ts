import { createHash, randomBytes } from 'node:crypto';
import {
  DEADLINE_UNIT_LABELS,
  OPEN311_LIMITS,
  open311RequestCreateSchema,
  TICKET_PRIORITIES,
  TICKET_PRIORITY_LABELS,
  type Open311RequestCreate,
  type Open311RequestsQuery,
  type TicketPriority,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import type { Actor } from '../../platform/audit/audit.js';
import { AppError, badRequest } from '../../platform/errors.js';
import { fileTicket, intakePlace } from '../tickets/tickets.service.js';
import { nodeByCode } from '../tickets/tickets-triage.repo.js';
import { chinaIso, type Doc } from './open311.format.js';
import * as repo from './open311.repo.js';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** The documented demo key, seeded in demo mode only. */
export const DEMO_OPEN311_KEY = 'xiajin-open311-demo';
const DAY_MS = 86_400_000;

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

const notFound311 = (message: string) => new AppError(404, 'NOT_FOUND', message);
/**
 * Nodes have no geometry: a request is placed by address_id. Without one (coordinates or an
 * address only), or with a subdistrict's or the county's code, it waits in that subdistrict's
 * (or the county's) triage queue, as a 12345 hotline case does, until a manager routes it.
 */
const LOCATION_RULE =
  'address_id 填社区、小区、楼栋或楼道的网格编码时，直接派给所在社区的服务专员；只提供 lat/long 或 address_string，或 address_id 为街道、县的编码时，' +
  '进入该街道（否则县）的分拣队列，由管理员分派到社区；三者至少提供一项，lat/long 与 address_string 随工单保存';

/** The one variable attribute every service takes, beyond the specification's own fields. */
const PRIORITY_ATTRIBUTE = 'PRIORITY';

function serviceDescription(s: repo.ServiceRow): string {
  return `${s.name}：${s.response_hours} 小时内响应，${s.deadline_amount}${DEADLINE_UNIT_LABELS[s.deadline_unit].zh}内办结。${LOCATION_RULE}。`;
}

/** A form of first and last name: Chinese names run family name first, Latin ones the other way. */
function reporterName(first?: string, last?: string): string | null {
  if (!first || !last) return first ?? last ?? null;
  return /^[\x20-\x7e]+$/.test(first + last) ? `${first} ${last}` : `${last}${first}`;
}

/** GeoReport v2 on the tickets: discovery, services, service requests and tokens. */
export class Open311Service {
  constructor(private readonly db: Db) {}

  async discovery(baseUrl: string): Promise<Doc> {
    const changeset = await this.changeset();
    return {
      changeset,
      contact: `请联系县委组织部（平台县级管理员）。${LOCATION_RULE}。`,
      key_service: 'api_key 由县级管理员在管理后台“系统设置 › Open311 接口密钥”或命令行 open311:key-create 创建，只在创建时显示一次',
      endpoints: [{ specification: SPECIFICATION, url: `${baseUrl}/open311/v2`, changeset, type: 'production', formats: ['text/xml', 'application/json'] }],
    };
  }

  async services(jurisdictionId: string | undefined): Promise<Doc> {
    await this.assertJurisdiction(jurisdictionId);
    return (await repo.activeServices(this.db)).map((s) => ({
      service_code: s.code,
      service_name: s.name,
      description: serviceDescription(s),
      metadata: true,
      type: 'realtime',
      keywords: [s.name, s.code].join(', '),
      group: '社区治理',
    }));
  }

  async definition(code: string, jurisdictionId: string | undefined): Promise<Doc> {
    await this.assertJurisdiction(jurisdictionId);
    const s = await repo.activeService(this.db, code);
    if (!s) throw notFound311(`service_code 不存在或已停用：${code}`);
    return {
      service_code: s.code,
      attributes: [
        {
          variable: false, code: 'LOCATION', datatype: 'string', required: false,
          datatype_description: '网格编码', order: 1, description: LOCATION_RULE,
        },
        {
          variable: true, code: PRIORITY_ATTRIBUTE, datatype: 'singlevaluelist', required: false,
          datatype_description: null, order: 2, description: '紧急程度（默认一般）',
          values: TICKET_PRIORITIES.map((p) => ({ key: p, name: TICKET_PRIORITY_LABELS[p].zh })),
        },
      ],
    };
  }

  /**
   * POST requests: the key is checked first (403), then the request (400). The ticket is filed
   * and auto-assigned like a console report — or, when it names no community, left in a triage
   * queue (`placeOf`) — in one transaction with its Open311 row, so the answer carries the
   * service_request_id at once (the token is returned too, for clients that poll).
   */
  async create(fields: Record<string, unknown>, ip: string | null): Promise<Doc> {
    return this.db.tx(async (q) => {
      const plainKey = typeof fields.api_key === 'string' ? fields.api_key : '';
      if (!plainKey) throw new AppError(403, 'FORBIDDEN', '缺少 api_key');
      const key = await repo.useKey(q, hashKey(plainKey));
      if (!key) throw new AppError(403, 'FORBIDDEN', 'api_key 无效或已吊销');
      const parsed = open311RequestCreateSchema.safeParse(fields);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw badRequest(`${issue.path.length ? `${issue.path.join('.')}：` : ''}${issue.message}`);
      }
      const input = parsed.data;
      await this.assertJurisdiction(input.jurisdiction_id, q);
      const service = await repo.activeService(q, input.service_code);
      if (!service) throw badRequest(`service_code 不存在或已停用：${input.service_code}`);
      const { node, triage } = await placeOf(q, input);
      const priority = priorityOf(input.attribute);
      const actor: Actor = { userId: null, name: `open311:${key.name}`, ip };
      const ticket = await fileTicket(
        q,
        {
          source: 'open311',
          category: { id: service.id, code: service.code, name: service.name, deadlineAmount: service.deadline_amount, deadlineUnit: service.deadline_unit, responseHours: service.response_hours, active: true },
          node,
          address: input.address_string ?? null,
          lat: input.lat ?? null,
          lng: input.long ?? null,
          description: input.description ?? service.name,
          reporterName: reporterName(input.first_name, input.last_name),
          reporterPhone: input.phone ?? null,
          priority,
          triage,
          details: { open311KeyId: key.id },
        },
        actor,
      );
      const token = randomBytes(16).toString('hex');
      await repo.insertRequest(q, {
        ticketId: ticket.id,
        token,
        apiKeyId: key.id,
        accountId: input.account_id ?? null,
        deviceId: input.device_id ?? null,
        email: input.email ?? null,
        mediaUrl: input.media_url ?? null,
        attributes: input.attribute ?? {},
      });
      return [
        {
          service_request_id: ticket.code,
          token,
          service_notice: triage
            ? `已受理，待分拣到所在社区后派单，截止 ${chinaIso(ticket.deadline)} 前办结`
            : `已受理，截止 ${chinaIso(ticket.deadline)} 前办结`,
          account_id: input.account_id ?? null,
        },
      ];
    });
  }

  /**
   * GET requests: service_request_id overrides every other filter; otherwise a window of at
   * most 90 days (the last 90 by default) and at most 1000 requests, newest first.
   */
  async list(query: Open311RequestsQuery): Promise<Doc> {
    await this.assertJurisdiction(query.jurisdiction_id);
    if (query.service_request_id) {
      return (await repo.listRequests(this.db, { codes: query.service_request_id, limit: OPEN311_LIMITS.maxRequests })).map(toRequestDoc);
    }
    const span = OPEN311_LIMITS.windowDays * DAY_MS;
    const start = query.start_date ? new Date(query.start_date) : undefined;
    const end = query.end_date ? new Date(query.end_date) : undefined;
    const to = end ?? (start ? new Date(start.getTime() + span) : new Date());
    const from = start ?? new Date(to.getTime() - span);
    if (from > to) throw badRequest('start_date 不能晚于 end_date');
    if (to.getTime() - from.getTime() > span) throw badRequest(`start_date 与 end_date 相隔不能超过 ${OPEN311_LIMITS.windowDays} 天`);
    const statuses = new Set(query.status ?? []);
    const closed = statuses.size === 1 ? statuses.has('closed') : undefined;
    const rows = await repo.listRequests(this.db, { serviceCodes: query.service_code, from, to, closed, limit: OPEN311_LIMITS.maxRequests });
    return rows.map(toRequestDoc);
  }

  async get(id: string, jurisdictionId: string | undefined): Promise<Doc> {
    await this.assertJurisdiction(jurisdictionId);
    const rows = await repo.listRequests(this.db, { codes: [id], limit: 1 });
    if (!rows.length) throw notFound311(`service_request_id 不存在：${id}`);
    return rows.map(toRequestDoc);
  }

  async token(token: string, jurisdictionId: string | undefined): Promise<Doc> {
    await this.assertJurisdiction(jurisdictionId);
    const row = /^[0-9a-f]{32}$/.test(token) ? await repo.requestByToken(this.db, token) : undefined;
    if (!row) throw notFound311(`token 不存在：${token}`);
    return [{ service_request_id: row.code, token }];
  }

  /** One jurisdiction is served: the county, by its node code. */
  private async assertJurisdiction(id: string | undefined, q: Queryable = this.db): Promise<void> {
    if (id === undefined) return;
    if (id !== (await repo.rootNodeCode(q))) throw notFound311(`jurisdiction_id 不存在：${id}`);
  }

  private async changeset(): Promise<string> {
    const [row] = await this.db.query<{ at: Date | null }>('SELECT max(updated_at) AS at FROM ticket_categories');
    return chinaIso(row?.at ?? new Date(0));
  }
}

/**
 * Where a request is filed (LOCATION_RULE): a valid address_id wins over coordinates and an
 * address; a community-or-below code files it there, a subdistrict's or the county's code in
 * that node's triage queue (as the hotline does); coordinates or an address alone in the
 * county's queue. An unknown or inactive address_id is the client's error (400), not a triage
 * case: the client meant a place that is not ours to guess. No location at all is a 400 too.
 */
async function placeOf(q: Queryable, input: Open311RequestCreate): ReturnType<typeof intakePlace> {
  if (input.address_id !== undefined) {
    const named = await nodeByCode(q, input.address_id);
    if (!named?.active) throw badRequest(`address_id 不是可受理的网格编码：${input.address_id}（${LOCATION_RULE}）`);
    return intakePlace(q, named);
  }
  if (input.lat === undefined && input.address_string === undefined) throw badRequest(`缺少位置：${LOCATION_RULE}`);
  return intakePlace(q, undefined);
}

function priorityOf(attributes: Record<string, string | string[]> | undefined): TicketPriority {
  const unknown = Object.keys(attributes ?? {}).find((k) => k !== PRIORITY_ATTRIBUTE);
  if (unknown) throw badRequest(`attribute[${unknown}] 不是该服务的属性，可用属性见 services/{service_code}`);
  const value = attributes?.[PRIORITY_ATTRIBUTE];
  if (value === undefined) return 'normal';
  if (typeof value !== 'string' || !(TICKET_PRIORITIES as readonly string[]).includes(value)) {
    throw badRequest(`attribute[${PRIORITY_ATTRIBUTE}] 只能是 ${TICKET_PRIORITIES.join('、')} 之一`);
  }
  return value as TicketPriority;
}

function toRequestDoc(r: repo.RequestRow): Doc {
  return {
    service_request_id: r.code,
    status: r.status === 'closed' ? 'closed' : 'open',
    status_notes: r.status_note ?? (r.triage ? '待分拣：管理员确定所在社区后派单' : null),
    service_name: r.service_name,
    service_code: r.service_code,
    description: r.description,
    agency_responsible: r.agency,
    service_notice: null,
    requested_datetime: chinaIso(r.created_at),
    updated_datetime: chinaIso(r.updated_at),
    expected_datetime: chinaIso(r.deadline),
    address: r.address,
    // A queue's subdistrict or county code is no address: published once the ticket is routed to its community.
    address_id: r.triage ? null : r.node_code,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: r.media_url,
  };
}
