/** 擂台比武: the monthly contests, newest first, with links to score (judges) and to take the test (contestants). */
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Space, Table, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ContestSummaryDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { contestJudgePath, contestPath, contestTestPath, PATHS } from '../../routes';
import { useSession } from '../../session';
import { ContestCreateModal } from './ContestCreateModal';

export function ContestStatusTag({ status }: { status: ContestSummaryDto['status'] }) {
  const { t } = useTranslation();
  return <ToneTag tone={status === 'open' ? 'blue' : 'grey'}>{t(`contest.status.${status}`)}</ToneTag>;
}

export default function ContestsPage() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ContestSummaryDto[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const manage = can('contest.manage');
  useEffect(() => {
    api
      .get<{ data: ContestSummaryDto[] }>('/api/secretary-contests')
      .then((r) => setRows(r.data))
      .catch(() => setRows([]))
      .finally(() => setLoading(false));
  }, []);

  const columns: TableProps<ContestSummaryDto>['columns'] = [
    { title: t('contest.month'), dataIndex: 'month', width: 90 },
    { title: t('contest.name'), dataIndex: 'title', render: (title: string, r) => <Link to={contestPath(r.id)}>{title}</Link> },
    { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: ContestSummaryDto['status']) => <ContestStatusTag status={s} /> },
    { title: t('contest.contestants'), dataIndex: 'contestants', width: 90 },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, r) =>
        r.status === 'open' && (
          <Space wrap>
            {r.isJudge && <Link to={contestJudgePath(r.id)}>{t('contest.judgeEntry')}</Link>}
            {r.myEntryId !== null && <Link to={contestTestPath(r.id)}>{t('contest.testEntry')}</Link>}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('contest.title')}
        description={t('contest.description')}
        extra={
          manage && (
            <Space wrap>
              <Link to={PATHS.contestQuestions}>{t('contest.create.questionBank')}</Link>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('contest.create.open')}</Button>
            </Space>
          )
        }
      />
      <ContestCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          void message.success(t('contest.create.created'));
          void navigate(contestPath(c.id));
        }}
      />
      <Card>
        <Table rowKey="id" size="small" loading={loading} dataSource={rows} columns={columns} pagination={false} scroll={{ x: 'max-content' }} />
      </Card>
    </>
  );
}
