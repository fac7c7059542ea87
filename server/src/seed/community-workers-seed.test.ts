import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { count } from '../test/fixtures.js';
import { WORKER_FIGURES } from './community-workers-seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('demo community workers (社区工作者)', () => {
  it('185 in post, 59 of them with a full-time bachelor’s degree or higher, a few who left', async () => {
    expect(await count(t.db, "SELECT count(*) FROM community_workers WHERE status = 'active'")).toBe(185);
    expect(
      await count(t.db, "SELECT count(*) FROM community_workers WHERE status = 'active' AND full_time_education AND education IN ('bachelor', 'postgraduate')"),
    ).toBe(59);
    expect(await count(t.db, "SELECT count(*) FROM community_workers WHERE status = 'left'")).toBe(WORKER_FIGURES.left);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'seed.communityWorkers'")).toBe(1);
  });

  it('every community has one head, one or two deputies and staff, about ten in all', async () => {
    const rows = await t.db.query<{ heads: number; deputies: number; staff: number }>(
      `SELECT count(*) FILTER (WHERE w.post = 'head')::int AS heads, count(*) FILTER (WHERE w.post = 'deputy')::int AS deputies,
              count(*) FILTER (WHERE w.post = 'staff')::int AS staff
         FROM nodes n LEFT JOIN community_workers w ON w.community_id = n.id AND w.status = 'active' WHERE n.kind = 'community' GROUP BY n.id`,
    );
    expect(rows).toHaveLength(18);
    for (const r of rows) {
      expect(r.heads).toBe(1);
      expect([1, 2]).toContain(r.deputies);
      expect(r.heads + r.deputies + r.staff).toBeGreaterThanOrEqual(10);
      expect(r.heads + r.deputies + r.staff).toBeLessThanOrEqual(11);
    }
    const ranges = await t.db.query<{ post: string; lo: number; hi: number }>('SELECT post, min(grade) AS lo, max(grade) AS hi FROM community_workers GROUP BY post ORDER BY post');
    expect(ranges.find((r) => r.post === 'head')!.lo).toBeGreaterThan(ranges.find((r) => r.post === 'staff')!.hi - 0);
  });

  it('three batches since 2020; people are new and fictitious; the history replays to the current grade', async () => {
    const batches = await t.db.query<{ batch: string }>('SELECT DISTINCT batch FROM community_workers ORDER BY batch');
    expect(batches.map((b) => b.batch)).toEqual(WORKER_FIGURES.batches.map((b) => b.name));
    expect(await count(t.db, "SELECT count(*) FROM community_workers WHERE recruited_on < '2020-01-01'")).toBe(0);
    expect(await count(t.db, "SELECT count(*) FROM community_workers w JOIN people p ON p.id = w.person_id WHERE p.phone NOT LIKE '1700883%' OR p.id_number NOT LIKE '379900%'")).toBe(0);
    expect(await count(t.db, "SELECT count(*) FROM community_workers WHERE cardinality(qualifications) > 0")).toBeGreaterThan(40);
    // Every worker joined once; the last grade row of their history is the current grade and grade_since.
    expect(await count(t.db, "SELECT count(*) FROM community_worker_changes WHERE kind = 'join'")).toBe(await count(t.db, 'SELECT count(*) FROM community_workers'));
    expect(await count(t.db, "SELECT count(*) FROM community_worker_changes WHERE kind = 'promotion'")).toBeGreaterThan(50);
    const mismatched = await count(
      t.db,
      `SELECT count(*) FROM community_workers w
         JOIN LATERAL (SELECT to_grade, effective_on FROM community_worker_changes h WHERE h.worker_id = w.id AND h.kind IN ('join', 'promotion')
                        ORDER BY effective_on DESC, id DESC LIMIT 1) last ON true
        WHERE last.to_grade <> w.grade OR last.effective_on <> w.grade_since`,
    );
    expect(mismatched).toBe(0);
    expect(await count(t.db, "SELECT count(*) FROM community_worker_changes h JOIN community_workers w ON w.id = h.worker_id WHERE h.kind = 'leave' AND h.effective_on <> w.left_on")).toBe(0);
  });
});
