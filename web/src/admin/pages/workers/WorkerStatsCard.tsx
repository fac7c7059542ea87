/** 三岗十八级分布: in-post counts, and a bar per grade stacked by post; the numbers are the chart's text alternative. */
import { useEffect, useRef, useState } from 'react';
import { Card, Empty, Statistic, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { WORKER_GRADE_MAX, WORKER_POST_LABELS, WORKER_POSTS } from '@xj/contracts/domain';
import type { WorkerStatsDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { EChart, type ChartOption } from '../../components/EChart';
import { useEnumLabels } from '../../registry/useEnumLabel';

const POST_COLOURS = { head: '#b71c1c', deputy: '#0b5cad', staff: '#2e7d32' } as const;
const AXIS_TEXT = '#333';

export function WorkerStatsCard({ nodeId, onLoaded }: { nodeId?: number | undefined; onLoaded?: (stats: WorkerStatsDto) => void }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const [stats, setStats] = useState<WorkerStatsDto | null>(null);
  // The parent's callback changes every render; it must not refetch.
  const loaded = useRef(onLoaded);
  useEffect(() => {
    loaded.current = onLoaded;
  });

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<WorkerStatsDto>('/api/workers/stats', { query: { nodeId }, signal: controller.signal })
      .then((s) => {
        setStats(s);
        loaded.current?.(s);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [nodeId]);

  const grades = Array.from({ length: WORKER_GRADE_MAX }, (_, i) => i + 1);
  const cell = (post: string, grade: number) => stats?.byPostGrade.find((c) => c.post === post && c.grade === grade)?.count ?? 0;
  const option: ChartOption = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: AXIS_TEXT } },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: grades.map((g) => String(g)), axisLabel: { color: AXIS_TEXT } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: AXIS_TEXT } },
    series: WORKER_POSTS.map((post) => ({
      type: 'bar' as const,
      name: label(WORKER_POST_LABELS, post),
      stack: 'posts',
      barMaxWidth: 24,
      itemStyle: { color: POST_COLOURS[post] },
      data: grades.map((g) => cell(post, g)),
    })),
  };
  const summary = stats
    ? WORKER_POSTS.map((post) => {
        const cells = stats.byPostGrade.filter((c) => c.post === post).map((c) => `${t('workers.gradeValue', { grade: c.grade })} ${c.count}`);
        return `${label(WORKER_POST_LABELS, post)}（${cells.join('，') || 0}）`;
      }).join('；')
    : '';

  return (
    <Card title={<h2 className="card-title">{t('workers.stats.title')}</h2>} size="small" loading={!stats}>
      {stats && (
        <>
          <Space size={32} wrap>
            <Statistic title={t('workers.stats.active')} value={stats.active} />
            <Statistic title={t('workers.stats.fullTimeDegree')} value={stats.fullTimeDegree} />
            {WORKER_POSTS.map((post) => (
              <Statistic key={post} title={label(WORKER_POST_LABELS, post)} value={stats.byPost.find((p) => p.post === post)?.count ?? 0} />
            ))}
            <Statistic title={t('workers.stats.left')} value={stats.left} />
          </Space>
          {stats.active === 0 ? (
            <Empty description={t('workers.stats.empty')} />
          ) : (
            <EChart option={option} height={240} label={t('workers.stats.chartLabel', { summary })} />
          )}
        </>
      )}
    </Card>
  );
}
