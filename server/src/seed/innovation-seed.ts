import type { Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { rng } from '../platform/prng.js';
import { DRAFT_CASE, PUBLISHED_CASES, SUBMITTED_CASE, type SeedCase } from './innovation-data.js';

/**
 * The innovation case library: the article's twelve practices published over the last year (the
 * oldest about eleven months ago, roughly four weeks apart, reviewed by admin), one case submitted
 * and waiting for review, and one draft. No attachment files.
 */
export const INNOVATION_FIGURES = { prngSeed: 20261201, published: PUBLISHED_CASES.length, submitted: 1, drafts: 1, spacingDays: 28, newestDaysAgo: 6 } as const;

const DAY = 86_400_000;

export async function seedInnovation(q: Queryable, say: (m: string) => void): Promise<void> {
  const rand = rng(INNOVATION_FIGURES.prngSeed);
  const [admin] = await q.query<{ id: number }>("SELECT id FROM users WHERE username = 'admin'");
  const reviewer = admin?.id ?? null;
  const now = Date.now();
  const insert = async (c: SeedCase, status: string, submittedAt: Date | null, publishedAt: Date | null) => {
    const [node] = await q.query<{ id: number; user_id: number | null }>(
      'SELECT n.id, (SELECT g.user_id FROM grants g WHERE g.node_id = n.id ORDER BY g.id LIMIT 1) AS user_id FROM nodes n WHERE n.name = $1 ORDER BY n.id LIMIT 1',
      [c.node],
    );
    if (!node) throw new Error(`innovation seed: no node named ${c.node}`);
    const author = node.user_id ?? reviewer;
    const created = new Date((submittedAt ?? new Date(now - DAY)).getTime() - 3 * DAY);
    await q.query(
      `INSERT INTO innovation_cases (node_id, unit_name, title, problem, method, results, figures, tags, status, submitted_by, submitted_at,
         reviewed_by, reviewed_at, published_at, created_by, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8::text[],$9,$10::int,$11::timestamptz,$12::int,$13::timestamptz,$13::timestamptz,$14::int,$15::timestamptz,COALESCE($13::timestamptz,$11::timestamptz,$15::timestamptz))`,
      [node.id, c.unitName, c.title, c.problem, c.method, c.results, JSON.stringify(c.figures), c.tags, status, submittedAt && author, submittedAt,
        publishedAt && reviewer, publishedAt, author, created],
    );
  };

  // Oldest first, so ids follow publication order.
  for (let i = 0; i < PUBLISHED_CASES.length; i++) {
    const back = INNOVATION_FIGURES.newestDaysAgo + (PUBLISHED_CASES.length - 1 - i) * INNOVATION_FIGURES.spacingDays;
    const published = new Date(now - back * DAY + Math.floor(rand() * 8 * 3_600_000));
    await insert(PUBLISHED_CASES[i]!, 'published', new Date(published.getTime() - (2 + Math.floor(rand() * 5)) * DAY), published);
  }
  await insert(SUBMITTED_CASE, 'submitted', new Date(now - 2 * DAY), null);
  await insert(DRAFT_CASE, 'draft', null, null);

  const { published, submitted, drafts } = INNOVATION_FIGURES;
  await appendAudit(q, { actorUserId: null, actorName: 'system', action: 'seed.innovation', targetType: 'innovation_case', result: 'success', details: { published, submitted, drafts } });
  say(`创新创效：${published} 个已发布案例，${submitted} 个待审核，${drafts} 个草稿`);
}
