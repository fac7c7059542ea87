/** Workers short of the required training hours in a year, the requirement (set by workers.configure) and the year's Excel record. */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, InputNumber, Modal, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { WORKER_POST_LABELS } from '@xj/contracts/domain';
import type { TrainingRequirementDto, TrainingShortfallDto } from '@xj/contracts';
import { api, download, request } from '../../../shared/api';
import { FilterSelect } from '../../components/FilterSelect';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { useSession } from '../../session';

type Row = TrainingShortfallDto['data'][number];
const TRAINING_YEARS = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - i);

export function TrainingShortfall() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [year, setYear] = useState<number>(TRAINING_YEARS[0]!);
  const [data, setData] = useState<TrainingShortfallDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState(false);
  const [hours, setHours] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<TrainingShortfallDto>('/api/worker-development/training/shortfall', { query: { year } })
      .then(setData)
      .catch(() => setData(null))
      .finally(() => setLoading(false));
  }, [year]);
  useEffect(load, [load]);

  const saveRequirement = async () => {
    if (hours === null) return;
    await request<TrainingRequirementDto>('PUT', '/api/worker-development/training/requirement', { body: { hours } });
    setEditing(false);
    void message.success(t('workerDev.training.requirementSaved', { hours }));
    load();
  };

  const exportYear = async () => {
    setExporting(true);
    try {
      await download('/api/worker-development/training/record.xlsx', `社区工作者培训记录_${year}年.xlsx`, { query: { year } });
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<Row>['columns'] = [
    { title: t('workerDev.common.community'), key: 'community', width: 140, render: (_: unknown, r) => r.worker.communityName },
    { title: t('workerDev.common.name'), key: 'name', width: 100, render: (_: unknown, r) => r.worker.name },
    { title: t('workerDev.common.post'), key: 'post', width: 160, render: (_: unknown, r) => label(WORKER_POST_LABELS, r.worker.post) },
    { title: t('workerDev.training.courses'), dataIndex: 'courses', width: 90, align: 'right' },
    { title: t('workerDev.training.attendedHours'), dataIndex: 'hours', width: 100, align: 'right' },
    { title: t('workerDev.training.shortBy'), dataIndex: 'shortBy', width: 100, align: 'right', render: (v: number) => <Typography.Text type="danger">{v}</Typography.Text> },
  ];

  return (
    <>
      <div className="filter-bar" role="search" aria-label={t('workerDev.common.filters')}>
        <FilterSelect<number>
          label={t('workerDev.rounds.year')}
          placeholder={t('workerDev.common.allYears')}
          value={year}
          onChange={(y) => setYear(y ?? TRAINING_YEARS[0]!)}
          options={TRAINING_YEARS.map((y) => ({ value: y, label: t('workerDev.common.yearValue', { year: y }) }))}
        />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportYear()}>
          {t('workerDev.training.export')}
        </Button>
      </div>
      {data && (
        <Space wrap style={{ marginBottom: 12 }} role="status" aria-live="polite">
          <Typography.Text>
            {t('workerDev.training.requirement', { hours: data.required.hours })}
          </Typography.Text>
          {data.required.isDefault && <Tag>{t('workerDev.training.default')}</Tag>}
          <Typography.Text type="secondary">{t('workerDev.training.shortSummary', { short: data.data.length, workers: data.workers })}</Typography.Text>
          {can('workers.configure') && (
            <Button
              size="small"
              onClick={() => {
                setHours(data.required.hours);
                setEditing(true);
              }}
            >
              {t('workerDev.training.setRequirement')}
            </Button>
          )}
        </Space>
      )}
      <Table<Row> rowKey={(r) => r.worker.id} columns={columns} dataSource={data?.data ?? []} loading={loading} scroll={{ x: 700 }} pagination={{ pageSize: 20, showSizeChanger: false }} />
      <Modal open={editing} title={t('workerDev.training.setRequirement')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void saveRequirement()} onCancel={() => setEditing(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('workerDev.training.requirementHint')}</Typography.Paragraph>
        <label htmlFor="training-required-hours">{t('workerDev.training.requiredHours')}</label>
        <div>
          <InputNumber id="training-required-hours" min={0} max={200} precision={1} step={1} value={hours} onChange={setHours} style={{ width: 160 }} />
        </div>
      </Modal>
    </>
  );
}
