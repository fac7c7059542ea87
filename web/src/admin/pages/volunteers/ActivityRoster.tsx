/** An activity's sign-ups: masked phones, check-in and check-out times, hours, no-shows, and staff check-in/out. */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Space, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { SIGNUP_STATUS_LABELS } from '@xj/contracts/domain';
import type { ActivityRosterDto, RosterEntryDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { dateTime, hours } from './volunteerFormat';

interface Props {
  activityId: number;
  /** Staff may check people in and out (published activity, volunteers.manage). */
  canAttend: boolean;
  /** Bumped by the page to load again (e.g. after closing). */
  version: number;
  onChanged: () => void;
}

export function ActivityRoster({ activityId, canAttend, version, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [rows, setRows] = useState<RosterEntryDto[]>([]);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<ActivityRosterDto>(`/api/volunteers/activities/${activityId}/roster`)
      .then((r) => setRows(r.data))
      .catch(() => undefined)
      .finally(() => setLoading(false));
  }, [activityId]);
  useEffect(load, [load, version]);

  const attend = async (r: RosterEntryDto, step: 'in' | 'out') => {
    setBusy(r.signupId);
    try {
      await api.post(`/api/volunteers/activities/${activityId}/signups/${r.signupId}/check${step}`, {});
      void message.success(step === 'in' ? t('volunteers.roster.checkedIn') : t('volunteers.roster.checkedOut'));
      load();
      onChanged();
    } catch {
      // shown by the API wrapper
    } finally {
      setBusy(null);
    }
  };

  const columns: TableProps<RosterEntryDto>['columns'] = [
    { title: t('volunteers.common.name'), dataIndex: 'name', width: 100, render: (v: string | null) => v ?? t('volunteers.roster.unlinked') },
    { title: t('volunteers.common.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    { title: t('volunteers.roster.member'), dataIndex: 'isMember', width: 70, render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
    {
      title: t('volunteers.common.status'),
      key: 'status',
      width: 100,
      render: (_: unknown, r) =>
        r.noShow ? <ToneTag tone="red">{t('volunteers.roster.noShow')}</ToneTag> : <ToneTag tone={r.status === 'cancelled' ? 'grey' : 'blue'}>{label(SIGNUP_STATUS_LABELS, r.status)}</ToneTag>,
    },
    { title: t('volunteers.roster.signedUpAt'), dataIndex: 'signedUpAt', width: 140, render: dateTime },
    { title: t('volunteers.roster.checkedInAt'), dataIndex: 'checkedInAt', width: 140, render: dateTime },
    { title: t('volunteers.roster.checkedOutAt'), dataIndex: 'checkedOutAt', width: 140, render: dateTime },
    { title: t('volunteers.roster.hours'), dataIndex: 'hours', width: 70, align: 'right', render: hours },
    { title: t('volunteers.roster.points'), dataIndex: 'points', width: 70, align: 'right', render: (v: number | null) => v ?? '—' },
  ];
  if (canAttend) {
    columns.push({
      title: t('volunteers.common.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_: unknown, r) => {
        if (r.status !== 'signed_up' || r.checkedOutAt) return null;
        const who = r.name ?? r.phone ?? '';
        return (
          <Space>
            {!r.checkedInAt && (
              <Button size="small" loading={busy === r.signupId} onClick={() => void attend(r, 'in')} aria-label={t('volunteers.roster.checkInFor', { name: who })}>
                {t('volunteers.roster.checkIn')}
              </Button>
            )}
            {r.checkedInAt && (
              <Button size="small" loading={busy === r.signupId} onClick={() => void attend(r, 'out')} aria-label={t('volunteers.roster.checkOutFor', { name: who })}>
                {t('volunteers.roster.checkOut')}
              </Button>
            )}
          </Space>
        );
      },
    });
  }

  return <Table<RosterEntryDto> rowKey="signupId" columns={columns} dataSource={rows} loading={loading} scroll={{ x: 1100 }} pagination={false} />;
}
