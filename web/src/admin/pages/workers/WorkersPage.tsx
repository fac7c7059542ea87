/** 社区工作者名册: filters, the 三岗十八级 distribution, the paged list, export, import and registering a worker. */
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Select, Space, Table, type TableProps } from 'antd';
import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  WORKER_EDUCATION_LABELS,
  WORKER_EDUCATIONS,
  WORKER_GRADE_MAX,
  WORKER_POST_LABELS,
  WORKER_POSTS,
  WORKER_QUALIFICATION_LABELS,
  WORKER_STATUS_LABELS,
  WORKER_STATUSES,
} from '@xj/contracts/domain';
import type { WorkerDto } from '@xj/contracts';
import { usePagedList, type Filters } from '../../../shared/usePagedList';
import { ExportButton } from '../../components/ExportButton';
import { FilterSearch } from '../../components/FilterSearch';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { PATHS, workerPath } from '../../routes';
import { useSession } from '../../session';
import { WorkerFormModal } from './WorkerFormModal';
import { WorkerStatsCard } from './WorkerStatsCard';

export default function WorkersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const { label, options } = useEnumLabels();
  const canManage = can('workers.manage');
  const list = usePagedList<WorkerDto, Filters>('/api/workers', { status: 'active' });
  const [creating, setCreating] = useState(false);
  const [batches, setBatches] = useState<string[]>([]);
  const tableBox = useTableScrollRegion(t('workers.title'), list.rows);

  const select = (key: string, placeholder: string, opts: { value: string; label: string }[]) => (
    <Select<string>
      allowClear
      className="filter-select"
      aria-label={placeholder}
      placeholder={placeholder}
      value={list.filters[key] as string | undefined}
      onChange={(v) => list.setFilters({ [key]: v ?? undefined })}
      options={opts}
      popupMatchSelectWidth={false}
    />
  );

  const columns = useMemo<TableProps<WorkerDto>['columns']>(
    () => [
      {
        title: t('workers.name'),
        key: 'name',
        width: 100,
        fixed: 'left',
        render: (_: unknown, w: WorkerDto) => (
          <Link to={workerPath(w.id)} aria-label={t('workers.detailFor', { name: w.name })}>
            {w.name}
          </Link>
        ),
      },
      { title: t('workers.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
      { title: t('workers.community'), dataIndex: 'communityName', width: 120 },
      { title: t('workers.post'), dataIndex: 'post', width: 130, render: (v: WorkerDto['post']) => label(WORKER_POST_LABELS, v) },
      { title: t('workers.grade'), dataIndex: 'grade', width: 70, render: (v: number) => t('workers.gradeValue', { grade: v }) },
      { title: t('workers.position'), dataIndex: 'position', width: 150, render: (v: string | null) => v ?? '—' },
      { title: t('workers.batch'), dataIndex: 'batch', width: 120 },
      {
        title: t('workers.education'),
        key: 'education',
        width: 130,
        render: (_: unknown, w: WorkerDto) => (
          <>
            {label(WORKER_EDUCATION_LABELS, w.education)}
            {w.fullTimeEducation && `（${t('workers.fullTimeEducation')}）`}
          </>
        ),
      },
      {
        title: t('workers.qualifications'),
        dataIndex: 'qualifications',
        width: 150,
        render: (v: WorkerDto['qualifications']) => (v.length ? v.map((q) => label(WORKER_QUALIFICATION_LABELS, q)).join('、') : '—'),
      },
      { title: t('workers.serviceYears'), dataIndex: 'serviceYears', width: 90, render: (v: number) => t('workers.years', { count: v }) },
      {
        title: t('workers.status'),
        dataIndex: 'status',
        width: 80,
        render: (v: WorkerDto['status']) => <ToneTag tone={v === 'active' ? 'green' : 'grey'}>{label(WORKER_STATUS_LABELS, v)}</ToneTag>,
      },
    ],
    [t, label],
  );

  return (
    <>
      <PageHeader
        title={t('workers.title')}
        description={t('workers.description')}
        extra={
          <Space wrap>
            {canManage && (
              <Button icon={<ImportOutlined />} onClick={() => void navigate(PATHS.workersImport)}>
                {t('registry.excel.import')}
              </Button>
            )}
            <ExportButton path="/api/workers/export" filters={list.filters} fallbackName="community-workers.xlsx" canUnmask={can('people.unmask')} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('common.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Space orientation="vertical" size={16} className="full-width">
        <WorkerStatsCard nodeId={list.filters.nodeId as number | undefined} onLoaded={(s) => setBatches(s.byBatch.map((b) => b.batch))} />
        <Card>
          <div className="filter-bar" role="search" aria-label={t('workers.searchLabel')}>
            <FilterSearch label={t('workers.searchLabel')} placeholder={t('workers.search')} onSearch={(q) => list.setFilters({ q })} />
            <NodeTreeSelect
              className="filter-node"
              aria-label={t('workers.community')}
              placeholder={t('workers.community')}
              deep={false}
              value={list.filters.nodeId as number | undefined}
              onChange={(v) => list.setFilters({ nodeId: v })}
            />
            {select('post', t('workers.post'), options(WORKER_POSTS, WORKER_POST_LABELS))}
            {select(
              'grade',
              t('workers.grade'),
              Array.from({ length: WORKER_GRADE_MAX }, (_, i) => ({ value: String(i + 1), label: t('workers.gradeValue', { grade: i + 1 }) })),
            )}
            {select('status', t('workers.status'), options(WORKER_STATUSES, WORKER_STATUS_LABELS))}
            {select('education', t('workers.education'), options(WORKER_EDUCATIONS, WORKER_EDUCATION_LABELS))}
            {select('fullTimeDegree', t('workers.fullTimeDegree'), [
              { value: 'true', label: t('workers.yes') },
              { value: 'false', label: t('workers.no') },
            ])}
            {select('batch', t('workers.batch'), batches.map((b) => ({ value: b, label: b })))}
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              {t('common.refresh')}
            </Button>
          </div>
          <div ref={tableBox}>
            <Table<WorkerDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1240 }} pagination={list.pagination} />
          </div>
        </Card>
      </Space>
      <WorkerFormModal
        open={creating}
        worker={null}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          void navigate(workerPath(saved.id));
        }}
      />
    </>
  );
}
