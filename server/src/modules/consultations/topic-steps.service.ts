import {
  CONSULTATION_STEP_LABELS,
  STEP_EXIT_RULES,
  type ConsultationStep,
  type DecisionSource,
  type StepCondition,
  type TopicAdvance,
  type TopicDecision,
  type TopicDetailDto,
  type TopicOptionCreate,
  type TopicRecord,
  type TopicTaskCreate,
  type TopicTaskUpdate,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import type { AuthContext } from '../../platform/auth/scope.js';
import { assertState, recordMove, responsibleOf, topicDetail, topicToManage } from './topic-access.js';
import * as repo from './topics.repo.js';

/** What the conditions of STEP_EXIT_RULES are checked against. */
export interface StepFacts {
  record: string | null;
  options: number;
  decided: boolean;
  tasks: { progress: number }[];
  outcome: string | null;
}

const HOLDS: Record<StepCondition, (f: StepFacts) => boolean> = {
  record: (f) => f.record !== null,
  option: (f) => f.options > 0,
  decision: (f) => f.decided,
  tasksDoneOrRecord: (f) => f.record !== null || (f.tasks.length > 0 && f.tasks.every((t) => t.progress === 100)),
  outcome: (f) => f.outcome !== null,
};

/** The conditions of leaving `step` that do not hold (pure: the table lives in the contracts). */
export function unmetConditions(step: ConsultationStep, facts: StepFacts): StepCondition[] {
  return STEP_EXIT_RULES[step].needs.filter((c) => !HOLDS[c](facts));
}

/**
 * The five steps (协商议事五步工作法) of an active topic, one at a time: moving on (refused
 * with 409 while the step's conditions do not hold), the step's record, plan options, the
 * decision and tasks. Every change is one transaction with the topic's row locked, a
 * timeline entry and an audit row.
 */
export class TopicStepsService {
  constructor(private readonly db: Db) {}

  /** Leaves the current step (its record kept) and opens the next one; leaving 评效果 concludes the topic. */
  async advance(auth: AuthContext, id: number, input: TopicAdvance, actor: Actor): Promise<TopicDetailDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      assertState(t, ['active'], '进入下一步');
      const step = t.step!;
      if (step !== 'evaluate' && (input.outcome !== undefined || input.reviewDate !== undefined)) {
        throw badRequest('办理结论和复查日期在“评效果”阶段填写');
      }
      const open = (await repo.openStep(q, id))!;
      const record = input.record ?? open.record;
      const facts: StepFacts = {
        record,
        options: (await repo.listOptions(q, id)).length,
        decided: t.decision !== null,
        tasks: await repo.listTasks(q, id),
        outcome: input.outcome ?? null,
      };
      const rule = STEP_EXIT_RULES[step];
      const unmet = unmetConditions(step, facts);
      if (unmet.length) throw new AppError(409, 'ILLEGAL_TRANSITION', rule.message, { step, unmet });

      await repo.endStep(q, open.id, record);
      if (rule.next) {
        const responsible = await responsibleOf(q, input);
        await repo.insertStep(q, id, rule.next, responsible);
        await repo.updateTopic(q, id, { step: rule.next });
        await recordMove(
          q,
          t,
          {
            kind: 'advanced', action: 'topic.advance', step: rule.next, to: 'active', note: record,
            details: { from: step, to: rule.next, fromLabel: CONSULTATION_STEP_LABELS[step].zh, toLabel: CONSULTATION_STEP_LABELS[rule.next].zh, responsible: responsible.name },
          },
          actor,
        );
      } else {
        await repo.updateTopic(q, id, { status: 'evaluated', step: null, outcome: input.outcome, review_date: input.reviewDate ?? null, evaluated_at: new Date() });
        await recordMove(
          q,
          t,
          { kind: 'evaluated', action: 'topic.evaluate', step: null, to: 'evaluated', note: input.outcome!, details: { from: step, reviewDate: input.reviewDate ?? null } },
          actor,
        );
      }
      return topicDetail(q, auth, id);
    });
  }

  /** Writes the current step's record without moving on (audited; not a move, so not on the timeline). */
  async record(auth: AuthContext, id: number, input: TopicRecord, actor: Actor): Promise<TopicDetailDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      assertState(t, ['active'], '填写步骤记录');
      const open = (await repo.openStep(q, id))!;
      await repo.setStepRecord(q, open.id, input.record);
      await audit(q, t, actor, 'topic.record', { step: t.step, length: input.record.length, replaced: open.record !== null });
      return topicDetail(q, auth, id);
    });
  }

  /** 提方案: a plan option with its estimated cost. */
  async addOption(auth: AuthContext, id: number, input: TopicOptionCreate, actor: Actor): Promise<TopicDetailDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      assertState(t, ['active'], '添加方案', 'propose');
      const optionId = await repo.insertOption(q, id, { title: input.title, description: input.description ?? null, cost: input.cost ?? null, createdBy: actor.userId });
      await recordMove(q, t, { kind: 'option_added', action: 'topic.option', step: t.step, to: 'active', note: input.title, details: { optionId, cost: input.cost ?? null } }, actor);
      return topicDetail(q, auth, id);
    });
  }

  /**
   * 议事项: the decision and the option chosen, entered by hand (`decisionSource: recorded`);
   * may be corrected while the topic is still deliberating.
   */
  async decide(auth: AuthContext, id: number, input: TopicDecision, actor: Actor): Promise<TopicDetailDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      assertState(t, ['active'], '记录议事决定', 'deliberate');
      await applyDecision(q, t, { decision: input.decision, optionId: input.optionId, source: 'recorded', meetingId: null }, actor);
      return topicDetail(q, auth, id);
    });
  }

  /** 快办理: a task with owner, deadline and progress. */
  async addTask(auth: AuthContext, id: number, input: TopicTaskCreate, actor: Actor): Promise<TopicDetailDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      assertState(t, ['active'], '添加办理任务', 'implement');
      const values = { title: input.title, ownerName: input.ownerName, deadline: input.deadline ?? null, progress: input.progress };
      const taskId = await repo.insertTask(q, id, values, actor.userId);
      await recordMove(q, t, { kind: 'task_added', action: 'topic.task', step: t.step, to: 'active', note: input.title, details: { taskId, ...values } }, actor);
      return topicDetail(q, auth, id);
    });
  }

  async updateTask(auth: AuthContext, id: number, taskId: number, input: TopicTaskUpdate, actor: Actor): Promise<TopicDetailDto> {
    return this.db.tx(async (q) => {
      const t = await topicToManage(q, auth, id);
      const before = await repo.getTask(q, id, taskId);
      if (!before) throw notFound('办理任务');
      assertState(t, ['active'], '更新办理任务', 'implement');
      const after = {
        title: input.title ?? before.title,
        ownerName: input.ownerName ?? before.ownerName,
        deadline: input.deadline === undefined ? before.deadline : input.deadline,
        progress: input.progress ?? before.progress,
      };
      await repo.updateTask(q, taskId, after);
      const changes = Object.fromEntries(
        (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]).map((k) => [k, { from: before[k], to: after[k] }]),
      );
      await recordMove(q, t, { kind: 'task_updated', action: 'topic.taskUpdate', step: t.step, to: 'active', note: null, details: { taskId, title: after.title, changes } }, actor);
      return topicDetail(q, auth, id);
    });
  }
}

