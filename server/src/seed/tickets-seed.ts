import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { DeadlineUnit, Satisfaction, TicketEventKind, TicketPriority, TicketSource, TicketStatus } from '@xj/contracts';
import type { Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { addDays, chinaDateOf, deadlineFrom, isWorkingDay } from '../modules/tickets/working-days.js';
import { loadCalendar } from '../modules/tickets/working-days.repo.js';
import { decisionEffect } from '../modules/reception-days/reception-days.decision.js';
import { bulk } from './people-seed.js';
import * as d from './xiajin-data.js';
import * as td from './tickets-data.js';

/**
 * Two years of closed-loop tickets over the demo county, with rates like a real county's
 * (response ~95%, on time ~88%, satisfied or basically ~93%): nearly all closed, a recent tail
 * open in every status, some overdue, and twelve monthly reception days (书记接待日) that decided
 * escalated tickets, plus the next one planned with pending escalations on its agenda. Every
 * timestamp follows the workflow's order and every step is on the ticket's timeline. Written in
 * a few bulk statements: every server test file seeds the demo county.
 */
export const TICKET_FIGURES = { tickets: 2000, days: 730, receptionDays: 12 };

export interface TicketsSummary {
  tickets: number;
  openTickets: number;
  overdueTickets: number;
  escalations: number;
  receptionDays: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const XIAJIN = { lat: 36.948, lng: 116.002 };

interface Step {
  kind: TicketEventKind;
  from: TicketStatus | null;
  to: TicketStatus;
  at: Date;
  actor: number | null;
  note: string | null;
  details: Record<string, unknown>;
}

interface Category {
  id: number;
  code: string;
  deadline_amount: number;
  deadline_unit: DeadlineUnit;
  response_hours: number;
}

interface Place {
  nodeId: number;
  code: string;
  communityId: number;
  address: string;
}

interface Commissioner {
  id: number;
  community_id: number;
  user_id: number | null;
  name: string;
}

/** What shapes one ticket's life: where it stops early (stuck, or still in the open tail) and whether it went to a reception day. */
interface Fate {
  reportedAt: Date;
  communityIndex?: number;
  owner?: Commissioner;
  /** The status it stays in, however long ago it was reported. */
  stop?: TicketStatus;
  /** Escalated and decided at held session `sessionIndex`; `newOwner`: the decision hands it to that commissioner. */
  reception?: { sessionIndex: number; newOwner?: Commissioner };
  pendingEscalation?: boolean;
  triage?: boolean;
}

interface Ticket {
  fate: Fate;
  source: TicketSource;
  category: Category;
  place: Place;
  description: string;
  reporterName: string | null;
  reporterPhone: string | null;
  priority: TicketPriority;
  lat: number | null;
  lng: number | null;
  owner: Commissioner | null;
  reportedBy: number | null;
  deadline: Date;
  steps: Step[];
  externalId: string | null;
  contentHash: string | null;
  escalation?: {
    at: Date;
    reason: string;
    by: number | null;
    session: number;
    decision?: { at: Date; text: string; newOwnerId: number | null; newDeadline: Date | null; details: Record<string, unknown> };
  };
}

export async function seedTickets(q: Queryable, rand: () => number, say: (m: string) => void): Promise<TicketsSummary> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const now = new Date();
  const today = chinaDateOf(now);
  const later = (at: Date, ms: number) => new Date(at.getTime() + Math.max(60_000, Math.round(ms)));
  const atChina = (day: string, hour: number, minute = 0) => new Date(`${day}T${pad(hour, 2)}:${pad(minute, 2)}:00+08:00`);

  say('[tickets 1/3] 工单与时间线');
  const [county] = await q.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'county' ORDER BY id LIMIT 1");
  const nodes = await q.query<{ id: number; kind: string; name: string; code: string; parent_id: number | null }>(
    "SELECT id, kind, name, code, parent_id FROM nodes WHERE kind IN ('subdistrict','community','compound','building','stairwell') ORDER BY id",
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const subdistricts = nodes.filter((n) => n.kind === 'subdistrict');
  const communities = nodes.filter((n) => n.kind === 'community');
  const placesByCommunity = new Map<number, { compounds: Place[]; stairwells: Place[] }>(communities.map((c) => [c.id, { compounds: [], stairwells: [] }]));
  for (const n of nodes) {
    if (n.kind === 'compound') placesByCommunity.get(n.parent_id!)!.compounds.push({ nodeId: n.id, code: n.code, communityId: n.parent_id!, address: n.name });
    if (n.kind === 'stairwell') {
      const building = byId.get(n.parent_id!)!;
      const compound = byId.get(building.parent_id!)!;
      placesByCommunity.get(compound.parent_id!)!.stairwells.push({ nodeId: n.id, code: n.code, communityId: compound.parent_id!, address: `${compound.name}${building.name}${n.name}` });
    }
  }
  const categories = await q.query<Category>('SELECT id, code, deadline_amount, deadline_unit, response_hours FROM ticket_categories WHERE active ORDER BY id');
  const weighted = categories.flatMap((c) => Array<Category>(td.TICKET_CATEGORIES[c.code]?.weight ?? 5).fill(c));
  const commissioners = await q.query<Commissioner>('SELECT c.id, c.community_id, c.user_id, p.name FROM commissioners c JOIN people p ON p.id = c.person_id ORDER BY c.id');
  const users = new Map((await q.query<{ id: number; username: string }>('SELECT id, username FROM users')).map((u) => [u.username, u.id]));
  const [open311Key] = await q.query<{ id: number }>('SELECT id FROM open311_api_keys WHERE revoked_at IS NULL ORDER BY id LIMIT 1');
  const calendar = await loadCalendar(q, addDays(today, -TICKET_FIGURES.days - 10));
  const commissionersOf = (communityId: number) => commissioners.filter((c) => c.community_id === communityId);
  const demoCommissioner = commissioners.find((c) => c.user_id !== null && c.user_id === users.get('commissioner1'));
  // The demo accounts' community: community1 reports, confirms and escalates there; elsewhere the secretaries have no account.
  const home = Math.max(0, communities.findIndex((c) => c.id === demoCommissioner?.community_id));
  const secretaryUser = (communityId: number) => (communityId === communities[home]!.id ? (users.get('community1') ?? null) : null);

  // Monthly sessions on the 15th (the next working day when it is not one): the last twelve held, the next one planned.
  const slots: string[] = [];
  for (let m = -TICKET_FIGURES.receptionDays - 1; m <= 1; m++) {
    const base = new Date(`${today.slice(0, 7)}-15T00:00:00Z`);
    base.setUTCMonth(base.getUTCMonth() + m);
    let day = base.toISOString().slice(0, 10);
    while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
    slots.push(day);
  }
  const held = slots.filter((s) => s < today).slice(-TICKET_FIGURES.receptionDays);
  const planned = slots.find((s) => s >= today)!;

  // ── Who, where, when: the fates ──────────────────────────────────────────────
  const randomReport = (): Date => {
    // A little more each month (the channel became known), in China daytime hours.
    for (;;) {
      const back = Math.floor(rand() * TICKET_FIGURES.days);
      if (rand() > (0.8 + 0.4 * (1 - back / TICKET_FIGURES.days)) / 1.2) continue;
      const at = atChina(addDays(today, -back), between(7, 20), between(0, 59));
      if (at.getTime() < now.getTime() - 10 * 60_000) return at;
    }
  };
  const fates: Fate[] = [];
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * HOUR);
  // The demo commissioner's own open work, one in each status, and one overdue.
  if (demoCommissioner) {
    const mine = { communityIndex: home, owner: demoCommissioner };
    fates.push({ ...mine, reportedAt: ago(0, 3), stop: 'assigned' }, { ...mine, reportedAt: ago(0, 20), stop: 'accepted' }, { ...mine, reportedAt: ago(2), stop: 'in_progress' });
    fates.push({ ...mine, reportedAt: ago(16), stop: 'in_progress' }, { ...mine, reportedAt: ago(3), stop: 'handled' }, { ...mine, reportedAt: ago(4), stop: 'confirmed' });
  }
  // Hotline cases nobody could place yet: the subdistricts' triage queue.
  for (let i = 0; i < 4; i++) fates.push({ reportedAt: ago(i * 0.7, 2 + i), triage: true, stop: 'reported' });
  // Stuck: accepted or in progress, long past the deadline.
  for (let i = 0; i < 24; i++) fates.push({ reportedAt: ago(between(20, 90), between(0, 10)), stop: rand() < 0.3 ? 'accepted' : 'in_progress' });
  // Escalated (书记直通车): decided by a held session, or pending on the planned one's agenda.
  // A few decisions hand the ticket to the community's commissioner who can sign in (commissioner1, commissioner2),
  // from a colleague without an account: sessions 1, 3, 5, 7 and 9, long enough ago for the new owner to have finished.
  const accountHolders = [demoCommissioner, commissioners.find((c) => c.user_id !== null && c.user_id === users.get('commissioner2'))].filter((c) => c !== undefined);
  held.forEach((day, sessionIndex) => {
    for (let i = between(2, 4); i > 0; i--) fates.push({ reportedAt: atChina(addDays(day, -between(15, 45)), between(8, 18)), reception: { sessionIndex } });
    const newOwner = sessionIndex % 2 === 1 && sessionIndex < 10 ? accountHolders[((sessionIndex - 1) / 2) % Math.max(1, accountHolders.length)] : undefined;
    const colleagues = newOwner ? commissionersOf(newOwner.community_id).filter((c) => c.user_id === null) : [];
    if (newOwner && colleagues.length) {
      fates.push({
        reportedAt: atChina(addDays(day, -between(15, 45)), between(8, 18)),
        communityIndex: communities.findIndex((c) => c.id === newOwner.community_id),
        owner: colleagues[sessionIndex % colleagues.length]!,
        reception: { sessionIndex, newOwner },
      });
    }
  });
  for (let i = 0; i < 4; i++) fates.push({ reportedAt: ago(between(12, 40), between(0, 8)), ...(i < 2 ? { communityIndex: home } : {}), stop: 'in_progress', pendingEscalation: true });
  while (fates.length < TICKET_FIGURES.tickets) fates.push({ reportedAt: randomReport() });
  fates.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());

  // Working-day deadlines depend only on the China day of the report: computed once per day and rule.
  const deadlines = new Map<string, Date>();
  const deadlineOf = (at: Date, c: Category): Date => {
    const rule = { amount: c.deadline_amount, unit: c.deadline_unit };
    if (rule.unit === 'hours') return deadlineFrom(at, rule, calendar);
    const key = `${chinaDateOf(at)}/${rule.amount}`;
    return deadlines.get(key) ?? deadlines.set(key, deadlineFrom(at, rule, calendar)).get(key)!;
  };
  // ── Each ticket's life ───────────────────────────────────────────────────────
  let hotlineSeq = 0;
  const tickets: Ticket[] = fates.map((fate, i) => {
    const community = fate.triage ? undefined : communities[fate.communityIndex ?? Math.floor(rand() * communities.length)]!;
    const category = pick(weighted);
    const texts = td.TICKET_CATEGORIES[category.code] ?? td.TICKET_CATEGORIES.other!;
    const r = rand();
    let source: TicketSource = fate.triage ? 'hotline' : r < 0.33 ? 'community_report' : r < 0.63 ? 'resident_report' : r < 0.89 ? 'hotline' : r < 0.95 ? 'reception_day' : 'open311';
    if (source === 'open311' && !open311Key) source = 'resident_report';
    let place: Place;
    if (community) {
      const ps = placesByCommunity.get(community.id)!;
      const level = rand();
      place = level < 0.55 && ps.stairwells.length ? pick(ps.stairwells) : level < 0.9 && ps.compounds.length ? pick(ps.compounds) : { nodeId: community.id, code: community.code, communityId: community.id, address: `${community.name}${pick(['辖区主干道', '党群服务中心周边', '农贸市场周边'])}` };
    } else {
      const sub = subdistricts[i % subdistricts.length]!;
      place = { nodeId: sub.id, code: sub.code, communityId: 0, address: `${sub.name}${pick(['某小区', '银城路附近', '北环路附近'])}` };
    }
    const cs = community ? commissionersOf(community.id) : [];
    const owner = fate.triage ? null : (fate.owner ?? (demoCommissioner && community?.id === demoCommissioner.community_id && rand() < 0.45 ? demoCommissioner : cs.length ? pick(cs) : null));
    const withReporter = source !== 'community_report';
    const reporterPhone = withReporter ? `1700777${pad(i, 4)}` : null;
    const priority: TicketPriority = category.code === 'safety' ? (rand() < 0.6 ? 'urgent' : 'high') : rand() < 0.85 ? 'normal' : rand() < 0.8 ? 'high' : 'urgent';
    const geo = (source === 'resident_report' || source === 'open311') && rand() < 0.7;
    const t: Ticket = {
      fate,
      source,
      category,
      place,
      description: pick(texts.problems),
      reporterName: withReporter && source !== 'hotline' ? `${pick(d.SURNAMES)}${pick(['先生', '女士', '大爷', '阿姨'])}` : null,
      reporterPhone,
      priority,
      lat: geo ? Number((XIAJIN.lat + (rand() - 0.5) * 0.06).toFixed(6)) : null,
      lng: geo ? Number((XIAJIN.lng + (rand() - 0.5) * 0.06).toFixed(6)) : null,
      owner,
      reportedBy: source === 'community_report' && community ? secretaryUser(community.id) : null,
      deadline: deadlineOf(fate.reportedAt, category),
      steps: [],
      externalId: null,
      contentHash: null,
    };
    const reported: Record<string, unknown> = { source };
    if (source === 'hotline') {
      const receivedAt = fate.reportedAt.toISOString();
      t.externalId = `12345-${chinaDateOf(fate.reportedAt).replaceAll('-', '')}-${pad(++hotlineSeq, 5)}`;
      const input = { externalId: t.externalId, content: t.description, category: category.code, address: place.address, ...(fate.triage ? {} : { nodeCode: place.code }), reporterPhone, receivedAt };
      t.contentHash = createHash('sha256').update(stringify(input) ?? '').digest('hex');
      Object.assign(reported, { externalId: t.externalId, receivedAt, category: category.code, nodeCode: fate.triage ? null : place.code, triage: !!fate.triage });
    }
    live(t, reported);
    return t;
  });

  /** The steps of one ticket, in order, up to its stop (if any) and up to now. */
  function live(t: Ticket, reported: Record<string, unknown>): void {
    const f = t.fate;
    const steps = t.steps;
    let status: TicketStatus = 'reported';
    let at = f.reportedAt;
    let ownerUser = t.owner?.user_id ?? null;
    const secretary = secretaryUser(t.place.communityId);
    const push = (kind: TicketEventKind, to: TicketStatus, when: Date, actor: number | null, note: string | null = null, details: Record<string, unknown> = {}) => {
      at = when.getTime() > at.getTime() || steps.length === 0 ? when : later(at, 0);
      steps.push({ kind, from: steps.length === 0 ? null : status, to, at, actor, note, details });
      status = to;
      return f.stop === to;
    };
    // Stopped early: squeezed before now; a pending escalation comes after its last step.
    const stopped = () => {
      fit(t);
      const lastAt = t.steps.at(-1)!.at;
      if (f.pendingEscalation) escalate(t, later(lastAt, Math.min(DAY * between(1, 10), now.getTime() - lastAt.getTime() - HOUR)), held.length);
    };
    if (push('reported', 'reported', at, t.reportedBy, null, reported) || !t.owner) return;
    if (push('assigned', 'assigned', new Date(at.getTime() + 1000), null, null, { commissionerId: t.owner.id, commissionerName: t.owner.name, automatic: true })) return stopped();
    const limit = t.category.response_hours * HOUR;
    if (push('accepted', 'accepted', later(at, rand() < 0.955 ? limit * (0.02 + 0.9 * rand() ** 2) : limit * (1.05 + 1.5 * rand())), ownerUser)) return stopped();
    if (push('started', 'in_progress', later(at, HOUR * (0.2 + 12 * rand())), ownerUser)) return stopped();
    if (rand() < 0.1) push('transferred', status, later(at, HOUR * (1 + 20 * rand())), ownerUser, '需要相关部门配合办理', { department: pick(td.TRANSFER_DEPARTMENTS) });
    if (f.reception) {
      const day = held[f.reception.sessionIndex]!;
      const decidedAt = atChina(day, 10, between(0, 59));
      at = escalate(t, later(at, Math.max(HOUR, atChina(addDays(day, -between(2, 10)), between(9, 17)).getTime() - at.getTime())), f.reception.sessionIndex);
      // The decision follows the reception day API's own rules (decisionEffect), decided on the session's day.
      const newDeadline = rand() < 0.7 ? addDays(day, between(10, 20)) : undefined;
      const newOwner = f.reception.newOwner;
      const effect = decisionEffect(
        { code: '', status, ownerId: t.owner.id, deadline: t.deadline },
        { newOwner: newOwner && { id: newOwner.id, name: newOwner.name, userId: newOwner.user_id, userDisabled: false }, newDeadline },
        day,
      );
      const text = `${pick(td.RECEPTION_DECISIONS)}${newOwner ? `，改由服务专员${newOwner.name}负责` : ''}`;
      const details: Record<string, unknown> = { receptionDay: day, ...effect.details };
      t.escalation!.decision = { at: decidedAt, text, newOwnerId: effect.newOwner?.id ?? null, newDeadline: effect.newDeadline, details };
      push('reception_decided', effect.to, decidedAt, users.get('admin') ?? null, text, details);
      if (effect.newDeadline) t.deadline = effect.newDeadline;
      if (newOwner && effect.newOwner) {
        // 首问负责 passes to the new owner, who accepts it again and carries it on.
        t.owner = newOwner;
        ownerUser = newOwner.user_id;
        push('accepted', 'accepted', later(at, limit * (0.02 + 0.9 * rand() ** 2)), ownerUser);
        push('started', 'in_progress', later(at, HOUR * (0.2 + 12 * rand())), ownerUser);
      }
    }
    // Handled before the deadline, mostly; late by hours to days otherwise.
    const onTime = rand() < 0.925 && t.deadline.getTime() > at.getTime() + HOUR;
    const handledAt = onTime ? later(at, (t.deadline.getTime() - at.getTime()) * (0.1 + 0.85 * rand() ** 1.3)) : later(new Date(Math.max(t.deadline.getTime(), at.getTime())), HOUR * (2 + 120 * rand()));
    const result = pick((td.TICKET_CATEGORIES[t.category.code] ?? td.TICKET_CATEGORIES.other!).results);
    if (push('handled', 'handled', handledAt, ownerUser, result)) return stopped();
    if (!f.stop && rand() < 0.03) {
      push('reopened', 'in_progress', later(at, HOUR * (2 + 48 * rand())), secretary, '居民反映问题仍未解决', { resolved: false, satisfaction: 'unsatisfied' });
      push('handled', 'handled', later(at, DAY * (1 + 3 * rand())), ownerUser, result);
    }
    const s = rand();
    const unresolved = !f.stop && rand() < 0.03;
    const satisfaction: Satisfaction = unresolved ? (rand() < 0.6 ? 'unsatisfied' : 'basically_satisfied') : s < 0.78 ? 'satisfied' : s < 0.945 ? 'basically_satisfied' : 'unsatisfied';
    const comment = pick(unresolved ? td.CONFIRM_COMMENTS.unsatisfied : td.CONFIRM_COMMENTS[satisfaction]);
    const confirmAt = later(at, HOUR * (2 + 70 * rand()));
    if (unresolved) push('closed', 'closed', confirmAt, secretary, comment, { resolved: false, satisfaction });
    else if (!push('confirmed', 'confirmed', confirmAt, secretary, comment, { resolved: true, satisfaction })) push('closed', 'closed', later(at, HOUR * (0.2 + 40 * rand())), secretary);
    if (f.stop) fit(t);
    t.steps = steps.filter((st) => st.at.getTime() <= now.getTime());
  }

  /** A ticket that stops early ends before now: its steps are squeezed towards the report, in order. */
  function fit(t: Ticket): void {
    const start = t.fate.reportedAt.getTime();
    const last = t.steps.at(-1)!.at.getTime();
    const end = now.getTime() - 30 * 60_000;
    if (last <= end) return;
    const factor = (end - start) / (last - start);
    for (const st of t.steps) st.at = new Date(start + (st.at.getTime() - start) * factor);
  }

  /** 书记直通车 to session `session` (an index into held sessions, then the planned one); the status stays. */
  function escalate(t: Ticket, at: Date, session: number): Date {
    const reason = pick(td.ESCALATION_REASONS);
    const by = secretaryUser(t.place.communityId);
    t.escalation = { at, reason, by, session };
    const status = t.steps.at(-1)!.to;
    t.steps.push({ kind: 'escalated', from: status, to: status, at, actor: by, note: reason, details: {} });
    return at;
  }

  // Codes: the China day of the report and its running number, as the intake numbers them.
  const perDay = new Map<string, number>();
  const codes = tickets.map((t) => {
    const day = chinaDateOf(t.fate.reportedAt);
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    return `XJ${day.replaceAll('-', '')}-${pad(n, 4)}`;
  });
  await bulk(q, 'ticket_code_counters', ['day', 'last'], ['date', 'int'], [...perDay]);

  const lastOf = (t: Ticket, match: (s: Step) => boolean) => [...t.steps].reverse().find(match);
  const last = (t: Ticket, kind: TicketEventKind) => lastOf(t, (s) => s.kind === kind);
  const iso = (x: Date | undefined | null) => (x ? x.toISOString() : null);
  const ticketRows = tickets.map((t, i) => {
    const status = t.steps.at(-1)!.to;
    const closed = last(t, 'closed');
    const rated = lastOf(t, (s) => s.kind === 'confirmed' || (s.kind === 'closed' && s.details.resolved === false));
    return [
      codes[i], t.source, t.category.id, t.place.nodeId, t.place.address, t.lat, t.lng, t.description, t.reporterName, t.reporterPhone, t.priority, status,
      // assigned_at: the latest assignment, a reception day's reassignment included (as the decision sets it).
      t.owner?.id ?? null, t.reportedBy, t.deadline, lastOf(t, (s) => s.kind === 'assigned' || (s.kind === 'reception_decided' && s.to === 'assigned'))?.at,
      last(t, 'accepted')?.at, last(t, 'handled')?.at,
      rated?.at, closed?.at, closed ? (closed.details.resolved === false ? 'closed_unresolved' : 'closed_resolved') : null,
      rated?.details.satisfaction ?? null, last(t, 'handled')?.note ?? null, rated?.note ?? null, !!t.escalation, t.escalation?.at,
      t.fate.reportedAt, t.steps.at(-1)!.at, t.externalId, t.contentHash,
    ];
  });
  const ids = (
    await insertCompact(
      q,
      'tickets',
      [
        ['code', 'text'], ['source', 'dict'], ['category_id', 'int'], ['node_id', 'int'], ['address', 'text'], ['lat', 'float8'], ['lng', 'float8'],
        ['description', 'dict'], ['reporter_name', 'dict'], ['reporter_phone', 'text'], ['priority', 'dict'], ['status', 'dict'], ['owner_id', 'int'],
        ['reported_by', 'int'], ['deadline', 'epoch'], ['assigned_at', 'epoch'], ['accepted_at', 'epoch'], ['handled_at', 'epoch'], ['confirmed_at', 'epoch'],
        ['closed_at', 'epoch'], ['outcome', 'dict'], ['satisfaction', 'dict'], ['result_note', 'dict'], ['confirmation_note', 'dict'], ['escalated', 'bool'],
        ['escalated_at', 'epoch'], ['created_at', 'epoch'], ['updated_at', 'epoch'], ['external_id', 'text'], ['content_hash', 'text'],
      ],
      ticketRows,
      'RETURNING id',
    )
  ).map((r) => r.id);

  if (open311Key) {
    const filed = tickets.flatMap((t, i) => (t.source === 'open311' ? [[ids[i], Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join(''), open311Key.id]] : []));
    await bulk(q, 'open311_requests', ['ticket_id', 'token', 'api_key_id'], ['int', 'text', 'int'], filed);
  }

  say('[tickets 2/3] 书记直通车与书记接待日');
  const admin = users.get('admin') ?? null;
  const sessions = [...held.map((day) => ({ day, held: true })), { day: planned, held: false }];
  const escalated = tickets.map((t, i) => ({ t, id: ids[i]!, code: codes[i]! })).filter((x) => x.t.escalation);
  const escalationIds = await bulk(
    q,
    'ticket_escalations',
    ['ticket_id', 'reason', 'escalated_by', 'escalated_at', 'resolved_at'],
    ['int', 'text', 'int', 'timestamptz', 'timestamptz'],
    escalated.map(({ t, id }) => [id, t.escalation!.reason, t.escalation!.by, iso(t.escalation!.at), iso(t.escalation!.decision?.at)]),
    'RETURNING id',
  );
  const sessionIds = await bulk(
    q,
    'reception_days',
    ['node_id', 'day', 'place', 'status', 'minutes', 'held_at', 'created_by', 'created_at', 'updated_at'],
    ['int', 'date', 'text', 'text', 'text', 'timestamptz', 'int', 'timestamptz', 'timestamptz'],
    sessions.map((s, k) => {
      const decided = escalated.filter((x) => x.t.escalation!.session === k).map((x, n) => `${n + 1}. ${x.code}（${x.t.description}）：${x.t.escalation!.decision?.text ?? '待研究'}。`);
      const minutes = s.held ? `书记接待日。会议听取了社区书记关于书记直通车事项的汇报，逐件研究并作出决定：\n${decided.join('\n')}` : null;
      const createdAt = atChina(addDays(s.day, -20), 9);
      return [county!.id, s.day, td.RECEPTION_PLACES[k % td.RECEPTION_PLACES.length], s.held ? 'held' : 'planned', minutes, s.held ? iso(atChina(s.day, 12)) : null, admin, iso(createdAt), iso(s.held ? atChina(s.day, 12) : createdAt)];
    }),
    'RETURNING id',
  );
  const sessionOf = (k: number) => sessionIds[k]!.id;
  const itemIds = await bulk(
    q,
    'reception_day_items',
    ['reception_day_id', 'ticket_id', 'escalation_id', 'added_by', 'created_at', 'decision', 'new_owner_id', 'new_deadline', 'decided_at', 'decided_by'],
    ['int', 'int', 'int', 'int', 'timestamptz', 'text', 'int', 'timestamptz', 'timestamptz', 'int'],
    escalated.map(({ t, id }, n) => {
      const e = t.escalation!;
      return [
        sessionOf(e.session), id, escalationIds[n]!.id, e.by, iso(e.at), e.decision?.text ?? null, e.decision?.newOwnerId ?? null, iso(e.decision?.newDeadline),
        iso(e.decision?.at), e.decision ? admin : null,
      ];
    }),
    'RETURNING id',
  );
  // The timeline names the session and agenda item, known only now.
  escalated.forEach(({ t }, n) => {
    const refs = { escalationId: escalationIds[n]!.id, receptionDayId: sessionOf(t.escalation!.session), itemId: itemIds[n]!.id };
    for (const st of t.steps) {
      if (st.kind === 'escalated') st.details = { escalationId: refs.escalationId, receptionDayId: refs.receptionDayId, receptionDay: sessions[t.escalation!.session]!.day };
      if (st.kind === 'reception_decided') Object.assign(st.details, { receptionDayId: refs.receptionDayId, itemId: refs.itemId });
    }
  });
  const committeeSecretaries = new Map((await q.query<{ node_id: number; secretary_name: string }>("SELECT node_id, secretary_name FROM party_orgs WHERE kind IN ('party_committee','working_committee')")).map((o) => [o.node_id, o.secretary_name]));
  await bulk(
    q,
    'reception_day_attendees',
    ['reception_day_id', 'name', 'role', 'position'],
    ['int', 'text', 'text', 'text'],
    sessions.flatMap((s, k) => {
      const onAgenda = [...new Set(escalated.filter((x) => x.t.escalation!.session === k).map((x) => x.t.place.communityId))];
      return [
        [sessionIds[k]!.id, `${pick(d.SURNAMES)}${pick(d.GIVEN)}`, 'county_leader', td.COUNTY_LEADER_POSITIONS[k % td.COUNTY_LEADER_POSITIONS.length]],
        ...subdistricts.map((sd) => [sessionIds[k]!.id, committeeSecretaries.get(sd.id) ?? `${pick(d.SURNAMES)}${pick(d.GIVEN)}`, 'subdistrict_secretary', `${sd.name}党工委书记`]),
        ...onAgenda.map((c) => [sessionIds[k]!.id, committeeSecretaries.get(c) ?? `${pick(d.SURNAMES)}${pick(d.GIVEN)}`, 'community_secretary', `${byId.get(c)!.name}党委书记`]),
        [sessionIds[k]!.id, `${pick(d.SURNAMES)}${pick(d.GIVEN)}`, 'department', '县住建局副局长'],
      ];
    }),
  );

  say('[tickets 3/3] 时间线');
  await insertCompact(
    q,
    'ticket_events',
    [['ticket_id', 'int'], ['kind', 'dict'], ['from_status', 'dict'], ['to_status', 'dict'], ['actor_user_id', 'int'], ['note', 'dict'], ['details', 'dict>jsonb'], ['at', 'epoch']],
    tickets.flatMap((t, i) => t.steps.map((s) => [ids[i], s.kind, s.from, s.to, s.actor, s.note, JSON.stringify(s.details), s.at])),
  );

  const open = tickets.filter((t) => t.steps.at(-1)!.to !== 'closed');
  const summary: TicketsSummary = {
    tickets: tickets.length,
    openTickets: open.length,
    overdueTickets: open.filter((t) => t.deadline.getTime() < now.getTime()).length,
    escalations: escalated.length,
    receptionDays: held.length,
  };
  await appendAudit(q, { actorUserId: null, actorName: 'system', action: 'seed.tickets', targetType: 'county', targetId: county!.id, nodeId: county!.id, result: 'success', details: { ...summary, plannedReceptionDay: planned } });
  say(`      ${summary.tickets} 件工单（未办结 ${summary.openTickets}，超期 ${summary.overdueTickets}），书记直通车 ${summary.escalations} 件，接待日 ${summary.receptionDays} 次`);
  return summary;
}

