import {
  CONTEST_LIMITS,
  MEDAL_LABELS,
  questionProblem,
  ROLE_PERMISSIONS,
  ROLES,
  type JudgeCandidateListDto,
  type ContestCreate,
  type ContestDetailDto,
  type ContestEntryDto,
  type ContestRewardsBody,
  type ContestSummaryDto,
  type JudgedPart,
  type MedalHistoryDto,
  type PaperDto,
  type PaperSubmit,
  type QuestionCreate,
  type QuestionDto,
  type QuestionListDto,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { scopeFor, scopePatterns, type AuthContext } from '../../platform/auth/scope.js';
import { isoOf } from '../person-roles/person-ref.js';
import { workerSummaryDto } from '../community-workers/worker-summary.js';
import { answerCorrect, drawPaper, hundredthsToNumber, meanHundredths, rankEntries, testHundredths, totalHundredths } from './contest-scoring.js';
import * as repo from './secretary-contest.repo.js';

const CONTEST = '擂台比武';
/** Roles whose holders may score, so may be appointed judges. */
export const JUDGE_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('contest.score'));
const QUESTION = '试题';

const questionDto = (r: repo.QuestionRow): QuestionDto => ({ id: r.id, kind: r.kind, difficulty: r.difficulty, stem: r.stem, options: r.options, answer: r.answer, active: r.active });

/** Checks a question's answer against its kind and options (400 in Chinese). */
function checkQuestion(x: QuestionCreate): void {
  const problem = questionProblem(x);
  if (problem) throw badRequest(problem);
}

export class SecretaryContestService {
  constructor(private readonly db: Db) {}

  // ── Question bank ────────────────────────────────────────────────────────────────────────
  async listQuestions(): Promise<QuestionListDto> {
    const rows = await repo.listQuestions(this.db);
    const counts: Record<string, number> = {};
    for (const r of rows.filter((x) => x.active)) counts[String(r.difficulty)] = (counts[String(r.difficulty)] ?? 0) + 1;
    return { data: rows.map(questionDto), counts };
  }

  async createQuestion(input: QuestionCreate, actor: Actor): Promise<QuestionDto> {
    checkQuestion(input);
    return this.db.tx(async (q) => {
      const id = await repo.insertQuestion(q, input, actor.userId);
      await appendAudit(q, { ...actorEntry(actor), action: 'contestQuestion.create', targetType: 'contest_question', targetId: id, result: 'success', details: { kind: input.kind, difficulty: input.difficulty } });
      return questionDto((await repo.getQuestion(q, id))!);
    });
  }

  /** Retires a question: drawn papers keep it, new draws skip it. */
  async retireQuestion(id: number, actor: Actor): Promise<QuestionDto> {
    return this.db.tx(async (q) => {
      const row = await repo.getQuestion(q, id);
      if (!row) throw notFound(QUESTION);
      if (!row.active) throw conflict('该试题已停用');
      await repo.retireQuestion(q, id);
      await appendAudit(q, { ...actorEntry(actor), action: 'contestQuestion.retire', targetType: 'contest_question', targetId: id, result: 'success' });
      return questionDto((await repo.getQuestion(q, id))!);
    });
  }

  /** Console users who may be appointed judges (names and their unit only). */
  async judgeCandidates(): Promise<JudgeCandidateListDto> {
    return { data: await repo.judgeCandidates(this.db, JUDGE_ROLES) };
  }

  // ── Contests ─────────────────────────────────────────────────────────────────────────────
  private async summary(q: Queryable, auth: AuthContext, c: repo.ContestRow): Promise<ContestSummaryDto> {
    const mine = await repo.entryOfUser(q, c.id, auth.user.id);
    return {
      id: c.id,
      month: c.month,
      title: c.title,
      status: c.status,
      weights: { report: c.weight_report, visit: c.weight_visit, test: c.weight_test },
      perLevel: c.per_level,
      timeLimitMinutes: c.time_limit_minutes,
      testOpensAt: isoOf(c.test_opens_at),
      testClosesAt: isoOf(c.test_closes_at),
      contestants: c.contestants,
      closedAt: c.closed_at && isoOf(c.closed_at),
      isJudge: await repo.isJudge(q, c.id, auth.user.id),
      myEntryId: mine?.id ?? null,
    };
  }

  async list(auth: AuthContext): Promise<{ data: ContestSummaryDto[] }> {
    const rows = await repo.listContests(this.db);
    return { data: await Promise.all(rows.map((c) => this.summary(this.db, auth, c))) };
  }

