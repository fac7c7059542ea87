/** Status, answer and overdue tags of cadre opinion requests, in fixed-contrast tones. */
import { useTranslation } from 'react-i18next';
import { CADRE_OPINION_ANSWER_LABELS, CADRE_OPINION_STATUS_LABELS } from '@xj/contracts/domain';
import type { CadreOpinionAnswer, CadreOpinionStatus } from '@xj/contracts';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';

const STATUS_TONES: Record<CadreOpinionStatus, Tone> = { pending: 'orange', answered: 'green', withdrawn: 'grey' };
const ANSWER_TONES: Record<CadreOpinionAnswer, Tone> = { agree: 'green', agree_with_reservations: 'gold', disagree: 'red' };

export function CadreOpinionStatusTag({ status }: { status: CadreOpinionStatus }) {
  const { label } = useEnumLabels();
  return <ToneTag tone={STATUS_TONES[status]}>{label(CADRE_OPINION_STATUS_LABELS, status)}</ToneTag>;
}

export function CadreOpinionAnswerTag({ answer }: { answer: CadreOpinionAnswer | null }) {
  const { label } = useEnumLabels();
  if (!answer) return <>—</>;
  return <ToneTag tone={ANSWER_TONES[answer]}>{label(CADRE_OPINION_ANSWER_LABELS, answer)}</ToneTag>;
}

export function OverdueTag() {
  const { t } = useTranslation();
  return <ToneTag tone="red">{t('cadreOpinions.overdue')}</ToneTag>;
}
