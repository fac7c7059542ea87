/** 案例申报: the caller's jurisdiction's cases in work (or of one status), with create, edit and submit. */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Flex, Select, Space, Table, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { INNOVATION_EDITABLE, INNOVATION_STATUSES } from '@xj/contracts/domain';
import type { InnovationCaseDetailDto, InnovationCaseSummaryDto, InnovationStatus, InnovationSubmissionsDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { innovationPath } from '../../routes';
import { CaseFormModal } from './CaseFormModal';
import { InnovationStatusTag } from './InnovationStatusTag';

const PAGE_SIZE = 20;

export default function InnovationSubmissionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<InnovationStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<InnovationSubmissionsDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [modal, setModal] = useState<{ editing: InnovationCaseDetailDto | null } | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const load = useCallback(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (status) params.set('status', status);
    setLoading(true);
    api
      .get<InnovationSubmissionsDto>(`/api/innovation/submissions?${params}`)
      .then(setData)
      .catch(() => setData(null))
      .finally(() => setLoading(false));
  }, [status, page]);
  useEffect(load, [load]);

  const edit = async (id: number) => setModal({ editing: await api.get<InnovationCaseDetailDto>(`/api/innovation/${id}`) });
  const submit = async (id: number) => {
    setBusyId(id);
    try {
      await api.post(`/api/innovation/${id}/submit`, {});
      void message.success(t('innovation.case.submitted'));
      load();
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableProps<InnovationCaseSummaryDto>['columns'] = [
    { title: t('innovation.caseTitle'), dataIndex: 'title', render: (title: string, r) => <Link to={innovationPath(r.id)}>{title}</Link> },
    { title: t('innovation.unit'), dataIndex: 'unitName' },
    { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: InnovationStatus) => <InnovationStatusTag status={s} /> },
    { title: t('innovation.submissions.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r) =>
        INNOVATION_EDITABLE.includes(r.status) && (
          <Space wrap>
            <Button size="small" autoInsertSpace={false} onClick={() => void edit(r.id)} aria-label={`${t('innovation.case.edit')} ${r.title}`}>
              {t('innovation.case.edit')}
            </Button>
            <Button size="small" type="primary" loading={busyId === r.id} onClick={() => void submit(r.id)} aria-label={`${t('innovation.case.submit')} ${r.title}`}>
              {t('innovation.case.submit')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('innovation.submissions.title')}
        description={t('innovation.submissions.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ editing: null })}>
            {t('innovation.submissions.create')}
          </Button>
        }
      />
      <Card>
        <Flex vertical gap={12}>
          <Select<InnovationStatus | 'inWork'>
            aria-label={t('innovation.submissions.statusFilter')}
            style={{ width: 280 }}
            value={status ?? 'inWork'}
            onChange={(v) => {
              setStatus(v === 'inWork' ? undefined : v);
              setPage(1);
            }}
            options={[{ value: 'inWork', label: t('innovation.submissions.inWork') }, ...INNOVATION_STATUSES.map((s) => ({ value: s, label: t(`innovation.status.${s}`) }))]}
          />
          <Table
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={data?.data ?? []}
            columns={columns}
            locale={{ emptyText: t('innovation.submissions.empty') }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.pagination.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
            scroll={{ x: 'max-content' }}
          />
        </Flex>
      </Card>
      <CaseFormModal open={modal !== null} editing={modal?.editing ?? null} onClose={() => setModal(null)} onSaved={load} />
    </>
  );
}
