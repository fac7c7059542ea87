import { createHash } from 'node:crypto';
import { ACTIVITY_TYPES, creditCodeCheckChar, POINT_LIMITS, servedHours, type ActivityType } from '@xj/contracts';
import type { Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { bulk } from './people-seed.js';
import * as d from './xiajin-data.js';
import * as vd from './volunteers-data.js';

/**
 * A year of dual registration (双报到), volunteering and points over the demo county: workplace
 * party organisations registered at every community; an approved registration behind every
 * dual-registered party member (their workplace linked to a registered organisation where one
 * is at their community), a few pending and declined ones; ~600 activities of communities and
 * compounds with sign-ups, check-in/out, hours and no-shows; the points those earned, meeting
 * attendance and steward duty, a few corrections, and ~1,500 redemptions at the 42 red shops.
 * Every row is what the services would have written: the ledger is replayed in time order, so
 * each entry's balance_after is its person's running sum and no balance ever goes negative.
 */
export const VOLUNTEER_FIGURES = {
  prngSeed: 20261206,
  /** Share of dual members whose phone was verified (a resident linked to them). */
  linkedShare: 0.6,
  pending: 20,
  declined: 8,
  pastActivities: 570,
  upcoming: 30,
  redemptionAttempts: 1750,
  reversals: 12,
  adjustments: 15,
  /** Fictitious range (see README): contact phones of workplace organisations. */
  contactPhonePrefix: '1700885',
};

export interface VolunteersSummary {
  workplaceOrgs: number;
  approvedRegistrations: number;
  pendingRegistrations: number;
  declinedRegistrations: number;
  linkedResidents: number;
  activities: number;
  upcomingActivities: number;
  cancelledActivities: number;
  signups: number;
  attended: number;
  noShows: number;
  pointEntries: number;
  redemptions: number;
  shopsWithRedemptions: number;
  pointsEarned: number;
  pointsRedeemed: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Resident {
  phone: string;
  personId: number;
  since: number;
}
interface Activity {
  nodeId: number;
  communityIndex: number;
  compoundId: number | null;
  title: string;
  type: ActivityType;
  place: string;
  start: number;
  end: number;
  capacity: number;
  mode: 'per_hour' | 'per_activity';
  points: number;
  audience: 'members' | 'all';
  status: 'published' | 'cancelled' | 'closed';
  cancelReason: string | null;
  cancelledAt: number | null;
  closedAt: number | null;
  token: string;
  createdBy: number | null;
  createdAt: number;
}
interface Signup {
  a: number;
  residentId: number;
  personId: number | null;
  createdAt: number;
  cancelledAt: number | null;
  inAt: number | null;
  outAt: number | null;
  hours: number | null;
  noShow: boolean;
  entry: Ev | null;
}
/** A ledger event before it is known to happen (a redemption or reversal may be refused for the balance). */
interface Ev {
  personId: number;
  at: number;
  kind: 'earn' | 'reversal' | 'adjustment' | 'redemption';
  delta: number;
  rule: string | null;
  sourceType: string | null;
  source: { signup: number } | { id: number } | { redemption: number } | { entry: Ev } | null;
  note: string | null;
  actorUser: number | null;
  redemption: Redemption | null;
  /** Redemptions offer cheaper items when the balance is short. */
  fallback?: [string, number][];
  id?: number;
  balanceAfter?: number;
}
interface Redemption {
  shopId: number;
  personId: number;
  residentId: number;
  keeperResidentId: number;
  item: string;
  points: number;
  at: number;
}

export async function seedVolunteers(q: Queryable, say: (m: string) => void): Promise<VolunteersSummary> {
  const F = VOLUNTEER_FIGURES;
  // Its own generator, as the consultation seed: these figures do not move with the earlier seeds.
  const rand = d.rng(F.prngSeed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const shuffled = <T>(xs: readonly T[]): T[] => {
    const ys = [...xs];
    for (let i = ys.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [ys[i], ys[j]] = [ys[j]!, ys[i]!];
    }
    return ys;
  };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const now = Date.now();
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const past = (ms: number) => Math.min(ms, now - MINUTE);
  /** `hour` o'clock (China time, fractional) on the day of `ms`. */
  const at = (ms: number, hour: number) => Math.floor((ms + 8 * HOUR) / DAY) * DAY - 8 * HOUR + Math.round(hour * 60) * MINUTE;
  const chinaDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
  const tokens = new Set<string>();
  const token = () => {
    for (;;) {
      const t = Buffer.from(Array.from({ length: 16 }, () => Math.floor(rand() * 256))).toString('base64url');
      if (!tokens.has(t)) return tokens.add(t), t;
    }
  };

  say('[volunteers 1/4] 报到单位、在职党员双报到');
  const [county] = await q.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'county' ORDER BY id LIMIT 1");
  const communities = await q.query<{ id: number; name: string }>("SELECT id, name FROM nodes WHERE kind = 'community' ORDER BY id");
  const compounds = await q.query<{ id: number; name: string; parent_id: number }>("SELECT id, name, parent_id FROM nodes WHERE kind = 'compound' ORDER BY id");
  const users = new Map((await q.query<{ id: number; username: string }>('SELECT id, username FROM users')).map((u) => [u.username, u.id]));
  const secretaryOfBranch = new Map(
    (await q.query<{ id: number; secretary_user_id: number }>("SELECT id, secretary_user_id FROM party_orgs WHERE kind = 'branch' AND secretary_user_id IS NOT NULL")).map((b) => [b.id, b.secretary_user_id]),
  );
  const branchOfCompound = new Map((await q.query<{ compound_id: number; branch_id: number }>('SELECT compound_id, branch_id FROM branch_compounds')).map((r) => [r.compound_id, r.branch_id]));
  const rulePoints = new Map((await q.query<{ code: string; points: number }>('SELECT code, points FROM point_rules')).map((r) => [r.code, r.points]));
  const communityIndex = new Map(communities.map((c, i) => [c.id, i]));
  const compoundById = new Map(compounds.map((c) => [c.id, { ...c, ci: communityIndex.get(c.parent_id)! }]));
  const secretaryOfCompound = (compoundId: number) => secretaryOfBranch.get(branchOfCompound.get(compoundId) ?? -1) ?? null;
  const admin = users.get('admin') ?? null;
  const community1 = users.get('community1') ?? null;

  // Workplace organisations, round the communities (the tax bureau lands outside 府前社区, whose tests register their own).
  const orgRows = vd.WORKPLACE_ORGS.map(([name, kind, type, partyOrgName], i) => {
    const community = communities[i % communities.length]!;
    const first17 = `${kind}371427${kind === '91' ? 'MA' : '00'}${pad((1_000_003 + i * 7919) % 10_000_000, 7)}`;
    const since = now - between(420, 1100) * DAY;
    return { communityId: community.id, name, row: [community.id, name, first17 + creditCodeCheckChar(first17), type, partyOrgName, pick(d.SURNAMES) + pick(d.GIVEN), `${F.contactPhonePrefix}${pad(i + 1, 4)}`, chinaDate(since), iso(since), iso(since)] };
  });
  const orgIds = await bulk(
    q,
    'workplace_orgs',
    ['community_id', 'name', 'credit_code', 'party_org_type', 'party_org_name', 'contact_name', 'contact_phone', 'registered_at', 'created_at', 'updated_at'],
    ['int', 'text', 'text', 'text', 'text', 'text', 'text', 'date', 'timestamptz', 'timestamptz'],
    orgRows.map((o) => o.row),
    'RETURNING id',
  );
  const orgsOfCommunity = new Map<number, { id: number; name: string }[]>();
  orgRows.forEach((o, i) => orgsOfCommunity.set(o.communityId, [...(orgsOfCommunity.get(o.communityId) ?? []), { id: orgIds[i]!.id, name: o.name }]));

  const duals = await q.query<{ id: number; person_id: number; node_id: number; branch_id: number; workplace_org: string; phone: string | null }>(
    `SELECT m.id, m.person_id, m.node_id, m.branch_id, m.workplace_org, p.phone FROM party_members m JOIN people p ON p.id = m.person_id
      WHERE m.management = 'dual' ORDER BY m.id`,
  );
  const shops = await q.query<{ id: number; name: string; node_id: number; keeper_id: number | null; keeper_phone: string | null }>(
    'SELECT s.id, s.name, s.node_id, s.keeper_id, k.phone AS keeper_phone FROM red_shops s LEFT JOIN people k ON k.id = s.keeper_id ORDER BY s.id',
  );
  // Applicants not yet in the party registry: people living in a compound who are neither members nor gig workers.
  const applicants = await q.query<{ id: number; phone: string; compound_id: number }>(
    `SELECT p.id, p.phone, CASE n.kind WHEN 'compound' THEN n.id WHEN 'building' THEN n.parent_id ELSE b.parent_id END AS compound_id
       FROM people p JOIN nodes n ON n.id = p.node_id LEFT JOIN nodes b ON b.id = n.parent_id
      WHERE n.kind IN ('compound','building','stairwell') AND p.phone IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM party_members m WHERE m.person_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM gig_workers g WHERE g.person_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM red_shops s WHERE s.keeper_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM branch_secretaries bs WHERE bs.person_id = p.id)
      ORDER BY p.id`,
  );
  const existingPhones = new Set((await q.query<{ phone: string }>('SELECT phone FROM residents')).map((r) => r.phone));

  // Verified residents: most dual members (all of branch1's, for the demo), every shop keeper, phone applicants.
  const branch1 = users.get('branch1');
  const residents: Resident[] = [];
  const residentOfPerson = new Map<number, number>();
  const addResident = (personId: number, phone: string | null) => {
    if (!phone || existingPhones.has(phone) || residentOfPerson.has(personId)) return;
    existingPhones.add(phone);
    residentOfPerson.set(personId, residents.length);
    residents.push({ phone, personId, since: now - between(375, 420) * DAY });
  };
  for (const m of duals) if ((branch1 !== undefined && secretaryOfCompound(m.node_id) === branch1) || rand() < F.linkedShare) addResident(m.person_id, m.phone);
  const linkedDuals = duals.filter((m) => residentOfPerson.has(m.person_id));
  for (const s of shops) if (s.keeper_id !== null) addResident(s.keeper_id, s.keeper_phone);

  // Pending and declined applicants: a few at branch1's compounds first, the rest across the county.
  const atBranch1 = applicants.filter((a) => branch1 !== undefined && secretaryOfCompound(a.compound_id) === branch1).slice(0, 3);
  const others = shuffled(applicants.filter((a) => !atBranch1.includes(a))).slice(0, F.pending + F.declined - atBranch1.length);
  const chosen = [...atBranch1, ...others];
  const pending = chosen.slice(0, F.pending);
  const declined = chosen.slice(F.pending);
  declined.forEach((a, i) => i % 2 === 0 && addResident(a.id, a.phone));
  pending.forEach((a) => addResident(a.id, a.phone));

  const residentIds = (
    await bulk(
      q,
      'residents',
      ['phone', 'person_id', 'created_at', 'last_verified_at'],
      ['text', 'int', 'timestamptz', 'timestamptz'],
      residents.map((r) => [r.phone, r.personId, iso(r.since), iso(now - between(1, 40) * DAY)]),
      'RETURNING id',
    )
  ).map((r) => r.id);
  const residentId = (personId: number) => residentIds[residentOfPerson.get(personId)!]!;

  const regRows: unknown[][] = [];
  const linkedWorkplace: [number, string][] = [];
  const regCols = ['person_id', 'compound_id', 'workplace_org_id', 'workplace_org_name', 'source', 'resident_id', 'created_by', 'status', 'decline_reason', 'decided_by', 'decided_at', 'party_member_id', 'created_at', 'updated_at'];
  for (const m of duals) {
    const orgs = orgsOfCommunity.get(compoundById.get(m.node_id)!.parent_id) ?? [];
    const org = orgs.length && rand() < 0.85 ? pick(orgs) : null;
    if (org) linkedWorkplace.push([m.id, org.name]);
    const created = at(now - between(20, 730) * DAY, 8.5 + rand() * 8);
    const decided = past(at(created + between(1, 12) * DAY, 8.5 + rand() * 8));
    const by = secretaryOfBranch.get(m.branch_id) ?? null;
    regRows.push([m.person_id, m.node_id, org?.id ?? null, org ? null : m.workplace_org, 'staff', null, by, 'approved', null, by, iso(decided), m.id, iso(created), iso(decided)]);
  }
  const otherWorkplaces = orgRows.map((o) => o.name);
  const applicantRow = (a: { id: number; compound_id: number }, i: number, status: 'pending' | 'declined') => {
    const orgs = orgsOfCommunity.get(compoundById.get(a.compound_id)!.parent_id) ?? [];
    const org = orgs.length && rand() < 0.6 ? pick(orgs) : null;
    const phone = residentOfPerson.has(a.id);
    const by = secretaryOfCompound(a.compound_id);
    const created = status === 'pending' ? past(at(now - between(0, 25) * DAY, 8 + rand() * 13)) : at(now - between(30, 300) * DAY, 8 + rand() * 13);
    const decided = status === 'declined' ? past(at(created + between(1, 6) * DAY, 9 + rand() * 8)) : null;
    return [
      a.id, a.compound_id, org?.id ?? null, org ? null : pick(otherWorkplaces), phone ? 'phone' : 'staff', phone ? residentId(a.id) : null, phone ? null : by, status,
      status === 'declined' ? vd.DECLINE_REASONS[i % vd.DECLINE_REASONS.length]! : null, status === 'declined' ? by : null, iso(decided), null, iso(created), iso(decided ?? created),
    ];
  };
  pending.forEach((a, i) => regRows.push(applicantRow(a, i, 'pending')));
  declined.forEach((a, i) => regRows.push(applicantRow(a, i, 'declined')));
  await bulk(q, 'dual_registrations', regCols, ['int', 'int', 'int', 'text', 'text', 'int', 'int', 'text', 'text', 'int', 'timestamptz', 'int', 'timestamptz', 'timestamptz'], regRows);
  // Approval names the workplace on the membership: the registered organisation where there is one.
  await q.query('UPDATE party_members SET workplace_org = u.name FROM unnest($1::int[], $2::text[]) AS u(id, name) WHERE party_members.id = u.id', [
    linkedWorkplace.map((w) => w[0]),
    linkedWorkplace.map((w) => w[1]),
  ]);

  say('[volunteers 2/4] 志愿服务活动、报名与签到签退');
  const linkedByCommunity = communities.map(() => [] as number[]);
  const linkedByCompound = new Map<number, number[]>();
  for (const m of linkedDuals) {
    linkedByCommunity[compoundById.get(m.node_id)!.ci]!.push(m.person_id);
    linkedByCompound.set(m.node_id, [...(linkedByCompound.get(m.node_id) ?? []), m.person_id]);
  }
  const plainResidents = (await q.query<{ id: number }>('SELECT id FROM residents WHERE person_id IS NULL ORDER BY id LIMIT 400')).map((r) => r.id);
  const organiserUser = (ci: number, compoundId: number | null) =>
    compoundId !== null && secretaryOfCompound(compoundId) !== null ? secretaryOfCompound(compoundId) : ci === 0 ? community1 : null;
  const typeWeights: ActivityType[] = [...ACTIVITY_TYPES, 'environment', 'environment', 'elderly', 'elderly', 'safety', 'civility'];

  const activities: Activity[] = [];
  const makeActivity = (k: number, start: number, status: Activity['status']): Activity => {
    const onCommunity = k % 5 < 2;
    const compound = onCommunity ? null : compounds[(k * 37 + between(0, 4)) % compounds.length]!;
    const ci = compound ? compoundById.get(compound.id)!.ci : (k * 7) % communities.length;
    const where = compound?.name ?? communities[ci]!.name;
    const type = pick(typeWeights);
    const mode = rand() < 0.6 ? 'per_hour' : 'per_activity';
    const end = start + between(3, 8) * 30 * MINUTE;
    const createdAt = Math.min(start - between(3, 20) * DAY - between(0, 8) * HOUR, now - between(2, 120) * HOUR);
    const cancelledAt = status === 'cancelled' ? past(Math.max(createdAt + HOUR, start - between(2, 48) * HOUR)) : null;
    return {
      nodeId: compound?.id ?? communities[ci]!.id,
      communityIndex: ci,
      compoundId: compound?.id ?? null,
      title: pick(vd.ACTIVITY_TITLES[type]).replace('{c}', where),
      type,
      place: `${where}${pick(vd.ACTIVITY_PLACES)}`,
      start,
      end,
      capacity: between(10, 50),
      mode,
      points: mode === 'per_hour' ? pick([5, 8, 10, 10, 12, 15]) : pick([5, 10, 10, 15, 20, 30]),
      audience: rand() < 0.45 ? 'members' : 'all',
      status,
      cancelReason: status === 'cancelled' ? pick(vd.CANCEL_REASONS) : null,
      cancelledAt,
      closedAt: status === 'closed' ? past(end + between(1, 30) * HOUR) : null,
      token: token(),
      createdBy: organiserUser(ci, compound?.id ?? null),
      createdAt,
    };
  };
  for (let k = 0; k < F.pastActivities; k++) {
    const day = now - (1 + Math.floor(((k + rand()) * 363) / F.pastActivities)) * DAY;
    const start = at(day, pick([8, 8.5, 9, 9, 9.5, 10, 14, 14.5, 15, 15.5, 16, 19]));
    activities.push(makeActivity(k, Math.min(start, now - DAY), k % 41 === 7 ? 'cancelled' : 'closed'));
  }
  for (let k = 0; k < F.upcoming; k++) activities.push(makeActivity(F.pastActivities + k, at(now + between(1, 30) * DAY, pick([8.5, 9, 14.5, 15, 19])), 'published'));
  const activityIds = (
    await bulk(
      q,
      'volunteer_activities',
      ['node_id', 'title', 'type', 'description', 'place', 'starts_at', 'ends_at', 'capacity', 'points_mode', 'points', 'audience', 'status', 'cancel_reason', 'cancelled_at', 'closed_at', 'checkin_token', 'created_by', 'created_at', 'updated_at'],
      ['int', 'text', 'text', 'text', 'text', 'timestamptz', 'timestamptz', 'int', 'text', 'int', 'text', 'text', 'text', 'timestamptz', 'timestamptz', 'text', 'int', 'timestamptz', 'timestamptz'],
      activities.map((a) => [
        a.nodeId, a.title, a.type, vd.ACTIVITY_DESCRIPTIONS[a.type], a.place, iso(a.start), iso(a.end), a.capacity, a.mode, a.points, a.audience, a.status, a.cancelReason, iso(a.cancelledAt),
        iso(a.closedAt), a.token, a.createdBy, iso(a.createdAt), iso(a.closedAt ?? a.cancelledAt ?? a.createdAt),
      ]),
      'RETURNING id',
    )
  ).map((r) => r.id);

  const signups: Signup[] = [];
  const events: Ev[] = [];
  activities.forEach((a, ai) => {
    // Members of the organising compound first, then neighbours from the community; anyone else only for open activities.
    const own = a.compoundId === null ? [] : shuffled(linkedByCompound.get(a.compoundId) ?? []);
    const rest = shuffled(linkedByCommunity[a.communityIndex]!.filter((p) => !own.includes(p)));
    const want = a.status === 'cancelled' ? between(0, 8) : a.status === 'published' ? between(0, Math.min(a.capacity, 18)) : between(5, Math.min(a.capacity, 22));
    const people = [...own, ...rest].slice(0, want);
    const extra = a.audience === 'all' ? shuffled(plainResidents).slice(0, Math.max(0, Math.min(between(0, 5), a.capacity - people.length))) : [];
    const who = [...people.map((p) => ({ personId: p as number | null, residentId: residentId(p) })), ...extra.map((r) => ({ personId: null, residentId: r }))];
    for (const w of who) {
      const createdAt = Math.min(a.createdAt + Math.floor(rand() * (a.start - a.createdAt - HOUR)), now - 10 * MINUTE);
      const s: Signup = { a: ai, ...w, createdAt, cancelledAt: null, inAt: null, outAt: null, hours: null, noShow: false, entry: null };
      signups.push(s);
      const r = rand();
      if (r < 0.04) {
        s.cancelledAt = Math.min(createdAt + between(1, 48) * HOUR, a.start - HOUR, now - 5 * MINUTE);
        continue;
      }
      if (a.status !== 'closed') continue;
      if (r < 0.12) {
        s.noShow = true;
        continue;
      }
      s.inAt = Math.min(a.start + between(-25, 20) * MINUTE, a.end - 10 * MINUTE);
      if (r < 0.135) continue; // checked in, never checked out
      s.outAt = Math.max(a.end + between(-30, 45) * MINUTE, s.inAt);
      s.hours = servedHours(new Date(s.inAt), new Date(s.outAt), new Date(a.start), new Date(a.end));
      const pts = a.mode === 'per_hour' ? Math.floor(s.hours * a.points) : a.points;
      if (s.personId !== null && pts > 0) {
        s.entry = {
          personId: s.personId, at: s.outAt, kind: 'earn', delta: pts, rule: a.mode === 'per_hour' ? 'volunteer_hour' : 'volunteer_activity', sourceType: 'volunteer_attendance',
          source: { signup: signups.length - 1 }, note: a.title, actorUser: null, redemption: null,
        };
        events.push(s.entry);
      }
    }
  });

  say('[volunteers 3/4] 积分：参加商量会议、楼栋管家履职、冲正与调整');
  const meetings = await q.query<{ id: number; ends_at: Date; title: string; community_id: number }>(
    `SELECT m.id, m.ends_at, t.title, CASE WHEN n.kind = 'community' THEN n.id ELSE n.parent_id END AS community_id
       FROM consultation_meetings m JOIN topics t ON t.id = m.topic_id JOIN nodes n ON n.id = t.node_id
      WHERE m.status = 'held' AND m.ends_at > now() - interval '360 days' ORDER BY m.id`,
  );
  for (const m of meetings) {
    const ci = communityIndex.get(m.community_id);
    if (ci === undefined) continue;
    for (const p of linkedByCommunity[ci]!) {
      if (rand() >= 0.2) continue;
      events.push({
        personId: p, at: past(m.ends_at.getTime() + between(1, 30) * MINUTE), kind: 'earn', delta: rulePoints.get('meeting_attendance') ?? 5, rule: 'meeting_attendance',
        sourceType: 'consultation_participation', source: { id: m.id }, note: `参加商量会议：${m.title}`.slice(0, 500), actorUser: null, redemption: null,
      });
    }
  }
  const stewardPeople = new Set((await q.query<{ person_id: number }>('SELECT DISTINCT person_id FROM stewards')).map((r) => r.person_id));
  const thisMonth = new Date(now + 8 * HOUR);
  for (const m of linkedDuals.filter((x) => stewardPeople.has(x.person_id))) {
    for (let back = 1; back <= 12; back++) {
      if (rand() >= 0.85) continue;
      const duty = new Date(Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth() - back, 1));
      const credited = Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth() - back + 1, between(1, 5)) - 8 * HOUR + between(9, 16) * HOUR;
      if (credited >= now) continue;
      const y = duty.getUTCFullYear();
      const mo = duty.getUTCMonth() + 1;
      events.push({
        personId: m.person_id, at: credited, kind: 'earn', delta: rulePoints.get('steward_duty') ?? 20, rule: 'steward_duty', sourceType: 'steward_duty',
        source: { id: y * 100 + mo }, note: `${y}年${mo}月楼栋管家履职`, actorUser: null, redemption: null,
      });
    }
  }
  const volunteerEarnings = events.filter((e) => e.sourceType === 'volunteer_attendance');
  for (let i = 0; i < F.reversals; i++) {
    const e = volunteerEarnings[Math.floor(((i + rand()) * volunteerEarnings.length) / F.reversals)]!;
    events.push({
      personId: e.personId, at: past(at(e.at + between(1, 10) * DAY, 9 + rand() * 8)), kind: 'reversal', delta: -e.delta, rule: null, sourceType: 'correction', source: { entry: e },
      note: pick(vd.REVERSAL_REASONS), actorUser: community1 ?? admin, redemption: null,
    });
  }
  for (let i = 0; i < F.adjustments; i++) {
    events.push({
      personId: pick(linkedDuals).person_id, at: past(at(now - between(2, 350) * DAY, 9 + rand() * 8)), kind: 'adjustment', delta: pick([20, 30, 50]), rule: null,
      sourceType: 'correction', source: null, note: pick(vd.ADJUSTMENT_REASONS), actorUser: admin, redemption: null,
    });
  }

  say('[volunteers 4/4] 红色小店积分兑换');
  // Every demo shop honours points, with its keeper verified on the phone.
  await q.query('UPDATE red_shops SET honours_points = true WHERE NOT honours_points AND keeper_id IS NOT NULL');
  const openShops = shops.filter((s) => s.keeper_id !== null && residentOfPerson.has(s.keeper_id));
  const shopsOfCommunity = communities.map((c) => openShops.filter((s) => compoundById.get(s.node_id)?.parent_id === c.id || s.node_id === c.id));
  const itemsOf = (name: string) => vd.SHOP_ITEMS[Object.keys(vd.SHOP_ITEMS).find((k) => name.endsWith(k)) ?? '超市']!;
  for (let i = 0; i < F.redemptionAttempts && openShops.length; i++) {
    const m = pick(linkedDuals);
    const ci = compoundById.get(m.node_id)!.ci;
    const near = shopsOfCommunity[ci]!.filter((s) => s.keeper_id !== m.person_id);
    const shop = near.length && rand() < 0.7 ? pick(near) : pick(openShops.filter((s) => s.keeper_id !== m.person_id));
    const items = itemsOf(shop.name);
    const [item, points] = pick(items);
    const when = at(now - between(0, 360) * DAY, 8 + rand() * 12);
    if (when >= now - 5 * MINUTE) continue;
    const redemption: Redemption = { shopId: shop.id, personId: m.person_id, residentId: residentId(m.person_id), keeperResidentId: residentId(shop.keeper_id!), item, points, at: when };
    events.push({
      personId: m.person_id, at: when, kind: 'redemption', delta: -points, rule: null, sourceType: 'redemption', source: null, note: item, actorUser: null, redemption,
      fallback: [...items].sort((x, y) => y[1] - x[1]),
    });
  }

  // Replay each person's events in time order: a spending that the balance cannot carry did not happen.
  const byPerson = new Map<number, Ev[]>();
  for (const e of events) byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e]);
  const accepted: Ev[] = [];
  for (const evs of byPerson.values()) {
    evs.sort((x, y) => x.at - y.at);
    let balance = 0;
    for (const e of evs) {
      if (e.kind === 'reversal' && !accepted.includes((e.source as { entry: Ev }).entry)) continue;
      if (e.delta < 0 && balance + e.delta < 0) {
        const affordable = e.kind === 'redemption' ? e.fallback!.find(([, p]) => p <= balance) : undefined;
        if (!affordable) continue;
        e.redemption!.item = affordable[0];
        e.redemption!.points = affordable[1];
        e.note = affordable[0];
        e.delta = -affordable[1];
      }
      balance += e.delta;
      e.balanceAfter = balance;
      accepted.push(e);
    }
  }
  const [{ max: maxEntry } = { max: 0 }] = await q.query<{ max: number }>('SELECT COALESCE(max(id), 0)::int AS max FROM point_entries');
  accepted.sort((x, y) => x.at - y.at || x.personId - y.personId);
  accepted.forEach((e, i) => (e.id = maxEntry + i + 1));

  const signupIds = (
    await bulk(
      q,
      'volunteer_signups',
      ['activity_id', 'resident_id', 'person_id', 'status', 'cancelled_at', 'checked_in_at', 'checked_out_at', 'hours', 'no_show', 'points_entry_id', 'points', 'created_at'],
      ['int', 'int', 'int', 'text', 'timestamptz', 'timestamptz', 'timestamptz', 'numeric', 'bool', 'bigint', 'int', 'timestamptz'],
      signups.map((s) => [
        activityIds[s.a], s.residentId, s.personId, s.cancelledAt === null ? 'signed_up' : 'cancelled', iso(s.cancelledAt), iso(s.inAt), iso(s.outAt), s.hours, s.noShow,
        s.entry?.id ?? null, s.entry ? s.entry.delta : null, iso(s.createdAt),
      ]),
      'RETURNING id',
    )
  ).map((r) => r.id);
  const redemptions = accepted.filter((e) => e.kind === 'redemption');
  const codeIds = (
    await bulk(
      q,
      'point_redemption_codes',
      ['person_id', 'resident_id', 'code_hash', 'created_at', 'expires_at', 'used_at', 'closed_at'],
      ['int', 'int', 'text', 'timestamptz', 'timestamptz', 'timestamptz', 'timestamptz'],
      redemptions.map((e, i) => {
        const r = e.redemption!;
        const issued = r.at - between(1, 6) * MINUTE;
        return [r.personId, r.residentId, createHash('sha256').update(`xj-demo-redemption:${i}`).digest('hex'), iso(issued), iso(issued + POINT_LIMITS.codeTtlMinutes * MINUTE), iso(r.at), iso(r.at)];
      }),
      'RETURNING id',
    )
  ).map((r) => r.id);
  const redemptionIds = (
    await bulk(
      q,
      'point_redemptions',
      ['shop_id', 'person_id', 'points', 'item', 'keeper_resident_id', 'code_id', 'created_at'],
      ['int', 'int', 'int', 'text', 'int', 'int', 'timestamptz'],
      redemptions.map((e, i) => [e.redemption!.shopId, e.personId, e.redemption!.points, e.redemption!.item, e.redemption!.keeperResidentId, codeIds[i], iso(e.at)]),
      'RETURNING id',
    )
  ).map((r) => r.id);
  const redemptionIdOf = new Map(redemptions.map((e, i) => [e, redemptionIds[i]!]));

  const sourceId = (e: Ev): number | null => {
    const s = e.source;
    if (e.kind === 'redemption') return redemptionIdOf.get(e)!;
    if (!s) return null;
    if ('signup' in s) return signupIds[s.signup]!;
    if ('entry' in s) return s.entry.id!;
    return 'id' in s ? s.id : null;
  };
  const cols = ['id', 'person_id', 'kind', 'delta', 'balance_after', 'rule_code', 'source_type', 'source_id', 'reverses_entry_id', 'redemption_id', 'note', 'actor_user_id', 'actor_resident_id', 'created_at'];
  const types = ['bigint', 'int', 'text', 'int', 'int', 'text', 'text', 'bigint', 'bigint', 'int', 'text', 'int', 'int', 'timestamptz'];
  const entryRows = accepted.map((e) => [
    e.id, e.personId, e.kind, e.delta, e.balanceAfter, e.rule, e.sourceType, sourceId(e), e.kind === 'reversal' ? (e.source as { entry: Ev }).entry.id : null,
    e.kind === 'redemption' ? redemptionIdOf.get(e) : null, e.note, e.actorUser, e.kind === 'redemption' ? e.redemption!.keeperResidentId : null, iso(e.at),
  ]);
  if (entryRows.length) {
    // Ids in time order, given here so that signups and reversals could name them before the insert.
    await q.query(
      `INSERT INTO point_entries (${cols.join(', ')}) OVERRIDING SYSTEM VALUE
       SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
      cols.map((_, i) => entryRows.map((r) => r[i])),
    );
    await q.query("SELECT setval(pg_get_serial_sequence('point_entries', 'id'), (SELECT max(id) FROM point_entries))");
  }
  await q.query('INSERT INTO point_accounts (person_id, balance, updated_at) SELECT person_id, sum(delta), max(created_at) FROM point_entries GROUP BY person_id');

  const closed = activities.filter((a) => a.status === 'closed').length;
  const summary: VolunteersSummary = {
    workplaceOrgs: orgRows.length,
    approvedRegistrations: duals.length,
    pendingRegistrations: pending.length,
    declinedRegistrations: declined.length,
    linkedResidents: linkedDuals.length,
    activities: activities.length,
    upcomingActivities: activities.length - closed - activities.filter((a) => a.status === 'cancelled').length,
    cancelledActivities: activities.filter((a) => a.status === 'cancelled').length,
    signups: signups.length,
    attended: signups.filter((s) => s.outAt !== null).length,
    noShows: signups.filter((s) => s.noShow).length,
    pointEntries: accepted.length,
    redemptions: redemptions.length,
    shopsWithRedemptions: new Set(redemptions.map((e) => e.redemption!.shopId)).size,
    pointsEarned: accepted.filter((e) => e.delta > 0).reduce((s, e) => s + e.delta, 0),
    pointsRedeemed: redemptions.reduce((s, e) => s - e.delta, 0),
  };
  await appendAudit(q, { actorUserId: null, actorName: 'system', action: 'seed.volunteers', targetType: 'county', targetId: county!.id, nodeId: county!.id, result: 'success', details: { ...summary } });
  say(`      ${summary.workplaceOrgs} 个报到单位，双报到 ${summary.approvedRegistrations} 人（待审 ${summary.pendingRegistrations}），志愿活动 ${summary.activities} 场、报名 ${summary.signups} 人次，积分记录 ${summary.pointEntries} 条，红色小店兑换 ${summary.redemptions} 次`);
  return summary;
}
