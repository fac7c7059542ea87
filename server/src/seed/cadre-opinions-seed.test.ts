import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CadreOpinionDto, CadreOpinionStatsDto, CadreOpinionSummaryDto } from '@xj/contracts';
import { startTestApp, type TestApp } from '../test/harness.js';
import { count } from '../test/fixtures.js';
import { ok } from '../test/cloud-consultation.js';
import { chinaDateOf } from '../modules/tickets/working-days.js';
import { CADRE_OPINION_FIGURES } from './cadre-opinions-seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const C = '/api/cadre-opinions';
const today = () => chinaDateOf(new Date());

describe('demo cadre opinions (干部征求意见)', () => {
  const admin = () => t.login('admin');

  it('the seed: 244 requests since 2022, about fifty a year, mostly answered, a few overdue', async () => {
    const stats = ok<CadreOpinionStatsDto>(await (await admin()).get(`${C}/stats?from=2022-01-01&to=${today()}`));
    expect(stats.total).toBe(CADRE_OPINION_FIGURES.requests);
    expect(stats.byYear[0]!.year).toBe(2022);
    for (const y of stats.byYear.filter((y) => y.year >= 2022 && y.year <= 2025)) expect(y.requests).toBeGreaterThanOrEqual(35);
    expect(stats.byAnswer.agree).toBeGreaterThan(stats.byAnswer.agree_with_reservations);
    expect(stats.byAnswer.agree_with_reservations).toBeGreaterThan(stats.byAnswer.disagree);
    expect(stats.byAnswer.disagree).toBeGreaterThan(0);
    expect(stats.answeredShare!).toBeGreaterThan(0.9);
    expect(stats.medianDaysToAnswer!).toBeGreaterThan(0);
    expect(stats.meanDaysToAnswer!).toBeLessThan(30);
    expect(stats.overdue).toBeGreaterThan(0);
    expect(await count(t.db, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'seed.cadreOpinions'")).toBe(1);
    expect(await count(t.db, "SELECT count(*)::int AS n FROM cadre_opinion_requests WHERE status = 'withdrawn' AND requested_at < now() - interval '30 days'")).toBe(1);
  });

  it('every request is routed to the branch covering the cadre\'s home compound; the demo branches have some, pending ones included', async () => {
    expect(
      await count(
        t.db,
        `SELECT count(*)::int AS n FROM cadre_opinion_requests r JOIN people p ON p.id = r.person_id JOIN nodes n ON n.id = p.node_id JOIN nodes c ON c.id = r.compound_id
          WHERE c.kind <> 'compound' OR n.path NOT LIKE c.path || '%' OR NOT EXISTS (SELECT 1 FROM branch_compounds bc WHERE bc.branch_id = r.branch_id AND bc.compound_id = r.compound_id)`,
      ),
    ).toBe(0);
    const branch1 = await t.login('branch1');
    const mine = ok<{ data: CadreOpinionSummaryDto[]; pagination: { total: number } }>(await branch1.get(`${C}?pageSize=100`));
    expect(mine.pagination.total).toBeGreaterThan(0);
    const detail = ok<CadreOpinionDto>(await branch1.get(`${C}/${mine.data[0]!.id}`));
    // The snapshot is the module's own, as of the request.
    expect(detail.evidence.takenAt).toBe(detail.requestedAt);
    const pendingDemo = await count(
      t.db,
      "SELECT count(*)::int AS n FROM cadre_opinion_requests r JOIN party_orgs b ON b.id = r.branch_id WHERE r.status = 'pending' AND b.secretary_user_id IS NOT NULL",
    );
    expect(pendingDemo).toBeGreaterThan(0);
    expect(CADRE_OPINION_FIGURES.pending).toBeGreaterThan(0);
  });
});
