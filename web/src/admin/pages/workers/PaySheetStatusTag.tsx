/** A pay sheet's status as a coloured tag. */
import { useTranslation } from 'react-i18next';
import { PAY_SHEET_STATUS_LABELS, type PaySheetStatus } from '@xj/contracts/domain';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';

const TONES = { draft: 'gold', reviewed: 'blue', locked: 'green' } as const;

export function PaySheetStatusTag({ status }: { status: PaySheetStatus }) {
  useTranslation();
  const { label } = useEnumLabels();
  return <ToneTag tone={TONES[status]}>{label(PAY_SHEET_STATUS_LABELS, status)}</ToneTag>;
}
