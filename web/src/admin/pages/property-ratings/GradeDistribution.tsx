/** A bar per grade (in its colour) counting the period's closed and published ratings; the numbers are its text alternative. */
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RatingGrade } from '@xj/contracts';
import { EChart } from '../../components/EChart';
import { barOption, summary, type Point } from '../consultations/statsCharts';

export function GradeDistribution({ grades, counts }: { grades: readonly RatingGrade[]; counts: Record<string, number> }) {
  const { t } = useTranslation();
  const points: Point[] = grades.map((g) => ({ name: g.name, value: counts[g.code] ?? 0, color: g.colour }));
  if (points.every((p) => p.value === 0)) return <Empty description={t('ratings.detail.noGradesYet')} />;
  return <EChart option={barOption(points, '#595959')} height={240} label={t('ratings.detail.chartLabel', { summary: summary(points) })} />;
}
