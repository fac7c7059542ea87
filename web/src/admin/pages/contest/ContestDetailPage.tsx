/** One contest: contestants with the judges' progress, closing (county), and the results with medals and rewards. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Alert, Button, Card, Descriptions, Space, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContestDetailDto, ContestEntryDto, Medal } from '@xj/contracts';
import { api } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { contestJudgePath, contestMedalsPath, contestTestPath } from '../../routes';
import { ContestStatusTag } from './ContestsPage';

const MEDAL_TONE: Record<Medal, 'gold' | 'grey' | 'orange'> = { gold: 'gold', silver: 'grey', bronze: 'orange' };

export function MedalTag({ medal }: { medal: Medal }) {
  const { t } = useTranslation();
  return <ToneTag tone={MEDAL_TONE[medal]}>{t(`contest.medal.${medal}`)}</ToneTag>;
}

export default function ContestDetailPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const id = Number(useParams().id);
  const [c, setC] = useState<ContestDetailDto | null>(null);
  const load = useCallback(() => {
    api.get<ContestDetailDto>(`/api/secretary-contests/${id}`).then(setC).catch(() => setC(null));
  }, [id]);
  useEffect(load, [load]);
  if (!c) return <PageHeader title={t('contest.title')} />;

  const close = () =>
    modal.confirm({
      title: t('contest.detail.close'),
      content: t('contest.detail.closeConfirm'),
      onOk: async () => {
        setC(await api.post<ContestDetailDto>(`/api/secretary-contests/${id}/close`));
        void message.success(t('contest.detail.closed'));
      },
    });
  const n = (v: number | null) => (v === null ? '—' : v.toFixed(2));
  const closed = c.status === 'closed';
  const columns: TableProps<ContestEntryDto>['columns'] = [
    ...(closed ? [{ title: t('contest.detail.rank'), dataIndex: 'rank', width: 60 }] : []),
    { title: t('contest.detail.community'), key: 'community', render: (_: unknown, e: ContestEntryDto) => e.worker.communityName },
    { title: t('contest.detail.secretary'), key: 'name', render: (_: unknown, e: ContestEntryDto) => <Link to={contestMedalsPath(e.worker.id)}>{e.worker.name}</Link> },
    ...(closed
      ? [
          { title: t('contest.detail.report'), dataIndex: 'report', render: n },
          { title: t('contest.detail.visit'), dataIndex: 'visit', render: n },
          { title: t('contest.detail.test'), dataIndex: 'test', render: n },
          { title: t('contest.detail.total'), dataIndex: 'total', render: n },
          { title: t('contest.detail.medal'), dataIndex: 'medal', render: (m: Medal | null) => m && <MedalTag medal={m} /> },
          { title: t('contest.detail.reward'), key: 'reward', render: (_: unknown, e: ContestEntryDto) => e.rewardText && `${e.rewardText}（¥${e.rewardAmount}）` },
        ]
      : [{ title: t('contest.detail.progress'), key: 'progress', render: (_: unknown, e: ContestEntryDto) => `${e.judged.report} / ${e.judged.visit} / ${e.testSubmittedAt ? '✓' : '—'}` }]),
  ];

  return (
    <>
      <PageHeader
        title={c.title}
        extra={
          <Space wrap>
            {!closed && c.isJudge && <Link to={contestJudgePath(c.id)}>{t('contest.judgeEntry')}</Link>}
            {!closed && c.myEntryId !== null && <Link to={contestTestPath(c.id)}>{t('contest.testEntry')}</Link>}
            {!closed && c.canManage && <Button danger onClick={close}>{t('contest.detail.close')}</Button>}
          </Space>
        }
      />
      <Card>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('common.status')}><ContestStatusTag status={c.status} /></Descriptions.Item>
          <Descriptions.Item label={t('contest.weights')}>{`${c.weights.report} / ${c.weights.visit} / ${c.weights.test}`}</Descriptions.Item>
          <Descriptions.Item label={t('contest.detail.judges')}>{c.judges.map((j) => j.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('contest.detail.window')}>{`${new Date(c.testOpensAt).toLocaleString()} – ${new Date(c.testClosesAt).toLocaleString()}`}</Descriptions.Item>
        </Descriptions>
        {closed && <Alert type="info" showIcon title={t('contest.detail.tieRule')} style={{ marginBottom: 12 }} />}
        <Table rowKey="id" size="small" dataSource={c.entries} columns={columns} pagination={false} scroll={{ x: 'max-content' }} />
      </Card>
    </>
  );
}