/**
 * Like `bulk` (INSERT … SELECT FROM unnest), sending less for PGlite to parse: an `epoch` column
 * (a Date) travels as seconds, a `dict` column (texts that repeat) as indexes into its distinct
 * values, `dict>jsonb` the same with the distinct values cast once. Rows keep their order.
 */
async function insertCompact(q: Queryable, table: string, columns: [name: string, type: string][], rows: unknown[][], returning = ''): Promise<{ id: number }[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [];
  const sent: string[] = [];
  const select: string[] = [];
  columns.forEach(([, type], i) => {
    const values = rows.map((r) => r[i] ?? null);
    if (type === 'epoch') {
      params.push(values.map((v) => (v === null ? null : (v as Date).getTime() / 1000)));
      sent.push(`$${params.length}::float8[]`);
      select.push(`to_timestamp(c${i})`);
    } else if (type.startsWith('dict')) {
      const distinct = new Map<unknown, number>();
      params.push(values.map((v) => (v === null ? null : distinct.get(v) ?? distinct.set(v, distinct.size + 1).get(v)!)));
      sent.push(`$${params.length}::int[]`);
      params.push([...distinct.keys()]);
      select.push(`($${params.length}::${type.split('>')[1] ?? 'text'}[])[c${i}]`);
    } else {
      params.push(values);
      sent.push(`$${params.length}::${type}[]`);
      select.push(`c${i}`);
    }
  });
  return q.query(
    `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')})
     SELECT ${select.join(', ')} FROM unnest(${sent.join(', ')}) AS u(${columns.map((_, i) => `c${i}`).join(', ')}) ${returning}`,
    params,
  );
}
