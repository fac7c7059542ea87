/**
 * 双报到审批: in-service party members' registrations at compounds, approved or declined (with a
 * reason) by the branch, and withdrawn (撤回/注销报到, with a reason) while pending or approved.
 */
import { useState } from 'react';
import { App, Button, Card, Space, Table, Typography, type TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { DUAL_REGISTRATION_SOURCE_LABELS, DUAL_REGISTRATION_STATUS_LABELS, DUAL_REGISTRATION_STATUSES } from '@xj/contracts/domain';
import type { DualRegistrationDto, DualRegistrationStatus } from '@xj/contracts';
import { api } from '../../../shared/api';
import { usePagedList } from '../../../shared/usePagedList';
import { FilterSelect } from '../../components/FilterSelect';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { useSession } from '../../session';
import { ApproveRegistrationModal } from './ApproveRegistrationModal';
import { WithdrawRegistrationModal } from './WithdrawRegistrationModal';
import { RegistrationStatusTag } from './VolunteerTags';

type Filters = { status?: DualRegistrationStatus; nodeId?: number };

export default function RegistrationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const { label, options } = useEnumLabels();
  const list = usePagedList<DualRegistrationDto, Filters>('/api/volunteers/registrations', { status: 'pending' });
  const tableBox = useTableScrollRegion(t('volunteers.reg.tableRegion'), list.rows);
  const [approving, setApproving] = useState<DualRegistrationDto | null>(null);
  const [declining, setDeclining] = useState<DualRegistrationDto | null>(null);
  const [withdrawing, setWithdrawing] = useState<DualRegistrationDto | null>(null);
  const canManage = can('volunteers.manage');

  const columns: TableProps<DualRegistrationDto>['columns'] = [
    { title: t('volunteers.common.name'), key: 'name', width: 100, render: (_: unknown, r) => r.person.name },
    { title: t('volunteers.common.phone'), key: 'phone', width: 130, render: (_: unknown, r) => <span className="mono">{r.person.phone ?? '—'}</span> },
    { title: t('volunteers.reg.compound'), dataIndex: 'compoundName', width: 150 },
    { title: t('volunteers.reg.workplace'), dataIndex: 'workplaceOrgName', width: 180 },
    { title: t('volunteers.reg.source'), dataIndex: 'source', width: 110, render: (s: DualRegistrationDto['source']) => label(DUAL_REGISTRATION_SOURCE_LABELS, s) },
    {
      title: t('volunteers.common.status'),
      key: 'status',
      width: 160,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <RegistrationStatusTag status={r.status} />
          {r.declineReason && <Typography.Text type="secondary">{r.declineReason}</Typography.Text>}
          {r.withdrawReason && <Typography.Text type="secondary">{r.withdrawReason}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('volunteers.reg.createdAt'), dataIndex: 'createdAt', width: 110, render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
    { title: t('volunteers.reg.decidedBy'), key: 'decided', width: 140, render: (_: unknown, r) => (r.decidedAt ? `${r.decidedByName ?? '—'} ${dayjs(r.decidedAt).format('MM-DD')}` : '—') },
  ];
  if (canManage) {
    columns.push({
      title: t('volunteers.common.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_: unknown, r) =>
        (r.status === 'pending' || r.status === 'approved') && (
          <Space>
            {r.status === 'pending' && (
              <>
                <Button size="small" autoInsertSpace={false} type="primary" onClick={() => setApproving(r)} aria-label={t('volunteers.reg.approveFor', { name: r.person.name })}>
                  {t('volunteers.reg.approve')}
                </Button>
                <Button size="small" autoInsertSpace={false} danger onClick={() => setDeclining(r)} aria-label={t('volunteers.reg.declineFor', { name: r.person.name })}>
                  {t('volunteers.reg.decline')}
                </Button>
              </>
            )}
            <Button size="small" autoInsertSpace={false} onClick={() => setWithdrawing(r)} aria-label={t('volunteers.reg.withdrawFor', { name: r.person.name })}>
              {t('volunteers.reg.withdraw')}
            </Button>
          </Space>
        ),
    });
  }

  return (
    <>
      <PageHeader title={t('nav.volRegistrations')} description={t('volunteers.reg.description')} />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('volunteers.common.filters')}>
          <FilterSelect<DualRegistrationStatus>
            label={t('volunteers.common.status')}
            placeholder={t('volunteers.common.allStatuses')}
            value={list.filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={options(DUAL_REGISTRATION_STATUSES, DUAL_REGISTRATION_STATUS_LABELS) as { value: DualRegistrationStatus; label: string }[]}
          />
          <NodeTreeSelect
            className="filter-node"
            aria-label={t('volunteers.common.node')}
            placeholder={t('volunteers.common.allNodes')}
            deep={false}
            value={list.filters.nodeId}
            onChange={(nodeId) => list.setFilters({ nodeId })}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<DualRegistrationDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1200 }} pagination={list.pagination} />
        </div>
      </Card>
      <ApproveRegistrationModal
        registration={approving}
        onClose={() => setApproving(null)}
        onDone={() => {
          setApproving(null);
          void message.success(t('volunteers.reg.approved'));
          list.reload();
        }}
      />
      <ReasonModal
        open={!!declining}
        title={t('volunteers.reg.declineTitle', { name: declining?.person.name ?? '' })}
        okText={t('volunteers.reg.decline')}
        onClose={() => setDeclining(null)}
        onSubmit={async (reason) => {
          await api.post(`/api/volunteers/registrations/${declining!.id}/decline`, { reason }, { silent: true });
          setDeclining(null);
          void message.success(t('volunteers.reg.declined'));
          list.reload();
        }}
      />
      <WithdrawRegistrationModal
        registration={withdrawing}
        onClose={() => setWithdrawing(null)}
        onDone={() => {
          setWithdrawing(null);
          void message.success(t('volunteers.reg.withdrawn'));
          list.reload();
        }}
      />
    </>
  );
}
