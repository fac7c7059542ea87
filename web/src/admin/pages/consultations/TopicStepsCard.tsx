/**
 * The five steps (问诉求 / 提方案 / 议事项 / 快办理 / 评效果) as an antd Steps bar: each step's
 * dates, responsible person and record; vertical on narrow screens.
 */
import { Grid, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { CONSULTATION_STEPS } from '@xj/contracts/domain';
import type { TopicDetailDto, TopicStepDto } from '@xj/contracts';
import { formatDateTime } from '../../../shared/format';
import { useConsultLabels } from './consultationLabels';
import { TopicMeetings } from './TopicMeetings';

function StepContent({ step, compact }: { step: TopicStepDto | undefined; compact: boolean }) {
  const { t } = useTranslation();
  if (!step) return null;
  // Side by side the five columns are narrow: month, day and time only (the year is in the timeline).
  const at = (v: string) => (compact ? dayjs(v).format('MM-DD HH:mm') : formatDateTime(v));
  return (
    <div className="consult-step-meta">
      <div>{t('consult.detail.started', { at: at(step.startedAt) })}</div>
      {step.endedAt && <div>{t('consult.detail.ended', { at: at(step.endedAt) })}</div>}
      {step.responsibleName && <div>{t('consult.detail.responsible', { name: step.responsibleName })}</div>}
      <div className="consult-text">
        {t('consult.detail.record')}：{step.record ?? t('consult.detail.noRecord')}
      </div>
    </div>
  );
}

export function TopicStepsCard({ topic, onTopicChanged }: { topic: TopicDetailDto; onTopicChanged: () => void }) {
  const labels = useConsultLabels();
  const wide = Grid.useBreakpoint().lg ?? true;
  // The latest entry of each step (a step is entered once; the newest wins if ever repeated).
  const byStep = new Map(topic.steps.map((s) => [s.step, s]));
  const current = topic.step ? CONSULTATION_STEPS.indexOf(topic.step) : topic.status === 'evaluated' ? CONSULTATION_STEPS.length : -1;
  const stopped = topic.status === 'closed' || topic.status === 'rejected';
  // Screening, or rejected by it: the five steps never started.
  if (topic.steps.length === 0) return <Typography.Text type="secondary">{labels.status(topic.status)}</Typography.Text>;

  return (
    <>
      <div className="consult-steps-box">
        <Steps
          orientation={wide ? 'horizontal' : 'vertical'}
          size="small"
          current={Math.min(current, CONSULTATION_STEPS.length - 1)}
          status={topic.status === 'evaluated' ? 'finish' : stopped ? 'error' : 'process'}
          items={CONSULTATION_STEPS.map((s, i) => ({
            key: s,
            title: labels.step(s),
            status: topic.status === 'evaluated' || i < current ? 'finish' : i === current ? (stopped ? 'error' : 'process') : 'wait',
            content: <StepContent step={byStep.get(s)} compact={wide} />,
          }))}
        />
      </div>
      {/* Consultation meetings: in 议事项 and, read-only, once it is over. */}
      {byStep.has('deliberate') && <TopicMeetings topic={topic} onTopicChanged={onTopicChanged} />}
    </>
  );
}