/**
 * Sets the decision of 议事项 (what its exit condition checks) on a topic the caller holds
 * locked in that step: entered by hand (`recorded`), by a consultation meeting being held
 * (`meeting`, with its id) or by an online vote's winner (`vote`). The option, when given,
 * must be one of the topic's. One timeline entry `decided` and one audit row `topic.decide`.
 */
export async function applyDecision(
  q: Queryable,
  t: repo.TopicRow,
  v: { decision: string; optionId: number | null; source: DecisionSource; meetingId: number | null },
  actor: Actor,
): Promise<void> {
  const option = v.optionId === null ? null : (await repo.listOptions(q, t.id)).find((o) => o.id === v.optionId);
  if (option === undefined) throw badRequest('选定的方案不属于该议题');
  await repo.updateTopic(q, t.id, {
    decision: v.decision, decision_option_id: option?.id ?? null, decision_source: v.source, decision_meeting_id: v.meetingId, decided_at: new Date(), decided_by: actor.userId,
  });
  const details: Record<string, unknown> = { optionId: option?.id ?? null, option: option?.title ?? null, replaced: t.decision !== null };
  if (v.meetingId !== null) Object.assign(details, { source: v.source, meetingId: v.meetingId });
  else if (v.source === 'vote') Object.assign(details, { source: v.source });
  await recordMove(q, t, { kind: 'decided', action: 'topic.decide', step: t.step, to: 'active', note: v.decision, details }, actor);
}

async function audit(q: Queryable, t: repo.TopicRow, actor: Actor, action: string, details: Record<string, unknown>): Promise<void> {
  await appendAudit(q, { ...actorEntry(actor), action, targetType: 'topic', targetId: t.id, nodeId: t.node_id, result: 'success', details: { title: t.title, ...details } });
}
