import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSULTATION_STEPS, type ConsultationStatsDto, type TopicDto } from '@xj/contracts';
import { nodeId, startTestApp, type TestApp } from '../test/harness.js';
import { CONSULTATION_FIGURES } from './consultations-seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const rows = <T>(sql: string, params: unknown[] = []) => t.db.query<T>(sql, params);
const one = async <T>(sql: string, params: unknown[] = []) => (await rows<T>(sql, params))[0]!;
const n = async (sql: string, params: unknown[] = []) => (await one<{ n: number }>(sql, params)).n;

describe('demo consultations (商量)', () => {
  it('at the county\'s scale: 90+ held meetings with 400+ attendances, in every form', async () => {
    const admin = await t.login('admin');
    const res = await admin.get('/api/consultations/stats');
    expect(res.statusCode).toBe(200);
    const stats = res.json() as ConsultationStatsDto;
    expect(stats.meetings).toBeGreaterThanOrEqual(90);
    expect(stats.meetings).toBeLessThanOrEqual(110);
    expect(stats.attendances).toBeGreaterThanOrEqual(400);
    expect(stats.attendances).toBeLessThanOrEqual(600);
    for (const form of ['onsite', 'roundtable', 'online'] as const) expect(stats.byForm[form], form).toBeGreaterThan(0);
    for (const step of CONSULTATION_STEPS) expect(stats.topicsByStep[step], step).toBeGreaterThan(0);
    expect(stats.topicsByStatus).toMatchObject({ rejected: CONSULTATION_FIGURES.rejected, screening: CONSULTATION_FIGURES.screening, closed: CONSULTATION_FIGURES.closed, evaluated: CONSULTATION_FIGURES.evaluated });
    // Staff-entered and QR sign-ins; a few planned meetings ahead, a few cancelled.
    expect(await n("SELECT count(DISTINCT source)::int AS n FROM consultation_meeting_attendances")).toBe(2);
    expect(await n("SELECT count(*)::int AS n FROM consultation_meetings WHERE status = 'planned' AND starts_at > now()")).toBeGreaterThan(0);
    expect(await n("SELECT count(*)::int AS n FROM consultation_meetings WHERE status = 'cancelled'")).toBeGreaterThan(0);
    expect(await n("SELECT count(DISTINCT signin_token)::int - count(*)::int AS n FROM consultation_meetings")).toBe(0);
  });

  it('every allowed category and every step among active topics; screened-out topics in excluded categories with a reason', async () => {
    const allowed = await rows<{ id: number }>("SELECT id FROM agenda_categories WHERE kind = 'allowed' AND active");
    const used = new Set((await rows<{ category_id: number }>("SELECT DISTINCT category_id FROM topics WHERE status IN ('active','evaluated')")).map((r) => r.category_id));
    for (const c of allowed) expect(used.has(c.id), `category ${c.id}`).toBe(true);
    const steps = new Set((await rows<{ step: string }>("SELECT DISTINCT step FROM topics WHERE status = 'active'")).map((r) => r.step));
    expect([...steps].sort()).toEqual([...CONSULTATION_STEPS].sort());

    const rejected = await rows<{ kind: string; rejection_reason: string | null }>("SELECT c.kind, t.rejection_reason FROM topics t JOIN agenda_categories c ON c.id = t.category_id WHERE t.status = 'rejected'");
    expect(rejected.length).toBeGreaterThanOrEqual(10);
    for (const r of rejected) expect(r.kind === 'excluded' && (r.rejection_reason?.length ?? 0) > 0).toBe(true);
    expect(new Set((await rows<{ source: string }>('SELECT DISTINCT source FROM topics')).map((r) => r.source))).toEqual(new Set(['resident', 'steward', 'branch', 'community', 'ticket']));
    expect(await n("SELECT count(*)::int AS n FROM topics WHERE status = 'evaluated' AND (outcome IS NULL OR review_date IS NULL OR evaluated_at IS NULL)")).toBe(0);
  });

  it('one open step per active topic, none otherwise; steps only forward; the exit rules hold for every step left', async () => {
    const topics = await rows<{ id: number; status: string; step: string | null; decision: string | null; decision_source: string | null; decision_meeting_id: number | null; outcome: string | null }>(
      'SELECT id, status, step, decision, decision_source, decision_meeting_id, outcome FROM topics ORDER BY id',
    );
    const steps = await rows<{ topic_id: number; step: string; started_at: Date; ended_at: Date | null; record: string | null }>('SELECT topic_id, step, started_at, ended_at, record FROM topic_steps ORDER BY topic_id, started_at, id');
    const options = new Map((await rows<{ topic_id: number; n: number }>('SELECT topic_id, count(*)::int AS n FROM topic_options GROUP BY 1')).map((r) => [r.topic_id, r.n]));
    const unfinished = new Set((await rows<{ topic_id: number }>('SELECT DISTINCT topic_id FROM topic_tasks WHERE progress < 100')).map((r) => r.topic_id));
    const heldMeetings = new Map((await rows<{ id: number; topic_id: number }>("SELECT id, topic_id FROM consultation_meetings WHERE status = 'held'")).map((m) => [m.id, m.topic_id]));
    const byTopic = new Map<number, typeof steps>();
    for (const s of steps) byTopic.set(s.topic_id, [...(byTopic.get(s.topic_id) ?? []), s]);

    for (const topic of topics) {
      const mine = byTopic.get(topic.id) ?? [];
      const open = mine.filter((s) => s.ended_at === null);
      const label = `topic ${topic.id} (${topic.status}/${topic.step})`;
      if (topic.status === 'active') {
        expect(open.map((s) => s.step), label).toEqual([topic.step]);
        expect(mine.at(-1)!.step, label).toBe(topic.step);
      } else expect(open, label).toEqual([]);
      if (topic.status === 'screening' || topic.status === 'rejected') expect(mine, label).toEqual([]);
      // In the method's order, each one starting when the one before ended.
      expect(mine.map((s) => s.step), label).toEqual(CONSULTATION_STEPS.slice(0, mine.length));
      mine.forEach((s, i) => i > 0 && expect(s.started_at.getTime(), label).toBeGreaterThanOrEqual(mine[i - 1]!.ended_at!.getTime()));

      const left = (step: string) => mine.some((s) => s.step === step && s.ended_at !== null) && !(topic.status === 'closed' && mine.at(-1)!.step === step);
      if (left('collect')) expect(mine[0]!.record, label).not.toBeNull();
      if (left('propose')) expect(options.get(topic.id) ?? 0, label).toBeGreaterThan(0);
      if (left('deliberate')) expect(topic.decision, label).not.toBeNull();
      if (left('implement')) expect(!unfinished.has(topic.id) || mine[3]!.record !== null, label).toBe(true);
      if (topic.status === 'evaluated') expect(mine.map((s) => s.step), label).toEqual([...CONSULTATION_STEPS]);
      if (topic.decision_source === 'meeting') expect(heldMeetings.get(topic.decision_meeting_id!), label).toBe(topic.id);
    }
    // The timelines are in order and in the past.
    expect(await n('SELECT count(*)::int AS n FROM topic_events WHERE at > now()')).toBe(0);
    expect(await n('SELECT count(*)::int AS n FROM (SELECT at < lag(at) OVER (PARTITION BY topic_id ORDER BY id) AS back FROM topic_events) x WHERE back')).toBe(0);
    expect(await n("SELECT count(*)::int AS n FROM topics t WHERE NOT EXISTS (SELECT 1 FROM topic_events e WHERE e.topic_id = t.id AND e.kind = 'raised')")).toBe(0);
    expect(await n("SELECT count(*)::int AS n FROM topics t WHERE decision_source = 'vote' AND NOT EXISTS (SELECT 1 FROM topic_vote_ballots b WHERE b.topic_id = t.id)")).toBe(0);
    expect(await n("SELECT count(*)::int AS n FROM topic_votes v JOIN topics t ON t.id = v.topic_id WHERE v.closed_at IS NULL AND v.closes_at > now() AND t.step = 'deliberate'")).toBe(1);
  });

  it('residents took part from their phones (fictitious numbers): supports, comments (a few hidden and told why), answers, ratings', async () => {
    // Residents linked to a registry person are the volunteer seed's (verified party members, shop keepers).
    expect(await n(`SELECT count(*)::int AS n FROM residents WHERE person_id IS NULL AND phone NOT LIKE '${CONSULTATION_FIGURES.residentPhonePrefix}%'`)).toBe(0);
    expect(await n('SELECT count(*)::int AS n FROM residents WHERE person_id IS NULL')).toBe(CONSULTATION_FIGURES.residents);
    expect(await n('SELECT count(*)::int AS n FROM topic_supports')).toBeGreaterThan(0);
    expect(await n('SELECT count(*)::int AS n FROM topic_questionnaire_answers')).toBeGreaterThan(0);
    expect(await n('SELECT count(*)::int AS n FROM topic_comment_reports')).toBeGreaterThan(0);
    const hidden = await rows<{ id: number }>("SELECT id FROM topic_comments WHERE status = 'hidden'");
    expect(hidden.length).toBeGreaterThan(0);
    expect(await n("SELECT count(DISTINCT comment_id)::int AS n FROM resident_notices WHERE kind = 'comment_hidden'")).toBe(hidden.length);
    const ratings = await one<{ n: number; good: number }>('SELECT count(*)::int AS n, count(*) FILTER (WHERE score >= 4)::int AS good FROM topic_ratings');
    expect(ratings.good / ratings.n).toBeGreaterThan(0.75);
    expect(await n("SELECT count(*)::int AS n FROM audit_log WHERE action = 'seed.consultations'")).toBe(1);
  });

  it('lists every topic for the county admin, only its community\'s for a community secretary', async () => {
    const total = await n('SELECT count(*)::int AS n FROM topics');
    const all = (await (await t.login('admin')).get('/api/consultations/topics?pageSize=200')).json() as { data: TopicDto[]; pagination: { total: number } };
    expect(all.pagination.total).toBe(total);
    const community = await nodeId(t.db, '府前社区');
    const mine = await n("SELECT count(*)::int AS n FROM topics t JOIN nodes n ON n.id = t.node_id WHERE n.path LIKE (SELECT path FROM nodes WHERE id = $1) || '%'", [community]);
    expect(mine).toBeGreaterThan(0);
    const theirs = (await (await t.login('community1')).get('/api/consultations/topics?pageSize=200')).json() as { data: TopicDto[]; pagination: { total: number } };
    expect(theirs.pagination.total).toBe(mine);
    expect(new Set(theirs.data.map((x) => x.communityId))).toEqual(new Set([community]));
    for (const x of theirs.data.filter((x) => x.raisedByPhone)) expect(x.raisedByPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});
