/** A secretary's medal history: medal counts and the rank in each monthly contest (a trend chart with a table as its text alternative). */
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Card, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Medal, MedalHistoryDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { EChart } from '../../components/EChart';
import { PageHeader } from '../../components/PageHeader';
import { MedalTag } from './ContestDetailPage';
import { medalTrendOption } from './medalTrend';

export default function MedalHistoryPage() {
  const { t } = useTranslation();
  const workerId = Number(useParams().workerId);
  const [h, setH] = useState<MedalHistoryDto | null>(null);
  useEffect(() => {
    api.get<MedalHistoryDto>(`/api/secretary-contests/workers/${workerId}/medals`).then(setH).catch(() => setH(null));
  }, [workerId]);
  const option = useMemo(
    () => h && medalTrendOption(h, { rank: t('contest.historyPage.rankSeries'), total: t('contest.historyPage.totalSeries'), medal: (m: Medal) => t(`contest.medal.${m}`) }),
    [h, t],
  );
  if (!h || !option) return <PageHeader title={t('contest.historyPage.title')} />;
  return (
    <>
      <PageHeader title={`${t('contest.historyPage.title')} · ${h.worker.communityName} ${h.worker.name}`} description={t('contest.historyPage.medals', h.medals)} />
      <Space orientation="vertical" size={16} className="full-width">
        {h.contests.length > 0 && (
          <Card title={<h2 className="card-title">{t('contest.historyPage.trend')}</h2>}>
            <EChart option={option} height={320} label={t('contest.historyPage.chartLabel', { name: h.worker.name })} />
          </Card>
        )}
        <Card title={<h2 className="card-title">{t('contest.historyPage.table')}</h2>}>
          <Table
            rowKey="contestId"
            size="small"
            pagination={false}
            dataSource={h.contests}
            columns={[
              { title: t('contest.month'), dataIndex: 'month' },
              { title: t('contest.detail.rank'), key: 'rank', render: (_: unknown, r) => (r.rank === null ? '—' : t('contest.historyPage.rankOf', { rank: r.rank, of: r.contestants })) },
              { title: t('contest.detail.total'), dataIndex: 'total', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
              { title: t('contest.detail.medal'), dataIndex: 'medal', render: (m: Medal | null) => m && <MedalTag medal={m} /> },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
