/**
 * 双报到党员: approved dual-registered members with their last service and total hours; those
 * who have not served within the period (the county's setting, or one typed here) are tagged 未服务.
 * The county changes the setting here; a member's registration can be withdrawn (撤回报到).
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, InputNumber, Table, type TableProps } from 'antd';
import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ROLE_PERMISSIONS, VOLUNTEER_LIMITS } from '@xj/contracts/domain';
import type { DualMemberDto, VolunteerSettingsDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { usePagedList } from '../../../shared/usePagedList';
import { FilterSelect } from '../../components/FilterSelect';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { pointLedgerPath } from '../../routes';
import { useSession } from '../../session';
import { InactiveDaysModal } from './InactiveDaysModal';
import { WithdrawRegistrationModal } from './WithdrawRegistrationModal';

type Filters = { nodeId?: number; inactive?: 'true' | 'false'; inactiveDays?: number };

export default function DualMembersPage() {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const { message } = App.useApp();
  const list = usePagedList<DualMemberDto, Filters>('/api/volunteers/members', {});
  const [settings, setSettings] = useState<VolunteerSettingsDto | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [withdrawing, setWithdrawing] = useState<DualMemberDto | null>(null);
  const canManage = can('volunteers.manage');
  // The period is the county's rule: only volunteers.manage granted at the county changes it (the server checks too).
  const canSetPeriod = !!me?.grants.some((g) => g.nodeKind === 'county' && ROLE_PERMISSIONS[g.role].includes('volunteers.manage'));

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<VolunteerSettingsDto>('/api/volunteers/settings', { signal: controller.signal, silent: true })
      .then(setSettings)
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  const tableBox = useTableScrollRegion(t('volunteers.members.tableRegion'), list.rows);
  const date = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : '—');

  const columns: TableProps<DualMemberDto>['columns'] = [
    {
      title: t('volunteers.common.name'),
      key: 'name',
      width: 110,
      render: (_: unknown, r) =>
        can('points.read') ? (
          <Link to={pointLedgerPath(r.person.id)} aria-label={t('volunteers.members.ledgerFor', { name: r.person.name })}>
            {r.person.name}
          </Link>
        ) : (
          r.person.name
        ),
    },
    { title: t('volunteers.common.phone'), key: 'phone', width: 130, render: (_: unknown, r) => <span className="mono">{r.person.phone ?? '—'}</span> },
    { title: t('volunteers.reg.compound'), dataIndex: 'compoundName', width: 150 },
    { title: t('volunteers.reg.workplace'), dataIndex: 'workplaceOrgName', width: 180, render: (v: string | null) => v ?? '—' },
    { title: t('volunteers.members.approvedAt'), dataIndex: 'approvedAt', width: 110, render: date },
    { title: t('volunteers.members.lastService'), dataIndex: 'lastServiceAt', width: 110, render: date },
    { title: t('volunteers.members.totalHours'), dataIndex: 'totalHours', width: 100, align: 'right', render: (h: number) => h.toFixed(1) },
    {
      title: t('volunteers.members.service'),
      dataIndex: 'inactive',
      width: 90,
      render: (inactive: boolean) => (inactive ? <ToneTag tone="orange">{t('volunteers.members.inactiveTag')}</ToneTag> : <ToneTag tone="green">{t('volunteers.members.activeTag')}</ToneTag>),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('volunteers.common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, r) =>
        r.registrationId !== null && (
          <Button size="small" autoInsertSpace={false} onClick={() => setWithdrawing(r)} aria-label={t('volunteers.reg.withdrawFor', { name: r.person.name })}>
            {t('volunteers.reg.withdraw')}
          </Button>
        ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.volMembers')}
        description={
          settings ? t('volunteers.members.currentDescription', { days: settings.inactiveDays }) : t('volunteers.members.description', { days: VOLUNTEER_LIMITS.inactiveDaysDefault })
        }
        extra={
          canSetPeriod && (
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
              {t('volunteers.members.settings')}
            </Button>
          )
        }
      />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('volunteers.common.filters')}>
          <NodeTreeSelect
            className="filter-node"
            aria-label={t('volunteers.common.node')}
            placeholder={t('volunteers.common.allNodes')}
            deep={false}
            value={list.filters.nodeId}
            onChange={(nodeId) => list.setFilters({ nodeId })}
          />
          <FilterSelect<'true' | 'false'>
            label={t('volunteers.members.service')}
            placeholder={t('volunteers.members.allService')}
            value={list.filters.inactive}
            onChange={(inactive) => list.setFilters({ inactive })}
            options={[
              { value: 'true', label: t('volunteers.members.inactiveTag') },
              { value: 'false', label: t('volunteers.members.activeTag') },
            ]}
          />
          <InputNumber<number>
            aria-label={t('volunteers.members.inactiveDays')}
            placeholder={t('volunteers.members.inactiveDaysPlaceholder')}
            min={VOLUNTEER_LIMITS.inactiveDaysMin}
            max={VOLUNTEER_LIMITS.inactiveDaysMax}
            precision={0}
            suffix={t('volunteers.members.days')}
            style={{ width: 170 }}
            onChange={(v) => {
              // Half-typed numbers below the minimum are not sent (the server would refuse them).
              if (v === null || (v >= VOLUNTEER_LIMITS.inactiveDaysMin && v <= VOLUNTEER_LIMITS.inactiveDaysMax)) list.setFilters({ inactiveDays: v ?? undefined });
            }}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<DualMemberDto> rowKey="partyMemberId" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1100 }} pagination={list.pagination} />
        </div>
      </Card>
      <InactiveDaysModal
        open={settingsOpen}
        current={settings?.inactiveDays ?? null}
        onClose={() => setSettingsOpen(false)}
        onSaved={(next) => {
          setSettings(next);
          setSettingsOpen(false);
          void message.success(t('volunteers.members.settingsSaved'));
          list.reload();
        }}
      />
      <WithdrawRegistrationModal
        registration={withdrawing && { id: withdrawing.registrationId!, person: withdrawing.person, compoundName: withdrawing.compoundName, status: 'approved' }}
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
