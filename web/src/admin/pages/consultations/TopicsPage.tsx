/**
 * 议题列表: every topic in the caller's scope, server-side paginated, with filters, the
 * category (allowed / excluded colours), status and the five steps as a compact progress.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Space, Table, type TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { CONSULTATION_STEPS, TOPIC_STATUSES } from '@xj/contracts/domain';
import type { ConsultationStep, TopicDto, TopicSource, TopicStatus } from '@xj/contracts';
import { usePagedList } from '../../../shared/usePagedList';
import { FilterSelect } from '../../components/FilterSelect';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { FilterSearch } from '../../components/FilterSearch';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { topicPath } from '../../routes';
import { useSession } from '../../session';
import { CategoryTag, StepProgress, TopicStatusTag } from './ConsultTags';
import { useConsultLabels } from './consultationLabels';
import { TopicCreateModal } from './TopicCreateModal';
import { useAgendaCategories } from './useAgendaCategories';
import './consultations.css';

type TopicFilters = {
  q?: string;
  status?: TopicStatus;
  step?: ConsultationStep;
  categoryId?: number;
  nodeId?: number;
};

export default function TopicsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const labels = useConsultLabels();
  const { list: agenda } = useAgendaCategories();
  const list = usePagedList<TopicDto, TopicFilters>('/api/consultations/topics', {});
  const [creating, setCreating] = useState(false);
  const tableBox = useTableScrollRegion(t('consult.topics.tableRegion'), list.rows);


  const columns: TableProps<TopicDto>['columns'] = [
    {
      title: t('consult.topics.titleCol'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Link to={topicPath(r.id)} className="consult-title-cell" aria-label={t('consult.topics.viewFor', { title })}>
          {title}
        </Link>
      ),
    },
    {
      title: t('consult.topics.place'),
      dataIndex: 'nodeName',
      width: 170,
      render: (name: string, r) => (name === r.communityName ? name : `${r.communityName} / ${name}`),
    },
    { title: t('consult.topics.source'), dataIndex: 'source', width: 100, render: (s: TopicSource) => labels.source(s) },
    { title: t('consult.topics.category'), dataIndex: 'category', width: 140, render: (c: TopicDto['category']) => <CategoryTag category={c} /> },
    { title: t('consult.topics.status'), dataIndex: 'status', width: 100, render: (s: TopicStatus) => <TopicStatusTag status={s} /> },
    { title: t('consult.topics.step'), key: 'step', width: 170, render: (_: unknown, r) => <StepProgress topic={r} /> },
    { title: t('consult.topics.raisedAt'), dataIndex: 'createdAt', width: 110, render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
  ];

  return (
    <>
      <PageHeader
        title={t('consult.topics.title')}
        description={t('consult.topics.description')}
        extra={
          can('consultations.raise') && (
            <Space wrap>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('consult.topics.create')}
              </Button>
            </Space>
          )
        }
      />
      <Card className="consult-card">
        <div className="filter-bar" role="search" aria-label={t('consult.topics.filters')}>
          <FilterSearch label={t('consult.topics.search')} placeholder={t('consult.topics.searchPlaceholder')} onSearch={(q) => list.setFilters({ q })} />
          <FilterSelect<TopicStatus>
            label={t('consult.topics.status')}
            placeholder={t('consult.topics.allStatuses')}
            value={list.filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={TOPIC_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          />
          <FilterSelect<ConsultationStep>
            label={t('consult.topics.step')}
            placeholder={t('consult.topics.allSteps')}
            value={list.filters.step}
            onChange={(step) => list.setFilters({ step })}
            options={CONSULTATION_STEPS.map((s, i) => ({ value: s, label: `${i + 1}. ${labels.step(s)}` }))}
          />
          <FilterSelect<number>
            label={t('consult.topics.category')}
            placeholder={t('consult.topics.allCategories')}
            value={list.filters.categoryId}
            onChange={(categoryId) => list.setFilters({ categoryId })}
            options={(agenda?.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${labels.kind(c.kind)}）` }))}
            wideDropdown
          />
          <NodeTreeSelect
            className="filter-node"
            aria-label={t('consult.topics.place')}
            placeholder={t('consult.topics.allNodes')}
            deep={false}
            value={list.filters.nodeId}
            onChange={(nodeId) => list.setFilters({ nodeId })}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<TopicDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1000 }} pagination={list.pagination} />
        </div>
      </Card>
      <TopicCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(topic) => {
          setCreating(false);
          void message.success(t('consult.create.created'));
          void navigate(topicPath(topic.id));
        }}
      />
    </>
  );
}
