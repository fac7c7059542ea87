import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InnovationLatestDto, InnovationLibraryDto, InnovationSubmissionsDto } from '@xj/contracts';
import { startTestApp, type TestApp } from '../test/harness.js';
import { count } from '../test/fixtures.js';
import { ok } from '../test/cloud-consultation.js';
import { INNOVATION_FIGURES } from './innovation-seed.js';
import { PUBLISHED_CASES } from './innovation-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('demo innovation cases (创新创效)', () => {
  it("a dozen published cases from the article, one submitted, one draft, one audit row", async () => {
    const rows = await t.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM innovation_cases GROUP BY status ORDER BY status');
    expect(rows).toEqual([
      { status: 'draft', n: INNOVATION_FIGURES.drafts },
      { status: 'published', n: 12 },
      { status: 'submitted', n: INNOVATION_FIGURES.submitted },
    ]);
    const titles = (await t.db.query<{ title: string }>("SELECT title FROM innovation_cases WHERE status = 'published'")).map((r) => r.title);
    for (const needle of ['支部建在小区上', '红色管家', '红色业委会', '四色管理', '首问负责', '书记接待日', '双报到', '七议五不议', '五步工作法', '云商量', '红色商铺', '擂台比武']) {
      expect(titles.some((x) => x.includes(needle)), needle).toBe(true);
    }
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'seed.innovation'")).toBe(1);
  });

  it("carries the article's figures", async () => {
    const figures = await t.db.query<{ label: string; value: number }>(
      "SELECT f->>'label' AS label, (f->>'value')::float8 AS value FROM innovation_cases c, jsonb_array_elements(c.figures) f WHERE c.status = 'published'",
    );
    const values = figures.map((f) => f.value);
    for (const v of [171, 1935, 194, 90, 400, 244, 185, 42, 1671, 59]) expect(values, String(v)).toContain(v);
  });

  it('publication dates spread over the last year, each unit a node of the tree, reviewed and submitted before publishing', async () => {
    const rows = await t.db.query<{ published_at: Date; submitted_at: Date; reviewed_by: number | null; kind: string }>(
      "SELECT c.published_at, c.submitted_at, c.reviewed_by, n.kind FROM innovation_cases c JOIN nodes n ON n.id = c.node_id WHERE c.status = 'published' ORDER BY c.published_at",
    );
    const days = rows.map((r) => (Date.now() - new Date(r.published_at).getTime()) / 86_400_000);
    expect(days[0]!).toBeLessThan(366);
    expect(days[0]! - days.at(-1)!).toBeGreaterThan(270);
    expect(days.at(-1)!).toBeGreaterThan(0);
    expect(rows.every((r) => r.reviewed_by !== null && new Date(r.submitted_at) < new Date(r.published_at))).toBe(true);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['county', 'subdistrict', 'community']));
  });

  it('the library, its tag counts, the latest list and the review queue read them through the API', async () => {
    const admin = await t.login('admin');
    const library = ok<InnovationLibraryDto>(await admin.get('/api/innovation?pageSize=50'));
    expect(library.pagination.total).toBe(PUBLISHED_CASES.length);
    expect(library.tags.find((x) => x.tag === '商量')).toEqual({ tag: '商量', count: 2 });
    expect(library.tags.find((x) => x.tag === '物业管理')).toEqual({ tag: '物业管理', count: 2 });
    const latest = ok<InnovationLatestDto>(await admin.get('/api/innovation/latest?limit=3'));
    expect(latest.data.map((x) => x.title)).toEqual(PUBLISHED_CASES.slice(-3).reverse().map((c) => c.title));
    const queue = ok<InnovationSubmissionsDto>(await admin.get('/api/innovation/submissions?status=submitted'));
    expect(queue.data.map((x) => x.title)).toEqual(['新就业群体暖心驿站']);
  });
});
