/** A topic's status tag, its category tag (allowed / excluded colours) and the compact five-step progress. */
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONSULTATION_STEPS } from '@xj/contracts/domain';
import type { TopicDto, TopicStatus } from '@xj/contracts';
import { ToneTag } from '../../components/ToneTag';
import { AGENDA_KIND_TONES, TOPIC_STATUS_TONES, useConsultLabels } from './consultationLabels';

export function TopicStatusTag({ status }: { status: TopicStatus }) {
  const labels = useConsultLabels();
  return <ToneTag tone={TOPIC_STATUS_TONES[status]}>{labels.status(status)}</ToneTag>;
}

export function CategoryTag({ category }: { category: TopicDto['category'] }) {
  const { t } = useTranslation();
  const labels = useConsultLabels();
  if (!category) return <ToneTag tone="grey">{t('consult.topics.unscreened')}</ToneTag>;
  return (
    <Tooltip title={labels.kind(category.kind)}>
      <ToneTag tone={AGENDA_KIND_TONES[category.kind]} data-kind={category.kind}>
        {category.name}
      </ToneTag>
    </Tooltip>
  );
}

/** Five small segments: done, current, to come. Evaluated topics show all five done. */
export function StepProgress({ topic }: { topic: Pick<TopicDto, 'status' | 'step'> }) {
  const labels = useConsultLabels();
  if (topic.status !== 'active' && topic.status !== 'evaluated') return <span aria-hidden="true">—</span>;
  const current = topic.step ? CONSULTATION_STEPS.indexOf(topic.step) : CONSULTATION_STEPS.length;
  const label = topic.step ? `${current + 1}/5 ${labels.step(topic.step)}` : labels.status(topic.status);
  return (
    <span className="consult-step-progress" role="img" aria-label={label}>
      <span className="consult-step-bars" aria-hidden="true">
        {CONSULTATION_STEPS.map((s, i) => (
          <span key={s} className={`consult-step-bar${i < current ? ' is-done' : i === current ? ' is-current' : ''}`} />
        ))}
      </span>
      <span className="consult-step-label" aria-hidden="true">
        {label}
      </span>
    </span>
  );
}
