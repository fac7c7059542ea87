/**
 * 干部征求意见: the organisation department's requests (all of them, with 发起征求意见), or a branch
 * secretary's requests to answer (the server narrows the list to the user's branches).
 */
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Space, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { CADRE_OPINION_PURPOSE_LABELS, CADRE_OPINION_STATUS_LABELS, CADRE_OPINION_STATUSES } from '@xj/contracts/domain';
import type { CadreOpinionStatus, CadreOpinionSummaryDto } from '@xj/contracts';
import { usePagedList } from '../../../shared/usePagedList';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { cadreOpinionPath } from '../../routes';
import { useSession } from '../../session';
import { CadreOpinionCreateModal } from './CadreOpinionCreateModal';
import { CadreOpinionAnswerTag, CadreOpinionStatusTag, OverdueTag } from './CadreOpinionTags';

type Filters = { status?: CadreOpinionStatus; year?: number };

/** The year filter offers the last few years (requests older than that are rare to look up). */
const YEARS_OFFERED = 6;

export default function CadreOpinionsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { label, options } = useEnumLabels();
  const list = usePagedList<CadreOpinionSummaryDto, Filters>('/api/cadre-opinions', {});
  const tableBox = useTableScrollRegion(t('cadreOpinions.tableRegion'), list.rows);
  const [creating, setCreating] = useState(false);
  const requester = can('cadreOpinions.request');
  const years = useMemo(() => {
    const now = dayjs().year();
    return Array.from({ length: YEARS_OFFERED }, (_, i) => ({ value: now - i, label: t('cadreOpinions.yearOption', { year: now - i }) }));
  }, [t]);

  const columns: TableProps<CadreOpinionSummaryDto>['columns'] = [
    {
      title: t('cadreOpinions.cadre'),
      key: 'cadre',
      width: 140,
      fixed: 'left',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={cadreOpinionPath(r.id)} aria-label={t('cadreOpinions.openFor', { name: r.person.name })}>
            {r.person.name}
          </Link>
          {r.person.phone && <span className="mono">{r.person.phone}</span>}
        </Space>
      ),
    },
    {
      title: t('cadreOpinions.compoundBranch'),
      key: 'compound',
      width: 200,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.compoundName}</span>
          <Typography.Text type="secondary">{r.branchName}</Typography.Text>
        </Space>
      ),
    },
    { title: t('cadreOpinions.purpose'), dataIndex: 'purpose', width: 100, render: (p: CadreOpinionSummaryDto['purpose']) => label(CADRE_OPINION_PURPOSE_LABELS, p) },
    { title: t('cadreOpinions.post'), dataIndex: 'post', width: 200 },
    { title: t('cadreOpinions.requestedAt'), dataIndex: 'requestedAt', width: 110, render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
    {
      title: t('cadreOpinions.deadline'),
      key: 'deadline',
      width: 150,
      render: (_: unknown, r) => (
        <Space size={4}>
          <span>{r.deadline}</span>
          {r.overdue && <OverdueTag />}
        </Space>
      ),
    },
    { title: t('cadreOpinions.status'), key: 'status', width: 90, render: (_: unknown, r) => <CadreOpinionStatusTag status={r.status} /> },
    {
      title: t('cadreOpinions.answer'),
      key: 'answer',
      width: 200,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <CadreOpinionAnswerTag answer={r.answer} />
          {r.answeredAt && <Typography.Text type="secondary">{dayjs(r.answeredAt).format('YYYY-MM-DD')}</Typography.Text>}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={requester ? t('cadreOpinions.title') : t('cadreOpinions.answerTitle')}
        description={requester ? t('cadreOpinions.description') : t('cadreOpinions.answerDescription')}
        extra={
          requester && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('cadreOpinions.create')}
            </Button>
          )
        }
      />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('cadreOpinions.filters')}>
          <FilterSelect<CadreOpinionStatus>
            label={t('cadreOpinions.status')}
            placeholder={t('cadreOpinions.allStatuses')}
            value={list.filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={options(CADRE_OPINION_STATUSES, CADRE_OPINION_STATUS_LABELS) as { value: CadreOpinionStatus; label: string }[]}
          />
          <FilterSelect<number>
            label={t('cadreOpinions.year')}
            placeholder={t('cadreOpinions.allYears')}
            value={list.filters.year}
            onChange={(year) => list.setFilters({ year })}
            options={years}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<CadreOpinionSummaryDto>
            rowKey="id"
            columns={columns}
            dataSource={list.rows}
            loading={list.loading}
            scroll={{ x: 1200 }}
            pagination={list.pagination}
          />
        </div>
      </Card>
      {requester && (
        <CadreOpinionCreateModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            void message.success(t('cadreOpinions.created'));
            void navigate(cadreOpinionPath(created.id));
          }}
        />
      )}
    </>
  );
}
