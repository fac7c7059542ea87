/** How one source stands for a compound: ✓ when complete, else the cards so far. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PropertyRatingSummaryDto } from '@xj/contracts';
import { ToneTag } from '../../components/ToneTag';

type Progress = PropertyRatingSummaryDto['progress'][number];

export function SourceProgress({ progress, staff }: { progress: Progress | undefined; staff: boolean }) {
  const { t } = useTranslation();
  if (!progress) return <span>—</span>;
  if (progress.complete) {
    return (
      <ToneTag tone="green">{staff ? t('ratings.progress.done') : t('ratings.progress.doneCount', { n: progress.scorecards })}</ToneTag>
    );
  }
  return <Typography.Text type="secondary">{progress.scorecards > 0 ? t('ratings.progress.partial', { n: progress.scorecards }) : t('ratings.progress.none')}</Typography.Text>;
}