  private async detail(q: Queryable, auth: AuthContext, id: number): Promise<ContestDetailDto> {
    const c = await repo.getContest(q, id);
    if (!c) throw notFound(CONTEST);
    const entries: ContestEntryDto[] = (await repo.entries(q, id, auth.user.id)).map((e) => ({
      id: e.entry_id,
      worker: workerSummaryDto(e),
      judged: { report: e.judged_report, visit: e.judged_visit },
      myScores: { report: e.my_report, visit: e.my_visit },
      testStartedAt: e.test_started_at && isoOf(e.test_started_at),
      testSubmittedAt: e.test_submitted_at && isoOf(e.test_submitted_at),
      report: hundredthsToNumber(e.report_hundredths),
      visit: hundredthsToNumber(e.visit_hundredths),
      test: hundredthsToNumber(e.test_hundredths),
      total: hundredthsToNumber(e.total_hundredths),
      rank: e.rank,
      medal: e.medal,
      rewardText: e.reward_text,
      rewardAmount: e.reward_cents === null ? null : e.reward_cents / 100,
    }));
    return { ...(await this.summary(q, auth, c)), judges: await repo.judges(q, id), entries, canManage: auth.permissions.has('contest.manage') };
  }

  get(auth: AuthContext, id: number): Promise<ContestDetailDto> {
    return this.detail(this.db, auth, id);
  }

  /** Creates a month's contest: contestants are the active community secretaries in the caller's scope. */
  async create(auth: AuthContext, input: ContestCreate, actor: Actor): Promise<ContestDetailDto> {
    const { report, visit, test } = input.weights;
    if (report + visit + test !== 100) throw badRequest('三部分权重之和应为 100%');
    if (Date.parse(input.testClosesAt) <= Date.parse(input.testOpensAt)) throw badRequest('知识测试的结束时间应晚于开始时间');
    return this.db.tx(async (q) => {
      if (await repo.monthTaken(q, input.month)) throw conflict(`${input.month} 的擂台比武已经创建`);
      const judgeIds = [...new Set(input.judgeIds)];
      const found = await repo.usersExist(q, judgeIds, JUDGE_ROLES);
      if (found.length !== judgeIds.length) throw badRequest('评委账号不存在、已停用或没有评分权限，请从评委候选名单中选择');
      const bank = await repo.activeBank(q);
      for (const level of [1, 2, 3]) {
        if ((bank.get(level)?.length ?? 0) < input.perLevel) throw badRequest(`题库中难度 ${level} 的试题不足 ${input.perLevel} 道`);
      }
      const heads = await repo.activeHeads(q, scopePatterns(scopeFor(auth, 'contest.manage')));
      if (heads.length === 0) throw badRequest('范围内没有在岗的社区书记');
      const id = await repo.insertContest(q, { ...input, createdBy: actor.userId });
      await repo.insertJudges(q, id, judgeIds);
      await repo.insertEntries(q, id, heads.map((h) => h.id));
      await appendAudit(q, {
        ...actorEntry(actor), action: 'secretaryContest.create', targetType: 'secretary_contest', targetId: id, result: 'success',
        details: { month: input.month, weights: input.weights, judges: judgeIds, contestants: heads.length },
      });
      return this.detail(q, auth, id);
    });
  }

  /**
   * A judge's score for one part of one contestant. Only judges appointed to the contest (403);
   * one score per judge, contestant and part (409); none after the contest closes (409).
   */
  async score(auth: AuthContext, id: number, entryId: number, part: JudgedPart, score: number, actor: Actor): Promise<ContestDetailDto> {
    return this.db.tx(async (q) => {
      const c = await repo.getContest(q, id, { forUpdate: true });
      if (!c) throw notFound(CONTEST);
      if (!(await repo.isJudge(q, id, auth.user.id))) throw new AppError(403, 'FORBIDDEN', '您不是本场擂台比武的评委');
      const entry = await repo.entryOf(q, id, entryId);
      if (!entry) throw notFound('参赛人员');
      if (c.status !== 'open') throw conflict('本场擂台比武已结束评分');
      if (!(await repo.insertScore(q, entryId, auth.user.id, part, score))) throw conflict('您已为该书记的这一环节评过分，不能重复评分');
      await appendAudit(q, {
        ...actorEntry(actor), action: 'secretaryContest.score', targetType: 'secretary_contest_entry', targetId: entryId, result: 'success',
        details: { contestId: id, part, score },
      });
      return this.detail(q, auth, id);
    });
  }

