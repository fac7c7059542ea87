/** 绩效考核: the assessment rounds the caller can see, and 开启考核 (workers.manage). */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Progress, Space, Table, type TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_ROUND_KIND_LABELS } from '@xj/contracts/domain';
import type { AssessmentRoundDto, AssessmentRoundKind, AssessmentRoundSummaryDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { workerAssessmentPath } from '../../routes';
import { useSession } from '../../session';
import { AssessmentOpenModal } from './AssessmentOpenModal';

type Status = 'open' | 'closed';
const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

export function AssessmentStatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <ToneTag tone={status === 'open' ? 'blue' : 'grey'}>{t(`workerDev.status.${status}`)}</ToneTag>;
}

export default function AssessmentsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { label } = useEnumLabels();
  const [year, setYear] = useState<number | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [rows, setRows] = useState<AssessmentRoundSummaryDto[]>([]);
  const [loading, setLoading] = useState(true);
  const [opening, setOpening] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<{ data: AssessmentRoundSummaryDto[] }>('/api/worker-development/rounds', { query: { year, status } })
      .then((r) => setRows(r.data))
      .catch(() => setRows([]))
      .finally(() => setLoading(false));
  }, [year, status]);
  useEffect(load, [load]);

  const columns: TableProps<AssessmentRoundSummaryDto>['columns'] = [
    {
      title: t('workerDev.rounds.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Link to={workerAssessmentPath(r.id)} aria-label={t('workerDev.rounds.viewFor', { name, node: r.nodeName })}>
          {name}
        </Link>
      ),
    },
    { title: t('workerDev.rounds.node'), dataIndex: 'nodeName', width: 140 },
    { title: t('workerDev.rounds.kind'), dataIndex: 'kind', width: 80, render: (k: AssessmentRoundKind) => label(ASSESSMENT_ROUND_KIND_LABELS, k) },
    { title: t('workerDev.rounds.year'), dataIndex: 'year', width: 80 },
    { title: t('workerDev.rounds.deadline'), dataIndex: 'deadline', width: 110 },
    { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: Status) => <AssessmentStatusTag status={s} /> },
    {
      title: t('workerDev.rounds.progress'),
      key: 'progress',
      width: 220,
      render: (_: unknown, r) => (
        <Space size={8}>
          <Progress type="circle" size={20} percent={r.workers === 0 ? 0 : Math.round((r.scored / r.workers) * 100)} showInfo={false} aria-hidden />
          <span>{t('workerDev.rounds.scoredOf', { scored: r.scored, workers: r.workers })}</span>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('workerDev.rounds.title')}
        description={t('workerDev.rounds.description')}
        extra={
          can('workers.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              {t('workerDev.open.button')}
            </Button>
          )
        }
      />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('workerDev.common.filters')}>
          <FilterSelect<Status>
            label={t('common.status')}
            placeholder={t('workerDev.common.allStatuses')}
            value={status}
            onChange={setStatus}
            options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`workerDev.status.${s}`) }))}
          />
          <FilterSelect<number>
            label={t('workerDev.rounds.year')}
            placeholder={t('workerDev.common.allYears')}
            value={year}
            onChange={setYear}
            options={YEARS.map((y) => ({ value: y, label: t('workerDev.common.yearValue', { year: y }) }))}
          />
          <Button icon={<ReloadOutlined />} onClick={load}>
            {t('common.refresh')}
          </Button>
        </div>
        <Table<AssessmentRoundSummaryDto> rowKey="id" columns={columns} dataSource={rows} loading={loading} scroll={{ x: 960 }} pagination={false} />
      </Card>
      <AssessmentOpenModal
        open={opening}
        onClose={() => setOpening(false)}
        onSaved={(r: AssessmentRoundDto) => {
          setOpening(false);
          void message.success(t('workerDev.open.done', { name: r.name, n: r.workers }));
          void navigate(workerAssessmentPath(r.id));
        }}
      />
    </>
  );
}
