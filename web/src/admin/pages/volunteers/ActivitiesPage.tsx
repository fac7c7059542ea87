/** 志愿活动: activities in the caller's scope by status, organiser and date, and publishing a new one. */
import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, DatePicker, Table, type TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUSES, ACTIVITY_TYPE_LABELS } from '@xj/contracts/domain';
import type { ActivityDto, ActivityStatus, ActivityType } from '@xj/contracts';
import { usePagedList } from '../../../shared/usePagedList';
import { FilterSelect } from '../../components/FilterSelect';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { activityPath } from '../../routes';
import { useSession } from '../../session';
import { ActivityFormModal } from './ActivityFormModal';
import { ActivityStatusTag } from './VolunteerTags';
import { timeRange } from './volunteerFormat';

type Filters = { status?: ActivityStatus; nodeId?: number; from?: string; to?: string };

export default function ActivitiesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const { label, options } = useEnumLabels();
  const list = usePagedList<ActivityDto, Filters>('/api/volunteers/activities', {});
  const tableBox = useTableScrollRegion(t('volunteers.act.tableRegion'), list.rows);
  const [creating, setCreating] = useState(false);

  const columns: TableProps<ActivityDto>['columns'] = [
    {
      title: t('volunteers.act.titleField'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Link to={activityPath(r.id)} aria-label={t('volunteers.act.viewFor', { title })}>
          {title}
        </Link>
      ),
    },
    { title: t('volunteers.act.organiser'), dataIndex: 'nodeName', width: 160, render: (name: string, r) => (name === r.communityName ? name : `${r.communityName} / ${name}`) },
    { title: t('volunteers.act.type'), dataIndex: 'type', width: 100, render: (v: ActivityType) => label(ACTIVITY_TYPE_LABELS, v) },
    { title: t('volunteers.act.time'), key: 'time', width: 200, render: (_: unknown, r) => timeRange(r.startsAt, r.endsAt) },
    { title: t('volunteers.act.place'), dataIndex: 'place', width: 160 },
    { title: t('volunteers.act.signedUp'), key: 'signed', width: 100, align: 'right', render: (_: unknown, r) => `${r.signedUpCount} / ${r.capacity}` },
    { title: t('volunteers.common.status'), dataIndex: 'status', width: 90, render: (s: ActivityStatus) => <ActivityStatusTag status={s} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.volActivities')}
        description={t('volunteers.act.description')}
        extra={
          can('volunteers.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('volunteers.act.create')}
            </Button>
          )
        }
      />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('volunteers.common.filters')}>
          <FilterSelect<ActivityStatus>
            label={t('volunteers.common.status')}
            placeholder={t('volunteers.common.allStatuses')}
            value={list.filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={options(ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS) as { value: ActivityStatus; label: string }[]}
          />
          <NodeTreeSelect
            className="filter-node"
            aria-label={t('volunteers.act.organiser')}
            placeholder={t('volunteers.common.allNodes')}
            deep={false}
            value={list.filters.nodeId}
            onChange={(nodeId) => list.setFilters({ nodeId })}
          />
          <DatePicker.RangePicker
            aria-label={t('volunteers.act.dateRange')}
            placeholder={[t('volunteers.act.from'), t('volunteers.act.to')]}
            onChange={(range) => list.setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<ActivityDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1100 }} pagination={list.pagination} />
        </div>
      </Card>
      <ActivityFormModal
        open={creating}
        activity={null}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          void message.success(t('volunteers.act.created'));
          list.reload();
        }}
      />
    </>
  );
}
