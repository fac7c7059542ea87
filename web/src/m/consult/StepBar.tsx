import { useTranslation } from 'react-i18next';
import type { ConsultationStep, TopicStatus } from '@xj/contracts';
import { CONSULTATION_STEP_LABELS, CONSULTATION_STEPS, TOPIC_STATUS_LABELS } from '@xj/contracts/domain';
import { pick } from '../../shared/labels';

/** The five steps (问诉求 提方案 议事项 快办理 评效果) as an ordered list, the current one marked. */
export function StepBar({ step, status }: { step: ConsultationStep | null; status: TopicStatus }) {
  const { t, i18n } = useTranslation();
  const current = step ? CONSULTATION_STEPS.indexOf(step) : status === 'evaluated' ? CONSULTATION_STEPS.length : -1;
  return (
    <ol className="m-steps" aria-label={t('residentConsult.stepsLabel')}>
      {CONSULTATION_STEPS.map((s, i) => (
        <li key={s} className={i === current ? 'm-step-current' : i < current ? 'm-step-done' : undefined} aria-current={i === current ? 'step' : undefined}>
          {pick(CONSULTATION_STEP_LABELS[s], i18n.language)}
          <span className="m-sr">{i === current ? t('residentConsult.stepCurrent') : i < current ? t('residentConsult.stepDone') : ''}</span>
        </li>
      ))}
    </ol>
  );
}

/** A topic's badge: its step while active, else its status (已办结, 待审查 …). */
export function StepBadge({ step, status }: { step: ConsultationStep | null; status: TopicStatus }) {
  const { i18n } = useTranslation();
  const text = status === 'active' && step ? pick(CONSULTATION_STEP_LABELS[step], i18n.language) : pick(TOPIC_STATUS_LABELS[status], i18n.language);
  return <span className={`m-status m-badge-${status}`}>{text}</span>;
}
