import type { Medal } from '@xj/contracts';
import type { Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { answerCorrect, drawPaper } from '../modules/secretary-contest/contest-scoring.js';
import { computeResults } from '../modules/secretary-contest/secretary-contest.service.js';
import * as repo from '../modules/secretary-contest/secretary-contest.repo.js';
import { SEED_QUESTIONS } from './secretary-contest-data.js';

/**
 * The secretary contest (needs seedCommunityWorkers first): the question bank, twelve monthly contests
 * over the last year — judged by admin and subdistrict1, every head's test taken, closed with ranks,
 * medals and rewards — and this month's contest open (test window open for 30 days, nothing scored yet).
 */
export const SECRETARY_CONTEST_FIGURES = { prngSeed: 20261128, pastContests: 12, perLevel: 5, timeLimitMinutes: 20 };
const REWARDS: Record<Medal, [string, number]> = { gold: ['金牌奖励：通报表扬并发放奖金', 1000], silver: ['银牌奖励：通报表扬并发放奖金', 600], bronze: ['铜牌奖励：通报表扬并发放奖金', 300] };

const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

export async function seedSecretaryContest(q: Queryable, say: (m: string) => void): Promise<void> {
  say('擂台比武：题库与近一年的月度比武');
  let a = SECRETARY_CONTEST_FIGURES.prngSeed;
  const rand = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  const [county] = await q.query<{ id: number }>(`SELECT id FROM nodes WHERE kind = 'county' ORDER BY id LIMIT 1`);
  const judgeIds = (await q.query<{ id: number }>(`SELECT id FROM users WHERE username IN ('admin', 'subdistrict1') ORDER BY id`)).map((u) => u.id);
  for (const x of SEED_QUESTIONS) await repo.insertQuestion(q, x, null);
  const bank = await repo.activeBank(q);
  const questions = new Map((await repo.listQuestions(q)).map((x) => [x.id, x]));
  const heads = (await q.query<{ id: number }>(`SELECT w.id FROM community_workers w WHERE w.post = 'head' AND w.status = 'active' ORDER BY w.community_id, w.id`)).map((h) => h.id);
  // Each head's steady strength, so medal histories show trends rather than noise.
  const strength = new Map(heads.map((h) => [h, 0.55 + rand() * 0.4]));
  const now = new Date();
  const { perLevel, timeLimitMinutes } = SECRETARY_CONTEST_FIGURES;
  let medals = 0;

  for (let back = SECRETARY_CONTEST_FIGURES.pastContests; back >= 0; back--) {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1, 1));
    const month = monthOf(first);
    const open = back === 0;
    const opensAt = open ? new Date(now.getTime() - 86_400_000) : new Date(first.getTime() + 14 * 86_400_000);
    const closesAt = open ? new Date(now.getTime() + 30 * 86_400_000) : new Date(opensAt.getTime() + 3 * 86_400_000);
    const id = await repo.insertContest(q, {
      month, title: `${month.slice(0, 4)}年${Number(month.slice(5))}月社区书记擂台比武`, weights: { report: 40, visit: 30, test: 30 }, perLevel, timeLimitMinutes,
      testOpensAt: opensAt.toISOString(), testClosesAt: closesAt.toISOString(), createdBy: judgeIds[0] ?? null,
    });
    await repo.insertJudges(q, id, judgeIds);
    await repo.insertEntries(q, id, heads);
    if (open) continue;
    const entries = await q.query<{ id: number; worker_id: number }>('SELECT id, worker_id FROM secretary_contest_entries WHERE contest_id = $1 ORDER BY id', [id]);
    for (const e of entries) {
      const k = strength.get(e.worker_id)!;
      for (const judge of judgeIds) {
        for (const part of ['report', 'visit']) await repo.insertScore(q, e.id, judge, part, Math.min(100, Math.round(60 + k * 35 + rand() * 8)));
      }
      const started = new Date(opensAt.getTime() + Math.floor(rand() * 48) * 3_600_000);
      const ids = drawPaper(bank, perLevel, id, e.worker_id);
      await repo.startPaper(q, e.id, ids, started);
      let correct = 0;
      for (const [i, qid] of ids.entries()) {
        const question = questions.get(qid)!;
        const right = rand() < k;
        const chosen = right ? question.answer : [(question.answer[0]! + 1) % question.options.length];
        const ok = answerCorrect(question.kind, question.answer, chosen);
        if (ok) correct++;
        await repo.answerQuestion(q, e.id, i + 1, chosen, ok);
      }
      await repo.submitPaper(q, e.id, correct, new Date(started.getTime() + (5 + Math.floor(rand() * 14)) * 60_000));
    }
    const c = (await repo.getContest(q, id))!;
    for (const r of await computeResults(q, c)) await repo.saveResult(q, r);
    await repo.closeContest(q, id, closesAt);
    for (const medal of ['gold', 'silver', 'bronze'] as const) {
      if (await repo.saveReward(q, id, medal, REWARDS[medal][0], REWARDS[medal][1] * 100)) medals++;
    }
  }
  await appendAudit(q, {
    actorUserId: null, actorName: 'system', action: 'seed.secretaryContest', targetType: 'county', targetId: county!.id, nodeId: county!.id, result: 'success',
    details: { questions: SEED_QUESTIONS.length, contests: SECRETARY_CONTEST_FIGURES.pastContests + 1, contestants: heads.length, medals },
  });
}
