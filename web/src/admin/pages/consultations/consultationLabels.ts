/** Consultation labels in the current language and the status tones. */
import { useTranslation } from 'react-i18next';
import {
  AGENDA_KIND_LABELS,
  CONSULTATION_STEP_LABELS,
  TOPIC_EVENT_KIND_LABELS,
  TOPIC_SOURCE_LABELS,
  TOPIC_STATUS_LABELS,
} from '@xj/contracts/domain';
import type { AgendaKind, ConsultationStep, TopicEventKind, TopicSource, TopicStatus } from '@xj/contracts';
import { pick } from '../../../shared/labels';
import type { Tone } from '../../components/ToneTag';

export const TOPIC_STATUS_TONES: Record<TopicStatus, Tone> = {
  screening: 'orange',
  rejected: 'red',
  active: 'blue',
  evaluated: 'green',
  closed: 'grey',
};

export const AGENDA_KIND_TONES: Record<AgendaKind, Tone> = { allowed: 'green', excluded: 'red' };

export function useConsultLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    status: (s: TopicStatus) => pick(TOPIC_STATUS_LABELS[s], lang, s),
    step: (s: ConsultationStep) => pick(CONSULTATION_STEP_LABELS[s], lang, s),
    source: (s: TopicSource) => pick(TOPIC_SOURCE_LABELS[s], lang, s),
    kind: (k: AgendaKind) => pick(AGENDA_KIND_LABELS[k], lang, k),
    // Kinds added later (meetings, votes) still get a readable label.
    eventKind: (k: TopicEventKind) => pick((TOPIC_EVENT_KIND_LABELS as Record<string, { zh: string; en: string }>)[k], lang, k),
  };
}
