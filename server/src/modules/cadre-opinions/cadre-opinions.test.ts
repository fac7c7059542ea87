import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CadreOpinionDto, CadreOpinionStatsDto, CadreOpinionSummaryDto, NotificationList } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson, expectError } from '../../test/fixtures.js';
import { ok, verifiedResident } from '../../test/cloud-consultation.js';
import { addDays, chinaDateOf } from '../tickets/working-days.js';
import { remindCadreOpinions } from './cadre-opinions.reminders.js';
import { CADRE_OPINION_FIGURES } from '../../seed/cadre-opinions-seed.js';

let t: TestApp;
let admin: Client;
let branch1: Client;
let branch2: Client;
let community1: Client;
let subdistrict1: Client;
let compound1: number;
let branchId1: number;
let stairwell1: number;

const C = '/api/cadre-opinions';
const today = () => chinaDateOf(new Date());
const views = (id: number) => count(t.db, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'cadreOpinion.view' AND target_id = $1", [String(id)]);
const ask = (personId: number, extra: Record<string, unknown> = {}) =>
  admin.post(C, { personId, purpose: 'promotion', post: '县财政局副局长', deadline: addDays(today(), 10), ...extra });
let phoneSeq = 0;
const cadre = async (nodeId: number, name = '测试干部') =>
  (await createPerson(admin, nodeId, { name, extra: { phone: `1392444${String(++phoneSeq).padStart(4, '0')}` } })).id;

beforeAll(async () => {
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  admin = await t.login('admin');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  community1 = await t.login('community1');
  subdistrict1 = await t.login('subdistrict1');
  const b1 = await branchOf(t.db, 'branch1');
  compound1 = b1.compoundIds[0]!;
  branchId1 = b1.id;
  const [st] = await t.db.query<{ id: number }>(
    "SELECT id FROM nodes WHERE kind = 'stairwell' AND path LIKE (SELECT path FROM nodes WHERE id = $1) || '%' ORDER BY id LIMIT 1",
    [compound1],
  );
  stairwell1 = st!.id;
});
afterAll(async () => t.close());

describe('routing from the cadre\'s home', () => {
  it('a cadre living in a stairwell of a compound is routed to that compound\'s branch, with the evidence attached', async () => {
    const phone = '13924440901';
    const personId = (await createPerson(admin, stairwell1, { name: '王干部', extra: { phone } })).id;
    // Linked as a verified resident, with an attended activity, points and a consultation sign of support.
    const resident = await verifiedResident(t, phone);
    expect(resident).toBeTruthy();
    const [activity] = await t.db.query<{ id: number }>(
      `INSERT INTO volunteer_activities (node_id, title, type, place, starts_at, ends_at, capacity, points_mode, points, audience, status, closed_at, checkin_token)
       VALUES ($1, '清扫楼道', 'environment', '小区广场', now() - interval '30 days', now() - interval '30 days' + interval '3 hours', 10, 'per_hour', 10, 'all', 'closed', now(), 'CadreOpinionsTest00001') RETURNING id`,
      [compound1],
    );
    await t.db.query(
      `INSERT INTO volunteer_signups (activity_id, resident_id, person_id, checked_in_at, checked_out_at, hours)
       VALUES ($1, (SELECT id FROM residents WHERE phone = $2), $3, now() - interval '30 days', now() - interval '30 days' + interval '150 minutes', 2.5)`,
      [activity!.id, phone, personId],
    );
    await t.db.query('INSERT INTO point_accounts (person_id, balance) VALUES ($1, 25)', [personId]);
    await t.db.query("INSERT INTO point_entries (person_id, kind, delta, balance_after, rule_code, source_type, source_id) VALUES ($1, 'earn', 25, 25, 'volunteer_hour', 'other', 1)", [personId]);
    await t.db.query('INSERT INTO topic_supports (topic_id, resident_id) SELECT (SELECT min(id) FROM topics), id FROM residents WHERE phone = $1', [phone]);

    const res = await ask(personId, { purpose: 'honour', post: '县教育和体育局办公室主任' });
    const made = ok<CadreOpinionDto>(res, 201);
    expect(made).toMatchObject({ compoundId: compound1, branchId: branchId1, purpose: 'honour', status: 'pending', answer: null, overdue: false, remindersSent: 0 });
    expect(made.person.phone).not.toBe(phone);
    expect(made.evidence.volunteering).toMatchObject({ activities: 1, hours: 2.5 });
    expect(made.evidence.points).toEqual({ balance: 25, earned: 25 });
    expect(made.evidence.consultation).toMatchObject({ linkedResident: true, supports: 1, comments: 0 });
    expect(made.evidence.dualRegistration.status).toBe('none');
    expect(await count(t.db, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'cadreOpinion.create' AND target_id = $1", [String(made.id)])).toBe(1);

    // The same matter twice while pending is refused; a different purpose is a new request.
    expectError(await ask(personId, { purpose: 'honour' }), 409, 'DUPLICATE');
    ok(await ask(personId, { purpose: 'rank_change' }), 201);
  });

  it('409 with a Chinese message when the home is not inside a compound, or the compound has no branch', async () => {
    const community = (await t.db.query<{ id: number }>("SELECT parent_id AS id FROM nodes WHERE id = $1", [compound1]))[0]!.id;
    const atCommunity = await cadre(community, '李干部');
    expect(expectError(await ask(atCommunity), 409, 'CONFLICT').message).toMatch(/不在任何小区内/);

    const bare = ok<{ id: number }>(await admin.post('/api/nodes', { parentId: community, kind: 'compound', name: '无支部测试小区', code: 'NOBRANCH01', compoundKind: 'commercial' }), 201);
    const inBare = await cadre(bare.id, '赵干部');
    expect(expectError(await ask(inBare), 409, 'CONFLICT').message).toMatch(/尚未设立小区党支部/);
    expect(await count(t.db, 'SELECT count(*)::int AS n FROM cadre_opinion_requests WHERE person_id = ANY($1::int[])', [[atCommunity, inBare]])).toBe(0);
  });

  it('the deadline is from tomorrow up to 60 days; only the county may ask', async () => {
    const personId = await cadre(compound1);
    expectError(await ask(personId, { deadline: today() }), 400, 'VALIDATION_FAILED');
    expectError(await ask(personId, { deadline: addDays(today(), 61) }), 400, 'VALIDATION_FAILED');
    expectError(await ask(personId, { purpose: 'demotion' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(C, { personId, purpose: 'promotion', post: '县财政局副局长', deadline: addDays(today(), 5) }), 403, 'FORBIDDEN');
    expectError(await branch1.post(C, { personId, purpose: 'promotion', post: '县财政局副局长', deadline: addDays(today(), 5) }), 403, 'FORBIDDEN');
    ok(await ask(personId, { deadline: addDays(today(), 60) }), 201);
  });
});

describe('visibility: the county and the routed branch only', () => {
  it('another branch, the community and the subdistrict cannot see it; every view is audited', async () => {
    const made = ok<CadreOpinionDto>(await ask(await cadre(compound1)), 201);
    expect(await views(made.id)).toBe(0);
    ok<CadreOpinionDto>(await admin.get(`${C}/${made.id}`));
    const seen = ok<CadreOpinionDto>(await branch1.get(`${C}/${made.id}`));
    expect(seen.evidence).toBeTruthy();
    expect(await views(made.id)).toBe(2);

    expectError(await branch2.get(`${C}/${made.id}`), 404, 'NOT_FOUND');
    expectError(await community1.get(`${C}/${made.id}`), 404, 'NOT_FOUND');
    expectError(await subdistrict1.get(`${C}/${made.id}`), 404, 'NOT_FOUND');
    expect(await views(made.id)).toBe(2);

    // Lists: the county sees all, a branch only its own, others are refused.
    const mine = ok<{ data: CadreOpinionSummaryDto[] }>(await branch1.get(`${C}?status=pending&pageSize=100`)).data;
    expect(mine.map((r) => r.id)).toContain(made.id);
    expect(mine.every((r) => r.branchId === branchId1)).toBe(true);
    expect(ok<{ data: CadreOpinionSummaryDto[] }>(await branch2.get(`${C}?pageSize=100`)).data.map((r) => r.id)).not.toContain(made.id);
    expect(ok<{ data: CadreOpinionSummaryDto[]; pagination: { total: number } }>(await admin.get(`${C}?pageSize=5`)).pagination.total).toBeGreaterThanOrEqual(CADRE_OPINION_FIGURES.requests);
    expectError(await community1.get(C), 403, 'FORBIDDEN');
    expectError(await subdistrict1.get(C), 403, 'FORBIDDEN');
    expectError(await branch1.get(`${C}/stats`), 403, 'FORBIDDEN');
  });
});

describe('answering', () => {
  it('the routed branch answers once, with 10–2000 characters; others cannot', async () => {
    const made = ok<CadreOpinionDto>(await ask(await cadre(compound1)), 201);
    const url = `${C}/${made.id}/answer`;
    expectError(await branch1.post(url, { answer: 'agree', text: '同意。' }), 400, 'VALIDATION_FAILED');
    expectError(await branch1.post(url, { answer: 'maybe', text: '经支部委员会研究，同意该同志。' }), 400, 'VALIDATION_FAILED');
    expectError(await branch2.post(url, { answer: 'agree', text: '经支部委员会研究，同意该同志。' }), 404, 'NOT_FOUND');
    expectError(await admin.post(url, { answer: 'agree', text: '经支部委员会研究，同意该同志。' }), 403, 'FORBIDDEN');

    const done = ok<CadreOpinionDto>(await branch1.post(url, { answer: 'agree_with_reservations', text: '  基本同意，建议该同志多参加小区志愿服务。  ' }));
    expect(done).toMatchObject({ status: 'answered', answer: 'agree_with_reservations', answerText: '基本同意，建议该同志多参加小区志愿服务。' });
    expect(done.answeredByName).toBeTruthy();
    expect(done.answeredAt).toBeTruthy();
    expectError(await branch1.post(url, { answer: 'agree', text: '经支部委员会研究，同意该同志。' }), 409, 'CONFLICT');
    expect(await count(t.db, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'cadreOpinion.answer' AND target_id = $1", [String(made.id)])).toBe(1);

    // Answered: no withdrawal, no chasing, no new evidence.
    expectError(await admin.post(`${C}/${made.id}/withdraw`, { reason: '不再需要' }), 409, 'CONFLICT');
    expectError(await admin.post(`${C}/${made.id}/remind`), 409, 'CONFLICT');
    expectError(await admin.post(`${C}/${made.id}/evidence/refresh`), 409, 'CONFLICT');
  });

  it('the county withdraws a pending request and refreshes its evidence while pending', async () => {
    const made = ok<CadreOpinionDto>(await ask(await cadre(compound1)), 201);
    const fresh = ok<CadreOpinionDto>(await admin.post(`${C}/${made.id}/evidence/refresh`));
    expect(fresh.evidence.takenAt >= made.evidence.takenAt).toBe(true);
    const gone = ok<CadreOpinionDto>(await admin.post(`${C}/${made.id}/withdraw`, { reason: '该同志已调离本县' }));
    expect(gone).toMatchObject({ status: 'withdrawn', withdrawReason: '该同志已调离本县' });
    expectError(await branch1.post(`${C}/${made.id}/answer`, { answer: 'agree', text: '经支部委员会研究，同意该同志。' }), 409, 'CONFLICT');
  });
});

describe('chasing overdue requests', () => {
  it('past the deadline the branch secretary is reminded at most once a day', async () => {
    const made = ok<CadreOpinionDto>(await ask(await cadre(compound1)), 201);
    // The deadline passed (written directly: the API only takes future deadlines).
    await t.db.query('UPDATE cadre_opinion_requests SET deadline = $2 WHERE id = $1', [made.id, addDays(today(), -2)]);
    const unread = async () => ok<NotificationList>(await branch1.get('/api/notifications?unread=true&pageSize=100'));
    const before = (await unread()).data.filter((n) => n.kind === 'cadre_opinion_overdue').length;

    const first = await t.db.tx((q) => remindCadreOpinions(q));
    expect(first.requests).toBeGreaterThanOrEqual(1);
    const after = (await unread()).data.filter((n) => n.kind === 'cadre_opinion_overdue');
    expect(after.length).toBeGreaterThan(before);
    expect(after.some((n) => n.message.includes(`编号 ${made.id}`))).toBe(true);

    // A second run the same day adds nothing; the manual chase is refused for today.
    expect(await t.db.tx((q) => remindCadreOpinions(q))).toEqual({ requests: 0, notifications: 0 });
    expectError(await admin.post(`${C}/${made.id}/remind`), 409, 'CONFLICT');
    const row = ok<CadreOpinionDto>(await admin.get(`${C}/${made.id}`));
    expect(row).toMatchObject({ overdue: true, remindersSent: 1 });

    // The next day it is chased again.
    const tomorrow = new Date(Date.now() + 86_400_000);
    const next = await t.db.tx((q) => remindCadreOpinions(q, { now: tomorrow }));
    expect(next.requests).toBeGreaterThanOrEqual(1);
    expect((await t.db.query<{ n: number }>('SELECT reminders_sent AS n FROM cadre_opinion_requests WHERE id = $1', [made.id]))[0]!.n).toBe(2);
  });

  it('the county chases one pending request on demand, once a day', async () => {
    const made = ok<CadreOpinionDto>(await ask(await cadre(compound1)), 201);
    const res = ok<{ reminded: boolean; notifications: number }>(await admin.post(`${C}/${made.id}/remind`));
    expect(res.reminded).toBe(true);
    expect(res.notifications).toBeGreaterThanOrEqual(1);
    expectError(await admin.post(`${C}/${made.id}/remind`), 409, 'CONFLICT');
    expect(await count(t.db, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'cadreOpinion.remind' AND target_id = $1", [String(made.id)])).toBe(1);
  });
});

describe('statistics', () => {
  it('counts a known fixture on top of the seeded baseline', async () => {
    const q = `${C}/stats?from=${today()}&to=${today()}`;
    const base = ok<CadreOpinionStatsDto>(await admin.get(q));
    const a = ok<CadreOpinionDto>(await ask(await cadre(compound1)), 201);
    ok<CadreOpinionDto>(await ask(await cadre(compound1)), 201);
    ok(await branch1.post(`${C}/${a.id}/answer`, { answer: 'disagree', text: '不同意，群众意见较大，建议暂缓。' }));
    const now = ok<CadreOpinionStatsDto>(await admin.get(q));
    expect(now.total - base.total).toBe(2);
    expect(now.byAnswer.disagree - base.byAnswer.disagree).toBe(1);
    const year = Number(today().slice(0, 4));
    const row = (s: CadreOpinionStatsDto) => s.byYear.find((y) => y.year === year) ?? { requests: 0, answered: 0, pending: 0 };
    expect(row(now).requests - row(base).requests).toBe(2);
    expect(row(now).answered - row(base).answered).toBe(1);
    expect(now.medianDaysToAnswer).not.toBeNull();
    expect(now.medianDaysToAnswer!).toBeLessThan(1);
    expectError(await admin.get(`${C}/stats?from=2025-02-01&to=2025-01-01`), 400, 'VALIDATION_FAILED');
  });
});
