/** A case's status as a coloured tag. */
import { useTranslation } from 'react-i18next';
import type { InnovationStatus } from '@xj/contracts';
import { ToneTag, type Tone } from '../../components/ToneTag';

const TONES: Record<InnovationStatus, Tone> = { draft: 'grey', submitted: 'blue', returned: 'orange', published: 'green', withdrawn: 'red' };

export function InnovationStatusTag({ status }: { status: InnovationStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={TONES[status]}>{t(`innovation.status.${status}`)}</ToneTag>;
}

/** "label value unit" for the key figures of a list row. */
export const figureText = (f: { label: string; value: number; unit: string }) => `${f.label} ${f.value.toLocaleString()}${f.unit}`;
