import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import ExcelJS from 'exceljs';
import { creditCodeCheckChar, ORG_LIMITS, RESIDENT_COOKIE, XLSX_CONTENT_TYPE } from '@xj/contracts';
import { headerOf, multipartFile, uploadFile, xlsxOf, type FilePart } from '../../test/excel.js';
import { nodeId, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, contentFingerprint, expectError, tableCounts, userId } from '../../test/fixtures.js';
import { DEMO_HOTLINE_SECRET } from '../config.js';
import { signHotline } from '../../modules/hotline/hotline.signature.js';

/**
 * Every write route against every kind of bad input: each answers a 4xx in the platform's
 * error shape with a Chinese message, never a 5xx, and leaves no row behind.
 */
let t: TestApp;
let admin: Client;
let auditor: Client;
/** Ticket steps that only the owner commissioner or the community secretary may take. */
let commissioner: Client;
let secretary: Client;
/** The branch secretary who answers cadre opinions (干部征求意见). */
let branch: Client;
/** A verified resident (the resident cookie), for `access: 'resident'` routes. */
let resident: Client;
let before: { counts: Record<string, number>; fp: string };

// Records every route the real app registers (as routes-declared.test.ts does), for the coverage guard below.
const registered: { method: string; url: string }[] = [];
const record = (r: RouteOptions) => {
  for (const m of [r.method].flat()) registered.push({ method: m, url: r.url });
};

const REGISTRIES = [
  'party_members', 'branch_secretaries', 'stewards', 'owners_committees', 'property_companies', 'property_contracts',
  'red_shops', 'social_orgs', 'gig_workers', 'deputies', 'commissioners',
] as const;
const ids = {} as { community: number; compound: number; org: number; user: number; grant: number; person: number; stairwell: number; members: number[] } & Record<
  (typeof REGISTRIES)[number],
  number
>;
beforeAll(async () => {
  t = await startTestApp({ onRoute: record });
  admin = await t.login('admin');
  auditor = await t.login('auditor');
  commissioner = await t.login('commissioner1');
  secretary = await t.login('community1');
  branch = await t.login('branch1');
  ids.community = await nodeId(t.db, '府前社区');
  ids.compound = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  ids.org = (await branchOf(t.db, 'branch1')).id;
  ids.user = await userId(t.db, 'commissioner1');
  ids.grant = (await t.db.query<{ id: number }>('SELECT id FROM grants WHERE user_id = $1', [ids.user]))[0]!.id;
  ids.person = (await t.db.query<{ id: number }>("INSERT INTO people (name, node_id) VALUES ('坏输入居民', $1) RETURNING id", [ids.compound]))[0]!.id;
  ids.stairwell = (
    await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' ORDER BY id LIMIT 1", [ids.compound])
  )[0]!.id;
  ids.members = (await t.db.query<{ id: number }>('SELECT id FROM people WHERE id <> $1 ORDER BY id LIMIT 3', [ids.person])).map((p) => p.id);
  // The demo seed fills every registry: the :id routes point at its first record.
  for (const table of REGISTRIES) {
    const [row] = await t.db.query<{ id: number | null }>(`SELECT min(id) AS id FROM ${table}`);
    if (!row?.id) throw new Error(`the demo seed left ${table} empty`);
    ids[table] = row.id;
  }
  {
    // Verified through the real flow (code from the development outbox), before the snapshot below.
    const phone = '13900000099';
    await t.inject({ method: 'POST', url: '/api/public/resident/code', payload: { phone } });
    const code = (await t.inject({ method: 'GET', url: `/api/public/dev/sms-outbox?phone=${phone}` })).json().code as string;
    const verified = await t.inject({ method: 'POST', url: '/api/public/resident/verify', payload: { phone, code } });
    const cookie = `${RESIDENT_COOKIE}=${verified.cookies.find((c) => c.name === RESIDENT_COOKIE)!.value}`;
    resident = { ...admin, cookie, request: (o) => t.inject({ ...o, headers: { cookie, ...(o.headers ?? {}) } }) };
  }
  before = { counts: await tableCounts(t.db), fp: await contentFingerprint(t.db) };
});
afterAll(async () => t.close());

interface WriteRoute {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: (id?: string) => string;
  /** A body that would pass validation (or undefined for routes without one). */
  valid?: () => Record<string, unknown>;
  /** Fields set to a value of the wrong type. */
  wrongType?: Record<string, unknown>;
  /** Fields set to an over-long value. */
  tooLong?: Record<string, unknown>;
  anonymous?: boolean;
  /** Who sends it, when not the admin. */
  as?: () => Client;
  hasId?: boolean;
}

