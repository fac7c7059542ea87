/** 积分排行: the month's top earners (50) in a node of the caller's scope. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Card, DatePicker, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { PointLeaderboardDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { pointLedgerPath } from '../../routes';

type Row = PointLeaderboardDto['data'][number];

export default function LeaderboardPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const [nodeId, setNodeId] = useState<number | undefined>();
  const [rows, setRows] = useState<Row[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .get<PointLeaderboardDto>('/api/points/leaderboard', { query: { month: month.format('YYYY-MM'), nodeId }, signal: controller.signal })
      .then((r) => setRows(r.data))
      .catch(() => undefined)
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [month, nodeId]);

  const columns: TableProps<Row>['columns'] = [
    { title: t('volunteers.points.rank'), dataIndex: 'rank', width: 70 },
    {
      title: t('volunteers.common.name'),
      dataIndex: 'name',
      width: 120,
      render: (name: string, r) => (
        <Link to={pointLedgerPath(r.personId)} aria-label={t('volunteers.members.ledgerFor', { name })}>
          {name}
        </Link>
      ),
    },
    { title: t('volunteers.common.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    { title: t('volunteers.common.node'), dataIndex: 'nodeName', width: 180 },
    { title: t('volunteers.points.monthPoints'), dataIndex: 'points', width: 100, align: 'right' },
  ];

  return (
    <>
      <PageHeader title={t('nav.pointLeaderboard')} description={t('volunteers.points.leaderboardDescription')} />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('volunteers.common.filters')}>
          <NodeTreeSelect className="filter-node" aria-label={t('volunteers.common.node')} placeholder={t('volunteers.common.allNodes')} deep={false} value={nodeId} onChange={setNodeId} />
          <DatePicker picker="month" aria-label={t('volunteers.points.month')} value={month} allowClear={false} onChange={(m) => m && setMonth(m)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        </div>
        <Table<Row> rowKey="personId" columns={columns} dataSource={rows} loading={loading} scroll={{ x: 600 }} pagination={false} />
      </Card>
    </>
  );
}