  /** Closes the contest: part scores, exact weighted totals, the ranking by the tie rule and the medals. */
  async close(auth: AuthContext, id: number, actor: Actor, at: Date | null = null): Promise<ContestDetailDto> {
    return this.db.tx(async (q) => {
      const c = await repo.getContest(q, id, { forUpdate: true });
      if (!c) throw notFound(CONTEST);
      if (c.status !== 'open') throw conflict('本场擂台比武已经结束');
      const ranked = await computeResults(q, c);
      for (const r of ranked) await repo.saveResult(q, r);
      await repo.closeContest(q, id, at);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'secretaryContest.close', targetType: 'secretary_contest', targetId: id, result: 'success',
        details: { month: c.month, podium: ranked.slice(0, 3).map((r) => ({ entryId: r.id, total: r.total / 100, medal: r.medal })) },
      });
      return this.detail(q, auth, id);
    });
  }

  /** Records the rewards given to the medallists of a closed contest. */
  async rewards(auth: AuthContext, id: number, body: ContestRewardsBody, actor: Actor): Promise<ContestDetailDto> {
    return this.db.tx(async (q) => {
      const c = await repo.getContest(q, id, { forUpdate: true });
      if (!c) throw notFound(CONTEST);
      if (c.status !== 'closed') throw conflict('比武结束、名次确定后才能登记奖励');
      for (const r of body.rewards) {
        const entryId = await repo.saveReward(q, id, r.medal, r.text, Math.round(r.amount * 100));
        if (!entryId) throw badRequest(`本场没有${MEDAL_LABELS[r.medal]}获得者`);
        await appendAudit(q, {
          ...actorEntry(actor), action: 'secretaryContest.reward', targetType: 'secretary_contest_entry', targetId: entryId, result: 'success',
          details: { contestId: id, medal: r.medal, text: r.text, amount: r.amount },
        });
      }
      return this.detail(q, auth, id);
    });
  }

  // ── Knowledge test ───────────────────────────────────────────────────────────────────────
  private async myEntry(q: Queryable, auth: AuthContext, id: number): Promise<{ c: repo.ContestRow; entry: { id: number; worker_id: number } }> {
    const c = await repo.getContest(q, id);
    if (!c) throw notFound(CONTEST);
    const entry = await repo.entryOfUser(q, id, auth.user.id);
    if (!entry) throw new AppError(403, 'FORBIDDEN', '您不是本场擂台比武的参赛书记');
    return { c, entry };
  }

  private async paperDto(q: Queryable, c: repo.ContestRow, entryId: number): Promise<PaperDto> {
    const t = await repo.entryTiming(q, entryId);
    const submitted = t.test_submitted_at !== null;
    const rows = await repo.paper(q, entryId);
    return {
      contestId: c.id,
      entryId,
      timeLimitMinutes: c.time_limit_minutes,
      questionCount: rows.length || c.per_level * 3,
      startedAt: t.test_started_at && isoOf(t.test_started_at),
      deadline: t.test_started_at && new Date(t.test_started_at.getTime() + c.time_limit_minutes * 60_000).toISOString(),
      submittedAt: t.test_submitted_at && isoOf(t.test_submitted_at),
      correct: t.test_correct,
      score: submitted ? testHundredths(t.test_correct ?? 0, rows.length) / 100 : null,
      questions: rows.map((r) => ({ seq: r.seq, kind: r.kind, difficulty: r.difficulty, stem: r.stem, options: r.options, chosen: r.chosen, correct: submitted ? r.correct : null })),
    };
  }

  async getPaper(auth: AuthContext, id: number): Promise<PaperDto> {
    const { c, entry } = await this.myEntry(this.db, auth, id);
    return this.paperDto(this.db, c, entry.id);
  }

  /** Starts the timer and draws the paper (deterministic per contest and contestant); starting again returns the same paper. */
  async startTest(auth: AuthContext, id: number, actor: Actor): Promise<PaperDto> {
    return this.db.tx(async (q) => {
      const { c, entry } = await this.myEntry(q, auth, id);
      await repo.getContest(q, id, { forUpdate: true });
      const t = await repo.entryTiming(q, entry.id);
      if (t.test_started_at) return this.paperDto(q, c, entry.id);
      if (c.status !== 'open') throw conflict('本场擂台比武已结束');
      if (t.now < c.test_opens_at || t.now > c.test_closes_at) throw conflict('不在知识测试的开放时间内');
      const ids = drawPaper(await repo.activeBank(q), c.per_level, c.id, entry.worker_id);
      await repo.startPaper(q, entry.id, ids);
      await appendAudit(q, { ...actorEntry(actor), action: 'secretaryContest.testStart', targetType: 'secretary_contest_entry', targetId: entry.id, result: 'success', details: { contestId: id, questions: ids.length } });
      return this.paperDto(q, c, entry.id);
    });
  }

  /**
   * Submits the answers once. Submissions later than the time limit plus CONTEST_LIMITS.graceSeconds
   * are refused (409) and the paper counts as unanswered (0) when the contest closes.
   */
  async submitTest(auth: AuthContext, id: number, body: PaperSubmit, actor: Actor): Promise<PaperDto> {
    return this.db.tx(async (q) => {
      const { c, entry } = await this.myEntry(q, auth, id);
      const t = await repo.entryTiming(q, entry.id);
      if (!t.test_started_at) throw conflict('请先开始答题');
      if (t.test_submitted_at) throw conflict('试卷已经提交，不能重复提交');
      if (c.status !== 'open') throw conflict('本场擂台比武已结束');
      const limit = t.test_started_at.getTime() + c.time_limit_minutes * 60_000 + CONTEST_LIMITS.graceSeconds * 1000;
      if (t.now.getTime() > limit) throw conflict('答题时间已到，超时提交不计分');
      const rows = await repo.paper(q, entry.id);
      const chosen = new Map(body.answers.map((a) => [a.seq, a.chosen]));
      if ([...chosen.keys()].some((s) => !rows.some((r) => r.seq === s))) throw badRequest('答案中的题号不在试卷上');
      let correct = 0;
      for (const r of rows) {
        const pick = chosen.get(r.seq) ?? null;
        const ok = answerCorrect(r.kind, r.answer, pick);
        if (ok) correct++;
        await repo.answerQuestion(q, entry.id, r.seq, pick && pick.length > 0 ? pick : null, ok);
      }
      await repo.submitPaper(q, entry.id, correct);
      await appendAudit(q, { ...actorEntry(actor), action: 'secretaryContest.testSubmit', targetType: 'secretary_contest_entry', targetId: entry.id, result: 'success', details: { contestId: id, correct, of: rows.length } });
      return this.paperDto(q, c, entry.id);
    });
  }

  // ── Medal history ────────────────────────────────────────────────────────────────────────
  async history(auth: AuthContext, workerId: number): Promise<MedalHistoryDto> {
    const worker = await repo.workerInScope(this.db, workerId, scopePatterns(scopeFor(auth, 'contest.read')));
    if (!worker) throw notFound('社区书记');
    const rows = await repo.workerHistory(this.db, workerId);
    const medals = { gold: 0, silver: 0, bronze: 0 };
    for (const r of rows) if (r.medal) medals[r.medal]++;
    return {
      worker: workerSummaryDto(worker),
      medals,
      contests: rows.map((r) => ({ contestId: r.contest_id, month: r.month, title: r.title, total: hundredthsToNumber(r.total_hundredths), rank: r.rank, contestants: r.contestants, medal: r.medal })),
    };
  }
}