const long = (n: number) => 'x'.repeat(n + 1);
const creditCode = () => `91371427MA0000001` + creditCodeCheckChar('91371427MA0000001');
const ROUTES: WriteRoute[] = [
  { name: 'POST /api/auth/login', method: 'POST', url: () => '/api/auth/login', anonymous: true, valid: () => ({ username: 'admin', password: 'Wrong!Pass2026' }), wrongType: { password: 123 }, tooLong: { username: long(40) } },
  { name: 'POST /api/auth/password', method: 'POST', url: () => '/api/auth/password', valid: () => ({ currentPassword: 'Xiajin@2026', newPassword: 'Another!Pass2026' }), wrongType: { currentPassword: true }, tooLong: { newPassword: `Aa1!${long(124)}` } },
  { name: 'POST /api/auth/logout', method: 'POST', url: () => '/api/auth/logout' },
  {
    name: 'POST /api/nodes',
    method: 'POST',
    url: () => '/api/nodes',
    valid: () => ({ parentId: ids.community, kind: 'compound', name: '坏输入小区', code: 'BAD-1', compoundKind: 'commercial' }),
    wrongType: { name: 123 },
    tooLong: { name: long(100) },
  },
  { name: 'PATCH /api/nodes/:id', method: 'PATCH', hasId: true, url: (id = String(ids.compound)) => `/api/nodes/${id}`, valid: () => ({ name: '坏输入改名' }), wrongType: { name: ['a'] }, tooLong: { code: long(40) } },
  { name: 'POST /api/nodes/:id/move', method: 'POST', hasId: true, url: (id = String(ids.compound)) => `/api/nodes/${id}/move`, valid: () => ({ parentId: ids.community }), wrongType: { parentId: { id: 1 } }, tooLong: { parentId: '9'.repeat(40) } },
  { name: 'POST /api/nodes/:id/deactivate', method: 'POST', hasId: true, url: (id = String(ids.compound)) => `/api/nodes/${id}/deactivate` },
  { name: 'POST /api/nodes/:id/activate', method: 'POST', hasId: true, url: (id = String(ids.compound)) => `/api/nodes/${id}/activate` },
  {
    name: 'POST /api/party-orgs',
    method: 'POST',
    url: () => '/api/party-orgs',
    valid: () => ({ kind: 'party_committee', name: '坏输入党委', nodeId: ids.community }),
    wrongType: { compoundIds: 'abc' },
    tooLong: { name: long(100) },
  },
  { name: 'PATCH /api/party-orgs/:id', method: 'PATCH', hasId: true, url: (id = String(ids.org)) => `/api/party-orgs/${id}`, valid: () => ({ name: '坏输入支部' }), wrongType: { active: 'yes' }, tooLong: { secretaryName: long(60) } },
  {
    name: 'POST /api/users',
    method: 'POST',
    url: () => '/api/users',
    valid: () => ({ username: 'bad-input', displayName: '坏输入', password: 'Bad!Input2026', grants: [{ role: 'commissioner', nodeId: ids.community }] }),
    wrongType: { grants: { role: 'commissioner' } },
    tooLong: { displayName: long(60) },
  },
  { name: 'PATCH /api/users/:id', method: 'PATCH', hasId: true, url: (id = String(ids.user)) => `/api/users/${id}`, valid: () => ({ displayName: '坏输入' }), wrongType: { disabled: 'true' }, tooLong: { displayName: long(60) } },
  { name: 'POST /api/users/:id/reset-password', method: 'POST', hasId: true, url: (id = String(ids.user)) => `/api/users/${id}/reset-password`, valid: () => ({ password: 'Bad!Input2026' }), wrongType: { password: 12345678901 }, tooLong: { password: `Aa1!${long(124)}` } },
  { name: 'POST /api/users/:id/unlock', method: 'POST', hasId: true, url: (id = String(ids.user)) => `/api/users/${id}/unlock` },
  { name: 'POST /api/users/:id/grants', method: 'POST', hasId: true, url: (id = String(ids.user)) => `/api/users/${id}/grants`, valid: () => ({ role: 'community_secretary', nodeId: ids.community }), wrongType: { role: 7 }, tooLong: { role: long(40) } },
  { name: 'POST /api/people', method: 'POST', url: () => '/api/people', valid: () => ({ name: '坏输入', nodeId: ids.compound }), wrongType: { nodeId: 'abc' }, tooLong: { name: long(50) } },
  { name: 'PATCH /api/people/:id', method: 'PATCH', hasId: true, url: (id = String(ids.person)) => `/api/people/${id}`, valid: () => ({ notes: '坏输入' }), wrongType: { gender: 1 }, tooLong: { notes: long(2000) } },
  { name: 'POST /api/people/:id/unmask', method: 'POST', hasId: true, url: (id = String(ids.person)) => `/api/people/${id}/unmask`, valid: () => ({ field: 'phone', reason: '坏输入测试' }), wrongType: { field: 3 }, tooLong: { reason: long(200) } },
  { name: 'DELETE /api/users/:id/grants/:grantId', method: 'DELETE', hasId: true, url: (id = String(ids.user)) => `/api/users/${id}/grants/${ids.grant}` },
  // Party-side roles.
  {
    name: 'POST /api/party-members',
    method: 'POST',
    url: () => '/api/party-members',
    valid: () => ({ personId: ids.person, status: 'full', joinedDate: '2020-07-01', branchId: ids.org, management: 'dual', workplaceOrg: '县教育局', nodeId: ids.compound }),
    wrongType: { branchId: 'abc' },
    tooLong: { workplaceOrg: long(100) },
  },
  { name: 'PATCH /api/party-members/:id', method: 'PATCH', hasId: true, url: (id = String(ids.party_members)) => `/api/party-members/${id}`, valid: () => ({ workplaceOrg: '县教育局' }), wrongType: { joinedDate: 20200701 }, tooLong: { workplaceOrg: long(100) } },
  { name: 'DELETE /api/party-members/:id', method: 'DELETE', hasId: true, url: (id = String(ids.party_members)) => `/api/party-members/${id}` },
  {
    name: 'POST /api/branch-secretaries',
    method: 'POST',
    url: () => '/api/branch-secretaries',
    valid: () => ({ branchId: ids.org, personId: ids.person, background: 'teacher', termStart: '2026-01-01', endPrevious: true }),
    wrongType: { endPrevious: 'yes' },
    tooLong: { termStart: `2026-01-01${long(20)}` },
  },
  { name: 'PATCH /api/branch-secretaries/:id', method: 'PATCH', hasId: true, url: (id = String(ids.branch_secretaries)) => `/api/branch-secretaries/${id}`, valid: () => ({ background: 'retired_cadre' }), wrongType: { termEnd: 5 }, tooLong: { background: long(40) } },
  { name: 'DELETE /api/branch-secretaries/:id', method: 'DELETE', hasId: true, url: (id = String(ids.branch_secretaries)) => `/api/branch-secretaries/${id}` },
  {
    name: 'POST /api/stewards',
    method: 'POST',
    url: () => '/api/stewards',
    valid: () => ({ personId: ids.person, compoundId: ids.compound, stairwellIds: [ids.stairwell], qualitySupervisor: true, since: '2024-03-01' }),
    wrongType: { stairwellIds: 'abc' },
    tooLong: { stairwellIds: Array.from({ length: 51 }, () => ids.stairwell) },
  },
  { name: 'PATCH /api/stewards/:id', method: 'PATCH', hasId: true, url: (id = String(ids.stewards)) => `/api/stewards/${id}`, valid: () => ({ since: '2024-03-01' }), wrongType: { qualitySupervisor: 'yes' }, tooLong: { since: `2024-03-01${long(20)}` } },
  { name: 'DELETE /api/stewards/:id', method: 'DELETE', hasId: true, url: (id = String(ids.stewards)) => `/api/stewards/${id}` },
  {
    name: 'POST /api/owners-committees',
    method: 'POST',
    url: () => '/api/owners-committees',
    valid: () => ({
      compoundId: ids.compound,
      termStart: '2026-01-01',
      termEnd: '2030-12-31',
      electionDate: '2025-12-20',
      members: ids.members.map((personId, i) => ({ personId, position: i === 0 ? 'director' : 'member' })),
    }),
    wrongType: { members: [{ personId: 'abc', position: 'member' }] },
    tooLong: { members: Array.from({ length: 51 }, (_, i) => ({ personId: i + 1, position: 'member' })) },
  },
  { name: 'PATCH /api/owners-committees/:id', method: 'PATCH', hasId: true, url: (id = String(ids.owners_committees)) => `/api/owners-committees/${id}`, valid: () => ({ electionDate: '2025-12-20' }), wrongType: { members: 'abc' }, tooLong: { electionDate: long(30) } },
  { name: 'DELETE /api/owners-committees/:id', method: 'DELETE', hasId: true, url: (id = String(ids.owners_committees)) => `/api/owners-committees/${id}` },
  // Organisations and registries.
  {
    name: 'POST /api/property-companies',
    method: 'POST',
    url: () => '/api/property-companies',
    valid: () => ({ name: '坏输入物业', creditCode: creditCode(), contactName: '李经理', contactPhone: '17000009999', hasPartyOrg: true, partyOrgName: '坏输入物业党支部' }),
    wrongType: { hasPartyOrg: 'yes' },
    tooLong: { industryCommitteeName: long(100) },
  },
  { name: 'PATCH /api/property-companies/:id', method: 'PATCH', hasId: true, url: (id = String(ids.property_companies)) => `/api/property-companies/${id}`, valid: () => ({ contactName: '李经理' }), wrongType: { contactPhone: 17000009999 }, tooLong: { contactName: long(50) } },
  {
    name: 'POST /api/property-contracts',
    method: 'POST',
    url: () => '/api/property-contracts',
    valid: () => ({ companyId: ids.property_companies, compoundId: ids.compound, startDate: '2031-01-01', endDate: '2033-12-31', feeStandard: '每平方米每月0.8元' }),
    wrongType: { companyId: 'abc' },
    tooLong: { feeStandard: long(ORG_LIMITS.feeStandardMax) },
  },
  { name: 'PATCH /api/property-contracts/:id', method: 'PATCH', hasId: true, url: (id = String(ids.property_contracts)) => `/api/property-contracts/${id}`, valid: () => ({ feeStandard: '每平方米每月0.8元' }), wrongType: { endDate: true }, tooLong: { feeStandard: long(ORG_LIMITS.feeStandardMax) } },
  {
    name: 'POST /api/red-shops',
    method: 'POST',
    url: () => '/api/red-shops',
    valid: () => ({ name: '坏输入商铺', nodeId: ids.compound, keeperId: ids.person, services: ['理发'], honoursPoints: true, joinedDate: '2025-05-01' }),
    wrongType: { services: '理发' },
    tooLong: { services: [long(ORG_LIMITS.serviceItemMax)] },
  },
  { name: 'PATCH /api/red-shops/:id', method: 'PATCH', hasId: true, url: (id = String(ids.red_shops)) => `/api/red-shops/${id}`, valid: () => ({ name: '坏输入商铺' }), wrongType: { honoursPoints: 'yes' }, tooLong: { services: Array.from({ length: ORG_LIMITS.servicesMax + 1 }, () => '理发') } },
  {
    name: 'POST /api/social-orgs',
    method: 'POST',
    url: () => '/api/social-orgs',
    valid: () => ({ name: '坏输入志愿队', kind: 'volunteer_team', nodeId: ids.compound, contactId: ids.person, services: ['助老'], registered: true }),
    wrongType: { registered: 'yes' },
    tooLong: { name: long(100) },
  },
  { name: 'PATCH /api/social-orgs/:id', method: 'PATCH', hasId: true, url: (id = String(ids.social_orgs)) => `/api/social-orgs/${id}`, valid: () => ({ name: '坏输入志愿队' }), wrongType: { kind: 1 }, tooLong: { name: long(100) } },
  {
    name: 'POST /api/gig-workers',
    method: 'POST',
    url: () => '/api/gig-workers',
    valid: () => ({ personId: ids.person, type: 'courier', platform: '坏输入快递', nodeId: ids.compound }),
    wrongType: { nodeId: 'abc' },
    tooLong: { platform: long(ORG_LIMITS.platformMax) },
  },
  { name: 'PATCH /api/gig-workers/:id', method: 'PATCH', hasId: true, url: (id = String(ids.gig_workers)) => `/api/gig-workers/${id}`, valid: () => ({ platform: '坏输入快递' }), wrongType: { type: ['courier'] }, tooLong: { platform: long(ORG_LIMITS.platformMax) } },
  { name: 'POST /api/deputies', method: 'POST', url: () => '/api/deputies', valid: () => ({ personId: ids.person, body: 'npc', level: 'county', nodeId: ids.compound }), wrongType: { level: 3 }, tooLong: { body: long(40) } },
  { name: 'PATCH /api/deputies/:id', method: 'PATCH', hasId: true, url: (id = String(ids.deputies)) => `/api/deputies/${id}`, valid: () => ({ level: 'city' }), wrongType: { nodeId: 'abc' }, tooLong: { level: long(40) } },
  {
    name: 'POST /api/commissioners',
    method: 'POST',
    url: () => '/api/commissioners',
    valid: () => ({ personId: ids.person, department: '县民政局', rank: '科员', communityId: ids.community }),
    wrongType: { communityId: 'abc' },
    tooLong: { department: long(ORG_LIMITS.departmentMax) },
  },
  { name: 'PATCH /api/commissioners/:id', method: 'PATCH', hasId: true, url: (id = String(ids.commissioners)) => `/api/commissioners/${id}`, valid: () => ({ rank: '科员' }), wrongType: { userId: 'abc' }, tooLong: { rank: long(ORG_LIMITS.rankMax) } },
  // Tickets (no ticket exists: the :id routes point at id 1 and never get past validation or lookup).
  {
    name: 'POST /api/tickets',
    method: 'POST',
    url: () => '/api/tickets',
    valid: () => ({ source: 'resident_report', categoryId: 1, nodeId: ids.stairwell, description: '坏输入工单', address: '坏输入路1号', reporterName: '坏输入', reporterPhone: '13900000000', lat: 37.05, lng: 116.2 }),
    wrongType: { lat: '37.05' },
    tooLong: { description: long(2000) },
  },
  { name: 'POST /api/tickets/:id/assign', method: 'POST', hasId: true, url: (id = '1') => `/api/tickets/${id}/assign`, valid: () => ({ commissionerId: ids.commissioners, reason: '坏输入改派' }), wrongType: { commissionerId: 'abc' }, tooLong: { reason: long(2000) } },
  { name: 'POST /api/tickets/:id/route', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/tickets/${id}/route`, valid: () => ({ nodeId: ids.community, reason: '坏输入分派' }), wrongType: { nodeId: 'abc' }, tooLong: { reason: long(2000) } },
  { name: 'POST /api/tickets/:id/accept', method: 'POST', hasId: true, as: () => commissioner, url: (id = '1') => `/api/tickets/${id}/accept` },
  { name: 'POST /api/tickets/:id/start', method: 'POST', hasId: true, as: () => commissioner, url: (id = '1') => `/api/tickets/${id}/start` },
  { name: 'POST /api/tickets/:id/transfer', method: 'POST', hasId: true, as: () => commissioner, url: (id = '1') => `/api/tickets/${id}/transfer`, valid: () => ({ department: '县住建局', reason: '坏输入' }), wrongType: { department: 3 }, tooLong: { department: long(50) } },
  { name: 'POST /api/tickets/:id/handle', method: 'POST', hasId: true, as: () => commissioner, url: (id = '1') => `/api/tickets/${id}/handle`, valid: () => ({ resultNote: '坏输入办结' }), wrongType: { resultNote: ['a'] }, tooLong: { resultNote: long(2000) } },
  { name: 'POST /api/tickets/:id/confirm', method: 'POST', hasId: true, as: () => secretary, url: (id = '1') => `/api/tickets/${id}/confirm`, valid: () => ({ resolved: true, satisfaction: 'satisfied', comment: '坏输入' }), wrongType: { resolved: 'yes' }, tooLong: { comment: long(2000) } },
  { name: 'POST /api/tickets/:id/close', method: 'POST', hasId: true, as: () => secretary, url: (id = '1') => `/api/tickets/${id}/close` },
  { name: 'POST /api/tickets/:id/unmask', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/tickets/${id}/unmask`, valid: () => ({ reason: '回访反映人' }), wrongType: { reason: 3 }, tooLong: { reason: long(200) } },
  // 书记直通车, reception days and notifications (the :id routes point past any record).
  { name: 'POST /api/tickets/:id/escalate', method: 'POST', hasId: true, as: () => secretary, url: (id = '2147483647') => `/api/tickets/${id}/escalate`, valid: () => ({ reason: '坏输入直通车' }), wrongType: { reason: 1 }, tooLong: { reason: long(2000) } },
  { name: 'POST /api/reception-days', method: 'POST', url: () => '/api/reception-days', valid: () => ({ nodeId: ids.community, day: '2026-12-01', place: '坏输入会议室' }), wrongType: { day: 20261201 }, tooLong: { place: long(100) } },
  { name: 'PATCH /api/reception-days/:id', method: 'PATCH', hasId: true, url: (id = '2147483647') => `/api/reception-days/${id}`, valid: () => ({ place: '坏输入地点' }), wrongType: { status: 'held' }, tooLong: { place: long(100) } },
  { name: 'POST /api/reception-days/:id/attendees', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/reception-days/${id}/attendees`, valid: () => ({ name: '坏输入', role: 'county_leader', position: '坏输入职务' }), wrongType: { role: 'king' }, tooLong: { name: long(50) } },
  { name: 'DELETE /api/reception-days/:id/attendees/:attendeeId', method: 'DELETE', hasId: true, url: (id = '2147483647') => `/api/reception-days/${id}/attendees/1` },
  { name: 'POST /api/reception-days/:id/agenda', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/reception-days/${id}/agenda`, valid: () => ({ ticketId: 1 }), wrongType: { ticketId: 'abc' }, tooLong: { ticketId: '9'.repeat(40) } },
  { name: 'POST /api/reception-days/:id/agenda/:itemId/decide', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/reception-days/${id}/agenda/1/decide`, valid: () => ({ decision: '坏输入决定', newDeadline: '2026-12-31' }), wrongType: { newDeadline: '2026-13-40' }, tooLong: { decision: long(2000) } },
  { name: 'POST /api/reception-days/:id/hold', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/reception-days/${id}/hold`, valid: () => ({ minutes: '坏输入纪要' }), wrongType: { minutes: ['a'] }, tooLong: { minutes: long(20000) } },
  { name: 'POST /api/notifications/:id/read', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/notifications/${id}/read` },
  // Open311 API keys (the demo key is id 1: the :id route points past it).
  { name: 'POST /api/open311-keys', method: 'POST', url: () => '/api/open311-keys', valid: () => ({ name: '坏输入客户端' }), wrongType: { name: 3 }, tooLong: { name: long(50) } },
  { name: 'POST /api/open311-keys/:id/revoke', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/open311-keys/${id}/revoke` },
  // Ticket settings (county admins): categories, holidays and make-up working days (the :id route points past any category).
  {
    name: 'POST /api/ticket-settings/categories',
    method: 'POST',
    url: () => '/api/ticket-settings/categories',
    valid: () => ({ code: 'bad_input', name: '坏输入类别', deadlineAmount: 3, deadlineUnit: 'working_days', responseHours: 24 }),
    wrongType: { deadlineAmount: '3' },
    tooLong: { name: long(50) },
  },
  { name: 'PATCH /api/ticket-settings/categories/:id', method: 'PATCH', hasId: true, url: (id = '2147483647') => `/api/ticket-settings/categories/${id}`, valid: () => ({ name: '坏输入类别' }), wrongType: { active: 'no' }, tooLong: { name: long(50) } },
  { name: 'POST /api/ticket-settings/holidays', method: 'POST', url: () => '/api/ticket-settings/holidays', valid: () => ({ day: '2030-10-01', name: '坏输入假日' }), wrongType: { day: 20301001 }, tooLong: { name: long(50) } },
  { name: 'DELETE /api/ticket-settings/holidays/:day', method: 'DELETE', url: () => '/api/ticket-settings/holidays/2030-10-01' },
  { name: 'POST /api/ticket-settings/workdays', method: 'POST', url: () => '/api/ticket-settings/workdays', valid: () => ({ day: '2030-10-12', name: '坏输入调休' }), wrongType: { name: ['a'] }, tooLong: { name: long(50) } },
  { name: 'DELETE /api/ticket-settings/workdays/:day', method: 'DELETE', url: () => '/api/ticket-settings/workdays/2030-10-12' },
  // Consultation (商量): agenda scope, offices, topics and the five steps (the :id routes point past any record).
  { name: 'POST /api/consultations/agenda-categories', method: 'POST', url: () => '/api/consultations/agenda-categories', valid: () => ({ code: 'bad_input', name: '坏输入类别', kind: 'allowed', description: '坏输入' }), wrongType: { kind: 3 }, tooLong: { name: long(50) } },
  { name: 'PATCH /api/consultations/agenda-categories/:id', method: 'PATCH', hasId: true, url: (id = '2147483647') => `/api/consultations/agenda-categories/${id}`, valid: () => ({ name: '坏输入类别' }), wrongType: { active: 'yes' }, tooLong: { description: long(500) } },
  { name: 'POST /api/consultations/offices', method: 'POST', url: () => '/api/consultations/offices', valid: () => ({ name: '坏输入办公室', nodeId: ids.community, venue: '坏输入驿站', contactPhone: '13900000002' }), wrongType: { nodeId: 'abc' }, tooLong: { venue: long(200) } },
  { name: 'PATCH /api/consultations/offices/:id', method: 'PATCH', hasId: true, url: (id = '2147483647') => `/api/consultations/offices/${id}`, valid: () => ({ name: '坏输入办公室' }), wrongType: { active: 'yes' }, tooLong: { openingHours: long(100) } },
  { name: 'POST /api/consultations/topics', method: 'POST', url: () => '/api/consultations/topics', valid: () => ({ title: '坏输入议题', description: '坏输入', nodeId: ids.compound, source: 'branch', raisedByName: '坏输入', raisedByPhone: '13900000003' }), wrongType: { nodeId: 'abc' }, tooLong: { title: long(100) } },
  { name: 'POST /api/consultations/topics/:id/screen', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/screen`, valid: () => ({ categoryId: 1, reason: '坏输入' }), wrongType: { categoryId: 'abc' }, tooLong: { reason: long(500) } },
  { name: 'POST /api/consultations/topics/:id/close', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/close`, valid: () => ({ reason: '坏输入' }), wrongType: { reason: 1 }, tooLong: { reason: long(500) } },
  // Every field of a move is optional (the body may be left out), so it has no "valid" body to break field by field.
  { name: 'POST /api/consultations/topics/:id/advance', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/advance` },
  { name: 'POST /api/consultations/topics/:id/record', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/record`, valid: () => ({ record: '坏输入记录' }), wrongType: { record: 1 }, tooLong: { record: long(5000) } },
  { name: 'POST /api/consultations/topics/:id/options', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/options`, valid: () => ({ title: '坏输入方案', description: '坏输入', cost: 10 }), wrongType: { cost: '10' }, tooLong: { title: long(100) } },
  { name: 'POST /api/consultations/topics/:id/decision', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/decision`, valid: () => ({ decision: '坏输入决定', optionId: 1 }), wrongType: { optionId: 'abc' }, tooLong: { decision: long(2000) } },
  { name: 'POST /api/consultations/topics/:id/tasks', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/tasks`, valid: () => ({ title: '坏输入任务', ownerName: '坏输入', deadline: '2026-12-31' }), wrongType: { progress: '50' }, tooLong: { ownerName: long(50) } },
  { name: 'PATCH /api/consultations/topics/:id/tasks/:taskId', method: 'PATCH', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/tasks/1`, valid: () => ({ progress: 50, title: '坏输入任务' }), wrongType: { progress: 'x' }, tooLong: { title: long(100) } },
  { name: 'DELETE /api/consultations/topics/:id/options/:optionId/attachments/:attachmentId', method: 'DELETE', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/options/1/attachments/1` },
  { name: 'POST /api/consultations/topics/:id/tasks/:taskId/ticket', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/tasks/1/ticket`, valid: () => ({ categoryId: 1, priority: 'normal' }), wrongType: { categoryId: 'x' }, tooLong: { description: long(2000) } },
  // Residents report without an account.
  {
    name: 'POST /api/public/tickets',
    method: 'POST',
    url: () => '/api/public/tickets',
    anonymous: true,
    valid: () => ({ categoryId: 1, nodeId: ids.stairwell, description: '坏输入居民反映', address: '坏输入路2号', reporterName: '坏输入', reporterPhone: '13900000001', lat: 37.05, lng: 116.2 }),
    wrongType: { nodeId: 'abc' },
    tooLong: { reporterName: long(50) },
  },
  // Residents verify a phone number with an SMS code (no valid body here ever sends or checks a code).
  { name: 'POST /api/public/resident/code', method: 'POST', url: () => '/api/public/resident/code', anonymous: true, valid: () => ({ phone: '13900000001' }), wrongType: { phone: 13900000001 }, tooLong: { phone: '1'.repeat(21) } },
  { name: 'POST /api/public/resident/verify', method: 'POST', url: () => '/api/public/resident/verify', anonymous: true, valid: () => ({ phone: '13900000001', code: '123456' }), wrongType: { code: 123456 }, tooLong: { code: '1'.repeat(7) } },
  { name: 'POST /api/public/resident/sign-out', method: 'POST', url: () => '/api/public/resident/sign-out', anonymous: true },
  // Consultation meetings (商量会议) and residents' QR sign-in (no body; the token is 22 base64url characters, 'missing' is a well-formed unknown one).
  { name: 'POST /api/consultations/meetings', method: 'POST', url: () => '/api/consultations/meetings', valid: () => ({ topicId: 2147483647, form: 'onsite', startsAt: '2026-12-01T14:30:00+08:00', place: '坏输入会议室', invitedGroups: ['resident_reps'] }), wrongType: { invitedGroups: 'resident_reps' }, tooLong: { place: long(200) } },
  { name: 'POST /api/consultations/meetings/:id/hold', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/meetings/${id}/hold`, valid: () => ({ minutes: '坏输入讨论', decision: '坏输入决定', optionId: 1 }), wrongType: { optionId: 'abc' }, tooLong: { decision: long(2000) } },
  { name: 'POST /api/consultations/meetings/:id/cancel', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/meetings/${id}/cancel`, valid: () => ({ reason: '坏输入' }), wrongType: { reason: 1 }, tooLong: { reason: long(500) } },
  { name: 'POST /api/consultations/meetings/:id/attendees', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/meetings/${id}/attendees`, valid: () => ({ name: '坏输入', group: 'others', phone: '13900000004' }), wrongType: { group: 1 }, tooLong: { name: long(50) } },
  {
    name: 'POST /api/public/consultations/meetings/:token/attend',
    method: 'POST',
    hasId: true,
    as: () => resident,
    url: (id = '2147483647') => `/api/public/consultations/meetings/${id === '2147483647' ? 'A'.repeat(22) : id}/attend`,
  },
  {
    name: 'PUT /api/consultations/topics/:id/questionnaire',
    method: 'PUT',
    hasId: true,
    url: (id = '2147483647') => `/api/consultations/topics/${id}/questionnaire`,
    valid: () => ({ questions: [{ text: '坏输入问题', choices: ['是', '否'] }] }),
    wrongType: { questions: 'abc' },
    tooLong: { questions: [{ text: long(100), choices: ['是', '否'] }] },
  },
  { name: 'POST /api/consultations/topics/:id/vote', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/vote`, valid: () => ({ closesAt: '2026-12-01T14:30:00+08:00' }), wrongType: { closesAt: 1 }, tooLong: { closesAt: `2026-12-01T14:30:00+08:00${long(20)}` } },
  // The body is optional (closing without a decision): no `valid`, as for advance.
  { name: 'POST /api/consultations/topics/:id/vote/close', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/topics/${id}/vote/close` },
  {
    name: 'POST /api/public/consultations/topics/:id/questionnaire/answers',
    method: 'POST',
    hasId: true,
    as: () => resident,
    url: (id = '2147483647') => `/api/public/consultations/topics/${id}/questionnaire/answers`,
    valid: () => ({ answers: [0] }),
    wrongType: { answers: 'a' },
    tooLong: { answers: [0, 0, 0, 0, 0, 0] },
  },
  { name: 'POST /api/public/consultations/topics/:id/vote', method: 'POST', hasId: true, as: () => resident, url: (id = '2147483647') => `/api/public/consultations/topics/${id}/vote`, valid: () => ({ optionId: 1 }), wrongType: { optionId: 'abc' }, tooLong: { optionId: '9'.repeat(40) } },
  { name: 'POST /api/public/consultations/topics/:id/rating', method: 'POST', hasId: true, as: () => resident, url: (id = '2147483647') => `/api/public/consultations/topics/${id}/rating`, valid: () => ({ score: 5, comment: '坏输入评价' }), wrongType: { score: '5' }, tooLong: { comment: long(300) } },
  // Cloud consultation (云商量): residents raise, support, comment and report; the console hides a comment.
  { name: 'POST /api/public/consultations/topics', method: 'POST', as: () => resident, url: () => '/api/public/consultations/topics', valid: () => ({ title: '坏输入议题', description: '坏输入', nodeId: ids.compound }), wrongType: { nodeId: 'abc' }, tooLong: { title: long(100) } },
  { name: 'POST /api/public/consultations/topics/:id/support', method: 'POST', hasId: true, as: () => resident, url: (id = '2147483647') => `/api/public/consultations/topics/${id}/support` },
  { name: 'POST /api/public/consultations/topics/:id/comments', method: 'POST', hasId: true, as: () => resident, url: (id = '2147483647') => `/api/public/consultations/topics/${id}/comments`, valid: () => ({ body: '坏输入留言' }), wrongType: { body: 1 }, tooLong: { body: long(500) } },
  { name: 'POST /api/public/consultations/comments/:id/report', method: 'POST', hasId: true, as: () => resident, url: (id = '2147483647') => `/api/public/consultations/comments/${id}/report`, valid: () => ({ reason: '坏输入' }), wrongType: { reason: 1 }, tooLong: { reason: long(200) } },
  { name: 'POST /api/public/resident/notices/read', method: 'POST', as: () => resident, url: () => '/api/public/resident/notices/read' },
  { name: 'POST /api/consultations/comments/:id/hide', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/consultations/comments/${id}/hide`, valid: () => ({ reason: '坏输入' }), wrongType: { reason: 1 }, tooLong: { reason: long(200) } },
  // Points (积分): the county's rules, corrections, and a verified resident's code and a keeper's redemption.
  { name: 'PATCH /api/points/rules/:code', method: 'PATCH', url: () => '/api/points/rules/no_such_rule', valid: () => ({ name: '坏输入规则' }), wrongType: { points: '10' }, tooLong: { name: long(50) } },
  { name: 'POST /api/points/people/:personId/reversals', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/points/people/${id}/reversals`, valid: () => ({ entryId: 1, reason: '坏输入' }), wrongType: { entryId: 'abc' }, tooLong: { reason: long(200) } },
  { name: 'POST /api/points/people/:personId/adjustments', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/points/people/${id}/adjustments`, valid: () => ({ delta: 5, reason: '坏输入' }), wrongType: { delta: '5' }, tooLong: { reason: long(200) } },
  { name: 'POST /api/public/points/redemption-code', method: 'POST', as: () => resident, url: () => '/api/public/points/redemption-code' },
  { name: 'POST /api/public/points/redeem', method: 'POST', as: () => resident, url: () => '/api/public/points/redeem', valid: () => ({ shopId: 2147483647, code: '12345678', points: 1, item: '坏输入' }), wrongType: { points: '1' }, tooLong: { item: long(100) } },
  // Dual registration (双报到): workplace organisations, registrations and the branch's decision, the county's inactive period.
  { name: 'POST /api/volunteers/workplace-orgs', method: 'POST', url: () => '/api/volunteers/workplace-orgs', valid: () => ({ communityId: ids.community, name: '坏输入单位', partyOrgType: 'none', contactPhone: '13900000005' }), wrongType: { communityId: 'abc' }, tooLong: { name: long(100) } },
  { name: 'PATCH /api/volunteers/workplace-orgs/:id', method: 'PATCH', hasId: true, url: (id = '2147483647') => `/api/volunteers/workplace-orgs/${id}`, valid: () => ({ name: '坏输入单位' }), wrongType: { status: 1 }, tooLong: { contactName: long(50) } },
  { name: 'POST /api/volunteers/registrations', method: 'POST', url: () => '/api/volunteers/registrations', valid: () => ({ personId: ids.person, compoundId: ids.compound, workplaceOrgName: '坏输入单位' }), wrongType: { personId: 'abc' }, tooLong: { workplaceOrgName: long(100) } },
  // The body is optional (a joining date only for someone not yet a party member): no `valid`.
  { name: 'POST /api/volunteers/registrations/:id/approve', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/volunteers/registrations/${id}/approve` },
  { name: 'POST /api/volunteers/registrations/:id/decline', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/volunteers/registrations/${id}/decline`, valid: () => ({ reason: '坏输入' }), wrongType: { reason: 1 }, tooLong: { reason: long(500) } },
  { name: 'POST /api/volunteers/registrations/:id/withdraw', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/volunteers/registrations/${id}/withdraw`, valid: () => ({ reason: '坏输入' }), wrongType: { reason: 1 }, tooLong: { reason: long(500) } },
  { name: 'PATCH /api/volunteers/settings', method: 'PATCH', url: () => '/api/volunteers/settings', valid: () => ({ inactiveDays: 30 }), wrongType: { inactiveDays: '30' }, tooLong: { inactiveDays: 9 ** 20 } },
  { name: 'POST /api/public/volunteers/registrations', method: 'POST', as: () => resident, url: () => '/api/public/volunteers/registrations', valid: () => ({ compoundId: ids.compound, workplaceOrgName: '坏输入单位' }), wrongType: { compoundId: 'abc' }, tooLong: { workplaceOrgName: long(100) } },
  // Volunteer activities (志愿服务活动): publish, change, cancel, close, staff check-in/out; residents sign up, cancel, check in and out by QR token.
  {
    name: 'POST /api/volunteers/activities',
    method: 'POST',
    url: () => '/api/volunteers/activities',
    valid: () => ({ nodeId: ids.compound, title: '坏输入活动', type: 'other', place: '坏输入地点', startsAt: '2030-12-01T09:00:00+08:00', endsAt: '2030-12-01T11:00:00+08:00', capacity: 5, pointsMode: 'per_hour', points: 10, audience: 'all' }),
    wrongType: { capacity: '5' },
    tooLong: { title: long(100) },
  },
  { name: 'PATCH /api/volunteers/activities/:id', method: 'PATCH', hasId: true, url: (id = '2147483647') => `/api/volunteers/activities/${id}`, valid: () => ({ title: '坏输入活动' }), wrongType: { points: '1' }, tooLong: { place: long(200) } },
  { name: 'POST /api/volunteers/activities/:id/cancel', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/volunteers/activities/${id}/cancel`, valid: () => ({ reason: '坏输入' }), wrongType: { reason: 1 }, tooLong: { reason: long(500) } },
  { name: 'POST /api/volunteers/activities/:id/close', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/volunteers/activities/${id}/close` },
  { name: 'POST /api/volunteers/activities/:id/signups/:signupId/checkin', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/volunteers/activities/${id}/signups/1/checkin` },
  { name: 'POST /api/volunteers/activities/:id/signups/:signupId/checkout', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/volunteers/activities/${id}/signups/1/checkout` },
  { name: 'POST /api/public/volunteers/activities/:id/signup', method: 'POST', hasId: true, as: () => resident, url: (id = '2147483647') => `/api/public/volunteers/activities/${id}/signup` },
  { name: 'DELETE /api/public/volunteers/activities/:id/signup', method: 'DELETE', hasId: true, as: () => resident, url: (id = '2147483647') => `/api/public/volunteers/activities/${id}/signup` },
  { name: 'POST /api/public/volunteers/checkin/:token', method: 'POST', hasId: true, as: () => resident, url: (id = '2147483647') => `/api/public/volunteers/checkin/${id === '2147483647' ? 'A'.repeat(22) : id}` },
  { name: 'POST /api/public/volunteers/checkout/:token', method: 'POST', hasId: true, as: () => resident, url: (id = '2147483647') => `/api/public/volunteers/checkout/${id === '2147483647' ? 'A'.repeat(22) : id}` },
  // Four-colour property assessment, phone side (四色管理考核): 转工单 on the console; stewards' inspections, member scorecards and the survey on the phone.
  // The body is optional (category and priority have defaults): no `valid`.
  { name: 'POST /api/property-inspections/:id/ticket', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/property-inspections/${id}/ticket` },
  { name: 'POST /api/public/property-ratings/inspections', method: 'POST', as: () => resident, url: () => '/api/public/property-ratings/inspections', valid: () => ({ compoundId: ids.compound, indicatorCode: 'cleaning', severity: 'minor', finding: '坏输入' }), wrongType: { lat: '36.9' }, tooLong: { finding: long(500) } },
  { name: 'PUT /api/public/property-ratings/ratings/:id/scorecards/:source', method: 'PUT', hasId: true, as: () => resident, url: (id = '2147483647') => `/api/public/property-ratings/ratings/${id}/scorecards/stewards`, valid: () => ({ scores: { cleaning: 80 } }), wrongType: { scores: 'abc' }, tooLong: { comment: long(500) } },
  { name: 'POST /api/public/property-ratings/ratings/:id/survey', method: 'POST', hasId: true, as: () => resident, url: (id = '2147483647') => `/api/public/property-ratings/ratings/${id}/survey`, valid: () => ({ stars: { cleaning: 5 } }), wrongType: { stars: 'abc' }, tooLong: { comment: long(500) } },
  // Cadre opinions (干部征求意见): the county asks, the routed branch answers.
  { name: 'POST /api/cadre-opinions', method: 'POST', url: () => '/api/cadre-opinions', valid: () => ({ personId: ids.person, purpose: 'promotion', post: '坏输入职务', deadline: '2030-01-01' }), wrongType: { personId: 'abc' }, tooLong: { post: long(100) } },
  { name: 'POST /api/cadre-opinions/:id/answer', method: 'POST', hasId: true, as: () => branch, url: (id = '2147483647') => `/api/cadre-opinions/${id}/answer`, valid: () => ({ answer: 'agree', text: '坏输入的意见内容足够长' }), wrongType: { answer: 1 }, tooLong: { text: long(2000) } },
  { name: 'POST /api/cadre-opinions/:id/withdraw', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/cadre-opinions/${id}/withdraw`, valid: () => ({ reason: '坏输入' }), wrongType: { reason: 1 }, tooLong: { reason: long(500) } },
  { name: 'POST /api/cadre-opinions/:id/remind', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/cadre-opinions/${id}/remind` },
  { name: 'POST /api/cadre-opinions/:id/evidence/refresh', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/cadre-opinions/${id}/evidence/refresh` },
  {
    name: 'POST /api/property-ratings/schemes',
    method: 'POST',
    url: () => '/api/property-ratings/schemes',
    valid: () => ({
      name: '坏输入方案',
      indicators: [{ code: 'cleaning', name: '环境卫生', weight: 40 }, { code: 'repairs', name: '设施维修', weight: 30 }, { code: 'fees', name: '收费公开', weight: 30 }],
      sources: [{ source: 'branch', weight: 30 }, { source: 'owners_committee', weight: 20 }, { source: 'survey', weight: 20 }, { source: 'stewards', weight: 15 }, { source: 'regulator', weight: 15 }],
      grades: [
        { code: 'red', name: '红', colour: '#cf1322', min: 90, low: false }, { code: 'green', name: '绿', colour: '#389e0d', min: 80, low: false },
        { code: 'yellow', name: '黄', colour: '#d4b106', min: 70, low: true }, { code: 'grey', name: '灰', colour: '#595959', min: 0, low: true },
      ],
      missingSourceRule: 'reweight', surveyMinAnswers: 5, rectificationDays: 30,
    }),
    wrongType: { surveyMinAnswers: 'abc' },
    tooLong: { name: long(50) },
  },
  { name: 'POST /api/property-ratings/periods', method: 'POST', url: () => '/api/property-ratings/periods', valid: () => ({ nodeId: ids.community, kind: 'year', year: 2030, seq: 1, deadline: '2030-03-01' }), wrongType: { year: 'abc' }, tooLong: { deadline: long(10) } },
  { name: 'POST /api/property-ratings/periods/:id/close', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/property-ratings/periods/${id}/close` },
  { name: 'POST /api/property-ratings/periods/:id/remind', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/property-ratings/periods/${id}/remind` },
  { name: 'POST /api/property-ratings/periods/:id/publish', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/property-ratings/periods/${id}/publish` },
  { name: 'PUT /api/property-ratings/ratings/:id/scorecards/:source', method: 'PUT', hasId: true, as: () => branch, url: (id = '2147483647') => `/api/property-ratings/ratings/${id}/scorecards/branch`, valid: () => ({ scores: { cleaning: 80 }, comment: '坏输入评语' }), wrongType: { scores: 'x' }, tooLong: { comment: long(500) } },
  { name: 'POST /api/property-ratings/ratings/:id/publish', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/property-ratings/ratings/${id}/publish` },
  { name: 'POST /api/property-ratings/rectifications/:id/report', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/property-ratings/rectifications/${id}/report`, valid: () => ({ report: '坏输入整改情况' }), wrongType: { report: 1 }, tooLong: { report: long(2000) } },
  { name: 'POST /api/property-ratings/rectifications/:id/verify', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/property-ratings/rectifications/${id}/verify`, valid: () => ({ note: '坏输入验收意见' }), wrongType: { note: 1 }, tooLong: { note: long(500) } },
  // Community workers: the registry (社区工作者).
  {
    name: 'POST /api/workers',
    method: 'POST',
    url: () => '/api/workers',
    valid: () => ({ personId: ids.person, communityId: ids.community, post: 'staff', grade: 2, batch: '坏输入批次', recruitedOn: '2024-01-01', education: 'bachelor', fullTimeEducation: true }),
    wrongType: { grade: 'two' },
    tooLong: { batch: long(30) },
  },
  { name: 'PATCH /api/workers/:id', method: 'PATCH', hasId: true, url: (id = '2147483647') => `/api/workers/${id}`, valid: () => ({ position: '坏输入职务' }), wrongType: { fullTimeEducation: 'yes' }, tooLong: { position: long(50) } },
  { name: 'POST /api/workers/:id/changes', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/workers/${id}/changes`, valid: () => ({ kind: 'adjust', grade: 3, effectiveOn: '2026-01-01', reason: '坏输入调整' }), wrongType: { grade: [3] }, tooLong: { reason: long(200) } },
  // Community workers: assessment rounds and training (worker-development).
  {
    name: 'POST /api/worker-development/rounds',
    method: 'POST',
    url: () => '/api/worker-development/rounds',
    valid: () => ({ nodeId: ids.community, name: '坏输入考核', year: 2030, kind: 'annual', deadline: '2030-01-31', indicators: [{ code: 'duty', name: '履职尽责', weight: 100 }] }),
    wrongType: { year: 'abc' },
    tooLong: { name: long(50) },
  },
  { name: 'PUT /api/worker-development/rounds/:id/results/:workerId', method: 'PUT', hasId: true, url: (id = '2147483647') => `/api/worker-development/rounds/${id}/results/2147483647`, valid: () => ({ scores: { duty: 80 }, comment: '坏输入说明' }), wrongType: { scores: 'x' }, tooLong: { comment: long(500) } },
  { name: 'POST /api/worker-development/rounds/:id/close', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/worker-development/rounds/${id}/close` },
  {
    name: 'POST /api/worker-development/courses',
    method: 'POST',
    url: () => '/api/worker-development/courses',
    valid: () => ({ nodeId: ids.community, title: '坏输入课程', organiser: '坏输入单位', startsOn: '2030-01-01', endsOn: '2030-01-02', hours: 4, mode: 'online', required: true }),
    wrongType: { hours: '4' },
    tooLong: { title: long(100) },
  },
  { name: 'PUT /api/worker-development/courses/:id/attendance', method: 'PUT', hasId: true, url: (id = '2147483647') => `/api/worker-development/courses/${id}/attendance`, valid: () => ({ entries: [{ workerId: 1, hours: 2, passed: true, certificateNo: '坏输入证书' }] }), wrongType: { entries: 'x' }, tooLong: { entries: [{ workerId: 1, hours: 2, passed: true, certificateNo: long(50) }] } },
  { name: 'PUT /api/worker-development/training/requirement', method: 'PUT', url: () => '/api/worker-development/training/requirement', valid: () => ({ hours: 40 }), wrongType: { hours: '40' }, tooLong: { hours: 2000 } },
  // Community workers: 三岗十八级 pay scheme, pay sheets and promotions (worker-pay).
  {
    name: 'POST /api/worker-pay/schemes',
    method: 'POST',
    url: () => '/api/worker-pay/schemes',
    valid: () => ({
      name: '坏输入薪酬方案',
      basePay: { head: Array(18).fill(4000), deputy: Array(18).fill(3500), staff: Array(18).fill(3000) },
      education: Object.fromEntries(['postgraduate', 'bachelor', 'college', 'secondary', 'other'].map((e) => [e, { fullTime: 100, partTime: 50 }])),
      qualification: { social_worker_assistant: 100, social_worker: 200, senior_social_worker: 300, other: 0 },
      seniorityPerYear: 30, seniorityCapYears: 30,
      bonus: { excellent: 300, competent: 150, basically_competent: 0, incompetent: 0 },
    }),
    wrongType: { seniorityPerYear: '30' },
    tooLong: { name: long(50) },
  },
  { name: 'POST /api/worker-pay/sheets', method: 'POST', url: () => '/api/worker-pay/sheets', valid: () => ({ communityId: ids.community, month: '2020-01' }), wrongType: { communityId: 'abc' }, tooLong: { month: long(7) } },
  { name: 'POST /api/worker-pay/sheets/:id/adjustments', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/worker-pay/sheets/${id}/adjustments`, valid: () => ({ workerId: 1, amount: 100, reason: '坏输入调整' }), wrongType: { amount: '100' }, tooLong: { reason: long(200) } },
  { name: 'POST /api/worker-pay/sheets/:id/review', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/worker-pay/sheets/${id}/review` },
  { name: 'POST /api/worker-pay/sheets/:id/lock', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/worker-pay/sheets/${id}/lock` },
  {
    name: 'POST /api/worker-pay/promotion-rules',
    method: 'POST',
    url: () => '/api/worker-pay/promotion-rules',
    valid: () => ({ yearsAtGrade: 2, roundsConsidered: 2, minCompetentResults: 1, allowBasicallyCompetent: true, qualifiedFromGrade: 10, qualifications: ['social_worker'] }),
    wrongType: { yearsAtGrade: '2' },
    tooLong: { qualifications: ['social_worker', 'social_worker', 'senior_social_worker', 'other', 'social_worker_assistant'] },
  },
  { name: 'POST /api/worker-pay/promotions', method: 'POST', url: () => '/api/worker-pay/promotions', valid: () => ({ workerId: 1, reason: '坏输入晋级' }), wrongType: { workerId: 'abc' }, tooLong: { reason: long(200) } },
  // The monthly secretary contest (擂台比武).
  { name: 'POST /api/secretary-contests/questions', method: 'POST', url: () => '/api/secretary-contests/questions', valid: () => ({ kind: 'single', difficulty: 1, stem: '坏输入试题', options: ['甲', '乙'], answer: [0] }), wrongType: { difficulty: '1' }, tooLong: { stem: long(500) } },
  { name: 'POST /api/secretary-contests/questions/:id/retire', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/secretary-contests/questions/${id}/retire` },
  {
    name: 'POST /api/secretary-contests',
    method: 'POST',
    url: () => '/api/secretary-contests',
    valid: () => ({ month: '2039-01', title: '坏输入比武', weights: { report: 40, visit: 30, test: 30 }, perLevel: 1, timeLimitMinutes: 10, testOpensAt: '2039-01-10T09:00:00+08:00', testClosesAt: '2039-01-12T09:00:00+08:00', judgeIds: [1] }),
    wrongType: { perLevel: '1' },
    tooLong: { title: long(100) },
  },
  { name: 'PUT /api/secretary-contests/:id/entries/:entryId/scores/:part', method: 'PUT', hasId: true, url: (id = '2147483647') => `/api/secretary-contests/${id}/entries/2147483647/scores/report`, valid: () => ({ score: 80 }), wrongType: { score: '80' }, tooLong: { score: 101 } },
  { name: 'POST /api/secretary-contests/:id/close', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/secretary-contests/${id}/close` },
  { name: 'PUT /api/secretary-contests/:id/rewards', method: 'PUT', hasId: true, url: (id = '2147483647') => `/api/secretary-contests/${id}/rewards`, valid: () => ({ rewards: [{ medal: 'gold', text: '坏输入奖励', amount: 100 }] }), wrongType: { rewards: 'x' }, tooLong: { rewards: [{ medal: 'gold', text: long(200), amount: 100 }] } },
  { name: 'POST /api/secretary-contests/:id/test/start', method: 'POST', hasId: true, as: () => secretary, url: (id = '2147483647') => `/api/secretary-contests/${id}/test/start` },
  { name: 'POST /api/secretary-contests/:id/test/submit', method: 'POST', hasId: true, as: () => secretary, url: (id = '2147483647') => `/api/secretary-contests/${id}/test/submit`, valid: () => ({ answers: [{ seq: 1, chosen: [0] }] }), wrongType: { answers: 'x' }, tooLong: { answers: Array.from({ length: 61 }, (_, i) => ({ seq: 1 + (i % 60), chosen: [0] })) } },
  // Red stations (红色驿站) and public service rooms (公共服务用房).
  { name: 'POST /api/red-stations', method: 'POST', url: () => '/api/red-stations', valid: () => ({ nodeId: ids.community, name: '坏输入驿站', placeKind: 'park', services: ['water'], openingHours: '全天', address: '坏输入路' }), wrongType: { services: 'water' }, tooLong: { name: long(100) } },
  { name: 'PATCH /api/red-stations/:id', method: 'PATCH', hasId: true, url: (id = '2147483647') => `/api/red-stations/${id}`, valid: () => ({ name: '坏输入改名' }), wrongType: { lat: '36.9', lng: '116' }, tooLong: { address: long(200) } },
  { name: 'POST /api/red-stations/:id/visits', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/red-stations/${id}/visits`, valid: () => ({ visitedOn: '2026-01-01', visitors: 3 }), wrongType: { visitors: '3' }, tooLong: { note: long(500) } },
  { name: 'POST /api/service-rooms', method: 'POST', url: () => '/api/service-rooms', valid: () => ({ nodeId: ids.community, name: '坏输入用房', handedOverBy: 'developer', areaSqm: 50, uses: ['culture'] }), wrongType: { areaSqm: '50' }, tooLong: { name: long(100) } },
  { name: 'PATCH /api/service-rooms/:id', method: 'PATCH', hasId: true, url: (id = '2147483647') => `/api/service-rooms/${id}`, valid: () => ({ name: '坏输入改名' }), wrongType: { uses: 'culture' }, tooLong: { handoverNote: long(200) } },
  { name: 'POST /api/service-rooms/:id/uses', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/service-rooms/${id}/uses`, valid: () => ({ usedOn: '2026-01-01', use: 'culture', participants: 3 }), wrongType: { participants: '3' }, tooLong: { note: long(500) } },
  // Funding (经费保障): budget lines, disbursement requests and decisions.
  { name: 'POST /api/funding/lines', method: 'POST', url: () => '/api/funding/lines', valid: () => ({ year: 2039, nodeId: ids.community, kind: 'party_work_fund', amountFen: 100 }), wrongType: { amountFen: '100' }, tooLong: { note: long(200) } },
  { name: 'PATCH /api/funding/lines/:id', method: 'PATCH', hasId: true, url: (id = '2147483647') => `/api/funding/lines/${id}`, valid: () => ({ amountFen: 100, note: '坏输入' }), wrongType: { amountFen: 1.5 }, tooLong: { note: long(200) } },
  { name: 'DELETE /api/funding/lines/:id', method: 'DELETE', hasId: true, url: (id = '2147483647') => `/api/funding/lines/${id}` },
  { name: 'POST /api/funding/disbursements', method: 'POST', url: () => '/api/funding/disbursements', valid: () => ({ budgetLineId: 2147483647, month: '2039-01', payeeName: '坏输入', amountFen: 100, purpose: '坏输入拨付' }), wrongType: { amountFen: '100' }, tooLong: { purpose: long(200) } },
  { name: 'POST /api/funding/disbursements/batch', method: 'POST', url: () => '/api/funding/disbursements/batch', valid: () => ({ budgetLineId: 2147483647, month: '2039-01', amountFen: 100, purpose: '坏输入批量' }), wrongType: { month: 202901 }, tooLong: { purpose: long(200) } },
  { name: 'POST /api/funding/disbursements/approve-batch', method: 'POST', url: () => '/api/funding/disbursements/approve-batch', valid: () => ({ ids: [2147483647] }), wrongType: { ids: 'x' }, tooLong: { ids: Array.from({ length: 501 }, (_, i) => i + 1) } },
  { name: 'POST /api/funding/disbursements/:id/approve', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/funding/disbursements/${id}/approve` },
  { name: 'POST /api/funding/disbursements/:id/reject', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/funding/disbursements/${id}/reject`, valid: () => ({ reason: '坏输入驳回' }), wrongType: { reason: 1 }, tooLong: { reason: long(200) } },
  // Innovation (创新创效): drafts, the unit's steps, the county's review and attachment removal.
  {
    name: 'POST /api/innovation',
    method: 'POST',
    url: () => '/api/innovation',
    valid: () => ({ nodeId: ids.community, unitName: '坏输入单位', title: '坏输入案例', problem: '坏输入问题', method: '坏输入做法', results: '坏输入成效', figures: [{ label: '数', value: 1, unit: '个' }], tags: ['坏输入'] }),
    wrongType: { figures: 'x' },
    tooLong: { tags: ['x'.repeat(13)] },
  },
  { name: 'PUT /api/innovation/:id', method: 'PUT', hasId: true, url: (id = '2147483647') => `/api/innovation/${id}`, valid: () => ({ nodeId: ids.community, unitName: '坏输入单位', title: '坏输入案例', problem: '坏输入问题', method: '坏输入做法', results: '坏输入成效' }), wrongType: { nodeId: 'abc' }, tooLong: { title: long(100) } },
  { name: 'POST /api/innovation/:id/submit', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/innovation/${id}/submit` },
  { name: 'POST /api/innovation/:id/recall', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/innovation/${id}/recall` },
  { name: 'POST /api/innovation/:id/withdraw', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/innovation/${id}/withdraw`, valid: () => ({ reason: '坏输入放弃' }), wrongType: { reason: 1 }, tooLong: { reason: long(500) } },
  { name: 'POST /api/innovation/:id/publish', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/innovation/${id}/publish` },
  { name: 'POST /api/innovation/:id/return', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/innovation/${id}/return`, valid: () => ({ note: '坏输入退回' }), wrongType: { note: ['x'] }, tooLong: { note: long(500) } },
  { name: 'POST /api/innovation/:id/unpublish', method: 'POST', hasId: true, url: (id = '2147483647') => `/api/innovation/${id}/unpublish`, valid: () => ({ reason: '坏输入撤销' }), wrongType: { reason: false }, tooLong: { reason: long(500) } },
  { name: 'DELETE /api/innovation/:id/attachments/:attachmentId', method: 'DELETE', hasId: true, url: (id = '2147483647') => `/api/innovation/${id}/attachments/2147483647` },
];

function send(r: WriteRoute, opts: Partial<InjectOptions> & { url?: string }): Promise<LightMyRequestResponse> {
  const o = { method: r.method, url: opts.url ?? r.url(), ...opts } as InjectOptions;
  return r.anonymous ? t.inject(o) : (r.as?.() ?? admin).request(o);
}
const json = (r: WriteRoute, payload: string, url?: string) => send(r, { payload, headers: { 'content-type': 'application/json' }, ...(url ? { url } : {}) });

describe.each(ROUTES)('$name', (r) => {
  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    for (const payload of ['{"a":', '{a:1}', "{'a':1}", '[1,', '\u0000', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}']) {
      expectError(await json(r, payload), 400, 'MALFORMED_JSON');
    }
  });

  it('unknown fields → 400 VALIDATION_FAILED', async () => {
    const err = expectError(await json(r, JSON.stringify({ ...(r.valid?.() ?? {}), isAdmin: true })), 400, 'VALIDATION_FAILED');
    expect(err.message).toMatch(/请求体不正确/);
  });

  it('a body that is not an object → 400', async () => {
    for (const payload of ['[]', '"text"', '42', 'true']) expectError(await json(r, payload), 400, 'VALIDATION_FAILED');
    if (r.valid) expectError(await json(r, 'null'), 400);
  });

  it('a body over 1 MiB → 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ ...(r.valid?.() ?? {}), padding: 'x'.repeat(1_100_000) });
    expectError(await json(r, big), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a content type other than JSON → 415', async () => {
    const cases: [string, string][] = [
      ['text/plain', JSON.stringify(r.valid?.() ?? {})],
      ['application/x-www-form-urlencoded', 'name=x&code=y'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
      ['application/xml', '<a/>'],
    ];
    for (const [type, payload] of cases) expectError(await send(r, { payload, headers: { 'content-type': type } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe.each(ROUTES.filter((r) => r.valid))('$name (fields)', (r) => {
  it('wrong types, over-long strings, missing fields and NUL characters → 400', async () => {
    const valid = r.valid!();
    expectError(await json(r, JSON.stringify({ ...valid, ...r.wrongType })), 400, 'VALIDATION_FAILED');
    expectError(await json(r, JSON.stringify({ ...valid, ...r.tooLong })), 400, 'VALIDATION_FAILED');
    expectError(await json(r, '{}'), 400, 'VALIDATION_FAILED');
    // Every text field with a NUL character inside (passwords are opaque and may hold any character).
    for (const [k, v] of Object.entries(valid)) {
      if (typeof v !== 'string' || /password/i.test(k)) continue;
      const res = await json(r, JSON.stringify({ ...valid, [k]: `${v.slice(0, 3)}\u0000${v.slice(3)}` }));
      expect(res.statusCode, `${k}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${k}: ${res.body}`).toBeLessThan(500);
      expectError(res, res.statusCode);
    }
  });
});

describe.each(ROUTES.filter((r) => r.hasId))('$name (path ids)', (r) => {
  it('bad path ids → 400 or 404, never 5xx', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '99999999999', '2147483648', '%00', '%E0%A4%A', '1;DROP TABLE nodes']) {
      const res = await send(r, { url: r.url(id), ...(r.valid ? { payload: r.valid() } : {}) });
      expect([400, 404], `${id}: ${res.body}`).toContain(res.statusCode);
      expectError(res, res.statusCode);
    }
    const missing = await send(r, { url: r.url('2147483647'), ...(r.valid ? { payload: r.valid() } : {}) });
    expectError(missing, 404, 'NOT_FOUND');
  });
});

describe('list queries', () => {
  const lists: [string, () => Client][] = [
    ['/api/nodes', () => admin],
    ['/api/party-orgs', () => admin],
    ['/api/users', () => admin],
    ['/api/audit', () => auditor],
    ['/api/tickets', () => admin],
    ['/api/reception-days', () => admin],
    ['/api/notifications', () => admin],
    ['/api/consultations/topics', () => admin],
    ['/api/consultations/offices', () => admin],
    ['/api/consultations/meetings', () => admin],
    ['/api/points/redemptions', () => admin],
    ['/api/volunteers/activities', () => admin],
    ['/api/cadre-opinions', () => admin],
    ['/api/property-ratings/periods', () => admin],
    ['/api/property-ratings/rectifications', () => admin],
  ];
  it.each(lists)('%s refuses bad paging and unknown parameters with 400', async (url, client) => {
    for (const qs of ['page=0', 'page=-1', 'page=abc', 'page=1.5', 'pageSize=0', 'pageSize=100000', 'pageSize=201', 'unknown=1', 'page=1&page=2', 'q=' + 'x'.repeat(101)]) {
      const err = expectError(await client().get(`${url}?${qs}`), 400, 'VALIDATION_FAILED');
      expect(err.message).toMatch(/查询参数不正确/);
    }
    const ok = await client().get(`${url}?page=2&pageSize=200`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().pagination).toMatchObject({ page: 2, pageSize: 200 });
  });

  it('filters with bad values answer 400, never 5xx', async () => {
    const bad: [Client, string][] = [
      [admin, '/api/nodes?kind=palace'],
      [admin, '/api/nodes?parentId=abc'],
      [admin, '/api/nodes?includeInactive=yes'],
      [admin, '/api/nodes?compoundKind=villa'],
      [admin, '/api/party-orgs?kind=club'],
      [admin, '/api/users?role=king'],
      [admin, '/api/cockpit/summary?nodeId=0'],
      [admin, '/api/cockpit/summary?page=1'],
      [admin, '/api/consultations/topics?step=vote'],
      [admin, '/api/consultations/topics?status=open'],
      [admin, '/api/consultations/topics/similar?nodeId=abc&title=x'],
      [admin, '/api/consultations/offices?active=yes'],
      [admin, '/api/consultations/meetings?status=done'],
      [admin, '/api/consultations/meetings?form=phone'],
      [admin, '/api/volunteers/activities?status=open'],
      [admin, '/api/volunteers/activities?from=yesterday'],
      [admin, '/api/consultations/stats?nodeId=0'],
      [admin, '/api/consultations/stats?page=1'],
      [auditor, '/api/audit?result=maybe'],
      [auditor, '/api/audit?from=yesterday'],
      [auditor, '/api/audit?to=2026-13-40'],
      [auditor, '/api/audit?from=0000-01-01'],
      [auditor, '/api/audit?nodeId=-5'],
    ];
    for (const [c, url] of bad) {
      const res = await c.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expectError(res, 400);
    }
    // Text with NUL characters or LIKE wildcards in searches and filters.
    for (const [c, url] of [
      [admin, '/api/nodes?q=%00'],
      [admin, '/api/users?q=a%00b'],
      [admin, '/api/party-orgs?q=%00'],
      [auditor, '/api/audit?actor=%00'],
      [auditor, '/api/audit?action=%00'],
    ] as const) {
      const res = await c.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
    }
    expect((await admin.get('/api/nodes?q=%25%5F')).json().pagination.total).toBe(0);
  });
});

describe('URLs', () => {
  it('an undecodable URL or an unknown route answers in the error shape too', async () => {
    for (const url of ['/api/nodes/%E0%A4%A', '/api/%ZZ', '/api/party-orgs/%C0%AF']) {
      const res = await admin.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expectError(res, 400, 'VALIDATION_FAILED');
    }
    expectError(await t.inject({ method: 'GET', url: '/api/nodes/%E0%A4%A' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.get('/api/no-such-thing'), 404, 'NOT_FOUND');
    expectError(await admin.request({ method: 'PUT', url: `/api/nodes/${ids.compound}`, payload: {} }), 404, 'NOT_FOUND');
  });
});

describe('POST /api/people/import (multipart upload)', () => {
  const url = '/api/people/import?wait=true';
  const upload = (file: Buffer, part: FilePart = {}) => uploadFile(admin, url, file, { fileName: '人员导入.xlsx', ...part });
  const xlsx = async (rows: unknown[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  it('a JSON body, malformed JSON or a body that is no upload → 400', async () => {
    for (const payload of ['{"file":"x"}', '[]', '{"a":', 'null']) {
      expectError(await admin.request({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } }), 400);
    }
    expectError(await admin.request({ method: 'POST', url }), 400);
  });

  it('a content type other than multipart or JSON → 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']) {
      expectError(await admin.request({ method: 'POST', url, payload: 'name=x', headers: { 'content-type': type } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('a file that is not an .xlsx → 400, whatever its name or declared type', async () => {
    const files: [string, Buffer][] = [
      ['plain text', Buffer.from('姓名,住址编码\n张三,X\n')],
      ['an old .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])],
      ['a broken zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')])],
      ['an empty file', Buffer.alloc(0)],
      ['NUL bytes', Buffer.alloc(2048)],
    ];
    for (const [what, file] of files) {
      const res = await upload(file);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
      expectError(res, 400);
    }
  });

  it('a broken multipart body, a wrong field name or two files → 400', async () => {
    const bad = await admin.request({ method: 'POST', url, payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nabc', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect(bad.statusCode, bad.body).toBe(400);
    expectError(bad, 400);
    const file = await xlsx([['姓名*', '住址编码*']]);
    expectError(await upload(file, { field: 'upload' }), 400);
    const boundary = '----xjbadinput';
    const twice = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: ${XLSX_CONTENT_TYPE}\r\n\r\nabc\r\n`;
    expectError(await upload(file, { extra: twice, boundary }), 400);
  });

  it('an .xlsx without the template columns, or with a bad row (all or nothing), writes nothing', async () => {
    expectError(await upload(await xlsx([['名字', '地址'], ['张三', 'X']])), 400);
    const code = (await t.db.query<{ code: string }>('SELECT code FROM nodes WHERE id = $1', [ids.compound]))[0]!.code;
    const res = await upload(
      await xlsx([
        ['姓名*', '性别', '出生日期', '手机号', '身份证号', '住址编码*', '备注'],
        ['坏输入甲', '男', '1980-01-01', '', '', code, ''],
        ['坏输入乙\u0000', '女', '1981-13-40', '123', '110101', 'NO-SUCH-CODE', 'x'.repeat(3000)],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json(), res.body).toMatchObject({ status: 'done', written: 0, inserted: 0, invalidRows: 1 });
    // A refused import is audited as a failed attempt, by design: the one row bad input may add, and it says so.
    const audits = await t.db.query<{ result: string }>("SELECT result FROM audit_log WHERE action LIKE '%import%' ORDER BY id");
    expect(audits.map((a) => a.result)).toEqual(['failure']);
    before.counts.audit_log! += 1;
  });

  it('bad query parameters → 400', async () => {
    const file = await xlsx([['姓名*', '住址编码*']]);
    for (const qs of ['mode=some', 'wait=yes', 'unknown=1']) {
      const res = await uploadFile(admin, `/api/people/import?${qs}`, file, { fileName: 'a.xlsx', type: null });
      expectError(res, 400, 'VALIDATION_FAILED');
    }
  });
});

