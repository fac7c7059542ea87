import { titleBigrams, type ConsultationStep, type MeetingForm, type MeetingGroup, type TopicEventKind, type TopicSource, type TopicStatus } from '@xj/contracts';
import type { Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { bulk } from './people-seed.js';
import * as d from './xiajin-data.js';
import * as cd from './consultations-data.js';

/**
 * A year of consultation (商量) over the demo county at its real scale (90+ meetings, 400+
 * attendances): a 商量办公室 in every community and a few compounds; ~150 topics in every
 * allowed category and every step of the five-step method, most evaluated, some screened out
 * (不议事项) with the reason, a few closed or still screening; their options, decisions
 * (mostly by a held meeting, some recorded, a few by online vote), tasks and timeline in
 * order; verified residents who supported, commented (a few hidden), answered questionnaires,
 * voted and rated. Every row is consistent with the step exit rules. Written in bulk.
 */
export const CONSULTATION_FIGURES = {
  rejected: 15,
  screening: 7,
  closed: 6,
  active: { collect: 10, propose: 8, deliberate: 12, implement: 14, evaluate: 8 } as Record<ConsultationStep, number>,
  evaluated: 70,
  residents: 320,
  prngSeed: 20261128,
  /** Fictitious ranges (see README): verified residents, and phones staff entered with an attendance or an office. */
  residentPhonePrefix: '1700888',
  contactPhonePrefix: '1700886',
};

export interface ConsultationsSummary {
  offices: number;
  topics: number;
  heldMeetings: number;
  attendances: number;
  residents: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STEPS: ConsultationStep[] = ['collect', 'propose', 'deliberate', 'implement', 'evaluate'];
const STEP_ZH: Record<ConsultationStep, string> = { collect: '问诉求', propose: '提方案', deliberate: '议事项', implement: '快办理', evaluate: '评效果' };

type Det = Record<string, unknown>;
/** Ids known only once written: an event's details name options, meetings and tasks by index. */
interface Ids {
  option: (i: number) => number;
  meeting: (i: number) => number;
  task: (i: number) => number;
}
interface Ev {
  kind: TopicEventKind;
  step: ConsultationStep | null;
  from: TopicStatus | null;
  to: TopicStatus;
  at: number;
  note: string | null;
  details: (ids: Ids) => Det;
}
interface Meeting {
  form: MeetingForm;
  officeId: number | null;
  startsAt: number;
  endsAt: number;
  place: string;
  groups: MeetingGroup[];
  status: 'planned' | 'held' | 'cancelled';
  minutes: string | null;
  decision: string | null;
  optionIdx: number | null;
  heldAt: number | null;
  cancelReason: string | null;
  cancelledAt: number | null;
  createdAt: number;
  updatedAt: number;
  token: string;
  attendees: { residentIdx: number | null; name: string | null; group: MeetingGroup | null; phone: string | null; at: number }[];
}
interface Topic {
  title: string;
  description: string;
  nodeId: number;
  communityIndex: number;
  source: TopicSource;
  ticketId: number | null;
  raisedByName: string | null;
  raisedByPhone: string | null;
  raisedByResident: number | null;
  createdBy: number | null;
  status: TopicStatus;
  step: ConsultationStep | null;
  categoryId: number | null;
  rejectionReason: string | null;
  screenedAt: number | null;
  decision: string | null;
  decisionOptionIdx: number | null;
  decisionSource: 'recorded' | 'meeting' | 'vote' | null;
  decisionMeetingIdx: number | null;
  decidedAt: number | null;
  outcome: string | null;
  reviewDate: string | null;
  evaluatedAt: number | null;
  closedReason: string | null;
  closedAt: number | null;
  createdAt: number;
  updatedAt: number;
  actor: number | null;
  steps: { step: ConsultationStep; start: number; end: number | null; responsible: string | null; record: string | null }[];
  options: { title: string; description: string; cost: number; at: number }[];
  tasks: { title: string; owner: string; deadline: string; progress: number; at: number; updatedAt: number }[];
  meetings: Meeting[];
  events: Ev[];
  questionnaire: { at: number; text: string; choices: string[]; answers: { r: number; choice: number; at: number }[] } | null;
  vote: { opensAt: number; closesAt: number; closedAt: number | null; ballots: { r: number; optionIdx: number; at: number }[] } | null;
  supports: { r: number; at: number }[];
  comments: { r: number; body: string; step: ConsultationStep; at: number; hidden: { reason: string; at: number } | null; reports: { r: number; reason: string; at: number }[] }[];
  ratings: { r: number; score: number; comment: string | null; at: number }[];
  notices: { r: number; kind: 'topic_rejected' | 'topic_accepted' | 'comment_hidden'; commentIdx: number | null; text: string; at: number }[];
}

/** What one topic becomes: its final status and, when active or closed, the step it is in or stopped at. */
interface Plan {
  status: TopicStatus;
  step: ConsultationStep | null;
  decision?: 'meeting' | 'recorded' | 'vote' | 'pending' | 'planned' | 'openVote';
  secondMeeting?: boolean;
  cancelledMeeting?: boolean;
}

export async function seedConsultations(q: Queryable, say: (m: string) => void): Promise<ConsultationsSummary> {
  // Its own generator: what the earlier seeds draw varies with the day of seeding, these figures should not.
  const rand = d.rng(CONSULTATION_FIGURES.prngSeed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const now = Date.now();
  const personName = () => pick(d.SURNAMES) + pick(d.GIVEN);
  /** The same day at an office hour (China time, 8:30–17:30), never before `after`; in the past unless `ahead`. */
  const officeHour = (ms: number, after: number, ahead = false) => {
    const dayStart = Math.floor((ms + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
    const v = Math.max(dayStart + 8.5 * HOUR + Math.floor(rand() * 9 * 60) * 60_000, after + 5 * 60_000);
    // Never in the future: what would be is squeezed into the last minutes, still in order.
    return !ahead && v > now - 10 * 60_000 ? Math.max(after + 1000, now - 10 * 60_000) : v;
  };
  const past = (ms: number) => Math.min(ms, now - 60_000);
  const chinaDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
  const sample = (n: number, k: number): number[] => {
    const xs = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < Math.min(k, n); i++) {
      const j = i + Math.floor(rand() * (n - i));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs.slice(0, Math.min(k, n));
  };
  const tokens = new Set<string>();
  const token = () => {
    for (;;) {
      const t = Buffer.from(Array.from({ length: 16 }, () => Math.floor(rand() * 256))).toString('base64url');
      if (!tokens.has(t)) return tokens.add(t), t;
    }
  };

  say('[consultations 1/3] 商量办公室与云商量居民');
  const [county] = await q.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'county' ORDER BY id LIMIT 1");
  const communities = await q.query<{ id: number; name: string; path: string }>("SELECT id, name, path FROM nodes WHERE kind = 'community' ORDER BY id");
  const compounds = await q.query<{ id: number; name: string; parent_id: number }>("SELECT id, name, parent_id FROM nodes WHERE kind = 'compound' ORDER BY id");
  const users = new Map((await q.query<{ id: number; username: string }>('SELECT id, username FROM users')).map((u) => [u.username, u.id]));
  const categories = await q.query<{ id: number; code: string; name: string; kind: 'allowed' | 'excluded' }>('SELECT id, code, name, kind FROM agenda_categories WHERE active ORDER BY sort, id');
  const committeeSecretary = new Map((await q.query<{ node_id: number; secretary_name: string }>("SELECT node_id, secretary_name FROM party_orgs WHERE kind = 'party_committee'")).map((o) => [o.node_id, o.secretary_name]));
  const branchSecretary = new Map(
    (await q.query<{ compound_id: number; secretary_name: string }>("SELECT bc.compound_id, o.secretary_name FROM branch_compounds bc JOIN party_orgs o ON o.id = bc.branch_id")).map((o) => [o.compound_id, o.secretary_name]),
  );
  // A closed ticket of each community, for the few topics that came from a ticket.
  const ticketOf = new Map(
    (
      await q.query<{ community_id: number; ticket: { id: number; code: string } | null }>(
        `SELECT c.id AS community_id,
                (SELECT json_build_object('id', tk.id, 'code', tk.code) FROM tickets tk JOIN nodes n ON n.id = tk.node_id
                  WHERE n.path LIKE c.path || '%' AND tk.status = 'closed' ORDER BY tk.id DESC LIMIT 1) AS ticket
           FROM nodes c WHERE c.kind = 'community'`,
      )
    ).map((r) => [r.community_id, r.ticket]),
  );
  const compoundsOf = communities.map((c) => compounds.filter((x) => x.parent_id === c.id));
  const admin = users.get('admin') ?? null;
  const community1 = users.get('community1') ?? null;
  // Staff with an account act in 府前社区 (community1's); elsewhere the staff who acted have none.
  const actorFor = (ci: number) => (ci === 0 ? community1 : null);

  const officeRows: unknown[][] = [];
  const officeOfNode = new Map<number, { name: string; venue: string }>();
  communities.forEach((c, i) => {
    const name = `${c.name}“商量”办公室`;
    const venue = i % 4 === 3 ? `${c.name}红色驿站` : `${c.name}党群服务中心`;
    officeOfNode.set(c.id, { name, venue });
    officeRows.push([name, c.id, venue, `夏津县${cd.STREETS[i % cd.STREETS.length]}${between(2, 188)}号`, pick(cd.OFFICE_HOURS), committeeSecretary.get(c.id) ?? personName(), `${CONSULTATION_FIGURES.contactPhonePrefix}${pad(i + 1, 4)}`]);
  });
  // A few compounds host their own 商量点 at the red station (not in 府前社区, whose branch tests list its own).
  for (const ci of [2, 5, 8, 11, 14]) {
    const x = compoundsOf[ci]?.[0];
    if (!x) continue;
    const name = `${x.name}红色驿站商量点`;
    officeOfNode.set(x.id, { name, venue: `${x.name}红色驿站` });
    officeRows.push([name, x.id, `${x.name}红色驿站`, null, pick(cd.COMPOUND_OFFICE_HOURS), branchSecretary.get(x.id) ?? personName(), `${CONSULTATION_FIGURES.contactPhonePrefix}${pad(100 + ci, 4)}`]);
  }
  const officeIds = await bulk(
    q,
    'consultation_offices',
    ['name', 'node_id', 'venue', 'address', 'opening_hours', 'contact_name', 'contact_phone', 'created_at', 'updated_at'],
    ['text', 'int', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'timestamptz'],
    officeRows.map((r) => [...r, new Date(now - 400 * DAY).toISOString(), new Date(now - 400 * DAY).toISOString()]),
    'RETURNING id',
  );
  const officeIdOfNode = new Map([...officeOfNode.keys()].map((nodeId, i) => [nodeId, officeIds[i]!.id]));

  const residentPhones = Array.from({ length: CONSULTATION_FIGURES.residents }, (_, i) => `${CONSULTATION_FIGURES.residentPhonePrefix}${pad(i + 1, 4)}`);
  const residentSince = residentPhones.map(() => now - between(370, 400) * DAY);
  const residentIds = (
    await bulk(
      q,
      'residents',
      ['phone', 'created_at', 'last_verified_at'],
      ['text', 'timestamptz', 'timestamptz'],
      residentPhones.map((p, i) => [p, new Date(residentSince[i]!).toISOString(), new Date(now - between(1, 60) * DAY).toISOString()]),
      'RETURNING id',
    )
  ).map((r) => r.id);
  const R = residentIds.length;

  say('[consultations 2/3] 议题、五步工作法与商量会议');
  const plans: Plan[] = [];
  for (let i = 0; i < CONSULTATION_FIGURES.rejected; i++) plans.push({ status: 'rejected', step: null });
  for (let i = 0; i < CONSULTATION_FIGURES.screening; i++) plans.push({ status: 'screening', step: null });
  const closedAt: ConsultationStep[] = ['collect', 'collect', 'propose', 'deliberate', 'propose', 'collect'];
  for (let i = 0; i < CONSULTATION_FIGURES.closed; i++) plans.push({ status: 'closed', step: closedAt[i % closedAt.length]! });
  const pending: Plan['decision'][] = ['meeting', 'meeting', 'meeting', 'meeting', 'planned', 'planned', 'planned', 'openVote', 'planned', 'pending', 'pending', 'pending'];
  for (const step of STEPS) {
    for (let i = 0; i < CONSULTATION_FIGURES.active[step]; i++) {
      if (step === 'deliberate') plans.push({ status: 'active', step, decision: pending[i % pending.length], cancelledMeeting: i === 8 });
      else plans.push({ status: 'active', step });
    }
  }
  for (let i = 0; i < CONSULTATION_FIGURES.evaluated; i++) plans.push({ status: 'evaluated', step: null });
  // Every topic that passed 议事项: a few decided by online vote, some recorded by hand, most by a meeting.
  let passed = 0;
  for (const p of plans) {
    if (!(p.status === 'evaluated' || (p.status === 'active' && (p.step === 'implement' || p.step === 'evaluate')))) continue;
    const k = passed++;
    p.decision = k % 18 === 5 ? 'vote' : k % 9 === 2 ? 'recorded' : 'meeting';
    p.secondMeeting = p.decision === 'meeting' && k % 6 === 1;
    p.cancelledMeeting = k % 17 === 3;
  }

  const allowed = categories.filter((c) => c.kind === 'allowed' && cd.TOPIC_TEMPLATES[c.code]);
  const excluded = categories.filter((c) => c.kind === 'excluded' && cd.REJECTED_TEMPLATES[c.code]);
  const communityOrder = sample(communities.length, communities.length);
  const templateUse = new Map<string, number>();
  const topics: Topic[] = plans.map((plan, n) => {
    const ci = communityOrder[n % communities.length]!;
    const community = communities[ci]!;
    const mine = compoundsOf[ci]!;
    const compound = mine.length && rand() < 0.8 ? pick(mine) : null;
    const nodeId = compound?.id ?? community.id;
    const atPlace = compound ? compound.name : community.name;
    const b = String(between(1, 12));
    const fill = (s: string) => s.replaceAll('{b}', b);
    const actor = actorFor(ci);
    const secretary = (compound && branchSecretary.get(compound.id)) || committeeSecretary.get(community.id) || personName();
    const responsible: Record<ConsultationStep, string | null> = { collect: secretary, propose: null, deliberate: pick(cd.RESPONSIBLE_DELIBERATE), implement: secretary, evaluate: null };
    const rejected = plan.status === 'rejected';
    const category = rejected ? excluded[n % excluded.length]! : allowed[n % allowed.length]!;
    const used = templateUse.get(category.code) ?? 0;
    templateUse.set(category.code, used + 1);
    const tpl = rejected ? null : cd.TOPIC_TEMPLATES[category.code]![used % cd.TOPIC_TEMPLATES[category.code]!.length]!;
    const rej = rejected ? cd.REJECTED_TEMPLATES[category.code]![used % cd.REJECTED_TEMPLATES[category.code]!.length]! : null;
    const title = fill(tpl?.title ?? rej!.title);

    // Source: residents (phone page) most often; a ticket only for concluded topics (one open topic per ticket).
    const r = rand();
    let source: TopicSource = r < 0.3 ? 'resident' : r < 0.5 ? 'steward' : r < 0.7 ? 'branch' : 'community';
    if (plan.status === 'evaluated' && n % 11 === 4 && ticketOf.get(community.id)) source = 'ticket';
    if (source === 'branch' && !compound) source = 'community';
    const raisedByResident = source === 'resident' ? between(0, R - 1) : null;

    // Durations (days) of screening and each step, then the start so that the timeline ends in the past.
    const dur = { screening: 0.3 + rand() * 3, collect: 5 + rand() * 15, propose: 4 + rand() * 10, deliberate: 5 + rand() * 15, implement: 10 + rand() * 50, evaluate: 7 + rand() * 18 };
    const stopIndex = plan.status === 'evaluated' ? 5 : plan.step ? STEPS.indexOf(plan.step) : -1;
    let span = dur.screening + STEPS.slice(0, Math.max(0, stopIndex)).reduce((s, st) => s + dur[st], 0);
    let t0: number;
    if (plan.status === 'screening') t0 = now - (0.2 + rand() * 5) * DAY;
    else if (plan.status === 'rejected') t0 = now - (5 + rand() * 340) * DAY;
    else if (plan.status === 'active') t0 = now - (span + 1 + rand() * Math.min(dur[plan.step!], plan.step === 'deliberate' ? 4 : 12)) * DAY;
    else {
      if (plan.status === 'closed') span += 2 + rand() * 6;
      t0 = now - (span + 3 + rand() * Math.max(5, 345 - span)) * DAY;
    }
    const raisedAt = officeHour(t0, t0 - DAY);

    const topic: Topic = {
      title, description: fill(tpl?.description ?? rej!.description), nodeId, communityIndex: ci, source,
      ticketId: source === 'ticket' ? ticketOf.get(community.id)!.id : null,
      raisedByName: source === 'resident' ? null : source === 'steward' ? personName() : source === 'branch' ? secretary : null,
      raisedByPhone: raisedByResident !== null ? residentPhones[raisedByResident]! : null,
      raisedByResident, createdBy: source === 'resident' ? null : actor,
      status: plan.status, step: plan.status === 'active' ? plan.step : null, categoryId: plan.status === 'screening' ? null : category.id,
      rejectionReason: rej?.reason ?? null, screenedAt: null, decision: null, decisionOptionIdx: null, decisionSource: null, decisionMeetingIdx: null,
      decidedAt: null, outcome: null, reviewDate: null, evaluatedAt: null, closedReason: null, closedAt: null, createdAt: raisedAt, updatedAt: raisedAt,
      actor, steps: [], options: [], tasks: [], meetings: [], events: [], questionnaire: null, vote: null, supports: [], comments: [], ratings: [], notices: [],
    };
    let at = raisedAt;
    const ev = (kind: TopicEventKind, step: ConsultationStep | null, from: TopicStatus | null, to: TopicStatus, note: string | null, details: (ids: Ids) => Det, when = at) => {
      topic.events.push({ kind, step, from, to, at: when, note, details });
    };
    const later = (days: number) => (at = officeHour(at + days * DAY, at));
    ev('raised', null, null, 'screening', null, () => ({ source, ticketId: topic.ticketId, ticketCode: source === 'ticket' ? ticketOf.get(community.id)!.code : null }));
    if (plan.status === 'screening') return topic;

    later(dur.screening);
    topic.screenedAt = at;
    if (rejected) {
      ev('rejected', null, 'screening', 'rejected', rej!.reason, () => ({ categoryId: category.id, category: category.name }));
      if (raisedByResident !== null) topic.notices.push({ r: raisedByResident, kind: 'topic_rejected', commentIdx: null, text: `您提出的议题“${title}”经审查不予议事：${rej!.reason}`, at });
      topic.updatedAt = at;
      return topic;
    }
    ev('accepted', 'collect', 'screening', 'active', null, () => ({ categoryId: category.id, category: category.name, responsible: secretary }));
    if (raisedByResident !== null) topic.notices.push({ r: raisedByResident, kind: 'topic_accepted', commentIdx: null, text: `您提出的议题“${title}”已通过审查，进入“问诉求”阶段。`, at });
    const t = tpl!;
    const stop = plan.status === 'closed' ? STEPS.indexOf(plan.step!) : stopIndex;
    const comment = (step: ConsultationStep, from: number, to: number) => {
      if (rand() < 0.45) return;
      const when = past(from + rand() * Math.max(HOUR, to - from));
      topic.comments.push({ r: between(0, R - 1), body: pick(cd.COMMENTS), step, at: when, hidden: null, reports: [] });
    };

    for (let s = 0; s <= Math.min(stop, 4); s++) {
      const step = STEPS[s]!;
      const start = at;
      const row = { step, start, end: null as number | null, responsible: responsible[step], record: null as string | null };
      topic.steps.push(row);
      const leaving = s < stop || plan.status === 'evaluated';
      const end = start + dur[step] * DAY;
      const stepEnd = leaving ? end : plan.status === 'closed' ? start + (1 + rand() * 3) * DAY : Math.min(end, now - HOUR);
      if (step === 'collect') {
        if (t.question && rand() < 0.7) {
          const qAt = officeHour(start + DAY, start);
          topic.questionnaire = { at: qAt, text: t.question.text, choices: t.question.choices, answers: [] };
          ev('questionnaire_set', 'collect', 'active', 'active', null, () => ({ questions: 1 }), qAt);
          for (const r of sample(R, between(6, 20))) {
            const when = past(qAt + rand() * Math.max(HOUR, stepEnd - qAt));
            topic.questionnaire.answers.push({ r, choice: rand() < 0.65 ? 0 : between(1, t.question.choices.length - 1), at: when });
          }
        }
        for (const r of sample(R, between(3, 16))) topic.supports.push({ r, at: past(start + rand() * Math.max(HOUR, stepEnd - start)) });
        if (leaving) row.record = `通过${pick(cd.COLLECT_WAYS)}和${pick(cd.COLLECT_WAYS)}，共收集居民意见${between(12, 86)}条。主要诉求：${t.demand}。`;
      }
      if (step === 'propose') {
        const options = t.options.slice(0, Math.max(1, Math.min(t.options.length, between(1, 3))));
        options.forEach(([title, description, cost], k) => {
          const oAt = officeHour(start + (k + 0.5) * (dur.propose / (options.length + 1)) * DAY, at);
          if (!leaving && oAt > stepEnd) return;
          at = oAt;
          const idx = topic.options.length;
          topic.options.push({ title, description, cost: Math.round(cost * (0.85 + rand() * 0.3) / 100) * 100, at });
          ev('option_added', 'propose', 'active', 'active', title, (ids) => ({ optionId: ids.option(idx), cost: topic.options[idx]!.cost }));
        });
        if ((plan.decision === 'vote' || plan.decision === 'openVote') && topic.options.length < 2) {
          topic.options.push({ title: '维持现状，暂不实施', description: '不实施本议题，保持现状', cost: 0, at });
          const idx = topic.options.length - 1;
          ev('option_added', 'propose', 'active', 'active', '维持现状，暂不实施', (ids) => ({ optionId: ids.option(idx), cost: 0 }));
        }
        if (leaving && topic.options.length === 0) {
          const [title, description, cost] = t.options[0]!;
          topic.options.push({ title, description, cost, at });
          ev('option_added', 'propose', 'active', 'active', title, (ids) => ({ optionId: ids.option(0), cost }));
        }
        if (leaving) row.record = `围绕居民诉求形成${topic.options.length}个方案，已在公示栏和云商量公示征求意见。`;
      }
      if (step === 'deliberate') {
        deliberate(topic, plan, start, stepEnd, atPlace, compound?.id ?? null, community.id);
        at = Math.max(at, ...topic.events.map((e) => e.at));
        if (leaving) row.record = `议事决定：${topic.decision}`;
      }
      if (step === 'implement') {
        const owners = [secretary, '物业公司', personName(), '红色管家'];
        const tasks = t.tasks;
        tasks.forEach((title, k) => {
          const tAt = officeHour(start + k * 0.1 * DAY + HOUR, at);
          at = tAt;
          const done = leaving || rand() < 0.3;
          const progress = done ? 100 : pick([0, 20, 30, 50, 60, 80]);
          const idx = topic.tasks.length;
          const deadline = chinaDate(start + dur.implement * DAY * ((k + 1) / tasks.length) + 3 * DAY);
          const updatedAt = progress > 0 ? officeHour(Math.min(start + dur.implement * DAY * ((k + 0.8) / tasks.length), leaving ? end - DAY : now - HOUR), tAt) : tAt;
          topic.tasks.push({ title, owner: owners[k % owners.length]!, deadline, progress, at: tAt, updatedAt });
          ev('task_added', 'implement', 'active', 'active', title, (ids) => ({ taskId: ids.task(idx), title, ownerName: topic.tasks[idx]!.owner, deadline, progress: 0 }));
          if (progress > 0) {
            ev('task_updated', 'implement', 'active', 'active', null, (ids) => ({ taskId: ids.task(idx), title, changes: { progress: { from: 0, to: progress } } }), updatedAt);
          }
        });
        at = Math.max(at, ...topic.tasks.map((x) => x.updatedAt));
        if (leaving) row.record = `${tasks.join('、')}均已完成，办理结果在小区公示栏公示。`;
      }
      if (step === 'evaluate') {
        for (const r of sample(R, between(3, 10))) {
          const x = rand();
          const score = x < 0.58 ? 5 : x < 0.88 ? 4 : x < 0.97 ? 3 : x < 0.99 ? 2 : 1;
          topic.ratings.push({ r, score, comment: rand() < 0.4 ? (score >= 4 ? pick(cd.RATING_COMMENTS.slice(0, 4)) : pick(cd.RATING_COMMENTS.slice(4))) : null, at: past(start + rand() * Math.max(HOUR, stepEnd - start)) });
        }
      }
      comment(step, start, stepEnd);
      comment(step, start, stepEnd);
      if (!leaving) break;
      // Leave the step: its record, then the next one opens (or the topic concludes).
      at = officeHour(Math.max(end, at + HOUR), at);
      row.end = at;
      if (s < 4) {
        const next = STEPS[s + 1]!;
        if (plan.status === 'closed' && s + 1 > stop) break;
        ev('advanced', next, 'active', 'active', row.record, () => ({ from: step, to: next, fromLabel: STEP_ZH[step], toLabel: STEP_ZH[next], responsible: responsible[next] }));
      } else {
        topic.outcome = t.outcome;
        topic.evaluatedAt = at;
        topic.reviewDate = chinaDate(at + between(90, 180) * DAY);
        const reviewDate = topic.reviewDate;
        ev('evaluated', null, 'active', 'evaluated', t.outcome, () => ({ from: 'evaluate', reviewDate }));
      }
    }
    if (plan.status === 'closed') {
      const open = topic.steps.at(-1)!;
      at = officeHour(Math.max(at + HOUR, open.start + (1 + rand() * 3) * DAY), at);
      open.end = at;
      topic.closedReason = cd.CLOSE_REASONS[n % cd.CLOSE_REASONS.length]!;
      topic.closedAt = at;
      ev('closed', null, 'active', 'closed', topic.closedReason, () => ({ atStep: open.step }));
    }

    // A few comments hidden by a moderator (reported first), their authors told why.
    topic.comments.sort((a, b) => a.at - b.at);
    topic.events.sort((a, b) => a.at - b.at);
    if (n % 23 === 6 && topic.comments.length) {
      const [body, reason] = cd.HIDDEN_COMMENTS[n % cd.HIDDEN_COMMENTS.length]!;
      const c = topic.comments[0]!;
      c.body = body;
      const hiddenAt = past(c.at + between(2, 20) * HOUR);
      c.reports = sample(R, between(1, 3)).filter((r) => r !== c.r).map((r, k) => ({ r, reason: pick(cd.REPORT_REASONS), at: c.at + ((k + 1) * (hiddenAt - c.at)) / 5 }));
      c.hidden = { reason, at: hiddenAt };
      const status: TopicStatus = topic.events.filter((e) => e.at <= hiddenAt).at(-1)!.to;
      ev('comment_hidden', c.step, status, status, reason, () => ({ reason }), hiddenAt);
      topic.notices.push({ r: c.r, kind: 'comment_hidden', commentIdx: 0, text: `您在议题“${title}”下的留言已被隐藏，原因：${reason}`, at: hiddenAt });
    } else if (n % 17 === 9 && topic.comments.length) {
      topic.comments[0]!.reports.push({ r: (topic.comments[0]!.r + 1) % R, reason: pick(cd.REPORT_REASONS), at: past(topic.comments[0]!.at + DAY) });
    }
    topic.events.sort((a, b) => a.at - b.at);
    topic.updatedAt = Math.max(...topic.events.map((e) => e.at));
    return topic;
  });

  /** 议事项: meetings planned, cancelled and held, an online vote, or a decision recorded by hand. */
  function deliberate(topic: Topic, plan: Plan, start: number, stepEnd: number, atPlace: string, compoundId: number | null, communityId: number): void {
    const officeNode = compoundId !== null && officeIdOfNode.has(compoundId) ? compoundId : communityId;
    const office = officeOfNode.get(officeNode)!;
    const ev = (kind: TopicEventKind, at: number, note: string | null, details: (ids: Ids) => Det) =>
      topic.events.push({ kind, step: 'deliberate', from: 'active', to: 'active', at, note, details });
    // The first option is the one the template's tasks and outcome carry out.
    const optionIdx = () => (topic.options.length ? 0 : null);
    const decisionText = (k: number | null) => `经协商，${k === null ? '同意按居民意见办理' : `同意采用“${topic.options[k]!.title}”`}，${pick(cd.DECISION_TAILS)}。`;
    const span = Math.max(2 * HOUR, stepEnd - start);
    const meeting = (startsAt: number, createdAt: number, status: Meeting['status']): number => {
      const r = rand();
      const form: MeetingForm = r < 0.45 ? 'onsite' : r < 0.8 ? 'roundtable' : 'online';
      const groups: MeetingGroup[] = ['resident_reps', ...(rand() < 0.7 ? (['stewards'] as const) : []), ...(rand() < 0.5 ? (['property_company'] as const) : []), ...(rand() < 0.5 ? (['commissioners'] as const) : []), ...(rand() < 0.25 ? (['deputies'] as const) : [])];
      const place = form === 'online' ? pick(cd.ONLINE_PLACES) : form === 'onsite' ? `${atPlace}${pick(['楼前空地', '中心广场', '现场'])}` : office.venue;
      const m: Meeting = {
        form, officeId: form === 'online' ? null : officeIdOfNode.get(officeNode)!, startsAt, endsAt: startsAt + between(1, 2) * HOUR, place, groups, status,
        minutes: null, decision: null, optionIdx: null, heldAt: null, cancelReason: null, cancelledAt: null, createdAt, updatedAt: createdAt, token: token(), attendees: [],
      };
      topic.meetings.push(m);
      const idx = topic.meetings.length - 1;
      ev('meeting_planned', createdAt, `${{ onsite: '现场商量', roundtable: '圆桌会议', online: '线上商量' }[form]}：${place}`, (ids) => ({
        meetingId: ids.meeting(idx), form, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(m.endsAt).toISOString(), place, officeId: m.officeId, office: m.officeId ? office.name : null, invitedGroups: groups,
      }));
      return idx;
    };
    const hold = (idx: number, decision: string, k: number | null) => {
      const m = topic.meetings[idx]!;
      m.status = 'held';
      m.heldAt = m.endsAt;
      m.updatedAt = m.endsAt;
      m.decision = decision;
      m.optionIdx = k;
      const staff = m.form === 'online' ? between(3, 4) : m.form === 'roundtable' ? between(3, 5) : between(3, 6);
      for (let i = 0; i < staff; i++) {
        const group = i === 0 ? 'resident_reps' : (pick(cd.ATTENDEE_GROUPS_WEIGHTED) as MeetingGroup);
        m.attendees.push({ residentIdx: null, name: personName(), group, phone: rand() < 0.3 ? `${CONSULTATION_FIGURES.contactPhonePrefix}${pad(between(1000, 9999), 4)}` : null, at: m.startsAt + i * 60_000 });
      }
      if (m.form !== 'online') for (const r of sample(R, between(0, 2))) m.attendees.push({ residentIdx: r, name: null, group: null, phone: null, at: m.startsAt - between(1, 30) * 60_000 });
      m.attendees.sort((a, b) => a.at - b.at);
      const present = m.attendees.flatMap((a) => (a.name ? [a.name] : [])).slice(0, 4).join('、');
      m.minutes = `${pick(cd.MINUTES_OPENINGS)}，${present}等${m.attendees.length}人参加。议题：${topic.title}。${pick(cd.MINUTES_MIDDLES)}；${pick(cd.MINUTES_MIDDLES)}。会议决定：${decision}`;
      const replaced = topic.decision !== null;
      ev('decided', m.heldAt, decision, (ids) => ({ optionId: k === null ? null : ids.option(k), option: k === null ? null : topic.options[k]!.title, replaced, source: 'meeting', meetingId: ids.meeting(idx) }));
      ev('meeting_held', m.heldAt + 1000, decision, (ids) => ({ meetingId: ids.meeting(idx), form: m.form, optionId: k === null ? null : ids.option(k), attendances: m.attendees.length, minutesLength: m.minutes!.length }));
      Object.assign(topic, { decision, decisionOptionIdx: k, decisionSource: 'meeting', decisionMeetingIdx: idx, decidedAt: m.heldAt });
    };
    /** A meeting that will be held: over, with its notice given the day before or so, within the step. */
    const heldMeeting = (f: number, g: number): number => {
      const startsAt = Math.min(at(f), now - 3 * HOUR - between(0, 120) * 60_000);
      const createdAt = Math.min(Math.max(start + 10 * 60_000, Math.min(at(g), startsAt - 20 * HOUR)), startsAt - HOUR);
      return meeting(startsAt, createdAt, 'planned');
    };
    const at = (f: number) => officeHour(start + f * span, start);
    if (plan.cancelledMeeting) {
      const idx = meeting(at(0.1) + DAY, at(0.05), 'planned');
      const m = topic.meetings[idx]!;
      m.status = 'cancelled';
      m.cancelReason = pick(cd.CANCEL_REASONS);
      m.cancelledAt = past(m.createdAt + between(4, 30) * HOUR);
      m.updatedAt = m.cancelledAt;
      ev('meeting_cancelled', m.cancelledAt, m.cancelReason, (ids) => ({ meetingId: ids.meeting(idx), form: m.form, startsAt: new Date(m.startsAt).toISOString() }));
    }
    const decisionKind = plan.decision ?? 'pending';
    if (decisionKind === 'meeting') {
      if (plan.secondMeeting) {
        hold(heldMeeting(0.3, 0.15), pick(cd.FIRST_MEETING_DECISIONS), null);
      }
      const k = optionIdx();
      hold(heldMeeting(0.75, 0.55), decisionText(k), k);
    } else if (decisionKind === 'recorded') {
      const k = optionIdx();
      const when = at(0.7);
      const decision = decisionText(k);
      Object.assign(topic, { decision, decisionOptionIdx: k, decisionSource: 'recorded', decisionMeetingIdx: null, decidedAt: when });
      ev('decided', when, decision, (ids) => ({ optionId: k === null ? null : ids.option(k), option: k === null ? null : topic.options[k]!.title, replaced: false }));
    } else if (decisionKind === 'vote' || decisionKind === 'openVote') {
      const opensAt = at(0.15);
      const open = decisionKind === 'openVote';
      const closesAt = open ? now + between(2, 5) * DAY : Math.max(opensAt + 2 * HOUR, Math.min(opensAt + between(3, 7) * DAY, stepEnd - 2 * HOUR));
      const winner = 0;
      const voteEnd = open ? Math.max(opensAt + HOUR, now - HOUR) : closesAt;
      const ballots = sample(R, between(14, 40)).map((r) => ({
        r, optionIdx: rand() < 0.65 || topic.options.length === 1 ? winner : (winner + between(1, topic.options.length - 1)) % topic.options.length, at: past(opensAt + rand() * (voteEnd - opensAt)),
      }));
      topic.vote = { opensAt, closesAt, closedAt: open ? null : closesAt, ballots };
      ev('vote_opened', opensAt, null, () => ({ closesAt: new Date(closesAt).toISOString(), options: topic.options.length }));
      if (!open) {
        const tally = topic.options.map((_, k) => ballots.filter((b) => b.optionIdx === k).length);
        ev('vote_closed', closesAt, null, () => ({ ballots: ballots.length, tally }));
        const decision = `线上投票${ballots.length}人参与，“${topic.options[winner]!.title}”得票最多（${tally[winner]}票），${pick(cd.DECISION_TAILS)}。`;
        Object.assign(topic, { decision, decisionOptionIdx: winner, decisionSource: 'vote', decisionMeetingIdx: null, decidedAt: closesAt + 1000 });
        ev('decided', closesAt + 1000, decision, (ids) => ({ optionId: ids.option(winner), option: topic.options[winner]!.title, replaced: false, source: 'vote' }));
      }
    } else if (decisionKind === 'planned') {
      const createdAt = officeHour(Math.min(now - 2 * HOUR, start + DAY), start);
      const startsAt = officeHour(now + between(2, 10) * DAY, now, true);
      meeting(startsAt, createdAt, 'planned');
    }
  }

  topics.sort((a, b) => a.createdAt - b.createdAt);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const topicIds = (
    await bulk(
      q,
      'topics',
      [
        'title', 'title_grams', 'description', 'node_id', 'source', 'ticket_id', 'raised_by_name', 'raised_by_phone', 'raised_by_resident_id', 'created_by', 'status', 'step',
        'category_id', 'rejection_reason', 'screened_at', 'screened_by', 'decision', 'decision_source', 'decided_at', 'decided_by', 'outcome', 'review_date', 'evaluated_at',
        'closed_reason', 'closed_at', 'created_at', 'updated_at',
      ],
      ['text', 'text>text[]', 'text', 'int', 'text', 'int', 'text', 'text', 'int', 'int', 'text', 'text', 'int', 'text', 'timestamptz', 'int', 'text', 'text', 'timestamptz', 'int', 'text', 'date', 'timestamptz', 'text', 'timestamptz', 'timestamptz', 'timestamptz'],
      topics.map((t) => [
        t.title, `{${titleBigrams(t.title).map((g) => `"${g}"`).join(',')}}`, t.description, t.nodeId, t.source, t.ticketId, t.raisedByName, t.raisedByPhone,
        t.raisedByResident === null ? null : residentIds[t.raisedByResident]!, t.createdBy, t.status, t.step, t.categoryId, t.rejectionReason, iso(t.screenedAt),
        t.screenedAt === null ? null : t.actor, t.decision, t.decisionSource, iso(t.decidedAt), t.decision === null ? null : t.actor, t.outcome, t.reviewDate,
        iso(t.evaluatedAt), t.closedReason, iso(t.closedAt), iso(t.createdAt), iso(t.updatedAt),
      ]),
      'RETURNING id',
    )
  ).map((r) => r.id);

  await bulk(
    q,
    'topic_steps',
    ['topic_id', 'step', 'started_at', 'ended_at', 'responsible_name', 'record'],
    ['int', 'text', 'timestamptz', 'timestamptz', 'text', 'text'],
    topics.flatMap((t, i) => t.steps.map((s) => [topicIds[i], s.step, iso(s.start), iso(s.end), s.responsible, s.record])),
  );
  const optionIds = (
    await bulk(
      q,
      'topic_options',
      ['topic_id', 'title', 'description', 'cost', 'created_by', 'created_at'],
      ['int', 'text', 'text', 'numeric', 'int', 'timestamptz'],
      topics.flatMap((t, i) => t.options.map((o) => [topicIds[i], o.title, o.description, o.cost, t.actor, iso(o.at)])),
      'RETURNING id',
    )
  ).map((r) => r.id);
  const taskIds = (
    await bulk(
      q,
      'topic_tasks',
      ['topic_id', 'title', 'owner_name', 'deadline', 'progress', 'created_by', 'created_at', 'updated_at'],
      ['int', 'text', 'text', 'date', 'int', 'int', 'timestamptz', 'timestamptz'],
      topics.flatMap((t, i) => t.tasks.map((k) => [topicIds[i], k.title, k.owner, k.deadline, k.progress, t.actor, iso(k.at), iso(k.updatedAt)])),
      'RETURNING id',
    )
  ).map((r) => r.id);
  const firstOption: number[] = [];
  const firstTask: number[] = [];
  let o = 0;
  let k = 0;
  for (const t of topics) {
    firstOption.push(o);
    firstTask.push(k);
    o += t.options.length;
    k += t.tasks.length;
  }
  const meetingRows = topics.flatMap((t, i) => t.meetings.map((m) => ({ t, i, m })));
  const meetingIds = (
    await bulk(
      q,
      'consultation_meetings',
      [
        'topic_id', 'office_id', 'form', 'starts_at', 'ends_at', 'place', 'invited_groups', 'status', 'minutes', 'decision', 'decision_option_id', 'held_at', 'held_by',
        'cancel_reason', 'cancelled_at', 'signin_token', 'created_by', 'created_at', 'updated_at',
      ],
      ['int', 'int', 'text', 'timestamptz', 'timestamptz', 'text', 'text>text[]', 'text', 'text', 'text', 'int', 'timestamptz', 'int', 'text', 'timestamptz', 'text', 'int', 'timestamptz', 'timestamptz'],
      meetingRows.map(({ t, i, m }) => [
        topicIds[i], m.officeId, m.form, iso(m.startsAt), iso(m.endsAt), m.place, `{${m.groups.join(',')}}`, m.status, m.minutes, m.decision,
        m.optionIdx === null ? null : optionIds[firstOption[i]! + m.optionIdx], iso(m.heldAt), m.heldAt === null ? null : t.actor, m.cancelReason, iso(m.cancelledAt), m.token,
        t.actor, iso(m.createdAt), iso(m.updatedAt),
      ]),
      'RETURNING id',
    )
  ).map((r) => r.id);
  const firstMeeting: number[] = [];
  let mm = 0;
  for (const t of topics) {
    firstMeeting.push(mm);
    mm += t.meetings.length;
  }
  const attendanceRows = meetingRows.flatMap(({ t, m }, j) =>
    m.attendees.map((a) => [meetingIds[j], a.residentIdx === null ? 'staff' : 'qr', a.residentIdx === null ? null : residentIds[a.residentIdx], a.name, a.group, a.phone, a.residentIdx === null ? t.actor : null, iso(a.at)]),
  );
  await bulk(q, 'consultation_meeting_attendances', ['meeting_id', 'source', 'resident_id', 'name', 'attendee_group', 'phone', 'recorded_by', 'created_at'], ['int', 'text', 'int', 'text', 'text', 'text', 'int', 'timestamptz'], attendanceRows);
  // The decision's option and meeting, known only now.
  const decided = topics.map((t, i) => ({ t, i })).filter(({ t }) => t.decision !== null);
  await q.query(
    `UPDATE topics SET decision_option_id = u.option_id, decision_meeting_id = u.meeting_id
       FROM unnest($1::int[], $2::int[], $3::int[]) AS u(id, option_id, meeting_id) WHERE topics.id = u.id`,
    [
      decided.map(({ i }) => topicIds[i]),
      decided.map(({ t, i }) => (t.decisionOptionIdx === null ? null : optionIds[firstOption[i]! + t.decisionOptionIdx])),
      decided.map(({ t, i }) => (t.decisionMeetingIdx === null ? null : meetingIds[firstMeeting[i]! + t.decisionMeetingIdx])),
    ],
  );

  say('[consultations 3/3] 云商量：支持、留言、问卷、投票、评价与时间线');
  const withIdx = topics.map((t, i) => ({ t, i }));
  await bulk(q, 'topic_supports', ['topic_id', 'resident_id', 'created_at'], ['int', 'int', 'timestamptz'], withIdx.flatMap(({ t, i }) => t.supports.map((s) => [topicIds[i], residentIds[s.r], iso(s.at)])));
  const commentRows = withIdx.flatMap(({ t, i }) => t.comments.map((c) => ({ t, i, c })));
  const commentIds = (
    await bulk(
      q,
      'topic_comments',
      ['topic_id', 'resident_id', 'body', 'step', 'status', 'hidden_reason', 'hidden_by', 'hidden_at', 'created_at'],
      ['int', 'int', 'text', 'text', 'text', 'text', 'int', 'timestamptz', 'timestamptz'],
      commentRows.map(({ t, i, c }) => [topicIds[i], residentIds[c.r], c.body, c.step, c.hidden ? 'hidden' : 'visible', c.hidden?.reason ?? null, c.hidden ? (t.actor ?? admin) : null, iso(c.hidden?.at ?? null), iso(c.at)]),
      'RETURNING id',
    )
  ).map((r) => r.id);
  const firstComment = new Map<Topic, number>();
  commentRows.forEach(({ t }, j) => firstComment.has(t) || firstComment.set(t, j));
  await bulk(
    q,
    'topic_comment_reports',
    ['comment_id', 'resident_id', 'reason', 'created_at'],
    ['int', 'int', 'text', 'timestamptz'],
    commentRows.flatMap(({ c }, j) => c.reports.map((r) => [commentIds[j], residentIds[r.r], r.reason, iso(r.at)])),
  );
  const withQuestionnaire = withIdx.filter(({ t }) => t.questionnaire);
  await bulk(
    q,
    'topic_questionnaires',
    ['topic_id', 'questions', 'created_by', 'created_at', 'updated_at'],
    ['int', 'text>jsonb', 'int', 'timestamptz', 'timestamptz'],
    withQuestionnaire.map(({ t, i }) => [topicIds[i], JSON.stringify([{ text: t.questionnaire!.text, choices: t.questionnaire!.choices }]), t.actor, iso(t.questionnaire!.at), iso(t.questionnaire!.at)]),
  );
  await bulk(
    q,
    'topic_questionnaire_answers',
    ['topic_id', 'resident_id', 'answers', 'created_at'],
    ['int', 'int', 'text>jsonb', 'timestamptz'],
    withQuestionnaire.flatMap(({ t, i }) => t.questionnaire!.answers.map((a) => [topicIds[i], residentIds[a.r], `[${a.choice}]`, iso(a.at)])),
  );
  const withVote = withIdx.filter(({ t }) => t.vote);
  await bulk(
    q,
    'topic_votes',
    ['topic_id', 'opens_at', 'closes_at', 'closed_at', 'opened_by', 'closed_by'],
    ['int', 'timestamptz', 'timestamptz', 'timestamptz', 'int', 'int'],
    withVote.map(({ t, i }) => [topicIds[i], iso(t.vote!.opensAt), iso(t.vote!.closesAt), iso(t.vote!.closedAt), t.actor, t.vote!.closedAt === null ? null : t.actor]),
  );
  await bulk(
    q,
    'topic_vote_ballots',
    ['topic_id', 'resident_id', 'option_id', 'created_at'],
    ['int', 'int', 'int', 'timestamptz'],
    withVote.flatMap(({ t, i }) => t.vote!.ballots.map((b) => [topicIds[i], residentIds[b.r], optionIds[firstOption[i]! + b.optionIdx], iso(b.at)])),
  );
  await bulk(
    q,
    'topic_ratings',
    ['topic_id', 'resident_id', 'score', 'comment', 'created_at'],
    ['int', 'int', 'int', 'text', 'timestamptz'],
    withIdx.flatMap(({ t, i }) => t.ratings.map((r) => [topicIds[i], residentIds[r.r], r.score, r.comment, iso(r.at)])),
  );
  await bulk(
    q,
    'resident_notices',
    ['resident_id', 'kind', 'topic_id', 'comment_id', 'text', 'created_at', 'read_at'],
    ['int', 'text', 'int', 'int', 'text', 'timestamptz', 'timestamptz'],
    withIdx
      .flatMap(({ t, i }) => t.notices.map((n) => ({ t, i, n })))
      .sort((a, b) => a.n.at - b.n.at)
      .map(({ t, i, n }) => [
        residentIds[n.r], n.kind, topicIds[i], n.commentIdx === null ? null : commentIds[firstComment.get(t)! + n.commentIdx], n.text, iso(n.at), rand() < 0.6 ? iso(past(n.at + between(1, 48) * HOUR)) : null,
      ]),
  );
  const events = withIdx
    .flatMap(({ t, i }) => {
      const ids: Ids = { option: (x) => optionIds[firstOption[i]! + x]!, meeting: (x) => meetingIds[firstMeeting[i]! + x]!, task: (x) => taskIds[firstTask[i]! + x]! };
      return t.events.map((e, seq) => ({ e, seq, i, t, ids }));
    })
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i || a.seq - b.seq);
  await bulk(
    q,
    'topic_events',
    ['topic_id', 'kind', 'step', 'from_status', 'to_status', 'actor_user_id', 'note', 'details', 'at'],
    ['int', 'text', 'text', 'text', 'text', 'int', 'text', 'text>jsonb', 'timestamptz'],
    events.map(({ e, i, t, ids }) => {
      const details = e.details(ids);
      if (e.kind === 'comment_hidden') details.commentId = commentIds[firstComment.get(t)!];
      return [topicIds[i], e.kind, e.step, e.from, e.to, e.kind === 'raised' && t.source === 'resident' ? null : t.actor, e.note, JSON.stringify(details), iso(e.at)];
    }),
  );

  const held = meetingRows.filter(({ m }) => m.status === 'held');
  const summary: ConsultationsSummary = {
    offices: officeRows.length,
    topics: topics.length,
    heldMeetings: held.length,
    attendances: held.reduce((s, { m }) => s + m.attendees.length, 0),
    residents: R,
  };
  await appendAudit(q, {
    actorUserId: null, actorName: 'system', action: 'seed.consultations', targetType: 'county', targetId: county!.id, nodeId: county!.id, result: 'success',
    details: { ...summary, byStatus: Object.fromEntries(['screening', 'rejected', 'active', 'evaluated', 'closed'].map((s) => [s, topics.filter((t) => t.status === s).length])) },
  });
  say(`      ${summary.offices} 个商量办公室，${summary.topics} 个议题，商量会议 ${summary.heldMeetings} 次、${summary.attendances} 人次参加，云商量居民 ${summary.residents} 人`);
  return summary;
}