/** Part scores, totals, ranks and medals of a contest from the judges' scores and the submitted papers. */
export async function computeResults(q: Queryable, c: repo.ContestRow): Promise<repo.ResultUpdate[]> {
  const scores = await repo.partScores(q, c.id);
  const sizes = await repo.paperSizes(q, c.id);
  const rows = await repo.entries(q, c.id, 0);
  const w = { report: c.weight_report, visit: c.weight_visit, test: c.weight_test };
  const parts = rows.map((e) => {
    const of = (part: 'report' | 'visit') => meanHundredths(scores.filter((s) => s.entry_id === e.entry_id && s.part === part).map((s) => s.score));
    const report = of('report');
    const visit = of('visit');
    // Not submitted (or submitted late and refused) counts as unanswered: 0.
    const test = testHundredths(e.test_submitted_at ? (e.test_correct ?? 0) : 0, sizes.get(e.entry_id) ?? c.per_level * 3);
    return { id: e.entry_id, name: e.name, report, visit, test, total: totalHundredths(w, { report, visit, test }), submittedAt: e.test_submitted_at?.getTime() ?? null };
  });
  return rankEntries(parts.map((p) => ({ ...p, report: p.report ?? 0, reportRaw: p.report }))).map((r) => ({
    id: r.id, report: r.reportRaw, visit: r.visit, test: r.test, total: r.total, rank: r.rank, medal: r.medal,
  }));
}