/** Role and organisation imports: the same upload and row checks as people's, one case list for all. */
const ROLE_IMPORTS = [
  '/api/stewards/import',
  '/api/party-members/import',
  '/api/gig-workers/import',
  '/api/commissioners/import',
  '/api/deputies/import',
  '/api/branch-secretaries/import',
  '/api/red-shops/import',
  '/api/social-orgs/import',
  '/api/property-companies/import',
  '/api/property-contracts/import',
  '/api/owners-committees/import',
  '/api/workers/import',
  // The secretary contest's question bank (擂台比武题库).
  '/api/secretary-contests/questions/import',
];

describe.each(ROLE_IMPORTS)('POST %s (multipart upload)', (path) => {
  const upload = (file: Buffer, qs = 'wait=true') => uploadFile(admin, `${path}?${qs}`, file);
  const xlsx = (rows: unknown[][]) => xlsxOf('导入', null, rows);

  it('a JSON body, a file that is not an .xlsx, missing template columns or bad query parameters → 400', async () => {
    expectError(await admin.request({ method: 'POST', url: `${path}?wait=true`, payload: '{"file":"x"}', headers: { 'content-type': 'application/json' } }), 400);
    expectError(await upload(Buffer.from('身份证号,姓名\n')), 400);
    expectError(await upload(await xlsx([['名字', '地址'], ['张三', 'X']])), 400);
    for (const qs of ['mode=some', 'wait=yes', 'unknown=1']) expectError(await upload(await xlsx([['姓名*']]), qs), 400, 'VALIDATION_FAILED');
  });

  it('a file of bad rows writes nothing (one failed import in the audit log)', async () => {
    const headers = await headerOf((await admin.get(`${path}/template`)).rawPayload);
    const junk = ['110101', '坏输入\u0000', '123', 'NO-SUCH-CODE', '大概', '1981-13-40', 'x', 'y'.repeat(300), ''];
    const res = await upload(await xlsx([headers, headers.map((_, i) => junk[i % junk.length])]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json(), res.body).toMatchObject({ status: 'done', written: 0, inserted: 0, invalidRows: 1 });
    before.counts.audit_log! += 1;
  });
});

/** Open311 takes a form (or JSON) and answers in the specification's error format; the key is checked first. */
describe('POST /open311/v2/requests.{format}', () => {
  const url = '/open311/v2/requests.json';
  const post = (payload: string, type = 'application/x-www-form-urlencoded') => t.inject({ method: 'POST', url, payload, headers: { 'content-type': type } });
  const expectSpecError = (res: LightMyRequestResponse, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toEqual([{ code: status, description: expect.any(String) }]);
  };

  it('bad keys, bad forms, bad JSON, wrong types and over-long values → 4xx, never 5xx', async () => {
    const key = 'api_key=xiajin-open311-demo';
    expectSpecError(await post('service_code=repair'), 403);
    expectSpecError(await post(`api_key=${'x'.repeat(5000)}`), 403);
    for (const body of ['', key, `${key}&service_code=repair`, `${key}&service_code=repair&address_id=%00`, `${key}&service_code=re%00pair&address_id=X`, `${key}&service_code=repair&address_id=X&lat=abc&long=1`,
      `${key}&service_code=repair&address_id=X&description=${'x'.repeat(2001)}`, `${key}&service_code=repair&service_code=safety`, `${key}&attribute=x`, `${key}&attribute[PRIORITY]=a&attribute[PRIORITY]=b`, '%E0%A4%A']) {
      const res = await post(body);
      expect([400, 403], `${body.slice(0, 80)}: ${res.body}`).toContain(res.statusCode);
    }
    for (const payload of ['{"a":', '[]', '"text"', '42', 'null', JSON.stringify({ api_key: 'xiajin-open311-demo', service_code: ['repair'] }), JSON.stringify({ api_key: 'xiajin-open311-demo', service_code: 'repair', address_id: 1 })]) {
      const res = await post(payload, 'application/json');
      expect([400, 403], `${payload}: ${res.body}`).toContain(res.statusCode);
    }
    expectSpecError(await post(`${key}&padding=${'x'.repeat(1_100_000)}`), 413);
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml']) expectSpecError(await post(key, type), 415);
  });
});

/** The 12345 hotline signs its requests instead of signing in: every bad body, signed and unsigned. */
describe('POST /api/hotline/tickets (signed)', () => {
  const send = (payload: string, opts: { type?: string; secret?: string } = {}) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = signHotline(opts.secret ?? DEMO_HOTLINE_SECRET, timestamp, payload);
    const headers = { 'content-type': opts.type ?? 'application/json', 'x-hotline-timestamp': timestamp, 'x-hotline-signature': signature };
    return t.inject({ method: 'POST', url: '/api/hotline/tickets', payload, headers });
  };
  const valid = () => ({ externalId: 'BAD-INPUT-1', content: '坏输入热线工单', category: '其他', address: '坏输入地址', nodeCode: 'NO-SUCH-NODE', receivedAt: '2026-03-02T09:30:00+08:00' });

  it('unsigned, malformed, unknown or wrong fields, NUL characters, other types and oversize bodies → 4xx, nothing written', async () => {
    expectError(await send(JSON.stringify(valid()), { secret: 'not-the-hotline-secret' }), 401, 'HOTLINE_SIGNATURE_INVALID');
    for (const payload of ['{"a":', '{a:1}', '\u0000', '{"__proto__":{"admin":true}}']) expectError(await send(payload), 400, 'MALFORMED_JSON');
    for (const body of [[], 'text', 42, null, {}, { ...valid(), isAdmin: true }, { ...valid(), content: 3 }, { ...valid(), content: long(2000) }, { ...valid(), receivedAt: 20260302 }]) {
      expectError(await send(JSON.stringify(body)), 400, 'VALIDATION_FAILED');
    }
    for (const [k, v] of Object.entries(valid())) {
      const res = await send(JSON.stringify({ ...valid(), [k]: `${v.slice(0, 3)}\u0000${v.slice(3)}` }));
      expect(res.statusCode, `${k}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${k}: ${res.body}`).toBeLessThan(500);
    }
    expectError(await send(JSON.stringify({ ...valid(), padding: 'x'.repeat(1_100_000) })), 413, 'PAYLOAD_TOO_LARGE');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) expectError(await send('a=1', { type }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

/** Photo uploads (multipart): staff by ticket id, residents by ticket code and tracking key. */
describe.each([
  ['POST /api/tickets/:id/photos', () => admin.request, '/api/tickets/2147483647/photos?stage=report', {}],
  ['POST /api/public/tickets/:code/photos', () => t.inject, '/api/public/tickets/XJ20260101-0001/photos', { 'x-tracking-key': 'k'.repeat(22) }],
  // A plan option's file (its own test covers types, sizes and steps on a real topic).
  ['POST /api/consultations/topics/:id/options/:optionId/attachments', () => admin.request, '/api/consultations/topics/2147483647/options/1/attachments', {}],
  // A steward's inspection photo (its own test covers types, the limit and ownership).
  ['POST /api/public/property-ratings/inspections/:id/photos', () => resident.request, '/api/public/property-ratings/inspections/2147483647/photos', {}],
  // An innovation case's file (its own test covers types, sizes, the count and states).
  ['POST /api/innovation/:id/attachments', () => admin.request, '/api/innovation/2147483647/attachments', {}],
] as const)('%s (multipart upload)', (_name, sender, url, extra) => {
  const post = (o: Partial<InjectOptions>) => sender()({ method: 'POST', url, ...o, headers: { ...extra, ...(o.headers ?? {}) } });
  it('no upload, another content type, a text file named .jpg or bad parameters → 4xx, nothing written', async () => {
    for (const payload of ['{"file":"x"}', '[]', 'null']) expectError(await post({ payload, headers: { 'content-type': 'application/json' } }), 400);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'image/jpeg']) {
      expectError(await post({ payload: 'a=1', headers: { 'content-type': type } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    const text = multipartFile(Buffer.from('不是图片'), { fileName: 'photo.jpg', type: 'image/jpeg' });
    const res = await post({ payload: text.payload, headers: { 'content-type': text.contentType } });
    expect([400, 404, 415], res.body).toContain(res.statusCode);
    expectError(res, res.statusCode);
    const broken = await post({ payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect(broken.statusCode, broken.body).toBeGreaterThanOrEqual(400);
    expect(broken.statusCode, broken.body).toBeLessThan(500);
    const bad = sender()({ method: 'POST', url: url.replace(/\?.*$/, '').replace('2147483647', 'abc').replace('XJ20260101-0001', 'NOT-A-CODE'), payload: text.payload, headers: { 'content-type': text.contentType } });
    expectError(await bad, 400, 'VALIDATION_FAILED');
  });
});

/** Write routes covered by their own cases above rather than by the JSON table. */
const SPECIAL_CASES = ['POST /api/people/import', ...ROLE_IMPORTS.map((p) => `POST ${p}`), 'POST /api/hotline/tickets', 'POST /api/tickets/:id/photos', 'POST /api/public/tickets/:code/photos',
  'POST /api/consultations/topics/:id/options/:optionId/attachments', 'POST /api/public/property-ratings/inspections/:id/photos',
  'POST /api/innovation/:id/attachments',
];

describe('coverage', () => {
  it('every write route the app registers is in ROUTES or listed as a special case', () => {
    const writes = registered
      .filter((r) => r.url.startsWith('/api/') && !['GET', 'HEAD', 'OPTIONS'].includes(r.method))
      .map((r) => `${r.method} ${r.url.replace(/(.)\/$/, '$1')}`);
    const covered = [...ROUTES.map((r) => r.name), ...SPECIAL_CASES];
    expect(new Set(covered).size, 'no route is listed twice').toBe(covered.length);
    expect([...new Set(writes)].sort()).toEqual([...covered].sort());
  });
});

describe('after all of it', () => {
  it('no row was written, changed or removed', async () => {
    expect(await tableCounts(t.db)).toEqual(before.counts);
    expect(await contentFingerprint(t.db)).toBe(before.fp);
    // The signed-in session survived every bad request, logout included.
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });
});
